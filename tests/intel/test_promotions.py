"""Calls to action at the end of an item are not read as news; prose that merely looks like one is."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.intel.analyst import default_analyst
from bot.intel.promotions import CALLS_TO_ACTION, MAX_CALLS, without_calls_to_action

_STORY = "Police fired tear gas at protesters outside parliament in Tbilisi for a second night on Tuesday."


@pytest.mark.parametrize("calls", [
    " Follow our live coverage of the war in Ukraine here.",
    "\nSign up for the Gulf Observer morning briefing for the region’s top stories.",
    " Read more: Kremlin says talks with Kyiv are over.",
    "\n\n• Subscribe to our newsletter for daily updates from Moscow.",
    " (Read more: Kremlin says talks with Kyiv are over.)",
    " Republish this story for free under a Creative Commons licence. Support our journalism today! ",
    " Don’t miss our podcast on Iran. Listen to the full episode on our app.",
])
def test_trailing_calls_to_action_are_dropped(calls: str) -> None:
    assert without_calls_to_action(_STORY + calls) == _STORY


@pytest.mark.parametrize("text", [
    _STORY,
    f"{_STORY} Support for the protesters has grown in Kyiv and Warsaw.",
    f"{_STORY} Follow-up talks with Russia are set for Friday.",
    f"{_STORY} Readers in Ukraine wrote to say the same.",
    "Follow our live coverage of the war in Ukraine here. " + _STORY,  # not at the end: the text may quote it
    f'{_STORY} "Support our Ukrainian brothers," Zelensky told the crowd in Kyiv.',  # a quotation is news
    f"{_STORY} “Follow our lead,” the US envoy told European ministers in Brussels.",
    f"{_STORY} 'Read our lips: no new sanctions on Iran,' the senator said.",
    "Watch: Russian drone strikes Kyiv apartment block.",  # a video item's whole summary: the first sentence stays
    "Follow live: Israel strikes Gaza as ceasefire talks stall in Cairo.\n",
    f"{_STORY} Sign up " + "for the draft was compulsory in Ukraine for men over 25 until the reform of that year, " * 3,
])
def test_prose_is_kept(text: str) -> None:
    assert without_calls_to_action(text) is text


def test_at_most_max_calls_are_dropped() -> None:
    calls = " ".join(["Follow us on Telegram."] * (MAX_CALLS + 1))
    assert without_calls_to_action(f"{_STORY} {calls}") == f"{_STORY} Follow us on Telegram."


def test_the_end_of_a_long_text_is_found_without_reading_all_of_it() -> None:
    long = " ".join([_STORY] * 200)
    assert without_calls_to_action(f"{long} Follow us on Telegram for Ukraine news.") == long
    assert without_calls_to_action("x" * 1000 + " Follow us for Ukraine news.") == "x" * 1000 + \
        " Follow us for Ukraine news.", "no sentence boundary near the end: no short last sentence to drop"


@given(st.text(max_size=300))
def test_never_adds_text_and_keeps_a_prefix(text: str) -> None:
    kept = without_calls_to_action(text)
    assert text.startswith(kept)


def _call(call: str, rest: str, end: str) -> str:
    """A call to action as a sentence: one that is a whole sentence already ("subscribe.") takes no more words
    (with them it would be two, "Subscribe. us on X.", the second not a call)."""
    call = call[0].upper() + call[1:]
    return call if call.endswith(".") else call + rest + end


_CALL = st.builds(_call, st.sampled_from(CALLS_TO_ACTION),
                  st.sampled_from(["the Ukraine briefing", " us on X", "Telegram"]),
                  st.sampled_from([".", "!", " here.", ""]))
_GAP = st.sampled_from([" ", "\n", "  \n\n", " \t"])


@given(st.lists(st.tuples(_GAP, _CALL), max_size=MAX_CALLS), st.integers(0, 40), st.sampled_from(["", " ", "\n"]))
def test_a_story_keeps_its_text_whatever_calls_follow(calls: list[tuple[str, str]], repeat: int, tail: str) -> None:
    story = " ".join([_STORY] * (repeat + 1))  # up to about 4,000 characters: past the searched end span
    text = story + "".join(gap + call for gap, call in calls) + tail
    kept = without_calls_to_action(text)
    assert text.startswith(kept) and kept.startswith(story)
    assert "Ukraine" not in kept[len(story):] or not calls


def test_a_feeds_boilerplate_line_tags_no_country_and_cues_no_domain() -> None:
    """The demo's Eurasia Monitor ends every item with this line: none of them is about Ukraine."""
    analyst = default_analyst()
    title = "Georgian parliament passes foreign-funding law as crowds fill Rustaveli Avenue"
    plain = analyst.describe(title, _STORY)
    with_line = analyst.describe(title, f"{_STORY} Follow our live coverage of the war in Ukraine here.")
    assert with_line == plain
    assert "UA" not in with_line.countries and "GE" in with_line.countries
