"""The calls to action a feed appends to its items, which are not part of the news.

Why: an outlet that ends every item with "Follow our live coverage of the war in Ukraine here." would otherwise
tag each of its articles with Ukraine (a Georgian protest, a Polish cyberattack), add Ukraine to their relations,
set off every watch on Ukraine, and read "war" as a military cue in each of them. Such lines are addressed to the
reader, sit at the end, and begin with an imperative of a few kinds ("Follow our", "Sign up", "Republish this
story"), so only trailing sentences that begin that way are dropped, and only for reading the article: the
stored text keeps them (search finds them). A sentence about a call ("Support for the ceasefire grew") does not
begin with one of the phrases below, and a call in the middle of the text stays (it may be quoting one).
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
_CALL_SPAN = 400      # characters: longer than any call of MAX_CALL_WORDS words
MAX_CALLS = 3         # trailing calls dropped at most (a signature block is rarely longer)
# What ends the sentence before: a mark and a space (with a closing quote between), or a line break.
_BOUNDARIES = (". ", "! ", "? ", ".\" ", ".” ", ".’ ", "!\" ", "?\" ", "\n")
_OPENING = " \"'“‘([•*-–—"


def without_calls_to_action(text: str) -> str:
    """`text` without the calls to action at its end (the same object when there are none)."""
    kept = text.rstrip()
    for _ in range(MAX_CALLS):
        start = _last_sentence_start(kept)
        sentence = kept[start:]
        if not _is_call_to_action(sentence):
            break
        kept = kept[:start].rstrip()
    return text if len(kept) == len(text.rstrip()) else kept


def _last_sentence_start(text: str) -> int:
    """Where the last sentence of `text` (stripped) starts: `str.rfind` stops at the nearest boundary, so this
    costs about the same for a full text as for a line. Only the last `_CALL_SPAN` characters are searched: a
    call to action is shorter, and a boundary that is not there would otherwise be looked for in the whole text."""
    end = len(text) - 1  # the sentence's own closing mark is not a boundary
    floor = start = max(0, end - _CALL_SPAN)
    for boundary in _BOUNDARIES:
        found = text.rfind(boundary, start, end)
        if found >= 0:
            start = found + len(boundary)
    return start if start > floor or floor == 0 else len(text)  # no boundary near the end: no short sentence


def _is_call_to_action(sentence: str) -> bool:
    return (sentence[:40].lstrip(_OPENING).lower().startswith(CALLS_TO_ACTION)
            and len(sentence.split()) <= MAX_CALL_WORDS)
