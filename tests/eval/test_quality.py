"""Quality bars of `python -m bot analyze` on the labeled sets, one test per bar and set.

Each set is analysed once per session; on failure the message lists the item-level mismatches.
"""
import functools

import pytest

from .scoring import (COUNTRY_F1_MIN, DEDUP_MIN, DOMAIN_HIT_MIN, DOMAINS_MEAN_MAX, ITEM_SET_FILES, STORY_F1_MIN,
                      AnalyzeError, score_items)


@functools.lru_cache(maxsize=None)
def _score(name):
    try:
        return score_items(ITEM_SET_FILES[name])
    except AnalyzeError as e:
        return e


@pytest.fixture(params=sorted(ITEM_SET_FILES))
def set_name(request):
    return request.param


@pytest.fixture
def score(set_name):
    return _score(set_name)


def _scored(s):
    if isinstance(s, AnalyzeError):
        pytest.fail(str(s), pytrace=False)
    return s


def _why(s):
    return "\n" + s.mismatches()


def test_all_items_present(score):
    score = _scored(score)
    assert not score.missing, f"{len(score.missing)} items missing from analyze output: {score.missing}" + _why(score)


def test_dedup_precision(score):
    score = _scored(score)
    assert score.dedup_precision >= DEDUP_MIN, f"dedup precision {score.dedup_precision:.3f}" + _why(score)


def test_dedup_recall(score):
    score = _scored(score)
    assert score.dedup_recall >= DEDUP_MIN, f"dedup recall {score.dedup_recall:.3f}" + _why(score)


def test_story_f1(score):
    score = _scored(score)
    assert score.story_f1 >= STORY_F1_MIN, (f"story F1 {score.story_f1:.3f} (P {score.story_precision:.3f} "
                                            f"R {score.story_recall:.3f})" + _why(score))


def test_country_f1(score):
    score = _scored(score)
    assert score.country_f1 >= COUNTRY_F1_MIN, (f"country F1 {score.country_f1:.3f} (P {score.country_precision:.3f} "
                                                f"R {score.country_recall:.3f})" + _why(score))


def test_no_trap_codes(score):
    score = _scored(score)
    assert not score.trap_hits, f"trap codes emitted: {score.trap_hits}" + _why(score)


def test_primary_domain_hit_rate(score):
    score = _scored(score)
    assert score.domain_hit_rate >= DOMAIN_HIT_MIN, f"primary domain hit {score.domain_hit_rate:.3f}" + _why(score)


def test_mean_domains_per_item(score):
    score = _scored(score)
    assert score.mean_domains <= DOMAINS_MEAN_MAX, f"mean domains per item {score.mean_domains:.2f}" + _why(score)
