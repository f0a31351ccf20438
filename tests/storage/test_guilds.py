"""A server the bot leaves stops receiving at once and is purged after the retention period; a server that
comes back before then keeps its settings."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from bot.delivery.models import Delivery, OutboxRow, Schedule, Watch
from storage import SqliteStorage

NOW = datetime(2026, 11, 1, tzinfo=UTC)


async def _server(storage: SqliteStorage, guild_id: int) -> int:
    await storage.upsert_guild(guild_id, f"guild {guild_id}", NOW)
    feed = await storage.add_feed(f"https://{guild_id}.example/rss", interval_s=900, next_due=NOW, now=NOW)
    await storage.add_subscription(guild_id, guild_id * 10, feed.id, created_by=1, now=NOW)
    await storage.add_watch(Watch(0, guild_id, guild_id * 10, "actor", "IR"), created_by=1, now=NOW)
    await storage.add_schedule(Schedule(0, guild_id, guild_id * 10, time(7), "UTC", frozenset(range(7))),
                               created_by=1, now=NOW)
    await storage.record_delivery(Delivery(NOW, outbox=(OutboxRow(f"post:{guild_id}", guild_id, guild_id * 10,
                                                                   "post", {"content": "x", "embeds": []}),)))
    return feed.id


async def test_leaving_stops_delivery_at_once_and_purges_after_retention(storage: SqliteStorage) -> None:
    feed_alpha = await _server(storage, 1)
    await _server(storage, 2)
    await storage.mark_guild_left(1, NOW + timedelta(hours=1))
    assert [s.guild_id for s in await storage.delivering_subscriptions([feed_alpha])] == []
    assert {w.guild_id for w in await storage.active_watches()} == {2}
    assert {s.guild_id for s in await storage.active_schedules()} == {2}
    assert [m.guild_id for m in await storage.pending_outbox(NOW + timedelta(hours=2))] == [2]
    assert await storage.purge_guilds_left_before(NOW) == []
    assert await storage.purge_guilds_left_before(NOW + timedelta(days=30)) == [1]
    assert await storage.list_subscriptions(1) == [] and await storage.list_watches(1) == []
    assert await storage.list_schedules(1) == []
    assert len(await storage.list_subscriptions(2)) == 1


async def test_coming_back_before_the_purge_keeps_the_settings(storage: SqliteStorage) -> None:
    feed = await _server(storage, 3)
    await storage.mark_guild_left(3, NOW + timedelta(hours=1))
    await storage.upsert_guild(3, "back again", NOW + timedelta(days=2))
    assert [s.guild_id for s in await storage.delivering_subscriptions([feed])] == [3]
    assert await storage.purge_guilds_left_before(NOW + timedelta(days=60)) == []



async def test_ids_are_never_reused_and_a_removed_watch_forgets_its_alerts(storage: SqliteStorage) -> None:
    await storage.upsert_guild(5, "five", NOW)
    first, _ = await storage.add_watch(Watch(0, 5, 50, "actor", "IR"), created_by=1, now=NOW)
    await storage.record_delivery(Delivery(NOW, alerts=((first.id, 42, 5, 50),), outbox=(
        OutboxRow(f"watch:{first.id}:42", 5, 50, "watch", {"content": "x", "embeds": []}, ref_id=first.id),)))
    assert await storage.remove_watch(5, first.id)
    assert await storage.alerted([(first.id, 42)]) == set()
    assert await storage.pending_outbox(NOW + timedelta(minutes=1)) == []
    second, _ = await storage.add_watch(Watch(0, 5, 50, "actor", "IR"), created_by=1, now=NOW)
    assert second.id > first.id
