"""The Discord client: gets its settings and services through its constructor, loads every cog under `cogs/`,
starts the background work, and shuts down cleanly."""

from __future__ import annotations

import logging
import pkgutil

import discord
from discord.ext import commands

import cogs
from bot.discord_adapter import NO_MENTIONS
from bot.runtime import Runtime
from bot.sender import OutboxSender
from bot.services.container import Services
from bot.tree import SitrepTree

log = logging.getLogger(__name__)

# Commands after which a feed may be due sooner than the poller's current sleep.
WAKES_POLLER = frozenset({"feed add", "feed import", "feed resume"})


def cog_modules() -> list[str]:
    """Every module under `cogs/` that does not start with an underscore: found, not listed."""
    return sorted(f"cogs.{m.name}" for m in pkgutil.iter_modules(cogs.__path__) if not m.name.startswith("_"))


class SitrepBot(commands.Bot):
    def __init__(self, services: Services, *, background: bool = True) -> None:
        intents = discord.Intents.none()
        intents.guilds = True
        super().__init__(command_prefix=commands.when_mentioned, intents=intents, help_command=None,
                         allowed_mentions=NO_MENTIONS, tree_cls=SitrepTree, max_messages=None,
                         chunk_guilds_at_startup=False)
        self.services = services
        self.background = background
        self.sender = OutboxSender(self, services.storage, services.clock)
        self.runtime = Runtime(services, on_work=self.sender.wake)

    async def setup_hook(self) -> None:
        for name in cog_modules():
            await self.load_extension(name)
        if self.background:
            self.runtime.start()
            self.sender.start()

    async def on_ready(self) -> None:
        log.info("connected as %s to %d servers", self.user, len(self.guilds))
        storage, now = self.services.storage, self.services.clock()
        for guild in self.guilds:
            await storage.upsert_guild(guild.id, guild.name, now)
        # A server that removed the bot while it was offline sends no GUILD_DELETE: it is simply absent.
        for guild_id in set(await storage.active_guild_ids()) - {guild.id for guild in self.guilds}:
            log.info("server %s is gone; delivery stops, its data is purged after the retention period", guild_id)
            await storage.mark_guild_left(guild_id, now)
        dev_guild = self.services.settings.dev_guild_id
        if dev_guild and self.background:
            target = discord.Object(id=dev_guild)
            self.tree.copy_global_to(guild=target)
            synced = await self.tree.sync(guild=target)
            log.info("synced %d commands to the development server %s", len(synced), dev_guild)

    async def on_app_command_completion(self, interaction: discord.Interaction,
                                        command: discord.app_commands.Command | discord.app_commands.ContextMenu
                                        ) -> None:
        if command.qualified_name in WAKES_POLLER:
            self.runtime.wake_poller()

    async def on_guild_join(self, guild: discord.Guild) -> None:
        await self.services.storage.upsert_guild(guild.id, guild.name, self.services.clock())

    async def on_guild_available(self, guild: discord.Guild) -> None:
        await self.services.storage.upsert_guild(guild.id, guild.name, self.services.clock())

    async def on_guild_remove(self, guild: discord.Guild) -> None:
        log.info("left server %s; delivery stops now, its data is purged after the retention period", guild.id)
        await self.services.storage.mark_guild_left(guild.id, self.services.clock())

    async def close(self) -> None:
        """Stop polling, flush the outbox, then disconnect (the caller closes the database)."""
        await self.runtime.stop()
        if self.is_ready():
            await self.sender.stop(flush_for=10.0)
        else:
            await self.sender.stop(flush_for=0)
        await super().close()
