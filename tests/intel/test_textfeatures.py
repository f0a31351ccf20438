"""The faster text helpers give what their plain definitions give (property tests over awkward text)."""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.intel.domains import join_normalised, normalise
from bot.intel.textfeatures import _NUMBER_OR_WORD, LEAD_SENTENCES, content_tokens, lead_of, split_sentences, term_weights
from bot.intel.textfeatures import normalise as term
from bot.intel.textfeatures import title_template

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


def test_the_forms_of_a_word_are_one_term():
    """A reaction told in another verb form still shares its words with the story it reacts to."""
    assert len({term(word) for word in ("denies", "denied", "denying", "Denied")}) == 1
    assert len({term(word) for word in ("launch", "launches", "launched", "launching")}) == 1
    assert len({term(word) for word in ("drone", "drones", "drone's", "drones’")}) == 1
    story = term_weights("Russia launches missiles at Kyiv", "Russia launched 40 missiles at the capital overnight.")
    reaction = term_weights("Kyiv says Moscow denies launching missiles", "The Kremlin denied the launch.")
    assert {term("launch"), term("missile")} <= story.keys() & reaction.keys()


def test_stopwords_are_dropped_in_every_form():
    assert content_tokens("Officials reported it, the official reports said") == []
    assert content_tokens("Investigators questioned officials") == [term("investigators"), term("questioned")]
    assert content_tokens("Tuesday's report") == []
    assert content_tokens("Thousands of stories updated, following reports") == []


def test_words_that_share_a_stem_with_a_stopword_are_not_stopwords():
    """Stopwords are matched as written: "several" and "severe" share a stem, "according" and "accords" do too."""
    assert content_tokens("Several severe storms, according to the accords") == [
        term("severe"), term("storms"), term("accords")]
