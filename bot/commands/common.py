"""What the CLI subcommands share: the error they raise for bad input, and how they open the services."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from bot.config import Settings
from bot.facts import AnalysisPool
from bot.feeds.fetcher import Fetcher
from bot.feeds.ingest import IngestService, utcnow
from bot.pipeline import Pipeline
from storage import SqliteStorage, open_storage


class UsageError(Exception):
    """Bad input from the user: printed as one line, exit code 2."""


@asynccontextmanager
async def opened_storage(path: Path) -> AsyncIterator[SqliteStorage]:
    try:
        storage = await open_storage(path)
    except sqlite3.DatabaseError as exc:
        raise UsageError(f"cannot open the database {path}: {exc}") from None
    try:
        yield storage
    finally:
        await storage.close()


@dataclass(slots=True)
class Services:
    storage: SqliteStorage
    fetcher: Fetcher
    pipeline: Pipeline
    ingest: IngestService


@asynccontextmanager
async def opened_services(settings: Settings, *, now: datetime | None = None) -> AsyncIterator[Services]:
    """Storage, fetcher and pipeline wired together, as `make_services` does for the bot."""
    async with opened_storage(settings.database) as storage, Fetcher(settings) as fetcher, \
            AnalysisPool(settings.analysis_workers) as analysis:
        pipeline = await Pipeline.create(storage, now=now or utcnow())
        yield Services(storage, fetcher, pipeline,
                       IngestService(storage, fetcher, pipeline, settings, analysis=analysis))


def format_time(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M UTC") if value else "never"


def shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: max(width - 1, 0)].rstrip() + "…"
