"""When a scheduled briefing is due: a local time in an IANA zone, on chosen weekdays, once per local date.

zoneinfo resolves the two hard days: on the spring-forward day a local time inside the gap (02:30 in
Europe/London) is read with the offset before the change, so it fires once, an hour "late" by the wall clock;
on the fall-back day a repeated time (01:30) fires at its first occurrence, and the once-per-local-date rule
stops the second. After downtime a missed briefing is sent if we are back within the grace period, otherwise
skipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from bot.delivery.models import Schedule

ALL_WEEKDAYS = frozenset(range(7))
WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class ScheduleInputError(ValueError):
    """A time, zone or weekday list a user typed that we cannot use; the message says what is expected."""


@dataclass(frozen=True, slots=True)
class Decision:
    action: str  # "fire", "skip" or "wait"
    local_date: date | None = None
    due: datetime | None = None


def parse_local_time(text: str) -> time:
    """'07:30', '7:30', '0730' or '7' -> time(7, 30)."""
    cleaned = text.strip().lower().replace(".", ":")
    try:
        if ":" in cleaned:
            hour, minute = (int(part) for part in cleaned.split(":", 1))
        elif cleaned.isdigit() and len(cleaned) in (3, 4):
            hour, minute = int(cleaned[:-2]), int(cleaned[-2:])
        else:
            hour, minute = int(cleaned), 0
        return time(hour, minute)
    except ValueError:
        raise ScheduleInputError(f"{text!r} is not a time of day; use HH:MM, e.g. 07:30") from None


def parse_timezone(name: str) -> str:
    name = name.strip()
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ScheduleInputError(f"{name!r} is not an IANA time zone, e.g. Europe/Paris or America/New_York") from None
    return name


def parse_weekdays(text: str | None) -> frozenset[int]:
    """'mon-fri', 'sat,sun', 'daily', 'weekdays', 'weekends' or empty (every day)."""
    if not text or text.strip().lower() in {"daily", "every day", "all"}:
        return ALL_WEEKDAYS
    value = text.strip().lower()
    if value == "weekdays":
        return frozenset(range(5))
    if value == "weekends":
        return frozenset({5, 6})
    days: set[int] = set()
    for part in value.replace(" ", "").split(","):
        if "-" in part:
            first, last = (_weekday(p) for p in part.split("-", 1))
            span = range(first, last + 1) if first <= last else [*range(first, 7), *range(0, last + 1)]
            days.update(span)
        elif part:
            days.add(_weekday(part))
    if not days:
        raise ScheduleInputError("name at least one weekday, e.g. mon-fri")
    return frozenset(days)


def _weekday(token: str) -> int:
    for index, name in enumerate(WEEKDAY_NAMES):
        if token[:3] == name:
            return index
    raise ScheduleInputError(f"{token!r} is not a weekday; use mon, tue, ... sun, or ranges like mon-fri")


def zone_names(prefix: str, limit: int = 25) -> list[str]:
    """Autocomplete for time zones: names containing what was typed, shortest first."""
    needle = prefix.strip().lower().replace(" ", "_")
    matches = sorted((z for z in available_timezones() if needle in z.lower()), key=lambda z: (len(z), z))
    return matches[:limit]


def occurrence(local_time: time, zone: str, day: date) -> datetime:
    """The UTC instant of `local_time` on `day` in `zone` (first occurrence; a gap time takes the old offset)."""
    return datetime.combine(day, local_time, tzinfo=ZoneInfo(zone)).astimezone(UTC)


def decide(schedule: Schedule, now: datetime, grace: timedelta) -> Decision:
    """Fire the latest occurrence that is due and not yet done, skip it if it is older than `grace`."""
    zone = ZoneInfo(schedule.timezone)
    today = now.astimezone(zone).date()
    for day in (today, today - timedelta(days=1)):
        if day.weekday() not in schedule.weekdays:
            continue
        if schedule.last_local_date is not None and day <= schedule.last_local_date:
            return Decision("wait")
        due = occurrence(schedule.local_time, schedule.timezone, day)
        if due > now:
            continue
        return Decision("fire" if now - due <= grace else "skip", day, due)
    return Decision("wait")


def next_run(schedule: Schedule, now: datetime) -> datetime | None:
    """The next time this schedule will fire, for display."""
    zone = ZoneInfo(schedule.timezone)
    start = now.astimezone(zone).date()
    for offset in range(0, 8):
        day = start + timedelta(days=offset)
        if day.weekday() not in schedule.weekdays:
            continue
        if schedule.last_local_date is not None and day <= schedule.last_local_date:
            continue
        due = occurrence(schedule.local_time, schedule.timezone, day)
        if due > now:
            return due
    return None
