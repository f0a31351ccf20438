"""The briefing: the top stories of a period, ranked and grouped by domain, each summed up in a sentence or two.

Built as plain data (`Briefing`), so rendering to text, markdown, JSON or Discord embeds is a thin function
elsewhere. Ranking follows what an analyst trusts: how many distinct outlets carry a story, how fast it is
moving, how recent it is, and whether it touches something the reader watches.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from bot.feeds.models import Article
from bot.intel.models import StoryRecord
from bot.intel.textfeatures import content_tokens, split_sentences

# The order of the DFRLab's Russian War Report: the hard domains first.
DOMAIN_ORDER = ("military", "cyber", "information", "diplomacy", "economy", "politics", "humanitarian", "other")
VELOCITY_WINDOW = timedelta(hours=2)
SUMMARY_SENTENCES = 2
SUMMARY_MAX_CHARS = 320
_MIN_SENTENCE_WORDS = 5


@dataclass(frozen=True, slots=True)
class StoryMetrics:
    publishers: int
    velocity: float   # articles per hour over the last two hours of the period
    phase: str        # "new", "developing" or "established"


@dataclass(frozen=True, slots=True)
class BriefItem:
    story_id: int
    label: str
    summary: str
    domain: str
    domains: tuple[str, ...]
    actors: tuple[str, ...]
    outlets: tuple[str, ...]
    links: tuple[str, ...]
    first_seen: datetime
    last_seen: datetime
    articles: int
    metrics: StoryMetrics
    score: float
    watched: bool = False


@dataclass(frozen=True, slots=True)
class BriefSection:
    domain: str
    items: tuple[BriefItem, ...]


@dataclass(frozen=True, slots=True)
class Briefing:
    start: datetime
    end: datetime
    sections: tuple[BriefSection, ...]
    country: str | None = None
    domain: str | None = None
    considered: int = 0

    @property
    def items(self) -> list[BriefItem]:
        return [item for section in self.sections for item in section.items]


@dataclass(frozen=True, slots=True)
class BriefingRequest:
    end: datetime
    hours: int = 24
    country: str | None = None
    domain: str | None = None
    limit: int = 12
    watched_actors: frozenset[str] = frozenset()
    watched_phrases: tuple[str, ...] = ()
    feed_ids: tuple[int, ...] | None = None  # a server's own feeds; None reads everything

    @property
    def start(self) -> datetime:
        return self.end - timedelta(hours=self.hours)


@dataclass(slots=True)
class _Candidate:
    story: StoryRecord
    articles: list[Article]
    metrics: StoryMetrics
    score: float = 0.0
    watched: bool = False
    originals: list[Article] = field(default_factory=list)
    all_originals: list[Article] = field(default_factory=list)


def as_seen_from(story: StoryRecord, articles: Sequence[Article]) -> StoryRecord:
    """The story as a server whose feeds carried only `articles` sees it: label and counts from those alone,
    so another server's (possibly private) feeds never show through."""
    if not articles:
        return story
    originals = [a for a in articles if a.duplicate_of is None] or list(articles)
    label = story.label if any(a.title == story.label for a in originals) else originals[0].title
    return replace(
        story, label=label, article_count=len(articles),
        publisher_count=len({a.publisher or f"feed:{a.feed_id}" for a in originals}),
        first_seen=min(a.published for a in articles), last_seen=max(a.published for a in articles),
    )


def story_metrics(story: StoryRecord, articles: Sequence[Article], end: datetime) -> StoryMetrics:
    """Corroboration, velocity and phase, as of `end`."""
    recent = [a for a in articles if end - VELOCITY_WINDOW <= a.published <= end]
    velocity = len(recent) / (VELOCITY_WINDOW.total_seconds() / 3600)
    return StoryMetrics(story.publisher_count, velocity, story_phase(story, end))


def story_phase(story: StoryRecord, end: datetime) -> str:
    """new: one outlet so far; developing: several outlets and still moving (an article in the last 6 h);
    established: several outlets and settled."""
    if story.publisher_count <= 1:
        return "new"
    if end - story.last_seen <= timedelta(hours=6):
        return "developing"
    return "established"


def build_briefing(request: BriefingRequest, stories: Sequence[StoryRecord],
                   articles_by_story: Mapping[int, Sequence[Article]], *,
                   actor_names: Mapping[str, str] | None = None) -> Briefing:
    """Rank the period's stories and sum each up; `stories` and their articles come from storage."""
    names = actor_names or {}
    span = max((request.end - request.start).total_seconds(), 1.0)
    candidates = []
    for story in stories:
        everything = articles_by_story.get(story.id, ())
        in_period = [a for a in everything if request.start <= a.published <= request.end]
        if not in_period:
            continue
        metrics = story_metrics(story, in_period, request.end)
        candidate = _Candidate(story, in_period, metrics, originals=[a for a in in_period if a.duplicate_of is None],
                               all_originals=[a for a in everything if a.duplicate_of is None and a.published <= request.end])
        candidate.watched = _is_watched(candidate, request)
        recency = max(0.0, 1.0 - (request.end - story.last_seen).total_seconds() / span)
        candidate.score = (2.0 * math.log2(1 + metrics.publishers) + 0.5 * math.log2(1 + metrics.velocity)
                           + 1.0 * recency + (1.5 if candidate.watched else 0.0))
        candidates.append(candidate)
    candidates.sort(key=lambda c: (-c.score, -c.story.last_seen.timestamp(), c.story.id))
    chosen = candidates[: request.limit]
    boilerplate = _boilerplate_sentences(c.originals or c.articles for c in candidates)
    items = [_item(c, boilerplate, names) for c in chosen]
    sections = tuple(
        BriefSection(domain, tuple(item for item in items if item.domain == domain))
        for domain in DOMAIN_ORDER if any(item.domain == domain for item in items)
    )
    return Briefing(request.start, request.end, sections, request.country, request.domain, len(candidates))


def _is_watched(candidate: _Candidate, request: BriefingRequest) -> bool:
    if request.watched_actors & set(candidate.story.actors):
        return True
    text = " ".join(f"{a.title} {a.summary}" for a in candidate.articles).lower()
    return any(phrase.lower() in text for phrase in request.watched_phrases)


def _item(candidate: _Candidate, boilerplate: set[str], names: Mapping[str, str]) -> BriefItem:
    story = candidate.story
    articles = candidate.originals or candidate.articles
    background = candidate.all_originals or articles
    domains = tuple(domain for domain, _ in Counter(story.domains).most_common(2))
    outlets = tuple(dict.fromkeys(a.feed_title or a.publisher or "unknown" for a in articles))
    links = tuple(dict.fromkeys(a.link for a in articles if a.link))[:5]
    actors = tuple(names.get(actor, actor) for actor, _ in Counter(story.actors).most_common(6))
    return BriefItem(
        story_id=story.id, label=story.label,
        summary=summarise(background, boilerplate, _label_article(story, background)),
        domain=story.primary_domain or (domains[0] if domains else "other"), domains=domains, actors=actors,
        outlets=outlets, links=links, first_seen=story.first_seen, last_seen=story.last_seen,
        articles=story.article_count, metrics=candidate.metrics, score=round(candidate.score, 3),
        watched=candidate.watched,
    )


def _novel(key: str, lead_tokens: set[str]) -> bool:
    """A second sentence must say something the first did not."""
    tokens = set(content_tokens(key))
    return bool(tokens) and len(tokens - lead_tokens) / len(tokens) >= 0.5


def _label_article(story: StoryRecord, articles: Sequence[Article]) -> int | None:
    for article in articles:
        if article.title == story.label:
            return article.id
    return None


def _key(sentence: str) -> str:
    return " ".join(re.findall(r"\w+", sentence.lower()))


def _boilerplate_sentences(groups: Iterable[Sequence[Article]]) -> set[str]:
    """Sentences that turn up in two or more different stories say nothing about any of them."""
    seen_in: Counter[str] = Counter()
    for articles in groups:
        keys = {_key(s) for a in articles for s in split_sentences(a.summary)}
        seen_in.update(keys)
    return {key for key, count in seen_in.items() if count >= 2}


def summarise(articles: Sequence[Article], boilerplate: set[str] = frozenset(),  # type: ignore[assignment]
              lead_article_id: int | None = None) -> str:
    """One or two sentences from the story's own articles: the lead of its most representative article, then
    the sentence from the rest of the coverage that shares most words with it; a sentence repeated across
    copies or outlets appears once, and boilerplate never."""
    ordered = sorted(articles, key=lambda a: (a.id != lead_article_id, a.published, a.id))
    sentences: dict[str, tuple[str, int, int]] = {}
    for article in ordered:
        for position, sentence in enumerate(split_sentences(article.summary)):
            key = _key(sentence)
            if key in boilerplate or key in sentences or len(key.split()) < _MIN_SENTENCE_WORDS:
                continue
            sentences[key] = (sentence, position, article.id)
    if not sentences:
        return ordered[0].title if ordered else ""
    first_key, (first, _, first_article) = next(iter(sentences.items()))
    vocabulary = Counter(token for key in sentences for token in set(content_tokens(key)))
    lead_tokens = set(content_tokens(first_key))

    def weight(item: tuple[str, tuple[str, int, int]]) -> float:
        key, (_, position, article_id) = item
        tokens = set(content_tokens(key))
        if not tokens:
            return 0.0
        support = sum(vocabulary[token] - 1 for token in tokens) / len(tokens)
        novelty = len(tokens - lead_tokens) / len(tokens)
        other_article = 0.5 if article_id != first_article else 0.0
        return support + novelty + other_article + (0.5 if position == 0 else 0.0)

    chosen = [first]
    rest = sorted(((k, v) for k, v in sentences.items() if k != first_key and _novel(k, lead_tokens)),
                  key=weight, reverse=True)
    if rest and len(first) + len(rest[0][1][0]) < SUMMARY_MAX_CHARS:
        chosen.append(rest[0][1][0])
    return " ".join(chosen)[:SUMMARY_MAX_CHARS + 80]
