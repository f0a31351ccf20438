"""The load scenario, shared by `tests/e2e/test_load.py` (a short run in CI) and `bench/e2e_load.py` (the full
run): G servers, S subscriptions over F feeds of the feed server, made with `/feed add`; then for D seconds an
open-loop stream of R slash commands per second while new stories keep arriving on the feeds.

Measured: every interaction's acknowledgement latency as Discord sees it (from the INTERACTION_CREATE dispatch
to the callback arriving), and its final answer; every expected post, by link and channel, with duplicates
and losses counted.
"""

from __future__ import annotations

import asyncio
import math
import os
import random
import re
import time
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from tests.e2e.harness import ACK_DEADLINE, E2E, BotProcess, Guild, eventually, interact, post_links, query, scalar

# (weight, command): what a busy community types; "admin" commands are run by a server admin
MIX = [(20, "feed list"), (15, "about"), (20, "search"), (10, "brief list"), (10, "watch list"), (10, "story"),
       (5, "feed preview"), (5, "brief now"), (3, "watch add"), (2, "refused")]


@dataclass(frozen=True)
class LoadConfig:
    guilds: int = 50
    subscriptions: int = 500
    feeds: int = 200
    rate: float = 20.0            # interactions per second, sent on a fixed schedule whatever the answers
    duration: float = 60.0        # seconds of load
    backlog: int = 5              # items in each feed before it is added (never posted)
    news_every: float = 1.0       # seconds between rounds of new stories during the load
    news_per_round: int = 4       # feeds that get a new story each round
    poll_interval: int = 5        # SITREP_POLL_INTERVAL
    channels_per_guild: int = 3
    setup_concurrency: int = 8
    seed: int = 8

    @classmethod
    def full(cls) -> LoadConfig:
        return cls()

    @classmethod
    def short(cls) -> LoadConfig:
        return cls(guilds=10, subscriptions=100, feeds=40, rate=10.0, duration=15.0, news_per_round=2,
                   poll_interval=3)


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100); NaN for no values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, math.ceil(q / 100 * len(ordered)) - 1))]


@dataclass
class LoadResult:
    config: dict[str, Any]
    setup_s: float = 0.0
    feed_add_ack_p99_ms: float = 0.0
    interactions: int = 0
    answered: int = 0
    expired: int = 0
    late: int = 0                 # acknowledged after Discord's 3 s
    failed: int = 0               # answered "something went wrong"
    ack_ms: dict[str, float] = field(default_factory=dict)
    final_ms: dict[str, float] = field(default_factory=dict)
    achieved_rate: float = 0.0
    by_command_p99_ms: dict[str, float] = field(default_factory=dict)
    posts_expected: int = 0
    posts_delivered: int = 0
    posts_missing: int = 0
    posts_duplicated: int = 0
    posts_unexpected: int = 0
    drain_after_load_s: float = 0.0
    outbox: dict[str, int] = field(default_factory=dict)
    bot_cpu_s: float = 0.0
    bot_peak_rss_mb: float = 0.0
    wall_s: float = 0.0

    def summary(self) -> str:
        a, f = self.ack_ms, self.final_ms
        return (f"{self.interactions} interactions at {self.achieved_rate:.1f}/s: {self.answered} answered, "
                f"{self.expired} expired, {self.late} over 3 s, {self.failed} failed; ack p50 {a['p50']:.0f} ms, "
                f"p95 {a['p95']:.0f} ms, p99 {a['p99']:.0f} ms, max {a['max']:.0f} ms; final answer p99 "
                f"{f['p99']:.0f} ms; posts {self.posts_delivered}/{self.posts_expected} delivered, "
                f"{self.posts_missing} missing, {self.posts_duplicated} duplicated, {self.posts_unexpected} "
                f"unexpected (outbox drained {self.drain_after_load_s:.1f} s after the load); bot CPU "
                f"{self.bot_cpu_s:.1f} s, peak RSS {self.bot_peak_rss_mb:.0f} MB; setup {self.setup_s:.1f} s")

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _process_stats(pid: int) -> tuple[float, float]:
    """(CPU seconds, peak RSS in MB) of a live process, from /proc (Linux); zeros elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks = int(fields[11]) + int(fields[12])
        peak = re.search(r"VmHWM:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text())
        return ticks / os.sysconf("SC_CLK_TCK"), (int(peak.group(1)) / 1024 if peak else 0.0)
    except (OSError, ValueError, IndexError):
        return 0.0, 0.0


class LoadRun:
    def __init__(self, e2e: E2E, config: LoadConfig) -> None:
        self.e2e, self.config = e2e, config
        self.rng = random.Random(config.seed)
        self.guilds: list[Guild] = []
        self.subscriptions: dict[int, list[int]] = defaultdict(list)       # guild -> subscription ids
        self.subscribers: dict[str, list[int]] = defaultdict(list)         # feed name -> channels
        self.expected: dict[int, list[str]] = defaultdict(list)            # channel -> links due there
        self.words: dict[int, list[str]] = defaultdict(list)               # guild -> words in its feeds
        self.bot: BotProcess | None = None
        self.result = LoadResult(config=asdict(config))

    # ----- set-up: servers, feeds, `sitrep sync`, `/feed add` for every subscription
    async def setup(self) -> None:
        cfg, e2e = self.config, self.e2e
        started = time.monotonic()
        self.guilds = [e2e.guild(f"G{index:02d}", channels=cfg.channels_per_guild + 1)
                       for index in range(cfg.guilds)]
        names = [f"load{index:03d}" for index in range(cfg.feeds)]
        for name in names:
            e2e.farm.feed(name, e2e.news.items(f"{name}/old", cfg.backlog), title=f"Desk {name}")
        pairs = self._subscription_plan(names)
        e2e.env_overrides.update(SITREP_POLL_INTERVAL=cfg.poll_interval, SITREP_POSTS_PER_CHANNEL=1000)
        await e2e.sync()
        self.bot = await e2e.start_bot()
        limit = asyncio.Semaphore(cfg.setup_concurrency)
        acks: list[float] = []

        async def add(guild: Guild, channel: int, name: str) -> None:
            async with limit:
                answer = await interact(e2e.fake, guild.id, guild.general, guild.admin, "feed add",
                                        url=e2e.farm.url(name), channel=channel, final_timeout=60)
            acks.append(answer.ack_latency)
            found = re.search(r"feed #(\d+)", answer.text)
            assert found and "Subscribed" in answer.text, answer.text
            self.subscriptions[guild.id].append(int(found.group(1)))
            self.subscribers[name].append(channel)
            self.words[guild.id] += [w for item in e2e.farm.docs[name].items for w in item.title.split()[1:3]]

        await asyncio.gather(*(add(guild, channel, name) for guild, channel, name in pairs))
        await eventually(lambda: scalar(e2e.database, "SELECT count(*) FROM feeds WHERE initialised = 1")
                         == cfg.feeds, 120, "every feed's first fetch")
        self.result.setup_s = time.monotonic() - started
        self.result.feed_add_ack_p99_ms = percentile(acks, 99) * 1000

    def _subscription_plan(self, names: list[str]) -> list[tuple[Guild, int, str]]:
        """Every feed at least once, then random ones; never the same feed twice in a channel."""
        cfg, pairs, taken = self.config, [], set()
        slots = [(self.guilds[i % cfg.guilds], i) for i in range(cfg.subscriptions)]
        feeds = names + [self.rng.choice(names) for _ in range(max(0, cfg.subscriptions - len(names)))]
        self.rng.shuffle(feeds)
        for (guild, index), name in zip(slots, feeds):
            channels = guild.channels[1:]
            channel = channels[index // cfg.guilds % len(channels)]
            while (channel, name) in taken:
                name = self.rng.choice(names)
            taken.add((channel, name))
            pairs.append((guild, channel, name))
        return pairs

    # ----- the load: commands on a fixed schedule, new stories on the feeds
    def _command(self) -> tuple[Guild, Any, str, dict[str, Any]]:
        guild = self.rng.choice(self.guilds)
        kind = self.rng.choices([c for _, c in MIX], weights=[w for w, _ in MIX])[0]
        user, options = guild.admin, {}
        if kind == "search":
            options = {"query": self.rng.choice(self.words[guild.id] or ["news"])}
        elif kind == "story":
            options = {"id": self.rng.randint(1, max(1, self.config.feeds * self.config.backlog))}
        elif kind == "feed preview":
            options = {"feed": self.rng.choice(self.subscriptions[guild.id] or [1])}
        elif kind == "brief now":
            options = {"hours": self.rng.choice([6, 24, 48])}
        elif kind == "watch add":
            options = {"subject": f"phrase {self.e2e.news.word()}"}  # matches nothing: alerts stay out of it
        elif kind == "refused":
            kind, user, options = "feed pause", guild.member, {"feed": self.rng.choice(self.subscriptions[guild.id])}
        return guild, user, kind, options

    async def _drive(self) -> list[int]:
        fake, cfg = self.e2e.fake, self.config
        loop = asyncio.get_running_loop()
        start, sent = loop.time(), []
        for index in range(int(cfg.rate * cfg.duration)):
            delay = start + index / cfg.rate - loop.time()
            if delay > 0:
                await asyncio.sleep(delay)  # the schedule of an open-loop load, not a wait for work
            guild, user, command, options = self._command()
            sent.append(await fake.slash(guild.id, guild.general, user, command, **options))
        self.result.achieved_rate = len(sent) / max(loop.time() - start, 1e-9)
        return sent

    async def _news(self, stop: asyncio.Event) -> None:
        cfg, farm, rounds = self.config, self.e2e.farm, 0
        names = sorted(self.subscribers)
        while not stop.is_set():
            for name in self.rng.sample(names, min(cfg.news_per_round, len(names))):
                item = self.e2e.news.item(f"{name}/new{rounds}")
                farm.add_items(name, [item])
                for channel in self.subscribers[name]:
                    self.expected[channel].append(item.link)
            rounds += 1
            try:
                await asyncio.wait_for(stop.wait(), cfg.news_every)  # the news schedule, not a wait for work
            except asyncio.TimeoutError:
                pass

    async def run(self) -> LoadResult:
        e2e, result = self.e2e, self.result
        started = time.monotonic()
        await self.setup()
        assert self.bot is not None
        cpu_before, _ = _process_stats(self.bot.pid)
        stop = asyncio.Event()
        news = asyncio.create_task(self._news(stop))
        try:
            sent = await self._drive()
        finally:
            stop.set()
            await news
        load_over = time.monotonic()

        records = [e2e.fake.store.interactions[iid] for iid in sent]
        await eventually(lambda: all(r.final_at is not None or r.expired for r in records), 60,
                         "every interaction's final answer")
        self._interaction_figures(sent)
        await self._wait_for_posts()
        result.drain_after_load_s = time.monotonic() - load_over
        cpu_after, peak = _process_stats(self.bot.pid)
        result.bot_cpu_s, result.bot_peak_rss_mb = cpu_after - cpu_before, peak
        result.outbox = dict(query(e2e.database, "SELECT status, count(*) FROM outbox GROUP BY status"))
        await self.bot.stop()
        result.wall_s = time.monotonic() - started
        return result

    def _interaction_figures(self, sent: list[int]) -> None:
        fake, result = self.e2e.fake, self.result
        acks, finals, per_command = [], [], defaultdict(list)
        for iid in sent:
            response = fake.store.response(iid)
            result.interactions += 1
            if response["expired"] or response["ack_latency"] is None:
                result.expired += 1
                continue
            result.answered += 1
            acks.append(response["ack_latency"])
            per_command[response["label"]].append(response["ack_latency"])
            if response["ack_latency"] >= ACK_DEADLINE:
                result.late += 1
            if response["latency"] is not None:
                finals.append(response["latency"])
            texts = [response["message"] or {}] + response["followups"]
            if any("went wrong" in (m.get("content") or "") for m in texts):
                result.failed += 1
        for name, values in (("ack_ms", acks), ("final_ms", finals)):
            setattr(result, name, {"p50": percentile(values, 50) * 1000, "p95": percentile(values, 95) * 1000,
                                   "p99": percentile(values, 99) * 1000, "max": max(values, default=math.nan) * 1000})
        result.by_command_p99_ms = {name: round(percentile(v, 99) * 1000, 1) for name, v in sorted(per_command.items())}

    async def _wait_for_posts(self) -> None:
        fake, result = self.e2e.fake, self.result
        result.posts_expected = sum(len(links) for links in self.expected.values())

        def delivered() -> int:
            return sum(len(set(post_links(fake, c)) & set(links)) for c, links in self.expected.items())
        try:
            await eventually(lambda: delivered() >= result.posts_expected, 120, "every expected post", interval=0.25)
            await eventually(lambda: scalar(self.e2e.database, "SELECT count(*) FROM outbox WHERE status = 'pending'")
                             == 0, 60, "an empty outbox", interval=0.25)
        except AssertionError:
            pass  # counted as missing below
        channels = {c for g in self.guilds for c in g.channels}
        for channel in channels:
            seen = Counter(post_links(fake, channel))
            wanted = set(self.expected.get(channel, []))
            result.posts_delivered += len(set(seen) & wanted)
            result.posts_missing += len(wanted - set(seen))
            result.posts_duplicated += sum(n - 1 for n in seen.values() if n > 1)
            result.posts_unexpected += len(set(seen) - wanted)


async def run_load(e2e: E2E, config: LoadConfig) -> LoadResult:
    return await LoadRun(e2e, config).run()


def check(result: LoadResult) -> list[str]:
    """What makes a load run fail: anything unanswered, late, lost or repeated."""
    problems = []
    if result.answered != result.interactions or result.expired:
        problems.append(f"{result.interactions - result.answered} interactions unanswered ({result.expired} expired)")
    if result.late:
        problems.append(f"{result.late} interactions acknowledged after {ACK_DEADLINE:.0f} s")
    if result.failed:
        problems.append(f"{result.failed} interactions answered with an internal error")
    if result.posts_missing or result.posts_duplicated or result.posts_unexpected:
        problems.append(f"posts: {result.posts_missing} missing, {result.posts_duplicated} duplicated, "
                        f"{result.posts_unexpected} unexpected")
    if result.outbox.get("dropped") or result.outbox.get("pending"):
        problems.append(f"outbox not all sent: {result.outbox}")
    return problems
