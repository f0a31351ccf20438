"""Scheduled briefings: decide which are due, build them, and queue them in the outbox with the date mark.

The outbox rows and the schedule's `last_local_date` are written in one transaction, so a crash can neither
lose a due briefing nor send it twice.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from bot.delivery.messages import briefing_messages
from bot.delivery.models import DeliveryBuilder, OutboxRow, Schedule
from bot.delivery.schedule_time import decide
from bot.intel.briefing import BriefingRequest
from bot.intel.service import IntelService
from storage.base import Storage

log = logging.getLogger(__name__)


class BriefingJob:
    def __init__(self, storage: Storage, intel: IntelService, *, grace: timedelta) -> None:
        self._storage = storage
        self._intel = intel
        self._grace = grace

    async def run_due(self, now: datetime) -> int:
        """Queue every briefing that is due now; return how many were queued."""
        fired = 0
        for schedule in await self._storage.active_schedules():
            decision = decide(schedule, now, self._grace)
            if decision.action == "wait" or decision.local_date is None:
                continue
            out = DeliveryBuilder()
            out.schedule_dates.append((schedule.id, decision.local_date.isoformat()))
            if decision.action == "skip":
                log.warning("briefing %s for %s skipped: due at %s, more than %s ago", schedule.id,
                            decision.local_date, decision.due, self._grace)
            else:
                await self._queue(schedule, decision.local_date.isoformat(), now, out)
                fired += 1
            await self._storage.record_delivery(out.build(now))
        return fired

    async def _queue(self, schedule: Schedule, local_date: str, now: datetime, out: DeliveryBuilder) -> None:
        feed_ids = await self._storage.guild_feed_ids(schedule.guild_id)
        request = BriefingRequest(end=now, hours=schedule.hours, country=schedule.country, domain=schedule.domain,
                                  feed_ids=feed_ids)
        briefing = await self._intel.briefing(request)
        title = f"Briefing for {local_date}"
        for index, payload in enumerate(briefing_messages(briefing, title=title)):
            out.outbox.append(OutboxRow(f"brief:{schedule.id}:{local_date}:{index}", schedule.guild_id,
                                        schedule.channel_id, "brief", payload.as_json(), ref_id=schedule.id))
