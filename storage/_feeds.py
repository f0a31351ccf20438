"""Feed rows: adding, listing, scheduling and recording fetch outcomes."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import datetime

from bot.feeds.models import Feed, FeedFetchState
from storage._base import QueriesBase
from storage._convert import from_ts, require_ts, to_ts
from bot.intel.relations import ALL_DOMAINS
from storage.errors import FeedExists

_FEED_COLUMNS = """id, url, title, site_url, etag, last_modified, interval_s, next_due, consecutive_failures,
    last_error, disabled_reason, initialised, last_ok_at, created_at, disabled_at"""


# What a feed's original articles added to relation_days (see Pipeline._record_relations), to subtract it.
_UNCOUNT_RELATIONS = f"""
WITH pairs AS (
    SELECT a.id, date(a.published, 'unixepoch') AS day, a.tone, ta.tag AS ca, tb.tag AS cb
    FROM articles a
    JOIN article_tags ta ON ta.article_id = a.id AND ta.kind = 'country'
    JOIN article_tags tb ON tb.article_id = a.id AND tb.kind = 'country' AND ta.tag < tb.tag
    WHERE a.feed_id = :feed AND a.duplicate_of IS NULL
), counted AS (
    SELECT ca, cb, day, '{ALL_DOMAINS}' AS domain, count(*) AS n, coalesce(sum(tone), 0) AS t, count(tone) AS k
    FROM pairs GROUP BY ca, cb, day
    UNION ALL
    SELECT p.ca, p.cb, p.day, d.tag, count(*), coalesce(sum(p.tone), 0), count(p.tone)
    FROM pairs p JOIN article_tags d ON d.article_id = p.id AND d.kind = 'domain'
    GROUP BY p.ca, p.cb, p.day, d.tag
)
UPDATE relation_days SET articles = articles - c.n, tone_sum = tone_sum - c.t, toned = toned - c.k
FROM counted c
WHERE relation_days.country_a = c.ca AND relation_days.country_b = c.cb AND relation_days.day = c.day
  AND relation_days.domain = c.domain"""


def _feed(row: sqlite3.Row | tuple) -> Feed:  # type: ignore[type-arg]
    return Feed(
        id=row[0], url=row[1], title=row[2], site_url=row[3], etag=row[4], last_modified=row[5],
        interval_s=row[6], next_due=require_ts(row[7]), consecutive_failures=row[8], last_error=row[9],
        disabled_reason=row[10], initialised=bool(row[11]), last_ok_at=from_ts(row[12]),
        created_at=require_ts(row[13]), disabled_at=from_ts(row[14]),
    )


class FeedQueries(QueriesBase):
    async def add_feed(self, url: str, *, interval_s: int, next_due: datetime, now: datetime,
                       title: str | None = None) -> Feed:
        """Store a new feed; raise `FeedExists` when the URL is already there."""
        async with self._transaction() as db:
            async with db.execute("SELECT id FROM feeds WHERE url = :url", {"url": url}) as cursor:
                existing = await cursor.fetchone()
            if existing:
                raise FeedExists(existing[0], url)
            async with db.execute(
                f"""INSERT INTO feeds (url, title, interval_s, next_due, created_at)
                    VALUES (:url, :title, :interval_s, :next_due, :now) RETURNING {_FEED_COLUMNS}""",
                {"url": url, "title": title, "interval_s": interval_s, "next_due": to_ts(next_due),
                 "now": to_ts(now)},
            ) as cursor:
                row = await cursor.fetchone()
        assert row is not None
        return _feed(row)

    async def get_feed(self, feed_id: int) -> Feed | None:
        async with self._read() as db, db.execute(
            f"SELECT {_FEED_COLUMNS} FROM feeds WHERE id = :id", {"id": feed_id}
        ) as cursor:
            row = await cursor.fetchone()
        return _feed(row) if row else None

    async def get_feed_by_url(self, url: str) -> Feed | None:
        async with self._read() as db, db.execute(
            f"SELECT {_FEED_COLUMNS} FROM feeds WHERE url = :url", {"url": url}
        ) as cursor:
            row = await cursor.fetchone()
        return _feed(row) if row else None

    async def list_feeds(self) -> list[Feed]:
        async with self._read() as db, db.execute(f"SELECT {_FEED_COLUMNS} FROM feeds ORDER BY id") as cursor:
            return [_feed(row) async for row in cursor]

    async def due_feeds(self, now: datetime, limit: int | None = None) -> list[Feed]:
        """Enabled feeds whose time has come, the most overdue first."""
        async with self._read() as db, db.execute(
            f"""SELECT {_FEED_COLUMNS} FROM feeds
                WHERE disabled_reason IS NULL AND next_due <= :now ORDER BY next_due LIMIT :limit""",
            {"now": to_ts(now), "limit": -1 if limit is None else limit},
        ) as cursor:
            return [_feed(row) async for row in cursor]

    async def next_due_time(self) -> datetime | None:
        async with self._read() as db, db.execute(
            "SELECT min(next_due) FROM feeds WHERE disabled_reason IS NULL"
        ) as cursor:
            row = await cursor.fetchone()
        return from_ts(row[0]) if row else None

    async def remove_feed(self, feed_id: int) -> bool:
        """Delete a feed with its articles and seen-set, take its articles out of the relations counts, and
        delete the stories left with no article."""
        async with self._transaction() as db:
            await db.execute(_UNCOUNT_RELATIONS, {"feed": feed_id})
            await db.execute("DELETE FROM relation_days WHERE articles <= 0")
            cursor = await db.execute("DELETE FROM feeds WHERE id = :id", {"id": feed_id})
            if cursor.rowcount:
                await delete_empty_stories(db)
                await db.execute("DELETE FROM relation_stories WHERE story_id NOT IN (SELECT id FROM stories)")
            return cursor.rowcount > 0

    async def enable_feed(self, feed_id: int, next_due: datetime) -> bool:
        """Clear a disabled feed's reason and failure count so it is polled again."""
        async with self._transaction() as db:
            cursor = await db.execute(
                """UPDATE feeds SET disabled_reason = NULL, disabled_at = NULL, consecutive_failures = 0,
                       disabled_announced = 0, next_due = :next_due WHERE id = :id""",
                {"id": feed_id, "next_due": to_ts(next_due)},
            )
            return cursor.rowcount > 0

    async def disable_feed(self, feed_id: int, reason: str, now: datetime) -> bool:
        async with self._transaction() as db:
            cursor = await db.execute(
                "UPDATE feeds SET disabled_reason = :reason, disabled_at = :now WHERE id = :id",
                {"id": feed_id, "reason": reason, "now": to_ts(now)},
            )
            return cursor.rowcount > 0

    async def record_fetch_states(self, states: Iterable[FeedFetchState]) -> None:
        """Record outcomes that change no article (304s and failures) in one transaction."""
        states = list(states)
        if not states:
            return
        await self._write(lambda db: write_fetch_states(db, states))


def write_fetch_states(db: sqlite3.Connection, states: list[FeedFetchState]) -> None:
    """Apply fetch outcomes inside the caller's transaction."""
    ok = [s for s in states if s.ok]
    failed = [s for s in states if not s.ok]
    if ok:
        db.executemany(
            """UPDATE feeds SET
                   etag = coalesce(:etag, etag), last_modified = coalesce(:last_modified, last_modified),
                   title = coalesce(:title, title), site_url = coalesce(:site_url, site_url),
                   next_due = :next_due, consecutive_failures = 0, last_error = NULL,
                   last_fetched_at = :fetched_at, last_ok_at = :fetched_at,
                   initialised = max(initialised, :initialised)
               WHERE id = :feed_id""",
            [{"etag": s.etag, "last_modified": s.last_modified, "title": s.title, "site_url": s.site_url,
              "next_due": to_ts(s.next_due), "fetched_at": to_ts(s.fetched_at), "initialised": int(s.initialised),
              "feed_id": s.feed_id} for s in ok],
        )
    if failed:
        db.executemany(
            """UPDATE feeds SET
                   next_due = :next_due, consecutive_failures = :failures, last_error = :error,
                   last_error_at = :fetched_at, last_fetched_at = :fetched_at,
                   disabled_reason = coalesce(disabled_reason, :disabled_reason),
                   disabled_at = CASE WHEN :disabled_reason IS NOT NULL AND disabled_at IS NULL
                                      THEN :fetched_at ELSE disabled_at END
               WHERE id = :feed_id""",
            [{"next_due": to_ts(s.next_due), "failures": s.consecutive_failures, "error": s.error,
              "fetched_at": to_ts(s.fetched_at), "disabled_reason": s.disabled_reason, "feed_id": s.feed_id}
             for s in failed],
        )


async def delete_empty_stories(db) -> None:  # type: ignore[no-untyped-def]
    await db.execute(
        """DELETE FROM stories WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.story_id = stories.id)"""
    )
