"""`sitrep export --format jsonl|csv`: every stored article, streamed."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import TextIO

from bot.commands.common import opened_storage
from bot.config import Settings
from bot.feeds.models import Article

FIELDS = ("id", "feed_id", "feed_title", "guid", "link", "title", "summary", "published", "first_seen", "updated",
          "duplicate_of", "backlog")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    export = sub.add_parser("export", help="export stored articles as JSON lines or CSV")
    export.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    export.add_argument("--output", "-o", type=Path, help="write to a file instead of stdout")
    export.set_defaults(handler=run)


def article_row(article: Article) -> dict[str, object]:
    return {
        "id": article.id, "feed_id": article.feed_id, "feed_title": article.feed_title, "guid": article.guid,
        "link": article.link, "title": article.title, "summary": article.summary,
        "published": article.published.isoformat(), "first_seen": article.first_seen.isoformat(),
        "updated": article.updated.isoformat() if article.updated else None,
        "duplicate_of": article.duplicate_of, "backlog": article.backlog,
    }


async def run(args: argparse.Namespace, settings: Settings) -> int:
    out: TextIO = args.output.open("w", encoding="utf-8", newline="") if args.output else sys.stdout
    count = 0
    try:
        writer = csv.DictWriter(out, fieldnames=FIELDS) if args.format == "csv" else None
        if writer:
            writer.writeheader()
        async with opened_storage(settings.database) as storage:
            async for article in storage.iter_articles():
                row = article_row(article)
                if writer:
                    writer.writerow(row)
                else:
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
                count += 1
    finally:
        if args.output:
            out.close()
    if args.output:
        print(f"Wrote {count} articles to {args.output}", file=sys.stderr)
    return 0
