"""`sitrep analyze PATH... [--json]`: what the pipeline makes of feed files, one line per item."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bot.analyze import AnalyzeInputError, analyze_files
from bot.commands.common import UsageError, opened_storage, shorten
from bot.config import Settings
from bot.feeds.ingest import utcnow


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    analyze = sub.add_parser("analyze", help="run RSS/Atom files through the pipeline and print each item")
    analyze.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    analyze.add_argument("--json", action="store_true", help="one JSON object per item (the stable contract)")
    analyze.set_defaults(handler=run)


async def run(args: argparse.Namespace, settings: Settings) -> int:
    missing = [str(path) for path in args.paths if not path.is_file()]
    if missing:
        raise UsageError(f"no such file: {', '.join(missing)}")
    now = utcnow()
    async with opened_storage(settings.database) as storage:
        try:
            items = await analyze_files(storage, args.paths, now=now)
        except AnalyzeInputError as exc:
            raise UsageError(str(exc)) from None
    out = sys.stdout
    for item in items:
        if args.json:
            out.write(json.dumps(item.as_json(), ensure_ascii=False) + "\n")
        else:
            dup = f" (copy of {item.duplicate_of})" if item.duplicate_of else ""
            out.write(f"[story {item.story}] {shorten(item.title, 80)}{dup}\n"
                      f"    countries: {', '.join(item.countries) or '-'}; domains: {', '.join(item.domains) or '-'}\n")
    return 0
