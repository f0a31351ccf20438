"""`sitrep feeds add | list | remove | enable | import-opml | export-opml`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.commands.common import UsageError, format_time, opened_storage, shorten
from bot.config import Settings
from bot.feeds.ingest import utcnow
from bot.feeds.models import Feed
from bot.feeds.opml import OpmlError, OpmlFeed, parse_opml, render_opml
from bot.feeds.registry import InvalidFeedURL, add_or_get_feed, validate_feed_url
from bot.feeds.ssrf import AddressPolicy


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    feeds = sub.add_parser("feeds", help="manage the feeds Sitrep reads")
    actions = feeds.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="add a feed URL (its first fetch only records the backlog)")
    add.add_argument("url")
    add.add_argument("--interval", type=int, metavar="SECONDS", help="poll interval (default SITREP_POLL_INTERVAL)")
    add.set_defaults(handler=add_feed)
    listing = actions.add_parser("list", help="list feeds with their status")
    listing.set_defaults(handler=list_feeds)
    remove = actions.add_parser("remove", help="remove a feed and its articles")
    remove.add_argument("feed_id", type=int, metavar="ID")
    remove.set_defaults(handler=remove_feed)
    enable = actions.add_parser("enable", help="re-enable a feed that was disabled after repeated failures")
    enable.add_argument("feed_id", type=int, metavar="ID")
    enable.set_defaults(handler=enable_feed)
    importer = actions.add_parser("import-opml", help="add every feed listed in an OPML file")
    importer.add_argument("file", type=Path)
    importer.set_defaults(handler=import_opml)
    exporter = actions.add_parser("export-opml", help="write the feeds as OPML (to stdout, or --output)")
    exporter.add_argument("--output", "-o", type=Path)
    exporter.set_defaults(handler=export_opml)


def feed_status(feed: Feed) -> str:
    if feed.disabled_reason:
        return f"disabled: {feed.disabled_reason}"
    if feed.consecutive_failures:
        return f"failing ({feed.consecutive_failures}x): {feed.last_error}"
    if not feed.initialised:
        return "new (not fetched yet)"
    return "ok"


async def add_feed(args: argparse.Namespace, settings: Settings) -> int:
    try:
        url = validate_feed_url(args.url, AddressPolicy(settings.allow_private_addresses))
    except InvalidFeedURL as exc:
        raise UsageError(f"cannot add {args.url!r}: {exc}") from None
    interval = args.interval or settings.poll_interval_s
    if interval < 60:
        raise UsageError("--interval must be at least 60 seconds")
    async with opened_storage(settings.database) as storage:
        feed, created = await add_or_get_feed(storage, url, interval_s=interval, now=utcnow())
    if not created:
        print(f"Feed {feed.id} already has this URL: {feed.url}")
        return 0
    print(f"Added feed {feed.id}: {feed.url}")
    print("Its first fetch (on the next `sitrep ingest`) records the backlog without announcing it.")
    return 0


async def list_feeds(args: argparse.Namespace, settings: Settings) -> int:
    async with opened_storage(settings.database) as storage:
        feeds = await storage.list_feeds()
    if not feeds:
        print("No feeds yet. Add one with `sitrep feeds add URL` or `sitrep feeds import-opml FILE`.")
        return 0
    for feed in feeds:
        print(f"{feed.id:>5}  {shorten(feed.display_name, 48):<48}  last ok {format_time(feed.last_ok_at)}")
        print(f"       {feed.url}")
        print(f"       {feed_status(feed)}")
    return 0


async def remove_feed(args: argparse.Namespace, settings: Settings) -> int:
    async with opened_storage(settings.database) as storage:
        removed = await storage.remove_feed(args.feed_id)
    if not removed:
        raise UsageError(f"there is no feed {args.feed_id} (see `sitrep feeds list`)")
    print(f"Removed feed {args.feed_id} and its articles.")
    return 0


async def enable_feed(args: argparse.Namespace, settings: Settings) -> int:
    async with opened_storage(settings.database) as storage:
        enabled = await storage.enable_feed(args.feed_id, utcnow())
    if not enabled:
        raise UsageError(f"there is no feed {args.feed_id} (see `sitrep feeds list`)")
    print(f"Feed {args.feed_id} is enabled and due now.")
    return 0


async def import_opml(args: argparse.Namespace, settings: Settings) -> int:
    try:
        entries = parse_opml(args.file.read_bytes())
    except OSError as exc:
        raise UsageError(f"cannot read {args.file}: {exc.strerror or exc}") from None
    except OpmlError as exc:
        raise UsageError(f"cannot import {args.file}: {exc}") from None
    policy = AddressPolicy(settings.allow_private_addresses)
    added = existing = refused = 0
    async with opened_storage(settings.database) as storage:
        for entry in entries:
            try:
                url = validate_feed_url(entry.url, policy)
            except InvalidFeedURL as exc:
                print(f"skipped {entry.url}: {exc}", file=sys.stderr)
                refused += 1
                continue
            _, created = await add_or_get_feed(storage, url, interval_s=settings.poll_interval_s, now=utcnow(),
                                               title=entry.title)
            added += created
            existing += not created
    print(f"Imported {added} new feeds ({existing} already present, {refused} refused).")
    return 0


async def export_opml(args: argparse.Namespace, settings: Settings) -> int:
    async with opened_storage(settings.database) as storage:
        feeds = await storage.list_feeds()
    text = render_opml([OpmlFeed(feed.url, feed.title) for feed in feeds])
    if args.output:
        args.output.write_text(text, encoding="utf-8")
        print(f"Wrote {len(feeds)} feeds to {args.output}")
    else:
        sys.stdout.write(text)
    return 0
