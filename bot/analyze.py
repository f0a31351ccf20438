"""`sitrep analyze`: run feed files through the ingestion pipeline and report what it made of each item.

Outside tools depend on this contract, so it takes exactly the path a fetched feed takes (parse, identity,
dedup, tagging, stories); only the transport differs. Every item is new to the database: a file analysed
again replaces its earlier run.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from bot.facts import analysis_of
from bot.feeds.identity import display_guid, effective_published
from bot.feeds.models import ParsedFeed
from bot.feeds.parser import FeedParseError, parse_feed
from bot.pipeline import Incoming, Pipeline, ProcessedItem
from storage.base import Storage

ANALYSIS_FEED_REASON = "analysis input (read from a file, never polled)"
_NEVER = datetime(9999, 1, 1, tzinfo=UTC)


class AnalyzeInputError(ValueError):
    """A file that cannot be read or parsed; the message names it."""


@dataclass(frozen=True, slots=True)
class AnalyzedItem:
    guid: str | None
    link: str | None
    feed: str
    duplicate_of: str | None
    story: str
    countries: tuple[str, ...]
    domains: tuple[str, ...]
    title: str

    def as_json(self) -> dict[str, object]:
        return {"guid": self.guid, "link": self.link, "feed": self.feed, "duplicate_of": self.duplicate_of,
                "story": self.story, "countries": list(self.countries), "domains": list(self.domains)}


def read_feed_files(paths: Sequence[Path]) -> list[tuple[Path, ParsedFeed]]:
    parsed = []
    for path in paths:
        try:
            body = path.read_bytes()
        except OSError as exc:
            raise AnalyzeInputError(f"cannot read {path}: {exc.strerror or exc}") from None
        try:
            parsed.append((path, parse_feed(body)))
        except FeedParseError as exc:
            raise AnalyzeInputError(f"cannot parse {path}: {exc}") from None
    return parsed


async def analyze_files(storage: Storage, paths: Sequence[Path], *, now: datetime,
                        **pipeline_options: object) -> list[AnalyzedItem]:
    """Process every item of every file in published order (ties by input order) and describe each."""
    inputs = read_feed_files(paths)
    for path, _ in inputs:
        await _forget_earlier_run(storage, path)
    # Created after the earlier run is forgotten, so its indexes never point at what was just deleted.
    pipeline = await Pipeline.create(storage, now=now, **pipeline_options)
    queue: list[tuple[datetime, int, Incoming, str]] = []
    order = 0
    for path, parsed in inputs:
        feed_id, url = await _register(storage, path, parsed, now)
        name = parsed.title or path.stem
        for entry in parsed.entries:
            queue.append((effective_published(entry, now), order, Incoming(feed_id, entry, url), name))
            order += 1
    queue.sort(key=lambda row: (row[0], row[1]))
    processed = await pipeline.process([row[2] for row in queue], now=now)
    guids = await _guids_of(storage, processed)
    return [_describe(item, name, guids) for item, (_, _, _, name) in zip(processed, queue, strict=True)]


async def _forget_earlier_run(storage: Storage, path: Path) -> None:
    existing = await storage.get_feed_by_url(path.resolve().as_uri())
    if existing is not None:
        await storage.remove_feed(existing.id)


async def _register(storage: Storage, path: Path, parsed: ParsedFeed, now: datetime) -> tuple[int, str]:
    url = path.resolve().as_uri()
    feed = await storage.add_feed(url, interval_s=86400, next_due=_NEVER, now=now, title=parsed.title)
    await storage.disable_feed(feed.id, ANALYSIS_FEED_REASON, now)
    return feed.id, parsed.site_url or url


async def _guids_of(storage: Storage, processed: list[ProcessedItem]) -> dict[int, str | None]:
    """The display guid of every article an item points at, from this run or stored before it."""
    guids: dict[int, str | None] = {}
    for item in processed:
        if item.kind == "new" and item.article_id is not None:
            guids[item.article_id] = display_guid(item.incoming.entry)
    wanted = [item.duplicate_of for item in processed if item.duplicate_of and item.duplicate_of not in guids]
    if wanted:
        for article_id, article in (await storage.get_articles(wanted)).items():
            guids[article_id] = article.guid or article.link
    return guids


def _describe(item: ProcessedItem, feed_name: str, guids: dict[int, str | None]) -> AnalyzedItem:
    entry = item.incoming.entry
    # An unchanged repeat is not analysed again by the pipeline; the contract still reports its tags.
    intel = item.intel or analysis_of(entry.title, entry.summary)[0]
    return AnalyzedItem(
        guid=display_guid(entry), link=entry.link, feed=feed_name,
        duplicate_of=guids.get(item.duplicate_of) if item.duplicate_of else None,
        story=str(item.story_id) if item.story_id is not None else f"article-{item.article_id}",
        countries=intel.countries, domains=intel.domains.domains,
        title=entry.title,
    )
