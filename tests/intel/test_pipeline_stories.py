"""Stories through the real pipeline: copies join their original, ids are stable across restarts, distinct
events stay apart, and relations and tags are stored with the articles."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.feeds.models import ParsedEntry
from bot.feeds.registry import add_or_get_feed
from bot.intel.actors import default_gazetteer
from bot.intel.briefing import BriefingRequest
from bot.intel.service import IntelService
from bot.pipeline import Incoming, Pipeline
from storage import SqliteStorage

T0 = datetime(2026, 11, 20, 6, 0, tzinfo=UTC)
DRONE_DEAL = [
    ("wire", "Russia to build Iranian-designed drones at Urals plant, officials say",
     "Russia and Iran have agreed a deal that lets Russia produce Iranian-designed attack drones at a plant in "
     "Tatarstan, two Western officials said on Tuesday.", 0),
    ("gulf", "Tehran and Moscow agree drone co-production, sources say",
     "Iran will help Russia build Shahed-type attack drones at a factory in Tatarstan under a deal agreed this "
     "month, according to officials briefed on the agreement.", 2),
    ("eurasia", "Iran denies drone production deal with Russia",
     "Iran's foreign ministry denied reports that it had agreed to let Russia produce Iranian-designed drones in "
     "Tatarstan, calling them baseless.", 20),
]
OTHER_EVENTS = [
    ("wire", "Flooding displaces thousands in northern Bangladesh",
     "Monsoon floods have displaced more than 40,000 people in Sylhet, Bangladesh's disaster ministry said.", 1),
    ("markets", "Wheat futures close at $5.62 a bushel",
     "Chicago wheat futures closed at $5.62 a bushel on Monday as export volumes held steady.", 3),
    ("markets", "Wheat futures close at $5.71 a bushel",
     "Chicago wheat futures closed at $5.71 a bushel on Tuesday as export volumes held steady.", 27),
]


async def _feeds(storage: SqliteStorage) -> dict[str, int]:
    names = {"wire", "gulf", "eurasia", "markets", "mirror"}
    return {name: (await add_or_get_feed(storage, f"https://{name}.example/rss", interval_s=900, now=T0))[0].id
            for name in sorted(names)}


def _item(feeds: dict[str, int], feed: str, title: str, body: str, hours: float, guid: str | None = None,
          link: str | None = None) -> Incoming:
    slug = "-".join(title.lower().split())
    entry = ParsedEntry(guid or f"{feed}:{slug}", link or f"https://{feed}.example/{slug}",
                        title, body, T0 + timedelta(hours=hours))
    return Incoming(feeds[feed], entry, f"https://{feed}.example/")


async def test_outlets_join_one_story_and_distinct_events_stay_apart(storage: SqliteStorage) -> None:
    feeds = await _feeds(storage)
    pipeline = await Pipeline.create(storage, now=T0)
    items = [_item(feeds, *row) for row in sorted(DRONE_DEAL + OTHER_EVENTS, key=lambda r: r[3])]
    results = await pipeline.process(items, now=T0 + timedelta(days=2))
    story_of = {r.incoming.entry.title: r.story_id for r in results}
    deal = {story_of[row[1]] for row in DRONE_DEAL}
    assert len(deal) == 1
    others = [story_of[row[1]] for row in OTHER_EVENTS]
    assert len(set(others)) == 3 and not deal & set(others)
    story = await storage.get_story(deal.pop())
    assert story.publisher_count == 3 and {"RU", "IR"} <= set(story.actors)


async def test_copies_join_their_originals_story(storage: SqliteStorage) -> None:
    feeds = await _feeds(storage)
    pipeline = await Pipeline.create(storage, now=T0)
    feed, title, body, hours = DRONE_DEAL[0]
    results = await pipeline.process([
        _item(feeds, feed, title, body, hours),
        _item(feeds, "mirror", title, body + " This article first appeared on Wire.", hours + 1, guid="m1"),
    ], now=T0 + timedelta(days=1))
    original, copy = results
    assert copy.duplicate_of == original.article_id and copy.story_id == original.story_id
    story = await storage.get_story(original.story_id)
    assert story.article_count == 2 and story.publisher_count == 1


async def test_story_ids_survive_a_restart(storage: SqliteStorage) -> None:
    feeds = await _feeds(storage)
    first = await Pipeline.create(storage, now=T0)
    (before,) = await first.process([_item(feeds, *DRONE_DEAL[0])], now=T0 + timedelta(hours=1))
    restarted = await Pipeline.create(storage, now=T0 + timedelta(hours=3))
    results = await restarted.process([_item(feeds, *row) for row in DRONE_DEAL[1:]], now=T0 + timedelta(days=1))
    assert {r.story_id for r in results} == {before.story_id}
    assert (await storage.get_story(before.story_id)).publisher_count == 3


async def test_bulletins_with_other_figures_are_separate_stories_after_restart(storage: SqliteStorage) -> None:
    feeds = await _feeds(storage)
    first = await Pipeline.create(storage, now=T0)
    (monday,) = await first.process([_item(feeds, *OTHER_EVENTS[1])], now=T0 + timedelta(hours=4))
    restarted = await Pipeline.create(storage, now=T0 + timedelta(hours=5))
    (tuesday,) = await restarted.process([_item(feeds, *OTHER_EVENTS[2])], now=T0 + timedelta(days=2))
    assert tuesday.duplicate_of is None and tuesday.story_id != monday.story_id


async def test_tags_relations_and_briefing(storage: SqliteStorage) -> None:
    feeds = await _feeds(storage)
    pipeline = await Pipeline.create(storage, now=T0)
    await pipeline.process([_item(feeds, *row) for row in sorted(DRONE_DEAL + OTHER_EVENTS, key=lambda r: r[3])],
                           now=T0 + timedelta(days=2))
    service = IntelService(storage, default_gazetteer())
    trend = await service.relations("RU", "IR", days=7, end=T0 + timedelta(days=2))
    assert trend.articles == 3
    assert {d.domain for d in trend.domains} >= {"military"}
    assert trend.top_stories and trend.top_stories[0].publisher_count == 3
    briefing = await service.briefing(BriefingRequest(end=T0 + timedelta(days=1), hours=48))
    top = briefing.items[0]
    assert top.metrics.publishers == 3 and "Russia" in top.actors and top.domain == "military"
    iran_only = await service.briefing(BriefingRequest(end=T0 + timedelta(days=1), hours=48, country="BD"))
    assert [item.label for item in iran_only.items] == ["Flooding displaces thousands in northern Bangladesh"]
    view = await service.story(top.story_id, now=T0 + timedelta(days=1))
    evidence = {tag.tag: tag.evidence for tag in view.tags}
    assert "IR" in evidence and evidence["IR"]


async def test_relations_from_a_servers_feeds_agree_with_the_aggregate(storage: SqliteStorage) -> None:
    feeds = await _feeds(storage)
    pipeline = await Pipeline.create(storage, now=T0)
    await pipeline.process([_item(feeds, *row) for row in sorted(DRONE_DEAL + OTHER_EVENTS, key=lambda r: r[3])],
                           now=T0 + timedelta(days=2))
    service = IntelService(storage, default_gazetteer())
    everything = await service.relations("RU", "IR", days=7, end=T0 + timedelta(days=2))
    scoped = await service.relations("IR", "RU", days=7, end=T0 + timedelta(days=2), feed_ids=tuple(feeds.values()))
    assert (scoped.articles, scoped.tone) == (everything.articles, everything.tone)
    assert [(d.domain, d.articles, d.stories) for d in scoped.domains] == \
        [(d.domain, d.articles, d.stories) for d in everything.domains]
    only_gulf = await service.relations("RU", "IR", days=7, end=T0 + timedelta(days=2), feed_ids=(feeds["gulf"],))
    assert only_gulf.articles == 1
    assert await service.relations("RU", "IR", days=7, end=T0 + timedelta(days=2), feed_ids=()) is not None


async def test_a_server_sees_a_story_only_through_its_own_feeds(storage: SqliteStorage) -> None:
    feeds = await _feeds(storage)
    pipeline = await Pipeline.create(storage, now=T0)
    await pipeline.process([_item(feeds, "wire", "CONFIDENTIAL: " + DRONE_DEAL[0][1], *DRONE_DEAL[0][2:]),
                            _item(feeds, *DRONE_DEAL[1])], now=T0 + timedelta(days=1))
    service = IntelService(storage, default_gazetteer())
    public = (feeds["gulf"],)
    briefing = await service.briefing(BriefingRequest(end=T0 + timedelta(days=1), hours=48, feed_ids=public))
    (item,) = briefing.items
    assert "CONFIDENTIAL" not in item.label and item.metrics.publishers == 1
    view = await service.story(item.story_id, now=T0 + timedelta(days=1), feed_ids=public)
    assert "CONFIDENTIAL" not in view.story.label and [a.feed_id for a in view.articles] == [feeds["gulf"]]
    everything = await service.story(item.story_id, now=T0 + timedelta(days=1))
    assert everything.story.publisher_count == 2


async def test_an_unchanged_repeat_is_not_analysed_again(storage: SqliteStorage) -> None:
    feeds = await _feeds(storage)
    pipeline = await Pipeline.create(storage, now=T0)
    await pipeline.process([_item(feeds, *DRONE_DEAL[0])], now=T0 + timedelta(hours=1))
    (again,) = await pipeline.process([_item(feeds, *DRONE_DEAL[0])], now=T0 + timedelta(hours=2))
    assert again.kind == "unchanged" and again.intel is None
