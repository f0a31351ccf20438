"""An in-process Sitrep bot against the loopback fake Discord, with feeds from a scripted server.

`bot_env` is the fixture; `@pytest.mark.bot_settings(posts_per_channel_per_cycle=3, ...)` overrides Settings
fields for one test. Everything runs on the test's event loop: `await env.poll()` runs one ingest cycle and
drains the outbox, so when it returns the messages are in the fake.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
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
from tests.helpers.clock import Clock
from tests.helpers.feed_server import Reply, ScriptedServer
from tests.helpers.feeds import Item, rss

DEADLINE = 10.0
SEND_ROUTE = "POST /channels/{channel_id}/messages"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "bot_settings(**fields): Settings overrides for the bot_env fixture")


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

    # ----- channels
    @property
    def general(self) -> int:
        """Alpha's #general (where commands are used unless told otherwise)."""
        return list(self.guild.channels)[0]

    @property
    def news(self) -> int:
        """Alpha's #news."""
        return list(self.guild.channels)[1]

    @property
    def other_general(self) -> int:
        """Beta's #general."""
        return list(self.other_guild.channels)[0]

    # ----- interactions
    async def slash(self, command: str, *, user: Any = None, guild: Any = None, channel: int | None = None,
                    **options: Any) -> dict[str, Any]:
        """Run a slash command (as Alpha's admin in Alpha's #general by default); return the final response."""
        guild = guild or self.guild
        iid = await self.fake.slash(guild.id, channel or list(guild.channels)[0], user or self.admin, command,
                                    **options)
        return await self.fake.wait_response(iid, timeout=DEADLINE, final=True)

    async def beta(self, command: str, **options: Any) -> dict[str, Any]:
        """Run a slash command as Beta's admin in Beta's #general."""
        return await self.slash(command, user=self.other_admin, guild=self.other_guild, **options)

    async def autocomplete(self, command: str, focused: str, *, user: Any = None, guild: Any = None,
                           **options: Any) -> list[dict[str, Any]]:
        """The choices the bot offers for option `focused` (typed so far: options[focused])."""
        guild = guild or self.guild
        iid = await self.fake.autocomplete(guild.id, list(guild.channels)[0], user or self.admin, command, focused,
                                           **options)
        response = await self.fake.wait_response(iid, timeout=DEADLINE)
        return list(response["choices"] or [])

    async def press(self, message: dict[str, Any], label: str, user: Any) -> dict[str, Any]:
        """Press the button labelled `label` (a substring) on `message`; return the bot's answer."""
        custom_id = next(c["custom_id"] for row in message["components"] for c in row.get("components", [])
                         if label in (c.get("label") or ""))
        iid = await self.fake.press_button(int(message["id"]), custom_id, user)
        return await self.fake.wait_response(iid, timeout=DEADLINE, final=True)

    # ----- feeds and delivery
    def serve(self, path: str, *bodies: bytes | Reply) -> str:
        """Script a feed at `path`: one reply per fetch, the last one repeating; return its URL."""
        return self.feeds.route(path, *(b if isinstance(b, Reply) else Reply(body=b) for b in bodies))

    def serve_items(self, path: str, *snapshots: list[Item], title: str = "Test feed") -> str:
        return self.serve(path, *(rss(items, title=title) for items in snapshots))

    async def subscribe(self, url: str, *, channel: int | None = None, guild: Any = None,
                        user: Any = None) -> int:
        """/feed add through Discord; return the subscription id."""
        guild = guild or self.guild
        user = user or (self.admin if guild is self.guild else self.other_admin)
        options: dict[str, Any] = {"url": url} if channel is None else {"url": url, "channel": channel}
        response = await self.slash("feed add", user=user, guild=guild, **options)
        content = response["message"]["content"]
        assert "ubscribed" in content, content
        subscriptions = await self.storage.list_subscriptions(guild.id)
        return max(s.id for s in subscriptions)

    async def poll(self) -> None:
        await self.bot.runtime.poll_once()
        await self.bot.sender.drain()

    async def next_cycle(self) -> None:
        """Move the clock past every feed's next slot, then poll."""
        self.clock.advance(hours=2)
        await self.poll()

    def posts(self, channel: int) -> list[dict[str, Any]]:
        """What the bot posted in `channel` through the outbox (not interaction answers)."""
        return [m for m in self.fake.messages(channel) if m["source"] == "channel"]

    def sends(self, channel: int | None = None) -> int:
        """How many message-create requests reached the fake (for one channel, or all)."""
        route = SEND_ROUTE if channel is None else f"POST /channels/{channel}/messages"
        return self.fake.request_count(route)


@pytest.fixture
async def bot_env(tmp_path: Path, request: pytest.FixtureRequest) -> AsyncIterator[BotEnv]:
    settings = Settings(database=tmp_path / "bot.db", allow_private_addresses=True, total_timeout_s=5.0,
                        discord_token="test-token-0123456789")
    marker = request.node.get_closest_marker("bot_settings")
    if marker is not None:
        settings = replace(settings, **marker.kwargs)
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
                for joined in bot.guilds:  # what on_ready does, awaited here so no command races it
                    await storage.upsert_guild(joined.id, joined.name, clock())
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
