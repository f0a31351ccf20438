"""Tag a news item with the domain it is about: military, diplomacy, economy, cyber, ...

A weighted phrase lexicon rather than a model, because the tag has to be explainable in a Discord embed
("military: troops, ground offensive"), cheap enough to run on every item of every feed, and fixable by
editing `data/domain_lexicon.json` instead of retraining anything.

Matching is on whole words of a normalised text. Each lexicon entry also matches the regular inflections of
its first and last word (drone/drones, vote/voted/voting) plus listed irregular ones (strike/struck). Where cues
overlap the longest one wins, so "oil spill" is not also "oil" and "struck a deal" is not "strike".
This module never imports discord: it is used by the CLI, the eval and the bot alike.
"""
from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType
from typing import Any, Generic, TypeVar

import ahocorasick

DOMAINS: tuple[str, ...] = (
    "military", "diplomacy", "economy", "cyber", "information", "politics", "humanitarian", "other",
)
OTHER = "other"
NEUTRAL = "_neutral"  # lexicon section of phrases that only shadow shorter cues ("think tank" vs "tank")

T = TypeVar("T")

# --- normalisation -----------------------------------------------------------------------------------

CLAUSE_BREAK = "|"  # a token of its own, so no phrase (and no negation, see tone.py) spans a clause
_CLAUSE_PUNCTUATION = ".,;:!?()[]{}|"
# One byte-to-byte table: ASCII letters and digits stay, clause punctuation becomes "|", the rest a space;
# bytes >= 128 (UTF-8 of letters like é) stay. bytes.translate is ~10x faster than a str regex or dict.
_BYTE_TABLE = bytes(
    code if code >= 128 or chr(code).isalnum() else ord(CLAUSE_BREAK if chr(code) in _CLAUSE_PUNCTUATION else " ")
    for code in range(256)
)
# Non-ASCII punctuation and spaces seen in feeds; anything else non-ASCII is kept as part of a word.
_UNICODE_PUNCTUATION = tuple((ch, " ") for ch in "\u2018\u2019\u201a\u201c\u201d\u201e\u2013\u2014\u2015\u00a0\u00ab"
                             "\u00bb\u2039\u203a\u2009\u202f\u200b\u3000\u2022") + (("\u2026", CLAUSE_BREAK),)


def normalise(text: str) -> str:
    """Lower-case words separated by single spaces, with a space at both ends.

    Padding lets every pattern be " phrase ", which is how word boundaries are enforced without a regex.
    "didn't" becomes "did not" so negation is one token; hyphens become spaces ("fact-check" = "fact check").
    """
    text = text.lower().replace("n't", " not").replace("n\u2019t", " not")
    if not text.isascii():
        for char, replacement in _UNICODE_PUNCTUATION:
            text = text.replace(char, replacement)
    data = text.encode(errors="replace").translate(_BYTE_TABLE).replace(b"|", b" | ")
    return " " + b" ".join(data.split()).decode() + " "


def join_normalised(first: str, second: str) -> str:
    """`normalise(f"{a}\n{b}")` from `normalise(a)` and `normalise(b)`: the classifier reads a title and a body
    apart and the tone lexicon reads them together, so an article is normalised once for both. (The newline
    keeps the two apart: nothing normalise does reaches across it.)"""
    if first == _NO_WORDS:
        return second
    if second == _NO_WORDS:
        return first
    return first[:-1] + second


_NO_WORDS = normalise("")  # what a text without a word normalises to (Unicode spaces such as U+2003 are words)


# --- inflection ----------------------------------------------------------------------------------------

_VOWELS = frozenset("aeiou")


def _regular_forms(word: str) -> set[str]:
    """Plural / third person, past and -ing forms; over-generation is harmless since nonsense never matches."""
    if len(word) < 3 or not word.isalpha():
        return set()
    forms: set[str] = set()
    if word.endswith(("s", "x", "z", "ch", "sh")):
        forms.add(word + "es")
    elif word[-1] == "y" and word[-2] not in _VOWELS:
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    else:
        forms.add(word + "s")
    if word[-1] == "e":
        forms |= {word + "d", word[:-1] + "ing"}
    else:
        forms |= {word + "ed", word + "ing"}
        if word[-1] not in _VOWELS | {"w", "x", "y"} and word[-2] in _VOWELS and word[-3] not in _VOWELS:
            forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}  # ban -> banned, ship -> shipping
    return forms


def inflections(phrase: str, irregular: Mapping[str, Sequence[str]] = MappingProxyType({})) -> set[str]:
    """All surface forms of a normalised phrase, itself included.

    The first and the last word are inflected, as they carry the verb and the noun of most phrases
    ("strike a deal" -> "struck a deal", "border patrol" -> "border patrols"); middle words stay as written.
    """

    def forms(word: str) -> set[str]:
        return {word, *irregular.get(word, ()), *_regular_forms(word)}

    words = phrase.split()
    if len(words) == 1:
        return forms(words[0])
    middle = " ".join(words[1:-1])
    return {" ".join(filter(None, (first, middle, last))) for first in forms(words[0]) for last in forms(words[-1])}


# --- matching ------------------------------------------------------------------------------------------

class PhraseMatcher(Generic[T]):
    """Finds lexicon phrases in a normalised text with one Aho-Corasick pass, longest match winning.

    Entries are (phrase, payload); a phrase starting with "=" matches only as written, any other also in its
    inflected forms. Shared with tone.py so both read text the same way.
    """

    def __init__(self, entries: Iterable[tuple[str, T]],
                 irregular: Mapping[str, Sequence[str]] = MappingProxyType({})) -> None:
        explicit: dict[str, tuple[str, T]] = {}
        generated: dict[str, tuple[str, T]] = {}
        for raw, payload in entries:
            phrase = normalise(raw.removeprefix("=")).strip()
            if not phrase:
                raise ValueError(f"empty lexicon phrase {raw!r}")
            if phrase in explicit and explicit[phrase][1] != payload:
                raise ValueError(f"lexicon phrase {phrase!r} listed twice with different meanings")
            explicit[phrase] = (phrase, payload)
            for form in {phrase} if raw.startswith("=") else inflections(phrase, irregular):
                generated.setdefault(form, (phrase, payload))
        self._automaton: Any = ahocorasick.Automaton()
        for form, value in {**generated, **explicit}.items():  # a listed phrase beats a generated form
            key = f" {form} "
            self._automaton.add_word(key, (len(key), *value))
        self._empty = not explicit
        if not self._empty:
            self._automaton.make_automaton()

    def find(self, normalised: str) -> list[tuple[int, int, str, T]]:
        """(start, end, lexicon phrase, payload) of non-overlapping matches, leftmost-longest.

        `start` and `end` are the offsets of the first and last character of the match in `normalised`.
        """
        if self._empty:
            return []
        hits = sorted((end - size + 2, -size, end - 1, phrase, payload)
                      for end, (size, phrase, payload) in self._automaton.iter(normalised))
        kept: list[tuple[int, int, str, T]] = []
        last_end = -1
        for start, _, end, phrase, payload in hits:
            if start > last_end:
                kept.append((start, end, phrase, payload))
                last_end = end
        return kept


# --- classification ----------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class DomainTag:
    """One primary domain, at most one secondary, and why."""

    primary: str
    secondary: str | None
    scores: Mapping[str, float]                 # per domain, only those > 0
    evidence: Mapping[str, tuple[str, ...]]     # domain -> distinct cues matched, most weighty first

    @property
    def domains(self) -> tuple[str, ...]:
        return (self.primary,) if self.secondary is None else (self.primary, self.secondary)

    def __reduce__(self) -> tuple[Any, ...]:
        """Picklable (analysis workers send tags back), though a mappingproxy itself is not."""
        return _domain_tag, (self.primary, self.secondary, dict(self.scores), dict(self.evidence))


def _domain_tag(primary: str, secondary: str | None, scores: dict[str, float],
                evidence: dict[str, tuple[str, ...]]) -> DomainTag:
    return DomainTag(primary, secondary, MappingProxyType(scores), MappingProxyType(evidence))


@dataclass(frozen=True, slots=True)
class DomainSettings:
    """The knobs; defaults match the JSON so a hand-built classifier behaves like the default one."""

    title_weight: float = 2.0      # a headline cue counts this many times a body cue
    max_repeats: int = 3           # the same cue counts at most this often per field, so one word can't swamp
    min_score: float = 3.0         # below this no domain has real weight and the item is "other"
    secondary_ratio: float = 0.3   # the runner-up is kept only at this fraction of the primary's score...
    secondary_min: float = 3.0     # ...and at least this score
    other_damping: float = 0.5     # sport/celebrity cues raise the bar a real domain must clear


class DomainClassifier:
    """Scores the title and body against the lexicon; see `classify`."""

    def __init__(self, lexicon: Mapping[str, Mapping[str, float]],
                 irregular: Mapping[str, Sequence[str]] = MappingProxyType({}),
                 settings: DomainSettings = DomainSettings()) -> None:
        unknown = set(lexicon) - set(DOMAINS) - {NEUTRAL}
        if unknown:
            raise ValueError(f"unknown domains in lexicon: {sorted(unknown)}")
        entries: list[tuple[str, tuple[str, float]]] = []
        for domain, phrases in lexicon.items():
            for raw, weight in phrases.items():
                if domain != NEUTRAL and not weight > 0:
                    raise ValueError(f"weight of {raw!r} in {domain} must be positive")
                entries.append((raw, (domain, 0.0 if domain == NEUTRAL else float(weight))))
        self._matcher: PhraseMatcher[tuple[str, float]] = PhraseMatcher(entries, irregular)
        self.settings = settings

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> DomainClassifier:
        return cls(data["domains"], data.get("irregular", {}), DomainSettings(**data.get("settings", {})))

    def classify(self, title: str, text: str) -> DomainTag:
        """Primary = best-scoring real domain if it clears the bar, else "other"; secondary if close enough."""
        return self.classify_normalised(normalise(title), normalise(text))

    def classify_normalised(self, title: str, text: str) -> DomainTag:
        """`classify` of a title and a text already normalised (`normalise`)."""
        s = self.settings
        weight_of: dict[tuple[str, str], float] = {}
        in_title: dict[str, float] = {}  # breaks ties: the headline says what the piece is about
        for is_title, field, factor in ((True, title, s.title_weight), (False, text, 1.0)):
            seen: dict[str, int] = {}
            for _, _, cue, (domain, weight) in self._matcher.find(field):
                seen[cue] = count = seen.get(cue, 0) + 1
                if weight and count <= s.max_repeats:
                    weight_of[domain, cue] = weight_of.get((domain, cue), 0.0) + weight * factor
                    if is_title:
                        in_title[domain] = in_title.get(domain, 0.0) + weight
        scores: dict[str, float] = {}
        for (domain, _), weight in weight_of.items():
            scores[domain] = scores.get(domain, 0.0) + weight
        ranked = sorted((d for d in scores if d != OTHER),
                        key=lambda d: (-scores[d], -in_title.get(d, 0.0), DOMAINS.index(d)))
        bar = max(s.min_score, s.other_damping * scores.get(OTHER, 0.0))
        primary, secondary = OTHER, None
        if ranked and scores[ranked[0]] >= bar:
            primary = ranked[0]
            if len(ranked) > 1:
                runner = scores[ranked[1]]
                if runner >= s.secondary_min and runner >= s.secondary_ratio * scores[primary]:
                    secondary = ranked[1]
        evidence: dict[str, list[str]] = {}
        for (domain, cue), _ in sorted(weight_of.items(), key=lambda kv: (-kv[1], kv[0][1])):
            evidence.setdefault(domain, []).append(cue)
        return DomainTag(primary, secondary,
                         MappingProxyType({d: round(v, 3) for d, v in scores.items()}),
                         MappingProxyType({d: tuple(cues) for d, cues in evidence.items()}))


def load_json_resource(name: str) -> Any:
    """Read a JSON file shipped in bot/intel/data (works from a wheel or zip, not only a checkout)."""
    return json.loads(resources.files("bot.intel.data").joinpath(name).read_text(encoding="utf-8"))


@functools.cache
def default_classifier() -> DomainClassifier:
    """The classifier built from the packaged lexicon; built on first use, never at import time."""
    return DomainClassifier.from_json(load_json_resource("domain_lexicon.json"))
