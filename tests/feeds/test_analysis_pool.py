"""Parsing and describing in worker processes gives exactly what the main process would have computed."""

from __future__ import annotations

import asyncio
import functools
import logging
import os
import pickle
import re
import signal
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.config import Settings
import bot.facts as facts_module
from bot.facts import (
    Analysis, AnalysisPool, EntryKeys, PackedFacts, PreparedFeed, WorkerCrashed, analyses_of, analysis_of, facts_of,
    prepare_feed,
)
from bot.feeds.fetcher import Fetcher
from bot.feeds.ingest import IngestService
from bot.feeds.parser import FeedParseError, parse_feed
from bot.feeds.registry import add_or_get_feed
from bot.delivery.models import Delivery, merge_deliveries
from bot.intel.analyst import default_analyst
from bot.pipeline import FeedBatch, Incoming, Pipeline
import bot.time_limit as time_limit_module
from bot.time_limit import TimeLimitExceeded, enable_time_limits, time_limit
from storage import SqliteStorage, open_storage
from tests.helpers.feed_server import Reply, ScriptedServer
from tests.helpers.feeds import Item, rss

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
ITEMS = [
    Item("Russian drones hit Kyiv apartment block, killing three",
         "A Russian drone attack overnight struck a nine-storey apartment building in Kyiv's Obolon district, "
         "killing three people, the city's military administration said.", guid="k1", date=NOW - timedelta(hours=3)),
    Item("Three dead as drone slams into residential building in Ukrainian capital",
         "Rescuers in Kyiv pulled residents from a partly collapsed block of flats after a drone hit it during a "
         "night-long Russian raid. Mayor Vitali Klitschko said three people were confirmed dead.",
         guid="k2", date=NOW - timedelta(hours=2)),
    Item("EU adopts new sanctions package targeting Russia's shadow fleet",
         "European Union governments approved a new round of sanctions against Russia on Thursday, adding 118 "
         "tankers to a port-access ban.", guid="e1", date=NOW - timedelta(hours=1)),
]
BODY = rss(ITEMS)


def _unpacked(facts: PackedFacts | None) -> tuple[EntryKeys | None, ...]:
    assert facts is not None
    return facts.unpack()


def _facts(prepared: PreparedFeed | None) -> tuple[EntryKeys | None, ...]:
    assert prepared is not None
    return prepared.facts.unpack()


def _same(prepared: PreparedFeed | None, expected: PreparedFeed) -> bool:
    """The same feed, digests and facts (the facts' pickled bytes may differ: which equal strings are one object)."""
    return (prepared is not None and prepared.feed == expected.feed and prepared.digests == expected.digests
            and _facts(prepared) == _facts(expected))


def test_facts_survive_pickling() -> None:
    """Workers send facts back pickled; the domain tag's read-only mappings must come back equal."""
    prepared = prepare_feed(BODY)
    assert pickle.loads(pickle.dumps(prepared)) == prepared
    facts = prepared.facts.unpack()
    assert facts[0].intel.domains.primary == "military"  # type: ignore[union-attr]
    assert facts == tuple(facts_of(entry) for entry in parse_feed(BODY).entries)


async def test_no_workers_means_the_caller_does_the_work() -> None:
    async with AnalysisPool(0) as pool:
        assert not pool.active
        assert await pool.prepare(BODY) is None
        assert await pool.facts(parse_feed(BODY).entries) is None


async def test_a_worker_prepares_the_same_feed_and_reports_parse_errors() -> None:
    async with AnalysisPool(1) as pool:
        assert _same(await pool.prepare(BODY), prepare_feed(BODY))
        entries = parse_feed(BODY).entries
        assert _unpacked(await pool.facts(entries)) == tuple(facts_of(entry) for entry in entries)
        with pytest.raises(FeedParseError):
            await pool.prepare(b"<rss><channel><item><title>broken")


async def test_a_worker_describes_only_what_its_feed_did_not_send_unchanged_last_time() -> None:
    edited = Item(ITEMS[2].title, ITEMS[2].body + " Hungary abstained.", guid="e1", date=ITEMS[2].date)
    extra = Item("Iran and Russia sign a military cooperation pact", "Tehran and Moscow signed a treaty.",
                 guid="r1", date=NOW)
    later = rss([ITEMS[0], ITEMS[1], edited, extra])
    expected = prepare_feed(later)
    async with AnalysisPool(1) as pool:
        assert _facts(await pool.prepare(BODY, feed_id=7)) == prepare_feed(BODY).facts.unpack()
        again = await pool.prepare(BODY, feed_id=7)
        assert again is not None and _facts(again) == (None, None, None) and again.feed == parse_feed(BODY)
        # What changed (an edited text) or is new is described; the rest comes back as it was last time.
        prepared = await pool.prepare(later, feed_id=7)
        assert prepared is not None
        described = expected.facts.unpack()
        assert _facts(prepared) == (None, None, described[2], described[3])
        # Another feed, or no feed id, starts from nothing.
        assert _facts(await pool.prepare(later, feed_id=8)) == described
        assert _facts(await pool.prepare(later)) == described
        entries = parse_feed(later).entries
        assert _unpacked(await pool.facts(entries, feed_id=9)) == described
        assert _unpacked(await pool.facts(entries, feed_id=9)) == (None,) * 4


async def test_the_pipeline_computes_facts_it_needs_and_was_not_given(storage: SqliteStorage) -> None:
    """An entry the pool skipped as unchanged may still need facts (say its batch was never stored)."""
    feed, _ = await add_or_get_feed(storage, "https://a.example/rss", interval_s=900, now=NOW)
    pipeline = await Pipeline.create(storage, now=NOW)
    entries = parse_feed(BODY).entries
    given = await pipeline.process([Incoming(feed.id, entry) for entry in entries], now=NOW,
                                   facts=[None, facts_of(entries[1]), None])
    assert [item.kind for item in given] == ["new"] * 3
    assert [item.intel for item in given] == [facts_of(entry).intel for entry in entries]
    tags = await storage.article_tags([item.article_id for item in given])  # type: ignore[misc]
    assert {(t.article_id, t.tag) for t in tags} >= {(given[0].article_id, "RU"), (given[2].article_id, "EU")}


async def test_a_workers_content_hash_tells_a_repeat_as_the_pipelines_own_would(storage: SqliteStorage) -> None:
    """The text is hashed on the worker; a repeat with no facts is hashed here, and must match what is stored."""
    feed, _ = await add_or_get_feed(storage, "https://a.example/rss", interval_s=900, now=NOW)
    pipeline = await Pipeline.create(storage, now=NOW)
    entries = parse_feed(BODY).entries
    async with AnalysisPool(1) as pool:
        facts = _unpacked(await pool.facts(entries))
    first = await pipeline.process([Incoming(feed.id, entry) for entry in entries], now=NOW, facts=facts)
    again = await pipeline.process([Incoming(feed.id, entry) for entry in entries], now=NOW)
    assert [item.kind for item in first] == ["new"] * 3
    assert [item.kind for item in again] == ["unchanged"] * 3


async def test_a_dead_worker_is_replaced_and_nothing_is_lost() -> None:
    async with AnalysisPool(1) as pool:
        assert await pool.prepare(BODY) is not None
        for pid in list(pool._executor._processes):  # type: ignore[union-attr]
            os.kill(pid, signal.SIGKILL)
        # The call in flight when the worker died, or the next one, is run again on a new worker.
        assert _same(await pool.prepare(BODY), prepare_feed(BODY))
        assert _same(await pool.prepare(BODY), prepare_feed(BODY))
        assert pool.active and pool.restarts == 1


def _crash_on(value: int) -> int:
    """What a segfaulting parser does to its process, for one input."""
    if value == 13:
        os._exit(3)
    return value * 2


async def test_only_the_input_that_kills_a_worker_is_blamed_and_it_never_runs_here() -> None:
    async with AnalysisPool(1) as pool:
        outcomes = await asyncio.gather(*(pool._run(_crash_on, value) for value in (1, 2, 13, 4, 5)),
                                        return_exceptions=True)
        assert [type(o).__name__ if isinstance(o, Exception) else o for o in outcomes] == \
            [2, 4, "WorkerCrashed", 8, 10]
        assert pool.active and pool._isolation is None  # the extra worker is gone once nothing needs it
        assert _same(await pool.prepare(BODY), prepare_feed(BODY))


def _double_each(values: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(_crash_on(value) for value in values)


async def test_an_input_that_kills_a_worker_on_its_own_gets_a_stand_in_and_the_others_their_results() -> None:
    async with AnalysisPool(1) as pool:
        assert await pool._map_sparing(_double_each, (1, 2, 13, 4, 5), lambda value: -value) == (2, 4, -13, 8, 10)
        assert await pool._map_sparing(_double_each, (13,), lambda value: -value) == (-13,)
        assert pool.active and pool._isolation is None  # the extra worker is gone once nothing needs it
        assert await pool._map_sparing(_double_each, (3, 4), lambda value: -value) == (6, 8)


def _always_crash(values: tuple[int, ...]) -> tuple[int, ...]:
    """What a worker that cannot start, or that the OOM killer takes every time, does with any input."""
    os._exit(3)


async def test_workers_that_die_on_anything_blame_no_input() -> None:
    async with AnalysisPool(1) as pool:
        with pytest.raises(WorkerCrashed):
            await pool._map_sparing(_always_crash, (1, 2, 3), lambda value: -value)
        with pytest.raises(WorkerCrashed):
            await pool._map_sparing(_always_crash, (), lambda value: -value)
        assert pool.active and pool._isolation is None
        assert await pool._map_sparing(_double_each, (3,), lambda value: -value) == (6,)


def _stuck_on(value: int) -> int:
    """What a pattern caught in catastrophic backtracking does to its process, for one input: it never returns."""
    if value == 13:
        threading.Event().wait()
    return value * 2


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
async def test_a_call_that_runs_too_long_kills_its_worker_and_only_its_input_is_blamed() -> None:
    # The limit counts a worker's start (it builds the lexicons first: about 0.25 s here, a second on a loaded
    # machine) and a call's wait for a busy worker.
    async with AnalysisPool(1, call_timeout_s=4.0) as pool:
        assert await pool._run(_stuck_on, 2) == 4
        [stuck_worker] = list(pool._executor._processes)  # type: ignore[union-attr]
        # 3 and 4 wait in the executor behind the stuck call: killing it does not cost them their results.
        outcomes = await asyncio.gather(*(pool._run(_stuck_on, value) for value in (13, 3, 4)),
                                        return_exceptions=True)
        assert [type(o).__name__ if isinstance(o, BaseException) else o for o in outcomes] == \
            ["WorkerCrashed", 6, 8]  # stuck on a new worker too, on its own
        assert not _running(stuck_worker)
        assert pool.restarts == 1 and pool.active and pool._isolation is None
        assert await pool._run(_stuck_on, 5) == 10


def _catastrophic_match() -> None:
    """A pattern in catastrophic backtracking: 2**64 ways to fail (Python's `re` checks for signals meanwhile)."""
    re.match(r"(a+)+$", "a" * 64 + "b")


class _StallingAnalyst:
    """The default analyst, except that a text titled "stuck" sends a pattern into catastrophic backtracking."""

    def describe(self, title: str, summary: str):  # type: ignore[no-untyped-def]
        if title == "stuck":
            _catastrophic_match()
        return default_analyst().describe(title, summary)


def _set_text_time_limit(seconds: float) -> int:
    facts_module.TEXT_TIME_LIMIT_S = seconds  # in the worker that runs it
    return os.getpid()


async def test_a_worker_gives_up_on_a_stuck_text_alone_and_files_it_without_tags() -> None:
    texts = (("EU adopts new sanctions on Russia's shadow fleet", "EU governments approved a new package."),
             ("stuck", "A text that the analysis never finishes."),
             ("Drones hit Kyiv apartment block", "A Russian drone attack struck a building in Kyiv."))
    async with AnalysisPool(1, call_timeout_s=10.0) as pool:  # the pool's limit, for a regression, is slower
        worker = await pool._run(_set_text_time_limit, 0.5)
        analyses = await pool._run(functools.partial(analyses_of, analyst=_StallingAnalyst()), texts)
        assert analyses == (analysis_of(*texts[0]), analysis_of("", ""), analysis_of(*texts[2]))
        # Given up by the worker itself: not killed, nothing run again.
        assert pool.restarts == 0 and await pool._run(_set_text_time_limit, 5.0) == worker


@pytest.fixture
def time_limits_enabled():  # type: ignore[no-untyped-def]
    """SIGPROF as an analysis worker uses it, in this process for one test."""
    previous = signal.getsignal(signal.SIGPROF)
    enable_time_limits()
    yield
    time_limit_module._enabled = False
    signal.signal(signal.SIGPROF, previous)


_TIMERS = pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="no interval timers")


@_TIMERS
def test_time_limit_stops_a_pattern_in_catastrophic_backtracking(time_limits_enabled) -> None:  # type: ignore[no-untyped-def]
    used = time.process_time()
    with pytest.raises(TimeLimitExceeded), time_limit(0.2):
        _catastrophic_match()
    assert 0.15 <= time.process_time() - used < 5  # about the limit, in CPU time (what it counts; timers tick)
    assert signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)  # no timer left for later
    with time_limit(5.0):
        assert sum(range(1000)) == 499500  # work under its limit runs to its end
        with pytest.raises(RuntimeError, match="do not nest"), time_limit(1.0):
            pass


@_TIMERS
def test_time_limit_does_nothing_where_it_was_not_enabled() -> None:
    deadline = time.monotonic() + 0.3
    with time_limit(0.05):
        while time.monotonic() < deadline:  # runs past the limit, uninterrupted
            pass
    assert signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)


def _log(records: tuple[tuple[int, str], ...]) -> int:
    """Log on a worker (the analysis logs there when a text makes it fail); the worker's pid."""
    for level, message in records:
        logging.getLogger("bot.facts").log(level, message)
    return os.getpid()


@pytest.mark.parametrize(("parent_level", "shown", "hidden"), [
    (logging.DEBUG, "DEBUG", "nothing"),   # lower than a fresh interpreter's WARNING: the level is passed on
    (logging.WARNING, "WARNING", "INFO"),
])
async def test_a_worker_logs_at_the_parents_level_in_the_parents_format(
        capfd: pytest.CaptureFixture[str], parent_level: int, shown: str, hidden: str) -> None:
    """A worker is a fresh interpreter: without this its records reach stderr bare, or not at all below WARNING."""
    root = logging.getLogger()
    level = root.level
    root.setLevel(parent_level)
    try:
        async with AnalysisPool(1) as pool:
            pid = await pool._run(_log, tuple((getattr(logging, name), f"a {name} line")
                                             for name in ("DEBUG", "INFO", "WARNING") if name in (shown, hidden)))
    finally:
        root.setLevel(level)
    err = capfd.readouterr().err
    assert pid != os.getpid()
    assert f" {shown:<7} bot.facts [analysis worker {pid}]: a {shown} line\n" in err
    assert f"a {hidden} line" not in err


def _analyses_failing_on(texts: tuple[tuple[str, str], ...]) -> tuple[Analysis, ...]:
    """`analyses_of` on a worker whose analyst raises on one title (patched there: a worker is its own process)."""
    from bot.intel.analyst import Analyst

    describe = Analyst.describe

    def failing(self: Analyst, title: str, summary: str):  # type: ignore[no-untyped-def]
        if title == "FAILS":
            raise ValueError("an analysis bug")
        return describe(self, title, summary)

    Analyst.describe = failing  # type: ignore[method-assign]
    return analyses_of(texts)


async def test_a_text_the_analysis_raises_on_gets_a_stand_in_on_a_worker(capfd: pytest.CaptureFixture[str]) -> None:
    texts = (("Russia and Iran sign a drone deal", "Moscow and Tehran signed it."), ("FAILS", "Anything."),
             ("Floods displace thousands in Bangladesh", "Monsoon floods hit Sylhet."))
    async with AnalysisPool(1) as pool:
        analyses = await pool._map_sparing(_analyses_failing_on, texts, facts_module._analysis_of_nothing)
        assert pool._isolation is None  # no worker died: nothing was run alone
    assert analyses == (analyses_of(texts[:1])[0], analysis_of("", ""), analyses_of(texts[2:])[0])
    assert "analysing the article titled 'FAILS' failed; it is filed without tags" in capfd.readouterr().err


def _analyses_killed_by_poison(texts: tuple[tuple[str, str], ...]) -> tuple[Analysis, ...]:
    if any(title == "POISON" for title, _ in texts):
        os._exit(3)
    return analyses_of(texts)


async def test_the_backlogs_analyses_give_a_text_that_kills_a_worker_the_analysis_of_nothing(
        monkeypatch: pytest.MonkeyPatch) -> None:
    texts = (("Iran and Russia sign a drone deal", "Tehran and Moscow agreed on Tuesday."), ("POISON", "x"),
             ("Floods in Bangladesh", "Monsoon floods displaced thousands in Sylhet."))
    monkeypatch.setattr(facts_module, "analyses_of", _analyses_killed_by_poison)  # looked up by name on the worker
    async with AnalysisPool(1) as pool:
        analyses = await pool.analyses(texts)
    assert analyses == (*analyses_of(texts[:1]), analysis_of("", ""), *analyses_of(texts[2:]))


async def test_without_workers_there_is_nothing_to_spare() -> None:
    async with AnalysisPool(0) as pool:
        assert await pool._map_sparing(_double_each, (1, 13), lambda value: -value) is None


async def test_pipeline_rejects_facts_that_do_not_match_the_items(storage: SqliteStorage) -> None:
    feed, _ = await add_or_get_feed(storage, "https://a.example/rss", interval_s=900, now=NOW)
    pipeline = await Pipeline.create(storage, now=NOW)
    entries = parse_feed(BODY).entries
    with pytest.raises(ValueError, match="facts"):
        await pipeline.process([Incoming(feed.id, entry) for entry in entries], now=NOW,
                               facts=[facts_of(entries[0])])


async def _ingest_snapshot(settings: Settings, server: ScriptedServer, workers: int, name: str):
    storage = await open_storage(settings.database.with_name(name))
    try:
        async with Fetcher(settings) as fetcher, AnalysisPool(workers) as pool:
            pipeline = await Pipeline.create(storage, now=NOW)
            ingest = IngestService(storage, fetcher, pipeline, settings, clock=lambda: NOW, analysis=pool)
            feeds = [(await add_or_get_feed(storage, server.url(path), interval_s=900, now=NOW))[0]
                     for path in ("/a", "/b", "/broken")]
            report = await ingest.run_cycle(feeds)
        articles = sorted((a.feed_id, a.guid, a.title, a.story_id is not None, a.duplicate_of)
                          for a in await storage.newest_articles(100, include_duplicates=True))
        stories = await storage.stories_between(NOW - timedelta(days=1), NOW)
        tags = await storage.article_tags([a.id for a in await storage.newest_articles(100)])
        return (report.new_articles, report.count("failed"), articles,
                sorted((s.label, s.article_count, s.primary_domain, tuple(sorted(s.actors))) for s in stories),
                sorted((t.article_id, t.kind, t.tag) for t in tags))
    finally:
        await storage.close()


async def test_ingest_with_a_worker_stores_what_ingest_without_one_stores(settings: Settings,
                                                                          feed_server: ScriptedServer) -> None:
    feed_server.route("/a", Reply(body=BODY))
    feed_server.route("/b", Reply(body=rss([ITEMS[1], Item("Kenyan police fire tear gas at protesters in Nairobi",
                                                           "Police fired tear gas at hundreds of protesters.",
                                                           guid="n1", date=NOW)])))
    feed_server.route("/broken", Reply(body=b"<rss><channel><item><title>cut off"))
    inline = await _ingest_snapshot(settings, feed_server, 0, "inline.db")
    pooled = await _ingest_snapshot(settings, feed_server, 1, "pooled.db")
    assert inline == pooled
    assert inline[0] == 5 and inline[1] == 1


async def test_the_next_cycles_store_the_same_with_a_worker_that_skips_repeats(settings: Settings,
                                                                               feed_server: ScriptedServer) -> None:
    """Cycle two repeats two items, edits one and adds one; cycle three repeats everything."""
    edited = Item(ITEMS[2].title, ITEMS[2].body + " Hungary abstained.", guid="e1", date=ITEMS[2].date)
    extra = Item("Iran and Russia sign a military cooperation pact", "Tehran and Moscow signed a treaty.",
                 guid="r1", date=NOW)
    bodies = [BODY, rss([ITEMS[0], ITEMS[1], edited, extra]), rss([ITEMS[0], ITEMS[1], edited, extra])]

    async def cycles(workers: int, name: str):
        storage = await open_storage(settings.database.with_name(name))
        try:
            async with Fetcher(settings) as fetcher, AnalysisPool(workers) as pool:
                pipeline = await Pipeline.create(storage, now=NOW)
                ingest = IngestService(storage, fetcher, pipeline, settings, clock=lambda: NOW, analysis=pool)
                feed, _ = await add_or_get_feed(storage, feed_server.url("/cycles"), interval_s=900, now=NOW)
                kinds = []
                for body in bodies:
                    feed_server.route("/cycles", Reply(body=body))
                    report = await ingest.run_cycle([await storage.get_feed(feed.id)], keep_items=True)
                    kinds.append([item.kind for item in report.feeds[0].items])
            articles = await storage.newest_articles(100, include_duplicates=True)
            tags = await storage.article_tags([a.id for a in articles])
            return (kinds, sorted((a.guid, a.title, a.summary, a.story_id is not None) for a in articles),
                    sorted((t.article_id, t.kind, t.tag) for t in tags))
        finally:
            await storage.close()

    inline = await cycles(0, "inline-cycles.db")
    assert inline == await cycles(1, "pooled-cycles.db")
    assert inline[0][1:] == [["unchanged", "unchanged", "updated", "new"], ["unchanged"] * 4]


async def test_several_feeds_in_one_transaction_keep_their_own_flags_facts_and_plans(storage: SqliteStorage) -> None:
    first, _ = await add_or_get_feed(storage, "https://a.example/rss", interval_s=900, now=NOW)
    second, _ = await add_or_get_feed(storage, "https://b.example/rss", interval_s=900, now=NOW)
    pipeline = await Pipeline.create(storage, now=NOW)
    entries = parse_feed(BODY).entries
    planned: list[tuple[str, bool, list[str]]] = []

    def planner(name: str, feed_id: int):
        async def plan(results, backlog, now):
            planned.append((name, backlog, [item.kind for item in results]))
            return Delivery(now, schedule_dates=((feed_id, "2026-11-20"),))
        return plan

    results = await pipeline.process_batches([
        FeedBatch([Incoming(first.id, entry) for entry in entries], backlog=True, plan=planner("a", 1)),
        FeedBatch([Incoming(second.id, entries[0])], plan=planner("b", 2), facts=[facts_of(entries[0])]),
    ], now=NOW)
    assert [len(batch) for batch in results] == [3, 1]
    assert planned == [("a", True, ["new", "new", "new"]), ("b", False, ["new"])]
    copy = results[1][0]
    assert copy.duplicate_of == results[0][0].article_id and copy.story_id == results[0][0].story_id
    stored = await storage.newest_articles(10, include_duplicates=True)
    assert sorted((a.feed_id, a.backlog) for a in stored) == [(first.id, True)] * 3 + [(second.id, False)]


def test_merged_deliveries_keep_every_row() -> None:
    one = Delivery(NOW, channel_stories=((1, 10, 100),), announced_feeds=(5,))
    two = Delivery(NOW + timedelta(seconds=1), channel_stories=((2, 20, 200),), alerts=((7, 200, 2, 20),))
    merged = merge_deliveries([one, two])
    assert merged == Delivery(NOW + timedelta(seconds=1), channel_stories=((1, 10, 100), (2, 20, 200)),
                              alerts=((7, 200, 2, 20),), announced_feeds=(5,))
    assert merge_deliveries([one]) is one and merge_deliveries([]) is None


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_leave_when_their_parent_is_killed() -> None:
    code = (
        "import asyncio\n"
        "from bot.facts import AnalysisPool\n"
        "async def main():\n"
        "    async with AnalysisPool(1) as pool:\n"
        "        await pool.facts([])\n"
        "        print(*pool._executor._processes, flush=True)\n"
        "        await asyncio.Event().wait()\n"
        "asyncio.run(main())\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        worker = int(parent.stdout.readline())  # type: ignore[union-attr]
        assert _running(worker)
    finally:
        parent.kill()
        parent.wait()
    deadline = time.monotonic() + 20
    while _running(worker) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _running(worker)


async def test_a_failing_plan_leaves_nothing_behind_in_memory(storage: SqliteStorage) -> None:
    """The indexes learn a batch while it is processed; if anything fails before the commit they are rebuilt, so
    the next attempt does not find the unstored articles as originals to fold into."""
    feed, _ = await add_or_get_feed(storage, "https://a.example/rss", interval_s=900, now=NOW)
    pipeline = await Pipeline.create(storage, now=NOW)
    items = [Incoming(feed.id, entry) for entry in parse_feed(BODY).entries]

    async def broken(results, backlog, now):
        raise RuntimeError("planner down")

    with pytest.raises(RuntimeError, match="planner down"):
        await pipeline.process(items, now=NOW, plan=broken)
    assert len(pipeline.stories) == 0
    results = await pipeline.process(items, now=NOW)
    assert [(item.kind, item.duplicate_of) for item in results] == [("new", None)] * 3
    assert (await storage.stats()).articles == 3
