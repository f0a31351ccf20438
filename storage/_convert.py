"""Conversions between domain values and SQLite columns (UTC epoch seconds)."""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime


def to_ts(value: datetime | None) -> float | None:
    return None if value is None else value.timestamp()


def from_ts(value: float | None) -> datetime | None:
    return None if value is None else datetime.fromtimestamp(value, tz=UTC)


def require_ts(value: float) -> datetime:
    return datetime.fromtimestamp(value, tz=UTC)


def chunks(items: Sequence, size: int = 500):  # type: ignore[type-arg]
    """SQLite caps the number of bound parameters; look-ups and multi-row inserts go in slices of `size`."""
    for start in range(0, len(items), size):
        yield items[start:start + size]


_MAX_PARAMETERS = 999  # SQLite's limit before 3.32; later versions allow more


def insert_rows(db: sqlite3.Connection, head: str, rows: Sequence[tuple[object, ...]], tail: str = "") -> None:
    """`head VALUES (?, ...), (?, ...), ... tail` for `rows`, as many rows per statement as the parameter limit
    allows, instead of `executemany`'s one statement per row.

    Why: sqlite3 lets go of the GIL for every statement it runs and must take it back afterwards. A large batch is
    written on its own thread while other threads run Python (the event loop, analysis results arriving); row by
    row, each take-back waits for them to yield, and the write crawls. A few statements take it back a few times."""
    if not rows:
        return
    width = len(rows[0])
    values = f"({', '.join('?' * width)})"
    for part in chunks(rows, max(1, _MAX_PARAMETERS // width)):
        db.execute(f"{head} VALUES {', '.join([values] * len(part))} {tail}", list(itertools.chain.from_iterable(part)))
