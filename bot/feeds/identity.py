"""An item's identity in its feed, and the fingerprint that tells an update from an unchanged repeat."""

from __future__ import annotations

import hashlib
from datetime import datetime

from bot.feeds.models import ParsedEntry
from bot.feeds.urls import canonicalize_url


def item_identity(entry: ParsedEntry) -> str:
    """The guid, else the canonical link, else a hash of title and date.

    A guid that is just the link (what parsers report when there is none) counts as the link, so tracking
    noise added to it later does not make the item look new.
    """
    if entry.guid and entry.guid != entry.link:
        return f"guid:{entry.guid}"
    if entry.link:
        return f"link:{canonicalize_url(entry.link)}"
    if entry.guid:
        return f"guid:{entry.guid}"
    stamp = entry.published.isoformat() if entry.published else ""
    digest = hashlib.blake2b(f"{entry.title}\x00{stamp}".encode(), digest_size=16).hexdigest()
    return f"hash:{digest}"


def display_guid(entry: ParsedEntry) -> str | None:
    """The item's guid as the feed gave it, else its link: what outside tools match items by."""
    return entry.guid or entry.link


def content_fingerprint(title: str, summary: str) -> str:
    return hashlib.blake2b(f"{title}\x00{summary}".encode(), digest_size=16).hexdigest()


def effective_published(entry: ParsedEntry, now: datetime) -> datetime:
    """An undated item takes its first-seen time; a date in the future is not believed."""
    if entry.published is None or entry.published > now:
        return now
    return entry.published
