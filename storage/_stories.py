"""Story, tag and relation rows: written inside the ingest batch, read by briefings, /story and relations."""

from __future__ import annotations

import functools
import json
import logging
import sqlite3
import sys
from collections import Counter
from collections.abc import Collection, Sequence
from datetime import datetime

from bot.feeds.models import Article
from bot.intel.models import (
    ArticleTag,
    RelationDay,
    RelationRow,
    StoryPublisherRow,
    StoryRecord,
    StoryRow,
    TagRow,
)
from bot.intel.relations import ALL_DOMAINS
from bot.intel.stories import OpenStory
from storage._base import QueriesBase
from storage._convert import chunks, insert_rows, require_ts, to_ts

log = logging.getLogger(__name__)

_STORY_COLUMNS = """id, label, label_article_id, label_score, first_seen, last_seen, article_count, actors, domains,
    profile_terms, profile_weights, memory"""


_RECORD_COLUMNS = """s.id, s.label, s.first_seen, s.last_seen, s.article_count, s.publisher_count,
    s.primary_domain, s.actors, s.domains"""
_READER_ARTICLE_COLUMNS = """a.id, a.feed_id, f.title, a.guid, a.link, a.title, a.summary, a.published, a.first_seen,
    a.updated, a.duplicate_of, a.backlog, a.story_id, a.publisher"""


def _record(row: tuple) -> StoryRecord:  # type: ignore[type-arg]
    return StoryRecord(
        id=row[0], label=row[1], first_seen=require_ts(row[2]), last_seen=require_ts(row[3]), article_count=row[4],
        publisher_count=row[5], primary_domain=row[6], actors=json.loads(row[7]), domains=json.loads(row[8]),
    )


class StoryQueries(QueriesBase):
    async def open_stories(self, since: datetime) -> list[OpenStory]:
        """Stories whose last article is newer than `since`, with what clustering needs to go on growing them."""
        async with self._snapshot() as db:
            async with db.execute(
                f"SELECT {_STORY_COLUMNS} FROM stories WHERE last_seen >= :since ORDER BY id",
                {"since": to_ts(since)},
            ) as cursor:
                rows = await cursor.fetchall()
            stories = {row[0]: _open_story(row) for row in rows}
            if stories:
                async with db.execute(
                    """SELECT p.story_id, p.publisher, p.first_seen FROM story_publishers p
                       JOIN stories s ON s.id = p.story_id WHERE s.last_seen >= :since""", {"since": to_ts(since)},
                ) as cursor:
                    async for story_id, publisher, first_seen in cursor:
                        stories[story_id].publishers[publisher] = first_seen
        return list(stories.values())


    async def stories_between(self, start: datetime, end: datetime, *, country: str | None = None,
                              domain: str | None = None, limit: int = 300,
                              feed_ids: Sequence[int] | None = None) -> list[StoryRecord]:
        """Stories with an article published in [start, end] (from `feed_ids`, when given), optionally naming
        `country` or in `domain`, best corroborated first."""
        if feed_ids is not None and not feed_ids:
            return []
        feeds = f" AND feed_id IN ({','.join(str(int(f)) for f in feed_ids)})" if feed_ids is not None else ""
        clauses = [f"s.id IN (SELECT story_id FROM articles WHERE published BETWEEN :start AND :end{feeds})"]
        params: dict[str, object] = {"start": to_ts(start), "end": to_ts(end), "limit": limit}
        tagged_feeds = feeds.replace("feed_id", "a.feed_id")
        for kind, value in (("country", country), ("domain", domain)):
            if value:
                clauses.append(
                    f"""s.id IN (SELECT a.story_id FROM article_tags t JOIN articles a ON a.id = t.article_id
                        WHERE t.kind = '{kind}' AND t.tag = :{kind} AND a.published BETWEEN :start AND :end
                        {tagged_feeds})"""
                )
                params[kind] = value
        async with self._read() as db, db.execute(
            f"""SELECT {_RECORD_COLUMNS} FROM stories s WHERE {' AND '.join(clauses)}
                ORDER BY s.publisher_count DESC, s.last_seen DESC LIMIT :limit""", params,
        ) as cursor:
            return [_record(row) async for row in cursor]

    async def get_story(self, story_id: int) -> StoryRecord | None:
        async with self._read() as db, db.execute(
            f"SELECT {_RECORD_COLUMNS} FROM stories s WHERE s.id = :id", {"id": story_id}
        ) as cursor:
            row = await cursor.fetchone()
        return _record(row) if row else None

    async def story_articles(self, story_ids: Sequence[int], *,
                             feed_ids: Sequence[int] | None = None) -> dict[int, list[Article]]:
        """Every article of these stories (copies included; only from `feed_ids` when given), oldest first."""
        from storage._articles import _article

        found: dict[int, list[Article]] = {story_id: [] for story_id in story_ids}
        feeds = f" AND a.feed_id IN ({','.join(str(int(f)) for f in feed_ids)})" if feed_ids is not None else ""
        async with self._read() as db:
            for part in chunks(list(story_ids)):
                marks = ",".join("?" * len(part))
                async with db.execute(
                    f"""SELECT {_READER_ARTICLE_COLUMNS} FROM articles a JOIN feeds f ON f.id = a.feed_id
                        WHERE a.story_id IN ({marks}){feeds} ORDER BY a.published, a.id""", part,
                ) as cursor:
                    async for row in cursor:
                        found[row[12]].append(_article(row))
        return found

    async def article_tags(self, article_ids: Sequence[int]) -> list[ArticleTag]:
        tags: list[ArticleTag] = []
        async with self._read() as db:
            for part in chunks(list(article_ids)):
                marks = ",".join("?" * len(part))
                async with db.execute(
                    f"""SELECT article_id, kind, tag, rank, evidence FROM article_tags
                        WHERE article_id IN ({marks}) ORDER BY article_id, kind, rank""", part,
                ) as cursor:
                    async for article_id, kind, tag, rank, evidence in cursor:
                        tags.append(ArticleTag(article_id, kind, tag, rank, tuple(json.loads(evidence))))
        return tags

    async def relation_days(self, country_a: str, country_b: str, start: datetime, end: datetime, *,
                            feed_ids: Sequence[int] | None = None) -> list[RelationDay]:
        """Per day and domain: articles, distinct stories and tone, for the pair (in either order).

        Everything Sitrep read comes from the daily aggregate; a server's own feeds (`feed_ids`) are counted
        from their articles' tags, since the aggregate does not know which feed an article came from.
        """
        a, b = sorted((country_a, country_b))
        if feed_ids is not None:
            return await self._relation_days_from_articles(a, b, start, end, feed_ids)
        params = {"a": a, "b": b, "start": start.date().isoformat(), "end": end.date().isoformat()}
        async with self._read() as db, db.execute(
            """SELECT d.day, d.domain, d.articles, d.tone_sum, d.toned,
                      (SELECT count(*) FROM relation_stories r WHERE r.country_a = d.country_a
                          AND r.country_b = d.country_b AND r.day = d.day AND r.domain = d.domain)
               FROM relation_days d
               WHERE d.country_a = :a AND d.country_b = :b AND d.day BETWEEN :start AND :end
               ORDER BY d.day, d.domain""", params,
        ) as cursor:
            return [RelationDay(day, domain, articles, stories, tone_sum, toned)
                    async for day, domain, articles, tone_sum, toned, stories in cursor]

    async def _relation_days_from_articles(self, a: str, b: str, start: datetime, end: datetime,
                                           feed_ids: Sequence[int]) -> list[RelationDay]:
        if not feed_ids:
            return []
        feeds = ",".join(str(int(f)) for f in feed_ids)
        params = {"a": a, "b": b, "start": to_ts(start.replace(hour=0, minute=0, second=0, microsecond=0)),
                  "end": to_ts(end)}
        async with self._read() as db, db.execute(
            f"""WITH pair AS (
                    SELECT x.id, x.published, x.tone, x.story_id FROM articles x
                    JOIN article_tags ta ON ta.article_id = x.id AND ta.kind = 'country' AND ta.tag = :a
                    JOIN article_tags tb ON tb.article_id = x.id AND tb.kind = 'country' AND tb.tag = :b
                    WHERE x.feed_id IN ({feeds}) AND x.duplicate_of IS NULL AND x.published BETWEEN :start AND :end)
                SELECT date(p.published, 'unixepoch') AS day, coalesce(d.tag, '{ALL_DOMAINS}'), count(*),
                       coalesce(sum(p.tone), 0), count(p.tone), count(DISTINCT p.story_id)
                FROM pair p LEFT JOIN article_tags d ON d.article_id = p.id AND d.kind = 'domain'
                GROUP BY day, d.tag
                UNION ALL
                SELECT date(published, 'unixepoch'), '{ALL_DOMAINS}', count(*), coalesce(sum(tone), 0), count(tone),
                       count(DISTINCT story_id)
                FROM pair GROUP BY date(published, 'unixepoch')
                ORDER BY 1, 2""", params,
        ) as cursor:
            return [RelationDay(day, domain, articles, stories, tone_sum, toned)
                    async for day, domain, articles, tone_sum, toned, stories in cursor]

    async def relation_stories(self, country_a: str, country_b: str, start: datetime, end: datetime, *,
                               limit: int = 10, feed_ids: Sequence[int] | None = None) -> list[StoryRecord]:
        a, b = sorted((country_a, country_b))
        if feed_ids is not None:
            if not feed_ids:
                return []
            feeds = ",".join(str(int(f)) for f in feed_ids)
            inner = f"""SELECT x.story_id FROM articles x
                JOIN article_tags ta ON ta.article_id = x.id AND ta.kind = 'country' AND ta.tag = :a
                JOIN article_tags tb ON tb.article_id = x.id AND tb.kind = 'country' AND tb.tag = :b
                WHERE x.feed_id IN ({feeds}) AND x.published BETWEEN :start_ts AND :end_ts"""
        else:
            inner = """SELECT story_id FROM relation_stories
                WHERE country_a = :a AND country_b = :b AND day BETWEEN :start AND :end"""
        async with self._read() as db, db.execute(
            f"""SELECT {_RECORD_COLUMNS} FROM stories s WHERE s.id IN ({inner})
                ORDER BY s.publisher_count DESC, s.article_count DESC, s.last_seen DESC LIMIT :limit""",
            {"a": a, "b": b, "start": start.date().isoformat(), "end": end.date().isoformat(), "limit": limit,
             "start_ts": to_ts(start), "end_ts": to_ts(end)},
        ) as cursor:
            return [_record(row) async for row in cursor]


def write_stories(db: sqlite3.Connection, stories: Sequence[StoryRow], publishers: Sequence[StoryPublisherRow]) -> None:
    if stories:
        insert_rows(
            db,
            """INSERT INTO stories (id, label, label_article_id, label_score, first_seen, last_seen, article_count,
                   publisher_count, primary_domain, actors, domains, profile_terms, profile_weights, memory)""",
            [(s.id, s.label, s.label_article_id, s.label_score, to_ts(s.first_seen), to_ts(s.last_seen),
              s.article_count, s.publisher_count, s.primary_domain, _json(s.actors), _json(s.domains),
              " ".join(s.profile), _weights_text(s.profile.values()),
              _json({"templates": s.templates, "terms": s.terms_version}) if s.templates
              else _memory_without_templates(s.terms_version))
             for s in stories],
            """ON CONFLICT (id) DO UPDATE SET label = excluded.label, label_article_id = excluded.label_article_id,
                   label_score = excluded.label_score, first_seen = excluded.first_seen,
                   last_seen = excluded.last_seen, article_count = excluded.article_count,
                   publisher_count = excluded.publisher_count, primary_domain = excluded.primary_domain,
                   actors = excluded.actors, domains = excluded.domains, profile_terms = excluded.profile_terms,
                   profile_weights = excluded.profile_weights, memory = excluded.memory""",
        )
    if publishers:
        insert_rows(
            db, "INSERT INTO story_publishers (story_id, publisher, first_seen)",
            [(p.story_id, p.publisher, to_ts(p.first_seen)) for p in publishers],
            "ON CONFLICT (story_id, publisher) DO UPDATE SET first_seen = min(first_seen, excluded.first_seen)",
        )


def write_tags_and_relations(db: sqlite3.Connection, tags: Sequence[TagRow], relations: Sequence[RelationRow]) -> None:
    if tags:
        insert_rows(
            db, "INSERT OR REPLACE INTO article_tags (article_id, kind, tag, rank, evidence)",
            [(t.article_id, t.kind, t.tag, t.rank, _evidence_json(t.evidence)) for t in tags],
        )
    if relations:
        # Summed in the batch first: one upsert per (pair, day, domain) instead of one per article.
        days: dict[tuple[str, str, str, str], list[float]] = {}
        stories: set[tuple[str, str, str, str, int]] = set()
        for r in relations:
            key = (r.country_a, r.country_b, r.day, r.domain)
            sums = days.get(key)
            if sums is None:
                sums = days[key] = [0, 0.0, 0]
            sums[0] += 1
            if r.tone is not None:
                sums[1] += r.tone
                sums[2] += 1
            stories.add((*key, r.story_id))
        insert_rows(
            db, "INSERT INTO relation_days (country_a, country_b, day, domain, articles, tone_sum, toned)",
            [(*key, articles, tone_sum, toned) for key, (articles, tone_sum, toned) in days.items()],
            """ON CONFLICT (country_a, country_b, day, domain) DO UPDATE SET articles = articles + excluded.articles,
                   tone_sum = tone_sum + excluded.tone_sum, toned = toned + excluded.toned""",
        )
        insert_rows(db, "INSERT OR IGNORE INTO relation_stories (country_a, country_b, day, domain, story_id)",
                    sorted(stories))


# A story's profile is stored as its terms and its weights, each separated by spaces (terms are single words or
# "@" actor ids): every story a batch touches is rewritten, and this is a third of the cost of a JSON object.
def _weights_text(weights: Collection[float]) -> str:
    """The weights to two decimals, separated by spaces: one format call for all of them, which costs
    about 60% of formatting each on its own (every story a batch touches is written again)."""
    return ("%.2f " * len(weights) % tuple(weights))[:-1]


def _profile(story_id: int, terms: str, weights: str) -> dict[str, float]:
    """The profile `write_stories` wrote. One that does not read back (Sitrep never writes such a row) must not
    stop the bot from starting: it is logged, and its story goes on without a profile, as a new story would."""
    if not terms:
        return {}
    try:
        return dict(zip(map(sys.intern, terms.split(" ")), map(float, weights.split(" ")), strict=True))
    except ValueError as exc:
        log.warning("story %d: its stored profile does not read back (%s); it goes on without one", story_id, exc)
        return {}


# One encoder for every JSON column: json.dumps with options builds a new encoder on each call.
_json = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _open_story(row: tuple) -> OpenStory:  # type: ignore[type-arg]
    """A row of `_STORY_COLUMNS` as clustering goes on with it. A row written before its memory held the terms'
    version holds version-1 terms."""
    memory = json.loads(row[11])
    return OpenStory(
        id=row[0], label=row[1], label_article_id=row[2] or 0, label_score=row[3], first_seen=row[4],
        last_seen=row[5], article_count=row[6], actors=Counter(json.loads(row[7])),
        domains=Counter(json.loads(row[8])), profile=_profile(row[0], row[9], row[10]),
        templates={k: tuple(v) for k, v in memory.get("templates", {}).items()}, terms_version=memory.get("terms", 1),
    )


@functools.lru_cache(maxsize=16)
def _memory_without_templates(terms_version: int) -> str:
    """Most stories' memory (no recurring headline): the same text for every one."""
    return _json({"templates": {}, "terms": terms_version})


@functools.lru_cache(maxsize=4096)
def _evidence_json(evidence: tuple[str, ...]) -> str:
    """The same few words are the evidence of thousands of tags ("Russia", "Kremlin", "sanctions")."""
    return _json(list(evidence))
