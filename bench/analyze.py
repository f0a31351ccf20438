"""Analysis benchmark: articles/s through the pipeline after parsing, as the database grows; then the read side.

    python bench/analyze.py            # 10,000 and 100,000 articles stored
    python bench/analyze.py --quick    # 2,000 and 20,000 (reported under the same JSON keys)

Everything an article goes through once it is parsed (identity, seen-set, update detection, near-duplicate
detection, actor/domain/tone tagging, story clustering, relations, one transaction per group of feed batches) is
`Pipeline.process_batches`, with the facts computed by `AnalysisPool` workers; this calls it with synthetic
world-news ParsedEntry items from bench/newsgen.py
(`--outlets` outlets over `--days` days, countries and leaders named so tagging and relations do real work,
about 8% syndicated copies or wire links, stories carried by several outlets). By default the 120,000 articles
(the second level and its measurement window) are spread over 90 days, the retention period: about 1,330 a day,
so 100,000 stored is 75 days of them, and the 72-hour story window holds about 4,000 (about 1,170 a day and 3,500
with 5,000-article windows, until 08b0de2). Per-article cost grows with that window, so a denser stream
(`--days 14`) is slower per article.

1. Fill: the stream goes through the pipeline as a poller hands it over (per feed, at most 40 new items; no
   repeats) until the first level (10,000 articles) is stored.
2. Measure: the next `--window` articles (20,000, so the database grows from 10,000 to 30,000 and from 100,000
   to 120,000 while it is measured) arrive as a poller hands them over: per feed, at most 40 new items plus
   repeats of what that feed sent last time (a quarter as many, unchanged; one batch in ten also carries an
   edited item). The analysis pool remembers each feed's last batch, as it remembers a feed's last fetch in
   ingest, so its workers skip the unchanged repeats. rate = new articles stored per second of wall time
   (repeats included in the time).
3. Fill on to the second level (100,000 articles) the same way as 1, and measure again as 2.
4. Storage limit: every article row of that database bulk-inserted into a fresh database with Sitrep's schema
   and full-text index (sqlite3 executemany, 500-row transactions, nothing else), in order of publication.
5. Read side with the full database: `IntelService.briefing` (24 h) and `IntelService.relations` (the busiest
   country pair, 90 days), the functions `sitrep brief` / `sitrep relations` call, 50 times each; and
   `search_articles` ("russia ukraine", 10 results), what `sitrep search` and `/search` call (no target).

The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import random
import resource
import sqlite3
import sys
import tempfile
import time
from collections import Counter, defaultdict, deque
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import newsgen  # noqa: E402
from poll import INSERT_ARTICLE, bulk_insert, connect_like_sitrep, machine  # noqa: E402

from bot.feeds.models import ParsedEntry  # noqa: E402
from bot.intel.actors import default_gazetteer  # noqa: E402
from bot.intel.briefing import BriefingRequest  # noqa: E402
from bot.intel.service import IntelService  # noqa: E402
from bot.config import Settings  # noqa: E402
from bot.facts import AnalysisPool, EntryKeys, PackedFacts  # noqa: E402
from bot.gc_tuning import tune_garbage_collector  # noqa: E402
from bot.feeds.ingest import GROUP_ENTRIES, GROUP_FEEDS  # noqa: E402
from bot.pipeline import FeedBatch, Incoming, Pipeline  # noqa: E402
from storage import open_storage  # noqa: E402
from storage._articles import fts_query  # noqa: E402

FILL_CHUNK = 1000  # articles taken from the stream at a time while filling
AHEAD = 2 * GROUP_FEEDS  # batches described ahead of the pipeline (as many feeds as ingest lets wait)
FEED_BATCH_NEW = 40
REPEAT_SHARE = 0.25
UPDATE_EVERY = 10
# Articles per measurement: 20,000, about 5.5 s (5,000, about 1.3 s, until 08b0de2). A short window counts more
# of its start, when the pipeline waits for the workers' first batches (the first 5,000 articles of four traced
# 20,000-article windows ran 1.5% under the window's rate on average), and a few slow commits (SQLite's checkpoint
# inside a COMMIT, strongly indicated: 8-19 ms each) or a slow spell of the machine weigh more in it. The longer
# window reads higher, not steadier (bench/README.md, "At 08b0de2").
WINDOW = 20_000
QUERY_RUNS = 50
SEARCH_QUERY = "russia ukraine"  # `sitrep search` with the busiest pair's names: about 5,500 articles to rank


class Stream:
    """The world's articles as ParsedEntry items for the pipeline, with what each feed published before."""

    def __init__(self, world: newsgen.NewsWorld, count: int, feed_ids: list[int]) -> None:
        self._items = world.stream(count)
        self._world = world
        self._feed_ids = feed_ids
        self.history: dict[int, deque[Incoming]] = defaultdict(lambda: deque(maxlen=50))
        # What each feed sent last time: a feed re-sends these, and the analysis pool remembers them.
        self.last_batch: dict[int, list[Incoming]] = {}
        self.clock = world.start

    def take(self, count: int) -> list[tuple[int, Incoming]]:
        taken = []
        for item in self._items:
            incoming = Incoming(self._feed_ids[item.outlet], ParsedEntry(
                guid=item.guid, link=item.link, title=item.title, summary=" ".join(item.paragraphs),
                published=item.published), f"https://www.{self._world.outlets[item.outlet].domain}/")
            taken.append((item.outlet, incoming))
            self.clock = max(self.clock, item.published)
            if len(taken) == count:
                break
        return taken

    def remember(self, outlet: int, incoming: Incoming) -> None:
        self.history[outlet].append(incoming)


def _now_after(stream: Stream, latest: datetime) -> datetime:
    return min(max(latest, stream.clock) + timedelta(minutes=5), datetime.now(UTC))


class Feeder:
    """Hands batches to the pipeline the way `IngestService` does: the analysis workers describe up to `ahead`
    batches while the pipeline (the single writer) stores earlier ones, in order; the batches already described
    when the pipeline is free go into one transaction (the ingest consumer's group commit, same limits)."""

    def __init__(self, pipeline: Pipeline, pool: AnalysisPool, ahead: int = AHEAD) -> None:
        self._pipeline = pipeline
        self._pool = pool
        self._ahead = ahead

    async def run(self, batches: Iterator[tuple[datetime, list[Incoming]]],
                  progress: list[tuple[float, int]] | None = None) -> Counter[str]:
        """How many items of each kind (new, unchanged, updated, ...) the pipeline stored. Only counted, as
        ingest counts them: holding every processed item would grow the heap and the garbage collector's work.
        `progress` gets (perf_counter, new articles so far) after each group."""
        pending: deque[tuple[datetime, list[Incoming], asyncio.Task[PackedFacts | None]]] = deque()
        slots = asyncio.Semaphore(self._ahead)
        arrived = asyncio.Event()

        async def describe() -> None:
            """Like the fetch tasks of a cycle: keep the workers busy whatever the writer is doing."""
            for now, items in batches:
                await slots.acquire()
                feeds = {incoming.feed_id for incoming in items}
                # One feed's batch, as ingest hands them over: the pool skips what that feed sent unchanged before.
                task = asyncio.create_task(self._pool.facts([incoming.entry for incoming in items],
                                                            feeds.pop() if len(feeds) == 1 else None))
                pending.append((now, items, task))
                arrived.set()

        producer = asyncio.create_task(describe())
        producer.add_done_callback(lambda _: arrived.set())
        kinds: Counter[str] = Counter()
        try:
            while pending or not producer.done():
                if not pending:
                    arrived.clear()
                    await arrived.wait()
                    continue
                now, items, task = pending.popleft()
                group = [FeedBatch(items, facts=_unpacked(await task))]
                entries = len(items)
                while (pending and pending[0][2].done() and len(group) < GROUP_FEEDS
                       and entries + len(pending[0][1]) <= GROUP_ENTRIES):
                    now, items, task = pending.popleft()
                    group.append(FeedBatch(items, facts=_unpacked(task.result())))
                    entries += len(items)
                for _ in group:
                    slots.release()
                for processed in await self._pipeline.process_batches(group, now=now):
                    kinds.update(item.kind for item in processed)
                if progress is not None:
                    progress.append((time.perf_counter(), kinds["new"]))
        except BaseException:  # the pipeline failed: stop describing
            producer.cancel()
            for *_, task in pending:
                task.cancel()
            raise
        await producer
        return kinds


def _unpacked(facts: PackedFacts | None) -> tuple[EntryKeys | None, ...] | None:
    """Unpickled when their group is formed, as ingest does (see `PackedFacts`)."""
    return facts.unpack() if facts is not None else None


async def fill(feeder: Feeder, stream: Stream, count: int, rng: random.Random) -> float:
    """Store the next `count` articles as a poller hands them over, new items only; return the seconds it took."""
    def batches() -> Iterator[tuple[datetime, list[Incoming]]]:
        left = count
        while left > 0:
            chunk = min(FILL_CHUNK, left)
            left -= chunk
            yield from ((now, items) for now, items, _ in feed_batches(stream, chunk, rng, repeat_share=0.0))

    started = time.perf_counter()
    await feeder.run(batches())
    return time.perf_counter() - started


def feed_batches(stream: Stream, count: int, rng: random.Random,
                 repeat_share: float = REPEAT_SHARE) -> list[tuple[datetime, list[Incoming], int]]:
    """The next `count` articles as a poller hands them over: (now, items, new items) per feed batch.

    A feed's batch carries at most 40 new items and, with `repeat_share`, repeats of what that feed sent last
    time (a real feed re-sends its window, and the analysis pool remembers the feed's last fetch and skips what
    came back unchanged), one in ten batches with one of them edited.
    """
    by_outlet: dict[int, list[Incoming]] = defaultdict(list)
    for outlet, incoming in stream.take(count):
        by_outlet[outlet].append(incoming)
    batches = []
    serial = 0
    for outlet, fresh in by_outlet.items():
        for start in range(0, len(fresh), FEED_BATCH_NEW):
            new = fresh[start:start + FEED_BATCH_NEW]
            earlier = stream.last_batch.get(outlet, []) if repeat_share else []
            repeats = rng.sample(earlier, min(len(earlier), max(1, round(len(new) * repeat_share))))
            serial += 1
            if repeats and serial % UPDATE_EVERY == 0:
                edited = repeats[0]
                repeats[0] = replace(edited, entry=replace(
                    edited.entry, title=f"{edited.entry.title} (updated)",
                    summary=f"{edited.entry.summary} This story has been updated with new figures."))
            for incoming in new:
                stream.remember(outlet, incoming)
            latest = max(incoming.entry.published for incoming in new)  # type: ignore[type-var]
            # Oldest first, as ingest sorts a feed's entries; repeats are older than the new items.
            batch = [*repeats, *new]
            stream.last_batch[outlet] = batch
            batches.append((latest, batch, len(new)))
    batches.sort(key=lambda batch: batch[0])
    return [(_now_after(stream, latest), items, new) for latest, items, new in batches]


async def measure(feeder: Feeder, stream: Stream, count: int, rng: random.Random) -> dict[str, float]:
    batches = feed_batches(stream, count, rng)
    new = sum(n for _, _, n in batches)
    items = sum(len(batch) for _, batch, _ in batches)
    started = time.perf_counter()
    progress: list[tuple[float, int]] = [(started, 0)]
    kinds = await feeder.run(iter([(now, batch) for now, batch, _ in batches]), progress)
    seconds = time.perf_counter() - started
    return {"new": new, "items": items, "batches": len(batches), "seconds": seconds, "rate": new / seconds,
            "items_per_s": items / seconds, "kinds": dict(kinds), "quarters": quarter_rates(progress)}


def quarter_rates(progress: list[tuple[float, int]]) -> list[float]:
    """The rate in each quarter of a measurement (by new articles, the times interpolated between groups): a
    diagnostic of how steady a window was. The first quarter includes the start, while the workers describe the
    first batches. Empty for a window of fewer than 8 groups (`--quick`), where interpolating says little."""
    total = progress[-1][1]
    if total == 0 or len(progress) < 9:
        return []
    times = []
    for share in (0.25, 0.5, 0.75):
        goal = share * total
        after = next(i for i, (_, done) in enumerate(progress) if done >= goal)
        (t0, n0), (t1, n1) = progress[after - 1], progress[after]
        times.append(t0 + (t1 - t0) * (goal - n0) / (n1 - n0))
    bounds = [progress[0][0], *times, progress[-1][0]]
    return [total / 4 / (end - start) for start, end in zip(bounds, bounds[1:])]


async def repeat_cost(pipeline: Pipeline, stream: Stream) -> float:
    """Milliseconds per item for a batch of 50 items a feed sent before, unchanged (a whole feed re-sent)."""
    outlet = max(stream.history, key=lambda o: len(stream.history[o]))
    batch = list(stream.history[outlet])
    started = time.perf_counter()
    await pipeline.process(batch, now=_now_after(stream, stream.clock))
    return (time.perf_counter() - started) * 1000 / len(batch)


def storage_limit(source: Path, workdir: Path) -> dict[str, float]:
    """Bulk-insert every article row of `source` into a fresh database with Sitrep's schema."""
    target = workdir / "store.db"  # created by open_storage (Sitrep's migrations) before this is called
    src = sqlite3.connect(source)
    src.row_factory = sqlite3.Row
    feeds = [dict(row) for row in src.execute("SELECT * FROM feeds")]
    columns = [name.strip(" :()\n") for name in INSERT_ARTICLE.split("VALUES")[1].split(",")]
    # In order of publication, numbered afresh: a deployment's ids follow time, across its feeds. (The pipeline's
    # ids follow the order the benchmark hands feed batches over, and a bulk insert in that order fills the
    # (feed, identity) index in runs: 7-10% faster, a limit that depends on how the benchmark fills.)
    rows = [dict(row) for row in src.execute(f"SELECT {', '.join(columns)} FROM articles ORDER BY published, id")]
    src.close()
    for number, row in enumerate(rows, start=1):  # only article rows: no stories to point at, no originals
        row["id"] = number
        row["story_id"] = None
        row["duplicate_of"] = None
    db = connect_like_sitrep(target)
    try:
        names = list(feeds[0])
        db.executemany(f"INSERT INTO feeds ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                       [tuple(feed[name] for name in names) for feed in feeds])
        tail = min(5000, len(rows) // 10)
        seconds = bulk_insert(db, rows[:-tail])
        tail_seconds = bulk_insert(db, rows[-tail:])
    finally:
        db.close()
    total = seconds + tail_seconds
    return {"items": len(rows), "seconds": total, "items_per_s": len(rows) / total, "tail_items": tail,
            "tail_items_per_s": tail / tail_seconds}


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


async def read_side(storage, database: Path, end: datetime) -> dict[str, object]:  # type: ignore[no-untyped-def]
    service = IntelService(storage, default_gazetteer())
    with sqlite3.connect(database) as db:
        a, b, pair_articles = db.execute(
            """SELECT country_a, country_b, sum(articles) FROM relation_days WHERE domain = '*'
               GROUP BY country_a, country_b ORDER BY 3 DESC LIMIT 1""").fetchone()
        search_matches = db.execute(  # what search_articles ranks: original articles (no copies)
            """SELECT count(*) FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
               WHERE articles_fts MATCH ? AND a.duplicate_of IS NULL""", (fts_query(SEARCH_QUERY),)).fetchone()[0]
    request = BriefingRequest(end=end, hours=24)
    results: dict[str, object] = {"pair": f"{a}-{b}", "pair_articles": pair_articles,
                                  "search_matches": search_matches}
    for name, call in (("brief", lambda: service.briefing(request)),
                       ("relations", lambda: service.relations(a, b, days=90, end=end)),
                       ("search", lambda: storage.search_articles(SEARCH_QUERY, limit=10))):
        timings = []
        for _ in range(QUERY_RUNS):
            started = time.perf_counter()
            answer = await call()
            timings.append((time.perf_counter() - started) * 1000)
        results[name] = {"first_ms": timings[0], "p50_ms": percentile(timings, 0.5),
                         "p95_ms": percentile(timings, 0.95), "max_ms": max(timings)}
        if name == "brief":
            results["brief_items"] = len(answer.items)  # type: ignore[attr-defined]
            results["brief_considered"] = answer.considered  # type: ignore[attr-defined]
        elif name == "relations":
            results["relations_articles"] = answer.articles  # type: ignore[attr-defined]
    return results


async def run(args: argparse.Namespace, workdir: Path) -> dict[str, object]:
    levels = (2_000, 20_000) if args.quick else (10_000, 100_000)
    window = args.window or (1_000 if args.quick else WINDOW)
    database = workdir / "analyze.db"
    storage = await open_storage(database)
    end = datetime.now(UTC) - timedelta(minutes=10)
    world = newsgen.NewsWorld(outlets=args.outlets, start=end - timedelta(days=args.days), end=end, seed=args.seed)
    feed_ids = []
    for outlet in world.outlets:
        feed = await storage.add_feed(f"https://www.{outlet.domain}/feed.xml", interval_s=900,
                                      next_due=world.start, now=world.start, title=outlet.name)
        feed_ids.append(feed.id)
    stream = Stream(world, levels[1] + window, feed_ids)
    rng = random.Random(args.seed)
    pipeline = await Pipeline.create(storage, now=world.start)
    report: dict[str, object] = {"levels": levels, "window": window}
    stored = 0
    async with AnalysisPool(args.workers) as pool:
        feeder = Feeder(pipeline, pool)
        await pool.facts([])  # start the workers before any clock runs
        for level in levels:
            print(f"filling to {level:,} articles ...", flush=True)
            fill_s = await fill(feeder, stream, level - stored, rng)
            report[f"fill_{level}"] = {"articles": level - stored, "seconds": fill_s,
                                       "rate": (level - stored) / fill_s}
            print(f"measuring {window:,} articles with {level:,} stored ...", flush=True)
            report[f"measure_{level}"] = await measure(feeder, stream, window, rng)
            stored = level + window
    report["repeat_ms"] = await repeat_cost(pipeline, stream)
    stats = await storage.stats()
    report["stored"] = stats.articles
    report["duplicates"] = stats.duplicates
    started = time.perf_counter()
    await Pipeline.create(storage, now=_now_after(stream, stream.clock))
    report["reload_s"] = time.perf_counter() - started
    print("brief and relations ...", flush=True)
    report["read"] = await read_side(storage, database, _now_after(stream, stream.clock))
    await storage.close()
    print("storage limit ...", flush=True)
    await (await open_storage(workdir / "store.db")).close()
    report["store"] = storage_limit(database, workdir)
    report["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    report["workers_maxrss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="2,000 and 20,000 articles instead of 10k and 100k")
    parser.add_argument("--window", type=int, default=0,
                        help=f"articles per measurement (default {WINDOW:,}; quick 1,000)")
    parser.add_argument("--outlets", type=int, default=100, help="feeds the articles come from")
    parser.add_argument("--days", type=float, default=90.0,
                        help="days the articles are spread over (default 90: the retention period, about 1,330 "
                             "articles a day with the default levels and window)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=Settings().analysis_workers,
                        help="analysis worker processes, as SITREP_ANALYSIS_WORKERS (default: one per CPU beyond the "
                             "first, at most 4)")
    args = parser.parse_args()
    tune_garbage_collector()  # as the sitrep command does before any subcommand
    run_started = time.perf_counter()
    print(f"analyze benchmark: {args.outlets} outlets over {args.days:g} days, {machine()}, "
          f"{args.workers} analysis worker(s)", flush=True)
    with tempfile.TemporaryDirectory(prefix="sitrep-bench-") as tmp:
        report = asyncio.run(run(args, Path(tmp)))

    low, high = report["levels"]  # type: ignore[misc]
    first, second = report[f"measure_{low}"], report[f"measure_{high}"]  # type: ignore[index]
    store, read = report["store"], report["read"]  # type: ignore[index]
    load = os.getloadavg()
    print(f"\nload average at the end (1/5/15 min): {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} CPUs; "
          f"whole run {time.perf_counter() - run_started:.0f} s")
    print(f"{'':26} {'articles/s':>10} {'items/s':>9} {'seconds':>8}  notes")
    for level, measured in ((low, first), (high, second)):
        print(f"{f'pipeline, {level:,} stored':26} {measured['rate']:10.0f} {measured['items_per_s']:9.0f} "
              f"{measured['seconds']:8.1f}  {measured['new']} new + {measured['items'] - measured['new']} repeats "
              f"in {measured['batches']} feed batches; {measured['kinds']}")
        if measured["quarters"]:
            print(f"{'':26} quarters: {' / '.join(f'{rate:.0f}' for rate in measured['quarters'])} articles/s")
    for level in (low, high):
        filled = report[f"fill_{level}"]  # type: ignore[index]
        print(f"{f'fill to {level:,}':26} {filled['rate']:10.0f} {'':9} {filled['seconds']:8.1f}  "
              f"{filled['articles']} articles in feed batches, new items only")
    print(f"{'storage limit':26} {store['items_per_s']:10.0f} {'':9} {store['seconds']:8.1f}  "
          f"{store['items']} article rows, 500-row transactions; last {store['tail_items']} rows at "
          f"{store['tail_items_per_s']:.0f}/s")
    print(f"\n{report['stored']:,} articles stored ({report['duplicates']:,} as duplicates); a feed re-sent unchanged "
          f"costs {report['repeat_ms']:.2f} ms per item; Pipeline.create (start-up reload) {report['reload_s']:.2f} s; "
          f"peak RSS {report['maxrss_mb']:.0f} MB (largest analysis worker {report['workers_maxrss_mb']:.0f} MB)")
    for name in ("brief", "relations", "search"):
        timing = read[name]
        print(f"{name:10} p50 {timing['p50_ms']:7.1f} ms  p95 {timing['p95_ms']:7.1f} ms  max {timing['max_ms']:7.1f} ms"
              f"  (first {timing['first_ms']:.1f} ms)")
    print(f"           brief: {read['brief_items']} stories out of {read['brief_considered']} considered; relations "
          f"{read['pair']} over 90 days: {read['relations_articles']} articles; search {SEARCH_QUERY!r}: "
          f"{read['search_matches']} original articles match")
    result = {
        "rate_10k": round(first["rate"], 1), "rate_100k": round(second["rate"], 1),
        "store_items_per_s": round(store["items_per_s"], 1),
        "brief_p95_ms": round(read["brief"]["p95_ms"], 1), "relations_p95_ms": round(read["relations"]["p95_ms"], 1),
        "search_p95_ms": round(read["search"]["p95_ms"], 1),
    }
    checks = [
        (f"rate at {high:,} {second['rate']:.0f} >= 0.25 x storage limit = {0.25 * store['items_per_s']:.0f}",
         second["rate"] >= 0.25 * store["items_per_s"]),
        (f"rate at {low:,} {first['rate']:.0f} >= 0.25 x storage limit = {0.25 * store['items_per_s']:.0f}",
         first["rate"] >= 0.25 * store["items_per_s"]),
        (f"rate at {high:,} {second['rate']:.0f} within 20% of rate at {low:,} {first['rate']:.0f}",
         second["rate"] >= 0.8 * first["rate"]),
        (f"brief p95 {read['brief']['p95_ms']:.0f} ms < 300 ms", read["brief"]["p95_ms"] < 300),
        (f"relations p95 {read['relations']['p95_ms']:.0f} ms < 300 ms", read["relations"]["p95_ms"] < 300),
    ]
    print()
    for label, ok in checks:
        print(f"{'PASS' if ok else 'FAIL'}  {label}")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
