"""Who gets told what, decided inside the transaction that stores the articles.

- Posts: one per story per channel, whatever feed or copy brings it; the first fetch of a feed posts nothing;
  at most `cap` posts per channel per cycle, the rest summed up in one message at the end of the cycle.
- Watches: an alert when a story matches a watched actor or phrase, once per story, never once per copy.
- Breaking: an alert when a story reaches N distinct publishers within M minutes, once per story, with a
  cooldown per channel.
- A server only hears about articles from the feeds it subscribes to: its watches and breaking alerts are
  matched against, counted over and linked to those feeds alone.
Every decision is an outbox row keyed so that deciding twice queues once.

The state of a cycle (posts per channel, overflow, the watches) is a `DeliveryCycle` that `start_cycle` returns
and the caller hands back, so a cycle run by a command (the first fetch of `/feed add`) never resets or flushes
the poller's cycle that runs at the same time.
"""

from __future__ import annotations

import itertools
import logging
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bot.delivery.messages import breaking_alert, feed_disabled_notice, overflow_summary, story_post, watch_alert
from bot.delivery.models import Delivery, DeliveryBuilder, OutboxRow, Subscription, Watch
from bot.feeds.models import Article, Feed
from bot.intel.actors import Gazetteer
from bot.intel.briefing import as_seen_from
from bot.intel.models import StoryRecord
from bot.intel.publishers import publisher_of
from bot.pipeline import Pipeline, ProcessedItem
from storage.base import Storage

log = logging.getLogger(__name__)

BREAKING_COOLDOWN = timedelta(minutes=10)
_CYCLE_NUMBERS = itertools.count(1)


@dataclass(slots=True)
class DeliveryCycle:
    """Per-cycle state: posts per channel, what went over the cap, the watches, the servers' feeds."""

    number: str
    watches: list[Watch] = field(default_factory=list)
    posts: defaultdict[int, int] = field(default_factory=lambda: defaultdict(int))
    overflow: defaultdict[tuple[int, int], list[Article]] = field(default_factory=lambda: defaultdict(list))
    overflow_ref: dict[tuple[int, int], int] = field(default_factory=dict)
    decided: set[tuple[int, int]] = field(default_factory=set)
    alerted: set[tuple[int, int]] = field(default_factory=set)
    breaking_sent: dict[int, datetime] = field(default_factory=dict)
    guild_feeds: dict[int, frozenset[int]] = field(default_factory=dict)
    # The articles of batches planned but not yet committed (a group of feeds shares one transaction), by story:
    # a later feed of the same group must count them as the database would.
    uncommitted: dict[int, list[Article]] = field(default_factory=dict)

    def committed(self) -> None:
        """The batches planned so far are stored: the database has their articles now."""
        self.uncommitted.clear()

    def checkpoint(self) -> Callable[[], None]:
        """A function that puts this cycle's decisions back as they are now: when the transaction that was to
        store the next decisions fails, they were never made, and must not hold back the same posts later."""
        posts, overflow = dict(self.posts), {key: list(value) for key, value in self.overflow.items()}
        overflow_ref, decided, alerted = dict(self.overflow_ref), set(self.decided), set(self.alerted)
        breaking_sent = dict(self.breaking_sent)
        uncommitted = {story: list(articles) for story, articles in self.uncommitted.items()}

        def restore() -> None:
            self.uncommitted = uncommitted
            self.posts = defaultdict(int, posts)
            self.overflow = defaultdict(list, overflow)
            self.overflow_ref, self.decided, self.alerted = overflow_ref, decided, alerted
            self.breaking_sent = breaking_sent

        return restore


class DeliveryPlanner:
    def __init__(self, storage: Storage, pipeline: Pipeline, gazetteer: Gazetteer, *, cap: int) -> None:
        self._storage = storage
        self._pipeline = pipeline
        self._gazetteer = gazetteer
        self._cap = cap

    async def start_cycle(self, now: datetime) -> DeliveryCycle:
        cycle = DeliveryCycle(f"{now.strftime('%Y%m%dT%H%M%S%f')}-{next(_CYCLE_NUMBERS)}")
        cycle.watches = await self._storage.active_watches()
        return cycle

    async def plan(self, cycle: DeliveryCycle, feed: Feed, results: Sequence[ProcessedItem], backlog: bool,
                   now: datetime) -> Delivery | None:
        """Posts, watch alerts and breaking alerts caused by one feed's batch."""
        new = [item for item in results if item.kind == "new" and item.story_id is not None]
        for item in new:
            assert item.story_id is not None
            cycle.uncommitted.setdefault(item.story_id, []).append(_article(item, feed))
        if backlog or not new:
            return None
        out = DeliveryBuilder()
        subscriptions = await self._storage.delivering_subscriptions([feed.id])
        if subscriptions:
            await self._plan_posts(cycle, feed, new, subscriptions, out)
        if cycle.watches:
            await self._plan_alerts(cycle, feed, new, out, now)
        return out.build(now) if out.outbox or out.channel_stories or out.alerts else None

    async def _plan_posts(self, cycle: DeliveryCycle, feed: Feed, items: Sequence[ProcessedItem],
                          subscriptions: Sequence[Subscription], out: DeliveryBuilder) -> None:
        story_ids = sorted({item.story_id for item in items if item.story_id is not None})
        posted = await self._storage.posted_stories([s.channel_id for s in subscriptions], story_ids)
        for sub in subscriptions:
            for item in items:
                assert item.story_id is not None
                pair = (sub.channel_id, item.story_id)
                if pair in posted or pair in cycle.decided:
                    continue  # a copy or follow-up of a story this channel has already had
                cycle.decided.add(pair)
                out.channel_stories.append((sub.guild_id, sub.channel_id, item.story_id))
                article = _article(item, feed)
                if cycle.posts[sub.channel_id] >= self._cap:
                    cycle.overflow[(sub.guild_id, sub.channel_id)].append(article)
                    cycle.overflow_ref.setdefault((sub.guild_id, sub.channel_id), sub.id)
                    continue
                cycle.posts[sub.channel_id] += 1
                story = self._story(item.story_id)
                payload = story_post(article, story, actor_names=self._names(item))
                out.outbox.append(OutboxRow(f"post:{sub.channel_id}:{item.story_id}", sub.guild_id, sub.channel_id,
                                            "post", payload.as_json(), ref_id=sub.id))

    async def _guild_feeds(self, cycle: DeliveryCycle, guild_id: int) -> frozenset[int]:
        """The feeds a server subscribes to (paused ones too): what its watches may be told about."""
        if guild_id not in cycle.guild_feeds:
            cycle.guild_feeds[guild_id] = frozenset(await self._storage.guild_feed_ids(guild_id))
        return cycle.guild_feeds[guild_id]

    async def _plan_alerts(self, cycle: DeliveryCycle, feed: Feed, items: Sequence[ProcessedItem],
                           out: DeliveryBuilder, now: datetime) -> None:
        """Watches of the servers that read this feed; a copy counts as its story, so once per story."""
        watches = [watch for watch in cycle.watches if feed.id in await self._guild_feeds(cycle, watch.guild_id)]
        if not watches:
            return
        candidates = [(watch, item) for watch in watches for item in items if _matches(watch, item)]
        breaking = [watch for watch in watches if watch.kind == "breaking"]
        stories = {item.story_id for item in items if item.story_id is not None}
        pairs = [(w.id, item.story_id) for w, item in candidates if item.story_id is not None]
        pairs += [(w.id, story_id) for w in breaking for story_id in stories]
        done = await self._storage.alerted(pairs) | cycle.alerted if pairs else set(cycle.alerted)
        for watch, item in candidates:
            assert item.story_id is not None
            if (watch.id, item.story_id) in done:
                continue
            story = self._story(item.story_id) or await self._storage.get_story(item.story_id)
            if story is None:
                continue
            story = as_seen_from(story, await self._server_articles(cycle, watch, item.story_id))
            done.add((watch.id, item.story_id))
            cycle.alerted.add((watch.id, item.story_id))
            article = _article(item, feed)
            payload = watch_alert(article, story, watch_label=self._watch_label(watch),
                                  actor_names=self._names(item), links=[article.link] if article.link else [])
            out.alerts.append((watch.id, item.story_id, watch.guild_id, watch.channel_id))
            out.outbox.append(OutboxRow(f"watch:{watch.id}:{item.story_id}", watch.guild_id, watch.channel_id,
                                        "watch", payload.as_json(), ref_id=watch.id))
        for watch in breaking:
            for story_id in sorted(stories):
                if (watch.id, story_id) in done:
                    continue
                open_story = self._pipeline.stories.get(story_id)
                if open_story is None:
                    continue
                articles = await self._breaking_articles(cycle, watch, story_id, now)
                if not articles or not await self._cooldown_over(cycle, watch.channel_id, now):
                    continue
                done.add((watch.id, story_id))
                cycle.alerted.add((watch.id, story_id))
                cycle.breaking_sent[watch.channel_id] = now
                payload = breaking_alert(as_seen_from(open_story.record(), articles), articles,
                                         min_publishers=watch.min_publishers or 3,
                                         within_minutes=watch.within_minutes or 60)
                out.alerts.append((watch.id, story_id, watch.guild_id, watch.channel_id))
                out.outbox.append(OutboxRow(f"breaking:{watch.id}:{story_id}", watch.guild_id, watch.channel_id,
                                            "breaking", payload.as_json(), ref_id=watch.id))

    async def _breaking_articles(self, cycle: DeliveryCycle, watch: Watch, story_id: int,
                                 now: datetime) -> list[Article]:
        """The story's articles from the server's feeds that make it breaking (empty when it is not): at least
        `min_publishers` distinct publishers whose first article falls within `within_minutes` of the latest,
        the latest no older than that from now. Copies count: an outlet running the wire story covers it."""
        articles = await self._server_articles(cycle, watch, story_id)
        first: dict[str, datetime] = {}
        for article in articles:
            publisher = article.publisher or article.feed_title or str(article.feed_id)
            if publisher not in first or article.published < first[publisher]:
                first[publisher] = article.published
        if not first:
            return []
        window = timedelta(minutes=watch.within_minutes or 60)
        latest = max(first.values())
        recent = {publisher for publisher, when in first.items() if when >= latest - window}
        if len(recent) < (watch.min_publishers or 3) or latest < now - window:
            return []
        return [a for a in articles if (a.publisher or a.feed_title or str(a.feed_id)) in recent
                and a.published >= latest - window]

    async def _server_articles(self, cycle: DeliveryCycle, watch: Watch, story_id: int) -> list[Article]:
        """The story's articles from the watching server's own feeds: stored ones, and those of this batch and
        the batches that will be committed with it."""
        feeds = await self._guild_feeds(cycle, watch.guild_id)
        stored = (await self._storage.story_articles([story_id], feed_ids=sorted(feeds))).get(story_id, [])
        fresh = [article for article in cycle.uncommitted.get(story_id, ()) if article.feed_id in feeds]
        return list({article.id: article for article in [*stored, *fresh]}.values())

    async def _cooldown_over(self, cycle: DeliveryCycle, channel_id: int, now: datetime) -> bool:
        last = cycle.breaking_sent.get(channel_id) or await self._storage.last_breaking_alert(channel_id)
        return last is None or now - last >= BREAKING_COOLDOWN

    async def finish_cycle(self, cycle: DeliveryCycle, now: datetime) -> Delivery | None:
        """One message per channel for the stories over the cap, and the announcement of disabled feeds."""
        out = DeliveryBuilder()
        for (guild_id, channel_id), articles in cycle.overflow.items():
            payload = overflow_summary(articles, cap=self._cap)
            out.outbox.append(OutboxRow(f"overflow:{channel_id}:{cycle.number}", guild_id, channel_id, "overflow",
                                        payload.as_json(), ref_id=cycle.overflow_ref.get((guild_id, channel_id))))
        feeds: dict[int, Feed | None] = {}
        for sub in await self._storage.subscriptions_of_disabled_feeds():
            if sub.feed_id not in feeds:
                feeds[sub.feed_id] = await self._storage.get_feed(sub.feed_id)
            feed = feeds[sub.feed_id]
            if feed is None:
                continue
            if feed.id not in out.announced_feeds:
                out.announced_feeds.append(feed.id)
            if sub.broken_reason:
                continue  # its channel refuses us: marked as announced, not sent into a wall
            disabled_at = int(feed.disabled_at.timestamp()) if feed.disabled_at else 0
            out.outbox.append(OutboxRow(f"disabled:{sub.id}:{feed.id}:{disabled_at}", sub.guild_id,
                                        sub.channel_id, "notice", feed_disabled_notice(feed).as_json(), ref_id=sub.id))
        cycle.overflow.clear()
        cycle.overflow_ref.clear()
        delivery = out.build(now)
        return delivery if delivery.outbox or delivery.announced_feeds else None

    def _story(self, story_id: int) -> StoryRecord | None:
        story = self._pipeline.stories.get(story_id)
        return story.record() if story else None

    def _names(self, item: ProcessedItem) -> list[str]:
        return [tag.actor.name for tag in item.intel.actors] if item.intel else []

    def _watch_label(self, watch: Watch) -> str:
        if watch.kind == "actor":
            actor = self._gazetteer.get(watch.value)
            return actor.name if actor else watch.value
        return f"“{watch.value}”"


def _matches(watch: Watch, item: ProcessedItem) -> bool:
    if watch.kind == "actor":
        return item.intel is not None and watch.value in item.intel.actor_ids
    if watch.kind == "phrase":
        entry = item.incoming.entry
        return watch.value.casefold() in f"{entry.title}\n{entry.summary}".casefold()
    return False


def _article(item: ProcessedItem, feed: Feed) -> Article:
    entry = item.incoming.entry
    assert item.article_id is not None
    published = item.published or entry.published
    assert published is not None
    return Article(
        id=item.article_id, feed_id=feed.id, feed_title=feed.title, guid=entry.guid, link=entry.link,
        title=entry.title, summary=entry.summary, published=published, first_seen=published, updated=None,
        duplicate_of=item.duplicate_of, backlog=False, story_id=item.story_id,
        publisher=publisher_of(entry.link, item.incoming.feed_url),
    )
