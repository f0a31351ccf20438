"""Runs the demo: the bundled sample feeds, served on 127.0.0.1, read by two real ingest cycles.

Cycle one is a first fetch (the backlog: stored, never announced); between the cycles some feeds change
(an updated item, new items) and the rest answer 304, which is what a live poll looks like.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from importlib import resources

from bot.config import Settings
from bot.demo.server import FeedServer, ServedFeed
from bot.feeds.fetcher import Fetcher
from bot.feeds.ingest import CycleReport, IngestService
from bot.feeds.models import Article, Feed, StoreStats
from bot.feeds.registry import add_or_get_feed
from bot.intel.actors import default_gazetteer
from bot.intel.briefing import Briefing, BriefingRequest
from bot.intel.relations import RelationTrend
from bot.intel.service import IntelService
from bot.pipeline import Pipeline
from storage.base import Storage


@dataclass(frozen=True, slots=True)
class SampleFeed:
    path: str
    title: str
    content_type: str
    first: bytes
    later: bytes | None


@dataclass(frozen=True, slots=True)
class DemoResult:
    feeds: list[Feed]
    first_cycle: CycleReport
    second_cycle: CycleReport
    stats: StoreStats
    newest: list[Article]
    as_of: datetime
    briefing: Briefing
    relations: RelationTrend
    relation_names: tuple[str, str]


RELATIONS_PAIR = ("RU", "IR")
RELATIONS_DAYS = 14


def load_sample() -> list[SampleFeed]:
    data = resources.files("bot.demo.data")
    index = json.loads(data.joinpath("feeds.json").read_text(encoding="utf-8"))
    return [
        SampleFeed(
            path=entry["path"], title=entry["title"], content_type=entry["content_type"],
            first=data.joinpath(entry["file"]).read_bytes(),
            later=data.joinpath(entry["later_file"]).read_bytes() if entry.get("later_file") else None,
        )
        for entry in index
    ]


# The sample is news of late November 2026; the demo's clock stands just after its newest item, so that its
# briefing and "last 24 hours" read the same whenever the demo is run (undated items take this time too).
DEMO_NOW = datetime(2026, 11, 25, 18, 30, tzinfo=UTC)


async def run_demo(storage: Storage, settings: Settings) -> DemoResult:
    """Serve the sample, ingest it twice through the real fetcher, and report what happened."""
    sample = load_sample()
    clock = _DemoClock()
    server = FeedServer({feed.path: ServedFeed(feed.first, feed.content_type) for feed in sample})
    base = await server.start()
    local = settings.with_overrides(allow_private_addresses=True)
    try:
        async with Fetcher(local) as fetcher:
            pipeline = await Pipeline.create(storage, now=clock())
            ingest = IngestService(storage, fetcher, pipeline, local, clock=clock)
            feeds = [
                (await add_or_get_feed(storage, base + feed.path, interval_s=local.poll_interval_s, now=clock(),
                                       title=feed.title))[0]
                for feed in sample
            ]
            first = await ingest.run_cycle(feeds)
            clock.advance(timedelta(minutes=15))
            for feed in sample:
                if feed.later is not None:
                    server.feeds[feed.path] = ServedFeed(feed.later, feed.content_type)
            refreshed = [f for f in await storage.list_feeds() if not f.disabled and f.url.startswith(base)]
            second = await ingest.run_cycle(refreshed)
    finally:
        await server.stop()
    newest = await storage.newest_articles(8)
    intel = IntelService(storage, default_gazetteer())
    briefing = await intel.briefing(BriefingRequest(end=clock(), hours=24, limit=8))
    relations = await intel.relations(*RELATIONS_PAIR, days=RELATIONS_DAYS, end=clock())
    names = intel.actor_names(list(RELATIONS_PAIR))
    return DemoResult(
        feeds=[f for f in await storage.list_feeds() if f.url.startswith(base)],
        first_cycle=first, second_cycle=second, stats=await storage.stats(), newest=newest,
        as_of=clock(), briefing=briefing, relations=relations,
        relation_names=(names[RELATIONS_PAIR[0]], names[RELATIONS_PAIR[1]]),
    )


class _DemoClock:
    def __init__(self) -> None:
        self._now = DEMO_NOW

    def __call__(self) -> datetime:
        return self._now

    def advance(self, delta: timedelta) -> None:
        self._now += delta
