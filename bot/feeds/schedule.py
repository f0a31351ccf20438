"""When a feed is due again: a fixed slot in the interval on success, exponential backoff with jitter on failure.

Slots: each feed keeps a stable phase inside the poll interval (a hash of its URL), so 2,000 feeds added at
once settle into an even spread instead of firing in the same second every cycle.
"""

from __future__ import annotations

import hashlib
import random
from datetime import datetime, timedelta

MAX_BACKOFF = timedelta(hours=12)
MIN_RETRY = timedelta(seconds=30)
MAX_RETRY_AFTER = timedelta(hours=24)


def phase_of(url: str, interval_s: int) -> float:
    """A stable offset in [0, interval) for this URL."""
    digest = hashlib.blake2b(url.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") % (interval_s * 1000) / 1000.0


def next_slot(url: str, interval_s: int, now: datetime) -> datetime:
    """The first time after half an interval from `now` that falls on this feed's phase.

    Half an interval at least, so a feed fetched late in its slot is not fetched again moments later; at most
    one and a half intervals, so it is never starved.
    """
    phase = phase_of(url, interval_s)
    earliest = now.timestamp() + interval_s / 2
    cycles = (earliest - phase) // interval_s + 1
    return datetime.fromtimestamp(cycles * interval_s + phase, tz=now.tzinfo)


def backoff_delay(consecutive_failures: int, interval_s: int, rng: random.Random | None = None) -> timedelta:
    """Exponential backoff from the poll interval, doubled per failure, capped, with equal jitter."""
    rng = rng or random
    exponent = max(consecutive_failures - 1, 0)
    base = min(timedelta(seconds=interval_s) * (2 ** min(exponent, 16)), MAX_BACKOFF)
    half = base.total_seconds() / 2
    return max(timedelta(seconds=half + rng.uniform(0, half)), MIN_RETRY)


def retry_delay(consecutive_failures: int, interval_s: int, retry_after_s: float | None,
                rng: random.Random | None = None) -> timedelta:
    """Honour the server's Retry-After when it sent one (429/503); otherwise back off exponentially."""
    if retry_after_s is not None:
        return min(max(timedelta(seconds=retry_after_s), timedelta(seconds=1)), MAX_RETRY_AFTER)
    return backoff_delay(consecutive_failures, interval_s, rng)
