"""parse_feed: every feed dialect to clean `ParsedEntry`s, and a clear `FeedParseError` for what is not a feed."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.feeds.parser import FeedParseError, parse_feed
from tests.helpers.feeds import Item, rss

RSS_20 = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0">
  <channel>
    <title>World &amp; Co</title>
    <link>https://news.example/</link>
    <description>World news</description>
    <item>
      <title>Ceasefire talks &amp; more</title>
      <link>https://news.example/a1</link>
      <guid isPermaLink="false">a-1</guid>
      <pubDate>Tue, 04 Jun 2024 15:30:00 +0300</pubDate>
      <description><![CDATA[<p>Talks <b>resumed</b> &amp; continued&nbsp;today.</p><script>alert("pwned")</script><style>p{color:red}</style>]]></description>
    </item>
    <item>
      <title>Undated item</title>
      <link>https://news.example/a2</link>
      <description>Escaped &lt;i&gt;markup&lt;/i&gt; &amp;amp; an &lt;script&gt;evil()&lt;/script&gt; tag</description>
    </item>
    <item>
      <link>https://news.example/a3</link>
      <description>An item without a title</description>
    </item>
  </channel>
</rss>"""

RSS_091 = b"""<?xml version="1.0" encoding="ISO-8859-1"?>
<rss version="0.91">
  <channel>
    <title>Old feed</title>
    <link>https://old.example/</link>
    <description>An RSS 0.91 feed</description>
    <language>en</language>
    <item>
      <title>Old item</title>
      <link>https://old.example/1</link>
      <description>Old &lt;i&gt;summary&lt;/i&gt; text</description>
    </item>
  </channel>
</rss>"""

RSS_10 = b"""<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://rdf.example/">
    <title>RDF feed</title>
    <link>https://rdf.example/</link>
    <description>An RSS 1.0 feed</description>
    <items><rdf:Seq><rdf:li rdf:resource="https://rdf.example/1"/></rdf:Seq></items>
  </channel>
  <item rdf:about="https://rdf.example/1">
    <title>RDF item</title>
    <link>https://rdf.example/1</link>
    <description>RDF summary</description>
    <dc:date>2024-06-04T10:00:00-05:00</dc:date>
  </item>
</rdf:RDF>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Atom feed</title>
  <link href="https://atom.example/"/>
  <id>urn:uuid:feed</id>
  <updated>2024-06-05T12:00:00Z</updated>
  <entry>
    <title type="html">Atom &lt;em&gt;one&lt;/em&gt;</title>
    <link rel="alternate" href="https://atom.example/1"/>
    <id>urn:uuid:1</id>
    <published>2024-06-04T12:00:00+02:00</published>
    <updated>2024-06-05T12:00:00+02:00</updated>
    <summary type="html">&lt;p&gt;Atom &amp;amp; summary&lt;/p&gt;</summary>
  </entry>
  <entry>
    <title>Only xhtml content</title>
    <link href="https://atom.example/2"/>
    <id>urn:uuid:2</id>
    <updated>2024-06-04T08:00:00-04:00</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Content <b>only</b> here</p></div></content>
  </entry>
  <entry>
    <title>Only html content</title>
    <link href="https://atom.example/3"/>
    <id>urn:uuid:3</id>
    <updated>2024-06-04T08:00:00Z</updated>
    <content type="html">&lt;p&gt;Escaped &lt;b&gt;html&lt;/b&gt; content&lt;/p&gt;&lt;script&gt;steal()&lt;/script&gt;</content>
  </entry>
</feed>"""


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


# --- the four dialects ---

def test_rss_20() -> None:
    feed = parse_feed(RSS_20)
    assert feed.title == "World & Co"
    assert feed.site_url == "https://news.example/"
    assert len(feed.entries) == 3
    first = feed.entries[0]
    assert first.guid == "a-1"
    assert first.link == "https://news.example/a1"
    assert first.title == "Ceasefire talks & more"
    assert first.summary == "Talks resumed & continued today."
    assert first.published == utc(2024, 6, 4, 12, 30)


def test_rss_091() -> None:
    feed = parse_feed(RSS_091)
    assert feed.title == "Old feed"
    [entry] = feed.entries
    assert entry.link == "https://old.example/1"
    assert entry.title == "Old item"
    assert entry.summary == "Old summary text"
    assert entry.published is None


def test_rss_091_with_its_netscape_doctype() -> None:
    """Real 0.91 feeds carry a DOCTYPE naming a remote DTD; it must be neither fetched nor fatal."""
    with_doctype = RSS_091.replace(
        b"<rss", b'<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
                 b'"http://my.netscape.com/publish/formats/rss-0.91.dtd">\n<rss', 1)
    feed = parse_feed(with_doctype)
    assert [entry.title for entry in feed.entries] == ["Old item"]


def test_rss_10_rdf() -> None:
    feed = parse_feed(RSS_10)
    assert feed.title == "RDF feed"
    [entry] = feed.entries
    assert entry.guid == "https://rdf.example/1" or entry.guid is None
    assert entry.link == "https://rdf.example/1"
    assert entry.title == "RDF item"
    assert entry.summary == "RDF summary"
    assert entry.published == utc(2024, 6, 4, 15, 0)


def test_atom_10() -> None:
    feed = parse_feed(ATOM)
    assert feed.title == "Atom feed"
    assert feed.site_url == "https://atom.example/"
    first = feed.entries[0]
    assert first.guid == "urn:uuid:1"
    assert first.link == "https://atom.example/1"
    assert first.title == "Atom one"
    assert first.summary == "Atom & summary"
    # <published> wins over <updated>, and +02:00 becomes UTC.
    assert first.published == utc(2024, 6, 4, 10, 0)


def test_atom_with_only_content_and_no_summary() -> None:
    entries = parse_feed(ATOM).entries
    assert entries[1].summary == "Content only here"
    assert entries[1].published == utc(2024, 6, 4, 12, 0)  # <updated> when there is no <published>
    assert entries[2].summary.startswith("Escaped html content")


# --- text cleaning ---

def test_html_summaries_become_clean_text() -> None:
    for entry in parse_feed(RSS_20).entries + parse_feed(ATOM).entries:
        for text in (entry.title, entry.summary):
            assert "<" not in text and ">" not in text, text
            assert "&amp;" not in text and "&nbsp;" not in text and "&lt;" not in text, text
            assert "  " not in text and text == text.strip(), text


def test_script_and_style_content_never_appear_in_rss() -> None:
    joined = " ".join(entry.summary for entry in parse_feed(RSS_20).entries)
    for payload in ("pwned", "alert", "evil", "color:red"):
        assert payload not in joined


def test_script_content_never_appears_in_an_entry_with_only_content() -> None:
    """An Atom entry with <content> and no <summary> (and an RSS item with only content:encoded): fastfeedparser
    fills in a `description` by stripping the tags of the content with a regex, which keeps the *text* of
    <script> and <style>; the summary must come from the content cleaned by `html_to_text`."""
    [entry] = [e for e in parse_feed(ATOM).entries if e.guid == "urn:uuid:3"]
    assert entry.summary == "Escaped html content"
    encoded = (b'<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
               b"<channel><title>c</title><link>https://c.example/</link><description>d</description><item>"
               b"<title>t</title><link>https://c.example/1</link><content:encoded><![CDATA[<p>Body text</p>"
               b"<script>track()</script><style>.x{}</style>]]></content:encoded></item></channel></rss>")
    [item] = parse_feed(encoded).entries
    assert item.summary == "Body text"


def test_entity_escaped_html_is_decoded_then_cleaned() -> None:
    second = parse_feed(RSS_20).entries[1]
    assert second.summary == "Escaped markup & an tag"


def test_cdata_title_and_summary() -> None:
    body = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>c</title><link>https://c.example/</link>'
            b"<description>d</description><item><title><![CDATA[Tom & Jerry <b>return</b>]]></title>"
            b"<link>https://c.example/1</link>"
            b"<description><![CDATA[Line one<br/>line two &eacute;t&eacute; &#8212; done]]></description>"
            b"</item></channel></rss>")
    [entry] = parse_feed(body).entries
    assert entry.title == "Tom & Jerry return"
    assert entry.summary == "Line one line two \u00e9t\u00e9 \u2014 done"


def test_missing_title_gives_empty_string() -> None:
    untitled = parse_feed(RSS_20).entries[2]
    assert untitled.title == ""
    assert untitled.summary == "An item without a title"
    atom = ATOM.replace(b"<title>Only xhtml content</title>", b"")
    assert parse_feed(atom).entries[1].title == ""


# --- dates ---

def test_undated_item_has_no_date() -> None:
    assert parse_feed(RSS_20).entries[1].published is None


@pytest.mark.parametrize(("stamp", "expected"), [
    ("Tue, 04 Jun 2024 15:30:00 +0300", utc(2024, 6, 4, 12, 30)),
    ("Tue, 04 Jun 2024 07:00:00 -0500", utc(2024, 6, 4, 12, 0)),
    ("Tue, 04 Jun 2024 12:00:00 GMT", utc(2024, 6, 4, 12, 0)),
    ("Wed, 05 Jun 2024 01:00:00 +1300", utc(2024, 6, 4, 12, 0)),
    ("Tue, 04 Jun 2024 12:00:00 Z", utc(2024, 6, 4, 12, 0)),
])
def test_rss_dates_are_normalised_to_utc(stamp: str, expected: datetime) -> None:
    body = RSS_20.replace(b"Tue, 04 Jun 2024 15:30:00 +0300", stamp.encode())
    published = parse_feed(body).entries[0].published
    assert published == expected
    assert published is not None and published.utcoffset() is not None and published.utcoffset().total_seconds() == 0


def test_atom_dates_are_normalised_to_utc() -> None:
    published = [entry.published for entry in parse_feed(ATOM).entries]
    assert published == [utc(2024, 6, 4, 10, 0), utc(2024, 6, 4, 12, 0), utc(2024, 6, 4, 8, 0)]
    assert all(p is not None and p.tzinfo is not None and p.utcoffset().total_seconds() == 0 for p in published)


def test_unparseable_date_gives_none_not_an_error() -> None:
    body = RSS_20.replace(b"Tue, 04 Jun 2024 15:30:00 +0300", b"sometime last week")
    entries = parse_feed(body).entries
    assert entries[0].published is None
    assert entries[0].title == "Ceasefire talks & more"


def test_builder_feed_round_trips() -> None:
    when = datetime(2024, 6, 4, 9, 15, tzinfo=UTC)
    body = rss([Item("A & B", "<p>x</p>", guid="g-1", link="https://t.example/1", date=when)])
    [entry] = parse_feed(body).entries
    assert (entry.guid, entry.link, entry.title, entry.summary, entry.published) == (
        "g-1", "https://t.example/1", "A & B", "x", when)


# --- what is not a feed ---

def test_truncated_mid_item_with_garbage_raises() -> None:
    cut = RSS_20.index(b"<description>An item")
    with pytest.raises(FeedParseError, match="malformed"):
        parse_feed(RSS_20[:cut] + b"<<<garbage&&& \x00\xff\xfe")


def test_truncated_mid_item_raises() -> None:
    cut = RSS_20.index(b"<guid")
    with pytest.raises(FeedParseError):
        parse_feed(RSS_20[:cut])


@pytest.mark.parametrize("body", [b"", b"   \n\t  "])
def test_empty_body_raises(body: bytes) -> None:
    with pytest.raises(FeedParseError, match="empty"):
        parse_feed(body)


@pytest.mark.parametrize("body", [
    b"<!DOCTYPE html><html><head><title>Home</title></head><body><p>Welcome</p></body></html>",
    b"<html><head><meta charset='utf-8'><title>Home</title></head><body><p>Not a feed<br></body></html>",
    b'{"items": [{"title": "json"}]}',
    b"plain text, no markup at all",
    b'<?xml version="1.0"?><note><to>you</to><body>hello</body></note>',
])
def test_non_feed_raises(body: bytes) -> None:
    with pytest.raises(FeedParseError):
        parse_feed(body)


def test_error_message_is_short_enough_to_store() -> None:
    with pytest.raises(FeedParseError) as caught:
        parse_feed(b"<rss version='2.0'><channel><item><title>" + b"x" * 5000)
    assert 0 < len(str(caught.value)) <= 250


# --- encodings ---

WRONG_ENCODING = """<?xml version="1.0" encoding="iso-8859-1"?>
<rss version="2.0"><channel><title>Enc</title><link>https://enc.example/</link><description>d</description>
<item><title>T\u00fcrkiye hosts talks with Zelenskyy</title><link>https://enc.example/1</link>
<description>T\u00fcrkiye and Zelenskyy \u2014 \u201cquoted\u201d</description></item>
</channel></rss>""".encode()


def test_declared_latin1_but_really_utf8_keeps_the_real_text() -> None:
    """The bytes are UTF-8 but the declaration says ISO-8859-1 (a common server mistake). Believing the
    declaration would give "TÃ¼rkiye"; the parser believes the bytes, so the text comes out exactly right."""
    [entry] = parse_feed(WRONG_ENCODING).entries
    assert entry.title == "T\u00fcrkiye hosts talks with Zelenskyy"
    assert entry.summary == "T\u00fcrkiye and Zelenskyy \u2014 \u201cquoted\u201d"
    assert "\u00c3" not in entry.title + entry.summary


def test_real_latin1_is_still_read_as_latin1() -> None:
    body = ('<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel><title>L</title>'
            "<link>https://l.example/</link><description>d</description><item><title>Caf\u00e9 in S\u00e3o Paulo"
            "</title><link>https://l.example/1</link></item></channel></rss>").encode("latin-1")
    [entry] = parse_feed(body).entries
    assert entry.title == "Caf\u00e9 in S\u00e3o Paulo"


def test_utf8_with_bom() -> None:
    body = b"\xef\xbb\xbf" + rss([Item("Gr\u00fc\u00dfe aus K\u00f6ln", "x", guid="bom")])
    [entry] = parse_feed(body).entries
    assert entry.title == "Gr\u00fc\u00dfe aus K\u00f6ln"


def test_undeclared_html_entity_does_not_lose_the_feed() -> None:
    """&nbsp; is not an XML entity, but feeds use it all the time; the feed must still be read."""
    body = RSS_20.replace(b"<title>Undated item</title>", b"<title>Undated&nbsp;item</title>")
    titles = [entry.title for entry in parse_feed(body).entries]
    assert len(titles) == 3
    assert titles[0] == "Ceasefire talks & more"
    assert titles[1].replace("\u00a0", " ") in {"Undated item", "Undateditem"}
