"""Near-duplicate signatures: datasketch's MinHash values, computed without datasketch at run time."""

from __future__ import annotations

import zlib

import numpy as np
from datasketch import MinHash
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.feeds.dedup import (
    _TRAILERS, NUM_PERM, NearDuplicateIndex, Signature, _minhash_values, _without_trailer, signature_of, strip_trailers,
)


def _datasketch_values(shingles: list[bytes]) -> bytes:
    reference = MinHash(num_perm=NUM_PERM, hashfunc=zlib.crc32, scheme="affine32")
    reference.update_batch(shingles)
    return reference.hashvalues.astype(np.uint32).tobytes()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.binary(max_size=40), max_size=80))
def test_values_are_datasketchs_minhash(shingles: list[bytes]) -> None:
    assert _minhash_values(shingles) == _datasketch_values(shingles)


def test_a_syndicated_copy_matches_and_a_bulletin_with_other_figures_does_not() -> None:
    body = ("Russian drones struck an apartment block in Kyiv overnight, killing three people and injuring 12, "
            "the city's military administration said on Wednesday morning after air defences were active for "
            "more than four hours over the Ukrainian capital.")
    original = signature_of("Drones hit Kyiv", body)
    copy = signature_of("Drones hit Kyiv", f"{body} This article first appeared on Wire Desk.")
    assert copy.values == original.values and copy.numbers == original.numbers == ("12",)
    index = NearDuplicateIndex()
    index.add(1, original, 0.0)
    assert index.find(copy) == 1
    brent = signature_of("Brent closes at $82.10", "Brent crude closed at $82.10 a barrel on Monday.")
    later = signature_of("Brent closes at $79.40", "Brent crude closed at $79.40 a barrel on Monday.")
    index.add(2, brent, 0.0)
    assert index.find(later) is None


def test_signatures_round_trip_through_storage() -> None:
    signature = signature_of("Title", "Some text with 3 figures, 1,200 people and 4.5 percent.")
    assert signature.numbers == ("1200", "3", "4.5")
    assert Signature.decode(signature.encode()) == signature


def test_figures_in_other_scripts_do_not_break_storing() -> None:
    """Only ASCII figures count (they are stored as ASCII text); an Arabic-Indic "٣٤" is not one."""
    signature = signature_of("Prices", "Bread costs ٣٤ pounds now, up from 30 last year.")
    assert signature.numbers == ("30",)
    assert Signature.decode(signature.encode()) == signature


_CREDIT_WORDS = ["the", "This", "article", "story", "first", "appeared", "on", "Wire Desk", ".", "(", ")", "[", "]",
                 "  ", "\n", "published", "republished", "Originally", "by", "in", "via:", "Source:", "read", "more",
                 "Continue reading", "the full story", "post", "appeared first on", "syndicated from",
                 "with permission", "credit:", "bathe", "thread", "»", "İ", "ſource:", "Thıs", "\u212a", "said"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_CREDIT_WORDS), max_size=20), st.sampled_from([" ", ""]))
def test_a_credit_is_found_where_the_whole_pattern_would_find_it(words: list[str], separator: str) -> None:
    # The faster search must strip exactly what the pattern's own search strips: signatures are stored.
    text = separator.join(words)
    assert _without_trailer(text) == _TRAILERS.sub("", text)


def test_strip_trailers_removes_credits_and_keeps_the_story() -> None:
    story = "Talks resumed in Doha on Tuesday."
    assert strip_trailers(f"{story} This article first appeared on Wire Desk.") == story
    assert strip_trailers(f"{story} Read more »") == story
    assert strip_trailers(f"{story} (Source: Reuters)") == story
    assert strip_trailers(f"{story} Republished with permission from Wire Desk.") == story
    assert strip_trailers(story) == story
