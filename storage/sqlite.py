"""The SQLite implementation of `Storage`: one aiosqlite connection, WAL, and explicit transactions.

aiosqlite runs every call on one worker thread, so two coroutines could interleave statements inside one
transaction; `_lock` serialises each operation (a read, or a whole transaction) to keep them whole.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import aiosqlite

from storage._articles import ArticleQueries
from storage._discord import DiscordQueries
from storage._feeds import FeedQueries
from storage._stories import StoryQueries
from storage.migrate import apply_migrations

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000


class SqliteStorage(FeedQueries, ArticleQueries, StoryQueries, DiscordQueries):
    """Open with `await open_storage(path)`; close with `await storage.close()`."""

    def __init__(self, db: aiosqlite.Connection, path: Path | str) -> None:
        self._db = db
        self._lock = asyncio.Lock()
        self.path = path

    @asynccontextmanager
    async def _read(self) -> AsyncIterator[aiosqlite.Connection]:
        async with self._lock:
            yield self._db

    @asynccontextmanager
    async def _transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, rolled back on any error: all of a batch, or none of it.

        Cancellation-safe: a caller cancelled while BEGIN is on aiosqlite's thread still gets its ROLLBACK (the
        BEGIN runs anyway), and ROLLBACK / COMMIT are shielded, so no cancelled task can leave the one shared
        connection inside an open transaction for the next caller ("cannot start a transaction within a
        transaction")."""
        async with self._lock:
            try:
                await self._db.execute("BEGIN IMMEDIATE")
                yield self._db
            except BaseException:
                with contextlib.suppress(sqlite3.OperationalError):  # the BEGIN itself failed: nothing to undo
                    await asyncio.shield(self._db.execute("ROLLBACK"))
                raise
            else:
                await asyncio.shield(self._db.execute("COMMIT"))

    async def schema_version(self) -> int:
        async with self._read() as db, db.execute("PRAGMA user_version") as cursor:
            row = await cursor.fetchone()
        return int(row[0]) if row else 0

    async def integrity_check(self) -> str:
        async with self._read() as db, db.execute("PRAGMA integrity_check") as cursor:
            row = await cursor.fetchone()
        return str(row[0]) if row else "no answer"

    async def close(self) -> None:
        async with self._lock:
            try:
                await self._db.execute("PRAGMA optimize")
            except aiosqlite.Error:
                log.debug("PRAGMA optimize failed on close", exc_info=True)
            await self._db.close()


async def open_storage(path: Path | str) -> SqliteStorage:
    """Open (creating if needed) the database at `path`, set it up and migrate it."""
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    db = await aiosqlite.connect(str(path), isolation_level=None)
    try:
        await db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        await db.execute("PRAGMA journal_mode = WAL")
        await db.execute("PRAGMA synchronous = NORMAL")
        await db.execute("PRAGMA foreign_keys = ON")
        await db.execute("PRAGMA temp_store = MEMORY")
        await apply_migrations(db)
    except BaseException:
        await db.close()
        raise
    return SqliteStorage(db, path)
