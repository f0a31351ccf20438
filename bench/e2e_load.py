"""End-to-end load benchmark: the real `sitrep run` process against the loopback fake Discord and a feed server.

    python bench/e2e_load.py                      # 50 servers, 500 subscriptions over 200 feeds, 20/s for 60 s
    python bench/e2e_load.py --rate 40 --duration 120 --json out.json

The fake Discord (tests/e2e/fakediscord) and the feed server run in this process; `sitrep run` is a child
process started exactly as in production, pointed at them by SITREP_DISCORD_API_BASE. Set-up: the servers are
created on the fake, `sitrep sync` registers the commands, and every subscription is made with `/feed add`
(8 at a time), whose first fetch stores each feed's backlog. Load: for `--duration` seconds, slash commands
(a mix of /feed list, /about, /search, /story, /brief now, ...) are dispatched on a fixed schedule of `--rate`
per second, whatever the answers (open loop), while `--news-per-round` feeds get a new story every
`--news-every` seconds. Latency is measured by the fake as Discord would: from the INTERACTION_CREATE dispatch
to the interaction callback arriving. Then every expected post (each new story in each channel subscribed to
its feed) is checked to be in its channel exactly once.

The last line printed is one JSON object; the exit code is 1 when an interaction went unanswered, was
acknowledged after 3 s, or a post was lost or duplicated.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import platform
import sys
import tempfile
from dataclasses import fields
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.e2e.harness import e2e_environment  # noqa: E402
from tests.e2e.load import LoadConfig, check, run_load  # noqa: E402


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    defaults = LoadConfig.full()
    for spec in fields(LoadConfig):
        parser.add_argument(f"--{spec.name.replace('_', '-')}", type=type(getattr(defaults, spec.name)),
                            default=getattr(defaults, spec.name))
    parser.add_argument("--short", action="store_true", help="the short configuration CI runs")
    parser.add_argument("--json", type=Path, help="also write the result here")
    parser.add_argument("--keep", action="store_true", help="keep the work directory (database, bot log)")
    return parser.parse_args(argv)


async def main_async(args: argparse.Namespace) -> int:
    if args.short:
        config = LoadConfig.short()
    else:
        config = LoadConfig(**{spec.name: getattr(args, spec.name) for spec in fields(LoadConfig)})
    work = Path(tempfile.mkdtemp(prefix="sitrep-e2e-load-"))
    print(f"work directory: {work}", file=sys.stderr)
    async with e2e_environment(work, seed=config.seed) as env:
        result = await run_load(env, config)
    problems = check(result)
    print(result.summary())
    print(f"per command p99 acknowledgement (ms): {result.by_command_p99_ms}")
    for problem in problems:
        print(f"FAIL: {problem}")
    figures = {**result.as_dict(), "problems": problems, "python": platform.python_version(),
               "machine": f"{platform.machine()}, {platform.processor() or '?'}"}
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1))
    if not args.keep:
        import shutil
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(figures))
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    return asyncio.run(main_async(parse_args(argv)))


if __name__ == "__main__":
    raise SystemExit(main())
