"""The `sitrep` command line (also `python -m bot`).

Each subcommand lives in `bot/commands/` as `async def run(args, settings) -> int`; this module only parses
arguments, reads settings once, configures logging, and turns expected errors into one line and exit code 2.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from dotenv import load_dotenv

from bot import __version__
from bot.commands.common import UsageError
from bot.config import ConfigError, Settings
from bot.gc_tuning import tune_garbage_collector
from bot.logging_setup import configure_logging
from storage.errors import StorageError

log = logging.getLogger(__name__)


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one clear line on stderr and exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see `{self.prog} --help`)\n")


def build_parser() -> argparse.ArgumentParser:
    from bot.commands import analyze, demo, discord_cmds, export, feeds, ingest, intel, search

    parser = _Parser(prog="sitrep", description="Sitrep: world news, once, grouped by story, for Discord.")
    parser.add_argument("--version", action="version", version=f"sitrep {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in (demo, feeds, ingest, analyze, intel, search, export, discord_cmds):
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return 2
    load_dotenv(Path.cwd() / ".env", override=False)
    try:
        settings = Settings.from_env()
    except ConfigError as exc:
        print(f"sitrep: configuration error: {exc}", file=sys.stderr)
        return 2
    configure_logging("DEBUG" if args.verbose else settings.log_level, [settings.discord_token or ""])
    tune_garbage_collector()
    try:
        return asyncio.run(args.handler(args, settings))
    except UsageError as exc:
        print(f"sitrep {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except StorageError as exc:
        print(f"sitrep {args.command}: database error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
