"""Online story clustering: each new article joins the best open story or starts one.

Similarity combines the words of title and lead (TF-IDF cosine against the story's profile), the actors both
name, and the time between them. Candidates come from an inverted index of the open stories' strongest words,
so the cost of an article does not grow with the number of stories. A story closes `window` after its last
article; ids never change once given.

IDF is counted over open stories rather than articles: a word that turns up in many concurrent stories
("ukraine" in a war) tells stories apart less than one that turns up in few.
"""

from __future__ import annotations

import heapq
import itertools
import math
from itertools import repeat
from operator import itemgetter, mul
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from bot.intel.models import StoryRecord
from bot.intel.textfeatures import TERMS_VERSION, normalise

PROFILE_TERMS = 40
MEMBER_TERMS = 12
INDEX_TERMS = 16
QUERY_TERMS = 12
MAX_POSTINGS = 64      # per term, the most recently updated stories
# The best candidates by shared weight get the full (costlier) score, with each one's newest member. 2 candidates
# and 1 member (it was 5 and 4, then 4 and 2) give the same stories on every labeled set (tests/eval, the demo):
# there 164 of the 165 articles that joined a story joined the candidate sharing most weight, and the other (a
# follow-up about a deepfake) the second, which is why it is 2 and not 1. On a synthetic stream as dense as
# bench/analyze.py's (bench/newsgen.py, 15,000 articles over 14 days, seed 1) a story third or fourth by shared
# weight won 6% of the joins (706 of 11,992), and 99% of those put the article with another event. With 2 and 1 the
# pairwise F1 against the generator's events went from 0.52 to 0.64 (seeds 1-3; 6,000 articles over 90 days: 0.87
# to 0.91; fewer candidates always raise it there, as the generator's events are alike), at 15-22% less clustering
# time.
SCORED_CANDIDATES = 2
SORTED_TERMS = max(QUERY_TERMS, MEMBER_TERMS)  # an article's strongest terms, sorted once for both (`_strongest`)
IDF_PRIOR = 20.0
MEMBER_FACTOR = 0.9
MAX_MEMBERS = 1


@dataclass(frozen=True, slots=True)
class StoryParams:
    """Tuned on tests/eval/items_tune.py; tests/eval/test_quality.py checks the same bars on the holdout set."""

    window_s: float = 72 * 3600.0
    join_threshold: float = 0.32
    min_text_similarity: float = 0.18
    actor_weight: float = 0.25
    time_penalty: float = 0.10
    label_min_gain: float = 0.02


@dataclass(slots=True)
class ArticleSignal:
    """What clustering needs of one article (not frozen, like `Assignment`: one of each for every article filed
    in a story)."""

    article_id: int
    title: str
    terms: Mapping[str, float]
    actors: frozenset[str]
    published: float
    publisher: str
    template: tuple[str, tuple[str, ...]] = ("", ())


@dataclass(slots=True)
class OpenStory:
    """A story while it can still grow; `profile` holds its strongest terms with summed weights."""

    id: int
    label: str
    label_article_id: int
    first_seen: float
    last_seen: float
    article_count: int = 0
    profile: dict[str, float] = field(default_factory=dict)
    actors: Counter[str] = field(default_factory=Counter)
    publishers: dict[str, float] = field(default_factory=dict)
    domains: Counter[str] = field(default_factory=Counter)
    label_score: float = 0.0
    # The newest members' strongest terms; in memory only (after a restart a story goes on from its profile).
    members: list[dict[str, float]] = field(default_factory=list)
    templates: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Derived, kept for speed: the norms of the profile and of each member.
    profile_norm: float = 0.0
    member_norms: list[float] = field(default_factory=list)
    terms_version: int = TERMS_VERSION  # of the profile's terms (`TERMS_VERSION`); older ones are normalised again


    @property
    def primary_domain(self) -> str | None:
        return self.domains.most_common(1)[0][0] if self.domains else None

    def record(self) -> StoryRecord:
        """The story as readers see it, from its in-memory state."""
        return StoryRecord(
            id=self.id, label=self.label, first_seen=_utc(self.first_seen), last_seen=_utc(self.last_seen),
            article_count=self.article_count, publisher_count=len(self.publishers),
            primary_domain=self.primary_domain,
            actors=dict(self.actors), domains=dict(self.domains),
        )


@dataclass(slots=True)
class Assignment:
    """Where `StoryIndex.assign` put an article."""

    story: OpenStory
    created: bool
    score: float


class StoryIndex:
    """The open stories and their term index; `assign` is the only way an article enters a story."""

    def __init__(self, params: StoryParams | None = None) -> None:
        self.params = params or StoryParams()
        self._stories: dict[int, OpenStory] = {}
        # term -> story ids in the order they were last indexed (a dict keeps order; re-adding moves to the end)
        self._postings: dict[str, dict[int, None]] = {}
        self._indexed_terms: dict[int, tuple[str, ...]] = {}
        self._story_df: Counter[str] = Counter()
        self._closing: list[tuple[float, int]] = []  # (last_seen, id), a heap; stale entries skipped on pop
        self._newest = float("-inf")

    def __len__(self) -> int:
        return len(self._stories)

    def get(self, story_id: int) -> OpenStory | None:
        return self._stories.get(story_id)

    def idf(self, term: str) -> float:
        return math.log((len(self._stories) + IDF_PRIOR) / (self._story_df.get(term, 0) + 1.0))

    def weigh(self, terms: Mapping[str, float]) -> dict[str, float]:
        total = math.log(len(self._stories) + IDF_PRIOR)
        df = self._story_df.get
        logs = _LOG_COUNTS
        if len(logs) <= len(self._stories) + 1:  # no term is in more stories than are open
            _grow_log_counts(len(self._stories) + 1)
        return {term: weight * (total - logs[df(term, 0)]) for term, weight in terms.items()}

    def best_match(self, signal: ArticleSignal) -> tuple[OpenStory | None, float]:
        """The open story this article belongs to, if any, with its score."""
        self._close_before(signal.published - self.params.window_s)
        vector = self.weigh(signal.terms)
        return self._best_match(signal, vector, _norm(vector), _strongest(vector))

    def _best_match(self, signal: ArticleSignal, vector: dict[str, float], norm: float,
                    strongest: list[tuple[str, float]]) -> tuple[OpenStory | None, float]:
        if norm == 0.0:
            return None, 0.0
        best: OpenStory | None = None
        best_score = self.params.join_threshold
        for story in self._candidates(vector, strongest):
            score = self._score(signal, vector, norm, story)
            if score > best_score or (score == best_score and best is not None and story.id < best.id):
                best, best_score = story, score
        return best, best_score if best else 0.0

    def assign(self, signal: ArticleSignal, new_story_id: int, domains: Iterable[str] = ()) -> Assignment:
        """Join the best story or open `new_story_id`; either way the story learns the article."""
        self._close_before(signal.published - self.params.window_s)
        vector = self.weigh(signal.terms)
        norm = _norm(vector)
        strongest = _strongest(vector)
        story, score = self._best_match(signal, vector, norm, strongest)
        created = story is None
        if story is None:
            story = OpenStory(id=new_story_id, label=signal.title, label_article_id=signal.article_id,
                              first_seen=signal.published, last_seen=signal.published)
            self._stories[story.id] = story
            vector = self.weigh(signal.terms)  # one more open story: the IDF moved (and the terms' order may have)
            norm = _norm(vector)
        # A new story's first article leaves no member, so its terms need not be sorted again.
        self._add_to(story, signal, domains, vector, norm, None if created else strongest)
        return Assignment(story, created, score)

    def add_to(self, story: OpenStory, signal: ArticleSignal, domains: Iterable[str] = ()) -> None:
        """Fold an article into a story (also used for copies, which always join their original's story)."""
        self._add_to(story, signal, domains, self.weigh(signal.terms))

    def _add_to(self, story: OpenStory, signal: ArticleSignal, domains: Iterable[str], vector: dict[str, float],
                norm: float | None = None, strongest: list[tuple[str, float]] | None = None) -> None:
        """Fold the article (its weighted `vector`) into the story: counts, profile and index, label, newest member.
        `norm` and `strongest` are the vector's (`_norm`, `_strongest`) when the caller has them already."""
        story.article_count += 1
        story.first_seen = min(story.first_seen, signal.published)
        story.last_seen = max(story.last_seen, signal.published)
        story.actors.update(signal.actors)
        story.domains.update(domains)
        if signal.publisher not in story.publishers or signal.published < story.publishers[signal.publisher]:
            story.publishers[signal.publisher] = signal.published
        merged = dict(story.profile)
        get = merged.get
        for term, weight in vector.items():
            merged[term] = weight + get(term, 0)
        # sorted()[:n] is what nlargest is documented to equal, and in C for ~75 items it is the faster of the two
        self._set_profile(story, dict(sorted(merged.items(), key=_WEIGHT, reverse=True)[:PROFILE_TERMS]))
        self._update_label(story, signal, vector, _norm(vector) if norm is None else norm)
        if story.article_count >= 2:
            _add_member(story, _strongest(vector) if strongest is None else strongest)
        masked, figures = signal.template
        if figures:
            story.templates[masked] = figures
        heapq.heappush(self._closing, (story.last_seen, story.id))
        self._newest = max(self._newest, signal.published)

    def restore(self, story: OpenStory) -> None:
        """Put back a story loaded from storage at start-up (its profile's terms normalised again if they are of
        an older `TERMS_VERSION`)."""
        if story.terms_version != TERMS_VERSION:
            story.profile = _renormalised(story.profile)
            story.terms_version = TERMS_VERSION
        self._stories[story.id] = story
        story.member_norms = [_norm(member) for member in story.members]
        self._set_profile(story, dict(sorted(story.profile.items(), key=_WEIGHT, reverse=True)))
        heapq.heappush(self._closing, (story.last_seen, story.id))
        self._newest = max(self._newest, story.last_seen)

    def open_stories(self) -> list[OpenStory]:
        return list(self._stories.values())

    def _candidates(self, vector: Mapping[str, float], strongest: list[tuple[str, float]]) -> list[OpenStory]:
        """The stories sharing most weight with the article's strongest words and its actors.

        Each posting list contributes its most recently updated stories; the candidates are ranked by the
        article weight they share, and only the best few get the full score.
        """
        terms = dict(strongest[:QUERY_TERMS])
        terms.update((term, weight) for term, weight in vector.items() if term.startswith("@"))
        shared: dict[int, float] = {}
        get = shared.get
        all_postings = self._postings
        for term, weight in terms.items():
            postings = all_postings.get(term)
            if not postings:
                continue
            recent = postings if len(postings) <= MAX_POSTINGS else itertools.islice(reversed(postings), MAX_POSTINGS)
            for story_id in recent:
                shared[story_id] = get(story_id, 0.0) + weight
        if len(shared) > SCORED_CANDIDATES:  # the floor first (a plain sort, in C), then order the few above it
            floor = sorted(shared.values(), reverse=True)[SCORED_CANDIDATES - 1]
            ranked = sorted([(-weight, story_id) for story_id, weight in shared.items() if weight >= floor])
        else:
            ranked = sorted([(-weight, story_id) for story_id, weight in shared.items()])
        return [self._stories[story_id] for _, story_id in ranked[:SCORED_CANDIDATES]]

    def _score(self, signal: ArticleSignal, vector: Mapping[str, float], norm: float, story: OpenStory) -> float:
        params = self.params
        gap = abs(signal.published - story.last_seen)
        if signal.published < story.first_seen - params.window_s or gap > params.window_s + 1:
            return 0.0
        masked, figures = signal.template
        if figures and story.templates.get(masked, figures) != figures:
            return 0.0  # the same headline with other figures: the next edition of a recurring bulletin
        text = _cosine(vector, norm, story.profile, story.profile_norm)
        for member, member_norm in zip(story.members, story.member_norms, strict=True):
            text = max(text, MEMBER_FACTOR * _cosine(vector, norm, member, member_norm))
        if text < params.min_text_similarity:
            return 0.0
        common = len(story.actors.keys() & signal.actors)
        union = len(signal.actors) + len(story.actors) - common
        actors = common / union if union else 0.0
        return text + params.actor_weight * actors - params.time_penalty * min(gap / params.window_s, 1.0)

    def _set_profile(self, story: OpenStory, profile: dict[str, float]) -> None:
        """Make `profile` (its terms strongest first) the story's, and index the story under its strongest."""
        df = self._story_df
        if story.id in self._indexed_terms:
            for term in story.profile.keys() - profile.keys():
                df[term] -= 1
                if df[term] <= 0:
                    del df[term]
            df.update(profile.keys() - story.profile.keys())
        else:
            df.update(profile.keys())
        story.profile = profile
        story.profile_norm = _norm(profile)
        indexed = tuple(itertools.islice(profile, INDEX_TERMS)) + tuple(
            term for term in itertools.islice(profile, INDEX_TERMS, None) if term.startswith("@"))
        all_postings = self._postings
        story_id = story.id
        for term in set(self._indexed_terms.get(story_id, ())).difference(indexed):
            self._unpost(term, story_id)
        for term in indexed:  # re-added at the end: the story is now among the term's most recently updated
            postings = all_postings.get(term)
            if postings is None:
                all_postings[term] = {story_id: None}
            else:
                postings.pop(story_id, None)
                postings[story_id] = None
        self._indexed_terms[story_id] = indexed

    def _unpost(self, term: str, story_id: int) -> None:
        postings = self._postings.get(term)
        if postings is not None:
            postings.pop(story_id, None)
            if not postings:
                del self._postings[term]

    def _update_label(self, story: OpenStory, signal: ArticleSignal, vector: Mapping[str, float],
                      norm: float) -> None:
        """The label is the title of the member closest to the story's profile: its most representative one."""
        score = _cosine(vector, norm, story.profile, story.profile_norm)
        if story.article_count == 1 or score > story.label_score + self.params.label_min_gain:
            story.label, story.label_article_id, story.label_score = signal.title, signal.article_id, score

    def _close_before(self, cutoff: float) -> None:
        while self._closing and self._closing[0][0] < cutoff:
            last_seen, story_id = heapq.heappop(self._closing)
            story = self._stories.get(story_id)
            if story is not None and story.last_seen == last_seen:
                self._close(story)

    def _close(self, story: OpenStory) -> None:
        for term in self._indexed_terms.pop(story.id, ()):
            self._unpost(term, story.id)
        for term in story.profile:
            self._story_df[term] -= 1
            if self._story_df[term] <= 0:
                del self._story_df[term]
        del self._stories[story.id]


# log(n + 1) for n = 0, 1, 2, ...: document frequencies are small whole numbers, so the IDF of a term is a
# list look-up rather than a call to math.log.
_LOG_COUNTS: list[float] = [math.log(n + 1.0) for n in range(4096)]


def _grow_log_counts(size: int) -> None:
    _LOG_COUNTS.extend(math.log(n + 1.0) for n in range(len(_LOG_COUNTS), 2 * size))


def _utc(timestamp: float) -> datetime:
    return datetime.fromtimestamp(timestamp, tz=UTC)


_WEIGHT = itemgetter(1)


def _norm(vector: Mapping[str, float]) -> float:
    weights = vector.values()
    return math.sqrt(sum(map(mul, weights, weights)))


def _cosine(vector: Mapping[str, float], norm: float, profile: Mapping[str, float], profile_norm: float) -> float:
    if norm == 0.0 or profile_norm == 0.0:
        return 0.0
    if len(profile) < len(vector):  # walk the shorter one (a member keeps 12 terms, an article has ~35)
        vector, profile = profile, vector
    dot = sum(map(mul, vector.values(), map(profile.get, vector, repeat(0.0))))
    return dot / (norm * profile_norm) if dot else 0.0


def _strongest(vector: Mapping[str, float]) -> list[tuple[str, float]]:
    """The terms the query and a member are made of, strongest first: sorted once for both."""
    return sorted(vector.items(), key=_WEIGHT, reverse=True)[:SORTED_TERMS]


def _renormalised(profile: Mapping[str, float]) -> dict[str, float]:
    """A profile of older terms in today's (`normalise`); terms that now coincide add up. Actors stay as they are."""
    renewed: dict[str, float] = {}
    for term, weight in profile.items():
        key = term if term.startswith("@") else normalise(term)
        renewed[key] = renewed.get(key, 0.0) + weight
    return renewed


def _add_member(story: OpenStory, strongest: list[tuple[str, float]]) -> None:
    """Keep the strongest terms of the newest members: a follow-up may resemble one of them more than the whole."""
    member = dict(strongest[:MEMBER_TERMS])
    story.members.append(member)
    story.member_norms.append(_norm(member))
    if len(story.members) > MAX_MEMBERS:
        del story.members[0], story.member_norms[0]
