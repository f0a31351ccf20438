"""What the end-to-end scenarios share: a feed server, synthetic news, the `sitrep` processes, and waits.

The fake Discord and the feed server run in the test's own event loop (so a test can read the fake's records
directly); `sitrep run` and `sitrep sync` are real child processes, started exactly as an operator would, with
the environment pointing them at the fake (SITREP_DISCORD_API_BASE) and at the feed server on 127.0.0.1.
Nothing here sleeps to wait for work: every wait polls a condition under a deadline.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import inspect
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from aiohttp import web

from tests.e2e.fakediscord import FakeDiscord
from tests.helpers.feeds import Item, rss

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "e2e-bot-token-0123456789abcdef"
ACK_DEADLINE = 3.0  # Discord's: an interaction not answered within 3 s shows "The application did not respond"
START_TIMEOUT = 40.0


# ----- waiting ---------------------------------------------------------------------------------------------

async def eventually(predicate: Callable[[], Any], timeout: float, what: str, *, interval: float = 0.05) -> Any:
    """Poll `predicate` (sync or async) until it returns something truthy; fail with `what` after `timeout`."""
    deadline = time.monotonic() + timeout
    last: Any = None
    while True:
        last = predicate()
        if inspect.isawaitable(last):
            last = await last
        if last:
            return last
        if time.monotonic() >= deadline:
            raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what} (last value: {last!r})")
        await asyncio.sleep(interval)


# ----- synthetic news --------------------------------------------------------------------------------------

COUNTRIES = ("France", "Germany", "Japan", "Brazil", "Kenya", "Canada", "Chile", "Norway", "Mexico", "India")
_CONSONANTS, _VOWELS = "bdfgklmnprstvz", "aeiou"


class NewsWriter:
    """Items that are each their own story: unique made-up words (so no two cluster), one real country (so
    tagging has work), a unique link (the key tests use to find a post in its channel)."""

    def __init__(self, seed: int = 0) -> None:
        self._rng = random.Random(seed)
        self._used: set[str] = set()

    def word(self) -> str:
        while True:
            word = "".join(self._rng.choice(_CONSONANTS) + self._rng.choice(_VOWELS) for _ in range(3))
            word += self._rng.choice("xq")
            if word not in self._used:
                self._used.add(word)
                return word

    def item(self, key: str, *, published: datetime | None = None, country: str | None = None) -> Item:
        country = country or self._rng.choice(COUNTRIES)
        words = [self.word() for _ in range(24)]
        title = f"{words[0].capitalize()} {words[1]} {words[2]} in {country} {words[3]} {words[4]}"
        body = f"{' '.join(words[5:20]).capitalize()}. Officials in {country} said {' '.join(words[20:])}."
        return Item(title=title, body=body, guid=f"e2e:{key}", link=f"https://news.example/{key}",
                    date=published or datetime.now(UTC))

    def items(self, prefix: str, count: int, *, age: timedelta = timedelta(minutes=0)) -> list[Item]:
        now = datetime.now(UTC) - age
        return [self.item(f"{prefix}/{n}", published=now - timedelta(minutes=count - n)) for n in range(count)]


def copy_of(item: Item, key: str) -> Item:
    """Another outlet carrying the same wire story: same link and text, its own guid."""
    return Item(title=item.title, body=item.body, guid=f"e2e:{key}", link=item.link, date=item.date)


# ----- the feed server -------------------------------------------------------------------------------------

@dataclass
class FeedDoc:
    title: str
    items: list[Item] = field(default_factory=list)
    status: int = 200
    retry_after: str | None = None
    _body: bytes | None = None
    _etag: str = ""

    def render(self) -> tuple[bytes, str]:
        if self._body is None:
            self._body = rss(self.items, title=self.title)
            self._etag = '"' + hashlib.sha1(self._body).hexdigest()[:20] + '"'
        return self._body, self._etag

    def changed(self) -> None:
        self._body = None


class FeedFarm:
    """RSS feeds on 127.0.0.1 at /feeds/<name>.xml whose items a test changes while the bot polls them.
    ETags are honoured (If-None-Match -> 304), as real feed servers do; `fail()` makes a feed answer an error."""

    def __init__(self) -> None:
        self.docs: dict[str, FeedDoc] = {}
        self.hits: Counter[str] = Counter()
        self.statuses: Counter[tuple[str, int]] = Counter()
        self.base_url = ""
        self._runner: web.AppRunner | None = None

    async def start(self) -> FeedFarm:
        app = web.Application()
        app.router.add_get("/feeds/{name}.xml", self._feed)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.base_url = f"http://127.0.0.1:{port}"
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    def url(self, name: str) -> str:
        return f"{self.base_url}/feeds/{name}.xml"

    def feed(self, name: str, items: Iterable[Item] = (), *, title: str | None = None) -> str:
        self.docs[name] = FeedDoc(title or f"Feed {name}", list(items))
        return self.url(name)

    def set_items(self, name: str, items: Iterable[Item]) -> None:
        doc = self.docs[name]
        doc.items = list(items)
        doc.changed()

    def add_items(self, name: str, items: Iterable[Item]) -> None:
        doc = self.docs[name]
        doc.items = list(items) + doc.items  # newest first, as feeds list them
        doc.changed()

    def fail(self, name: str, status: int | None, *, retry_after: float | None = None) -> None:
        doc = self.docs[name]
        doc.status = status or 200
        doc.retry_after = None if retry_after is None else str(retry_after)

    async def _feed(self, request: web.Request) -> web.Response:
        name = request.match_info["name"]
        self.hits[name] += 1
        doc = self.docs.get(name)
        if doc is None:
            self.statuses[(name, 404)] += 1
            return web.Response(status=404, text="no such feed")
        if doc.status != 200:
            self.statuses[(name, doc.status)] += 1
            headers = {"Retry-After": doc.retry_after} if doc.retry_after else {}
            return web.Response(status=doc.status, text="failing on purpose", headers=headers)
        body, etag = doc.render()
        if request.headers.get("If-None-Match") == etag:
            self.statuses[(name, 304)] += 1
            return web.Response(status=304, headers={"ETag": etag})
        self.statuses[(name, 200)] += 1
        return web.Response(body=body, headers={"Content-Type": "application/rss+xml; charset=utf-8", "ETag": etag})


# ----- the sitrep processes --------------------------------------------------------------------------------

def bot_environment(database: Path, api_base: str, **overrides: Any) -> dict[str, str]:
    """The child's environment: ours minus any SITREP_* / DISCORD_* of the developer's, plus the test's."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SITREP_", "DISCORD_"))}
    env.update({
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH", "")])),
        "PYTHONUNBUFFERED": "1",
        "DISCORD_TOKEN": TOKEN,
        "SITREP_DATABASE": str(database),
        "SITREP_DISCORD_API_BASE": api_base,
        "SITREP_ALLOW_PRIVATE_ADDRESSES": "true",
        "SITREP_POLL_INTERVAL": "1",
        "SITREP_LOG_LEVEL": "INFO",
        "SITREP_TOTAL_TIMEOUT": "10",
        "SITREP_CONNECT_TIMEOUT": "3",
    })
    env.update({k: str(v) for k, v in overrides.items() if v is not None})
    return env


class BotProcess:
    """One `python -m bot run` child; its stderr goes to `log_path` (appended across restarts)."""

    def __init__(self, env: dict[str, str], log_path: Path, cwd: Path, label: str) -> None:
        self.env, self.log_path, self.cwd, self.label = env, log_path, cwd, label
        self.proc: subprocess.Popen[bytes] | None = None
        self._log_start = 0

    def start(self) -> BotProcess:
        with self.log_path.open("ab") as log:
            log.write(f"\n===== {self.label}: starting `sitrep run` at {datetime.now(UTC):%H:%M:%S.%f} =====\n"
                      .encode())
            self._log_start = log.tell()
        self._log = self.log_path.open("ab")
        self.proc = subprocess.Popen([sys.executable, "-m", "bot", "run"], cwd=self.cwd, env=self.env,
                                     stdin=subprocess.DEVNULL, stdout=self._log, stderr=subprocess.STDOUT)
        return self

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    @property
    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def log_text(self, *, this_run: bool = True) -> str:
        data = self.log_path.read_bytes()
        return data[self._log_start:].decode(errors="replace") if this_run else data.decode(errors="replace")

    async def wait_log(self, needle: str, timeout: float = START_TIMEOUT, *, count: int = 1) -> None:
        def seen() -> bool:
            if not self.running:
                raise AssertionError(f"{self.label} exited with {self.proc.returncode if self.proc else '?'} "
                                     f"while waiting for {needle!r}")
            return self.log_text().count(needle) >= count
        await eventually(seen, timeout, f"{needle!r} in the log of {self.label}", interval=0.05)

    async def wait_ready(self, timeout: float = START_TIMEOUT) -> None:
        """on_ready has run: logged in, gateway READY, every GUILD_CREATE in, guilds recorded."""
        await self.wait_log("connected as", timeout)

    def kill(self) -> None:
        """SIGKILL: no clean-up at all, as a power cut or the OOM killer would do it."""
        if self.running:
            os.kill(self.pid, signal.SIGKILL)
        if self.proc is not None:
            self.proc.wait(timeout=10)
        self._close_log()

    async def stop(self, timeout: float = 20.0) -> int:
        """SIGTERM and wait (the bot flushes its outbox and closes); SIGKILL if it does not exit in time."""
        if self.proc is None:
            return 0
        if self.running:
            self.proc.send_signal(signal.SIGTERM)
            try:
                await eventually(lambda: not self.running, timeout, f"{self.label} to exit after SIGTERM")
            except AssertionError:
                self.kill()
        self._close_log()
        return self.proc.returncode

    def _close_log(self) -> None:
        log = getattr(self, "_log", None)
        if log is not None and not log.closed:
            log.close()


async def run_cli(args: list[str], env: dict[str, str], cwd: Path, log_path: Path,
                  timeout: float = 60.0) -> tuple[int, str]:
    """Run `python -m bot ARGS` to completion without blocking the loop the fake Discord runs in."""
    out_path = log_path.with_suffix(".out")
    with out_path.open("wb") as out, log_path.open("ab") as log:
        log.write(f"\n===== sitrep {' '.join(args)} =====\n".encode())
        log.flush()
        proc = subprocess.Popen([sys.executable, "-m", "bot", *args], cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                                stdout=out, stderr=log)
        try:
            await eventually(lambda: proc.poll() is not None, timeout, f"`sitrep {' '.join(args)}` to finish")
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    return proc.returncode, out_path.read_text()


# ----- reading what Discord shows and what the database holds ----------------------------------------------

def post_links(fake: FakeDiscord, channel_id: int) -> list[str]:
    """The article links of the story posts in a channel, one per message, in order (duplicates kept)."""
    links = []
    for message in fake.messages(channel_id):
        for embed in message["embeds"][:1]:
            url = embed.get("url") or ""
            if url.startswith("https://news.example/") and not embed.get("title", "").startswith("Story #"):
                links.append(url)
    return links


def notices(fake: FakeDiscord, channel_id: int) -> list[dict[str, Any]]:
    return [m for m in fake.messages(channel_id)
            if any(e.get("title", "").startswith("Feed disabled") for e in m["embeds"])]


def query(db: Path, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
    """A read-only look at the bot's database (WAL: safe while the bot writes)."""
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)
    try:
        return connection.execute(sql, tuple(params)).fetchall()
    finally:
        connection.close()


def scalar(db: Path, sql: str, params: Iterable[Any] = ()) -> Any:
    rows = query(db, sql, params)
    return rows[0][0] if rows else None


def consistency_problems(db: Path) -> list[str]:
    """What a half-stored ingest batch would leave behind; empty when the database is whole."""
    connection = sqlite3.connect(str(db), timeout=10)
    try:
        problems = []
        integrity = connection.execute("PRAGMA integrity_check").fetchall()
        if integrity != [("ok",)]:
            problems.append(f"integrity_check: {integrity[:5]}")
        try:
            connection.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
        except sqlite3.DatabaseError as exc:
            problems.append(f"full-text index: {exc}")
        checks = {
            # A backlog is stored first and queued for its analysis (analysis_order set until it is analysed).
            "analysed articles without a story":
                "SELECT count(*) FROM articles WHERE story_id IS NULL AND analysis_order IS NULL",
            "queued articles already in a story":
                "SELECT count(*) FROM articles WHERE story_id IS NOT NULL AND analysis_order IS NOT NULL",
            "articles pointing at a missing story":
                """SELECT count(*) FROM articles a
                   WHERE a.story_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM stories s WHERE s.id = a.story_id)""",
            "analysed original articles without their country tag":
                """SELECT count(*) FROM articles a WHERE a.duplicate_of IS NULL AND a.analysis_order IS NULL
                   AND NOT EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id AND t.kind = 'country')""",
            "analysed original articles without their domain tag":
                """SELECT count(*) FROM articles a WHERE a.duplicate_of IS NULL AND a.analysis_order IS NULL
                   AND NOT EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id AND t.kind = 'domain')""",
            "tags of missing articles":
                """SELECT count(*) FROM article_tags t
                   WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = t.article_id)""",
            "stories without articles":
                "SELECT count(*) FROM stories s WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.story_id = s.id)",
            "stories without publishers":
                """SELECT count(*) FROM stories s
                   WHERE NOT EXISTS (SELECT 1 FROM story_publishers p WHERE p.story_id = s.id)""",
            "articles of feeds whose fetch was not recorded":
                "SELECT count(*) FROM articles a JOIN feeds f ON f.id = a.feed_id WHERE f.initialised = 0",
            "articles missing from the full-text index":
                "SELECT (SELECT count(*) FROM articles) - (SELECT count(*) FROM articles_fts)",
        }
        for label, sql in checks.items():
            count = connection.execute(sql).fetchone()[0]
            if count:
                problems.append(f"{count} {label}")
        return problems
    finally:
        connection.close()


# ----- interactions ----------------------------------------------------------------------------------------

@dataclass
class Answer:
    """An interaction's outcome as the user saw it."""

    response: dict[str, Any]

    @property
    def text(self) -> str:
        parts = []
        for message in [self.response.get("message"), *self.response.get("followups", [])]:
            if message:
                parts.append(message.get("content") or "")
                for embed in message.get("embeds") or []:
                    parts += [embed.get("title") or "", embed.get("description") or ""]
                    parts += [f"{f.get('name')}: {f.get('value')}" for f in embed.get("fields") or []]
        return "\n".join(p for p in parts if p)

    @property
    def ephemeral(self) -> bool:
        return bool(self.response.get("ephemeral"))

    @property
    def ack_latency(self) -> float:
        return float(self.response["ack_latency"])

    @property
    def message(self) -> dict[str, Any]:
        return self.response["message"]


async def interact(fake: FakeDiscord, guild_id: int, channel_id: int, user: Any, command: str, /, *,
                   final_timeout: float = 20.0, **options: Any) -> Answer:
    """Run a slash command and return what the user saw; fail unless it was acknowledged within 3 s."""
    iid = await fake.slash(guild_id, channel_id, user, command, **options)
    first = await fake.wait_response(iid, timeout=ACK_DEADLINE + 2)
    assert first["acknowledged"] and not first["expired"], f"/{command} was not answered: {first}"
    assert first["ack_latency"] < ACK_DEADLINE, f"/{command} answered after {first['ack_latency']:.2f}s"
    return Answer(await fake.wait_response(iid, timeout=final_timeout, final=True))



# ----- the environment a scenario runs in ------------------------------------------------------------------

@dataclass
class Guild:
    id: int
    channels: list[int]
    admin: Any
    member: Any

    @property
    def general(self) -> int:
        return self.channels[0]


@dataclass
class E2E:
    """A fake Discord and a feed server in this loop, a database path, and the `sitrep` processes started."""

    tmp: Path
    fake: FakeDiscord
    farm: FeedFarm
    news: NewsWriter
    database: Path
    log_path: Path
    bots: list[BotProcess] = field(default_factory=list)
    env_overrides: dict[str, Any] = field(default_factory=dict)

    def env(self, **overrides: Any) -> dict[str, str]:
        return bot_environment(self.database, self.fake.url, **{**self.env_overrides, **overrides})

    def guild(self, name: str, channels: int = 2) -> Guild:
        guild = self.fake.add_guild(name, channels=tuple(f"{name.lower()}-{i}" for i in range(channels)))
        return Guild(guild.id, list(guild.channels), self.fake.add_admin(guild.id, f"{name}-admin"),
                     self.fake.add_plain_member(guild.id, f"{name}-member"))

    def bot(self, **overrides: Any) -> BotProcess:
        """A `sitrep run` process (not started) with this environment."""
        bot = BotProcess(self.env(**overrides), self.log_path, self.tmp, f"bot #{len(self.bots) + 1}")
        self.bots.append(bot)
        return bot

    async def start_bot(self, **overrides: Any) -> BotProcess:
        bot = self.bot(**overrides).start()
        await bot.wait_ready()
        return bot

    async def sync(self, guild: int | None = None) -> str:
        args = ["sync", "--guild", str(guild)] if guild else ["sync"]
        code, out = await run_cli(args, self.env(), self.tmp, self.log_path)
        assert code == 0, f"sitrep {' '.join(args)} exited with {code}: {out}\n{self.log_tail()}"
        return out

    async def slash(self, guild: Guild, command: str, *, user: Any = None, channel: int | None = None,
                    **options: Any) -> Answer:
        return await interact(self.fake, guild.id, channel or guild.general, user or guild.admin, command,
                              **options)

    def log_tail(self, lines: int = 200) -> str:
        if not self.log_path.exists():
            return "(no bot log)"
        text = self.log_path.read_text(errors="replace").splitlines()
        return "\n".join(text[-lines:])

    def kill_all(self) -> None:
        for bot in self.bots:
            if bot.running:
                bot.kill()
            bot._close_log()  # noqa: SLF001 - the harness's own helper


@contextlib.asynccontextmanager
async def e2e_environment(tmp: Path, seed: int = 0) -> AsyncIterator[E2E]:
    """Start the feed server and the fake Discord; on the way out kill every bot process, then stop both."""
    tmp.mkdir(parents=True, exist_ok=True)
    farm = await FeedFarm().start()
    fake = FakeDiscord(heartbeat_interval=2000, token=TOKEN)
    try:
        await fake.start()
        env = E2E(tmp, fake, farm, NewsWriter(seed), tmp / "sitrep.db", tmp / "bot.log")
        try:
            yield env
        finally:
            env.kill_all()
    finally:
        await fake.stop()
        await farm.stop()
