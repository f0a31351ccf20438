"""Adding feeds: the one place that validates a URL and decides when a new feed is first fetched."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.feeds.models import Feed
from bot.feeds.ssrf import AddressPolicy, check_url
from bot.feeds.urls import normalize_feed_url
from storage.base import Storage
from storage.errors import FeedExists

MAX_URL_LENGTH = 2048


class InvalidFeedURL(ValueError):
    """The URL cannot be subscribed to; the message is fit for a user."""


def validate_feed_url(url: str, policy: AddressPolicy) -> str:
    """Strip and check a user-supplied feed URL (scheme, length, SSRF policy for literal addresses)."""
    url = url.strip()
    if not url:
        raise InvalidFeedURL("the URL is empty")
    if len(url) > MAX_URL_LENGTH:
        raise InvalidFeedURL(f"the URL is longer than {MAX_URL_LENGTH} characters")
    try:
        check_url(url, policy)
    except ValueError as exc:
        raise InvalidFeedURL(str(exc)) from None
    return normalize_feed_url(url)


async def add_or_get_feed(storage: Storage, url: str, *, interval_s: int, now: datetime,
                          title: str | None = None) -> tuple[Feed, bool]:
    """The feed for `url`, created if needed (due at once); the flag says whether it was created."""
    existing = await storage.get_feed_by_url(url)
    if existing is not None:
        return existing, False
    try:
        feed = await storage.add_feed(url, interval_s=interval_s, next_due=now - timedelta(seconds=1), now=now,
                                      title=title)
    except FeedExists:
        found = await storage.get_feed_by_url(url)
        assert found is not None
        return found, False
    return feed, True
