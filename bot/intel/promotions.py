"""The calls to action a feed appends to its items, which are not part of the news.

Why: an outlet that ends every item with "Follow our live coverage of the war in Ukraine here." would otherwise
tag each of its articles with Ukraine (a Georgian protest, a Polish cyberattack), add Ukraine to their relations,
set off every actor watch on Ukraine, and read "war" as a military cue in each of them. Such lines are addressed
to the reader, sit at the end, and begin with an imperative of a few kinds ("Follow our", "Sign up", "Republish
this story"), so only trailing sentences that begin that way are dropped, and only for reading the article: the
stored text keeps them (search and phrase watches read it as written). Kept, on purpose:
- a sentence about a call ("Support for the ceasefire grew"): it does not begin with one of the phrases below;
- a quotation ('"Follow our lead," the envoy told ministers in Brussels.'): it begins with a quote mark;
- a call in the middle of the text, and the first sentence (a video item's whole summary may be "Watch: ...").
Articles analysed before this existed keep the tags they were given (there is no re-analysis).
`bot.feeds.dedup.strip_trailers` is the other half: syndication credits, dropped before a copy is fingerprinted.
"""

from __future__ import annotations

# Lower-case beginnings of a sentence that speaks to the reader. Specific on purpose: "support our", not "support".
CALLS_TO_ACTION = (
    "follow our ", "follow us ", "follow the latest", "follow live", "follow along", "sign up", "subscribe ",
    "subscribe.", "read more", "read our ", "read the full", "read the latest", "click ", "tap here",
    "download our ", "download the app", "listen to our ", "listen to the full", "listen on ", "watch our ",
    "watch the full", "watch live", "watch:", "join our ", "join us ", "support our ", "support us ",
    "support independent", "republish this", "share this ", "donate ", "for more news", "for more updates",
    "for more coverage", "for the latest news", "for the latest updates", "stay up to date", "stay informed",
    "stay tuned", "don't miss", "don’t miss", "do not miss", "visit our ", "like us ", "also read",
    "see also", "get our ", "get the latest", "get breaking",
)
MAX_CALL_WORDS = 40   # a longer sentence is prose, whatever it begins with
MAX_CALLS = 3         # trailing calls dropped at most (a signature block is rarely longer)
# Only this many characters at the end are searched for the last sentence: calls are short, and a boundary that is
# not there would otherwise be looked for through the whole text. A longer last sentence is kept.
_CALL_SPAN = 400
# What ends the sentence before: a mark and a space (a closing quote or bracket between), or a line break. Cheaper
# than textfeatures' sentence splitter and coarser: "U.S. " counts as a boundary, so a call that names the U.S.
# is kept (a missed drop, never a wrong one).
_BOUNDARIES = (". ", "! ", "? ", ".\" ", ".” ", ".’ ", "!\" ", "?\" ", "!” ", "?” ", ".) ", "\n")
_OPENING = " \t([•*-–—"  # bullets and brackets before a call; not quote marks: a quoted sentence is news
_PREFIX_CHARS = max(map(len, CALLS_TO_ACTION)) + len(_OPENING)  # enough of a sentence to test its beginning


def without_calls_to_action(text: str) -> str:
    """`text` without the calls to action at its end (the same object when there are none)."""
    stripped = kept = text.rstrip()
    for _ in range(MAX_CALLS):
        start = _last_sentence_start(kept)
        if start == 0 or not _is_call_to_action(kept[start:]):
            break
        kept = kept[:start].rstrip()
    return text if kept is stripped else kept


def _last_sentence_start(text: str) -> int:
    """Where the last sentence of `text` (stripped) starts; 0 when it is the only one, and `len(text)` when no
    boundary is within `_CALL_SPAN` of the end (no short last sentence). `str.rfind` stops at the nearest boundary,
    so a full text costs about what a line does."""
    end = len(text) - 1  # the sentence's own closing mark is not a boundary
    floor = start = max(0, end - _CALL_SPAN)
    for boundary in _BOUNDARIES:
        found = text.rfind(boundary, start, end)
        if found >= 0:
            start = found + len(boundary)
    return start if start > floor or floor == 0 else len(text)


def _is_call_to_action(sentence: str) -> bool:
    """Begins with one of `CALLS_TO_ACTION` (after bullets or brackets) and is short enough to be one."""
    return (sentence[:_PREFIX_CHARS].lstrip(_OPENING).lower().startswith(CALLS_TO_ACTION)
            and len(sentence.split()) <= MAX_CALL_WORDS)
