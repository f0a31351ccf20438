"""OPML import and export: untrusted XML in, well-formed XML out."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest

from bot.feeds.opml import MAX_OPML_BYTES, OpmlError, OpmlFeed, parse_opml, render_opml

NESTED = b"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>My feeds</title></head>
  <body>
    <outline text="World">
      <outline text="Reuters World" type="rss" xmlUrl="https://feeds.example/reuters/world"/>
      <outline text="Europe">
        <outline text="EU Observer" title="EUobserver" type="rss" xmlUrl="https://euobserver.example/rss"/>
      </outline>
    </outline>
    <outline text="Asia" type="rss" xmlUrl="http://asia.example/feed.xml"/>
    <outline text="Reuters again" type="rss" xmlUrl="https://feeds.example/reuters/world"/>
    <outline text="Podcast" type="rss" xmlUrl="ftp://podcasts.example/feed"/>
    <outline text="Script" type="rss" xmlUrl="javascript:alert(1)"/>
    <outline text="Relative" type="rss" xmlUrl="/relative/feed"/>
    <outline text="Empty" type="rss" xmlUrl=""/>
    <outline text="Just a link" type="link" url="https://blog.example/"/>
    <outline text="Old spelling" type="rss" xmlurl="https://lower.example/rss"/>
    <outline type="rss" xmlUrl="  https://untitled.example/rss  "/>
  </body>
</opml>"""


def test_nested_outlines_in_document_order() -> None:
    feeds = parse_opml(NESTED)
    assert [feed.url for feed in feeds] == [
        "https://feeds.example/reuters/world",
        "https://euobserver.example/rss",
        "http://asia.example/feed.xml",
        "https://lower.example/rss",
        "https://untitled.example/rss",
    ]


def test_titles_prefer_title_then_text_then_none() -> None:
    titles = {feed.url: feed.title for feed in parse_opml(NESTED)}
    assert titles["https://euobserver.example/rss"] == "EUobserver"
    assert titles["https://feeds.example/reuters/world"] == "Reuters World"  # the first of the duplicates
    assert titles["https://untitled.example/rss"] is None


def test_duplicates_are_removed() -> None:
    urls = [feed.url for feed in parse_opml(NESTED)]
    assert urls.count("https://feeds.example/reuters/world") == 1
    assert len(urls) == len(set(urls))


def test_non_http_urls_are_skipped() -> None:
    urls = " ".join(feed.url for feed in parse_opml(NESTED))
    for skipped in ("ftp:", "javascript:", "/relative/feed", "blog.example"):
        assert skipped not in urls


def test_empty_body_gives_no_feeds() -> None:
    assert parse_opml(b'<opml version="2.0"><head/><body/></opml>') == []


@pytest.mark.parametrize("data", [
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>',
    b"<html><body><outline xmlUrl='https://x.example/rss'/></body></html>",
    b'<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>',
])
def test_non_opml_root_is_refused(data: bytes) -> None:
    with pytest.raises(OpmlError, match="not an OPML file"):
        parse_opml(data)


@pytest.mark.parametrize("data", [
    b"",
    b"not xml at all",
    b'<opml version="2.0"><body><outline xmlUrl="https://a.example/rss"></body></opml>',
    b'<opml version="2.0"><body><outline xmlUrl="https://a.example/rss?a=1&b=2"/></body></opml>',
    b'{"feeds": []}',
])
def test_invalid_xml_is_refused(data: bytes) -> None:
    with pytest.raises(OpmlError, match="not valid XML"):
        parse_opml(data)


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE opml [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<opml version="2.0"><head><title>&lol9;</title></head><body>
<outline text="&lol9;" title="&lol9;" xmlUrl="https://laughs.example/rss"/>
</body></opml>"""


def test_entity_expansion_bomb_does_not_blow_up() -> None:
    """A billion laughs would expand to about 3 GB; it is either refused or parsed without expansion."""
    started = time.monotonic()
    try:
        feeds = parse_opml(BILLION_LAUGHS)
    except OpmlError:
        feeds = None
    assert time.monotonic() - started < 2.0
    if feeds is not None:
        assert all(len(feed.title or "") < 10_000 for feed in feeds)


def test_external_entities_are_not_read() -> None:
    xxe = b"""<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>
<opml version="2.0"><body><outline text="&xxe;" xmlUrl="https://a.example/rss"/></body></opml>"""
    try:
        feeds = parse_opml(xxe)
    except OpmlError:
        return
    assert all(feed.title in (None, "", "&xxe;", "https://a.example/rss") for feed in feeds), feeds


def test_oversize_file_is_refused_before_parsing() -> None:
    padding = b"<!--" + b"x" * MAX_OPML_BYTES + b"-->"
    data = b'<opml version="2.0"><body>' + padding + b"</body></opml>"
    with pytest.raises(OpmlError, match="larger than"):
        parse_opml(data)


def test_file_just_under_the_limit_is_read() -> None:
    head = b'<opml version="2.0"><body><outline text="a" xmlUrl="https://a.example/rss"/><!--'
    tail = b"--></body></opml>"
    data = head + b"x" * (MAX_OPML_BYTES - len(head) - len(tail)) + tail
    assert len(data) == MAX_OPML_BYTES
    assert [feed.url for feed in parse_opml(data)] == ["https://a.example/rss"]


# --- render ---

def test_render_round_trips_awkward_titles_and_urls() -> None:
    feeds = [
        OpmlFeed("https://a.example/rss?x=1&y=2", 'Tom & Jerry <News> "quoted" \'single\''),
        OpmlFeed("https://b.example/feed", "Caf\u00e9 \u2014 T\u00fcrkiye \U0001f4f0"),
        OpmlFeed("https://c.example/atom", "Line\twith\ttabs"),
    ]
    text = render_opml(feeds, title="Mine & <yours>", now=datetime(2024, 6, 4, 12, 0, tzinfo=UTC))
    assert parse_opml(text.encode("utf-8")) == [
        feeds[0], feeds[1], OpmlFeed("https://c.example/atom", "Line\twith\ttabs"),
    ]


def test_render_uses_the_url_when_there_is_no_title() -> None:
    text = render_opml([OpmlFeed("https://a.example/rss", None)])
    assert parse_opml(text.encode()) == [OpmlFeed("https://a.example/rss", "https://a.example/rss")]


def test_render_output_is_well_formed_opml() -> None:
    from lxml import etree

    now = datetime(2024, 6, 4, 12, 0, tzinfo=UTC)
    text = render_opml([OpmlFeed("https://a.example/rss", "A")], title='T & "t"', now=now)
    root = etree.fromstring(text.encode())
    assert root.tag == "opml"
    assert root.get("version") == "2.0"
    assert root.findtext("head/title") == 'T & "t"'
    assert root.findtext("head/dateCreated") == "Tue, 04 Jun 2024 12:00:00 GMT"
    [outline] = root.iter("outline")
    assert outline.get("type") == "rss"
    assert outline.get("xmlUrl") == "https://a.example/rss"


def test_render_empty_list() -> None:
    assert parse_opml(render_opml([]).encode()) == []
