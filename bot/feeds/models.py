"""Domain values for feeds and their items, shared by the fetcher, the pipeline and storage."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.delivery.models import Delivery
    from bot.intel.models import RelationRow, StoryPublisherRow, StoryRow, TagRow


@dataclass(frozen=True, slots=True)
class Feed:
    """A feed as stored: where it lives, what the last fetch left behind, and when it is due again."""

    id: int
    url: str
    title: str | None
    site_url: str | None
    etag: str | None
    last_modified: str | None
    interval_s: int
    next_due: datetime
    consecutive_failures: int
    last_error: str | None
    disabled_reason: str | None
    initialised: bool
    last_ok_at: datetime | None
    created_at: datetime
    disabled_at: datetime | None = None

    @property
    def disabled(self) -> bool:
        return self.disabled_reason is not None

    @property
    def display_name(self) -> str:
        return self.title or self.url


@dataclass(frozen=True, slots=True)
class ParsedEntry:
    """One item of a feed, cleaned: plain-text title and summary, UTC date or None when undated."""

    guid: str | None
    link: str | None
    title: str
    summary: str
    published: datetime | None

    def __reduce__(self) -> tuple[object, ...]:
        # Rebuilt by its constructor: the default for a slotted dataclass (a Python-level __setstate__) costs
        # the main process more than twice as much for every entry an analysis worker sends back.
        return ParsedEntry, (self.guid, self.link, self.title, self.summary, self.published)


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    title: str | None
    site_url: str | None
    entries: tuple[ParsedEntry, ...]

    def __reduce__(self) -> tuple[object, ...]:
        return ParsedFeed, (self.title, self.site_url, self.entries)


@dataclass(slots=True)
class KnownItem:
    """What storage remembers of an item identity in a feed: a live article, or only the seen-set.

    Not frozen, like `NewArticle`: one is built for every item identity a batch looks up or stores (see
    bot/intel/models.py)."""

    article_id: int | None
    root_id: int | None
    content_hash: str | None
    story_id: int | None = None


@dataclass(slots=True)
class NewArticle:
    """An article ready to store, with its id reserved and its duplicate link decided. Not frozen: one is
    built for every new article on the event loop, where a frozen dataclass's __init__ costs four times as much."""

    id: int
    feed_id: int
    identity: str
    guid: str | None
    link: str | None
    canonical_link: str | None
    title: str
    summary: str
    published: datetime
    first_seen: datetime
    duplicate_of: int | None
    backlog: bool
    content_hash: str
    signature: bytes | None
    story_id: int | None = None
    publisher: str | None = None
    tone: float | None = None
    analysis_order: float | None = None  # its place in the analysis queue; None when analysed as it is stored


@dataclass(frozen=True, slots=True)
class QueuedArticle:
    """A stored article waiting for its analysis (a feed's backlog), with what the analysis reads."""

    id: int
    title: str
    summary: str
    published: datetime
    publisher: str | None
    duplicate_of: int | None
    analysis_order: float
    original_story_id: int | None = None  # for a copy: its original's story, as stored

    @property
    def queue_key(self) -> tuple[float, int, int]:
        """Its place in the queue: its order, then its original's id (so a copy follows it), then its own."""
        return self.analysis_order, self.duplicate_of or self.id, self.id


@dataclass(frozen=True, slots=True)
class AnalysedArticle:
    """What analysing a queued article adds to its row (its tags and relations are rows of their own)."""

    id: int
    story_id: int | None
    tone: float | None


@dataclass(frozen=True, slots=True)
class ArticleUpdate:
    """A changed title or text for an item already stored: the same article, not a new one."""

    id: int
    title: str
    summary: str
    content_hash: str
    updated: datetime
    signature: bytes | None


@dataclass(frozen=True, slots=True)
class FeedFetchState:
    """What one fetch leaves on its feed: validators, schedule, and the failure record."""

    feed_id: int
    fetched_at: datetime
    next_due: datetime
    ok: bool
    consecutive_failures: int
    etag: str | None = None
    last_modified: str | None = None
    title: str | None = None
    site_url: str | None = None
    error: str | None = None
    disabled_reason: str | None = None
    initialised: bool = True


@dataclass(frozen=True, slots=True)
class IngestBatch:
    """Everything one feed's fetch changes, written in one transaction: all of it or none of it."""

    articles: tuple[NewArticle, ...] = ()
    updates: tuple[ArticleUpdate, ...] = ()
    feed_states: tuple[FeedFetchState, ...] = ()
    stories: tuple[StoryRow, ...] = ()
    story_publishers: tuple[StoryPublisherRow, ...] = ()
    tags: tuple[TagRow, ...] = ()
    relations: tuple[RelationRow, ...] = ()
    delivery: Delivery | None = None
    analysed: tuple[AnalysedArticle, ...] = ()


@dataclass(frozen=True, slots=True)
class Article:
    """A stored article as readers see it."""

    id: int
    feed_id: int
    feed_title: str | None
    guid: str | None
    link: str | None
    title: str
    summary: str
    published: datetime
    first_seen: datetime
    updated: datetime | None
    duplicate_of: int | None
    backlog: bool
    story_id: int | None = None
    publisher: str | None = None


@dataclass(frozen=True, slots=True)
class StoreStats:
    feeds: int
    failing_feeds: int
    disabled_feeds: int
    articles: int
    duplicates: int
    last_fetch: datetime | None
