"""The cooperation/conflict tone: sign on clear cases, negation, bounds."""
from __future__ import annotations

import pytest

from bot.intel.tone import LIMIT, Tone, ToneLexicon, default_tone_lexicon, tone_of

COOPERATIVE = [
    "Iran and Russia agreed to a deal to produce drones.",
    "Iran and Russia have reportedly agreed to a deal which will allow Russia to produce Iran-designed armed drones. "
    "U.S. officials called it part of the unprecedented military support the two now give each other.",
    "Russia and China held joint exercises in the Sea of Japan and pledged deeper military cooperation.",
    "Saudi Arabia and Iran agreed to restore diplomatic relations and reopen embassies within two months.",
    "The two sides signed a ceasefire agreement and announced a prisoner exchange.",
    "The EU lifted sanctions on Belarusian potash after talks in Brussels.",
]
CONFLICTUAL = [
    "Turkey threatens a ground offensive against Kurdish groups in northern Syria.",
    "Russia expelled two Estonian diplomats and condemned what it called hostile acts.",
    "Israeli air strikes killed dozens in southern Lebanon overnight.",
    "The US imposed new sanctions on Iranian drone makers and warned of further measures.",
    "Azerbaijan launched an assault on Karabakh after accusing Armenian forces of provocation.",
    "Moscow accused Kyiv of a drone attack and vowed retaliation.",
]


@pytest.mark.parametrize("text", COOPERATIVE)
def test_cooperative_texts_score_positive(text: str) -> None:
    tone = tone_of(text)
    assert tone.score > 2, tone


@pytest.mark.parametrize("text", CONFLICTUAL)
def test_conflictual_texts_score_negative(text: str) -> None:
    tone = tone_of(text)
    assert tone.score < -2, tone


def test_no_cue_is_zero() -> None:
    assert tone_of("The weather in Geneva was mild on Tuesday.") == Tone(0.0, ())
    assert tone_of("") == Tone(0.0, ())


def test_score_is_the_mean_of_matched_weights() -> None:
    tone = tone_of("Turkey threatens a ground offensive.")
    assert tone.cues == ("threaten", "ground offensive")
    assert tone.score == pytest.approx((-7 + -9) / 2)


def test_longest_cue_wins() -> None:
    assert tone_of("The EU lifted sanctions on Minsk.").cues == ("lift sanctions",)
    assert tone_of("The EU imposed sanctions on Minsk.").score < 0


def test_negation_turns_cooperation_into_mild_conflict() -> None:
    signed = tone_of("Russia and Turkey signed the agreement.")
    not_signed = tone_of("Russia and Turkey did not sign the agreement.")
    assert signed.score > 0 > not_signed.score
    assert not_signed.cues == ("not sign", "not agreement")
    assert abs(not_signed.score) < abs(signed.score)
    assert tone_of("Russia didn't sign the accord.").score < 0
    assert tone_of("No deal on the grain corridor.").cues == ("not deal",)
    assert tone_of("No deal on the grain corridor.").score < 0


def test_negation_reaches_an_object_right_after_a_negated_cue() -> None:
    tone = tone_of("Moscow refused to sign the treaty.")
    assert tone.cues == ("not sign", "not treaty") and tone.score < 0


def test_negated_threat_is_only_faintly_cooperative() -> None:
    threat = tone_of("Turkey threatened Syria.").score
    no_threat = tone_of("Turkey did not threaten Syria.").score
    assert 0 < no_threat < abs(threat) / 2


def test_negation_stops_at_the_clause_and_the_window() -> None:
    assert tone_of("Russia did not comment. Iran signed the deal.").score > 0
    assert tone_of("It was not clear when or where the two finally signed").cues == ("sign",)  # too far back
    assert tone_of("A piano sign").cues == ("sign",)  # "no" inside a word is no negator


@pytest.mark.parametrize("text", COOPERATIVE + CONFLICTUAL + [
    "war " * 50, "peace deal " * 50, "not " * 20 + "attack", "strike, strike, strike; treaty.",
])
def test_score_within_bounds(text: str) -> None:
    assert -LIMIT <= tone_of(text).score <= LIMIT


def test_hand_built_lexicon_and_validation() -> None:
    lexicon = ToneLexicon({"embrace": 10, "invade": -10}, negators=["never"])
    assert lexicon.tone_of("They embraced.").score == 10
    assert lexicon.tone_of("They invaded and invaded.").score == -10
    assert lexicon.tone_of("They never invaded.").score == pytest.approx(3.0)  # -(-10) x 0.3
    with pytest.raises(ValueError):
        ToneLexicon({"annihilate": -11})


def test_default_lexicon_is_cached_and_tone_is_frozen() -> None:
    assert default_tone_lexicon() is default_tone_lexicon()
    tone = tone_of("They signed.")
    with pytest.raises(AttributeError):
        tone.score = 0  # type: ignore[misc]
