"""The pipeline's one look-up of what a batch's items already are, across every feed of a group commit."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.feeds.models import ParsedEntry
from bot.pipeline import Incoming, Pipeline
from storage import SqliteStorage

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


async def test_known_items_answers_for_every_feed_live_and_pruned(storage: SqliteStorage) -> None:
    first = await storage.add_feed("https://a.example/rss", interval_s=900, next_due=NOW, now=NOW)
    second = await storage.add_feed("https://b.example/rss", interval_s=900, next_due=NOW, now=NOW)
    pipeline = await Pipeline.create(storage, now=NOW)
    odd = ["plain", "with\x00nul", "emoji \U0001f30d", 'quote " and \\ backslash', "12345"]
    many = [f"item-{n}" for n in range(900)]  # more pairs than one query takes
    old = ParsedEntry("old", None, "Pruned later", "Text.", NOW - timedelta(days=200))
    assert [i.kind for i in await pipeline.process([Incoming(second.id, old)], now=NOW - timedelta(days=100))] == \
        ["new"]
    stored = await pipeline.process(
        [Incoming(first.id, ParsedEntry(guid, None, f"Title {guid}", "Text.", NOW)) for guid in odd + many], now=NOW)
    assert all(item.kind == "new" for item in stored)
    assert await storage.prune(articles_before=NOW - timedelta(days=99), seen_before=NOW - timedelta(days=300)) == \
        (1, 0)

    asked = {first.id: [f"guid:{guid}" for guid in odd + many] + ["guid:never"],
             second.id: ["guid:old", "guid:plain"]}
    known = await storage.known_items(asked)
    first_ids = {item.incoming.entry.guid: item.article_id for item in stored}
    assert {identity for feed_id, identity in known if feed_id == first.id} == {f"guid:{g}" for g in odd + many}
    assert known[(first.id, "guid:with\x00nul")].article_id == first_ids["with\x00nul"]
    assert known[(second.id, "guid:old")].article_id is None  # pruned: only the seen-set remembers it
    assert (second.id, "guid:plain") not in known  # another feed's identity is not this feed's
    assert await storage.known_items({}) == {}


async def test_an_item_with_a_nul_in_its_guid_is_unchanged_the_next_time(storage: SqliteStorage) -> None:
    feed = await storage.add_feed("https://a.example/rss", interval_s=900, next_due=NOW, now=NOW)
    pipeline = await Pipeline.create(storage, now=NOW)
    entry = ParsedEntry("https://a.example/x\x00y", None, "Title", "Text.", NOW)
    assert [i.kind for i in await pipeline.process([Incoming(feed.id, entry)], now=NOW)] == ["new"]
    assert [i.kind for i in await pipeline.process([Incoming(feed.id, entry)], now=NOW)] == ["unchanged"]
