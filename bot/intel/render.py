"""Briefings, relations and stories as plain text, markdown or JSON: thin views over the data structures."""

from __future__ import annotations

import json
from datetime import datetime

from bot.intel.briefing import Briefing, BriefItem
from bot.intel.relations import RelationTrend, describe_tone
from bot.intel.service import StoryView

_ARROWS = {"up": "↑", "down": "↓", "flat": "→"}


def _when(value: datetime) -> str:
    return value.strftime("%d %b %H:%M UTC")


def _period(briefing: Briefing) -> str:
    hours = round((briefing.end - briefing.start).total_seconds() / 3600)
    scope = []
    if briefing.country:
        scope.append(f"country {briefing.country}")
    if briefing.domain:
        scope.append(f"domain {briefing.domain}")
    extra = f" ({', '.join(scope)})" if scope else ""
    return f"the {hours} hours to {_when(briefing.end)}{extra}"


def _metrics(item: BriefItem) -> str:
    outlets = f"{item.metrics.publishers} outlet{'s' if item.metrics.publishers != 1 else ''}"
    return f"{outlets}, {item.articles} article{'s' if item.articles != 1 else ''}, {item.metrics.phase}"


def briefing_text(briefing: Briefing) -> str:
    lines = [f"Briefing for {_period(briefing)}"]
    if not briefing.sections:
        lines.append("Nothing in this period.")
        return "\n".join(lines)
    for section in briefing.sections:
        lines += ["", section.domain.upper()]
        for item in section.items:
            watched = " [watched]" if item.watched else ""
            lines.append(f"* {item.label}  (story {item.story_id}; {_metrics(item)}){watched}")
            if item.summary:
                lines.append(f"  {item.summary}")
            if item.actors:
                lines.append(f"  Actors: {', '.join(item.actors)}")
            lines.append(f"  Outlets: {', '.join(item.outlets)}")
    return "\n".join(lines)


def briefing_markdown(briefing: Briefing) -> str:
    lines = [f"# Briefing for {_period(briefing)}"]
    if not briefing.sections:
        return lines[0] + "\n\nNothing in this period.\n"
    for section in briefing.sections:
        lines += ["", f"## {section.domain.capitalize()}", ""]
        for item in section.items:
            title = f"[{_md(item.label)}]({item.links[0]})" if item.links else _md(item.label)
            lines.append(f"- **{title}** — {_md(item.summary)}")
            details = [_metrics(item)]
            if item.actors:
                details.append("actors: " + ", ".join(item.actors))
            details.append("outlets: " + ", ".join(_md(o) for o in item.outlets))
            lines.append(f"  <br>*{'; '.join(details)}*")
    return "\n".join(lines) + "\n"


def briefing_json(briefing: Briefing) -> str:
    return json.dumps({
        "start": briefing.start.isoformat(), "end": briefing.end.isoformat(), "country": briefing.country,
        "domain": briefing.domain, "stories_considered": briefing.considered,
        "sections": [
            {"domain": section.domain, "stories": [_item_json(item) for item in section.items]}
            for section in briefing.sections
        ],
    }, ensure_ascii=False, indent=2)


def _item_json(item: BriefItem) -> dict[str, object]:
    return {
        "story": item.story_id, "label": item.label, "summary": item.summary, "domain": item.domain,
        "domains": list(item.domains), "actors": list(item.actors), "outlets": list(item.outlets),
        "links": list(item.links), "first_seen": item.first_seen.isoformat(),
        "last_seen": item.last_seen.isoformat(), "articles": item.articles,
        "publishers": item.metrics.publishers, "velocity_per_hour": item.metrics.velocity,
        "phase": item.metrics.phase, "score": item.score, "watched": item.watched,
    }


def _md(text: str) -> str:
    for char in "\\`*_[]<>#|":
        text = text.replace(char, "\\" + char)
    return text


def relations_text(trend: RelationTrend, names: tuple[str, str]) -> str:
    days = (trend.end - trend.start).days
    lines = [
        f"{names[0]} and {names[1]}: the last {days} days to {trend.end:%d %b %Y} against the {days} before",
        f"Articles naming both: {trend.articles} (before: {trend.previous_articles}); "
        f"tone {describe_tone(trend.tone)} ({_signed(trend.tone)}; before {_signed(trend.previous_tone)})",
    ]
    if not trend.domains:
        lines.append("No coverage of this pair in either period.")
        return "\n".join(lines)
    lines += ["", f"{'domain':<14}{'now':>6}{'before':>8}  trend   stories  tone"]
    for d in trend.domains:
        lines.append(f"{d.domain:<14}{d.articles:>6}{d.previous_articles:>8}  {_ARROWS[d.direction]} {d.direction:<5}"
                     f"{d.stories:>7}   {_signed(d.tone)}")
    if trend.top_stories:
        lines += ["", "Top stories:"]
        for story in trend.top_stories:
            outlets = f"{story.publisher_count} outlet{'s' if story.publisher_count != 1 else ''}"
            lines.append(f"  {story.first_seen:%d %b}  {story.label}  (story {story.id}, {outlets}, "
                         f"{story.primary_domain or 'other'})")
    return "\n".join(lines)


def _signed(value: float | None) -> str:
    return "n/a" if value is None else f"{value:+.1f}"


def story_text(view: StoryView) -> str:
    story = view.story
    lines = [
        f"Story {story.id}: {story.label}",
        f"{story.publisher_count} outlets, {len(view.articles)} articles, {view.metrics.phase}; "
        f"{_when(story.first_seen)} to {_when(story.last_seen)}",
        "", "Coverage:",
    ]
    for article in view.articles:
        copy = " (copy)" if article.duplicate_of else ""
        lines.append(f"  {_when(article.published)}  {article.feed_title or article.publisher}: {article.title}{copy}")
        if article.link:
            lines.append(f"      {article.link}")
    lines += ["", "Tags and their evidence:"]
    for tag in view.tags:
        lines.append(f"  {tag.kind:<8} {tag.name:<24} {', '.join(tag.evidence) or '-'}  ({tag.articles} articles)")
    return "\n".join(lines)
