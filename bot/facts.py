"""The half of the pipeline that depends on nothing but the entry itself, and a process pool to run it on.

Parsing a feed, and reading each entry's actors, domains, tone, clustering terms and MinHash signature, are
pure functions of the feed's bytes: they need no database and no in-memory index. They are also most of an
article's cost (about 0.3 ms of pure Python each). `AnalysisPool` runs them in worker processes, so that while
the pipeline's single writer clusters and stores one feed, the next feeds are being parsed and described on
the other cores. The facts come back still pickled (`PackedFacts`) and are unpacked when their group is about
to be stored; the pipeline takes them as they are (`Pipeline.process(..., facts=...)`) and computes them itself
for anything it was not given, so the two paths give the same articles, stories and tags.

A feed mostly repeats what it sent last time. The pool remembers a digest of each entry a feed brought (its
identity and its text), and a worker describes only the entries that are new or changed since: the pipeline
stores nothing new for an unchanged repeat, and for the rare one it does need after all (say its article was
never stored because its batch failed), it computes the facts itself.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import functools
import hashlib
import logging
import multiprocessing
import os
import pickle
import sys
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import TypeVar

from bot.feeds.dedup import Signature, signature_of
from bot.feeds.identity import content_fingerprint, item_identity
from bot.feeds.models import ParsedEntry, ParsedFeed
from bot.feeds.parser import FeedParseError, parse_feed
from bot.feeds.urls import canonical_link
from bot.intel.analyst import Analyst, ArticleIntel, default_analyst
from bot.intel.publishers import publisher_of
from bot.intel.textfeatures import title_template
from bot.logging_setup import WORKER_LOG_FORMAT, configure_logging
from bot.time_limit import TimeLimitExceeded, enable_time_limits, time_limit

log = logging.getLogger(__name__)
T = TypeVar("T")
InputT = TypeVar("InputT")
ResultT = TypeVar("ResultT")
Template = tuple[str, tuple[str, ...]]  # a headline with its figures masked, and the figures
Analysis = tuple[ArticleIntel, Template]
_PARENT_CHECK_S = 1.0
# A call to a worker (a feed, a group's entries, a chunk of the queue) takes milliseconds to a second, a few tenths
# more when it starts a worker, plus its wait behind the calls handed over before it (a cycle hands over up to
# about a hundred feeds at once: seconds at most); one that runs this long is stuck (say, a text that sends a
# pattern into catastrophic backtracking), and the pool's workers are killed as if one had crashed on it.
CALL_TIMEOUT_S = 60.0
# A text's analysis takes well under a millisecond (texts are cut at 4,000 characters); an analysis worker gives up
# on one that has used this much CPU (`bot.time_limit`) and files it as it files a text the analysis fails on.
TEXT_TIME_LIMIT_S = 5.0


@dataclass(frozen=True, slots=True)
class EntryKeys:
    """What identifies an entry and finds its earlier copies: all that storing a feed's backlog needs (its
    analysis comes after, see `Pipeline.analyse_backlog`)."""

    signature: Signature
    canonical_link: str | None             # the link made canonical, when it is an http(s) URL
    link_publisher: str                    # the link's registrable domain, "unknown" without a host
    # `content_fingerprint` of title and text: hashing a whole text is worth doing on a worker
    content_hash: str

    def __reduce__(self) -> tuple[object, ...]:
        return _entry_keys, (self.signature, self.canonical_link, self.link_publisher, self.content_hash)


@dataclass(frozen=True, slots=True)
class EntryFacts(EntryKeys):
    """The keys and what the pipeline reads out of the entry's title and text."""

    intel: ArticleIntel
    template: Template

    def __reduce__(self) -> tuple[object, ...]:
        """The publisher comes back interned from an analysis worker: every story keeps its publishers."""
        return _entry_facts, (self.signature, self.canonical_link, self.link_publisher, self.content_hash,
                              self.intel, self.template)


def _entry_keys(signature: Signature, canonical_link: str | None, link_publisher: str,
                content_hash: str) -> EntryKeys:
    return EntryKeys(signature, canonical_link, sys.intern(link_publisher), content_hash)


def _entry_facts(signature: Signature, canonical_link: str | None, link_publisher: str, content_hash: str,
                 intel: ArticleIntel, template: Template) -> EntryFacts:
    return EntryFacts(signature, canonical_link, sys.intern(link_publisher), content_hash, intel, template)


@dataclass(frozen=True, slots=True)
class PackedFacts:
    """Entries' facts as an analysis worker pickled them: `unpack` when the pipeline is about to use them.

    Why not at once: results arrive on the event loop while the writing thread stores the group before, and
    unpickling them then takes the GIL and a CPU from that write. In bench/analyze.py's measure phase, unpickled
    when their group is formed, between writes, a group's write took 93-120 us an article instead of 121-137 (for
    79-97 us of the writing thread's CPU); the rate was higher in 8 of 10 alternated pairs of runs with 10,000
    articles stored, and about the same with 100,000 (bench/README.md)."""

    data: bytes

    def unpack(self) -> tuple[EntryKeys | None, ...]:
        """The facts, one per entry (None for an entry not described)."""
        return pickle.loads(self.data)  # noqa: S301 - bytes from our own worker process


def pack_facts(facts: tuple[EntryKeys | None, ...]) -> PackedFacts:
    """What a worker sends back (see `PackedFacts`)."""
    return PackedFacts(pickle.dumps(facts, protocol=pickle.HIGHEST_PROTOCOL))


@dataclass(frozen=True, slots=True)
class PreparedFeed:
    """A parsed feed with the facts of each of its entries, packed, in the same order (None for an entry that came
    back unchanged), and the entries' digests (`entry_digest`, concatenated) for next time."""

    feed: ParsedFeed
    facts: PackedFacts
    digests: bytes = b""


@dataclass(frozen=True, slots=True)
class DescribedEntries:
    facts: tuple[EntryKeys | None, ...]
    digests: bytes


def keys_of(entry: ParsedEntry, content_hash: str | None = None) -> EntryKeys:
    """`content_hash`, when the caller has it already, is the entry's `content_fingerprint`."""
    link = entry.link
    return EntryKeys(signature_of(entry.title, entry.summary), canonical_link(link), publisher_of(link),
                     content_hash or content_fingerprint(entry.title, entry.summary))


def facts_of(entry: ParsedEntry, analyst: Analyst | None = None, content_hash: str | None = None) -> EntryFacts:
    keys = keys_of(entry, content_hash)
    intel, template = analysis_of(entry.title, entry.summary, analyst)
    return EntryFacts(keys.signature, keys.canonical_link, keys.link_publisher, keys.content_hash, intel, template)


def analysis_of(title: str, summary: str, analyst: Analyst | None = None) -> Analysis:
    """What the pipeline reads out of a title and text: the intel, and the headline's template.

    A text the analysis fails on (an error in Sitrep's own code, met by some unforeseen input) costs that text its
    tags, never its feed or the backlog's queue: the error is logged and the text gets the analysis of an empty
    text (no actors, the domain "other", a story of its own; still stored and searchable). Otherwise one article
    would fail its feed at every poll (until the feed is disabled) and its queue chunk at every cycle (holding back
    every article queued after it). The price: nothing is analysed again, so a bug that meets many texts files
    them all untagged for good, each with its error logged. When an empty text fails too, the analyst itself is
    broken and no text is to blame: that error is raised.

    On an analysis worker a text whose analysis uses over `TEXT_TIME_LIMIT_S` of CPU counts as one it fails on (feed
    text is untrusted: say, a pattern sent into catastrophic backtracking)."""
    analyst = analyst or default_analyst()
    try:
        with time_limit(TEXT_TIME_LIMIT_S):
            return analyst.describe(title, summary), title_template(title)
    except Exception as exc:
        if not title and not summary:
            raise
        if isinstance(exc, TimeLimitExceeded):
            log.error("analysing the article titled %.80r took over %g s of CPU; it is filed without tags", title,
                      TEXT_TIME_LIMIT_S)
        else:
            log.exception("analysing the article titled %.80r failed; it is filed without tags", title)
        return analysis_of("", "", analyst)


def analyses_of(texts: Sequence[tuple[str, str]], analyst: Analyst | None = None) -> tuple[Analysis, ...]:
    """`analysis_of` for each (title, text): what an analysis worker does for the backlog's analysis."""
    return tuple(analysis_of(title, summary, analyst) for title, summary in texts)


DIGEST_SIZE = 8


def entry_digest(entry: ParsedEntry, content_hash: str | None = None) -> bytes:
    """Eight bytes that change when the entry's identity, title or text does (what tells the pipeline an
    unchanged repeat from a new or updated item). `content_hash` is the entry's `content_fingerprint`, when
    the caller has it: the text is hashed once for both."""
    fingerprint = content_hash or content_fingerprint(entry.title, entry.summary)
    text = f"{item_identity(entry)}\x00{fingerprint}"
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=DIGEST_SIZE).digest()


def prepare_feed(body: bytes, unchanged: bytes = b"", *, analyse: bool = True) -> PreparedFeed:
    """Parse a feed and describe every entry whose digest is not in `unchanged` (raises `FeedParseError` like
    `parse_feed`); with `analyse` false, only its keys (a backlog, analysed later)."""
    parsed = parse_feed(body)
    described = describe_entries(parsed.entries, unchanged, analyse=analyse)
    return PreparedFeed(parsed, pack_facts(described.facts), described.digests)


def describe_entries(entries: Sequence[ParsedEntry], unchanged: bytes = b"", *,
                     analyse: bool = True) -> DescribedEntries:
    """Each entry's facts, or with `analyse` false its keys (None where its digest is in `unchanged`, a
    concatenation of `entry_digest`s), and every entry's digest, concatenated likewise."""
    skip = {unchanged[start:start + DIGEST_SIZE] for start in range(0, len(unchanged), DIGEST_SIZE)}
    hashes = [content_fingerprint(entry.title, entry.summary) for entry in entries]
    digests = [entry_digest(entry, content_hash) for entry, content_hash in zip(entries, hashes)]
    describe = facts_of if analyse else keys_of
    facts = tuple(None if digest in skip else describe(entry, content_hash=content_hash)
                  for entry, digest, content_hash in zip(entries, digests, hashes))
    return DescribedEntries(facts, b"".join(digests))


def _describe_packed(entries: Sequence[ParsedEntry], unchanged: bytes = b"") -> tuple[PackedFacts, bytes]:
    """`describe_entries` on a worker: the facts packed (`PackedFacts`), and the digests."""
    described = describe_entries(entries, unchanged)
    return pack_facts(described.facts), described.digests


async def _call(executor: concurrent.futures.ProcessPoolExecutor, function: Callable[[object], T], argument: object,
                timeout_s: float) -> T:
    """`function(argument)` run on a worker of `executor`, its result unpickled here, on the event loop's thread.
    A call still running after `timeout_s` kills the executor's workers and raises `BrokenProcessPool`, as a crash
    would: feed text is untrusted, and a stuck worker would otherwise hold up every cycle after it.

    Why here: the pool's own result thread would unpickle each result, and take the GIL from the event loop to
    do it, once per batch; on a busy main process those hand-overs cost both threads more than the unpickling
    (bench/analyze.py's measure phase: 3-6% less CPU per article in the main process this way, about 7% more
    articles a second). The loop is busy for it in one go, briefly: a result's facts stay packed (`PackedFacts`)
    and are unpickled later; the backlog's analyses (`analyses`) are unpickled here."""
    running = asyncio.get_running_loop().run_in_executor(executor, _pickled, function, argument)
    timer = asyncio.timeout(timeout_s)
    try:
        async with timer:
            packed = await running
    except TimeoutError:
        if not timer.expired():
            raise  # the function's own TimeoutError, from the worker
        log.error("an analysis call ran for over %.0f s; killing the workers", timeout_s)
        _kill_workers(executor)
        raise BrokenProcessPool(f"an analysis call ran for over {timeout_s:.0f} s") from None
    return pickle.loads(packed)  # noqa: S301 - bytes from our own worker process


def _kill_workers(executor: concurrent.futures.ProcessPoolExecutor) -> None:
    """Kill the executor's worker processes: its management thread then fails every call it holds with
    `BrokenProcessPool`. Its processes are only in the private `_processes` (Python 3.14's `kill_workers` would
    cancel the calls waiting instead, and a cancelled call looks to its caller like its own cancellation)."""
    processes = getattr(executor, "_processes", None)
    if processes is None:
        log.error("cannot kill the analysis workers: ProcessPoolExecutor has no _processes here")
        return
    for process in list(processes.values()):
        process.kill()


def _pickled(function: Callable[[object], T], argument: object) -> bytes:
    return pickle.dumps(function(argument), protocol=pickle.HIGHEST_PROTOCOL)


def _start_worker(parent: int, log_level: int) -> None:
    """Runs first in every worker: log as the parent does, let texts have time limits (`analysis_of`), leave with
    the parent, and build the lexicons before the first feed."""
    configure_logging(log_level, [], WORKER_LOG_FORMAT)
    enable_time_limits()
    threading.Thread(target=_exit_with_parent, args=(parent,), name="exit-with-parent", daemon=True).start()
    _warm_up()


def _exit_with_parent(parent: int) -> None:
    """A pool's workers wait for work from their parent; if it is killed (SIGKILL, the OOM killer) nobody
    shuts them down, and each would hold its memory for ever. The parent is polled, as nothing signals it."""
    while os.getppid() == parent:
        time.sleep(_PARENT_CHECK_S)
    os._exit(0)


def _analysis_of_nothing(text: tuple[str, str]) -> Analysis:
    """What stands in for the analysis of a text that kills a worker: that of an empty text."""
    return analysis_of("", "")


def _warm_up() -> None:
    """Build the gazetteer and the lexicons once per worker, before its first feed."""
    default_analyst().describe("", "")


class WorkerCrashed(FeedParseError):
    """An analysis worker died reading this input on its own: a feed that crashes the parser is a broken feed."""


class AnalysisPool:
    """Worker processes for `prepare_feed`; use as `async with AnalysisPool(workers) as pool:`.

    With no workers there is nothing to run: callers parse in their own process, as before. If a worker dies
    (a crash in a C parser, the OOM killer), or runs one call for over `call_timeout_s` (it is then killed), the
    pool starts new workers, and every input that was in it runs again on a worker of its own, one at a time:
    only an input that kills that worker too is reported, as `WorkerCrashed` (a broken feed). Nothing is ever
    retried in the main process, which a crash would take down. (A text whose analysis is stuck in Python code or
    in a regular expression is given up by the worker itself after `TEXT_TIME_LIMIT_S`, see `analysis_of`. One
    stuck in C code that ignores signals costs time-outs in the pool: in a chunk of the backlog, one alone and one
    at each halving that finds it, about twelve for a chunk of 1,000, before it gets its stand-in; the time counts
    from the call, so its wait behind earlier calls counts too.
    Why not hold calls back so that none waits in the executor: the event loop is often busy for a tenth of a
    second at a time, and a worker with only the next call handed over then ran dry: bench/analyze.py's rate fell
    by several percent.)
    """

    def __init__(self, workers: int, *, call_timeout_s: float = CALL_TIMEOUT_S) -> None:
        self.workers = workers
        self._call_timeout_s = call_timeout_s
        self.restarts = 0
        self._executor: concurrent.futures.ProcessPoolExecutor | None = None
        self._isolation: concurrent.futures.ProcessPoolExecutor | None = None
        self._isolation_lock = asyncio.Lock()
        self._isolated_waiting = 0
        # feed id -> what it brought last time (about 0.4 KB a feed): unchanged entries are not described again
        self._last_digests: dict[int, bytes] = {}

    @property
    def active(self) -> bool:
        return self._executor is not None

    async def __aenter__(self) -> AnalysisPool:
        if self.workers > 0:
            self._executor = self._start(self.workers)
        return self

    @staticmethod
    def _start(workers: int) -> concurrent.futures.ProcessPoolExecutor:
        # "spawn": a fork of a process that runs aiosqlite's and aiohttp's threads could inherit held locks.
        return concurrent.futures.ProcessPoolExecutor(
            max_workers=workers, mp_context=multiprocessing.get_context("spawn"), initializer=_start_worker,
            initargs=(os.getpid(), logging.getLogger().getEffectiveLevel()))

    async def __aexit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        for executor in (self._executor, self._isolation):
            if executor is not None:
                executor.shutdown(wait=False, cancel_futures=True)
        self._executor = self._isolation = None

    async def prepare(self, body: bytes, feed_id: int | None = None, *, analyse: bool = True) -> PreparedFeed | None:
        """The prepared feed, or None when there is no worker to do it (the caller then parses it itself).
        With `feed_id`, entries that feed already brought, unchanged, get no facts (None); with `analyse` false,
        the others get only their keys (a feed's backlog, analysed after it is stored).

        Raises `FeedParseError` for a feed neither parser can read, as `parse_feed` does.
        """
        prepared = await self._run(
            functools.partial(prepare_feed, unchanged=self._unchanged(feed_id), analyse=analyse), body)
        if prepared is not None:
            self._remember(feed_id, prepared.digests)
        return prepared

    async def facts(self, entries: Sequence[ParsedEntry], feed_id: int | None = None) -> PackedFacts | None:
        """The facts of already parsed entries, packed, or None when there is no worker (the pipeline computes
        them). With `feed_id`, as `prepare`."""
        described = await self._run(functools.partial(_describe_packed, unchanged=self._unchanged(feed_id)),
                                    tuple(entries))
        if described is None:
            return None
        facts, digests = described
        self._remember(feed_id, digests)
        return facts

    async def analyses(self, texts: Sequence[tuple[str, str]]) -> tuple[Analysis, ...] | None:
        """`analyses_of(texts)` on a worker, or None when there is none (the pipeline analyses them itself).

        A text that kills a worker even on its own gets the analysis of an empty text (no actors, no terms, the
        domain "other": its article stays searchable, in a story of its own) rather than failing the whole chunk:
        the queue is analysed in order, so a chunk that always failed would hold back every article after it."""
        return await self._map_sparing(analyses_of, tuple(texts), _analysis_of_nothing)

    async def _map_sparing(self, function: Callable[[tuple[InputT, ...]], tuple[ResultT, ...]],
                           items: tuple[InputT, ...],
                           spared: Callable[[InputT], ResultT]) -> tuple[ResultT, ...] | None:
        """`function(items)` (one result per item) on a worker. If an input kills a worker on its own, its halves
        run alone, down to the items that do, and each of those gets `spared(item)`, computed here. Raises
        `WorkerCrashed` when a worker cannot run even an empty input: then no item is to blame."""
        try:
            return await self._run(function, items)
        except WorkerCrashed:
            pass
        self._isolated_waiting += 1  # one worker for the whole search, started again only after a crash
        try:
            return await self._apart(function, items, spared)
        finally:
            self._release_isolation()

    async def _apart(self, function: Callable[[tuple[InputT, ...]], tuple[ResultT, ...]],
                     items: tuple[InputT, ...], spared: Callable[[InputT], ResultT]) -> tuple[ResultT, ...]:
        """`_map_sparing` once `items` has killed a worker on its own: its halves, each alone."""
        if self._executor is None:
            raise RuntimeError("the analysis pool was closed")
        if not items:
            return await self._run_alone(function, items)  # WorkerCrashed again: no input is to blame
        if len(items) == 1:
            # A worker that dies on an empty input too dies whatever it is given (a failing start, the OOM killer):
            # WorkerCrashed then, and the items keep their turn for the next try, rather than all getting stand-ins.
            await self._run_alone(function, ())
            log.warning("an input killed an analysis worker on its own; it gets a stand-in result: %.120r", items[0])
            return (spared(items[0]),)
        results: list[ResultT] = []
        for half in (items[:len(items) // 2], items[len(items) // 2:]):
            try:
                results.extend(await self._run_alone(function, half))
            except WorkerCrashed:
                results.extend(await self._apart(function, half, spared))
        return tuple(results)

    def _unchanged(self, feed_id: int | None) -> bytes:
        return self._last_digests.get(feed_id, b"") if feed_id is not None else b""

    def _remember(self, feed_id: int | None, digests: bytes) -> None:
        if feed_id is not None:
            self._last_digests[feed_id] = digests

    async def _run(self, function: Callable[..., T], argument: object) -> T | None:
        executor = self._executor
        if executor is None:
            return None
        try:
            return await _call(executor, function, argument, self._call_timeout_s)
        except BrokenProcessPool:
            if self._executor is executor:  # the first caller to notice starts new workers
                self.restarts += 1
                log.warning("an analysis worker died; starting new workers")
                # Not cancel_futures: the calls it still holds fail with BrokenProcessPool and run again alone;
                # cancelled, their callers would take it for their own cancellation.
                executor.shutdown(wait=False)
                self._executor = self._start(self.workers)
        return await self._run_alone(function, argument)

    async def _run_alone(self, function: Callable[..., T], argument: object) -> T:
        """Run an input that was in a pool when a worker died on a worker of its own, so that only the input
        that kills a worker is blamed for it; the extra worker goes when no such input is left."""
        self._isolated_waiting += 1
        try:
            async with self._isolation_lock:
                if self._isolation is None:
                    self._isolation = self._start(1)
                try:
                    return await _call(self._isolation, function, argument, self._call_timeout_s)
                except BrokenProcessPool:
                    self._isolation.shutdown(wait=False, cancel_futures=True)
                    self._isolation = None
                    raise WorkerCrashed("the feed crashed the parser (an analysis worker died reading it)") from None
        finally:
            self._release_isolation()

    def _release_isolation(self) -> None:
        """One caller fewer needs the extra worker; the last one to go shuts it down."""
        self._isolated_waiting -= 1
        if not self._isolated_waiting and self._isolation is not None:
            self._isolation.shutdown(wait=False)
            self._isolation = None
