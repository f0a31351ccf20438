"""Words that say what an article is about: tokens for story clustering, and sentences for summaries."""

from __future__ import annotations

import re
import sys
import threading
from collections import Counter
from functools import lru_cache

from snowballstemmer.english_stemmer import EnglishStemmer

_TOKEN = re.compile(r"[^\W\d_][^\W_]*(?:['’][st])?|\d+(?:[.,]\d+)*", re.UNICODE)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])")
_ABBREVIATIONS = ("U.S.", "U.N.", "U.K.", "Dec.", "Nov.", "Oct.", "Sept.", "Aug.", "Jan.", "Feb.", "Mr.", "Mrs.",
                  "Dr.", "St.", "Gen.", "Lt.", "Col.", "Sen.", "Rep.", "Gov.", "No.", "vs.", "approx.")

TITLE_WEIGHT = 2.0
SPECIFIC_NAME_BOOST = 2.0
LEAD_SENTENCES = 2
LEAD_MAX_TOKENS = 60

# Words that appear in every kind of news and say nothing about which event this is, in the forms they are written
# (matched before stemming: see `_term`).
_STOPWORD_TEXT = """
a about above across after again against ago ahead all almost along already also although always am among an and
another any are around as at away back be became because been before being below between both but by can could
did do does doing done down during each early either else enough even ever every few for from further had has
have having he her here hers him his how however i if in including into is it its itself just last late later
least less like made make makes many may me might more most much must my near nearly new next no nor not now of
off often on once one only or other our out over own per perhaps quite rather really said same say saying says
see seen several she should since so some still such than that the their them then there these they this those
though three through thus to today told too two under until up upon us very via was we week weeks well were what
when where whether which while who whom whose why will with within without would year years yet you your
monday tuesday wednesday thursday friday saturday sunday yesterday tomorrow tonight morning evening night
january february march april may june july august september october november december
according added adding announced asked called comes came continue continued described expected get gets give
given go going including know known left let likely made meanwhile month months officials official people
point put reported reportedly reports set show shows statement take taken takes time told went whose will
first second third four five six seven eight nine ten hundred thousand million billion percent
news update updates latest live breaking report story article read follow coverage click here full
mr mrs ms dr
hundreds thousands millions billions tens stories articles times points statements sets reads follows followed
following nights mornings evenings updated updating showed showing reporting announcing calls calling
"""


_STEMMERS = threading.local()
# What `normalise` makes of words, as a version: story profiles are stored with theirs, and a profile of older terms
# is normalised again when its story is loaded (`StoryIndex.restore`), so open stories still match new articles
# after an upgrade. 1: plurals folded by hand; 2: Snowball's English stemmer of snowballstemmer 3.1.1 (normalising
# a version-1 term gives the stem of the word it came from). Pinned in pyproject.toml: another release may stem
# some words differently, so a new pin needs a new version here.
TERMS_VERSION = 2


def _stem(token: str) -> str:
    """Snowball's English stemmer (Porter2), so that the forms of a word are one term: a reaction told in another
    verb form ("Iran denies", "denied", "denying") or a plural still shares its words with its story. On the
    labeled sets (tests/eval) it raised story recall (0.91 -> 0.95 on the tuning set, 0.89 -> 0.91 held out) with
    the same precision, against the plural-only folding it replaced. The package's own pure-Python stemmer, not
    the C one `snowballstemmer.stemmer` picks when PyStemmer is installed: stored story profiles hold stems, and
    they must not depend on what else is installed. One per thread, as a stemmer keeps its word as state."""
    stemmer = getattr(_STEMMERS, "english", None)
    if stemmer is None:
        stemmer = _STEMMERS.english = EnglishStemmer()
    return stemmer.stemWord(token.replace("’", "'"))


# Words remembered by `normalise` and `_term` each, the most recently used: news repeats its words, but it also
# keeps coining them (names, spellings), and an analysis worker lives as long as the bot. Both caches full hold
# about 20 MB.
_WORDS_CACHED = 1 << 16


@lru_cache(maxsize=_WORDS_CACHED)
def normalise(token: str) -> str:
    """Lower-cased and stemmed; cached (a stem costs tens of microseconds in pure Python, and news repeats its
    words) and interned: thousands of story profiles share one string per term instead of one each."""
    return sys.intern(_stem(token.lower()))


STOPWORDS = frozenset(_STOPWORD_TEXT.split())


@lru_cache(maxsize=_WORDS_CACHED)
def _term(raw: str) -> str | None:
    """The term a word counts as (`normalise`), or None for a stopword or a one-letter word. Stopwords are
    matched as written (lower-cased, without a possessive 's): stemmed, they would take other words with them
    ("several" and "severe" share a stem, so do "according" and "accords")."""
    written = raw.lower().replace("’", "'").removesuffix("'s")
    if written in STOPWORDS:
        return None
    term = normalise(raw)
    return term if len(term) > 1 else None


def content_tokens(text: str) -> list[str]:
    """Lower-cased, stemmed tokens without stopwords, numbers or one-letter words."""
    tokens = []
    for raw in _TOKEN.findall(text):
        if not raw[0].isdigit() and (term := _term(raw)) is not None:
            tokens.append(term)
    return tokens


def split_sentences(text: str) -> list[str]:
    """Sentences of plain text, good enough for news prose (keeps "U.S." and "Dec. 2" inside a sentence)."""
    protected = _protect_abbreviations(text)
    return [part.replace("\x00", ".").strip() for part in _SENTENCE_END.split(protected) if part.strip()]


_ANY_ABBREVIATION = re.compile("|".join(map(re.escape, _ABBREVIATIONS)))


def _protect_abbreviations(text: str) -> str:
    """The text with the dots of `_ABBREVIATIONS` masked. Most texts hold none: one search settles that, where
    the replacements would scan the text once per abbreviation."""
    if _ANY_ABBREVIATION.search(text) is None:
        return text
    for abbreviation in _ABBREVIATIONS:
        text = text.replace(abbreviation, abbreviation.replace(".", "\x00"))
    return text


def _first_sentences(text: str, count: int) -> list[str]:
    """`split_sentences(text)[:count]`, without looking for the boundaries after them."""
    protected = _protect_abbreviations(text)
    sentences: list[str] = []
    start = 0
    for boundary in _SENTENCE_END.finditer(protected):
        if part := protected[start:boundary.start()].strip():
            sentences.append(part.replace("\x00", "."))
            if len(sentences) == count:
                return sentences
        start = boundary.end()
    if part := protected[start:].strip():
        sentences.append(part.replace("\x00", "."))
    return sentences


_LEAD_PREFIX = 1200


def lead_of(summary: str) -> str:
    """The first sentences of the summary: where wire copy says what happened.

    Only a prefix is split when it already holds more than the lead (every boundary before the last one found
    in a prefix is a boundary of the whole text), so a full-text summary costs no more than a short one.
    """
    sentences = _first_sentences(summary[:_LEAD_PREFIX], LEAD_SENTENCES + 1)
    if len(sentences) <= LEAD_SENTENCES and len(summary) > _LEAD_PREFIX:
        sentences = _first_sentences(summary, LEAD_SENTENCES)
    return " ".join(sentences[:LEAD_SENTENCES])


# A token, or a sentence mark between tokens (a "." inside a figure belongs to its token).
_TOKEN_OR_MARK = re.compile(rf"({_TOKEN.pattern})|[.!?]", re.UNICODE)


def _is_specific_name(raw: str, term: str, exclude: frozenset[str]) -> bool:
    """Called for capitalised words that are terms (`_term`) only (the cheap tests stay inline in the loops)."""
    return not raw.isupper() and len(term) > 2 and term not in exclude


def specific_names(text: str, exclude: frozenset[str] = frozenset()) -> set[str]:
    """Normalised words written with a capital inside a sentence: the places, people and units that tell one
    event from another ("Nabatieh", "Obolon", "Radwan"). Words in `exclude` (the actors) are left out."""
    names: set[str] = set()
    sentence_start = True
    for raw in _TOKEN_OR_MARK.findall(text):
        if not raw:  # a sentence mark
            sentence_start = True
            continue
        if (not sentence_start and raw[0].isupper() and (term := _term(raw)) is not None
                and _is_specific_name(raw, term, exclude)):
            names.add(term)
        sentence_start = False
    return names


def term_weights(title: str, summary: str, *, actor_words: frozenset[str] = frozenset()) -> Counter[str]:
    """Term frequencies of title (weighted double) and lead, with specific names weighted up: what the
    clustering compares. The lead is read in one pass for both its terms and its names."""
    # A plain dict while counting (a Counter calls its Python __missing__ for every new word), in the same order.
    counts: dict[str, float] = {}
    get = counts.get
    for token in content_tokens(title):
        if token not in actor_words:
            counts[token] = get(token, 0.0) + TITLE_WEIGHT
    names: set[str] = set()
    sentence_start = True
    lead_terms = 0
    for raw in _TOKEN_OR_MARK.findall(lead_of(summary)):
        if not raw:
            sentence_start = True
            continue
        if raw[0].isdigit() or (term := _term(raw)) is None:
            sentence_start = False
            continue
        if not sentence_start and raw[0].isupper() and _is_specific_name(raw, term, actor_words):
            names.add(term)
        sentence_start = False
        if lead_terms < LEAD_MAX_TOKENS and term not in actor_words:
            counts[term] = get(term, 0.0) + 1.0
        lead_terms += 1
    for token in names:
        if token in counts:
            counts[token] *= SPECIFIC_NAME_BOOST
    return Counter(counts)


_NUMBER_OR_WORD = re.compile(
    r"\d+(?:[.,]\d+)*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?)\b",
    re.IGNORECASE,
)


_NUMBER_OR_WORD_SPLIT = re.compile(f"({_NUMBER_OR_WORD.pattern})", re.IGNORECASE)
# For ASCII text already lower-cased: ignoring case can change nothing there (only letters such as the long s
# fold onto the pattern's), and the case-sensitive pattern splits a headline in about half the time.
_NUMBER_OR_WORD_SPLIT_LOWER_ASCII = re.compile(f"({_NUMBER_OR_WORD.pattern})")


def title_template(title: str) -> tuple[str, tuple[str, ...]]:
    """A headline with its figures masked, and the figures: "Brent settles at $66.12" and "... $67.05" share
    a template, which is how a daily bulletin is told from a follow-up."""
    lowered = title.lower()
    if len(lowered) != len(title):  # lower-casing moved characters: find the figures where they were written
        figures = tuple(match.group(0).lower() for match in _NUMBER_OR_WORD.finditer(title))
        return " ".join(_NUMBER_OR_WORD.sub("#", lowered).split()), figures
    # One pass: split() with the pattern captured gives the text between figures and the figures in turn.
    split = _NUMBER_OR_WORD_SPLIT_LOWER_ASCII.split if lowered.isascii() else _NUMBER_OR_WORD_SPLIT.split
    parts = split(lowered)
    return " ".join("#".join(parts[0::2]).split()), tuple(parts[1::2])
