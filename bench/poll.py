"""Poll benchmark: Sitrep's first ingest cycle over N feeds against what the network, the parser and SQLite allow.

    python bench/poll.py [--feeds 2000] [--items 50] [--latency 0.25]

A separate process (bench/feed_server.py) serves N synthetic world-news RSS feeds of M items on 127.0.0.1 and
answers every request after `--latency` seconds. Against it, in one run:

  raw     plain aiohttp + fastfeedparser.parse(bytes) at Sitrep's concurrency, nothing stored; then all-304
  store   the items raw parsed, bulk-inserted as article rows (500-row executemany transactions, sqlite3)
          into a fresh database with Sitrep's schema and full-text index: the storage limit
  sitrep  Sitrep's own first cycle through the real path (Settings, open_storage, add_or_get_feed, Fetcher,
          Pipeline.create, IngestService.run_cycle) in a child process that runs nothing else, so its peak RSS
          is Sitrep's; then its all-304 second cycle
  naive   requests.get + feedparser.parse, one feed after another, over the first 100 feeds

All feeds live on one host (127.0.0.1), so every measurement uses a per-host limit equal to the global
concurrency (Settings().fetch_concurrency); see bench/README.md. The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import platform
import re
import resource
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

NAIVE_FEEDS = 100
STORE_CHUNK = 500
_TAG = re.compile(r"<[^>]*>")


# --- the feed server -----------------------------------------------------------------------------------

@contextmanager
def feed_server(feeds: int, items: int, latency: float):  # type: ignore[no-untyped-def]
    """Start bench/feed_server.py; yield its base URL; stop it."""
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "bench" / "feed_server.py"), "--feeds", str(feeds), "--items", str(items),
         "--latency", str(latency)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        if not line.startswith("PORT "):
            raise RuntimeError(f"feed server did not start (said {line!r})")
        yield f"http://127.0.0.1:{int(line.split()[1])}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def high_water_rss() -> int:
    """This process's peak RSS in bytes. Linux's VmHWM, not ru_maxrss: ru_maxrss keeps the high-water mark a
    child inherits from its parent across fork and exec, so a worker started by a big parent reports the
    parent's memory, not its own."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def feed_urls(base: str, feeds: int) -> list[str]:
    return [f"{base}/feeds/{index}.xml" for index in range(feeds)]


def machine() -> str:
    """The CPUs and versions a run's figures belong to: the ratio to the storage limit is not the same on every
    processor (Python's share of the work and SQLite's scale differently), so figures are recorded with it."""
    model = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            first_cpu = cpuinfo.read().split("\n\n")[0]
    except OSError:
        first_cpu = ""
    fields = {key.strip(): value.strip() for key, value in
              (line.split(":", 1) for line in first_cpu.splitlines() if ":" in line)}
    if "model name" in fields:
        model = f"{fields['model name']}, family {fields.get('cpu family', '?')} model {fields.get('model', '?')}"
    return (f"{os.cpu_count()} CPUs ({model}), Python {platform.python_version()}, "
            f"SQLite {sqlite3.sqlite_version}")


def concurrency() -> int:
    from bot.config import Settings

    return Settings().fetch_concurrency


# --- raw: aiohttp + fastfeedparser ----------------------------------------------------------------------

async def raw(urls: list[str], limit: int) -> dict[str, object]:
    import aiohttp
    import fastfeedparser

    connector = aiohttp.TCPConnector(limit=limit, limit_per_host=limit)
    async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=60)) as session:
        gate = asyncio.Semaphore(limit)

        async def one(url: str, etag: str | None) -> tuple[int, str | None, list]:  # type: ignore[type-arg]
            async with gate:
                async with session.get(url, headers={"If-None-Match": etag} if etag else {}) as response:
                    status, new_etag = response.status, response.headers.get("ETag")
                    body = await response.read() if status == 200 else None
            return status, new_etag, fastfeedparser.parse(body)["entries"] if body else []

        started = time.perf_counter()
        first = await asyncio.gather(*(one(url, None) for url in urls))
        first_s = time.perf_counter() - started
        started = time.perf_counter()
        second = await asyncio.gather(*(one(url, etag) for url, (_, etag, _) in zip(urls, first, strict=True)))
        second_s = time.perf_counter() - started
    items = sum(len(entries) for _, _, entries in first)
    return {
        "items": items, "first_s": first_s, "items_per_s": items / first_s, "not_modified_s": second_s,
        "ok": sum(status == 200 for status, _, _ in first), "not_modified": sum(s == 304 for s, _, _ in second),
        "entries": [entries for _, _, entries in first],
    }


# --- store: bulk insert into Sitrep's schema ------------------------------------------------------------

def article_rows(entries_by_feed: list[list], feed_ids: list[int], now: float) -> list[dict]:  # type: ignore[type-arg]
    """Article rows as Sitrep writes them (plain text, identity, hash, a signature-sized blob), built before
    the clock starts."""
    rows = []
    next_id = 1
    for feed_id, entries in zip(feed_ids, entries_by_feed, strict=True):
        for entry in entries:
            title = entry.get("title") or ""
            summary = " ".join(_TAG.sub(" ", entry.get("description") or "").split())
            published = datetime.fromisoformat(entry["published"]).timestamp() if entry.get("published") else now
            rows.append({
                "id": next_id, "feed_id": feed_id, "identity": f"guid:{entry.get('id')}", "guid": entry.get("id"),
                "link": entry.get("link"), "canonical_link": entry.get("link"), "title": title, "summary": summary,
                "published": published, "first_seen": now, "duplicate_of": None, "backlog": 1,
                "content_hash": hashlib.blake2b(f"{title}\x00{summary}".encode(), digest_size=16).hexdigest(),
                "signature": hashlib.blake2b(title.encode(), digest_size=64).digest() * 2, "story_id": None,
                "publisher": (entry.get("link") or "").split("/")[2] if entry.get("link") else None, "tone": None,
                "analysis_order": published,  # a first fetch is queued for its analysis
            })
            next_id += 1
    return rows


INSERT_ARTICLE = """INSERT INTO articles (id, feed_id, identity, guid, link, canonical_link, title, summary, published,
    first_seen, duplicate_of, backlog, content_hash, signature, story_id, publisher, tone, analysis_order)
    VALUES (:id, :feed_id, :identity, :guid, :link, :canonical_link, :title, :summary, :published, :first_seen,
    :duplicate_of, :backlog, :content_hash, :signature, :story_id, :publisher, :tone, :analysis_order)"""


def fresh_schema(path: Path, feed_urls_: list[str]) -> list[int]:
    """A database made by Sitrep's own open_storage (so its migrations), with the feeds in it."""
    from storage import open_storage

    async def make() -> list[int]:
        storage = await open_storage(path)
        now = datetime.now(UTC)
        ids = [(await storage.add_feed(url, interval_s=900, next_due=now, now=now)).id for url in feed_urls_]
        await storage.close()
        return ids

    return asyncio.run(make())


def connect_like_sitrep(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, isolation_level=None)
    for pragma in ("busy_timeout = 10000", "journal_mode = WAL", "synchronous = NORMAL", "foreign_keys = ON",
                   "temp_store = MEMORY"):
        db.execute(f"PRAGMA {pragma}")
    return db


def bulk_insert(db: sqlite3.Connection, rows: list[dict], chunk: int = STORE_CHUNK) -> float:  # type: ignore[type-arg]
    """Insert `rows` in `chunk`-row transactions; return the seconds it took."""
    started = time.perf_counter()
    for start in range(0, len(rows), chunk):
        db.execute("BEGIN IMMEDIATE")
        db.executemany(INSERT_ARTICLE, rows[start:start + chunk])
        db.execute("COMMIT")
    return time.perf_counter() - started


def store(entries_by_feed: list[list], urls: list[str], workdir: Path) -> dict[str, float]:  # type: ignore[type-arg]
    path = workdir / "store.db"
    feed_ids = fresh_schema(path, urls)
    rows = article_rows(entries_by_feed, feed_ids, time.time())
    db = connect_like_sitrep(path)
    try:
        seconds = bulk_insert(db, rows)
        stored = db.execute("SELECT count(*) FROM articles").fetchone()[0]
        indexed = db.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'said'").fetchone()[0]
    finally:
        db.close()
    return {"items": stored, "seconds": seconds, "items_per_s": stored / seconds, "fts_rows_matching_said": indexed}


# --- sitrep: the real path, in a child process ----------------------------------------------------------

def sitrep_in_child(base: str, feeds: int, workdir: Path) -> dict[str, float]:
    """Run `--sitrep-worker` in its own process, so the peak RSS measured is Sitrep's alone."""
    done = subprocess.run(
        [sys.executable, __file__, "--sitrep-worker", "--base", base, "--feeds", str(feeds), "--workdir",
         str(workdir)],
        stdout=subprocess.PIPE, text=True, check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


class RssSampler(threading.Thread):
    """Samples the RSS of this process and its analysis workers (children) every `interval` seconds; `peak` is
    the largest total seen, in bytes, and `workers_peak` the children's share at that moment."""

    def __init__(self, interval: float = 0.05) -> None:
        super().__init__(daemon=True)
        import psutil

        self.process = psutil.Process()
        self._interval = interval
        self._done = threading.Event()
        self.peak = 0
        self.workers_peak = 0

    def sample(self) -> None:
        import psutil

        children = 0
        for child in self.process.children(recursive=True):
            try:
                children += child.memory_info().rss
            except psutil.Error:
                continue  # it exited between the listing and the reading
        total = self.process.memory_info().rss + children
        if total > self.peak:
            self.peak, self.workers_peak = total, children

    def run(self) -> None:
        while not self._done.is_set():
            self.sample()
            self._done.wait(self._interval)

    def stop(self) -> int:
        self._done.set()
        self.join()
        self.sample()
        return self.peak


async def sitrep_worker(base: str, feeds: int, workdir: Path) -> dict[str, float]:
    import logging

    from bot.config import Settings
    from bot.facts import AnalysisPool
    from bot.feeds.fetcher import Fetcher
    from bot.feeds.ingest import IngestService, utcnow
    from bot.feeds.registry import add_or_get_feed
    from bot.pipeline import Pipeline
    from storage import open_storage

    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    production = Settings()
    settings = production.with_overrides(database=workdir / "sitrep.db", allow_private_addresses=True,
                                         per_host_concurrency=production.fetch_concurrency)
    storage = await open_storage(settings.database)
    try:
        now = utcnow()
        for url in feed_urls(base, feeds):
            await add_or_get_feed(storage, url, interval_s=settings.poll_interval_s, now=now)
        sampler = RssSampler()
        rss_before = sampler.process.memory_info().rss
        sampler.start()
        async with Fetcher(settings) as fetcher, AnalysisPool(settings.analysis_workers) as analysis:
            pipeline = await Pipeline.create(storage, now=utcnow())
            service = IngestService(storage, fetcher, pipeline, settings, analysis=analysis)
            # As the poller runs it: the cycle (fetch, parse, identity, duplicates, storage), then the analysis
            # of the backlog that the new feeds' first fetches queued (tags, stories, relations), timed apart.
            started = time.perf_counter()
            first = await service.run_cycle(analyse_backlog=False)
            first_s = time.perf_counter() - started
            stats = await storage.stats()
            rss_after_first = sampler.process.memory_info().rss
            started = time.perf_counter()
            analysed = await service.analyse_backlog()
            analysis_s = time.perf_counter() - started
            # The next cycle as the poller runs it: the feeds come due again and answer 304 to their ETags.
            later = IngestService(storage, fetcher, pipeline, settings, analysis=analysis,
                                  clock=lambda: utcnow() + timedelta(seconds=2 * settings.poll_interval_s))
            started = time.perf_counter()
            second = await later.run_cycle()
            second_s = time.perf_counter() - started
        peak = sampler.stop()
    finally:
        await storage.close()
    maxrss = high_water_rss()
    return {
        "items": stats.articles, "duplicates": stats.duplicates, "first_s": first_s, "analysed": analysed,
        "analysis_s": analysis_s,
        "items_per_s": stats.articles / first_s, "ok": first.count("ok"), "failed": first.count("failed"),
        "errors": sorted({r.error for r in first.feeds if r.error})[:3], "not_modified_s": second_s,
        "not_modified": second.count("not_modified"), "peak_rss_mb": max(peak, maxrss) / 2**20,
        "sampled_peak_rss_mb": peak / 2**20, "maxrss_mb": maxrss / 2**20,
        "workers": settings.analysis_workers, "workers_rss_mb": sampler.workers_peak / 2**20,
        "rss_before_cycle_mb": rss_before / 2**20,
        "rss_after_first_cycle_mb": rss_after_first / 2**20,
    }


# --- naive: requests + feedparser, one feed at a time ---------------------------------------------------

def naive(urls: list[str]) -> dict[str, float]:
    import feedparser
    import requests

    seen: set[str] = set()
    items = 0
    started = time.perf_counter()
    for url in urls:
        response = requests.get(url, timeout=30)
        parsed = feedparser.parse(response.content)
        for entry in parsed.entries:
            key = entry.get("id") or entry.get("link")
            if key not in seen:
                seen.add(key)
                items += 1
    seconds = time.perf_counter() - started
    return {"feeds": len(urls), "items": items, "seconds": seconds, "items_per_s": items / seconds}


# --- report ---------------------------------------------------------------------------------------------

def targets(result: dict[str, float]) -> list[tuple[str, bool]]:
    limit = min(result["raw_items_per_s"], result["store_items_per_s"])
    return [
        (f"sitrep_items_per_s {result['sitrep_items_per_s']:.0f} >= 0.5 x min(raw, store) = {0.5 * limit:.0f}",
         result["sitrep_items_per_s"] >= 0.5 * limit),
        (f"sitrep_items_per_s {result['sitrep_items_per_s']:.0f} >= 25 x naive = "
         f"{25 * result['naive_items_per_s']:.0f}", result["sitrep_items_per_s"] >= 25 * result["naive_items_per_s"]),
        (f"sitrep_304_s {result['sitrep_304_s']:.2f} <= 1.5 x raw_304_s = {1.5 * result['raw_304_s']:.2f}",
         result["sitrep_304_s"] <= 1.5 * result["raw_304_s"]),
        (f"peak RSS {result['peak_rss_mb']:.0f} MB < 400 MB", result["peak_rss_mb"] < 400),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--feeds", type=int, default=2000)
    parser.add_argument("--items", type=int, default=50, help="items per feed")
    parser.add_argument("--latency", type=float, default=0.25, help="seconds before every answer")
    parser.add_argument("--sitrep-worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--base", help=argparse.SUPPRESS)
    parser.add_argument("--workdir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.sitrep_worker:
        from bot.gc_tuning import tune_garbage_collector

        tune_garbage_collector()  # as the sitrep command does before any subcommand
        print(json.dumps(asyncio.run(sitrep_worker(args.base, args.feeds, args.workdir))))
        return 0

    run_started = time.perf_counter()
    limit = concurrency()
    print(f"poll benchmark: {args.feeds} feeds x {args.items} items, {args.latency} s latency, "
          f"concurrency {limit} global and per host (all feeds on 127.0.0.1), {machine()}", flush=True)
    with tempfile.TemporaryDirectory(prefix="sitrep-bench-") as tmp, \
            feed_server(args.feeds, args.items, args.latency) as base:
        workdir = Path(tmp)
        urls = feed_urls(base, args.feeds)
        print("raw ...", flush=True)
        raw_result = raw_run = asyncio.run(raw(urls, limit))
        print("store ...", flush=True)
        store_result = store(raw_run.pop("entries"), urls, workdir)  # type: ignore[arg-type]
        print("sitrep ...", flush=True)
        sitrep_result = sitrep_in_child(base, args.feeds, workdir)
        print("naive ...", flush=True)
        naive_result = naive(urls[:NAIVE_FEEDS])
    load = os.getloadavg()

    rows = [
        ("sitrep", sitrep_result["items"], sitrep_result["first_s"], sitrep_result["items_per_s"],
         sitrep_result["not_modified_s"], f"{sitrep_result['ok']} ok, {sitrep_result['failed']} failed, "
         f"{sitrep_result['duplicates']} stored as duplicates; {sitrep_result['not_modified']} x 304"),
        ("raw", raw_result["items"], raw_result["first_s"], raw_result["items_per_s"], raw_result["not_modified_s"],
         f"{raw_result['ok']} x 200; {raw_result['not_modified']} x 304"),
        ("store", store_result["items"], store_result["seconds"], store_result["items_per_s"], None,
         f"{STORE_CHUNK}-row transactions, FTS triggers on"),
        ("naive", naive_result["items"], naive_result["seconds"], naive_result["items_per_s"], None,
         f"first {naive_result['feeds']} feeds, sequential"),
    ]
    print()
    print(f"{'':8} {'items':>8} {'seconds':>9} {'items/s':>9} {'304 cycle s':>12}  notes")
    for name, items, seconds, rate, not_modified, note in rows:
        cycle = f"{not_modified:12.2f}" if not_modified is not None else f"{'-':>12}"
        print(f"{name:8} {items:8d} {seconds:9.2f} {rate:9.0f} {cycle}  {note}")
    print(f"\nload average at the end (1/5/15 min): {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} CPUs; "
          f"whole run {time.perf_counter() - run_started:.0f} s")
    print(f"Sitrep peak RSS {sitrep_result['peak_rss_mb']:.0f} MB (child process running only Sitrep, with its "
          f"{sitrep_result['workers']} analysis worker(s): sampled {sitrep_result['sampled_peak_rss_mb']:.0f} MB of "
          f"which workers {sitrep_result['workers_rss_mb']:.0f} MB, main process VmHWM "
          f"{sitrep_result['maxrss_mb']:.0f} MB; "
          f"{sitrep_result['rss_before_cycle_mb']:.0f} MB before the cycle, "
          f"{sitrep_result['rss_after_first_cycle_mb']:.0f} MB after it)")
    print(f"Sitrep's analysis of the backlog the first cycle queued (tags, stories, relations; after the cycle, "
          f"as the poller does it): {sitrep_result['analysed']} articles in {sitrep_result['analysis_s']:.1f} s; "
          f"cycle and analysis together {sitrep_result['items'] / (sitrep_result['first_s'] + sitrep_result['analysis_s']):.0f} "
          f"items/s")
    if sitrep_result["errors"]:
        print(f"feed errors in the sitrep cycle: {sitrep_result['errors']}")
    result = {
        "feeds": args.feeds, "items": args.items,
        "sitrep_items_per_s": round(sitrep_result["items_per_s"], 1), "sitrep_304_s": round(sitrep_result["not_modified_s"], 3),
        "raw_items_per_s": round(raw_result["items_per_s"], 1), "raw_304_s": round(raw_result["not_modified_s"], 3),
        "store_items_per_s": round(store_result["items_per_s"], 1),
        "naive_items_per_s": round(naive_result["items_per_s"], 1),
        "peak_rss_mb": round(sitrep_result["peak_rss_mb"], 1),
        "sitrep_backlog_analysis_s": round(sitrep_result["analysis_s"], 2),
    }
    print()
    for label, ok in targets(result):
        print(f"{'PASS' if ok else 'FAIL'}  {label}")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
