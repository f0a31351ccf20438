"""Discord messages as plain JSON: posts, alerts, briefings and lookups, always inside Discord's limits.

Domain code, so no discord import: the bot turns each embed into `discord.Embed.from_dict(...)` and sends with
`AllowedMentions.none()`. Feed text is untrusted. Every feed-derived string goes through `escape` (whitespace
collapsed, control and bidi characters dropped, markdown escaped, mentions broken by a zero-width space after
every "@" and "<"), or through `plain` where Discord shows text raw (footer, author); every link goes through
`safe_url` (http(s) only, no credentials, anything that could end a masked link percent-encoded). Long text is
cut at a word boundary with "…"; lists end with "+N more" rather than being cut mid-item.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from copy import deepcopy
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any
from urllib.parse import quote, urlsplit

from bot.feeds.models import Article, Feed
from bot.intel.briefing import Briefing, BriefItem
from bot.intel.models import StoryRecord
from bot.intel.relations import RelationTrend, describe_tone
from bot.intel.service import StoryView

CONTENT_LIMIT = 2000
TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
FOOTER_LIMIT = 2048
AUTHOR_LIMIT = 256
FIELDS_PER_EMBED = 25
EMBEDS_PER_MESSAGE = 10
MESSAGE_TOTAL = 6000   # title + description + field names and values + footer + author, over all embeds
MAX_LINKS = 5          # source links under an alert
URL_LIMIT = 2048       # an embed's "url"
INLINE_URL_LIMIT = 512  # a masked link inside text; a longer link leaves its text unlinked

ZWSP = "\u200b"
COLOURS = {"military": 0xC0392B, "cyber": 0x8E44AD, "information": 0x2980B9, "diplomacy": 0x27AE60,
           "economy": 0xF39C12, "politics": 0x16A085, "humanitarian": 0xD35400, "other": 0x7F8C8D}
ALERT_COLOUR, WATCH_COLOUR, NOTICE_COLOUR, ERROR_COLOUR, INFO_COLOUR = 0xE74C3C, 0xF1C40F, 0xE67E22, 0x992D22, 0x5865F2
_ARROWS = {"up": "↑", "down": "↓", "flat": "→"}
_TAG_KINDS = {"country": "Countries", "org": "Organisations", "domain": "Domains"}

_JUNK = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")  # controls, bidi, surrogates
_MARKDOWN = re.compile(r"([\\*_~`|>#\[\]()])")
_LIST_START = re.compile(r"^(?:([-+])|(\d+)\.)(?=\s)")  # "- x", "+ x", "1. x" would be lists
_HOST = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)*\.?")
_URL_SAFE = "/%:=&+,;!*$~?"  # besides letters, digits and "_.-~"; everything else is percent-encoded


@dataclass(frozen=True, slots=True)
class MessagePayload:
    """One Discord message: content and embed JSON objects, as stored in the outbox and sent by the bot."""

    content: str = ""
    embeds: tuple[dict[str, Any], ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {"content": self.content, "embeds": [deepcopy(embed) for embed in self.embeds]}

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | str) -> MessagePayload:
        if isinstance(data, str):
            data = json.loads(data)
        if not isinstance(data, Mapping):
            raise ValueError("a message payload is a JSON object")
        embeds = data.get("embeds") or []
        if not isinstance(embeds, list) or not all(isinstance(embed, dict) for embed in embeds):
            raise ValueError("embeds must be a list of objects")
        return cls(str(data.get("content") or ""), tuple(deepcopy(embeds)))


# --- text, links and limits ---------------------------------------------------------------------------------

def _collapse(text: str | None) -> str:
    return " ".join(_JUNK.sub(" ", text or "").split())


def plain(text: str | None) -> str:
    """Untrusted text for places Discord shows raw (footer, author): one line, mentions broken."""
    return _collapse(text).replace("@", "@" + ZWSP).replace("<", "<" + ZWSP)


def escape(text: str | None) -> str:
    """Untrusted text for places Discord renders markdown: one line, markdown escaped, mentions broken."""
    text = _MARKDOWN.sub(r"\\\1", _collapse(text))
    text = _LIST_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\.", text)
    return text.replace("@", "@" + ZWSP).replace("<", "<" + ZWSP)


def clip(text: str, limit: int) -> str:
    """`text` in at most `limit` characters, cut at the last space or line break with "…"; mid-word only
    when there is no break to cut at."""
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    cut = limit - 1 if text[limit - 1] in " \n" else max(head.rfind(" "), head.rfind("\n"))
    head = (head[:cut] if cut > 0 else head).rstrip()
    if (len(head) - len(head.rstrip("\\"))) % 2:  # never leave a lone escaping backslash
        head = head[:-1]
    return head + "…"


def safe_url(url: str | None, *, limit: int = URL_LIMIT) -> str | None:
    """`url` as an http(s) link that is safe inside a masked link, or None. Other schemes, credentials, odd
    hosts and over-long links are dropped; quotes, brackets, parentheses, spaces, "@" and non-ASCII are
    percent-encoded."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
        port = parts.port
        host = (parts.hostname or "").encode("idna").decode("ascii")
        link = f"{parts.scheme.lower()}://{host}{'' if port is None else f':{port}'}{quote(parts.path, _URL_SAFE)}"
        link += f"?{quote(parts.query, _URL_SAFE)}" if parts.query else ""
        link += f"#{quote(parts.fragment, _URL_SAFE)}" if parts.fragment else ""
    except (ValueError, UnicodeError):
        return None
    if parts.scheme.lower() not in ("http", "https") or "@" in parts.netloc or not _HOST.fullmatch(host):
        return None
    return link if len(link) <= limit else None


def _link(label: str, url: str | None, limit: int) -> str:
    """A masked link with escaped text (brackets become parentheses, so they cannot end it), or just the
    text when the link is not http(s)."""
    shown = clip(escape(label.replace("[", "(").replace("]", ")")), limit) or "link"
    target = safe_url(url, limit=INLINE_URL_LIMIT)
    return f"[{shown}]({target})" if target else shown


def _pack(parts: Sequence[str], limit: int = FIELD_VALUE_LIMIT, sep: str = "\n") -> str:
    """As many whole parts as fit in `limit`, then how many were left out: "…and 3 more" after lines,
    "+3 more" after a comma list."""
    def more(left: int) -> str:
        return f"…and {left} more" if "\n" in sep else f"+{left} more"

    kept: list[str] = []
    size = 0
    for index, part in enumerate(parts):
        rest = len(parts) - index - 1
        added = len(part) + (len(sep) if kept else 0)
        if size + added + (len(sep) + len(more(rest)) if rest else 0) > limit:
            break
        kept.append(part)
        size += added
    if not kept:
        return clip(sep.join(parts), limit)
    left = len(parts) - len(kept)
    return sep.join(kept + [more(left)] if left else kept)


def _names(names: Sequence[str], limit: int = FIELD_VALUE_LIMIT) -> str:
    shown = [name for name in dict.fromkeys(clip(escape(name), 100) for name in names) if name]
    return _pack(shown, limit, ", ")


def _chunks(parts: Sequence[str], limit: int, sep: str) -> list[str]:
    """Parts (each at most `limit`) grouped greedily into strings of at most `limit`."""
    chunks: list[list[str]] = [[]]
    for part in parts:
        if chunks[-1] and len(sep.join(chunks[-1] + [part])) > limit:
            chunks.append([])
        chunks[-1].append(part)
    return [sep.join(chunk) for chunk in chunks if chunk]


def embed_length(embed: Mapping[str, Any]) -> int:
    """What Discord counts towards the 6000 characters of a message (discord.py's `len(Embed)`)."""
    return (len(embed.get("title") or "") + len(embed.get("description") or "")
            + sum(len(f.get("name") or "") + len(f.get("value") or "") for f in embed.get("fields") or ())
            + len((embed.get("footer") or {}).get("text") or "") + len((embed.get("author") or {}).get("name") or ""))


def _embed(*, title: str = "", url: str | None = None, description: str = "",
           fields: Sequence[tuple[str, str, bool]] = (), footer: str = "", author: str = "",
           colour: int | None = None, timestamp: datetime | None = None, image: str | None = None) -> dict[str, Any]:
    """An embed from already-escaped parts, each clipped to its limit, the whole trimmed to fit a message;
    empty parts (and fields with an empty value) are left out."""
    embed: dict[str, Any] = {
        "title": clip(title, TITLE_LIMIT), "url": safe_url(url) if title else None,
        "description": clip(description, DESCRIPTION_LIMIT),
        "fields": [{"name": clip(name, FIELD_NAME_LIMIT), "value": clip(value, FIELD_VALUE_LIMIT), "inline": inline}
                   for name, value, inline in fields if name and value][:FIELDS_PER_EMBED],
        "footer": {"text": clip(footer, FOOTER_LIMIT)} if footer else None,
        "author": {"name": clip(author, AUTHOR_LIMIT)} if author else None,
        "color": colour, "timestamp": _utc(timestamp).isoformat() if timestamp else None,
        "image": {"url": image} if image else None,
    }
    return _fit({key: value for key, value in embed.items() if value is not None and value != "" and value != []})


def _fit(embed: dict[str, Any]) -> dict[str, Any]:
    """Within 6000 characters: shorten a long description, then drop trailing fields, then shorten again."""
    def excess() -> int:
        return embed_length(embed) - MESSAGE_TOTAL

    description, fields = embed.get("description", ""), embed.get("fields", [])
    if excess() > 0 and len(description) > FIELD_VALUE_LIMIT:
        embed["description"] = clip(description, max(FIELD_VALUE_LIMIT, len(description) - excess()))
    while excess() > 0 and fields:
        fields.pop()
    if excess() > 0 and embed.get("description"):
        embed["description"] = clip(embed["description"], max(1, len(embed["description"]) - excess()))
    if not fields:
        embed.pop("fields", None)
    return embed


def _one(**parts: Any) -> MessagePayload:
    return MessagePayload(embeds=(_embed(**parts),))


def _messages(embeds: Sequence[dict[str, Any]], content: str = "") -> list[MessagePayload]:
    """Embeds packed into as few messages as the 10-embed and 6000-character limits allow."""
    groups: list[list[dict[str, Any]]] = [[]]
    size = 0
    for embed in embeds:
        if groups[-1] and (len(groups[-1]) == EMBEDS_PER_MESSAGE or size + embed_length(embed) > MESSAGE_TOTAL):
            groups.append([])
            size = 0
        groups[-1].append(embed)
        size += embed_length(embed)
    return [MessagePayload(clip(content, CONTENT_LIMIT) if index == 0 else "", tuple(group))
            for index, group in enumerate(groups)]


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


def _ago(value: datetime) -> str:
    return f"<t:{int(_utc(value).timestamp())}:R>"


def _n(count: int, singular: str, plural: str | None = None) -> str:
    return f"{count} {singular if count == 1 else plural or singular + 's'}"


def _outlet(article: Article) -> str:
    return article.feed_title or article.publisher or f"feed #{article.feed_id}"


def _domain_field(story: StoryRecord) -> tuple[str, str, bool]:
    """The story's primary domain, then its others by weight: at most three."""
    ranked = dict.fromkeys([story.primary_domain] if story.primary_domain else [])
    ranked.update(dict.fromkeys(sorted(story.domains, key=lambda d: (-story.domains[d], d))))
    domains = list(ranked)[:3]
    return ("Domains" if len(domains) > 1 else "Domain", ", ".join(map(escape, domains)), True)


def _sources(urls: Sequence[str | None]) -> str:
    """Up to MAX_LINKS distinct safe links, numbered, shown by host."""
    targets = list(dict.fromkeys(t for t in (safe_url(u, limit=INLINE_URL_LIMIT) for u in urls) if t))
    lines = [f"{i}. [{escape(urlsplit(t).hostname)}]({t})" for i, t in enumerate(targets[:MAX_LINKS], 1)]
    return _pack(lines)


# --- renderers ----------------------------------------------------------------------------------------------

def story_post(article: Article, story: StoryRecord | None, *, actor_names: Sequence[str] = (),
               also_reported_by: Sequence[str] = ()) -> MessagePayload:
    """A new story in a channel: the article, who it is about, and how widely it is carried."""
    outlets = [f"{_n(story.publisher_count, 'outlet')}, {_n(story.article_count, 'article')}"] if story else []
    outlets += [f"Also reported by {others}"] if (others := _names(also_reported_by, 900)) else []
    fields = [("Actors", _names(actor_names), True), *([_domain_field(story)] if story else []),
              ("Outlets", "\n".join(outlets), True)]
    feed = clip(plain(_outlet(article)), 200)
    return _one(
        title=escape(article.title) or "(untitled)", url=article.link, description=escape(article.summary),
        fields=fields, footer=f"Story #{story.id} · {feed}" if story else feed, timestamp=article.published,
        colour=COLOURS.get((story.primary_domain if story else None) or "other", COLOURS["other"]),
    )


def overflow_summary(articles: Sequence[Article], *, cap: int) -> MessagePayload:
    """The articles beyond a channel's per-cycle cap (the caller passes only those), one linked line each."""
    if not articles:
        return MessagePayload(content="No more stories this cycle.")
    lines = [f"• {_link(a.title or '(untitled)', a.link, 150)} — {clip(escape(_outlet(a)), 60)}" for a in articles]
    return _one(
        title=f"{_n(len(articles), 'more story', 'more stories')} this cycle",
        description=_pack(lines, DESCRIPTION_LIMIT), colour=INFO_COLOUR,
        footer=f"This channel gets up to {_n(cap, 'post')} per cycle; the rest are listed here.",
    )


def watch_alert(article: Article, story: StoryRecord, *, watch_label: str, actor_names: Sequence[str],
                links: Sequence[str]) -> MessagePayload:
    """A watched actor or phrase turned up: the article, its story, and the links it is based on."""
    fields = [("Actors", _names(actor_names), True),
              ("Story", f"#{story.id} · {_n(story.publisher_count, 'outlet')}, {_n(story.article_count, 'article')}",
               True), ("Sources", _sources([article.link, *links]), False)]
    return _one(
        author=f"Watch: {clip(plain(watch_label), 200)}", title=escape(article.title) or "(untitled)",
        url=article.link, description=clip(escape(article.summary), 1000), fields=fields,
        footer=f"Story #{story.id} · {clip(plain(_outlet(article)), 200)}", timestamp=article.published,
        colour=WATCH_COLOUR,
    )


def breaking_alert(story: StoryRecord, articles: Sequence[Article], *, min_publishers: int,
                   within_minutes: int) -> MessagePayload:
    """Several outlets carried one story within minutes: who did (each outlet's first article, as the planner
    counts them: those within `within_minutes` of the latest), and links to their articles."""
    ordered = sorted(articles, key=lambda a: (_utc(a.published), a.id))
    first: dict[str, Article] = {}  # by publisher, as the planner counts them; shown by outlet name
    for article in ordered:
        first.setdefault(article.publisher or _outlet(article), article)
    latest = max((_utc(a.published) for a in first.values()), default=None)
    window = timedelta(minutes=within_minutes)
    recent = [a for a in first.values() if latest is not None and latest - _utc(a.published) <= window]
    lead = recent[0] if recent else None
    description = (f"{_n(len(recent) or story.publisher_count, 'outlet')} reported this within "
                   f"{within_minutes} minutes (alert threshold: {min_publishers}).\n\n"
                   f"{clip(escape(lead.summary), 800) if lead else ''}").strip()
    fields = [("Outlets", _names(list(dict.fromkeys(_outlet(a) for a in recent))), False), _domain_field(story),
              ("Actors", _names(sorted(story.actors, key=lambda a: (-story.actors[a], a))), True),
              ("Sources", _sources([a.link for a in [*recent, *reversed(ordered)]]), False)]
    return _one(
        title=f"Breaking: {escape(story.label)}", url=lead.link if lead else None, description=description,
        fields=fields, footer=f"Story #{story.id}", timestamp=story.last_seen, colour=ALERT_COLOUR,
    )


def _period(briefing: Briefing) -> str:
    hours = round((briefing.end - briefing.start).total_seconds() / 3600)
    scope = [f"{key} {value}" for key, value in (("country", briefing.country), ("domain", briefing.domain)) if value]
    extra = f" ({escape(', '.join(scope))})" if scope else ""
    return f"the {hours} hours to {_utc(briefing.end):%d %b %H:%M} UTC{extra}"


def _brief_block(item: BriefItem) -> str:
    metrics = (f"{_n(item.metrics.publishers, 'outlet')}, {_n(item.articles, 'article')}, "
               f"{escape(item.metrics.phase)}{' · watched' if item.watched else ''}")
    link = next((link for link in item.links if safe_url(link, limit=INLINE_URL_LIMIT)), None)
    details = [f"**Actors:** {actors}" if (actors := _names(item.actors, 300)) else "",
               f"**Outlets:** {_names(item.outlets, 300) or 'unknown'}"]
    lines = [f"**{_link(item.label, link, 200)}** · {metrics}", clip(escape(item.summary), 700),
             " · ".join(detail for detail in details if detail)]
    return "\n".join(line for line in lines if line)


def briefing_messages(briefing: Briefing, *, title: str = "Briefing") -> list[MessagePayload]:
    """A briefing as embeds, one per domain section (more when a section is long), over as many messages as
    Discord's limits need; the heading is the first message's content."""
    heading = f"**{clip(escape(title), 200)}** for {_period(briefing)}"
    if not briefing.sections:
        return [MessagePayload(content=f"{heading}\nNothing in this period.")]
    embeds = []
    for section in briefing.sections:
        name = escape(section.domain.capitalize())
        blocks = _chunks([_brief_block(item) for item in section.items], DESCRIPTION_LIMIT, "\n\n")
        for index, block in enumerate(blocks):
            embeds.append(_embed(title=name if index == 0 else f"{name} (continued)", description=block,
                                 colour=COLOURS.get(section.domain, COLOURS["other"])))
    shown = len(briefing.items)
    embeds[-1]["footer"] = {"text": f"{_n(shown, 'story', 'stories')} of {max(shown, briefing.considered)} "
                                    f"in the period"}
    return _messages(embeds, heading)


def relations_embed(trend: RelationTrend, names: tuple[str, str], *,
                    chart_filename: str | None = None) -> MessagePayload:
    """How two countries relate: coverage and tone by domain, against the period before."""
    a, b = (clip(escape(name), 100) for name in names)
    days = (trend.end - trend.start).days
    lines = [f"Articles naming both: **{trend.articles}** (the {days} days before: {trend.previous_articles})",
             f"Tone: {describe_tone(trend.tone)} ({_signed(trend.tone)}; before {_signed(trend.previous_tone)})"]
    if not trend.domains:
        lines.append("No coverage of this pair in either period.")
    fields = [(f"{escape(d.domain.capitalize())} {_ARROWS.get(d.direction, '')}",
               f"{d.articles} articles (before {d.previous_articles})\n{_n(d.stories, 'story', 'stories')} · "
               f"tone {_signed(d.tone)}", True) for d in trend.domains[:FIELDS_PER_EMBED - 1]]
    if trend.top_stories:
        stories = [f"• {_utc(s.first_seen):%d %b} {clip(escape(s.label), 150)} (story {s.id}, "
                   f"{_n(s.publisher_count, 'outlet')})" for s in trend.top_stories]
        fields.append(("Top stories", _pack(stories), False))
    return _one(
        title=f"{a} and {b}: the last {days} days", description="\n".join(lines), fields=fields,
        footer=f"To {_utc(trend.end):%d %b %Y}, against the {days} days before", colour=INFO_COLOUR,
        image=f"attachment://{chart_filename}" if chart_filename else None,
    )


def _signed(value: float | None) -> str:
    return "n/a" if value is None else f"{value:+.1f}"


def story_embed(view: StoryView) -> MessagePayload:
    """One story in detail: coverage by outlet with times, and each tag with the words that caused it."""
    story = view.story
    ordered = sorted(view.articles, key=lambda a: (a.published, a.id))
    coverage = [f"{_ago(a.published)} **{clip(escape(_outlet(a)), 60)}**: {_link(a.title or '(untitled)', a.link, 150)}"
                f"{' (copy)' if a.duplicate_of else ''}" for a in ordered]
    summary = (f"{_n(story.publisher_count, 'outlet')}, {_n(len(view.articles), 'article')}, "
               f"{escape(view.metrics.phase)} · first seen {_ago(story.first_seen)}, last {_ago(story.last_seen)}")
    fields = []
    for kind in dict.fromkeys(tag.kind for tag in view.tags):
        lines = [f"**{clip(escape(tag.name), 80)}** — {_evidence(tag.evidence)} ({_n(tag.articles, 'article')})"
                 for tag in view.tags if tag.kind == kind]
        fields.append((_TAG_KINDS.get(kind, escape(kind.capitalize())), _pack(lines), False))
    originals = [a for a in ordered if a.duplicate_of is None] or ordered
    return _one(
        title=f"Story #{story.id}: {escape(story.label)}", url=originals[0].link if originals else None,
        description=f"{summary}\n\n**Coverage**\n{_pack(coverage, 3000) or 'No articles.'}", fields=fields,
        footer=f"Story #{story.id}", timestamp=story.last_seen,
        colour=COLOURS.get(story.primary_domain or "other", COLOURS["other"]),
    )


def _evidence(words: Sequence[str]) -> str:
    quoted = [f"“{clip(escape(word), 60)}”" for word in words if escape(word)]
    return _pack(quoted, 300, ", ") or "-"


def feed_disabled_notice(feed: Feed) -> MessagePayload:
    """A feed stopped being fetched: why, and what it last said."""
    failures = feed.consecutive_failures
    lines = [f"Sitrep stopped fetching this feed: {clip(escape(feed.disabled_reason or 'no reason given'), 500)}",
             f"Last error: {clip(escape(feed.last_error), 500)}" if feed.last_error else "",
             f"{_n(failures, 'failed fetch', 'failed fetches')} in a row" if failures else "",
             f"Last successful fetch: {_ago(feed.last_ok_at)}" if feed.last_ok_at else "",
             f"Address: {clip(escape(feed.url), 600)}"]
    return _one(
        title=f"Feed disabled: {clip(escape(feed.display_name), 200)}", url=feed.site_url or feed.url,
        description="\n".join(line for line in lines if line), footer=f"Feed #{feed.id}", colour=NOTICE_COLOUR,
    )


def error_embed(message: str) -> MessagePayload:
    return _one(description=escape(message) or "Something went wrong.", colour=ERROR_COLOUR)


def search_page(articles: Sequence[Article], *, query: str, page: int, pages: int) -> MessagePayload:
    """One page of search results: each article linked, with its outlet, time and a line of its text."""
    blocks = [f"**{_link(a.title or '(untitled)', a.link, 150)}**\n{clip(escape(_outlet(a)), 60)} · "
              f"{_ago(a.published)}" + (f"\n{clip(escape(a.summary), 200)}" if a.summary.strip() else "")
              for a in articles]
    description = _pack(blocks, DESCRIPTION_LIMIT, "\n\n")
    return _one(
        title=f"Search: {clip(escape(query), 200) or '(empty)'}", description=description or "No articles match.",
        footer=f"Page {page} of {max(pages, 1)}", colour=INFO_COLOUR,
    )


# --- validation ---------------------------------------------------------------------------------------------

def validate_payload(payload: MessagePayload) -> None:
    """Raise ValueError naming the first Discord limit `payload` breaks, or a link that is not http(s)."""
    if not payload.content and not payload.embeds:
        raise ValueError("a message needs content or an embed")
    if len(payload.embeds) > EMBEDS_PER_MESSAGE:
        raise ValueError(f"{len(payload.embeds)} embeds (limit {EMBEDS_PER_MESSAGE})")
    texts = [("content", payload.content, CONTENT_LIMIT)]
    for embed in payload.embeds:
        fields = embed.get("fields") or []
        if len(fields) > FIELDS_PER_EMBED:
            raise ValueError(f"{len(fields)} fields (limit {FIELDS_PER_EMBED})")
        if not all(field.get("name") and field.get("value") for field in fields):
            raise ValueError("every field needs a name and a value")
        texts += [("title", embed.get("title"), TITLE_LIMIT),
                  ("description", embed.get("description"), DESCRIPTION_LIMIT),
                  ("footer", (embed.get("footer") or {}).get("text"), FOOTER_LIMIT),
                  ("author", (embed.get("author") or {}).get("name"), AUTHOR_LIMIT)]
        texts += [(f"field {what}", field.get(what), limit) for field in fields
                  for what, limit in (("name", FIELD_NAME_LIMIT), ("value", FIELD_VALUE_LIMIT))]
        for key in ("url", "author", "image", "thumbnail"):
            url = embed.get(key) if key == "url" else (embed.get(key) or {}).get("url")
            attachment = key in ("image", "thumbnail") and str(url).startswith("attachment://")
            if url is not None and not attachment and (not isinstance(url, str) or safe_url(url) is None):
                raise ValueError(f"{key} link is not an http(s) URL: {str(url)[:80]!r}")
    for what, text, limit in texts:
        if text is not None and (not isinstance(text, str) or len(text) > limit):
            raise ValueError(f"{what}: {len(text) if isinstance(text, str) else type(text).__name__} (limit {limit})")
    if (total := sum(embed_length(embed) for embed in payload.embeds)) > MESSAGE_TOTAL:
        raise ValueError(f"{total} characters across embeds (limit {MESSAGE_TOTAL})")
