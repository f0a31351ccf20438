"""`sitrep brief`, `sitrep relations` and `sitrep story`: what Sitrep has learned, offline."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path

from bot.commands.common import UsageError, opened_storage
from bot.config import Settings
from bot.feeds.ingest import utcnow
from bot.intel.actors import default_gazetteer
from bot.intel.briefing import BriefingRequest
from bot.intel.domains import DOMAINS
from bot.intel.render import briefing_json, briefing_markdown, briefing_text, relations_text, story_text
from bot.intel.service import IntelService, UnknownActor, UnknownDomain


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    brief = sub.add_parser("brief", help="the top stories of a period, grouped by domain")
    brief.add_argument("--hours", type=int, default=24, help="the period, in hours (default 24)")
    brief.add_argument("--country", help="only stories naming this country (name, demonym or code)")
    brief.add_argument("--domain", choices=DOMAINS, help="only stories in this domain")
    brief.add_argument("--limit", type=int, default=12, help="how many stories at most (default 12)")
    brief.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    brief.add_argument("--at", type=_timestamp, help="end of the period, ISO 8601 (default: now)")
    brief.set_defaults(handler=run_brief)

    relations = sub.add_parser("relations", help="how two countries relate over time, by domain")
    relations.add_argument("country_a", metavar="A")
    relations.add_argument("country_b", metavar="B")
    relations.add_argument("--days", type=int, default=90, help="the period, in days (default 90)")
    relations.add_argument("--chart", type=Path, metavar="OUT.png", help="also draw a chart as a PNG")
    relations.add_argument("--at", type=_timestamp, help="end of the period, ISO 8601 (default: now)")
    relations.set_defaults(handler=run_relations)

    story = sub.add_parser("story", help="one story: its coverage by outlet and the evidence for each tag")
    story.add_argument("story_id", type=int, metavar="ID")
    story.set_defaults(handler=run_story)


def _timestamp(value: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not an ISO 8601 time such as 2026-11-25T18:00Z") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


async def run_brief(args: argparse.Namespace, settings: Settings) -> int:
    if not 1 <= args.hours <= 24 * 31:
        raise UsageError("--hours must be between 1 and 744")
    if not 1 <= args.limit <= 50:
        raise UsageError("--limit must be between 1 and 50")
    async with opened_storage(settings.database) as storage:
        service = IntelService(storage, default_gazetteer())
        country = _country(service, args.country) if args.country else None
        request = BriefingRequest(end=args.at or utcnow(), hours=args.hours, country=country, domain=args.domain,
                                  limit=args.limit)
        briefing = await service.briefing(request)
    render = {"text": briefing_text, "markdown": briefing_markdown, "json": briefing_json}[args.format]
    print(render(briefing))
    return 0


async def run_relations(args: argparse.Namespace, settings: Settings) -> int:
    if not 1 <= args.days <= 3650:
        raise UsageError("--days must be between 1 and 3650")
    async with opened_storage(settings.database) as storage:
        service = IntelService(storage, default_gazetteer())
        a, b = _country(service, args.country_a), _country(service, args.country_b)
        if a == b:
            raise UsageError("name two different countries")
        trend = await service.relations(a, b, days=args.days, end=args.at or utcnow())
    names = (service.actor_names([a])[a], service.actor_names([b])[b])
    print(relations_text(trend, names))
    if args.chart:
        from bot.intel.charts import relations_chart

        args.chart.write_bytes(relations_chart(trend, names))
        print(f"\nChart written to {args.chart}")
    return 0


async def run_story(args: argparse.Namespace, settings: Settings) -> int:
    async with opened_storage(settings.database) as storage:
        view = await IntelService(storage, default_gazetteer()).story(args.story_id, now=utcnow())
    if view is None:
        raise UsageError(f"there is no story {args.story_id}")
    print(story_text(view))
    return 0


def _country(service: IntelService, query: str) -> str:
    try:
        return service.country(query).id
    except (UnknownActor, UnknownDomain) as exc:
        raise UsageError(str(exc)) from None
