"""Scheduled briefings are queued in the outbox once per local date, in one transaction with the date mark."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from bot.delivery.briefings import BriefingJob
from bot.delivery.models import Schedule
from bot.intel.actors import default_gazetteer
from bot.intel.service import IntelService
from storage import SqliteStorage

NOW = datetime(2026, 6, 1, 7, 5, tzinfo=UTC)


async def _job(storage: SqliteStorage) -> tuple[BriefingJob, Schedule]:
    await storage.upsert_guild(10, "Alpha", NOW - timedelta(days=1))
    schedule = await storage.add_schedule(
        Schedule(0, 10, 20, time(7, 0), "UTC", frozenset(range(7))), created_by=1, now=NOW - timedelta(days=1))
    return BriefingJob(storage, IntelService(storage, default_gazetteer()), grace=timedelta(hours=2)), schedule


async def test_a_due_briefing_is_queued_once(storage: SqliteStorage) -> None:
    job, schedule = await _job(storage)
    assert await job.run_due(NOW) == 1
    assert await job.run_due(NOW + timedelta(minutes=1)) == 0
    pending = await storage.pending_outbox(NOW + timedelta(minutes=1))
    assert [m.key for m in pending] == [f"brief:{schedule.id}:2026-06-01:0"]
    assert pending[0].channel_id == 20 and pending[0].kind == "brief"
    assert "Nothing in this period" in pending[0].payload["content"]
    (stored,) = await storage.list_schedules(10)
    assert stored.last_local_date.isoformat() == "2026-06-01"


async def test_a_briefing_missed_beyond_grace_is_skipped(storage: SqliteStorage) -> None:
    job, _ = await _job(storage)
    assert await job.run_due(NOW + timedelta(hours=3)) == 0
    assert await storage.pending_outbox(NOW + timedelta(hours=3)) == []
    (stored,) = await storage.list_schedules(10)
    assert stored.last_local_date.isoformat() == "2026-06-01"


async def test_a_left_guild_gets_no_briefing(storage: SqliteStorage) -> None:
    job, _ = await _job(storage)
    await storage.mark_guild_left(10, NOW)
    assert await job.run_due(NOW) == 0
