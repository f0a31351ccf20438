"""Feed bytes to `ParsedFeed`: fastfeedparser first (about 60x faster), feedparser where it gives up.

Both are well-kept parsers; we only normalise what they return: HTML to plain text, dates to UTC.
"""

from __future__ import annotations

import calendar
import html
import logging
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import fastfeedparser
import feedparser
from lxml import etree

from bot.feeds.models import ParsedEntry, ParsedFeed
from bot.feeds.text import collapse_whitespace, html_to_text

log = logging.getLogger(__name__)

MAX_SUMMARY_CHARS = 4000

# feedparser flags these but still parses the document correctly.
_BENIGN_BOZO = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)
# XML errors that real feeds commit without losing anything (an HTML entity such as &nbsp;).
_FORGIVABLE_XML_ERRORS = frozenset({etree.ErrorTypes.ERR_UNDECLARED_ENTITY, etree.ErrorTypes.WAR_UNDECLARED_ENTITY})
_LATIN_DECLARATION = re.compile(rb"^(\s*<\?xml[^>]*encoding=[\"'])(iso-8859-1|latin-?1|windows-1252|us-ascii)([\"'])",
                                re.IGNORECASE)


class FeedParseError(Exception):
    """The body is not a feed we can read; the message is short enough to store on the feed."""


def parse_feed(body: bytes) -> ParsedFeed:
    """Parse RSS 0.9x/1.0/2.0 or Atom bytes. Raise `FeedParseError` when neither parser can read them."""
    if not body or not body.strip():
        raise FeedParseError("empty response body")
    body = _repair_declared_encoding(body)
    problem = _xml_problem(body)
    if problem:
        raise FeedParseError(f"malformed feed: {problem}")
    if problem is None:
        try:
            return _from_fastfeedparser(fastfeedparser.parse(body))
        except Exception as exc:  # noqa: BLE001 - any failure here just means "try the lenient parser"
            log.debug("fastfeedparser failed (%s); falling back to feedparser", exc)
    # feedparser knows HTML entities (&nbsp;) that a recovering XML parser would cut the text at.
    return _from_feedparser(body, forgiving=problem == "")


def _xml_problem(body: bytes) -> str | None:
    """None when the XML is well-formed; "" when its only faults are forgivable; else what is wrong.

    Recovering parsers happily return the first half of a truncated feed; a strict pass first tells a broken
    document (recorded as an error on the feed) from a merely sloppy one.
    """
    try:
        etree.fromstring(body, etree.XMLParser(resolve_entities=False, no_network=True, recover=False))
    except etree.XMLSyntaxError as exc:
        if exc.code in _FORGIVABLE_XML_ERRORS:
            return ""
        return collapse_whitespace(exc.msg or str(exc))[:200]
    except ValueError as exc:
        return str(exc)[:200]
    return None


def _repair_declared_encoding(body: bytes) -> bytes:
    """A feed that declares Latin-1 but is really UTF-8 (a common server mistake) would turn "Türkiye" into
    "TÃ¼rkiye"; when the bytes are valid UTF-8 with non-ASCII text in them, believe the bytes."""
    match = _LATIN_DECLARATION.match(body[:200])
    if match is None or body.isascii():
        return body
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return body
    return body[:match.start(2)] + b"utf-8" + body[match.end(2):]


def _from_fastfeedparser(result: Mapping[str, Any]) -> ParsedFeed:
    feed = result.get("feed") or {}
    entries = tuple(
        ParsedEntry(
            guid=_clean_id(raw.get("id")),
            link=_clean_id(raw.get("link")),
            title=html_to_text(raw.get("title")),
            summary=_summary(raw.get("description") or "", _first_content(raw)),
            published=_parse_iso(raw.get("published") or raw.get("updated")),
        )
        for raw in result.get("entries") or ()
    )
    return ParsedFeed(title=_title(feed.get("title")), site_url=_clean_id(feed.get("link")), entries=entries)


def _from_feedparser(body: bytes, *, forgiving: bool) -> ParsedFeed:
    result = feedparser.parse(body)
    problem = result.get("bozo_exception") if result.get("bozo") else None
    if problem is not None and not forgiving and not isinstance(problem, _BENIGN_BOZO):
        raise FeedParseError(f"malformed feed: {_describe(problem)}")
    if not result.get("version") and not result.entries:
        raise FeedParseError("not an RSS or Atom feed")
    entries = tuple(
        ParsedEntry(
            guid=_clean_id(raw.get("id")),
            link=_clean_id(raw.get("link")),
            title=html_to_text(raw.get("title")),
            summary=html_to_text(raw.get("summary") or _first_content(raw))[:MAX_SUMMARY_CHARS],
            published=_from_struct(raw.get("published_parsed") or raw.get("updated_parsed")),
        )
        for raw in result.entries
    )
    feed = result.get("feed") or {}
    return ParsedFeed(title=_title(feed.get("title")), site_url=_clean_id(feed.get("link")), entries=entries)


def _summary(description: str, content: str) -> str:
    """The item's text. fastfeedparser fills a missing description from the first 512 characters of the content,
    stripped with a regex that keeps the text of <script> and <style>; when the description is that, the content,
    cleaned properly, is the real text. Capped: a summary, not a book."""
    if content and _naive_text(content).startswith(collapse_whitespace(description)):
        return html_to_text(content)[:MAX_SUMMARY_CHARS]
    cleaned, full = html_to_text(description), html_to_text(content)
    if full and len(full) > len(cleaned) and full.startswith(cleaned[:200]):
        return full[:MAX_SUMMARY_CHARS]
    return cleaned[:MAX_SUMMARY_CHARS]


def _naive_text(fragment: str) -> str:
    return collapse_whitespace(html.unescape(re.sub(r"<[^>]*>", " ", fragment)))


def _first_content(raw: Mapping[str, Any]) -> str:
    for content in raw.get("content") or ():
        value = content.get("value") if isinstance(content, Mapping) else None
        if value:
            return str(value)
    return ""


def _title(value: Any) -> str | None:
    text = html_to_text(value) if value else ""
    return text or None


def _clean_id(value: Any) -> str | None:
    if not value:
        return None
    text = collapse_whitespace(str(value))
    return text or None


def _parse_iso(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def _from_struct(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
    except (OverflowError, ValueError, TypeError):
        return None


def _describe(problem: BaseException) -> str:
    text = collapse_whitespace(str(problem)) or type(problem).__name__
    return text[:200]
