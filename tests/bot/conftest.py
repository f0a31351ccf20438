"""An in-process Sitrep bot against the loopback fake Discord, with feeds from a scripted server."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import discord
import pytest

from bot.client import SitrepBot
from bot.config import Settings
from bot.feeds.fetcher import Fetcher
from bot.services.container import build_services
from storage import SqliteStorage, open_storage
from tests.e2e.fakediscord import FakeDiscord
from tests.helpers.feed_server import ScriptedServer

DEADLINE = 10.0


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@dataclass
class BotEnv:
    fake: FakeDiscord
    bot: SitrepBot
    storage: SqliteStorage
    feeds: ScriptedServer
    clock: Clock
    guild: Any
    other_guild: Any
    admin: Any
    member: Any
    other_admin: Any

    async def slash(self, command: str, *, user: Any = None, guild: Any = None, channel: int | None = None,
                    **options: Any) -> dict[str, Any]:
        guild = guild or self.guild
        iid = await self.fake.slash(guild.id, channel or list(guild.channels)[0], user or self.admin, command,
                                    **options)
        return await self.fake.wait_response(iid, timeout=DEADLINE, final=True)

    async def poll(self) -> None:
        await self.bot.runtime.poll_once()
        await self.bot.sender.drain()


@pytest.fixture
async def bot_env(tmp_path: Path) -> AsyncIterator[BotEnv]:
    settings = Settings(database=tmp_path / "bot.db", allow_private_addresses=True, total_timeout_s=5.0,
                        discord_token="test-token-0123456789")
    clock = Clock(datetime(2026, 11, 20, 12, 0, tzinfo=UTC))
    feeds = ScriptedServer()
    await feeds.start()
    storage = await open_storage(settings.database)
    async with FakeDiscord(heartbeat_interval=1000, token=settings.discord_token) as fake:
        guild = fake.add_guild("Alpha", channels=("general", "news"))
        other = fake.add_guild("Beta", channels=("general",))
        admin, member = fake.add_admin(guild.id), fake.add_plain_member(guild.id)
        other_admin = fake.add_admin(other.id, "beta-admin")
        with fake.patch_discord():
            async with Fetcher(settings) as fetcher:
                services = await build_services(settings, storage, fetcher, clock=clock)
                bot = SitrepBot(services, background=False)
                bot._connection.guild_ready_timeout = 0.05  # noqa: SLF001 - speed up start-up against the fake
                runner = asyncio.create_task(bot.start(settings.discord_token))
                await asyncio.wait_for(bot.wait_until_ready(), DEADLINE)
                for target in (guild, other):
                    bot.tree.copy_global_to(guild=discord.Object(id=target.id))
                    await bot.tree.sync(guild=discord.Object(id=target.id))
                try:
                    yield BotEnv(fake, bot, storage, feeds, clock, guild, other, admin, member, other_admin)
                finally:
                    await bot.close()
                    runner.cancel()
                    await asyncio.gather(runner, return_exceptions=True)
    await storage.close()
    await feeds.stop()
