"""Article rows: identity look-ups for the pipeline, the batch write, search, export, stats and pruning."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import AsyncIterator, Mapping, Sequence
from datetime import datetime

from bot.feeds.models import Article, IngestBatch, KnownItem, QueuedArticle, StoreStats
from storage._base import QueriesBase
from storage._convert import chunks, from_ts, insert_rows, require_ts, to_ts
from storage._feeds import delete_empty_stories, write_fetch_states
from storage._discord import write_delivery
from storage._stories import write_stories, write_tags_and_relations

_ARTICLE_COLUMNS = """a.id, a.feed_id, f.title, a.guid, a.link, a.title, a.summary, a.published, a.first_seen,
    a.updated, a.duplicate_of, a.backlog, a.story_id, a.publisher"""
_FTS_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_PAIRS_PER_QUERY = 400  # (feed, identity) pairs: 800 parameters, well under SQLite's limit


def _article(row: tuple) -> Article:  # type: ignore[type-arg]
    return Article(
        id=row[0], feed_id=row[1], feed_title=row[2], guid=row[3], link=row[4], title=row[5], summary=row[6],
        published=require_ts(row[7]), first_seen=require_ts(row[8]), updated=from_ts(row[9]),
        duplicate_of=row[10], backlog=bool(row[11]), story_id=row[12], publisher=row[13],
    )


def fts_query(text: str) -> str | None:
    """User words as an FTS5 query of quoted terms (all must match), so no input is read as FTS syntax."""
    words = _FTS_TOKEN.findall(text)
    if not words:
        return None
    return " ".join(f'"{word}"' for word in words[:16])


class ArticleQueries(QueriesBase):
    async def reserve_ids(self, sequence: str, count: int) -> range:
        """Reserve `count` ids; a failed batch leaves a gap, never a clash."""
        if count <= 0:
            return range(0)
        async with self._transaction() as db, db.execute(
            "UPDATE id_sequences SET next_id = next_id + :count WHERE name = :name RETURNING next_id",
            {"count": count, "name": sequence},
        ) as cursor:
            row = await cursor.fetchone()
        if row is None:
            raise KeyError(f"no id sequence named {sequence!r}")
        end = int(row[0])
        return range(end - count, end)

    async def known_items(self, identities: Mapping[int, Sequence[str]]) -> dict[tuple[int, str], KnownItem]:
        """What is already known of these identities (by feed id): live articles, then the pruned seen-set.

        One query for all the feeds of a batch (a group commit of 16 feeds), on the look-up connection."""
        known: dict[tuple[int, str], KnownItem] = {}
        pairs = [value for feed_id, feed_identities in identities.items()
                 for identity in dict.fromkeys(feed_identities) for value in (feed_id, identity)]
        db = self._lookup()
        # Bound parameters rather than one JSON text: SQLite's JSON functions cut a string at "\u0000".
        for part in chunks(pairs, 2 * _PAIRS_PER_QUERY):
            rows = db.execute(
                f"""WITH wanted (feed_id, identity) AS (VALUES {",".join(["(?, ?)"] * (len(part) // 2))})
                    SELECT w.feed_id, w.identity, a.id, coalesce(a.duplicate_of, a.id), a.content_hash,
                           a.story_id
                    FROM wanted w
                    LEFT JOIN articles a ON a.feed_id = w.feed_id AND a.identity = w.identity
                    LEFT JOIN seen_items s ON a.id IS NULL AND s.feed_id = w.feed_id AND s.identity = w.identity
                    WHERE a.id IS NOT NULL OR s.identity IS NOT NULL""", part,
            ).fetchall()
            for feed_id, identity, article_id, root_id, content_hash, story_id in rows:
                known[(feed_id, identity)] = (KnownItem(article_id, root_id, content_hash, story_id)
                                              if article_id is not None else KnownItem(None, None, None))
        return known

    async def roots_by_canonical_link(self, links: Sequence[str]) -> dict[str, tuple[int, int | None]]:
        """For each canonical link already stored: the first copy (the root of its duplicates) and its story."""
        roots: dict[str, tuple[int, int | None]] = {}
        db = self._lookup()
        for part in chunks(sorted(set(links))):
            marks = ",".join("?" * len(part))
            # SQLite takes the bare columns of a min() query from the row holding the minimum.
            for link, root, story_id in db.execute(
                f"""SELECT a.canonical_link, min(r.id), r.story_id FROM articles a
                    JOIN articles r ON r.id = coalesce(a.duplicate_of, a.id)
                    WHERE a.canonical_link IN ({marks}) GROUP BY a.canonical_link""", part,
            ).fetchall():
                roots[link] = (root, story_id)
        return roots

    async def store_batch(self, batch: IngestBatch) -> None:
        """Write new articles, updates and feed states in one transaction. A caller cancelled meanwhile gets
        CancelledError, though the transaction may still commit (the pipeline then reloads from what is stored)."""
        await self._write(lambda db: write_batch(db, batch))

    async def recent_signatures(self, since: datetime) -> AsyncIterator[tuple[int, float, bytes, int | None]]:
        """(id, published, signature, story id) of original articles published since `since`, oldest first."""
        async with self._read() as db, db.execute(
            """SELECT id, published, signature, story_id FROM articles
               WHERE published >= :since AND duplicate_of IS NULL AND signature IS NOT NULL ORDER BY published""",
            {"since": to_ts(since)},
        ) as cursor:
            rows = await cursor.fetchall()
        for row in rows:
            yield int(row[0]), float(row[1]), bytes(row[2]), row[3]

    async def analysis_queue(self, limit: int, *, after: tuple[float, int, int] | None = None) -> list[QueuedArticle]:
        """The next `limit` articles waiting for analysis, in queue order (by published time, each copy right
        after the article it copies), from the start or after the `queue_key` `after`."""
        order, root, article_id = after if after is not None else (float("-inf"), 0, 0)
        async with self._read() as db, db.execute(
            """SELECT a.id, a.title, a.summary, a.published, a.publisher, a.duplicate_of, a.analysis_order,
                      (SELECT r.story_id FROM articles r WHERE r.id = a.duplicate_of)
               FROM articles a
               WHERE a.analysis_order IS NOT NULL
                 AND (a.analysis_order, coalesce(a.duplicate_of, a.id), a.id) > (?, ?, ?)
               ORDER BY a.analysis_order, coalesce(a.duplicate_of, a.id), a.id LIMIT ?""",
            (order, root, article_id, limit),
        ) as cursor:
            return [QueuedArticle(row[0], row[1], row[2], require_ts(row[3]), row[4], row[5], row[6], row[7])
                    async for row in cursor]

    async def queued_originals(self) -> dict[int, float]:
        """Queue order of every waiting article that is not a copy: what a copy stored meanwhile needs to know."""
        async with self._read() as db, db.execute(
            "SELECT id, analysis_order FROM articles WHERE analysis_order IS NOT NULL AND duplicate_of IS NULL",
        ) as cursor:
            return {int(row[0]): float(row[1]) async for row in cursor}

    async def get_articles(self, article_ids: Sequence[int]) -> dict[int, Article]:
        found: dict[int, Article] = {}
        async with self._read() as db:
            for part in chunks(list(article_ids)):
                marks = ",".join("?" * len(part))
                async with db.execute(
                    f"""SELECT {_ARTICLE_COLUMNS} FROM articles a JOIN feeds f ON f.id = a.feed_id
                        WHERE a.id IN ({marks})""", part,
                ) as cursor:
                    async for row in cursor:
                        found[row[0]] = _article(row)
        return found

    async def newest_articles(self, limit: int = 10, *, include_duplicates: bool = False) -> list[Article]:
        async with self._read() as db, db.execute(
            f"""SELECT {_ARTICLE_COLUMNS} FROM articles a JOIN feeds f ON f.id = a.feed_id
                WHERE :all OR a.duplicate_of IS NULL ORDER BY a.published DESC, a.id DESC LIMIT :limit""",
            {"all": int(include_duplicates), "limit": limit},
        ) as cursor:
            return [_article(row) async for row in cursor]

    async def feed_articles(self, feed_id: int, *, limit: int = 10) -> list[Article]:
        """A feed's newest articles."""
        async with self._read() as db, db.execute(
            f"""SELECT {_ARTICLE_COLUMNS} FROM articles a JOIN feeds f ON f.id = a.feed_id
                WHERE a.feed_id = :feed ORDER BY a.published DESC, a.id DESC LIMIT :limit""",
            {"feed": feed_id, "limit": limit},
        ) as cursor:
            return [_article(row) async for row in cursor]

    async def search_articles(self, query: str, *, limit: int = 10, since: datetime | None = None,
                              offset: int = 0, country: str | None = None,
                              feed_ids: Sequence[int] | None = None) -> list[Article]:
        """Full-text search over titles and summaries, best match first, one row per original article;
        optionally only articles naming `country`, or from `feed_ids` (a server's own feeds)."""
        match = fts_query(query)
        if match is None or (feed_ids is not None and not feed_ids):
            return []
        clauses = ["articles_fts MATCH :match", "a.duplicate_of IS NULL", "a.published >= :since"]
        params: dict[str, object] = {"match": match, "since": to_ts(since) if since else float("-inf"),
                                     "limit": limit, "offset": offset}
        if country:
            clauses.append("a.id IN (SELECT article_id FROM article_tags WHERE kind = 'country' AND tag = :country)")
            params["country"] = country
        if feed_ids is not None:
            clauses.append(f"a.feed_id IN ({','.join(str(int(f)) for f in feed_ids)})")
        async with self._read() as db, db.execute(
            f"""SELECT {_ARTICLE_COLUMNS} FROM articles_fts
                JOIN articles a ON a.id = articles_fts.rowid JOIN feeds f ON f.id = a.feed_id
                WHERE {' AND '.join(clauses)}
                ORDER BY bm25(articles_fts, 3.0, 1.0), a.published DESC LIMIT :limit OFFSET :offset""", params,
        ) as cursor:
            return [_article(row) async for row in cursor]

    async def iter_articles(self, *, batch_size: int = 1000) -> AsyncIterator[Article]:
        """Every stored article in id order, read in batches so an export never holds them all."""
        last_id = 0
        while True:
            async with self._read() as db, db.execute(
                f"""SELECT {_ARTICLE_COLUMNS} FROM articles a JOIN feeds f ON f.id = a.feed_id
                    WHERE a.id > :after ORDER BY a.id LIMIT :limit""", {"after": last_id, "limit": batch_size},
            ) as cursor:
                rows = await cursor.fetchall()
            if not rows:
                return
            for row in rows:
                yield _article(row)
            last_id = rows[-1][0]

    async def stats(self) -> StoreStats:
        async with self._read() as db:
            async with db.execute(
                """SELECT count(*), count(*) FILTER (WHERE consecutive_failures > 0 AND disabled_reason IS NULL),
                          count(*) FILTER (WHERE disabled_reason IS NOT NULL), max(last_fetched_at) FROM feeds"""
            ) as cursor:
                feeds, failing, disabled, last_fetch = await cursor.fetchone()  # type: ignore[misc]
            async with db.execute(
                "SELECT count(*), count(duplicate_of) FROM articles"
            ) as cursor:
                articles, duplicates = await cursor.fetchone()  # type: ignore[misc]
        return StoreStats(feeds, failing, disabled, articles, duplicates, from_ts(last_fetch))

    async def prune(self, *, articles_before: datetime, seen_before: datetime) -> tuple[int, int]:
        """Delete articles first seen before `articles_before`, keeping their identities in the seen-set, and
        forget seen identities older than `seen_before`. Returns (articles pruned, identities forgotten)."""
        params = {"articles_before": to_ts(articles_before), "seen_before": to_ts(seen_before)}
        async with self._transaction() as db:
            await db.execute(
                """INSERT OR IGNORE INTO seen_items (feed_id, identity, first_seen)
                   SELECT feed_id, identity, first_seen FROM articles WHERE first_seen < :articles_before""", params,
            )
            pruned = await db.execute("DELETE FROM articles WHERE first_seen < :articles_before", params)
            forgotten = await db.execute("DELETE FROM seen_items WHERE first_seen < :seen_before", params)
            if pruned.rowcount:
                await delete_empty_stories(db)
            return pruned.rowcount, forgotten.rowcount


def write_batch(db: sqlite3.Connection, batch: IngestBatch) -> None:
    """The rows of one batch, inside the caller's transaction (stories first: articles point at them)."""
    write_stories(db, batch.stories, batch.story_publishers)
    if batch.articles:
        insert_rows(
            db,
            """INSERT INTO articles (id, feed_id, identity, guid, link, canonical_link, title, summary, published,
                   first_seen, duplicate_of, backlog, content_hash, signature, story_id, publisher, tone,
                   analysis_order)""",
            [(a.id, a.feed_id, a.identity, a.guid, a.link, a.canonical_link, a.title, a.summary,
              a.published.timestamp(), a.first_seen.timestamp(), a.duplicate_of, int(a.backlog), a.content_hash,
              a.signature, a.story_id, a.publisher, a.tone, a.analysis_order)
             for a in batch.articles],
        )
    if batch.analysed:
        db.executemany("UPDATE articles SET story_id = ?, tone = ?, analysis_order = NULL WHERE id = ?",
                       [(a.story_id, a.tone, a.id) for a in batch.analysed])
    write_tags_and_relations(db, batch.tags, batch.relations)
    if batch.delivery:
        write_delivery(db, batch.delivery)
    if batch.updates:
        db.executemany(
            """UPDATE articles SET title = :title, summary = :summary, content_hash = :content_hash,
                   updated = :updated, signature = coalesce(:signature, signature) WHERE id = :id""",
            [{"id": u.id, "title": u.title, "summary": u.summary, "content_hash": u.content_hash,
              "updated": to_ts(u.updated), "signature": u.signature} for u in batch.updates],
        )
    if batch.feed_states:
        write_fetch_states(db, list(batch.feed_states))
