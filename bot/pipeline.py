"""The one path every item takes, whether it comes from a live fetch or from `sitrep analyze`:
identity, seen-set, update detection, duplicate detection, then one transaction that stores it all.

Ids are reserved before the batch is written, so new articles can point at each other (a copy at its original)
inside one batch; in-memory indexes learn about the batch as it is processed, and are rebuilt from storage if the
transaction fails, so they never remember what the database does not hold.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bot.feeds.dedup import NearDuplicateIndex, Signature, signature_of
from bot.feeds.identity import content_fingerprint, effective_published, item_identity
from bot.feeds.models import ArticleUpdate, FeedFetchState, IngestBatch, KnownItem, NewArticle, ParsedEntry
from bot.feeds.urls import canonicalize_url, is_http_url
from storage.base import Storage

log = logging.getLogger(__name__)

DEDUP_WINDOW = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class Incoming:
    """One parsed item and the feed it came from, in the order it should be processed."""

    feed_id: int
    entry: ParsedEntry


@dataclass(frozen=True, slots=True)
class ProcessedItem:
    """What became of an incoming item.

    kind: "new" (stored; `duplicate_of` is the first copy's id when it repeats one), "updated" (same identity,
    new title or text), "unchanged" (same identity, same text) or "forgotten" (pruned long ago, still seen).
    For "updated" and "unchanged", `article_id` is the stored article the item is.
    """

    incoming: Incoming
    kind: str
    article_id: int | None
    duplicate_of: int | None = None

    @property
    def is_new_original(self) -> bool:
        return self.kind == "new" and self.duplicate_of is None


@dataclass(slots=True)
class _BatchState:
    """What this batch has decided so far, so later items in it see earlier ones."""

    known: dict[tuple[int, str], KnownItem]
    link_roots: dict[str, int]
    ids: list[int]
    articles: list[NewArticle] = field(default_factory=list)
    updates: list[ArticleUpdate] = field(default_factory=list)


class Pipeline:
    """Create with `await Pipeline.create(storage)`; one pipeline per process writes to a database."""

    def __init__(self, storage: Storage, *, dedup_window: timedelta = DEDUP_WINDOW) -> None:
        self._storage = storage
        self._dedup_window = dedup_window
        self._duplicates = NearDuplicateIndex(window_s=dedup_window.total_seconds())

    @classmethod
    async def create(cls, storage: Storage, *, now: datetime, dedup_window: timedelta = DEDUP_WINDOW) -> Pipeline:
        pipeline = cls(storage, dedup_window=dedup_window)
        await pipeline.reload(now)
        return pipeline

    async def reload(self, now: datetime) -> None:
        """Rebuild the in-memory duplicate index from the articles of the recent window."""
        self._duplicates = NearDuplicateIndex(window_s=self._dedup_window.total_seconds())
        async for article_id, published, blob in self._storage.recent_signatures(now - self._dedup_window):
            self._duplicates.add(article_id, Signature.decode(blob), published)

    async def process(self, items: Sequence[Incoming], *, now: datetime, backlog: bool = False,
                      feed_states: Sequence[FeedFetchState] = ()) -> list[ProcessedItem]:
        """Process `items` in order and store the outcome with `feed_states` in one transaction.

        `backlog` marks new articles as the first fetch of a feed: stored and searchable, never announced.
        """
        state = await self._prepare(items)
        results = [self._process_one(item, state, now=now, backlog=backlog) for item in items]
        batch = IngestBatch(tuple(state.articles), tuple(state.updates), tuple(feed_states))
        try:
            await self._storage.store_batch(batch)
        except BaseException:
            log.warning("batch of %d items not stored; rebuilding the in-memory indexes", len(items))
            await self.reload(now)
            raise
        return results

    async def _prepare(self, items: Sequence[Incoming]) -> _BatchState:
        """Look up everything the batch needs from storage in a few queries, and reserve ids."""
        by_feed: dict[int, list[str]] = {}
        links: list[str] = []
        for item in items:
            by_feed.setdefault(item.feed_id, []).append(item_identity(item.entry))
            if item.entry.link and is_http_url(item.entry.link):
                links.append(canonicalize_url(item.entry.link))
        known: dict[tuple[int, str], KnownItem] = {}
        for feed_id, identities in by_feed.items():
            for identity, found in (await self._storage.known_items(feed_id, identities)).items():
                known[(feed_id, identity)] = found
        unknown = sum(1 for feed_id, ids in by_feed.items() for i in set(ids) if (feed_id, i) not in known)
        reserved = await self._storage.reserve_ids("articles", unknown)
        link_roots = await self._storage.roots_by_canonical_link(links) if links else {}
        return _BatchState(known=known, link_roots=link_roots, ids=list(reversed(reserved)))

    def _process_one(self, item: Incoming, state: _BatchState, *, now: datetime, backlog: bool) -> ProcessedItem:
        entry = item.entry
        identity = item_identity(entry)
        fingerprint = content_fingerprint(entry.title, entry.summary)
        known = state.known.get((item.feed_id, identity))
        if known is not None:
            return self._process_known(item, known, fingerprint, state, now)
        article_id = state.ids.pop()
        canonical = canonicalize_url(entry.link) if entry.link and is_http_url(entry.link) else None
        signature = signature_of(entry.title, entry.summary)
        published = effective_published(entry, now)
        duplicate_of = state.link_roots.get(canonical) if canonical else None
        if duplicate_of is None:
            duplicate_of = self._duplicates.find(signature)
        if duplicate_of is None:
            self._duplicates.add(article_id, signature, published.timestamp())
        if canonical and canonical not in state.link_roots:
            state.link_roots[canonical] = duplicate_of or article_id
        state.articles.append(NewArticle(
            id=article_id, feed_id=item.feed_id, identity=identity, guid=entry.guid, link=entry.link,
            canonical_link=canonical, title=entry.title, summary=entry.summary, published=published,
            first_seen=now, duplicate_of=duplicate_of, backlog=backlog, content_hash=fingerprint,
            signature=signature.encode(),
        ))
        state.known[(item.feed_id, identity)] = KnownItem(article_id, duplicate_of or article_id, fingerprint)
        return ProcessedItem(item, "new", article_id, duplicate_of)

    def _process_known(self, item: Incoming, known: KnownItem, fingerprint: str, state: _BatchState,
                       now: datetime) -> ProcessedItem:
        if known.article_id is None:
            return ProcessedItem(item, "forgotten", None)
        if known.content_hash == fingerprint:
            return ProcessedItem(item, "unchanged", known.article_id, known.article_id)
        entry = item.entry
        signature = signature_of(entry.title, entry.summary)
        if known.root_id == known.article_id:
            self._duplicates.add(known.article_id, signature, effective_published(entry, now).timestamp())
        state.updates.append(ArticleUpdate(known.article_id, entry.title, entry.summary, fingerprint, now,
                                           signature.encode()))
        state.known[(item.feed_id, item_identity(entry))] = KnownItem(known.article_id, known.root_id, fingerprint)
        return ProcessedItem(item, "updated", known.article_id, known.article_id)
