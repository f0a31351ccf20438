"""Rows the intelligence layer adds to a batch: stories, tags with evidence, and country-pair relations.

The row classes are not frozen: the event loop builds several for every article it stores, and a frozen
dataclass's __init__ (an object.__setattr__ call per field) costs about four times a plain one's. Nothing
changes a row once built; nothing hashes one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(slots=True)
class StoryRow:
    """A story's state after a batch, written with an upsert."""

    id: int
    label: str
    label_article_id: int
    label_score: float
    first_seen: datetime
    last_seen: datetime
    article_count: int
    publisher_count: int
    primary_domain: str | None
    actors: dict[str, int]
    domains: dict[str, int]
    profile: dict[str, float]
    templates: dict[str, tuple[str, ...]]
    terms_version: int  # of the profile's terms (bot.intel.textfeatures.TERMS_VERSION)


@dataclass(slots=True)
class StoryPublisherRow:
    """A publisher of a story and when it first reported it."""

    story_id: int
    publisher: str
    first_seen: datetime


@dataclass(slots=True)
class TagRow:
    """One tag of an article: kind is "country", "org" or "domain"; evidence is what in the text caused it."""

    article_id: int
    kind: str
    tag: str
    rank: int
    evidence: tuple[str, ...]


@dataclass(slots=True)
class RelationRow:
    """One article's contribution to a country pair on a day, in one domain."""

    country_a: str
    country_b: str
    day: str
    domain: str
    story_id: int
    tone: float | None


@dataclass(frozen=True, slots=True)
class StoryRecord:
    """A stored story as readers see it."""

    id: int
    label: str
    first_seen: datetime
    last_seen: datetime
    article_count: int
    publisher_count: int
    primary_domain: str | None
    actors: dict[str, int]
    domains: dict[str, int]


@dataclass(frozen=True, slots=True)
class RelationDay:
    """A country pair's coverage on one day in one domain."""

    day: str
    domain: str
    articles: int
    stories: int
    tone_sum: float
    toned: int


@dataclass(frozen=True, slots=True)
class ArticleTag:
    article_id: int
    kind: str
    tag: str
    rank: int
    evidence: tuple[str, ...]
