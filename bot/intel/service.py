"""The read side of the intelligence layer: briefings, relations and story details, built from storage.

The CLI, the cogs and the scheduler call these the same way; each returns plain data for a renderer.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from bot.feeds.models import Article
from bot.intel.actors import Actor, Gazetteer
from bot.intel.briefing import (
    Briefing,
    BriefingRequest,
    StoryMetrics,
    as_seen_from,
    build_briefing,
    story_metrics,
)
from bot.intel.domains import DOMAINS
from bot.intel.models import StoryRecord
from bot.intel.relations import RelationTrend, build_trend, period_bounds
from storage.base import Storage

BRIEF_CANDIDATES = 300


class UnknownActor(ValueError):
    """The user named no country or organisation we know; the message says which words."""


class UnknownDomain(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class TagEvidence:
    kind: str
    tag: str
    name: str
    evidence: tuple[str, ...]
    articles: int


@dataclass(frozen=True, slots=True)
class StoryView:
    story: StoryRecord
    articles: tuple[Article, ...]
    tags: tuple[TagEvidence, ...]
    metrics: StoryMetrics


class IntelService:
    def __init__(self, storage: Storage, gazetteer: Gazetteer) -> None:
        self._storage = storage
        self._gazetteer = gazetteer

    def country(self, query: str) -> Actor:
        """A country from a name, demonym, capital, leader or ISO code."""
        actor = self._gazetteer.resolve(query)
        if actor is None or actor.kind != "country":
            raise UnknownActor(f"{query!r} is not a country I know (try a name like 'Iran', or a code like 'IR')")
        return actor

    def actor(self, query: str) -> Actor:
        actor = self._gazetteer.resolve(query)
        if actor is None:
            raise UnknownActor(f"{query!r} is not a country or organisation I know")
        return actor

    @staticmethod
    def domain(query: str) -> str:
        value = query.strip().lower()
        if value not in DOMAINS:
            raise UnknownDomain(f"{query!r} is not a domain; choose one of: {', '.join(DOMAINS)}")
        return value

    def actor_names(self, ids: list[str] | None = None) -> dict[str, str]:
        names: dict[str, str] = {}
        for actor_id in ids or []:
            actor = self._gazetteer.get(actor_id)
            names[actor_id] = actor.name if actor else actor_id
        return names

    async def briefing(self, request: BriefingRequest) -> Briefing:
        stories = await self._storage.stories_between(request.start, request.end, country=request.country,
                                                      domain=request.domain, limit=BRIEF_CANDIDATES,
                                                      feed_ids=request.feed_ids)
        articles = await self._storage.story_articles([story.id for story in stories], feed_ids=request.feed_ids)
        if request.feed_ids is not None:
            stories = [as_seen_from(story, articles[story.id]) for story in stories]
        actor_ids = sorted({actor for story in stories for actor in story.actors})
        return build_briefing(request, stories, articles, actor_names=self.actor_names(actor_ids))

    async def relations(self, country_a: str, country_b: str, *, days: int, end: datetime,
                        feed_ids: tuple[int, ...] | None = None) -> RelationTrend:
        """The pair's trend over everything read, or over a server's own feeds (`feed_ids`)."""
        previous_start, start = period_bounds(end, days)
        rows = await self._storage.relation_days(country_a, country_b, previous_start, end, feed_ids=feed_ids)
        top = await self._storage.relation_stories(country_a, country_b, start, end, limit=8, feed_ids=feed_ids)
        if feed_ids is not None and top:
            seen = await self._storage.story_articles([story.id for story in top], feed_ids=feed_ids)
            top = [as_seen_from(story, seen[story.id]) for story in top]
        return build_trend(country_a, country_b, end, days, rows, top)

    async def story(self, story_id: int, *, now: datetime, feed_ids: tuple[int, ...] | None = None
                    ) -> StoryView | None:
        story = await self._storage.get_story(story_id)
        if story is None:
            return None
        articles = (await self._storage.story_articles([story_id], feed_ids=feed_ids))[story_id]
        if not articles:
            return None
        if feed_ids is not None:
            story = as_seen_from(story, articles)
        tags = await self._storage.article_tags([a.id for a in articles if a.duplicate_of is None])
        grouped: dict[tuple[str, str], tuple[set[str], set[int]]] = defaultdict(lambda: (set(), set()))
        for tag in tags:
            evidence, members = grouped[(tag.kind, tag.tag)]
            evidence.update(tag.evidence)
            members.add(tag.article_id)
        views = tuple(sorted(
            (TagEvidence(kind, tag, self._name(kind, tag), tuple(sorted(evidence)), len(members))
             for (kind, tag), (evidence, members) in grouped.items()),
            key=lambda view: (view.kind, -view.articles, view.tag),
        ))
        return StoryView(story, tuple(articles), views, story_metrics(story, articles, now))

    def _name(self, kind: str, tag: str) -> str:
        if kind == "domain":
            return tag
        actor = self._gazetteer.get(tag)
        return actor.name if actor else tag
