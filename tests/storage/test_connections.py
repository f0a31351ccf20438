"""The storage's connections: reads on their own, large writes as one call on the writing thread."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.feeds.models import FeedFetchState
from storage import SqliteStorage, open_storage
from storage._convert import insert_rows, statement_sizes
from storage.errors import StorageError

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
DEADLINE_S = 10


def _ok_state(feed_id: int, title: str) -> FeedFetchState:
    return FeedFetchState(feed_id=feed_id, fetched_at=NOW, next_due=NOW, ok=True, consecutive_failures=0,
                          title=title)


def _blocking(started: threading.Event, release: threading.Event, feed_id: int):  # type: ignore[no-untyped-def]
    """A write that renames a feed, then holds its transaction open until released."""
    def work(db: sqlite3.Connection) -> None:
        db.execute("UPDATE feeds SET title = 'written' WHERE id = ?", (feed_id,))
        started.set()
        if not release.wait(DEADLINE_S):
            raise TimeoutError("the test never released the write")
    return work


async def _until(event: threading.Event) -> None:
    assert await asyncio.to_thread(event.wait, DEADLINE_S)


async def test_a_read_sees_what_is_committed_and_does_not_wait_for_a_write(storage: SqliteStorage) -> None:
    feed = await storage.add_feed("https://a.example/rss", interval_s=900, next_due=NOW, now=NOW, title="before")
    started, release = threading.Event(), threading.Event()
    write = asyncio.create_task(storage._write(_blocking(started, release, feed.id)))
    await _until(started)
    # The write's transaction is open: a read answers at once, with what was committed before it.
    assert (await asyncio.wait_for(storage.get_feed(feed.id), DEADLINE_S)).title == "before"
    release.set()
    await write
    assert (await storage.get_feed(feed.id)).title == "written"


async def test_a_failed_write_leaves_nothing_and_the_next_one_goes_through(storage: SqliteStorage) -> None:
    feed = await storage.add_feed("https://a.example/rss", interval_s=900, next_due=NOW, now=NOW, title="before")

    def half_then_fail(db: sqlite3.Connection) -> None:
        db.execute("UPDATE feeds SET title = 'half' WHERE id = ?", (feed.id,))
        raise RuntimeError("power cut")

    with pytest.raises(RuntimeError, match="power cut"):
        await storage._write(half_then_fail)
    assert (await storage.get_feed(feed.id)).title == "before"
    await storage.record_fetch_states([_ok_state(feed.id, "after")])
    assert (await storage.get_feed(feed.id)).title == "after"


async def _yield_to_others(times: int) -> None:
    """Lets other tasks run (a cancellation land) without waiting for anything."""
    for _ in range(times):
        await asyncio.sleep(0)


@pytest.mark.parametrize("cancels", [1, 3])
async def test_a_cancelled_write_keeps_the_lock_until_its_transaction_is_over(storage: SqliteStorage,
                                                                              cancels: int) -> None:
    feed = await storage.add_feed("https://a.example/rss", interval_s=900, next_due=NOW, now=NOW, title="before")
    started, release = threading.Event(), threading.Event()
    write = asyncio.create_task(storage._write(_blocking(started, release, feed.id)))
    await _until(started)
    for _ in range(cancels):  # cancelled again while it waits for its transaction: it still waits
        write.cancel()
        await _yield_to_others(5)
        assert write.cancelling() and not write.done() and storage._lock.locked()
    release.set()
    with pytest.raises(asyncio.CancelledError):
        await write
    assert not storage._lock.locked()
    # The transaction ran to its end (it is all or nothing either way) and the next one starts cleanly.
    assert (await storage.get_feed(feed.id)).title == "written"
    await storage.record_fetch_states([_ok_state(feed.id, "next")])
    assert (await storage.get_feed(feed.id)).title == "next"


async def test_a_cancelled_read_does_not_leave_the_next_read_behind(storage: SqliteStorage) -> None:
    """A read cancelled at any point, then a commit: the next read sees it (the reader holds no old snapshot)."""
    for trial in range(240):
        read = asyncio.create_task(storage.list_feeds())
        await _yield_to_others(trial % 12)
        read.cancel()
        await asyncio.wait([read])
        added = await storage.add_feed(f"https://a.example/{trial}", interval_s=900, next_due=NOW, now=NOW)
        assert await storage.get_feed(added.id) is not None, f"trial {trial}"
        assert added.id in {feed.id for feed in await storage.list_feeds()}


def test_insert_rows_writes_every_row_across_statements_with_its_tail() -> None:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE t (k INTEGER PRIMARY KEY, label TEXT, n INTEGER)")
    rows = [(k, f"row\x00{k}", 1) for k in range(1000)]  # 333 rows fit a statement: four statements
    insert_rows(db, "INSERT INTO t (k, label, n)", rows)
    assert db.execute("SELECT count(*), sum(n) FROM t").fetchone() == (1000, 1000)
    assert db.execute("SELECT label FROM t WHERE k = 999").fetchone() == ("row\x00999",)
    insert_rows(db, "INSERT INTO t (k, label, n)", rows[:400], "ON CONFLICT (k) DO UPDATE SET n = n + excluded.n")
    assert db.execute("SELECT count(*), sum(n) FROM t").fetchone() == (1000, 1400)
    insert_rows(db, "INSERT INTO t (k, label, n)", [])
    assert db.execute("SELECT count(*) FROM t").fetchone() == (1000,)


def test_statements_come_in_a_few_sizes_whatever_the_row_count() -> None:
    """Each size is a statement text to prepare; the connection keeps only so many prepared."""
    sizes_seen: set[int] = set()
    for count in range(0, 1200):
        sizes = statement_sizes(count, 55)
        assert sum(sizes) == count and all(0 < size <= 55 for size in sizes)
        assert sizes == sorted(sizes, reverse=True)
        sizes_seen.update(sizes)
    assert sizes_seen == {55, 32, 16, 8, 4, 2, 1}


def test_insert_rows_keeps_the_order_of_rows_across_statements() -> None:
    """An upsert's later row wins: the order of the rows must survive the split into statements."""
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE t (k INTEGER PRIMARY KEY, v INTEGER)")
    rows = [(k % 7, k) for k in range(1000)]  # width 2: two statements of 499 rows, then one of 2
    insert_rows(db, "INSERT INTO t (k, v)", rows, "ON CONFLICT (k) DO UPDATE SET v = excluded.v")
    assert db.execute("SELECT k, v FROM t ORDER BY k").fetchall() == [(k, max(v for kk, v in rows if kk == k))
                                                                      for k in range(7)]


async def test_an_in_memory_database_is_refused_with_a_clear_error() -> None:
    with pytest.raises(StorageError, match="must be a file path"):
        await open_storage(":memory:")


async def test_a_failed_open_leaves_no_connection_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import storage.sqlite as sqlite_module

    made: list[sqlite3.Connection] = []
    connect = sqlite_module._connect

    def recorded(*args, **kwargs):  # type: ignore[no-untyped-def]
        made.append(connect(*args, **kwargs))
        return made[-1]

    async def broken(path: str) -> None:
        raise sqlite3.OperationalError("no checkpoint connection")

    monkeypatch.setattr(sqlite_module, "_connect", recorded)
    monkeypatch.setattr(sqlite_module._Checkpointer, "open", broken)
    with pytest.raises(sqlite3.OperationalError, match="no checkpoint connection"):
        await open_storage(tmp_path / "f.db")
    assert len(made) == 2  # the look-up and the writing connections, both closed again
    for connection in made:
        with pytest.raises(sqlite3.ProgrammingError, match="closed"):
            connection.execute("SELECT 1")


async def test_closing_closes_every_connection(tmp_path: Path) -> None:
    storage = await open_storage(tmp_path / "c.db")
    await storage.add_feed("https://a.example/rss", interval_s=900, next_due=NOW, now=NOW)
    await storage.record_fetch_states([_ok_state(1, "written")])
    assert (tmp_path / "c.db-wal").exists()
    await storage.close()
    # The last connection to close checkpoints and removes the WAL files: one left open would keep them.
    assert sorted(path.name for path in tmp_path.iterdir()) == ["c.db"]


def _in_database_file(path: Path, feed_id: int) -> str | None:
    """The feed's title as the database file itself holds it, without the WAL (what a checkpoint has copied)."""
    with contextlib.closing(sqlite3.connect(f"file:{path}?immutable=1", uri=True)) as db:
        row = db.execute("SELECT title FROM feeds WHERE id = ?", (feed_id,)).fetchone()
    return row[0] if row else None


async def test_a_batch_write_is_checkpointed_into_the_database_file_off_the_writing_thread(tmp_path: Path) -> None:
    storage = await open_storage(tmp_path / "s.db")
    checkpointer = storage._checkpointer
    threads: list[str] = []
    checkpoint = checkpointer._checkpoint

    def recorded() -> None:
        threads.append(threading.current_thread().name)
        checkpoint()

    checkpointer._checkpoint = recorded  # type: ignore[method-assign]
    try:
        feed = await storage.add_feed("https://a.example/rss", interval_s=900, next_due=NOW, now=NOW, title="old")
        await storage.record_fetch_states([_ok_state(feed.id, "checkpointed")])
        # A few pages of WAL: far below the 1,000 at which a writer checkpoints inside its own COMMIT.
        await asyncio.wait_for(checkpointer.settled(), DEADLINE_S)
        assert _in_database_file(tmp_path / "s.db", feed.id) == "checkpointed"
        assert threads and all(name.startswith("sitrep-checkpoint") for name in threads)
    finally:
        await storage.close()


class _RecordedConnection:
    """A connection that notes, with its thread's name, every checkpoint it runs and its closing."""

    def __init__(self, connection: sqlite3.Connection, events: list[tuple[str, str]]) -> None:
        self._connection = connection
        self._events = events

    def execute(self, sql: str) -> sqlite3.Cursor:
        self._events.append((sql, threading.current_thread().name))
        return self._connection.execute(sql)

    def close(self) -> None:
        self._events.append(("close", threading.current_thread().name))
        self._connection.close()


async def test_closing_while_a_checkpoint_runs_and_another_waits(tmp_path: Path,
                                                                 caplog: pytest.LogCaptureFixture) -> None:
    """Close lets the running and the waiting checkpoint finish first, then closes their connection on their
    thread; the last write reaches the database file."""
    storage = await open_storage(tmp_path / "q.db")
    checkpointer = storage._checkpointer
    feed = await storage.add_feed("https://a.example/rss", interval_s=900, next_due=NOW, now=NOW, title="old")
    await asyncio.wait_for(checkpointer.settled(), DEADLINE_S)
    events: list[tuple[str, str]] = []
    checkpointer._connection = _RecordedConnection(checkpointer._connection, events)  # type: ignore[assignment]
    started, release = threading.Event(), threading.Event()
    checkpoint = checkpointer._checkpoint

    def held() -> None:
        if not started.is_set():
            started.set()
            release.wait(DEADLINE_S)
        checkpoint()

    checkpointer._checkpoint = held  # type: ignore[method-assign]
    await storage.record_fetch_states([_ok_state(feed.id, "first")])  # its checkpoint starts and is held
    assert await asyncio.to_thread(started.wait, DEADLINE_S)
    await storage.record_fetch_states([_ok_state(feed.id, "last")])  # its checkpoint waits behind the first
    await storage.record_fetch_states([_ok_state(feed.id, "last")])  # covered by the waiting one: none added
    closing = asyncio.ensure_future(storage.close())
    release.set()
    await asyncio.wait_for(closing, DEADLINE_S)
    checkpoint_sql = "PRAGMA wal_checkpoint(PASSIVE)"
    assert [sql for sql, _ in events] == [checkpoint_sql, checkpoint_sql, "close"]
    assert all(thread.startswith("sitrep-checkpoint") for _, thread in events)
    assert "checkpoint failed" not in caplog.text
    assert _in_database_file(tmp_path / "q.db", feed.id) == "last"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["q.db"]


async def test_the_look_up_connection_stays_on_the_event_loops_thread(storage: SqliteStorage) -> None:
    assert await storage.known_items({1: ["a"]}) == {}
    # A lock fails fast here rather than stall the loop; the other connections wait as long as before.
    assert storage._lookup().execute("PRAGMA busy_timeout").fetchone() == (200,)
    assert await asyncio.get_running_loop().run_in_executor(
        storage._write_thread, lambda: storage._writer.execute("PRAGMA busy_timeout").fetchone()) == (10_000,)
    with pytest.raises(sqlite3.ProgrammingError):  # sqlite3's own check: created on this thread, used on another
        await asyncio.to_thread(storage._lookup().execute, "SELECT 1")
