"""The faster text helpers give what their plain definitions give (property tests over awkward text)."""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.intel.domains import join_normalised, normalise
from bot.intel.textfeatures import _NUMBER_OR_WORD, LEAD_SENTENCES, lead_of, split_sentences, title_template

# Pieces that exercise sentence ends, abbreviations, figures, number words, apostrophes, clause marks and
# characters that lower-casing lengthens or that only a case-blind match reads as ASCII (Kelvin sign, long s).
_BITS = ["U.S.", "Dec. 2", "Mr.", " ", "  ", "\n", ". ", "! ", "? ", '." ', "Talks", "ended", "one", "TWO", "Dozens",
         "hundreds", "3.5", "1,000", "$82.10", "don't", "n\u2019t", "|", "(", ")", "\u2026", "\u00ab", "\u0130stanbul",
         "\u00df", "a", "Z", "\u212a", "\u017fix",
         "end.", "\"Quote.\" ", "'", "\u2019", "-", "x" * 50, "\u2003", "\u2028", "\u00a0"]
_TEXT = st.lists(st.sampled_from(_BITS), max_size=40).map("".join)


def _template_by_definition(title: str) -> tuple[str, tuple[str, ...]]:
    figures = tuple(match.group(0).lower() for match in _NUMBER_OR_WORD.finditer(title))
    return " ".join(_NUMBER_OR_WORD.sub("#", title.lower()).split()), figures


def _lead_by_definition(summary: str) -> str:
    return " ".join(split_sentences(summary)[:LEAD_SENTENCES])


@settings(max_examples=1500, deadline=None)
@given(_TEXT)
def test_title_template_matches_its_definition(title):
    assert title_template(title) == _template_by_definition(title)


@settings(max_examples=1500, deadline=None)
@given(_TEXT, st.integers(0, 3))
def test_lead_is_the_first_sentences_of_the_whole_text(summary, repeat):
    long_summary = summary + " Another sentence follows here." * (40 * repeat)  # past the prefix lead_of reads
    assert lead_of(long_summary) == _lead_by_definition(long_summary)


@settings(max_examples=1500, deadline=None)
@given(_TEXT, _TEXT)
def test_title_and_body_normalised_apart_join_as_one_text(title, body):
    assert join_normalised(normalise(title), normalise(body)) == normalise(f"{title}\n{body}")


def test_template_masks_figures_and_number_words():
    assert title_template("Brent settles at $66.12 as Two tankers wait") == (
        "brent settles at $# as # tankers wait", ("66.12", "two"))
    assert re.fullmatch(r"[^\d]*", title_template("Dozens killed in 3 strikes")[0])
