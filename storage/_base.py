"""What the topic mixins need from the storage class: a look-up connection, a read context, a transaction
context, and a way to run a whole batch of statements as one transaction on the writing thread."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    import aiosqlite

T = TypeVar("T")


class QueriesBase:
    def _lookup(self) -> sqlite3.Connection:
        raise NotImplementedError

    def _read(self) -> AbstractAsyncContextManager[aiosqlite.Connection]:
        raise NotImplementedError

    def _snapshot(self) -> AbstractAsyncContextManager[aiosqlite.Connection]:
        raise NotImplementedError

    def _transaction(self) -> AbstractAsyncContextManager[aiosqlite.Connection]:
        raise NotImplementedError

    async def _write(self, work: Callable[[sqlite3.Connection], T]) -> T:
        raise NotImplementedError
