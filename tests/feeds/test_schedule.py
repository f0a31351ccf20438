"""Scheduling: stable slots spread over the interval, backoff with jitter, and the server's Retry-After."""

from __future__ import annotations

import random
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest

from bot.feeds.schedule import MAX_BACKOFF, MAX_RETRY_AFTER, MIN_RETRY, backoff_delay, next_slot, phase_of, retry_delay

NOW = datetime(2024, 6, 4, 12, 0, 0, tzinfo=UTC)
URLS = [f"https://feeds{n % 37}.example/{n}/rss.xml" for n in range(2000)]


class FixedRandom(random.Random):
    """An rng whose `uniform(a, b)` always lands at the same fraction of the range."""

    def __init__(self, fraction: float) -> None:
        super().__init__(0)
        self.fraction = fraction

    def uniform(self, a: float, b: float) -> float:
        return a + (b - a) * self.fraction


# --- next_slot ---

@pytest.mark.parametrize("interval", [60, 900, 3600])
@pytest.mark.parametrize("offset_s", [0, 0.4, 17, 449.999, 450, 899, 12_345.678])
def test_next_slot_is_between_half_and_one_and_a_half_intervals(interval: int, offset_s: float) -> None:
    now = NOW + timedelta(seconds=offset_s)
    for url in URLS[:200]:
        delay = (next_slot(url, interval, now) - now).total_seconds()
        assert interval / 2 < delay <= interval * 1.5 + 1e-6, (url, delay)


def test_next_slot_keeps_the_time_zone_of_now() -> None:
    assert next_slot(URLS[0], 900, NOW).tzinfo == UTC


def test_next_slot_is_stable_for_a_url() -> None:
    interval = 900
    for url in URLS[:50]:
        phases = {round(next_slot(url, interval, NOW + timedelta(seconds=s)).timestamp() % interval, 3)
                  for s in (0, 1, 123, 451, 899, 1800, 86_400)}
        assert phases == {round(phase_of(url, interval), 3)}, url
    assert next_slot(URLS[7], interval, NOW) == next_slot(URLS[7], interval, NOW)


def test_a_feed_that_runs_late_keeps_its_slot_a_cycle_later() -> None:
    first = next_slot(URLS[3], 900, NOW)
    second = next_slot(URLS[3], 900, first + timedelta(seconds=5))  # fetched 5 s after its slot
    assert second - first == timedelta(seconds=900)


def test_phase_is_within_the_interval_and_differs_between_urls() -> None:
    phases = [phase_of(url, 900) for url in URLS]
    assert all(0 <= phase < 900 for phase in phases)
    assert len(set(phases)) > 1900


def test_two_thousand_urls_spread_over_the_interval() -> None:
    interval = 900
    slots = [next_slot(url, interval, NOW) for url in URLS]
    seconds = Counter(int(slot.timestamp()) for slot in slots)
    # Evenly spread, 2,000 feeds over 900 s is ~2.2 a second; no second may hold 2% (40) of them.
    assert max(seconds.values()) <= len(URLS) * 0.02
    assert len(seconds) > interval * 0.8  # almost every second of the interval has some feed
    minutes = Counter((slot - NOW).total_seconds() // 60 for slot in slots)
    assert len(minutes) >= 15
    assert max(minutes.values()) < 2 * len(URLS) / 15  # no minute holds twice its share


# --- backoff_delay ---

@pytest.mark.parametrize("failures", range(0, 12))
@pytest.mark.parametrize("interval", [60, 900])
def test_backoff_is_within_half_and_full_of_the_base(failures: int, interval: int) -> None:
    base = min(timedelta(seconds=interval) * 2 ** max(failures - 1, 0), MAX_BACKOFF)
    for seed in range(20):
        delay = backoff_delay(failures, interval, random.Random(seed))
        assert max(base / 2, MIN_RETRY) <= delay <= base


def test_backoff_grows_with_failures() -> None:
    for fraction in (0.0, 0.5, 1.0):
        delays = [backoff_delay(n, 900, FixedRandom(fraction)) for n in range(1, 7)]
        assert all(later == 2 * earlier for earlier, later in zip(delays, delays[1:], strict=False)), delays


def test_backoff_is_capped() -> None:
    for failures in (7, 10, 17, 50, 10_000):  # 900 s * 2**6 is past 12 h
        assert backoff_delay(failures, 900, FixedRandom(1.0)) == MAX_BACKOFF
        assert backoff_delay(failures, 900, FixedRandom(0.0)) == MAX_BACKOFF / 2


def test_backoff_has_jitter() -> None:
    values = {backoff_delay(3, 900, random.Random(seed)) for seed in range(10)}
    assert len(values) >= 9
    assert backoff_delay(3, 900, random.Random(1)) != backoff_delay(3, 900, random.Random(2))


def test_backoff_jitter_is_reproducible_with_the_same_seed() -> None:
    assert backoff_delay(4, 900, random.Random(42)) == backoff_delay(4, 900, random.Random(42))


def test_backoff_never_goes_below_the_minimum_retry() -> None:
    assert backoff_delay(1, 10, FixedRandom(0.0)) == MIN_RETRY
    assert backoff_delay(0, 1, FixedRandom(1.0)) == MIN_RETRY


def test_backoff_without_an_rng_uses_the_module_random() -> None:
    delay = backoff_delay(2, 900)
    assert timedelta(seconds=900) <= delay <= timedelta(seconds=1800)


# --- retry_delay ---

def test_retry_delay_honours_retry_after() -> None:
    for failures in (1, 5, 9):
        assert retry_delay(failures, 900, 120.0, random.Random(0)) == timedelta(seconds=120)


def test_retry_after_is_clamped() -> None:
    assert retry_delay(1, 900, 0.0) == timedelta(seconds=1)
    assert retry_delay(1, 900, 0.2) == timedelta(seconds=1)
    assert retry_delay(1, 900, 10 * 86_400.0) == MAX_RETRY_AFTER


def test_retry_after_longer_than_the_backoff_is_still_honoured() -> None:
    assert retry_delay(1, 60, 7200.0) == timedelta(hours=2)


def test_retry_delay_without_retry_after_backs_off() -> None:
    assert retry_delay(3, 900, None, FixedRandom(0.5)) == backoff_delay(3, 900, FixedRandom(0.5))
    assert retry_delay(3, 900, None, FixedRandom(0.5)) == timedelta(seconds=2700)
