"""Near-duplicate detection across feeds: MinHash signatures of word shingles, banded into an LSH index.

A syndicated copy with a credit line, or a mirror under another guid, shares almost all of its shingles with the
first copy; two outlets' own accounts of one event share few. Templated bulletins ("Brent closes at $82.10" vs
"$79.40") share almost every shingle too, so numbers decide: a copy may add figures (a dated credit line) but
never replace them.

The index is our own small band table rather than datasketch's `MinHashLSH`, which needs about 3 KB per entry;
the signatures are datasketch's MinHash values, computed without importing it (see `_minhash_values`).
"""

from __future__ import annotations

import re
import zlib
from collections import deque
from dataclasses import dataclass

import numpy as np

NUM_PERM = 32
BANDS = 8
ROWS = NUM_PERM // BANDS
THRESHOLD = 0.7
SHINGLE = 3
BODY_ONLY_MIN_TOKENS = 25

# Credit lines and trailers that syndication adds to someone else's text; stripped before comparing.
_TRAILERS = re.compile(
    r"(?:[\s(\[]*(?:"
    r"(?:this|the) (?:article|story|report|piece) (?:was )?(?:first |originally )?(?:appeared|published|ran) [^.()]*"
    r"|(?:syndicated|republished|reprinted) (?:from|by|with permission(?: from)?) [^.()]*"
    r"|the post .{0,300}? appeared first on [^.()]*"
    r"|(?:originally )?published (?:on|at|by|in) [^.()]*"
    r"|(?:read|continue reading) (?:more|the full (?:story|article))[^.()]*"
    r"|(?:source|via|credit): [^.()]*"
    r")[.\s)\]]*)+$",
    re.IGNORECASE,
)
# Greedy, not possessive: Python 3.11.0-3.11.4 keep what a failed pass of a possessive group consumed (gh-100061),
# which would read "ended." as a word there.
_WORD = re.compile(r"[^\W_]+(?:['’.,][^\W_]+)*", re.UNICODE)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*", re.ASCII)  # ASCII: figures are stored as ASCII text


@dataclass(frozen=True, slots=True)
class Signature:
    """What the index keeps of an article: its MinHash values and the figures it quotes (distinct, sorted: a
    tuple is a quarter of the memory of a frozenset, and the index holds a week of articles)."""

    values: bytes
    numbers: tuple[str, ...]

    def __reduce__(self) -> tuple[object, ...]:
        # Rebuilt by its constructor: the default for a slotted dataclass (a Python-level __setstate__) costs
        # the main process more than twice as much for every entry an analysis worker sends back.
        return Signature, (self.values, self.numbers)

    def encode(self) -> bytes:
        """One blob for storage: the values, then the figures separated by spaces."""
        return self.values + " ".join(self.numbers).encode("ascii")

    @classmethod
    def decode(cls, blob: bytes) -> Signature:
        size = NUM_PERM * 4
        numbers = blob[size:].decode("ascii")
        return cls(bytes(blob[:size]), tuple(sorted(set(numbers.split()))))

    def similarity(self, other: Signature) -> float:
        mine = np.frombuffer(self.values, dtype=np.uint32)
        theirs = np.frombuffer(other.values, dtype=np.uint32)
        return float(np.count_nonzero(mine == theirs)) / NUM_PERM

    def figures_compatible(self, other: Signature) -> bool:
        """A copy may add figures (a credit line with a date) but never change them."""
        mine, theirs = set(self.numbers), set(other.numbers)
        return mine <= theirs or theirs <= mine


def _affine32_permutations(num_perm: int, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """datasketch's "affine32" permutations for `seed`: odd multipliers a and offsets b, drawn in its order."""
    generator = np.random.RandomState(seed)
    a = generator.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = generator.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


_A, _B = _affine32_permutations(NUM_PERM)
# As columns, so a * h + b is one (permutations x shingles) array whose minimum is taken along its rows.
_A_COLUMN, _B_COLUMN = _A[:, None].copy(), _B[:, None].copy()
_SHIFT_13, _SHIFT_16 = np.uint32(13), np.uint32(16)
_MIX_1, _MIX_2 = np.uint32(0x85EBCA6B), np.uint32(0xC2B2AE35)
_NO_SHINGLES = np.full(NUM_PERM, 0xFFFFFFFF, dtype=np.uint32).tobytes()


def _minhash_values(shingles: list[bytes]) -> bytes:
    """The MinHash values of `shingles`: datasketch's MinHash with crc32 and its "affine32" scheme (the
    MurmurHash3 finalizer, then a * h + b in uint32 per permutation, the minimum over shingles).

    Computed here rather than with datasketch itself for two reasons: importing datasketch imports scipy (about
    40 MB in every process that computes signatures), and the values are stored, so they must not change when
    a library changes its default (datasketch 2.0 did). tests/feeds/test_dedup.py checks them against
    datasketch's own MinHash.
    """
    if not shingles:
        return _NO_SHINGLES
    h = np.fromiter(map(zlib.crc32, shingles), dtype=np.uint32, count=len(shingles))
    h ^= h >> _SHIFT_16
    h *= _MIX_1
    h ^= h >> _SHIFT_13
    h *= _MIX_2
    h ^= h >> _SHIFT_16
    permuted = _A_COLUMN * h
    permuted += _B_COLUMN
    return permuted.min(axis=1).tobytes()


# The first word of each alternative of _TRAILERS (overlapping: "published" inside "republished" counts too), and
# what may come before it.
_TRAILER_FIRST_WORDS = ("this", "the", "syndicated", "republished", "reprinted", "originally", "published", "read",
                        "continue", "source", "via", "credit")
_TRAILER_STARTS = re.compile(f"(?={'|'.join(_TRAILER_FIRST_WORDS)})", re.IGNORECASE)
_TRAILER_LEAD = re.compile(r"[\s(\[]")
_TRAILER_HINTS = ("appeared", "syndicated", "republished", "reprinted", "published", "reading", "read more",
                  "source:", "via:", "credit:", "the full")
_TRAILER_SPAN = 400


def strip_trailers(text: str) -> str:
    """The text without a syndication credit at its end ("This article first appeared on Wire Desk.").

    Credits sit in the last few hundred characters, and most texts have none: only that tail is searched,
    and only when a word of a credit is in it.
    """
    tail = text[-_TRAILER_SPAN:]
    lowered = tail.lower()
    if not any(hint in lowered for hint in _TRAILER_HINTS):
        return text.rstrip()
    return (text[:-_TRAILER_SPAN] + _without_trailer(tail)).rstrip() if len(text) > _TRAILER_SPAN \
        else _without_trailer(text).rstrip()


def _without_trailer(tail: str) -> str:
    """`_TRAILERS.sub("", tail)`, found faster: a search tries the whole pattern at every position of the tail
    (about 60 us for 400 characters), but a credit can only start where one of its first words does, after the
    spaces and brackets before it. Those few positions are tried in order, so the first that matches is the
    one the search would have found, and there is only one (it runs to the end)."""
    tried = -1
    for keyword in _keyword_positions(tail):
        start = keyword
        while start and _TRAILER_LEAD.match(tail, start - 1):
            start -= 1
        if start > tried and (found := _TRAILERS.match(tail, start)) is not None:
            return tail[:found.start()] + tail[found.end():]
        tried = start
    return tail


def _keyword_positions(tail: str) -> list[int]:
    """Where a first word of a credit starts in `tail`, in order. `str.find` in the lowered text is much faster
    than a regex tried at each position, and finds the same words where lowering kept every character's place
    and the text has neither of the two letters a case-blind regex also reads as an ASCII one (dotless i, long s).
    """
    lowered = tail.lower()
    if len(lowered) != len(tail) or "\u0131" in tail or "\u017f" in tail:
        return [keyword.start() for keyword in _TRAILER_STARTS.finditer(tail)]
    positions = []
    for word in _TRAILER_FIRST_WORDS:
        at = lowered.find(word)
        while at >= 0:
            positions.append(at)
            at = lowered.find(word, at + 1)
    positions.sort()
    return positions


def tokens_of(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def signature_of(title: str, summary: str) -> Signature:
    """Shingle the summary when it says enough on its own (so a copy under a new headline still matches),
    otherwise the title and summary together; the figures come from the same text."""
    text = strip_trailers(summary)
    tokens = tokens_of(text)
    if len(tokens) < BODY_ONLY_MIN_TOKENS:
        text = f"{title} {summary}"
        tokens = tokens_of(text)
    if len(tokens) >= SHINGLE:  # each run of SHINGLE consecutive tokens, joined by spaces
        runs = zip(*(tokens[offset:] for offset in range(SHINGLE)))
        shingles = list(map(str.encode, map(" ".join, runs)))
    else:
        shingles = [" ".join(tokens).encode("utf-8")]
    values = _minhash_values(shingles)
    numbers = tuple(sorted({n.replace(",", "") for n in _NUMBER.findall(text)}))
    return Signature(values, numbers)


_BAND_BYTES = ROWS * 4


def _band_keys(values: bytes) -> list[int]:
    """One key per band: Python's hash of the band's bytes. It differs between processes, which is fine: the
    index lives in memory and is rebuilt from the stored signatures at start-up."""
    return [hash(values[start:start + _BAND_BYTES]) for start in range(0, BANDS * _BAND_BYTES, _BAND_BYTES)]


class NearDuplicateIndex:
    """Recent articles' signatures, banded for sub-linear look-up, evicted after `window_s` of article time."""

    def __init__(self, window_s: float = 7 * 24 * 3600.0, threshold: float = THRESHOLD) -> None:
        self._window_s = window_s
        self._threshold = threshold
        # One table per band: eight tables of n keys grow (and briefly double while they do) far more gently
        # than one table of 8n keys.
        self._buckets: list[dict[int, int | list[int]]] = [{} for _ in range(BANDS)]
        self._entries: dict[int, tuple[Signature, float]] = {}  # keys are recomputed on removal, not kept
        self._order: deque[tuple[float, int]] = deque()
        self._newest = float("-inf")
        # The band keys last computed: an original is looked up (`find`) and then added with the same signature.
        self._last_keys: tuple[bytes | None, list[int]] = (None, [])

    def __len__(self) -> int:
        return len(self._entries)

    def find(self, signature: Signature) -> int | None:
        """The id of the best matching earlier article, or None."""
        best_id, best_score = None, self._threshold
        seen: set[int] = set()
        for buckets, key in zip(self._buckets, self._band_keys(signature.values), strict=True):
            bucket = buckets.get(key)
            if bucket is None:
                continue
            for candidate in (bucket,) if isinstance(bucket, int) else bucket:
                if candidate in seen:
                    continue
                seen.add(candidate)
                other = self._entries[candidate][0]
                score = signature.similarity(other)
                if score >= best_score and signature.figures_compatible(other):
                    if best_id is None or score > best_score or candidate < best_id:
                        best_id, best_score = candidate, score
        return best_id

    def add(self, article_id: int, signature: Signature, timestamp: float) -> None:
        if article_id in self._entries:
            self.remove(article_id)
        for buckets, key in zip(self._buckets, self._band_keys(signature.values), strict=True):
            bucket = buckets.get(key)
            if bucket is None:
                buckets[key] = article_id
            elif isinstance(bucket, int):
                buckets[key] = [bucket, article_id]
            else:
                bucket.append(article_id)
        self._entries[article_id] = (signature, timestamp)
        self._order.append((timestamp, article_id))
        if timestamp > self._newest:
            self._newest = timestamp
            self._evict(timestamp - self._window_s)

    def _band_keys(self, values: bytes) -> list[int]:
        last_values, last_keys = self._last_keys
        if values is last_values:
            return last_keys
        keys = _band_keys(values)
        self._last_keys = (values, keys)
        return keys

    def remove(self, article_id: int) -> None:
        entry = self._entries.pop(article_id, None)
        if entry is None:
            return
        for buckets, key in zip(self._buckets, _band_keys(entry[0].values), strict=True):
            bucket = buckets.get(key)
            if bucket == article_id:
                del buckets[key]
            elif isinstance(bucket, list):
                bucket.remove(article_id)
                if len(bucket) == 1:
                    buckets[key] = bucket[0]

    def _evict(self, cutoff: float) -> None:
        # Arrival order is close to time order; an occasional late item is evicted a little late, never early.
        while self._order and self._order[0][0] < cutoff:
            timestamp, article_id = self._order.popleft()
            entry = self._entries.get(article_id)
            if entry is not None and entry[1] == timestamp:
                self.remove(article_id)
