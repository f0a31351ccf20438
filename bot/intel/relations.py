"""How a pair of countries relates over time: coverage by domain, this period against the one before, with a
cooperation/conflict tone (GDELT's Goldstein scale as the model, kept simple).

Answers the seed question "are Russia and Iran expanding military ties?" from what Sitrep has read.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.intel.models import RelationDay, StoryRecord

# The row that counts each article once, whatever its domains (an article can have two).
ALL_DOMAINS = "*"


@dataclass(frozen=True, slots=True)
class DomainTrend:
    domain: str
    articles: int
    previous_articles: int
    stories: int
    previous_stories: int
    tone: float | None
    previous_tone: float | None

    @property
    def direction(self) -> str:
        """"up", "down" or "flat": a change of a quarter (and at least two articles) counts as movement."""
        delta = self.articles - self.previous_articles
        if abs(delta) < 2 or abs(delta) < 0.25 * max(self.previous_articles, 1):
            return "flat"
        return "up" if delta > 0 else "down"


@dataclass(frozen=True, slots=True)
class RelationTrend:
    country_a: str
    country_b: str
    start: datetime
    end: datetime
    previous_start: datetime
    domains: tuple[DomainTrend, ...]
    daily: tuple[tuple[str, dict[str, int]], ...]  # (day, {domain: articles}) over the current period
    top_stories: tuple[StoryRecord, ...]
    tone: float | None
    previous_tone: float | None
    articles: int
    previous_articles: int


def period_bounds(end: datetime, days: int) -> tuple[datetime, datetime]:
    """(previous period start, current period start) for a period of `days` ending at `end`."""
    start = end - timedelta(days=days)
    return start - timedelta(days=days), start


def build_trend(country_a: str, country_b: str, end: datetime, days: int, rows: Sequence[RelationDay],
                top_stories: Sequence[StoryRecord]) -> RelationTrend:
    """Fold the daily rows of two consecutive periods into a trend per domain."""
    previous_start, start = period_bounds(end, days)
    start_day = start.date().isoformat()
    current: dict[str, list[RelationDay]] = defaultdict(list)
    previous: dict[str, list[RelationDay]] = defaultdict(list)
    daily: dict[str, dict[str, int]] = defaultdict(dict)
    totals = {"current": 0, "previous": 0}
    for row in rows:
        if row.domain == ALL_DOMAINS:
            totals["current" if row.day > start_day else "previous"] += row.articles
            continue
        if row.day > start_day:
            current[row.domain].append(row)
            daily[row.day][row.domain] = daily[row.day].get(row.domain, 0) + row.articles
        else:
            previous[row.domain].append(row)
    domains = tuple(sorted(
        (DomainTrend(domain, _sum(current[domain], "articles"), _sum(previous[domain], "articles"),
                     _sum(current[domain], "stories"), _sum(previous[domain], "stories"),
                     _tone(current[domain]), _tone(previous[domain]))
         for domain in set(current) | set(previous)),
        key=lambda trend: (-trend.articles, -trend.previous_articles, trend.domain),
    ))
    all_current = [row for row in rows if row.domain == ALL_DOMAINS and row.day > start_day]
    all_previous = [row for row in rows if row.domain == ALL_DOMAINS and row.day <= start_day]
    return RelationTrend(
        country_a=country_a, country_b=country_b, start=start, end=end, previous_start=previous_start,
        domains=domains, daily=tuple(sorted(daily.items())), top_stories=tuple(top_stories),
        tone=_tone(all_current), previous_tone=_tone(all_previous),
        articles=totals["current"], previous_articles=totals["previous"],
    )


def _sum(rows: Sequence[RelationDay], attribute: str) -> int:
    return sum(getattr(row, attribute) for row in rows)


def _tone(rows: Sequence[RelationDay]) -> float | None:
    toned = sum(row.toned for row in rows)
    return round(sum(row.tone_sum for row in rows) / toned, 2) if toned else None


def describe_tone(tone: float | None) -> str:
    if tone is None:
        return "no tone cues"
    if tone >= 3:
        return "cooperative"
    if tone >= 1:
        return "mostly cooperative"
    if tone > -1:
        return "mixed"
    if tone > -3:
        return "mostly conflictual"
    return "conflictual"
