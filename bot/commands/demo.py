"""`sitrep demo`: the bundled sample, served on 127.0.0.1 and read end to end, then summarised."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from bot.commands.common import format_time, opened_storage, shorten
from bot.commands.feeds import feed_status
from bot.config import Settings
from bot.demo.runner import DemoResult, run_demo
from bot.intel.render import briefing_text, relations_text


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    demo = sub.add_parser("demo", help="run Sitrep on the bundled sample feeds (offline, under 30 s)")
    demo.add_argument("--database", type=Path,
                      help="keep the demo's database here (default: a temporary file, deleted afterwards)")
    demo.set_defaults(handler=run)


async def run(args: argparse.Namespace, settings: Settings) -> int:
    if args.database:
        return await _run_in(args.database, settings)
    with tempfile.TemporaryDirectory(prefix="sitrep-demo-") as folder:
        return await _run_in(Path(folder) / "demo.db", settings)


async def _run_in(path: Path, settings: Settings) -> int:
    async with opened_storage(path) as storage:
        result = await run_demo(storage, settings)
    print(render(result))
    return 0


def render(result: DemoResult) -> str:
    first, second, stats = result.first_cycle, result.second_cycle, result.stats
    lines = [
        "Sitrep demo: bundled sample feeds served on 127.0.0.1, read through the real fetcher",
        "",
        f"Feeds: {len(result.feeds)}",
    ]
    for feed in result.feeds:
        lines.append(f"  {shorten(feed.display_name, 34):<34} {feed_status(feed)}")
    lines += [
        "",
        f"Cycle 1 (first fetch, the backlog is stored but never announced): {first.count('ok')} feeds read, "
        f"{first.count('failed')} failed; {first.new_articles} articles, {first.duplicates} duplicates folded.",
        f"Cycle 2 (a later poll): {second.count('not_modified')} feeds unchanged (304), {second.count('ok')} changed; "
        f"{second.new_articles} new articles ({second.duplicates} duplicates folded), {second.updated} updated in place.",
        f"Stored: {stats.articles} articles, of which {stats.duplicates} are copies of another.",
        "",
        "=" * 100,
        briefing_text(result.briefing),
        "",
        "=" * 100,
        relations_text(result.relations, result.relation_names),
        "",
        f"(The demo's clock stands at {format_time(result.as_of)}, just after the sample's newest item.)",
        "Next: `sitrep demo --database demo.db`, then `SITREP_DATABASE=demo.db sitrep story ID`, "
        "`sitrep search`, `sitrep relations russia iran --days 14 --chart ri.png --at 2026-11-25T18:30Z`.",
    ]
    return "\n".join(lines)
