"""The end-to-end environment: a fake Discord and a feed server in the test's loop, `sitrep` as child processes.

`e2e` gives a test everything it needs; on failure the bot's log is printed; in teardown every process a test
started is killed, whatever happened. The full load scenario is marked `slow` and only runs when asked for
(`pytest -m slow tests/e2e` or SITREP_E2E_SLOW=1); CI runs its shorter version.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.fakediscord import FakeDiscord
from tests.e2e.harness import (
    TOKEN,
    Answer,
    BotProcess,
    FeedFarm,
    NewsWriter,
    bot_environment,
    interact,
    run_cli,
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if "slow" in (config.getoption("-m") or "") or os.environ.get("SITREP_E2E_SLOW") == "1":
        return
    skip = pytest.mark.skip(reason="slow: run with `pytest -m slow tests/e2e` (or bench/e2e_load.py)")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[Any]) -> Iterator[None]:
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"e2e_{report.when}_failed", report.failed)


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


@pytest.fixture
async def e2e(tmp_path: Path, request: pytest.FixtureRequest) -> AsyncIterator[E2E]:
    farm = await FeedFarm().start()
    fake = FakeDiscord(heartbeat_interval=2000, token=TOKEN)
    await fake.start()
    env = E2E(tmp_path, fake, farm, NewsWriter(seed=zlib.crc32(request.node.name.encode())), tmp_path / "sitrep.db",
              tmp_path / "bot.log")
    try:
        yield env
    finally:
        for bot in env.bots:
            if bot.running:
                bot.kill()
            bot._close_log()  # noqa: SLF001 - the harness's own helper
        if getattr(request.node, "e2e_call_failed", False) or getattr(request.node, "e2e_setup_failed", False):
            print(f"\n----- bot log ({env.log_path}) -----\n{env.log_tail(400)}")
            print(f"----- fake discord counters -----\n{fake.counters()}")
        await fake.stop()
        await farm.stop()
