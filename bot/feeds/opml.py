"""OPML in and out: the format every feed reader imports and exports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from xml.sax.saxutils import quoteattr

from lxml import etree

from bot.feeds.urls import is_http_url

MAX_OPML_BYTES = 2 * 1024 * 1024


class OpmlError(ValueError):
    """The file is not OPML we can read; the message is fit for a user."""


@dataclass(frozen=True, slots=True)
class OpmlFeed:
    url: str
    title: str | None


def parse_opml(data: bytes) -> list[OpmlFeed]:
    """Every outline with an http(s) `xmlUrl`, in document order, without repeats.

    The parser resolves no entities and fetches nothing: an OPML file is untrusted input.
    """
    if len(data) > MAX_OPML_BYTES:
        raise OpmlError(f"the file is larger than {MAX_OPML_BYTES // 1024} KiB")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise OpmlError(f"not valid XML: {exc.msg}") from None
    if root.tag.lower() != "opml":
        raise OpmlError("not an OPML file (the root element is not <opml>)")
    feeds: dict[str, OpmlFeed] = {}
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if url and is_http_url(url) and url not in feeds:
            title = (outline.get("title") or outline.get("text") or "").strip() or None
            feeds[url] = OpmlFeed(url, title)
    return list(feeds.values())


def render_opml(feeds: list[OpmlFeed], *, title: str = "Sitrep feeds", now: datetime | None = None) -> str:
    stamp = format_datetime(now or datetime.now(UTC), usegmt=True)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        f"  <head><title>{_text(title)}</title><dateCreated>{stamp}</dateCreated></head>",
        "  <body>",
    ]
    for feed in feeds:
        label = quoteattr(feed.title or feed.url)
        lines.append(f'    <outline type="rss" text={label} title={label} xmlUrl={quoteattr(feed.url)}/>')
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines)


def _text(value: str) -> str:
    return quoteattr(value)[1:-1]
