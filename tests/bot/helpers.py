"""Spec'd mocks of discord.py objects for unit tests of the cogs, after python-discord/bot's tests/helpers.py.

Every mock is built with `spec_set` from the real class (or a real instance), so a cog that touches an
attribute Discord objects do not have fails the test instead of passing silently; coroutine methods come out
as `AsyncMock` because the spec says they are coroutines.
"""

from __future__ import annotations

import itertools
from datetime import UTC, datetime
from functools import cache
from typing import Any
from unittest.mock import MagicMock, create_autospec

import discord

from bot.client import SitrepBot
from bot.config import Settings
from bot.intel.actors import Gazetteer, default_gazetteer
from bot.services.container import Services
from bot.services.feeds import FeedService
from bot.services.schedules import ScheduleService
from bot.services.watches import WatchService
from storage.base import Storage

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
ADMIN_PERMISSIONS = discord.Permissions(manage_guild=True, view_channel=True, send_messages=True)
MEMBER_PERMISSIONS = discord.Permissions(view_channel=True, send_messages=True)
BOT_PERMISSIONS = discord.Permissions(view_channel=True, send_messages=True, embed_links=True, attach_files=True,
                                      send_messages_in_threads=True)

_ids = itertools.count(1_000_000_000_000_000)


def next_id() -> int:
    return next(_ids)


@cache
def gazetteer() -> Gazetteer:
    return default_gazetteer()


def mock_storage() -> Any:
    """The storage Protocol with every method an AsyncMock; by default a server has nothing yet."""
    storage = create_autospec(Storage, instance=True, spec_set=True)
    storage.list_subscriptions.return_value = []
    storage.list_watches.return_value = []
    storage.list_schedules.return_value = []
    return storage


def mock_services(storage: Any | None = None) -> Any:
    """`Services` with spec'd services; `feeds`, `watches` and `schedules` are spec'd mocks unless replaced by real
    ones over `storage` (see `real_feed_service` and friends)."""
    services = create_autospec(Services, instance=True, spec_set=True)
    services.storage = storage if storage is not None else mock_storage()
    services.settings = Settings()
    services.clock = lambda: NOW
    services.started_at = NOW
    services.gazetteer = gazetteer()
    services.feeds = create_autospec(FeedService, instance=True, spec_set=True)
    services.watches = create_autospec(WatchService, instance=True, spec_set=True)
    services.schedules = create_autospec(ScheduleService, instance=True, spec_set=True)
    return services


def real_feed_service(services: Any) -> FeedService:
    ingest = MagicMock(name="ingest")  # never reached by the paths tested with it
    from bot.feeds.ssrf import AddressPolicy

    services.feeds = FeedService(services.storage, ingest, AddressPolicy(), interval_s=900, clock=lambda: NOW)
    return services.feeds


def real_watch_service(services: Any) -> WatchService:
    services.watches = WatchService(services.storage, gazetteer(), clock=lambda: NOW)
    return services.watches


def real_schedule_service(services: Any) -> ScheduleService:
    services.schedules = ScheduleService(services.storage, clock=lambda: NOW)
    return services.schedules


def make_bot(services: Any | None = None) -> SitrepBot:
    """A real, unconnected SitrepBot (no gateway, no HTTP) over mocked services: for walking its command tree."""
    return SitrepBot(services if services is not None else mock_services(), background=False)


def MockBot(services: Any | None = None) -> Any:  # noqa: N802 - named like the class it stands for
    """A mock spec'd from a real SitrepBot instance, so `bot.services` exists and `bot.nonexistent` does not."""
    services = services if services is not None else mock_services()
    bot = MagicMock(spec_set=make_bot(services))
    bot.services = services
    bot.latency = 0.042
    return bot


def MockMember(*, permissions: discord.Permissions = ADMIN_PERMISSIONS, bot: bool = False) -> Any:  # noqa: N802
    member = MagicMock(spec_set=discord.Member)
    member.id = next_id()
    member.bot = bot
    member.guild_permissions = permissions
    member.mention = f"<@{member.id}>"
    return member


def MockTextChannel(*, bot_permissions: discord.Permissions = BOT_PERMISSIONS) -> Any:  # noqa: N802
    """A text channel; `permissions_for(anyone)` gives `bot_permissions` (what the cog asks about is the bot)."""
    channel = MagicMock(spec_set=discord.TextChannel)
    channel.id = next_id()
    channel.mention = f"<#{channel.id}>"
    channel.permissions_for.return_value = bot_permissions
    return channel


def MockGuild(*channels: Any) -> Any:  # noqa: N802
    guild = MagicMock(spec_set=discord.Guild)
    guild.id = next_id()
    guild.me = MockMember(permissions=BOT_PERMISSIONS, bot=True)
    by_id = {channel.id: channel for channel in channels}
    guild.get_channel_or_thread.side_effect = by_id.get
    guild.get_channel.side_effect = by_id.get
    return guild


def MockInteraction(*, bot: Any | None = None, channel: Any | None = None,  # noqa: N802
                    permissions: discord.Permissions = ADMIN_PERMISSIONS) -> Any:
    """A slash command used by a member with `permissions` in `channel` of a guild; `response` and `followup`
    are spec'd too, so `await interaction.response.send_message(...)` is an AsyncMock call to assert on."""
    channel = channel if channel is not None else MockTextChannel()
    guild = MockGuild(channel)
    interaction = MagicMock(spec_set=discord.Interaction)
    interaction.id = next_id()
    interaction.client = bot if bot is not None else MockBot()
    interaction.guild = guild
    interaction.guild_id = guild.id
    interaction.channel = channel
    interaction.channel_id = channel.id
    interaction.user = MockMember(permissions=permissions)
    interaction.permissions = permissions
    interaction.app_permissions = BOT_PERMISSIONS
    interaction.response = MagicMock(spec_set=discord.InteractionResponse)
    interaction.response.is_done.return_value = False
    interaction.followup = MagicMock(spec_set=discord.Webhook)
    return interaction


def sent_text(mock_call: Any) -> str:
    """The content of a send_message/send call, positional or keyword."""
    args, kwargs = mock_call
    return str(kwargs.get("content", args[0] if args else ""))
