"""Ingest cycles end to end: scripted feeds on 127.0.0.1, the real fetcher, pipeline and database."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from bot.config import Settings
from bot.feeds.fetcher import Fetcher
from bot.feeds.ingest import IngestService
from bot.feeds.registry import add_or_get_feed
from bot.pipeline import Pipeline
from storage import SqliteStorage
from tests.helpers.clock import Clock
from tests.helpers.feed_server import Reply, ScriptedServer
from tests.helpers.feeds import Item, rss

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
BUHARI = ("President Muhammadu Buhari on Tuesday in Abuja urged more vigilance and tightening of security around "
          "borders, drawing attention to the increased number of arms, ammunition and other weapons from the Russia "
          "and Ukraine war in the Lake Chad Basin.")


@pytest.fixture
async def env(storage: SqliteStorage, settings: Settings, feed_server: ScriptedServer):
    clock = Clock(NOW)
    async with Fetcher(settings) as fetcher:
        pipeline = await Pipeline.create(storage, now=NOW)
        yield storage, IngestService(storage, fetcher, pipeline, settings, clock=clock), feed_server, clock


async def add(storage: SqliteStorage, url: str):
    feed, _ = await add_or_get_feed(storage, url, interval_s=900, now=NOW)
    return feed


async def test_first_fetch_is_backlog_and_later_items_are_news(env) -> None:
    storage, ingest, server, clock = env
    old = [Item("Old one", "first", guid="a1", date=NOW - timedelta(hours=5)),
           Item("Old two", "second", guid="a2", date=NOW - timedelta(hours=4))]
    server.route("/f", Reply(body=rss(old)), Reply(body=rss([Item("Fresh", "third", guid="a3",
                                                                   date=NOW - timedelta(minutes=5)), *old])))
    feed = await add(storage, server.url("/f"))
    first = await ingest.run_cycle([feed], keep_items=True)
    assert first.feeds[0].backlog is True and first.new_articles == 2
    feed = await storage.get_feed(feed.id)
    clock.now = NOW + timedelta(minutes=20)
    second = await ingest.run_cycle([feed], keep_items=True)
    report = second.feeds[0]
    assert report.backlog is False
    assert [item.incoming.entry.title for item in report.items if item.kind == "new"] == ["Fresh"]
    stored = await storage.newest_articles(10)
    assert {a.title: a.backlog for a in stored} == {"Fresh": False, "Old one": True, "Old two": True}


async def test_unchanged_feed_costs_one_304(env) -> None:
    storage, ingest, server, clock = env
    server.route("/etag", Reply(body=rss([Item("One", "x", guid="e1", date=NOW)]), etag='"v1"'))
    feed = await add(storage, server.url("/etag"))
    await ingest.run_cycle([feed], keep_items=True)
    feed = await storage.get_feed(feed.id)
    assert feed.etag == '"v1"'
    report = await ingest.run_cycle([feed], keep_items=True)
    assert report.count("not_modified") == 1 and report.new_articles == 0
    assert server.request_headers["/etag"][-1]["If-None-Match"] == '"v1"'


async def test_update_changes_the_article_and_adds_none(env, storage: SqliteStorage) -> None:
    _, ingest, server, clock = env
    server.route("/u", Reply(body=rss([Item("Draft headline", "Body.", guid="u1", date=NOW)])),
                 Reply(body=rss([Item("Corrected headline", "Body. More.", guid="u1", date=NOW)])))
    feed = await add(storage, server.url("/u"))
    await ingest.run_cycle([feed], keep_items=True)
    report = await ingest.run_cycle([await storage.get_feed(feed.id)], keep_items=True)
    assert report.updated == 1 and report.new_articles == 0
    (article,) = await storage.newest_articles(10)
    assert article.title == "Corrected headline" and article.updated is not None
    assert [a.title for a in await storage.search_articles("corrected")] == ["Corrected headline"]
    assert await storage.search_articles("draft") == []


async def test_tracking_parameters_and_syndicated_copies_fold_into_the_first(env, storage: SqliteStorage) -> None:
    _, ingest, server, _ = env
    server.route("/a", Reply(body=rss([Item("Buhari warns of war weapons", BUHARI, guid="a",
                                            link="https://news.example/buhari", date=NOW - timedelta(hours=2))])))
    server.route("/b", Reply(body=rss([Item("Buhari warns of war weapons", BUHARI, guid="b",
                                            link="https://NEWS.example/buhari?utm_source=rss&fbclid=1",
                                            date=NOW - timedelta(hours=1))])))
    server.route("/c", Reply(body=rss([Item("Nigeria: Buhari urges tighter borders",
                                            BUHARI + " (Syndicated from a partner agency.)", guid="c",
                                            link="https://other.example/x", date=NOW)])))
    feeds = [await add(storage, server.url(p)) for p in ("/a", "/b", "/c")]
    report = await ingest.run_cycle(feeds, keep_items=True)
    assert report.new_articles == 3 and report.duplicates == 2
    articles = await storage.newest_articles(10, include_duplicates=True)
    original = next(a for a in articles if a.guid == "a")
    assert {a.guid: a.duplicate_of for a in articles} == {"a": None, "b": original.id, "c": original.id}


async def test_templated_bulletins_are_not_duplicates(env, storage: SqliteStorage) -> None:
    _, ingest, server, _ = env
    bulletins = [
        Item("Brent closes at $82.10", "Brent crude closed at $82.10 a barrel on Monday, up 1.2% on the day, as "
             "traders weighed OPEC supply and Chinese demand figures released in Beijing.", guid="b1",
             date=NOW - timedelta(days=1)),
        Item("Brent closes at $79.40", "Brent crude closed at $79.40 a barrel on Tuesday, down 3.3% on the day, as "
             "traders weighed OPEC supply and Chinese demand figures released in Beijing.", guid="b2", date=NOW),
    ]
    server.route("/m", Reply(body=rss(bulletins)))
    report = await ingest.run_cycle([await add(storage, server.url("/m"))], keep_items=True)
    assert report.new_articles == 2 and report.duplicates == 0


async def test_failures_back_off_disable_and_recovery_resets(env, storage: SqliteStorage, settings: Settings) -> None:
    _, ingest, server, clock = env
    server.route("/flaky", Reply(status=500), Reply(status=500), Reply(body=rss([Item("Back", "ok", guid="k")])))
    feed = await add(storage, server.url("/flaky"))
    for expected in (1, 2):
        report = await ingest.run_cycle([feed], keep_items=True)
        feed = await storage.get_feed(feed.id)
        assert report.count("failed") == 1
        assert feed.consecutive_failures == expected and "500" in (feed.last_error or "")
        assert feed.next_due > clock.now
    await ingest.run_cycle([feed], keep_items=True)
    feed = await storage.get_feed(feed.id)
    assert feed.consecutive_failures == 0 and feed.last_error is None and feed.last_ok_at == clock.now


async def test_feed_is_disabled_after_max_failures(storage: SqliteStorage, settings: Settings,
                                                   feed_server: ScriptedServer) -> None:
    limited = settings.with_overrides(max_failures=3)
    feed_server.route("/dead", Reply(status=404))
    async with Fetcher(limited) as fetcher:
        ingest = IngestService(storage, fetcher, await Pipeline.create(storage, now=NOW), limited,
                               clock=Clock(NOW))
        feed = await add(storage, feed_server.url("/dead"))
        for _ in range(3):
            last = await ingest.run_cycle([feed], keep_items=True)
            feed = await storage.get_feed(feed.id)
    assert last.count("disabled") == 1
    assert feed.disabled and "3 consecutive failures" in feed.disabled_reason and "404" in feed.disabled_reason
    assert await storage.due_feeds(NOW + timedelta(days=30)) == []


async def test_retry_after_is_honoured(env, storage: SqliteStorage) -> None:
    _, ingest, server, clock = env
    server.route("/busy", Reply(status=429, headers={"Retry-After": "3600"}))
    feed = await add(storage, server.url("/busy"))
    await ingest.run_cycle([feed], keep_items=True)
    feed = await storage.get_feed(feed.id)
    assert feed.next_due == clock.now + timedelta(seconds=3600)
    assert "429" in feed.last_error


async def test_a_malformed_feed_is_recorded_and_others_go_on(env, storage: SqliteStorage) -> None:
    _, ingest, server, _ = env
    server.route("/bad", Reply(body=b"<?xml version='1.0'?><rss><channel><item><title>broken"))
    server.route("/good", Reply(body=rss([Item("Fine", "text", guid="g")])))
    bad, good = await add(storage, server.url("/bad")), await add(storage, server.url("/good"))
    report = await ingest.run_cycle([bad, good], keep_items=True)
    assert report.count("failed") == 1 and report.new_articles == 1
    assert "malformed" in (await storage.get_feed(bad.id)).last_error


async def test_each_url_is_fetched_once_per_cycle(env, storage: SqliteStorage) -> None:
    _, ingest, server, _ = env
    server.route("/once", Reply(body=rss([Item("One", "x", guid="o")])))
    feed = await add(storage, server.url("/once"))
    await ingest.run_cycle([feed, feed, feed], keep_items=True)
    assert server.hits["/once"] == 1


async def test_a_crash_mid_transaction_stores_nothing(env, storage: SqliteStorage, monkeypatch) -> None:
    _, ingest, server, _ = env
    server.route("/crash", Reply(body=rss([Item(f"Item {i}", f"text {i}", guid=f"c{i}") for i in range(5)])))
    feed = await add(storage, server.url("/crash"))
    import storage._articles as articles_module

    real = articles_module.write_fetch_states

    def explode(db, states):
        raise RuntimeError("power cut")

    monkeypatch.setattr(articles_module, "write_fetch_states", explode)
    report = await ingest.run_cycle([feed], keep_items=True)
    assert report.count("failed") == 1 and "power cut" in report.feeds[0].error
    assert (await storage.stats()).articles == 0
    assert (await storage.get_feed(feed.id)).initialised is False
    monkeypatch.setattr(articles_module, "write_fetch_states", real)
    report = await ingest.run_cycle([await storage.get_feed(feed.id)], keep_items=True)
    assert report.new_articles == 5 and report.feeds[0].backlog is True
    assert await storage.integrity_check() == "ok"


async def test_pruning_keeps_old_items_seen(env, storage: SqliteStorage) -> None:
    _, ingest, server, clock = env
    server.route("/p", Reply(body=rss([Item("Ancient", "x", guid="p1")])))
    feed = await add(storage, server.url("/p"))
    await ingest.run_cycle([feed], keep_items=True)
    pruned, _ = await storage.prune(articles_before=NOW + timedelta(days=1), seen_before=NOW - timedelta(days=1))
    assert pruned == 1 and (await storage.stats()).articles == 0
    clock.now = NOW + timedelta(hours=1)
    report = await ingest.run_cycle([await storage.get_feed(feed.id)], keep_items=True)
    assert report.new_articles == 0
    assert [item.kind for item in report.feeds[0].items] == ["forgotten"]


async def test_a_storage_failure_backs_the_feed_off(env, storage: SqliteStorage, monkeypatch) -> None:
    _, ingest, server, clock = env
    server.route("/locked", Reply(body=rss([Item("One", "x", guid="l1")])))
    feed = await add(storage, server.url("/locked"))

    async def locked(batch):
        raise RuntimeError("database is locked")

    monkeypatch.setattr(storage, "store_batch", locked)
    report = await ingest.run_cycle([feed])
    monkeypatch.undo()
    stored = await storage.get_feed(feed.id)
    assert report.count("failed") == 1 and "database is locked" in stored.last_error
    assert stored.consecutive_failures == 1 and stored.next_due > clock.now


async def test_waiting_feeds_are_stored_together_and_a_bad_one_alone(env, storage: SqliteStorage,
                                                                    monkeypatch) -> None:
    """Group commit: the feeds waiting for the writer share one transaction; when that fails, each feed is
    stored on its own, so one feed's bad data costs only that feed."""
    _, ingest, server, _ = env
    paths = ["/g0", "/g1", "/g2", "/g3", "/bad"]
    for index, path in enumerate(paths):
        title = "POISON" if path == "/bad" else f"Story {index}"
        # /g0 answers first and is stored alone; the others queue up meanwhile and are stored as one group.
        server.route(path, Reply(body=rss([Item(title, f"text {index}", guid=f"{path}-1"),
                                           Item(f"{title} again", f"more {index}", guid=f"{path}-2")]),
                                 delay=0.0 if path == "/g0" else 0.2))
    feeds = [await add(storage, server.url(path)) for path in paths]
    fetched = 0
    all_fetched = asyncio.Event()
    fetch = ingest._fetcher.fetch

    async def counting_fetch(*args, **kwargs):
        nonlocal fetched
        try:
            return await fetch(*args, **kwargs)
        finally:
            fetched += 1
            if fetched == len(paths):
                all_fetched.set()

    real_store = storage.store_batch
    stored_groups: list[set[int]] = []

    async def store(batch):
        stored_groups.append({state.feed_id for state in batch.feed_states})
        if len(stored_groups) == 1:
            await asyncio.wait_for(all_fetched.wait(), 10)  # the other feeds queue up meanwhile
        if any(article.title == "POISON" for article in batch.articles):
            raise RuntimeError("bad row")
        await real_store(batch)

    monkeypatch.setattr(ingest._fetcher, "fetch", counting_fetch)
    monkeypatch.setattr(storage, "store_batch", store)
    report = await ingest.run_cycle(feeds, analyse_backlog=False)  # only the feeds' own transactions
    monkeypatch.undo()
    bad = feeds[-1].id
    assert len(stored_groups[0]) == 1 and stored_groups[1] == {feed.id for feed in feeds} - stored_groups[0]
    assert sorted(len(group) for group in stored_groups[2:]) == [1, 1, 1, 1]  # then one by one
    assert report.count("ok") == 4 and report.count("failed") == 1 and report.new_articles == 8
    failed = next(r for r in report.feeds if r.status == "failed")
    assert failed.feed.id == bad and "bad row" in failed.error
    assert (await storage.get_feed(bad)).consecutive_failures == 1
    assert (await storage.stats()).articles == 8


async def test_first_fetches_and_live_feeds_are_stored_in_separate_groups(env, storage: SqliteStorage,
                                                                          monkeypatch) -> None:
    """First fetches waiting beside live feeds are not stored with them (they are queued for their analysis instead
    of being analysed in the live feeds' transaction), and the waiting feeds of each kind still share one group
    when they arrive interleaved, a failed feed among them."""
    _, ingest, server, clock = env
    server.route("/live", Reply(body=rss([Item("Old live", "a", guid="l1", date=NOW - timedelta(hours=3))])),
                 Reply(body=rss([Item("Fresh live", "b", guid="l2", date=NOW),
                                 Item("Old live", "a", guid="l1", date=NOW - timedelta(hours=3))]), delay=0.3))
    live = await add(storage, server.url("/live"))
    await ingest.run_cycle([live])
    # /gate answers first and is stored alone; the others queue up meanwhile: /new1, /live, /down, /new2.
    paths = {"/gate": 0.0, "/new1": 0.1, "/new2": 0.5}
    for index, (path, delay) in enumerate(paths.items()):
        server.route(path, Reply(body=rss([Item(f"Backlog {index}", f"text {index}", guid=f"{path}-1",
                                                date=NOW - timedelta(hours=2))]), delay=delay))
    server.route("/down", Reply(status=500, delay=0.4))
    feeds = [await storage.get_feed(live.id), *[await add(storage, server.url(path)) for path in paths],
             await add(storage, server.url("/down"))]
    prepared = 0
    all_waiting = asyncio.Event()
    prepare = ingest._prepare

    async def counting_prepare(feed):
        nonlocal prepared
        try:
            return await prepare(feed)
        finally:  # the feed is put on the consumer's queue right after
            prepared += 1
            if prepared == len(feeds):
                all_waiting.set()

    real_store = storage.store_batch
    groups: list[dict[int, bool]] = []  # feed -> whether its articles were queued for their analysis

    async def store(batch):
        if batch.articles:  # not the queue's analysis, which the live group does first
            groups.append({article.feed_id: article.analysis_order is not None for article in batch.articles})
        if len(groups) == 1:
            await asyncio.wait_for(all_waiting.wait(), 10)
        await real_store(batch)

    monkeypatch.setattr(ingest, "_prepare", counting_prepare)
    monkeypatch.setattr(storage, "store_batch", store)
    clock.now = NOW + timedelta(minutes=20)
    report = await ingest.run_cycle(feeds, keep_items=True, analyse_backlog=False)
    monkeypatch.undo()
    assert report.count("ok") == 4 and report.count("failed") == 1 and report.new_articles == 4
    gate, new1, new2 = (feed.id for feed in feeds[1:4])
    assert groups == [{gate: True}, {new1: True, new2: True}, {live.id: False}]  # /live waited aside
    assert await storage.analysis_queue(10) == []  # analysed before the live feed's items were stored
    [live_report] = [feed_report for feed_report in report.feeds if feed_report.feed.id == live.id]
    [fresh] = [item for item in live_report.items if item.kind == "new"]
    assert fresh.incoming.entry.title == "Fresh live" and fresh.story_id is not None


async def test_a_parser_bug_on_one_feed_fails_that_feed_only(env, storage: SqliteStorage, monkeypatch) -> None:
    _, ingest, server, _ = env
    server.route("/fine", Reply(body=rss([Item("Fine", "x", guid="f1")])))
    server.route("/trips", Reply(body=rss([Item("Trips the parser", "y", guid="t1")])))
    feeds = [await add(storage, server.url(path)) for path in ("/fine", "/trips")]
    import bot.feeds.ingest as ingest_module

    real = ingest_module.parse_feed

    def buggy(body: bytes):
        if b"Trips" in body:
            raise IndexError("a bug in a parser")
        return real(body)

    monkeypatch.setattr(ingest_module, "parse_feed", buggy)
    report = await ingest.run_cycle(feeds)
    failed = [r for r in report.feeds if r.status == "failed"]
    assert report.count("ok") == 1 and report.new_articles == 1
    assert [r.feed.id for r in failed] == [feeds[1].id] and failed[0].error == "could not read the feed (IndexError)"


async def test_a_failed_backlog_analysis_is_logged_and_left_queued(env, storage: SqliteStorage, monkeypatch,
                                                                   caplog) -> None:
    """What the poller and `/feed add` call: the articles are stored, so a failed analysis must not stop them."""
    _, ingest, server, _ = env
    server.route("/q", Reply(body=rss([Item("Old one", "first", guid="q1", date=NOW - timedelta(hours=5)),
                                       Item("Old two", "second", guid="q2", date=NOW - timedelta(hours=4))])))
    await ingest.run_cycle([await add(storage, server.url("/q"))], analyse_backlog=False)
    queued = len(await storage.analysis_queue(1000))
    assert queued > 0

    async def broken(**_: object) -> int:
        raise RuntimeError("analysis broke")

    monkeypatch.setattr(ingest._pipeline, "analyse_backlog", broken)
    assert await ingest.analyse_backlog_or_log() == 0
    assert "analysis broke" in caplog.text and "stays queued" in caplog.text
    assert len(await storage.analysis_queue(1000)) == queued
    monkeypatch.undo()
    assert await ingest.analyse_backlog_or_log() == queued
    assert await storage.analysis_queue(1000) == []


async def test_a_queue_left_for_the_poller_is_analysed_on_the_workers_when_live_items_come_first(
        storage: SqliteStorage, settings: Settings, feed_server: ScriptedServer,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A live cycle that finds a first fetch still queued analyses it before storing the live items, and does so on
    the analysis workers, not on the event loop."""
    from bot.facts import AnalysisPool

    old = [Item("Old one", "first", guid="w1", date=NOW - timedelta(hours=5)),
           Item("Old two", "second", guid="w2", date=NOW - timedelta(hours=4))]
    fresh = Item("Fresh", "third", guid="w3", date=NOW - timedelta(minutes=5))
    feed_server.route("/w", Reply(body=rss(old)), Reply(body=rss([fresh, *old])))
    async with Fetcher(settings) as fetcher, AnalysisPool(1) as pool:
        asked: list[str] = []
        analyses = pool.analyses

        async def recorded(texts):
            asked.extend(title for title, _ in texts)
            return await analyses(texts)

        monkeypatch.setattr(pool, "analyses", recorded)
        clock = Clock(NOW)
        ingest = IngestService(storage, fetcher, await Pipeline.create(storage, now=NOW), settings, clock=clock,
                               analysis=pool)
        feed = await add(storage, feed_server.url("/w"))
        await ingest.run_cycle([feed], analyse_backlog=False)
        assert len(await storage.analysis_queue(10)) == 2
        clock.now = NOW + timedelta(minutes=20)
        report = await ingest.run_cycle([await storage.get_feed(feed.id)], keep_items=True, analyse_backlog=False)
    assert sorted(asked) == ["Old one", "Old two"]
    assert await storage.analysis_queue(10) == []
    [fresh_item] = [item for item in report.feeds[0].items if item.kind == "new"]
    assert fresh_item.incoming.entry.title == "Fresh" and fresh_item.story_id is not None
