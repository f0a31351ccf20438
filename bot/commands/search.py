"""`sitrep search QUERY [--limit N] [--days D]`: full-text search over what Sitrep has read."""

from __future__ import annotations

import argparse
from datetime import timedelta

from bot.commands.common import UsageError, format_time, opened_storage, shorten
from bot.config import Settings
from bot.feeds.ingest import utcnow


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    search = sub.add_parser("search", help="full-text search over stored articles")
    search.add_argument("query", nargs="+")
    search.add_argument("--limit", type=int, default=10, help="how many results (default 10)")
    search.add_argument("--days", type=int, help="only articles from the last D days")
    search.set_defaults(handler=run)


async def run(args: argparse.Namespace, settings: Settings) -> int:
    if not 1 <= args.limit <= 500:
        raise UsageError("--limit must be between 1 and 500")
    if args.days is not None and args.days <= 0:
        raise UsageError("--days must be a positive number")
    query = " ".join(args.query)
    since = utcnow() - timedelta(days=args.days) if args.days else None
    async with opened_storage(settings.database) as storage:
        results = await storage.search_articles(query, limit=args.limit, since=since)
    if not results:
        print(f"No articles match {query!r}.")
        return 0
    for article in results:
        print(f"{format_time(article.published)}  {shorten(article.feed_title or '', 24):<24}  "
              f"{shorten(article.title, 90)}")
        if article.link:
            print(f"{'':42}{article.link}")
    return 0
