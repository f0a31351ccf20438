"""Everything the bot runs on, wired once: storage, fetcher, pipeline, ingest, delivery, and the services the
cogs call. `sitrep run` builds it; tests build it with a temp database and a fake clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.config import Settings
from bot.facts import AnalysisPool
from bot.delivery.briefings import BriefingJob
from bot.delivery.planner import DeliveryPlanner
from bot.feeds.fetcher import Fetcher
from bot.feeds.ingest import IngestService, utcnow
from bot.intel.actors import Gazetteer, default_gazetteer
from bot.intel.service import IntelService
from bot.pipeline import Pipeline
from bot.services.feeds import FeedService
from bot.services.schedules import ScheduleService
from bot.services.watches import WatchService
from storage.base import Storage

Clock = Callable[[], datetime]


@dataclass(slots=True)
class Services:
    settings: Settings
    storage: Storage
    fetcher: Fetcher
    pipeline: Pipeline
    planner: DeliveryPlanner
    ingest: IngestService
    intel: IntelService
    gazetteer: Gazetteer
    feeds: FeedService
    watches: WatchService
    schedules: ScheduleService
    briefings: BriefingJob
    clock: Clock
    started_at: datetime


def offset_clock(offset_s: float) -> Clock:
    """The wall clock, shifted by a test-only offset (SITREP_TEST_CLOCK_OFFSET) so e2e tests need no long sleeps."""
    if not offset_s:
        return utcnow
    shift = timedelta(seconds=offset_s)
    return lambda: utcnow() + shift


async def build_services(settings: Settings, storage: Storage, fetcher: Fetcher, *,
                         clock: Clock | None = None, analysis: AnalysisPool | None = None) -> Services:
    clock = clock or offset_clock(settings.clock_offset_s)
    gazetteer = default_gazetteer()
    pipeline = await Pipeline.create(storage, now=clock())
    planner = DeliveryPlanner(storage, pipeline, gazetteer, cap=settings.posts_per_channel_per_cycle)
    ingest = IngestService(storage, fetcher, pipeline, settings, clock=clock, planner=planner, analysis=analysis)
    intel = IntelService(storage, gazetteer)
    return Services(
        settings=settings, storage=storage, fetcher=fetcher, pipeline=pipeline, planner=planner, ingest=ingest,
        intel=intel, gazetteer=gazetteer,
        feeds=FeedService(storage, ingest, fetcher.policy, interval_s=settings.poll_interval_s, clock=clock,
                          fetcher=fetcher, gazetteer=gazetteer),
        watches=WatchService(storage, gazetteer, clock=clock),
        schedules=ScheduleService(storage, clock=clock),
        briefings=BriefingJob(storage, intel, grace=timedelta(hours=settings.brief_grace_hours)),
        clock=clock, started_at=clock(),
    )
