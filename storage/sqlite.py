"""The SQLite implementation of `Storage`: a writing and a reading aiosqlite connection, WAL, explicit transactions.

aiosqlite runs every call of a connection on one worker thread, so two coroutines could interleave statements
inside one transaction; each connection's lock serialises its operations (a read, or a whole transaction) to keep
them whole. Reads go to their own connection: in WAL mode they see every committed transaction and never wait
for one being written, so a `/brief`, or the look-ups for the next batch, do not queue behind a large group commit.
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

    def __init__(self, db: aiosqlite.Connection, path: Path | str, reader: aiosqlite.Connection | None = None) -> None:
        self._db = db
        self._lock = asyncio.Lock()
        self._reader = reader or db  # an in-memory database has only the one connection
        self._read_lock = asyncio.Lock() if reader is not None else self._lock
        self.path = path

    @asynccontextmanager
    async def _read(self) -> AsyncIterator[aiosqlite.Connection]:
        """A connection for reading what is committed (each statement sees the latest commit)."""
        async with self._read_lock:
            yield self._reader

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
        if self._reader is not self._db:
            async with self._read_lock:
                await self._reader.close()
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
        reader = None if str(path) == ":memory:" else await _open_reader(path)
    except BaseException:
        await db.close()
        raise
    return SqliteStorage(db, path, reader)


async def _open_reader(path: Path | str) -> aiosqlite.Connection:
    reader = await aiosqlite.connect(str(path), isolation_level=None)
    try:
        await reader.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        await reader.execute("PRAGMA temp_store = MEMORY")
        await reader.execute("PRAGMA query_only = ON")
    except BaseException:
        await reader.close()
        raise
    return reader
