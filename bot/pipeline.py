"""The one path every item takes, whether it comes from a live fetch or from `sitrep analyze`:
identity, seen-set, update detection, duplicate detection, tagging, story assignment, relations, and one
transaction that stores it all. A feed's first fetch (never announced) takes the same path in two steps: stored
with its identity and duplicates decided and queued, then analysed from the queue (`Pipeline.analyse_backlog`).

Ids are reserved before the batch is written, so new rows can point at each other (a copy at its original, an
article at a new story) inside one batch. The in-memory indexes (near-duplicates, open stories) learn about the
batch as it is processed and are rebuilt from storage if the transaction fails, so they never remember what the
database does not hold.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from bot.facts import Analysis, EntryFacts, EntryKeys, Template, analyses_of, facts_of, keys_of
from bot.feeds.dedup import NearDuplicateIndex, Signature
from bot.feeds.identity import content_fingerprint, effective_published, item_identity
from bot.feeds.models import (
    AnalysedArticle, ArticleUpdate, FeedFetchState, IngestBatch, KnownItem, NewArticle, ParsedEntry, QueuedArticle,
)
from bot.feeds.urls import canonical_link
from bot.delivery.models import Delivery, merge_deliveries
from bot.intel.analyst import Analyst, ArticleIntel, default_analyst
from bot.intel.models import RelationRow, StoryPublisherRow, StoryRow, TagRow
from bot.intel.publishers import publisher_of
from bot.intel.relations import ALL_DOMAINS
from bot.intel.stories import ArticleSignal, OpenStory, StoryIndex, StoryParams
from storage.base import Storage

log = logging.getLogger(__name__)

DEDUP_WINDOW = timedelta(days=7)
# (results, backlog, now) -> what to send because of them
Planner = Callable[[Sequence["ProcessedItem"], bool, datetime], Awaitable["Delivery | None"]]
# (title, text) pairs -> their analyses, or None to have the pipeline analyse them itself (AnalysisPool.analyses)
Analyser = Callable[[Sequence[tuple[str, str]]], Awaitable["tuple[Analysis, ...] | None"]]
# Ids reserved at a time: a reservation is a transaction of its own, a few ms on a busy loop, so one per group
# (as with 256) cost about 10 us an article in bench/analyze.py. A restart leaves the unused rest as a gap.
_ID_BLOCK = 4096
ANALYSIS_CHUNK = 1000  # queued articles analysed per transaction


@dataclass(frozen=True, slots=True)
class Incoming:
    """One parsed item, the feed it came from, and that feed's address (a fallback for its publisher)."""

    feed_id: int
    entry: ParsedEntry
    feed_url: str | None = None


@dataclass(frozen=True, slots=True)
class FeedBatch:
    """One feed's items for `Pipeline.process_batches`, with what is stored or decided along with them.

    `backlog` marks new articles as the first fetch of a feed: stored and searchable, never announced. When every
    batch of a call is a backlog, its new articles are stored as they are found (identity, duplicates) and queued
    for their analysis (tags, story, relations), which `Pipeline.analyse_backlog` does afterwards.
    `feed_state` is the feed's fetch state, written in the same transaction as its articles.
    `plan`, when given, decides what to send because of these items (its outbox rows go in the same transaction).
    `facts`, when given, are the items' `EntryFacts` (or for a backlog only their `EntryKeys`) already computed
    by an analysis worker, one per item; None for an item means "not computed" (an unchanged repeat needs none;
    the pipeline computes any it needs).
    """

    items: Sequence[Incoming]
    backlog: bool = False
    feed_state: FeedFetchState | None = None
    plan: Planner | None = None
    facts: Sequence[EntryKeys | None] | None = None


@dataclass(slots=True)
class ProcessedItem:
    """What became of an incoming item.

    kind: "new" (stored; `duplicate_of` is the first copy's id when it repeats one), "updated" (same identity,
    new title or text), "unchanged" (same identity, same text) or "forgotten" (pruned long ago, still seen).
    For "updated" and "unchanged", `article_id` and `duplicate_of` are the stored article the item is.
    Not frozen: one is built for every item, on the event loop (see bot/intel/models.py).
    """

    incoming: Incoming
    kind: str
    article_id: int | None
    duplicate_of: int | None = None
    story_id: int | None = None
    intel: ArticleIntel | None = None
    published: datetime | None = None


@dataclass(slots=True)
class _BatchState:
    """What this batch has decided so far, so later items in it see earlier ones."""

    known: dict[tuple[int, str], KnownItem]
    identities: list[str]  # each item's identity in its feed, in the order the batches give the items
    link_roots: dict[str, tuple[int, int | None]]
    ids: list[int]
    canonical: dict[str, str]  # link -> canonical link
    articles: list[NewArticle] = field(default_factory=list)
    updates: list[ArticleUpdate] = field(default_factory=list)
    tags: list[TagRow] = field(default_factory=list)
    relations: list[RelationRow] = field(default_factory=list)
    touched: dict[int, OpenStory] = field(default_factory=dict)
    publishers: set[tuple[int, str]] = field(default_factory=set)  # (story, publisher) first seen in this batch


class Pipeline:
    """Create with `await Pipeline.create(storage, now=...)`; one pipeline per process writes to a database."""

    def __init__(self, storage: Storage, *, analyst: Analyst | None = None, dedup_window: timedelta = DEDUP_WINDOW,
                 story_params: StoryParams | None = None) -> None:
        self._storage = storage
        self._analyst = analyst or default_analyst()
        self._dedup_window = dedup_window
        self._story_params = story_params or StoryParams()
        self._duplicates = NearDuplicateIndex(window_s=dedup_window.total_seconds())
        self._stories = StoryIndex(self._story_params)
        self._story_of: dict[int, int] = {}
        self._story_ids: list[int] = []
        self._article_ids: list[int] = []
        # Queued articles (not copies) and their place in the analysis queue; True while anything is queued.
        self._queued: dict[int, float] = {}
        self._queue_waiting = False
        self._lock = asyncio.Lock()

    @classmethod
    async def create(cls, storage: Storage, *, now: datetime, **options: object) -> Pipeline:
        pipeline = cls(storage, **options)  # type: ignore[arg-type]
        await pipeline.reload(now)
        return pipeline

    @property
    def stories(self) -> StoryIndex:
        return self._stories

    async def reload(self, now: datetime) -> None:
        """Rebuild the in-memory indexes from storage: recent signatures and the open stories."""
        self._duplicates = NearDuplicateIndex(window_s=self._dedup_window.total_seconds())
        self._story_of = {}
        async for article_id, published, blob, story_id in self._storage.recent_signatures(now - self._dedup_window):
            self._duplicates.add(article_id, Signature.decode(blob), published)
            if story_id is not None:
                self._story_of[article_id] = story_id
        self._stories = StoryIndex(self._story_params)
        window = timedelta(seconds=self._story_params.window_s)
        for story in await self._storage.open_stories(now - window):
            self._stories.restore(story)
        self._queued = await self._storage.queued_originals()
        self._queue_waiting = bool(await self._storage.analysis_queue(1))

    async def process(self, items: Sequence[Incoming], *, now: datetime, backlog: bool = False,
                      feed_states: Sequence[FeedFetchState] = (), plan: Planner | None = None,
                      facts: Sequence[EntryKeys | None] | None = None) -> list[ProcessedItem]:
        """Process `items` in order and store the outcome with `feed_states` in one transaction; the arguments
        mean what `FeedBatch`'s fields do. A crash can lose neither an article's message nor post it twice."""
        [results] = await self.process_batches([FeedBatch(items, backlog, None, plan, facts)], now=now,
                                               feed_states=feed_states)
        return results

    async def process_batches(self, batches: Sequence[FeedBatch], *, now: datetime,
                              feed_states: Sequence[FeedFetchState] = (),
                              analyser: Analyser | None = None) -> list[list[ProcessedItem]]:
        """Process several feeds' batches in order and store them all in one transaction (a group commit: when
        many feeds are waiting, one transaction and one round of look-ups for all of them costs much less
        than one each). Returns each batch's results.

        When announced items find articles still queued for analysis, the queue is analysed first, by
        `analyser` as in `analyse_backlog` (an analysis worker's, so the analysis itself is not done on the event
        loop; without one, or when it returns None, the pipeline analyses them itself)."""
        for batch in batches:
            if batch.facts is not None and len(batch.facts) != len(batch.items):
                raise ValueError(f"{len(batch.facts)} facts for {len(batch.items)} items")
        async with self._lock:
            return await self._process(batches, now=now, feed_states=feed_states, analyser=analyser)

    async def analyse_backlog(self, *, now: datetime, analyser: Analyser | None = None,
                              chunk: int = ANALYSIS_CHUNK) -> int:
        """Analyse every queued article (a feed's backlog, stored before it was analysed): tags, story, relations,
        `chunk` at a time in queue order, each chunk one transaction. `analyser` computes the analyses (on an
        analysis worker); without one, or when it returns None, the pipeline does. Returns how many it analysed.

        Why a queue: a feed's first fetch is never announced, so nothing waits for its analysis, and storing it
        first makes a new deployment's (or a newly added feed's) articles searchable at once, at the speed of
        fetching and storing. Anything that is announced is analysed before it is stored, and a call that stores
        such items first empties the queue, so no announced article is filed in a story ahead of the backlog."""
        async with self._lock:
            return await self._analyse_queue(now, analyser, chunk)

    async def _process(self, batches: Sequence[FeedBatch], *, now: datetime, feed_states: Sequence[FeedFetchState],
                       analyser: Analyser | None) -> list[list[ProcessedItem]]:
        defer = all(batch.backlog for batch in batches)
        if not defer and self._queue_waiting:
            try:
                await self._analyse_queue(now, analyser, ANALYSIS_CHUNK)
            except Exception:  # noqa: BLE001 - a queued article that cannot be analysed must not block live feeds
                log.exception("analysing the queued backlog failed; storing live items anyway, retried later")
                self._queue_waiting = False  # the poller's next analyse_backlog tries again
        state = await self._prepare([item for batch in batches for item in batch.items],
                                    [facts for batch in batches for facts in (batch.facts or (None,) * len(batch.items))])
        try:
            results = await self._decide_and_store(batches, state, now, feed_states, defer)
        except BaseException:
            # The indexes learnt the batch as it was processed; the database did not (or not all of it).
            log.warning("batch of %d items not stored; rebuilding the in-memory indexes",
                        sum(len(batch.items) for batch in batches))
            await self.reload(now)
            raise
        return results

    async def _decide_and_store(self, batches: Sequence[FeedBatch], state: _BatchState, now: datetime,
                                feed_states: Sequence[FeedFetchState], defer: bool) -> list[list[ProcessedItem]]:
        results: list[list[ProcessedItem]] = []
        deliveries: list[Delivery] = []
        identities = iter(state.identities)
        for batch in batches:
            facts = batch.facts
            processed = [self._process_one(item, next(identities), state, now=now, backlog=batch.backlog,
                                           defer=defer, facts=facts[index] if facts else None)
                         for index, item in enumerate(batch.items)]
            results.append(processed)
            if batch.plan is not None and (delivery := await batch.plan(processed, batch.backlog, now)):
                deliveries.append(delivery)
        states = (*feed_states, *(batch.feed_state for batch in batches if batch.feed_state is not None))
        await self._storage.store_batch(IngestBatch(
            articles=tuple(state.articles), updates=tuple(state.updates), feed_states=states,
            **_analysis_rows(state), delivery=merge_deliveries(deliveries),
        ))
        if any(article.analysis_order is not None for article in state.articles):
            self._queue_waiting = True
        return results

    async def _analyse_queue(self, now: datetime, analyser: Analyser | None, chunk: int) -> int:
        """The queue, a chunk at a time; the next chunk is read and sent to be analysed while this one is
        clustered and stored, so an analysis worker and this process work at the same time."""
        analysed = 0
        queued = await self._storage.analysis_queue(chunk)
        analysing = _analyse_soon(queued, analyser, self._analyst) if queued else None
        following: asyncio.Task[tuple[Analysis, ...]] | None = None
        try:
            while analysing is not None:
                after = await self._storage.analysis_queue(chunk, after=queued[-1].queue_key)
                following = _analyse_soon(after, analyser, self._analyst) if after else None
                await self._store_analyses(queued, await analysing, now)
                analysed += len(queued)
                queued, analysing, following = after, following, None
        finally:
            for task in (analysing, following):
                if task is not None and not task.done():
                    task.cancel()
                elif task is not None and not task.cancelled():
                    task.exception()  # retrieved: the error that matters is the one being raised
        self._queue_waiting = False
        return analysed

    async def _store_analyses(self, queued: Sequence[QueuedArticle], analyses: Sequence[Analysis],
                              now: datetime) -> None:
        """File a chunk of the queue in stories, in order, and store that with its tags and relations."""
        await self._reserve(self._story_ids, "stories", len(queued))
        state = _BatchState(known={}, identities=[], link_roots={}, ids=[], canonical={})
        rows: list[AnalysedArticle] = []
        try:
            for article, (intel, template) in zip(queued, analyses, strict=True):
                story_id: int | None
                if article.duplicate_of is None:
                    story_id = self._file(state, article.id, article.title, intel, template, article.published,
                                          article.publisher or "unknown").id
                    self._queued.pop(article.id, None)
                else:  # it comes after the article it copies, so that one has its story now
                    story_id = self._story_of.get(article.duplicate_of) or article.original_story_id
                    self._count_copy(state, story_id)
                if story_id is not None:
                    self._story_of[article.id] = story_id
                rows.append(AnalysedArticle(article.id, story_id, _tone(intel)))
            await self._storage.store_batch(IngestBatch(**_analysis_rows(state), analysed=tuple(rows)))
        except BaseException:
            log.warning("analysis of %d queued articles not stored; rebuilding the in-memory indexes", len(queued))
            await self.reload(now)
            raise

    async def _prepare(self, items: Sequence[Incoming], facts: Sequence[EntryFacts | None]) -> _BatchState:
        """Look up everything the batch needs from storage in a few queries, and reserve ids."""
        by_feed: dict[int, list[str]] = {}
        identities = [item_identity(item.entry) for item in items]
        for item, identity in zip(items, identities, strict=True):
            by_feed.setdefault(item.feed_id, []).append(identity)
        known = await self._storage.known_items(by_feed)
        canonical: dict[str, str] = {}  # only new items need theirs (a repeat's was never computed by a worker)
        for item, identity, known_facts in zip(items, identities, facts, strict=True):
            link = item.entry.link
            if link and link not in canonical and (item.feed_id, identity) not in known:
                found = known_facts.canonical_link if known_facts is not None else canonical_link(link)
                if found is not None:
                    canonical[link] = found
        links = list(canonical.values())
        unknown = sum(1 for feed_id, ids in by_feed.items() for i in set(ids) if (feed_id, i) not in known)
        await self._reserve(self._article_ids, "articles", unknown)
        await self._reserve(self._story_ids, "stories", unknown)
        link_roots = await self._storage.roots_by_canonical_link(links) if links else {}
        return _BatchState(known=known, identities=identities, link_roots=link_roots, ids=self._article_ids,
                           canonical=canonical)

    async def _reserve(self, free: list[int], sequence: str, needed: int) -> None:
        """Make sure `free` (popped from its end, so smallest id last) holds `needed` ids, reserving a block at a
        time: a write transaction per block rather than per batch. Ids a restart leaves unused are a gap."""
        if len(free) < needed:
            block = await self._storage.reserve_ids(sequence, max(needed, _ID_BLOCK))
            free[:0] = reversed(block)

    def _process_one(self, item: Incoming, identity: str, state: _BatchState, *, now: datetime, backlog: bool,
                     defer: bool, facts: EntryKeys | None) -> ProcessedItem:
        entry = item.entry
        fingerprint = facts.content_hash if facts is not None else content_fingerprint(entry.title, entry.summary)
        known = state.known.get((item.feed_id, identity))
        if known is not None:
            return self._process_known(item, identity, known, fingerprint, state, now, facts)
        article_id = state.ids.pop()
        canonical = state.canonical.get(entry.link) if entry.link else None
        full: EntryFacts | None = None
        if defer:
            keys = facts or keys_of(entry, fingerprint)
        else:
            keys = full = facts if isinstance(facts, EntryFacts) else facts_of(entry, self._analyst, fingerprint)
        published = effective_published(entry, now)
        duplicate_of, story_id = state.link_roots.get(canonical, (None, None)) if canonical else (None, None)
        if duplicate_of is None:
            duplicate_of = self._duplicates.find(keys.signature)
            story_id = self._story_of.get(duplicate_of) if duplicate_of is not None else None
        publisher = keys.link_publisher if keys.link_publisher != "unknown" else publisher_of(item.feed_url)
        queued: float | None = None
        if duplicate_of is None:
            self._duplicates.add(article_id, keys.signature, published.timestamp())
            if full is None:
                queued = self._queued[article_id] = published.timestamp()
            else:
                story_id = self._file(state, article_id, entry.title, full.intel, full.template, published,
                                      publisher).id
        elif (queued := self._queued.get(duplicate_of)) is None:
            self._count_copy(state, story_id)
        if story_id is not None:
            self._story_of[article_id] = story_id
        if canonical and canonical not in state.link_roots:
            state.link_roots[canonical] = (duplicate_of or article_id, story_id)
        intel = full.intel if full is not None else None
        state.articles.append(NewArticle(
            id=article_id, feed_id=item.feed_id, identity=identity, guid=entry.guid, link=entry.link,
            canonical_link=canonical, title=entry.title, summary=entry.summary, published=published,
            first_seen=now, duplicate_of=duplicate_of, backlog=backlog, content_hash=fingerprint,
            signature=keys.signature.encode(), story_id=story_id, publisher=publisher,
            tone=_tone(intel) if intel is not None else None, analysis_order=queued,
        ))
        state.known[(item.feed_id, identity)] = KnownItem(article_id, duplicate_of or article_id, fingerprint,
                                                          story_id)
        return ProcessedItem(item, "new", article_id, duplicate_of, story_id, intel, published)

    def _file(self, state: _BatchState, article_id: int, title: str, intel: ArticleIntel, template: Template,
              published: datetime, publisher: str) -> OpenStory:
        """Put an original article in its story, and record its tags and relations."""
        story = self._assign_story(article_id, title, intel, template, published, publisher)
        state.touched[story.id] = story
        if story.publishers.get(publisher) == published.timestamp():
            state.publishers.add((story.id, publisher))
        self._record_tags(state, article_id, intel)
        self._record_relations(state, intel, published, story.id)
        return story

    def _count_copy(self, state: _BatchState, story_id: int | None) -> None:
        """A copy counts as one more article of its original's story, if that story is still open."""
        if story_id is not None and (open_story := self._stories.get(story_id)) is not None:
            open_story.article_count += 1
            state.touched[open_story.id] = open_story

    def _assign_story(self, article_id: int, title: str, intel: ArticleIntel, template: Template,
                      published: datetime, publisher: str) -> OpenStory:
        signal = ArticleSignal(article_id=article_id, title=title, terms=intel.terms,
                               actors=intel.actor_ids, published=published.timestamp(), publisher=publisher,
                               template=template)
        assignment = self._stories.assign(signal, self._story_ids[-1], intel.domains.domains)
        if assignment.created:
            self._story_ids.pop()
        return assignment.story

    def _process_known(self, item: Incoming, identity: str, known: KnownItem, fingerprint: str, state: _BatchState,
                       now: datetime, facts: EntryKeys | None) -> ProcessedItem:
        if known.article_id is None:
            return ProcessedItem(item, "forgotten", None)
        if known.content_hash == fingerprint:
            # Nothing to analyse again: a feed without ETags repeats every item on every poll.
            return ProcessedItem(item, "unchanged", known.article_id, known.article_id, known.story_id)
        entry = item.entry
        facts = facts if isinstance(facts, EntryFacts) else facts_of(entry, self._analyst, fingerprint)
        signature, intel = facts.signature, facts.intel
        if known.root_id == known.article_id:
            self._duplicates.add(known.article_id, signature, effective_published(entry, now).timestamp())
            self._record_tags(state, known.article_id, intel)
        state.updates.append(ArticleUpdate(known.article_id, entry.title, entry.summary, fingerprint, now,
                                           signature.encode()))
        state.known[(item.feed_id, identity)] = KnownItem(known.article_id, known.root_id, fingerprint,
                                                          known.story_id)
        return ProcessedItem(item, "updated", known.article_id, known.article_id, known.story_id, intel)

    @staticmethod
    def _record_tags(state: _BatchState, article_id: int, intel: ArticleIntel) -> None:
        for rank, tag in enumerate(intel.actors):
            state.tags.append(TagRow(article_id, "country" if tag.actor.kind == "country" else "org",
                                     tag.actor.id, rank, tag.evidence))
        for rank, domain in enumerate(intel.domains.domains):
            state.tags.append(TagRow(article_id, "domain", domain, rank, intel.domains.evidence.get(domain, ())))

    @staticmethod
    def _record_relations(state: _BatchState, intel: ArticleIntel, published: datetime, story_id: int) -> None:
        countries = sorted(set(intel.countries))
        if len(countries) < 2:
            return
        day = published.astimezone(UTC).date().isoformat()
        tone = _tone(intel)
        for (a, b), domain in itertools.product(itertools.combinations(countries, 2),
                                                (ALL_DOMAINS, *intel.domains.domains)):
            state.relations.append(RelationRow(a, b, day, domain, story_id, tone))


def _tone(intel: ArticleIntel) -> float | None:
    """The article's tone, or None when nothing in it carried one (not the same as a neutral score)."""
    return intel.tone.score if intel.tone.cues else None


def _analyse_soon(queued: Sequence[QueuedArticle], analyser: Analyser | None,
                  analyst: Analyst) -> asyncio.Task[tuple[Analysis, ...]]:
    async def analyse() -> tuple[Analysis, ...]:
        texts = [(article.title, article.summary) for article in queued]
        return (await analyser(texts) if analyser is not None else None) or analyses_of(texts, analyst)

    return asyncio.ensure_future(analyse())


def _analysis_rows(state: _BatchState) -> dict[str, tuple[object, ...]]:
    """The stories, story publishers, tags and relations a batch's analysis wrote (`IngestBatch` fields)."""
    return {
        "stories": tuple(_story_row(story) for story in state.touched.values()),
        "story_publishers": tuple(
            StoryPublisherRow(story_id, publisher, _utc(state.touched[story_id].publishers[publisher]))
            for story_id, publisher in sorted(state.publishers)
        ),
        "tags": tuple(state.tags), "relations": tuple(state.relations),
    }


def _story_row(story: OpenStory) -> StoryRow:
    return StoryRow(
        id=story.id, label=story.label, label_article_id=story.label_article_id, label_score=story.label_score,
        first_seen=_utc(story.first_seen), last_seen=_utc(story.last_seen), article_count=story.article_count,
        publisher_count=len(story.publishers), primary_domain=story.primary_domain, actors=dict(story.actors),
        domains=dict(story.domains), profile=dict(story.profile), templates=dict(story.templates),
        terms_version=story.terms_version,
    )


def _utc(timestamp: float) -> datetime:
    return datetime.fromtimestamp(timestamp, tz=UTC)
