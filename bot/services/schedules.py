"""A server's scheduled briefings: a local time in an IANA time zone, on chosen weekdays."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.delivery.models import Schedule
from bot.delivery.schedule_time import (
    ScheduleInputError,
    next_run,
    occurrence,
    parse_local_time,
    parse_timezone,
    parse_weekdays,
)
from bot.services.errors import UserFacingError
from storage.base import Storage

MAX_SCHEDULES_PER_GUILD = 20


class ScheduleService:
    def __init__(self, storage: Storage, *, clock: Callable[[], datetime]) -> None:
        self._storage = storage
        self._clock = clock

    async def add(self, guild_id: int, channel_id: int, *, local_time: str, timezone: str, weekdays: str | None,
                  hours: int = 24, country: str | None = None, domain: str | None = None,
                  user_id: int | None) -> Schedule:
        try:
            at, zone, days = parse_local_time(local_time), parse_timezone(timezone), parse_weekdays(weekdays)
        except ScheduleInputError as exc:
            raise UserFacingError(str(exc)) from None
        if not 1 <= hours <= 168:
            raise UserFacingError("hours must be between 1 and 168.")
        if len(await self._storage.list_schedules(guild_id)) >= MAX_SCHEDULES_PER_GUILD:
            raise UserFacingError(f"This server already has {MAX_SCHEDULES_PER_GUILD} schedules; cancel one first.")
        now = self._clock()
        today = now.astimezone(ZoneInfo(zone)).date()
        # A time already past today starts tomorrow, rather than firing the moment it is created; one still to
        # come today fires today. Either way no earlier day is due: yesterday's time predates the schedule.
        last = today if occurrence(at, zone, today) <= now else today - timedelta(days=1)
        schedule = Schedule(0, guild_id, channel_id, at, zone, days, hours, country, domain, last)
        return await self._storage.add_schedule(schedule, created_by=user_id, now=now)

    async def list(self, guild_id: int) -> list[tuple[Schedule, datetime | None]]:
        now = self._clock()
        return [(s, next_run(s, now)) for s in await self._storage.list_schedules(guild_id)]

    async def cancel(self, guild_id: int, schedule_id: int) -> None:
        if not await self._storage.remove_schedule(guild_id, schedule_id):
            raise UserFacingError(f"There is no briefing schedule #{schedule_id} on this server (see /brief list).")
