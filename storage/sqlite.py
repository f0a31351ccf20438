"""The SQLite implementation of `Storage`: five connections to one WAL database, explicit transactions.

Small transactions and migrations go through one aiosqlite connection, reads through another, the pipeline's
look-ups through a plain sqlite3 connection on the event loop's thread, batch writes through a plain sqlite3
connection on a writing thread, and WAL checkpoints through one more on a thread of its own; one lock keeps
transactions on the first and the writing connection apart.

aiosqlite runs every call of a connection on one worker thread, so two coroutines could interleave statements
inside one transaction; each connection's lock serialises its operations (a read, or a whole transaction) to keep
them whole. Reads go to their own connection: in WAL mode they see every committed transaction and never wait
for one being written, so a `/brief` does not queue behind a large group commit.
A large batch of rows (an ingest group, fetch states, deliveries) is written by plain sqlite3 on a thread of its
own, all its statements in one call: through aiosqlite each statement is a round trip to the event loop, which
is busy with other work (analysis results arriving, other feeds) and lets the write wait at every step.

The pipeline's look-ups for a batch (which of its items are known, which links are stored) are read on the event
loop's own thread, from a plain sqlite3 connection: the queries take about 10 us an article, while a round trip
to a reading thread waited about 30 us an article on a busy loop (bench/analyze.py), for the loop to let go of
the GIL and then to take the answer. In WAL mode such a read does not wait for a writer, and its busy timeout is
short: the loop must never stall behind a lock. (The figures are for a database in the page cache; on a cold
cache each probe may be a disk read, still on the loop.)

After each batch write, another connection on a thread of its own copies the new WAL frames into the database
(a passive checkpoint). SQLite would otherwise do that inside the COMMIT of whichever write crossed 1,000 WAL
pages, copying and syncing a few MB while the pipeline waits for that commit (bench/analyze.py: about 30 us of
every article's 480, on the pipeline's critical path). A passive checkpoint never waits for a reader or a writer,
so the next write goes on meanwhile; the writers' own automatic checkpoint stays as the fallback if it falls
behind.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import logging
import sqlite3
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TypeVar

import aiosqlite

from storage._articles import ArticleQueries
from storage._discord import DiscordQueries
from storage._feeds import FeedQueries
from storage._stories import StoryQueries
from storage.errors import StorageError
from storage.migrate import apply_migrations

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000
LOOKUP_BUSY_TIMEOUT_MS = 200  # the look-up connection runs on the event loop's thread
_CONNECTION_PRAGMAS = ("PRAGMA synchronous = NORMAL", "PRAGMA foreign_keys = ON", "PRAGMA temp_store = MEMORY")


def _pragmas(*, read_only: bool = False, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> tuple[str, ...]:
    """Sitrep's pragmas for one connection: its busy timeout, `_CONNECTION_PRAGMAS`, and `query_only` for a
    connection that only reads."""
    return (f"PRAGMA busy_timeout = {busy_timeout_ms}", *_CONNECTION_PRAGMAS,
            *(("PRAGMA query_only = ON",) if read_only else ()))


T = TypeVar("T")


class SqliteStorage(FeedQueries, ArticleQueries, StoryQueries, DiscordQueries):
    """Open with `await open_storage(path)`; close with `await storage.close()`."""

    def __init__(self, db: aiosqlite.Connection, reader: aiosqlite.Connection, lookup: sqlite3.Connection,
                 writer: sqlite3.Connection, write_thread: ThreadPoolExecutor, checkpointer: _Checkpointer,
                 path: Path | str) -> None:
        self._db = db
        self._lock = asyncio.Lock()  # one transaction at a time, on `_db` or `_writer`
        self._reader = reader
        self._read_lock = asyncio.Lock()
        self._lookup_db = lookup  # only ever used on the event loop's thread
        self._writer = writer  # only ever used on `_write_thread`
        self._write_thread = write_thread
        self._checkpointer = checkpointer
        self.path = path

    def _lookup(self) -> sqlite3.Connection:
        return self._lookup_db

    @asynccontextmanager
    async def _read(self) -> AsyncIterator[aiosqlite.Connection]:
        """A connection for reading what is committed (each statement sees the latest commit)."""
        async with self._read_lock:
            try:
                yield self._reader
            except BaseException:
                # A read cancelled while its statement was starting can leave that statement open (its cursor
                # held by aiosqlite's thread, or by the traceback), and with it its snapshot: the next read on
                # this connection would not see later commits. A new connection has no old snapshot.
                if (error := await _outlast(asyncio.ensure_future(self._replace_reader()))) is not None:
                    log.warning("could not reopen the reading connection: %r", error)
                raise

    async def _replace_reader(self) -> None:
        old, self._reader = self._reader, await _connect_reader(self.path)
        await old.close()

    @asynccontextmanager
    async def _snapshot(self) -> AsyncIterator[aiosqlite.Connection]:
        """Like `_read`, for a read of several statements that must all see the same commits."""
        async with self._read() as db:
            await db.execute("BEGIN")
            try:
                yield db
            finally:
                await asyncio.shield(db.execute("COMMIT"))

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

    async def _write(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """Run `work` as one transaction (BEGIN IMMEDIATE ... COMMIT, rolled back on any error) on the writing
        thread. A cancelled caller still holds the lock until that transaction is over, committed or not."""
        async with self._lock:
            done = asyncio.get_running_loop().run_in_executor(self._write_thread, _in_transaction, self._writer, work)
            try:
                result = await asyncio.shield(done)
            except asyncio.CancelledError:
                if (error := await _outlast(done)) is not None:
                    log.warning("a write whose caller was cancelled failed: %r", error)
                raise
            finally:
                self._checkpointer.soon()
            return result

    async def schema_version(self) -> int:
        async with self._read() as db, db.execute("PRAGMA user_version") as cursor:
            row = await cursor.fetchone()
        return int(row[0]) if row else 0

    async def integrity_check(self) -> str:
        async with self._read() as db, db.execute("PRAGMA integrity_check") as cursor:
            row = await cursor.fetchone()
        return str(row[0]) if row else "no answer"

    async def close(self) -> None:
        async with self._read_lock:
            await self._reader.close()
        self._lookup_db.close()
        async with self._lock:
            await asyncio.get_running_loop().run_in_executor(self._write_thread, self._writer.close)
            self._write_thread.shutdown(wait=False)
            await self._checkpointer.close()
            try:
                await self._db.execute("PRAGMA optimize")
            except aiosqlite.Error:
                log.debug("PRAGMA optimize failed on close", exc_info=True)
            await self._db.close()


# RETURNING and ALTER TABLE ... DROP COLUMN arrived in 3.35.0; 3.35.5 fixed DROP COLUMN bugs that could corrupt a
# database.
MIN_SQLITE_VERSION = (3, 35, 5)


async def open_storage(path: Path | str) -> SqliteStorage:
    """Open (creating if needed) the database at `path`, set it up and migrate it."""
    if sqlite3.sqlite_version_info < MIN_SQLITE_VERSION:
        raise StorageError(f"SQLite {sqlite3.sqlite_version} is too old: Sitrep needs "
                           f"{'.'.join(map(str, MIN_SQLITE_VERSION))} or newer (Python's sqlite3 module uses the "
                           "system's library; upgrade it or use a Python built with a newer one)")
    if str(path) == ":memory:":
        raise StorageError(f"the database must be a file path, not {str(path)!r}: Sitrep reads and writes it "
                           "over separate connections")
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    db = await aiosqlite.connect(str(path), isolation_level=None)
    reader: aiosqlite.Connection | None = None
    lookup: sqlite3.Connection | None = None
    writer: sqlite3.Connection | None = None
    write_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sitrep-writer")
    try:
        await db.execute("PRAGMA journal_mode = WAL")
        for pragma in _pragmas():
            await db.execute(pragma)
        await apply_migrations(db)
        reader = await _connect_reader(path)
        lookup = _connect(str(path), read_only=True, on_loop=True)
        writer = await _connect_on(write_thread, str(path))
        checkpointer = await _Checkpointer.open(str(path))
    except BaseException:
        if reader is not None:
            await reader.close()
        if lookup is not None:
            lookup.close()
        if writer is not None:  # the checkpointer's connection could not be made (idle: closed from here)
            writer.close()
        await db.close()
        write_thread.shutdown(wait=False)
        raise
    return SqliteStorage(db, reader, lookup, writer, write_thread, checkpointer, path)


async def _connect_reader(path: Path | str) -> aiosqlite.Connection:
    reader = await aiosqlite.connect(str(path), isolation_level=None)
    try:
        for pragma in _pragmas(read_only=True):
            await reader.execute(pragma)
    except BaseException:
        await reader.close()
        raise
    return reader


async def _outlast(future: asyncio.Future[T]) -> BaseException | None:
    """Wait until `future` is done, however often the waiting task is cancelled meanwhile; return its error."""
    while not future.done():
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.wait([future])
    return None if future.cancelled() else future.exception()


async def _connect_on(thread: ThreadPoolExecutor, path: str) -> sqlite3.Connection:
    """`_connect` on `thread` (the connection's own): a caller cancelled meanwhile leaves nothing open, as the
    connection is closed once it is made."""
    connecting = asyncio.get_running_loop().run_in_executor(thread, _connect, path)
    try:
        return await asyncio.shield(connecting)
    except BaseException:
        connecting.add_done_callback(_close_connection)
        raise


def _close_connection(connecting: asyncio.Future[sqlite3.Connection]) -> None:
    if not connecting.cancelled() and connecting.exception() is None:
        connecting.result().close()


def _connect(path: str, *, read_only: bool = False, on_loop: bool = False) -> sqlite3.Connection:
    """A plain sqlite3 connection with Sitrep's pragmas. `on_loop`: used only on the event loop's thread, so
    sqlite3 checks that it stays there, and a lock (rare in WAL mode) fails fast instead of stalling the loop."""
    # 256 prepared statements kept (sqlite3's default is 128): a batch write uses about 50 insert texts
    # (`insert_rows`), and compiling one of them again costs about ten times running it.
    connection = sqlite3.connect(path, isolation_level=None, check_same_thread=on_loop, cached_statements=256)
    try:
        for pragma in _pragmas(read_only=read_only,
                               busy_timeout_ms=LOOKUP_BUSY_TIMEOUT_MS if on_loop else BUSY_TIMEOUT_MS):
            connection.execute(pragma)
    except BaseException:
        connection.close()
        raise
    return connection


def _in_transaction(db: sqlite3.Connection, work: Callable[[sqlite3.Connection], T]) -> T:
    db.execute("BEGIN IMMEDIATE")
    try:
        result = work(db)
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:  # a failed COMMIT (a deferred constraint) leaves the transaction open
            db.execute("ROLLBACK")
        raise
    return result


class _Checkpointer:
    """Passive WAL checkpoints on a connection and a thread of their own (see the module's docstring).

    At most one checkpoint runs and one waits: a request made while one is waiting to start is covered by it, as
    it starts after that request's commit. (A passive checkpoint may still stop short, at the oldest reader's
    snapshot; the next write asks again, and the writers' automatic checkpoint is the backstop.)"""

    def __init__(self, connection: sqlite3.Connection, thread: ThreadPoolExecutor) -> None:
        self._connection = connection
        self._thread = thread
        self._waiting: concurrent.futures.Future[None] | None = None
        self._closed = False

    @classmethod
    async def open(cls, path: str) -> _Checkpointer:
        thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sitrep-checkpoint")
        try:
            connection = await _connect_on(thread, path)
        except BaseException:
            thread.shutdown(wait=False)
            raise
        return cls(connection, thread)

    def soon(self) -> None:
        """Checkpoint what is committed now, unless a checkpoint that has not started yet will."""
        waiting = self._waiting
        if self._closed or (waiting is not None and not waiting.running() and not waiting.done()):
            return
        self._waiting = self._thread.submit(self._checkpoint)

    async def settled(self) -> None:
        """Wait for the checkpoints asked for so far (the last one asked for comes after every other)."""
        if self._waiting is not None:
            await asyncio.wrap_future(self._waiting)

    def _checkpoint(self) -> None:
        try:
            self._connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        except sqlite3.Error as error:  # the writers' own checkpoints go on; nothing is lost
            log.warning("background WAL checkpoint failed: %r", error)

    async def close(self) -> None:
        self._closed = True
        await asyncio.get_running_loop().run_in_executor(self._thread, self._connection.close)
        self._thread.shutdown(wait=False)
