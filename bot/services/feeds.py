"""A server's feed subscriptions: add (with one real fetch), list, pause, resume, remove, preview, OPML."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from bot.delivery.messages import MessagePayload, story_post
from bot.delivery.models import Subscription
from bot.feeds.fetcher import Fetcher, FetchError
from bot.feeds.ingest import IngestService
from bot.feeds.opml import OpmlError, OpmlFeed, parse_opml, render_opml
from bot.feeds.parser import FeedParseError, parse_feed
from bot.feeds.registry import InvalidFeedURL, add_or_get_feed, validate_feed_url
from bot.feeds.ssrf import AddressPolicy
from bot.intel.actors import Gazetteer
from bot.services.errors import UserFacingError
from storage.base import Storage

MAX_SUBSCRIPTIONS_PER_GUILD = 200
IMPORT_BUDGET_S = 600.0
NO_READERS = "no server subscribes to it any more"
MAX_OPML_FEEDS = MAX_SUBSCRIPTIONS_PER_GUILD


@dataclass(frozen=True, slots=True)
class SubscribeResult:
    subscription: Subscription
    created: bool
    title: str
    items: int | None  # None: the feed had not changed since Sitrep last read it (304)


@dataclass(frozen=True, slots=True)
class ImportResult:
    added: int
    existing: int
    failed: list[tuple[str, str]]


class FeedService:
    def __init__(self, storage: Storage, ingest: IngestService, policy: AddressPolicy, *, interval_s: int,
                 clock: Callable[[], datetime], fetcher: Fetcher | None = None,
                 gazetteer: Gazetteer | None = None) -> None:
        self._storage = storage
        self._ingest = ingest
        self._policy = policy
        self._interval_s = interval_s
        self._clock = clock
        self._fetcher = fetcher
        self._gazetteer = gazetteer

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
        if feed.disabled:
            # Given up on after repeated failures: try it once more; if it answers now, read it again.
            await self._probe(feed.url)
            await self._storage.enable_feed(feed.id, next_due=now)
            feed = await self._storage.get_feed(feed.id) or feed
        # One fetch before the subscription exists: whatever it brings is this channel's backlog, never posted
        # here (servers already subscribed get what is new to them, as from any poll).
        report = await self._ingest.run_cycle([feed], analyse_backlog=False)
        await self._ingest.analyse_backlog_or_log()  # a failure leaves it queued for the poller
        outcome = report.feeds[0] if report.feeds else None
        if outcome is None or outcome.status not in {"ok", "not_modified"}:
            reason = outcome.error if outcome else "no answer"
            if created_feed:
                await self._storage.remove_feed(feed.id)
            raise UserFacingError(f"I couldn't read that feed: {reason}.")
        items = outcome.entries if outcome.status == "ok" else None
        feed = await self._storage.get_feed(feed.id) or feed
        subscription, created = await self._storage.add_subscription(guild_id, channel_id, feed.id,
                                                                      created_by=user_id, now=now)
        return SubscribeResult(subscription, created, feed.title or feed.url, items)

    async def _probe(self, url: str) -> None:
        """One fetch and parse, nothing stored; a UserFacingError saying why when the feed can't be read."""
        if self._fetcher is None:
            return
        try:
            result = await self._fetcher.fetch(url)
            if result.body is not None:
                parse_feed(result.body)
        except (FetchError, FeedParseError) as exc:
            raise UserFacingError(f"I couldn't read that feed: {exc}.") from None

    async def feed_ids(self, guild_id: int) -> tuple[int, ...]:
        """The feeds a server reads: what its searches and briefings are drawn from."""
        return await self._storage.guild_feed_ids(guild_id)

    async def list(self, guild_id: int) -> list[Subscription]:
        return await self._storage.list_subscriptions(guild_id)

    async def get(self, guild_id: int, subscription_id: int) -> Subscription:
        subscription = await self._storage.get_subscription(guild_id, subscription_id)
        if subscription is None:
            raise UserFacingError(f"There is no feed #{subscription_id} on this server (see /feed list).")
        return subscription

    async def remove(self, guild_id: int, subscription_id: int) -> Subscription:
        """Unsubscribe; a feed no server reads any more stops being polled (a later /feed add revives it)."""
        subscription = await self.get(guild_id, subscription_id)
        await self._storage.remove_subscription(guild_id, subscription_id)
        if await self._storage.subscription_count(subscription.feed_id) == 0:
            await self._storage.disable_feed(subscription.feed_id, NO_READERS, self._clock())
        return subscription

    async def set_paused(self, guild_id: int, subscription_id: int, paused: bool) -> Subscription:
        """Pause, or resume: resuming also clears a broken mark and gives a disabled feed another try."""
        subscription = await self.get(guild_id, subscription_id)
        await self._storage.set_subscription_paused(guild_id, subscription_id, paused)
        if not paused and subscription.feed_disabled_reason:
            await self._storage.enable_feed(subscription.feed_id, next_due=self._clock())
        return await self.get(guild_id, subscription_id)

    async def preview(self, guild_id: int, subscription_id: int) -> MessagePayload:
        """How the feed's next post will look, using its newest article."""
        subscription = await self.get(guild_id, subscription_id)
        articles = await self._storage.feed_articles(subscription.feed_id, limit=1)
        if not articles:
            raise UserFacingError("That feed has no articles yet to preview.")
        article = articles[0]
        story = await self._storage.get_story(article.story_id) if article.story_id else None
        return story_post(article, story, actor_names=await self._actor_names(article.duplicate_of or article.id))

    async def _actor_names(self, article_id: int) -> list[str]:
        if self._gazetteer is None:
            return []
        names = []
        for tag in await self._storage.article_tags([article_id]):
            if tag.kind in {"country", "org"}:
                actor = self._gazetteer.get(tag.tag)
                names.append(actor.name if actor else tag.tag)
        return names

    async def import_opml(self, guild_id: int, channel_id: int, data: bytes, *,
                          user_id: int | None) -> ImportResult:
        try:
            entries = parse_opml(data)
        except OpmlError as exc:
            raise UserFacingError(f"That file can't be imported: {exc}.") from None
        if not entries:
            raise UserFacingError("That OPML file lists no http(s) feeds.")
        if len(entries) > MAX_OPML_FEEDS:
            raise UserFacingError(f"That file lists {len(entries)} feeds; import at most {MAX_OPML_FEEDS} at once.")
        added = existing = 0
        failed: list[tuple[str, str]] = []
        # Within a budget, so the answer comes before the interaction's 15-minute token expires.
        deadline = asyncio.get_running_loop().time() + IMPORT_BUDGET_S
        for index, entry in enumerate(entries):
            left = deadline - asyncio.get_running_loop().time()
            if left <= 0:
                failed += [(rest.url, "not tried: the import ran out of time; import the rest again")
                           for rest in entries[index:]]
                break
            try:
                async with asyncio.timeout(left):
                    result = await self.subscribe(guild_id, channel_id, entry.url, user_id=user_id)
            except UserFacingError as exc:
                failed.append((entry.url, str(exc)))
                continue
            except TimeoutError:
                failed.append((entry.url, "timed out"))
                continue
            added += result.created
            existing += not result.created
        return ImportResult(added, existing, failed)

    async def export_opml(self, guild_id: int) -> str:
        subscriptions = await self._storage.list_subscriptions(guild_id)
        unique = {s.feed_url: OpmlFeed(s.feed_url, s.feed_title) for s in subscriptions}
        return render_opml(list(unique.values()), title="Sitrep feeds", now=self._clock())
