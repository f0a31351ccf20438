"""Briefing times across DST and downtime, with an injected clock."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from bot.delivery.models import Schedule
from bot.delivery.schedule_time import (
    ScheduleInputError,
    decide,
    next_run,
    parse_local_time,
    parse_timezone,
    parse_weekdays,
    zone_names,
)

GRACE = timedelta(hours=2)


def schedule(at: str, zone: str = "Europe/London", *, last: date | None = None, days: str | None = None) -> Schedule:
    return Schedule(1, 10, 20, parse_local_time(at), zone, parse_weekdays(days), last_local_date=last)


def run_day(s: Schedule, start: datetime, hours: int = 30, step: timedelta = timedelta(minutes=5)) -> list[datetime]:
    """Advance a clock in steps, firing like the scheduler does; return the instants it fired."""
    fired, now = [], start
    while now < start + timedelta(hours=hours):
        decision = decide(s, now, GRACE)
        if decision.action in {"fire", "skip"}:
            if decision.action == "fire":
                fired.append(now)
            s = Schedule(s.id, s.guild_id, s.channel_id, s.local_time, s.timezone, s.weekdays,
                         last_local_date=decision.local_date)
        now += step
    return fired


def test_fires_once_at_local_time() -> None:
    fired = run_day(schedule("07:30", "Europe/Paris"), datetime(2026, 6, 1, 0, 0, tzinfo=UTC), hours=24)
    assert fired == [datetime(2026, 6, 1, 5, 30, tzinfo=UTC)]  # 07:30 CEST


def test_spring_forward_gap_fires_once() -> None:
    # 2026-03-29: London jumps from 01:00 GMT to 02:00 BST; 01:30 does not exist that day.
    fired = run_day(schedule("01:30"), datetime(2026, 3, 28, 23, 0, tzinfo=UTC), hours=20)
    assert len(fired) == 1
    assert datetime(2026, 3, 29, 1, 0, tzinfo=UTC) <= fired[0] <= datetime(2026, 3, 29, 2, 0, tzinfo=UTC)


def test_fall_back_repeated_time_fires_once() -> None:
    # 2026-10-25: London falls back from 02:00 BST to 01:00 GMT; 01:30 happens twice.
    fired = run_day(schedule("01:30"), datetime(2026, 10, 24, 22, 0, tzinfo=UTC), hours=20)
    assert fired == [datetime(2026, 10, 25, 0, 30, tzinfo=UTC)]  # the first 01:30 (BST)


def test_each_local_date_fires_once_over_a_week() -> None:
    fired = run_day(schedule("08:00", "America/New_York"), datetime(2026, 11, 1, 0, 0, tzinfo=UTC), hours=24 * 7)
    assert len(fired) == 7 and len({f.date() for f in fired}) == 7  # DST ends in New York on 1 Nov 2026


def test_missed_briefing_is_sent_within_grace_and_skipped_after() -> None:
    s = schedule("07:00", "UTC", last=date(2026, 5, 31))
    assert decide(s, datetime(2026, 6, 1, 8, 30, tzinfo=UTC), GRACE).action == "fire"
    assert decide(s, datetime(2026, 6, 1, 9, 30, tzinfo=UTC), GRACE).action == "skip"
    assert decide(s, datetime(2026, 6, 1, 6, 0, tzinfo=UTC), GRACE).action == "wait"


def test_yesterdays_missed_briefing_after_midnight_downtime() -> None:
    s = schedule("23:30", "UTC", last=date(2026, 5, 31))
    decision = decide(s, datetime(2026, 6, 2, 0, 30, tzinfo=UTC), GRACE)
    assert decision.action == "fire" and decision.local_date == date(2026, 6, 1)


def test_weekdays_are_respected() -> None:
    s = schedule("09:00", "UTC", days="mon-fri")
    fired = run_day(s, datetime(2026, 6, 6, 0, 0, tzinfo=UTC), hours=48)  # Saturday and Sunday
    assert fired == []
    upcoming = next_run(s, datetime(2026, 6, 6, 12, 0, tzinfo=UTC))
    assert upcoming == datetime(2026, 6, 8, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize("text, expected", [("07:30", time(7, 30)), ("7:05", time(7, 5)), ("0730", time(7, 30)),
                                            ("7", time(7, 0)), ("23.15", time(23, 15))])
def test_parse_local_time(text: str, expected: time) -> None:
    assert parse_local_time(text) == expected


@pytest.mark.parametrize("bad", ["25:00", "7:61", "noon", "", "12:3x"])
def test_bad_times_are_refused(bad: str) -> None:
    with pytest.raises(ScheduleInputError):
        parse_local_time(bad)


def test_timezones_and_weekdays() -> None:
    assert parse_timezone("Europe/Paris") == "Europe/Paris"
    with pytest.raises(ScheduleInputError):
        parse_timezone("Mars/Olympus")
    assert parse_weekdays("mon-fri") == frozenset(range(5))
    assert parse_weekdays("fri-mon") == frozenset({4, 5, 6, 0})
    assert parse_weekdays("sat,sun") == parse_weekdays("weekends") == frozenset({5, 6})
    assert parse_weekdays(None) == frozenset(range(7))
    with pytest.raises(ScheduleInputError):
        parse_weekdays("someday")
    assert "Europe/Paris" in zone_names("paris") and len(zone_names("a")) <= 25
