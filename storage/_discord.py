"""Guild-scoped rows: guilds, subscriptions, watches, schedules, and the outbox with what it has posted.

Every read or change that a server's command can cause takes its guild_id and filters on it, so one server
never sees or changes another's rows.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import date, datetime, time

from bot.delivery.models import Delivery, OutboxMessage, Schedule, Subscription, Watch
from storage._base import QueriesBase
from storage._convert import chunks, require_ts, to_ts

_SUBSCRIPTION_COLUMNS = """s.id, s.guild_id, s.channel_id, s.feed_id, s.paused, s.broken_reason, s.created_at,
    f.url, f.title, f.last_error, f.consecutive_failures, f.disabled_reason"""
_WATCH_COLUMNS = "id, guild_id, channel_id, kind, value, min_publishers, within_minutes, broken_reason"
_SCHEDULE_COLUMNS = """id, guild_id, channel_id, local_time, timezone, weekdays, hours, country, domain,
    last_local_date, broken_reason"""
_ACTIVE_GUILD = "guild_id IN (SELECT guild_id FROM guilds WHERE left_at IS NULL)"


def _subscription(row: tuple) -> Subscription:  # type: ignore[type-arg]
    return Subscription(
        id=row[0], guild_id=row[1], channel_id=row[2], feed_id=row[3], paused=bool(row[4]), broken_reason=row[5],
        created_at=require_ts(row[6]), feed_url=row[7], feed_title=row[8], feed_error=row[9], feed_failures=row[10],
        feed_disabled_reason=row[11],
    )


def _watch(row: tuple) -> Watch:  # type: ignore[type-arg]
    return Watch(*row)


def _schedule(row: tuple) -> Schedule:  # type: ignore[type-arg]
    hour, minute = (int(part) for part in row[3].split(":"))
    return Schedule(
        id=row[0], guild_id=row[1], channel_id=row[2], local_time=time(hour, minute), timezone=row[4],
        weekdays=frozenset(int(d) for d in row[5]), hours=row[6], country=row[7], domain=row[8],
        last_local_date=date.fromisoformat(row[9]) if row[9] else None, broken_reason=row[10],
    )


class DiscordQueries(QueriesBase):
    # guilds -------------------------------------------------------------------------------------------------
    async def upsert_guild(self, guild_id: int, name: str | None, now: datetime) -> None:
        """A guild we are in: (re)joined now, so delivery resumes if it had been left."""
        async with self._transaction() as db:
            await db.execute(
                """INSERT INTO guilds (guild_id, name, joined_at) VALUES (:id, :name, :now)
                   ON CONFLICT (guild_id) DO UPDATE SET name = excluded.name,
                       joined_at = CASE WHEN left_at IS NULL THEN joined_at ELSE excluded.joined_at END,
                       left_at = NULL""",
                {"id": guild_id, "name": name, "now": to_ts(now)},
            )

    async def active_guild_ids(self) -> list[int]:
        async with self._read() as db, db.execute("SELECT guild_id FROM guilds WHERE left_at IS NULL") as cursor:
            return [row[0] async for row in cursor]

    async def mark_guild_left(self, guild_id: int, now: datetime) -> None:
        async with self._transaction() as db:
            await db.execute("UPDATE guilds SET left_at = :now WHERE guild_id = :id AND left_at IS NULL",
                             {"id": guild_id, "now": to_ts(now)})
            await db.execute("""UPDATE outbox SET status = 'dropped', error = 'the server was left'
                                WHERE guild_id = :id AND status = 'pending'""", {"id": guild_id})

    async def purge_guilds_left_before(self, cutoff: datetime) -> list[int]:
        """Delete every row of guilds left before `cutoff`; return their ids."""
        async with self._transaction() as db:
            async with db.execute("SELECT guild_id FROM guilds WHERE left_at < :cutoff",
                                  {"cutoff": to_ts(cutoff)}) as cursor:
                gone = [row[0] async for row in cursor]
            for guild_id in gone:
                for table in ("outbox", "channel_stories", "alerts"):
                    await db.execute(f"DELETE FROM {table} WHERE guild_id = :id", {"id": guild_id})
                await db.execute("DELETE FROM guilds WHERE guild_id = :id", {"id": guild_id})
            return gone

    # subscriptions ------------------------------------------------------------------------------------------
    async def add_subscription(self, guild_id: int, channel_id: int, feed_id: int, *, created_by: int | None,
                               now: datetime) -> tuple[Subscription, bool]:
        async with self._transaction() as db:
            cursor = await db.execute(
                """INSERT OR IGNORE INTO subscriptions (guild_id, channel_id, feed_id, created_by, created_at)
                   VALUES (:guild, :channel, :feed, :by, :now)""",
                {"guild": guild_id, "channel": channel_id, "feed": feed_id, "by": created_by, "now": to_ts(now)},
            )
            created = cursor.rowcount > 0
            async with db.execute(
                f"""SELECT {_SUBSCRIPTION_COLUMNS} FROM subscriptions s JOIN feeds f ON f.id = s.feed_id
                    WHERE s.guild_id = :guild AND s.channel_id = :channel AND s.feed_id = :feed""",
                {"guild": guild_id, "channel": channel_id, "feed": feed_id},
            ) as cursor:
                row = await cursor.fetchone()
        assert row is not None
        return _subscription(row), created

    async def list_subscriptions(self, guild_id: int) -> list[Subscription]:
        async with self._read() as db, db.execute(
            f"""SELECT {_SUBSCRIPTION_COLUMNS} FROM subscriptions s JOIN feeds f ON f.id = s.feed_id
                WHERE s.guild_id = :guild ORDER BY s.id""", {"guild": guild_id},
        ) as cursor:
            return [_subscription(row) async for row in cursor]

    async def guild_feed_ids(self, guild_id: int) -> tuple[int, ...]:
        """The feeds a server subscribes to (paused or broken ones too): what it reads."""
        async with self._read() as db, db.execute(
            "SELECT DISTINCT feed_id FROM subscriptions WHERE guild_id = :guild ORDER BY feed_id", {"guild": guild_id}
        ) as cursor:
            return tuple([row[0] async for row in cursor])

    async def get_subscription(self, guild_id: int, subscription_id: int) -> Subscription | None:
        async with self._read() as db, db.execute(
            f"""SELECT {_SUBSCRIPTION_COLUMNS} FROM subscriptions s JOIN feeds f ON f.id = s.feed_id
                WHERE s.guild_id = :guild AND s.id = :id""", {"guild": guild_id, "id": subscription_id},
        ) as cursor:
            row = await cursor.fetchone()
        return _subscription(row) if row else None

    async def subscription_count(self, feed_id: int) -> int:
        """How many subscriptions, on any server, read this feed."""
        async with self._read() as db, db.execute(
            "SELECT count(*) FROM subscriptions WHERE feed_id = :feed", {"feed": feed_id}
        ) as cursor:
            row = await cursor.fetchone()
        return int(row[0]) if row else 0

    async def remove_subscription(self, guild_id: int, subscription_id: int) -> bool:
        async with self._transaction() as db:
            cursor = await db.execute("DELETE FROM subscriptions WHERE guild_id = :guild AND id = :id",
                                      {"guild": guild_id, "id": subscription_id})
            if cursor.rowcount:
                await _drop_queued(db, guild_id, "subscription", subscription_id, "the feed was removed")
            return cursor.rowcount > 0

    async def set_subscription_paused(self, guild_id: int, subscription_id: int, paused: bool) -> bool:
        """Pause (what is queued for it is dropped too) or resume (which also clears a broken mark)."""
        async with self._transaction() as db:
            if paused:
                await _drop_queued(db, guild_id, "subscription", subscription_id, "the feed was paused")
            cursor = await db.execute(
                """UPDATE subscriptions SET paused = :paused,
                       broken_reason = CASE WHEN :paused = 0 THEN NULL ELSE broken_reason END
                   WHERE guild_id = :guild AND id = :id""",
                {"guild": guild_id, "id": subscription_id, "paused": int(paused)},
            )
            return cursor.rowcount > 0

    async def delivering_subscriptions(self, feed_ids: Sequence[int]) -> list[Subscription]:
        """Subscriptions that should receive posts: active guild, not paused, not broken."""
        found: list[Subscription] = []
        async with self._read() as db:
            for part in chunks(sorted(set(feed_ids))):
                marks = ",".join("?" * len(part))
                async with db.execute(
                    f"""SELECT {_SUBSCRIPTION_COLUMNS} FROM subscriptions s JOIN feeds f ON f.id = s.feed_id
                        WHERE s.feed_id IN ({marks}) AND s.paused = 0 AND s.broken_reason IS NULL
                          AND s.{_ACTIVE_GUILD}""", part,
                ) as cursor:
                    found.extend([_subscription(row) async for row in cursor])
        return found

    async def subscriptions_of_disabled_feeds(self) -> list[Subscription]:
        """Subscriptions whose feed was disabled and not yet announced."""
        async with self._read() as db, db.execute(
            f"""SELECT {_SUBSCRIPTION_COLUMNS} FROM subscriptions s JOIN feeds f ON f.id = s.feed_id
                WHERE f.disabled_reason IS NOT NULL AND f.disabled_announced = 0 AND s.{_ACTIVE_GUILD}"""
        ) as cursor:
            return [_subscription(row) async for row in cursor]

    async def mark_broken(self, kind: str, ref_id: int, reason: str) -> None:
        """A channel refused a message: stop sending to it for this subscription, watch or schedule."""
        table = {"subscription": "subscriptions", "watch": "watches", "schedule": "schedules"}[kind]
        async with self._transaction() as db:
            await db.execute(f"UPDATE {table} SET broken_reason = :reason WHERE id = :id",
                             {"reason": reason[:300], "id": ref_id})

    # watches ------------------------------------------------------------------------------------------------
    async def add_watch(self, watch: Watch, *, created_by: int | None, now: datetime) -> tuple[Watch, bool]:
        async with self._transaction() as db:
            cursor = await db.execute(
                """INSERT OR IGNORE INTO watches (guild_id, channel_id, kind, value, min_publishers, within_minutes,
                       created_by, created_at)
                   VALUES (:guild, :channel, :kind, :value, :min, :within, :by, :now)""",
                {"guild": watch.guild_id, "channel": watch.channel_id, "kind": watch.kind, "value": watch.value,
                 "min": watch.min_publishers, "within": watch.within_minutes, "by": created_by, "now": to_ts(now)},
            )
            created = cursor.rowcount > 0
            if not created and watch.kind == "breaking":
                await db.execute(
                    """UPDATE watches SET min_publishers = :min, within_minutes = :within, broken_reason = NULL
                       WHERE guild_id = :guild AND channel_id = :channel AND kind = 'breaking'""",
                    {"guild": watch.guild_id, "channel": watch.channel_id, "min": watch.min_publishers,
                     "within": watch.within_minutes},
                )
            async with db.execute(
                f"""SELECT {_WATCH_COLUMNS} FROM watches WHERE guild_id = :guild AND channel_id = :channel
                    AND kind = :kind AND value = :value""",
                {"guild": watch.guild_id, "channel": watch.channel_id, "kind": watch.kind, "value": watch.value},
            ) as cursor:
                row = await cursor.fetchone()
        assert row is not None
        return _watch(row), created

    async def list_watches(self, guild_id: int) -> list[Watch]:
        async with self._read() as db, db.execute(
            f"SELECT {_WATCH_COLUMNS} FROM watches WHERE guild_id = :guild ORDER BY id", {"guild": guild_id}
        ) as cursor:
            return [_watch(row) async for row in cursor]

    async def remove_watch(self, guild_id: int, watch_id: int) -> bool:
        async with self._transaction() as db:
            cursor = await db.execute("DELETE FROM watches WHERE guild_id = :guild AND id = :id",
                                      {"guild": guild_id, "id": watch_id})
            if cursor.rowcount:
                await db.execute("DELETE FROM alerts WHERE guild_id = :guild AND watch_id = :id",
                                 {"guild": guild_id, "id": watch_id})
                await _drop_queued(db, guild_id, "watch", watch_id, "the watch was removed")
            return cursor.rowcount > 0

    async def active_watches(self) -> list[Watch]:
        async with self._read() as db, db.execute(
            f"SELECT {_WATCH_COLUMNS} FROM watches WHERE broken_reason IS NULL AND {_ACTIVE_GUILD}"
        ) as cursor:
            return [_watch(row) async for row in cursor]

    async def alerted(self, pairs: Sequence[tuple[int, int]]) -> set[tuple[int, int]]:
        """Which (watch, story) pairs have had their alert."""
        found: set[tuple[int, int]] = set()
        async with self._read() as db:
            for part in chunks(list(pairs), 400):
                clause = " OR ".join("(watch_id = ? AND story_id = ?)" for _ in part)
                async with db.execute(f"SELECT watch_id, story_id FROM alerts WHERE {clause}",
                                      [value for pair in part for value in pair]) as cursor:
                    found.update([(w, s) async for w, s in cursor])
        return found

    async def last_breaking_alert(self, channel_id: int) -> datetime | None:
        async with self._read() as db, db.execute(
            """SELECT max(a.created_at) FROM alerts a JOIN watches w ON w.id = a.watch_id
               WHERE a.channel_id = :channel AND w.kind = 'breaking'""", {"channel": channel_id},
        ) as cursor:
            row = await cursor.fetchone()
        return require_ts(row[0]) if row and row[0] is not None else None

    # schedules ----------------------------------------------------------------------------------------------
    async def add_schedule(self, schedule: Schedule, *, created_by: int | None, now: datetime) -> Schedule:
        async with self._transaction() as db, db.execute(
            f"""INSERT INTO schedules (guild_id, channel_id, local_time, timezone, weekdays, hours, country, domain,
                    last_local_date, created_by, created_at)
                VALUES (:guild, :channel, :time, :tz, :weekdays, :hours, :country, :domain, :last, :by, :now)
                RETURNING {_SCHEDULE_COLUMNS}""",
            {"guild": schedule.guild_id, "channel": schedule.channel_id,
             "time": schedule.local_time.strftime("%H:%M"), "tz": schedule.timezone,
             "weekdays": "".join(str(d) for d in sorted(schedule.weekdays)), "hours": schedule.hours,
             "country": schedule.country, "domain": schedule.domain,
             "last": schedule.last_local_date.isoformat() if schedule.last_local_date else None,
             "by": created_by, "now": to_ts(now)},
        ) as cursor:
            row = await cursor.fetchone()
        assert row is not None
        return _schedule(row)

    async def list_schedules(self, guild_id: int) -> list[Schedule]:
        async with self._read() as db, db.execute(
            f"SELECT {_SCHEDULE_COLUMNS} FROM schedules WHERE guild_id = :guild ORDER BY id", {"guild": guild_id}
        ) as cursor:
            return [_schedule(row) async for row in cursor]

    async def remove_schedule(self, guild_id: int, schedule_id: int) -> bool:
        async with self._transaction() as db:
            cursor = await db.execute("DELETE FROM schedules WHERE guild_id = :guild AND id = :id",
                                      {"guild": guild_id, "id": schedule_id})
            if cursor.rowcount:
                await _drop_queued(db, guild_id, "schedule", schedule_id, "the briefing was cancelled")
            return cursor.rowcount > 0

    async def active_schedules(self) -> list[Schedule]:
        async with self._read() as db, db.execute(
            f"SELECT {_SCHEDULE_COLUMNS} FROM schedules WHERE broken_reason IS NULL AND {_ACTIVE_GUILD}"
        ) as cursor:
            return [_schedule(row) async for row in cursor]

    # posts and the outbox -----------------------------------------------------------------------------------
    async def posted_stories(self, channel_ids: Sequence[int], story_ids: Sequence[int]) -> set[tuple[int, int]]:
        """(channel, story) pairs already posted (or decided)."""
        found: set[tuple[int, int]] = set()
        if not channel_ids or not story_ids:
            return found
        async with self._read() as db:
            for part in chunks(sorted(set(story_ids)), 400):
                for channels in chunks(sorted(set(channel_ids)), 400):
                    async with db.execute(
                        f"""SELECT channel_id, story_id FROM channel_stories
                            WHERE story_id IN ({','.join('?' * len(part))})
                              AND channel_id IN ({','.join('?' * len(channels))})""", [*part, *channels],
                    ) as cursor:
                        found.update([(c, s) async for c, s in cursor])
        return found

    async def record_delivery(self, delivery: Delivery) -> None:
        """Write delivery decisions made outside an ingest batch (briefings, notices) in one transaction."""
        await self._write(lambda db: write_delivery(db, delivery))

    async def pending_outbox(self, now: datetime, limit: int = 100) -> list[OutboxMessage]:
        async with self._read() as db, db.execute(
            """SELECT id, idempotency_key, guild_id, channel_id, kind, ref_id, payload, attempts FROM outbox
               WHERE status = 'pending' AND next_attempt <= :now ORDER BY id LIMIT :limit""",
            {"now": to_ts(now), "limit": limit},
        ) as cursor:
            return [OutboxMessage(row[0], row[1], row[2], row[3], row[4], row[5], json.loads(row[6]), row[7])
                    async for row in cursor]

    async def next_outbox_attempt(self) -> datetime | None:
        async with self._read() as db, db.execute(
            "SELECT min(next_attempt) FROM outbox WHERE status = 'pending'"
        ) as cursor:
            row = await cursor.fetchone()
        return require_ts(row[0]) if row and row[0] is not None else None

    async def mark_outbox_sent(self, outbox_id: int, message_id: int, now: datetime) -> None:
        async with self._transaction() as db:
            await db.execute(
                """UPDATE outbox SET status = 'sent', sent_at = :now, message_id = :message, error = NULL,
                       attempts = attempts + 1 WHERE id = :id""",
                {"id": outbox_id, "now": to_ts(now), "message": message_id},
            )

    async def retry_outbox(self, outbox_id: int, error: str, next_attempt: datetime) -> None:
        async with self._transaction() as db:
            await db.execute(
                """UPDATE outbox SET attempts = attempts + 1, error = :error, next_attempt = :next WHERE id = :id""",
                {"id": outbox_id, "error": error[:300], "next": to_ts(next_attempt)},
            )

    async def drop_outbox(self, outbox_id: int, error: str) -> None:
        async with self._transaction() as db:
            await db.execute(
                "UPDATE outbox SET status = 'dropped', error = :error, attempts = attempts + 1 WHERE id = :id",
                {"id": outbox_id, "error": error[:300]},
            )

    async def drop_pending_for(self, kind: str, ref_id: int, error: str) -> int:
        """After a channel refused one message, drop the rest queued for the same subscription/watch/schedule."""
        async with self._transaction() as db:
            return await _drop_queued(db, None, kind, ref_id, error)

    async def outbox_counts(self) -> dict[str, int]:
        async with self._read() as db, db.execute("SELECT status, count(*) FROM outbox GROUP BY status") as cursor:
            return {status: count async for status, count in cursor}


# Which outbox kinds each owner sends, so a broken owner's queue can be dropped at once.
_KINDS_OF = {"subscription": ["post", "overflow", "notice"], "watch": ["watch", "breaking"], "schedule": ["brief"]}


async def _drop_queued(db, guild_id: int | None, kind: str, ref_id: int,  # type: ignore[no-untyped-def]
                       error: str) -> int:
    """Drop what is still queued for one subscription, watch or schedule (of one server, when given)."""
    cursor = await db.execute(
        """UPDATE outbox SET status = 'dropped', error = :error
           WHERE status = 'pending' AND ref_id = :ref AND kind IN (SELECT value FROM json_each(:kinds))
             AND (:guild IS NULL OR guild_id = :guild)""",
        {"error": error[:300], "ref": ref_id, "kinds": json.dumps(_KINDS_OF[kind]), "guild": guild_id},
    )
    return cursor.rowcount


def write_delivery(db: sqlite3.Connection, delivery: Delivery) -> None:
    """Delivery rows inside the caller's transaction; a key already in the outbox is never queued twice."""
    now = delivery.decided_at
    if delivery.outbox:
        db.executemany(
            """INSERT OR IGNORE INTO outbox (idempotency_key, guild_id, channel_id, kind, ref_id, payload,
                   next_attempt, created_at)
               VALUES (:key, :guild, :channel, :kind, :ref, :payload, :now, :now)""",
            [{"key": row.key, "guild": row.guild_id, "channel": row.channel_id, "kind": row.kind, "ref": row.ref_id,
              "payload": json.dumps(row.payload, ensure_ascii=False, separators=(",", ":")), "now": to_ts(now)}
             for row in delivery.outbox],
        )
    if delivery.channel_stories:
        db.executemany(
            """INSERT OR IGNORE INTO channel_stories (guild_id, channel_id, story_id, posted_at)
               VALUES (?, ?, ?, ?)""", [(*row, to_ts(now)) for row in delivery.channel_stories],
        )
    if delivery.alerts:
        db.executemany(
            """INSERT OR IGNORE INTO alerts (watch_id, story_id, guild_id, channel_id, created_at)
               VALUES (?, ?, ?, ?, ?)""", [(*row, to_ts(now)) for row in delivery.alerts],
        )
    if delivery.schedule_dates:
        db.executemany("UPDATE schedules SET last_local_date = ? WHERE id = ?",
                       [(day, schedule_id) for schedule_id, day in delivery.schedule_dates])
    if delivery.announced_feeds:
        db.executemany("UPDATE feeds SET disabled_announced = 1 WHERE id = ?",
                       [(feed_id,) for feed_id in delivery.announced_feeds])
