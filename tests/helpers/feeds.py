"""Builders for feed documents used across tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime
from xml.sax.saxutils import escape


@dataclass(frozen=True)
class Item:
    title: str
    body: str = ""
    guid: str | None = None
    link: str | None = None
    date: datetime | None = None


def rss(items: list[Item], *, title: str = "Test feed", link: str = "https://test.example/") -> bytes:
    parts = []
    for item in items:
        fields = [f"<title>{escape(item.title)}</title>"]
        if item.link:
            fields.append(f"<link>{escape(item.link)}</link>")
        if item.guid:
            fields.append(f'<guid isPermaLink="false">{escape(item.guid)}</guid>')
        if item.date:
            fields.append(f"<pubDate>{format_datetime(item.date)}</pubDate>")
        fields.append(f"<description>{escape(item.body)}</description>")
        parts.append("<item>" + "".join(fields) + "</item>")
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{escape(title)}</title>'
            f"<link>{escape(link)}</link><description>d</description>{''.join(parts)}</channel></rss>").encode()
