"""Plain text from feed HTML."""

from __future__ import annotations

import html
import re
import sys

import lxml.html
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.feeds.text import collapse_whitespace, html_to_text


def test_collapse_whitespace_treats_every_character_as_a_whitespace_regex_does() -> None:
    # It replaced re.sub(r"\s+", " ", text).strip(); stored texts and their hashes must not change.
    regex = re.compile(r"\s+")
    for code in range(sys.maxunicode + 1):
        text = f" a{chr(code)}{chr(code)}b "
        assert collapse_whitespace(text) == regex.sub(" ", text).strip(), hex(code)


def test_collapse_whitespace_joins_runs_and_trims_the_ends() -> None:
    assert collapse_whitespace("\n  Kyiv\t\u00a0 under\u2009fire \r\n") == "Kyiv under fire"
    assert collapse_whitespace(" \t\n") == ""


def test_html_to_text_separates_blocks_and_drops_scripts() -> None:
    fragment = "<p>Talks <strong>resume</strong>&nbsp;today.</p><script>track()</script><p>Second</p>"
    assert html_to_text(fragment) == "Talks resume today. Second"


def _reference_text(fragment: str) -> str:
    """What html_to_text returned when it used lxml.html's own fragment parser and element classes."""
    if not re.search(r"<[a-zA-Z/!]", fragment):
        return collapse_whitespace(html.unescape(fragment))
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return collapse_whitespace(html.unescape(re.sub(r"<[^>]*>", " ", fragment)))
    for bad in list(root.iter("script", "style", "noscript", "iframe", "object", "embed", "template", "svg", "head")):
        bad.drop_tree()
    parts: list[str] = []

    def collect(element: lxml.html.HtmlElement) -> None:
        block = isinstance(element.tag, str) and element.tag in {
            "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "table",
            "section", "article", "header", "footer", "figure", "figcaption", "pre", "hr", "dd", "dt"}
        parts.append(" " if block else "")
        parts.append(element.text if isinstance(element.tag, str) and element.text else "")
        for child in element:
            collect(child)
            parts.append(child.tail or "")
        parts.append(" " if block else "")

    collect(root)
    return collapse_whitespace("".join(parts))


_HTML_BITS = ["<p>", "</p>", "<div>", "</div>", "<br>", "<br/>", "<b>", "</b>", "x", " y ", "&amp;", "&nbsp;",
              "<script>", "</script>", "<style>a{}</style>", "<!-- c -->", "<li>", "<ul>", "</ul>", "<body>",
              "</body>", "<head><title>t</title></head>", "text", "<svg><text>s</text></svg>", "<iframe src=x>f</iframe>",
              "<", ">", "<a href='/'>l</a>", "\n", "<h1>", "</h1>", "<noscript><p>n</p></noscript>",
              "<table><tr><td>c</td></tr></table>", "<template>t</template>", "<?pi x?>", "<![CDATA[d]]>", "<img src=x>",
              "\x0b", "\x0c", "&#12;", "\x1f"]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(_HTML_BITS), min_size=1, max_size=14), st.sampled_from(["", "<html>", "<!doctype html>"]))
def test_html_to_text_reads_what_lxml_html_read(bits: list[str], start: str) -> None:
    fragment = start + "".join(bits)
    text = html_to_text(fragment)  # never raises
    if any(bit in fragment for bit in ("\x0b", "\x0c", "&#12;", "\x1f")):
        # lxml.html's drop_tree wrote control characters back into the tree, and raised or lost text doing it.
        assert isinstance(text, str)
        return
    try:
        expected = _reference_text(fragment)
    except AssertionError:  # lxml.html gives up on a document without a <body>; html_to_text does not
        return
    assert text == expected


def test_a_document_without_a_body_is_read_as_text() -> None:
    # lxml.html raised AssertionError on these, and a whole feed was reported unreadable for one item.
    assert html_to_text("<html>") == ""
    assert html_to_text("<html><head><title>Hidden</title></head></html> Kyiv &amp; Lviv") == "Hidden Kyiv & Lviv"


def test_control_characters_in_html_do_not_make_the_text_unreadable() -> None:
    # lxml reads a form feed in HTML but refuses to write one back into an element: the tree is only read.
    assert html_to_text("<p>Page one&#12;Page two</p><p>a\x0bb</p>") == "Page one Page two a b"
