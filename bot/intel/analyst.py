"""Everything Sitrep reads out of one article's text: actors, domains, tone and clustering terms.

Pure and cheap; the pipeline calls it once per new article, `sitrep analyze` through the same pipeline.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass
from functools import cache

from bot.intel.actors import ActorTag, Gazetteer, default_gazetteer
from bot.intel.domains import DomainClassifier, DomainTag, default_classifier, join_normalised
from bot.intel.domains import normalise as normalise_text
from bot.intel.promotions import without_calls_to_action
from bot.intel.textfeatures import normalise, term_weights
from bot.intel.tone import Tone, tone_of_normalised


@dataclass(frozen=True, slots=True)
class ArticleIntel:
    actors: tuple[ActorTag, ...]
    domains: DomainTag
    tone: Tone
    terms: Counter[str]

    @property
    def countries(self) -> tuple[str, ...]:
        return tuple(tag.actor.id for tag in self.actors if tag.actor.kind == "country")

    @property
    def organisations(self) -> tuple[str, ...]:
        return tuple(tag.actor.id for tag in self.actors if tag.actor.kind != "country")

    @property
    def actor_ids(self) -> frozenset[str]:
        return frozenset(sys.intern(tag.actor.id) for tag in self.actors)

    def __reduce__(self) -> tuple[object, ...]:
        """Terms come back interned from an analysis worker, as `normalise` interns them here: thousands of
        story profiles then share one string per term instead of holding a copy each."""
        return _intel, (self.actors, self.domains, self.tone, tuple(self.terms), tuple(self.terms.values()))


def _intel(actors: tuple[ActorTag, ...], domains: DomainTag, tone: Tone, terms: tuple[str, ...],
           weights: tuple[float, ...]) -> ArticleIntel:
    counter: Counter[str] = Counter()
    dict.update(counter, zip(map(sys.intern, terms), weights))  # Counter.update would add them one by one
    return ArticleIntel(actors, domains, tone, counter)


class Analyst:
    def __init__(self, gazetteer: Gazetteer, classifier: DomainClassifier) -> None:
        self.gazetteer = gazetteer
        self.classifier = classifier

    def describe(self, title: str, summary: str) -> ArticleIntel:
        summary = without_calls_to_action(summary)  # "Follow our live coverage of the war in Ukraine here."
        text = f"{title}\n{summary}"
        actors = tuple(self.gazetteer.tag(text))
        actor_words = frozenset(normalise(word) for tag in actors for phrase in tag.evidence
                                for word in phrase.split())
        title_words, summary_words = normalise_text(title), normalise_text(summary)
        return ArticleIntel(
            actors=actors,
            domains=self.classifier.classify_normalised(title_words, summary_words),
            tone=tone_of_normalised(join_normalised(title_words, summary_words)),
            terms=_with_actor_terms(term_weights(title, summary, actor_words=actor_words), actors),
        )


@cache
def default_analyst() -> Analyst:
    return Analyst(default_gazetteer(), default_classifier())


ACTOR_TERM_WEIGHT = 2.0


def _with_actor_terms(terms: Counter[str], actors: tuple[ActorTag, ...]) -> Counter[str]:
    """Actors as terms of their own ("@IR"), so "Tehran", "Iranian" and "Araghchi" all count as the same word."""
    for tag in actors:
        terms[sys.intern(f"@{tag.actor.id}")] += ACTOR_TERM_WEIGHT
    return terms
