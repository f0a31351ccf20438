"""`sitrep ingest [--once]`: poll the feeds without Discord, with a progress bar on a terminal."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from datetime import timedelta

from tqdm import tqdm

from bot.commands.common import opened_services
from bot.config import Settings
from bot.feeds.ingest import CycleReport, FeedReport, IngestService, utcnow
from storage.base import Storage

log = logging.getLogger(__name__)
PRUNE_EVERY = timedelta(hours=6)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    ingest = sub.add_parser("ingest", help="fetch due feeds and store new articles (offline, no Discord)")
    ingest.add_argument("--once", action="store_true", help="run one cycle and exit (default: keep polling)")
    ingest.add_argument("--all", action="store_true", help="fetch every enabled feed, not only the due ones")
    ingest.set_defaults(handler=run)


async def run(args: argparse.Namespace, settings: Settings) -> int:
    async with opened_services(settings) as services:
        if args.once:
            report = await one_cycle(services.ingest, services.storage, fetch_all=args.all)
            print(summarise(report))
            return 0
        last_prune = None
        while True:
            now = utcnow()
            if last_prune is None or now - last_prune >= PRUNE_EVERY:
                await prune(services.storage, settings)
                last_prune = now
            report = await one_cycle(services.ingest, services.storage, fetch_all=args.all)
            if report.feeds:
                log.info("%s", summarise(report))
            next_due = await services.storage.next_due_time()
            wait = 60.0 if next_due is None else (next_due - utcnow()).total_seconds()
            await asyncio.sleep(min(max(wait, 1.0), 300.0))


async def one_cycle(ingest: IngestService, storage: Storage, *, fetch_all: bool = False) -> CycleReport:
    feeds = None
    if fetch_all:
        feeds = [feed for feed in await storage.list_feeds() if not feed.disabled]
    else:
        feeds = await storage.due_feeds(utcnow())
    if not sys.stderr.isatty() or not feeds:
        return await ingest.run_cycle(feeds)
    with tqdm(total=len(feeds), unit="feed", desc="ingest", file=sys.stderr, leave=False) as bar:
        def advance(report: FeedReport) -> None:
            bar.update(1)
            bar.set_postfix(new=report.new, refresh=False)
        return await ingest.run_cycle(feeds, on_feed_done=advance)


def summarise(report: CycleReport) -> str:
    if not report.feeds:
        return "No feed was due."
    seconds = ((report.finished or report.started) - report.started).total_seconds()
    parts = [
        f"{len(report.feeds)} feeds in {seconds:.1f}s:",
        f"{report.count('ok')} fetched, {report.count('not_modified')} unchanged (304),",
        f"{report.count('failed')} failed, {report.count('disabled')} disabled;",
        f"{report.new_articles} new articles ({report.duplicates} duplicates folded), {report.updated} updated.",
    ]
    return " ".join(parts)


async def prune(storage: Storage, settings: Settings) -> None:
    now = utcnow()
    pruned, forgotten = await storage.prune(
        articles_before=now - timedelta(days=settings.retention_days),
        seen_before=now - timedelta(days=settings.seen_retention_days),
    )
    if pruned or forgotten:
        log.info("pruned %d articles and %d old seen identities", pruned, forgotten)
