"""Conversions between domain values and SQLite columns (UTC epoch seconds)."""

from __future__ import annotations

from datetime import UTC, datetime


def to_ts(value: datetime | None) -> float | None:
    return None if value is None else value.timestamp()


def from_ts(value: float | None) -> datetime | None:
    return None if value is None else datetime.fromtimestamp(value, tz=UTC)


def require_ts(value: float) -> datetime:
    return datetime.fromtimestamp(value, tz=UTC)


def chunks(items: list, size: int = 500):  # type: ignore[type-arg]
    """SQLite caps the number of bound parameters; look-ups go in slices of `size`."""
    for start in range(0, len(items), size):
        yield items[start:start + size]
