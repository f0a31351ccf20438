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
    row, each take-back waits for them to yield, and the write crawls. A few statements take it back a few times.

    Statements hold only `statement_sizes` rows, so the same few texts come back and stay in the connection's
    cache of prepared statements (`cached_statements` in storage/sqlite.py): compiling a multi-row insert costs
    about ten times running it. That makes more statements (a remainder of 127 rows takes seven), each one
    more take-back of the GIL; in the benchmark the write still got cheaper."""
    if not rows:
        return
    width = len(rows[0])
    values = f"({', '.join('?' * width)})"
    start = 0
    for size in statement_sizes(len(rows), max(1, _MAX_PARAMETERS // width)):
        part = rows[start:start + size]
        start += size
        db.execute(f"{head} VALUES {', '.join([values] * size)} {tail}", list(itertools.chain.from_iterable(part)))


def statement_sizes(count: int, most: int) -> list[int]:
    """`count` rows as statements of `most` rows, then the rest in powers of two, largest first: at most
    log2(`most`) + 2 different sizes whatever the counts, so a handful of prepared statements per table."""
    sizes = [most] * (count // most)
    rest = count % most
    while rest:
        power = 1 << (rest.bit_length() - 1)
        sizes.append(power)
        rest -= power
    return sizes
