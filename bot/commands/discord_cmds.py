"""`sitrep run` (connect to Discord and work) and `sitrep sync [--guild ID]` (register the slash commands)."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal

import discord

from bot.commands.common import UsageError, opened_storage
from bot.config import Settings
from bot.facts import AnalysisPool
from bot.feeds.fetcher import Fetcher

log = logging.getLogger(__name__)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    run = sub.add_parser("run", help="connect to Discord (DISCORD_TOKEN) and run the bot")
    run.set_defaults(handler=run_bot)
    sync = sub.add_parser("sync", help="register the slash commands with Discord (globally, or on one server)")
    sync.add_argument("--guild", type=int, metavar="ID", help="sync to this server only (instant)")
    sync.set_defaults(handler=sync_commands)


def _token(settings: Settings) -> str:
    if not settings.discord_token:
        raise UsageError("DISCORD_TOKEN is not set (put it in the environment or in .env)")
    return settings.discord_token


def point_at_test_discord(base: str | None) -> None:
    """Test-only: aim discord.py at a loopback fake Discord (SITREP_DISCORD_API_BASE, checked to be loopback)."""
    if not base:
        return
    import yarl

    url = yarl.URL(base)
    discord.http.Route.BASE = f"{str(url).rstrip('/')}/api/v10"
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = url.with_scheme("ws" if url.scheme == "http" else "wss") \
        .with_path("/gateway")
    log.warning("using a test Discord at %s", base)


async def run_bot(args: argparse.Namespace, settings: Settings) -> int:
    from bot.client import SitrepBot
    from bot.services.container import build_services

    token = _token(settings)
    point_at_test_discord(settings.discord_api_base)
    async with opened_storage(settings.database) as storage, Fetcher(settings) as fetcher, \
            AnalysisPool(settings.analysis_workers) as analysis:
        services = await build_services(settings, storage, fetcher, analysis=analysis)
        bot = SitrepBot(services)
        loop = asyncio.get_running_loop()
        stopping = asyncio.Event()
        for sig in (signal.SIGTERM, signal.SIGINT):
            with contextlib.suppress(NotImplementedError):
                loop.add_signal_handler(sig, stopping.set)
        runner = asyncio.create_task(bot.start(token, reconnect=True))
        stopper = asyncio.create_task(stopping.wait())
        try:
            done, _ = await asyncio.wait({runner, stopper}, return_when=asyncio.FIRST_COMPLETED)
            if runner in done:
                runner.result()
            else:
                log.info("shutting down: stopping the poller, flushing the outbox")
        except discord.LoginFailure:
            raise UsageError("Discord refused the token: DISCORD_TOKEN is invalid") from None
        except discord.PrivilegedIntentsRequired:
            raise UsageError("Discord refused an intent; Sitrep needs none of the privileged ones") from None
        finally:
            stopper.cancel()
            await bot.close()
            if not runner.done():
                runner.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await runner
    log.info("stopped cleanly")
    return 0


async def sync_commands(args: argparse.Namespace, settings: Settings) -> int:
    from bot.client import SitrepBot
    from bot.services.container import build_services

    token = _token(settings)
    point_at_test_discord(settings.discord_api_base)
    async with opened_storage(settings.database) as storage, Fetcher(settings) as fetcher:
        bot = SitrepBot(await build_services(settings, storage, fetcher), background=False)
        try:
            await bot.login(token)
        except discord.LoginFailure:
            raise UsageError("Discord refused the token: DISCORD_TOKEN is invalid") from None
        try:
            if args.guild:
                target = discord.Object(id=args.guild)
                bot.tree.copy_global_to(guild=target)
                synced = await bot.tree.sync(guild=target)
                print(f"Synced {len(synced)} commands to server {args.guild} (available now).")
            else:
                synced = await bot.tree.sync()
                print(f"Synced {len(synced)} global commands (Discord may take up to an hour to show them).")
        finally:
            await bot.close()
    return 0
