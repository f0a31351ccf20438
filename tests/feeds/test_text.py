"""Plain text from feed HTML."""

from __future__ import annotations

import re
import sys

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
