"""How cooperative or conflictual a piece of text is, on a Goldstein-like scale from -10 to +10.

GDELT codes each event with a Goldstein weight (military assistance +8.3, threaten -4.4 to -7, military attack
-10) and tracks the average between two actors over time. Sitrep does the same, kept simple: a small phrase
lexicon (`data/tone_lexicon.json`) and the mean weight of the cues found. It feeds "how do Russia and Iran relate
over time", where a direction and a rough size are what matter, not a precise event code.

Text is read exactly as the domain classifier reads it (same normalisation, inflections and longest-match rule).
A cue shortly after a negator ("did not sign", "no deal", "refused to sign") counts as a weaker opposite: failing
to cooperate is conflictual, but not attacking is only faintly cooperative.
"""
from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from bot.intel.domains import CLAUSE_BREAK, PhraseMatcher, load_json_resource, normalise

LIMIT = 10.0


@dataclass(frozen=True, slots=True)
class Tone:
    """The mean Goldstein-like weight of the cues in a text, and the cues."""

    score: float             # -10 (most conflictual) .. +10 (most cooperative); 0 when no cue
    cues: tuple[str, ...]    # matched phrases, in order of first appearance; a negated cue reads "not <cue>"

    def __reduce__(self) -> tuple[object, ...]:
        # Rebuilt by its constructor: the default for a slotted dataclass (a Python-level __setstate__) costs
        # the main process more than twice as much for every entry an analysis worker sends back.
        return Tone, (self.score, self.cues)


class ToneLexicon:
    """Phrase -> weight, with negation; build one with `from_json` or use `default_tone_lexicon()`."""

    def __init__(self, weights: Mapping[str, float], negators: Iterable[str] = ("not", "no", "never"),
                 negation_window: int = 3, negation_factors: tuple[float, float] = (0.7, 0.3),
                 irregular: Mapping[str, Sequence[str]] = MappingProxyType({})) -> None:
        """`negation_factors`: how much of a negated cooperative / conflictual cue's weight turns into its
        opposite. Refusing to sign is nearly a rejection (Goldstein -4); not attacking is hardly an event."""
        for raw, weight in weights.items():
            if not -LIMIT <= weight <= LIMIT:
                raise ValueError(f"tone weight of {raw!r} is outside [-{LIMIT}, {LIMIT}]")
        self._matcher: PhraseMatcher[float] = PhraseMatcher(
            ((raw, float(weight)) for raw, weight in weights.items()), irregular)
        self._negators = frozenset(negators)
        self._window = negation_window
        self._cooperative_factor, self._conflictual_factor = negation_factors

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ToneLexicon:
        factors = data.get("negation_factors", {})
        return cls(data["cues"], data.get("negators", ()), data.get("negation_window", 3),
                   (factors.get("cooperative", 0.7), factors.get("conflictual", 0.3)), data.get("irregular", {}))

    def tone_of(self, text: str) -> Tone:
        """Mean weight of every cue occurrence, clamped to [-10, 10]; Tone(0.0, ()) when nothing matches."""
        return self.tone_of_normalised(normalise(text))

    def tone_of_normalised(self, norm: str) -> Tone:
        """`tone_of` a text already normalised (`normalise`)."""
        weights: list[float] = []
        cues: dict[str, None] = {}  # an ordered set
        scope_end = -1  # end of the last negated cue: "refused to sign the treaty" negates both cues
        for start, end, cue, weight in self._matcher.find(norm):
            if self._negated(norm, start) or (scope_end >= 0 and _close_after(norm, scope_end, start)):
                factor = self._cooperative_factor if weight > 0 else self._conflictual_factor
                weight, cue, scope_end = -weight * factor, f"not {cue}", end
            else:
                scope_end = -1
            weights.append(weight)
            cues[cue] = None
        if not weights:
            return Tone(0.0, ())
        score = max(-LIMIT, min(LIMIT, sum(weights) / len(weights)))
        return Tone(round(score, 2), tuple(cues))

    def _negated(self, norm: str, start: int) -> bool:
        """A negator among the few words before the cue, in the same clause."""
        low = max(0, start - 20 * self._window)
        before = norm[low:start].split()
        if low and norm[low - 1] != " ":
            before = before[1:]  # the slice began inside a word: drop the fragment ("pia|no")
        for word in reversed(before[-self._window:]):
            if word == CLAUSE_BREAK:
                return False
            if word in self._negators:
                return True
        return False


def _close_after(norm: str, end: int, start: int, gap: int = 2) -> bool:
    """At most `gap` words between two cues, and no clause break."""
    between = norm[end + 1:start].split()
    return len(between) <= gap and CLAUSE_BREAK not in between


@functools.cache
def default_tone_lexicon() -> ToneLexicon:
    """The lexicon from bot/intel/data/tone_lexicon.json, built on first use."""
    return ToneLexicon.from_json(load_json_resource("tone_lexicon.json"))


def tone_of(text: str) -> Tone:
    """Tone of a text with the packaged lexicon; pass the title and the body together."""
    return default_tone_lexicon().tone_of(text)


def tone_of_normalised(norm: str) -> Tone:
    """`tone_of` a text already normalised (`bot.intel.domains.normalise`)."""
    return default_tone_lexicon().tone_of_normalised(norm)
