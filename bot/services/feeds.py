"""A server's feed subscriptions: add (with one real fetch), list, pause, resume, remove, preview, OPML."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from bot.delivery.messages import MessagePayload, story_post
from bot.delivery.models import Subscription
from bot.feeds.ingest import IngestService
from bot.feeds.opml import OpmlError, OpmlFeed, parse_opml, render_opml
from bot.feeds.registry import InvalidFeedURL, add_or_get_feed, validate_feed_url
from bot.feeds.ssrf import AddressPolicy
from bot.services.errors import UserFacingError
from storage.base import Storage

MAX_SUBSCRIPTIONS_PER_GUILD = 200


@dataclass(frozen=True, slots=True)
class SubscribeResult:
    subscription: Subscription
    created: bool
    title: str
    items: int


@dataclass(frozen=True, slots=True)
class ImportResult:
    added: int
    existing: int
    failed: list[tuple[str, str]]


class FeedService:
    def __init__(self, storage: Storage, ingest: IngestService, policy: AddressPolicy, *, interval_s: int,
                 clock: Callable[[], datetime]) -> None:
        self._storage = storage
        self._ingest = ingest
        self._policy = policy
        self._interval_s = interval_s
        self._clock = clock

    async def subscribe(self, guild_id: int, channel_id: int, url: str, *, user_id: int | None) -> SubscribeResult:
        """Check the URL, fetch the feed once (its backlog is stored, never posted), then subscribe."""
        try:
            url = validate_feed_url(url, self._policy)
        except InvalidFeedURL as exc:
            raise UserFacingError(f"That URL can't be used: {exc}.") from None
        if len(await self._storage.list_subscriptions(guild_id)) >= MAX_SUBSCRIPTIONS_PER_GUILD:
            raise UserFacingError(f"This server already has {MAX_SUBSCRIPTIONS_PER_GUILD} feeds; remove one first.")
        now = self._clock()
        feed, created_feed = await add_or_get_feed(self._storage, url, interval_s=self._interval_s, now=now)
        items = 0
        if created_feed or not feed.initialised:
            report = await self._ingest.run_cycle([feed])
            outcome = report.feeds[0] if report.feeds else None
            if outcome is None or outcome.status not in {"ok", "not_modified"}:
                reason = outcome.error if outcome else "no answer"
                if created_feed:
                    await self._storage.remove_feed(feed.id)
                raise UserFacingError(f"I couldn't read that feed: {reason}.")
            items = len(outcome.items)
            feed = await self._storage.get_feed(feed.id) or feed
        subscription, created = await self._storage.add_subscription(guild_id, channel_id, feed.id,
                                                                      created_by=user_id, now=now)
        return SubscribeResult(subscription, created, feed.title or feed.url, items)

    async def feed_ids(self, guild_id: int) -> tuple[int, ...]:
        """The feeds a server reads: what its searches and briefings are drawn from."""
        return tuple(sorted({s.feed_id for s in await self._storage.list_subscriptions(guild_id)}))

    async def list(self, guild_id: int) -> list[Subscription]:
        return await self._storage.list_subscriptions(guild_id)

    async def get(self, guild_id: int, subscription_id: int) -> Subscription:
        subscription = await self._storage.get_subscription(guild_id, subscription_id)
        if subscription is None:
            raise UserFacingError(f"There is no feed #{subscription_id} on this server (see /feed list).")
        return subscription

    async def remove(self, guild_id: int, subscription_id: int) -> Subscription:
        subscription = await self.get(guild_id, subscription_id)
        await self._storage.remove_subscription(guild_id, subscription_id)
        return subscription

    async def set_paused(self, guild_id: int, subscription_id: int, paused: bool) -> Subscription:
        await self.get(guild_id, subscription_id)
        await self._storage.set_subscription_paused(guild_id, subscription_id, paused)
        return await self.get(guild_id, subscription_id)

    async def preview(self, guild_id: int, subscription_id: int) -> MessagePayload:
        """How the feed's next post will look, using its newest article."""
        subscription = await self.get(guild_id, subscription_id)
        articles = await self._storage.feed_articles(subscription.feed_id, limit=1)
        if not articles:
            raise UserFacingError("That feed has no articles yet to preview.")
        article = articles[0]
        story = await self._storage.get_story(article.story_id) if article.story_id else None
        return story_post(article, story)

    async def import_opml(self, guild_id: int, channel_id: int, data: bytes, *,
                          user_id: int | None) -> ImportResult:
        try:
            entries = parse_opml(data)
        except OpmlError as exc:
            raise UserFacingError(f"That file can't be imported: {exc}.") from None
        if not entries:
            raise UserFacingError("That OPML file lists no http(s) feeds.")
        added = existing = 0
        failed: list[tuple[str, str]] = []
        for entry in entries:
            try:
                result = await self.subscribe(guild_id, channel_id, entry.url, user_id=user_id)
            except UserFacingError as exc:
                failed.append((entry.url, str(exc)))
                continue
            added += result.created
            existing += not result.created
        return ImportResult(added, existing, failed)

    async def export_opml(self, guild_id: int) -> str:
        subscriptions = await self._storage.list_subscriptions(guild_id)
        unique = {s.feed_url: OpmlFeed(s.feed_url, s.feed_title) for s in subscriptions}
        return render_opml(list(unique.values()), title="Sitrep feeds")
