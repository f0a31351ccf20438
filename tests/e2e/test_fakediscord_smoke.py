"""Smoke test of the fake Discord: an unmodified discord.py client (with an app_commands tree) runs against it.

Nothing here sleeps to wait for work: every wait awaits an event or a fake-side condition under a deadline.
"""

from __future__ import annotations

import asyncio
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, AsyncIterator

import discord
import pytest
import pytest_asyncio
from discord import app_commands

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.e2e.fakediscord import FakeDiscord, P  # noqa: E402

DEADLINE = 10.0  # upper bound for any single wait; the happy paths take milliseconds


async def within(awaitable: Any, timeout: float = DEADLINE) -> Any:
    return await asyncio.wait_for(awaitable, timeout)


@dataclass
class Env:
    fake: FakeDiscord
    client: discord.Client
    tree: app_commands.CommandTree
    guild_id: int
    general: int
    feeds: int
    admin: Any
    member: Any
    resumed: asyncio.Event


def build_client(guild_id: int) -> tuple[discord.Client, app_commands.CommandTree]:
    client = discord.Client(intents=discord.Intents.default(), guild_ready_timeout=0.05)
    tree = app_commands.CommandTree(client)
    feed = app_commands.Group(name="feed", description="Manage feeds",
                              default_permissions=discord.Permissions(manage_guild=True))

    @feed.command(name="add", description="Follow a feed in a channel")
    @app_commands.describe(url="Feed URL", channel="Where to post")
    async def feed_add(interaction: discord.Interaction, url: str,
                       channel: discord.TextChannel | None = None) -> None:
        where = channel.id if channel is not None else interaction.channel_id
        admin = interaction.permissions.manage_guild
        await interaction.response.send_message(f"added {url} to {where} (manage_guild={admin})", ephemeral=True)

    @feed.command(name="list", description="List followed feeds")
    async def feed_list(interaction: discord.Interaction) -> None:
        await interaction.response.send_message("no feeds yet")

    tree.add_command(feed, guild=discord.Object(guild_id))
    return client, tree


@pytest_asyncio.fixture
async def env() -> AsyncIterator[Env]:
    fake = FakeDiscord(heartbeat_interval=500)
    await fake.start()
    guild = fake.add_guild("Sitrep Test", channels=("general", "feeds"))
    general, feeds = (c.id for c in guild.channels.values())
    admin, member = fake.add_admin(guild.id), fake.add_plain_member(guild.id)
    ready, resumed = asyncio.Event(), asyncio.Event()
    try:
        with fake.patch_discord():
            client, tree = build_client(guild.id)
            client.event(_setter("on_ready", ready))
            client.event(_setter("on_resumed", resumed))
            runner = asyncio.create_task(client.start("fake-token"))
            try:
                await within(ready.wait())
                yield Env(fake, client, tree, guild.id, general, feeds, admin, member, resumed)
            finally:
                await client.close()
                await within(runner)
    finally:
        await fake.stop()


def _setter(name: str, event: asyncio.Event) -> Any:
    async def handler() -> None:
        event.set()
    handler.__name__ = name
    return handler


@pytest.mark.asyncio
async def test_logs_in_becomes_ready_and_syncs_commands(env: Env) -> None:
    client, fake = env.client, env.fake
    assert client.user is not None and client.user.id == fake.application_id
    guild = client.get_guild(env.guild_id)
    assert guild is not None and guild.me is not None
    perms = guild.get_channel(env.general).permissions_for(guild.me)
    assert perms.send_messages and perms.embed_links and not perms.manage_guild

    synced = await within(env.tree.sync(guild=discord.Object(env.guild_id)))
    assert [c.name for c in synced] == ["feed"]
    feed = fake.command("feed", env.guild_id)
    assert feed is not None and feed["id"] == str(synced[0].id)
    assert feed["default_member_permissions"] == str(P.MANAGE_GUILD)
    subs = {o["name"]: o for o in feed["options"]}
    assert set(subs) == {"add", "list"}
    add_opts = {o["name"]: (o["type"], o.get("required", False)) for o in subs["add"]["options"]}
    assert add_opts == {"url": (3, True), "channel": (7, False)}
    assert fake.registered_commands() == []  # nothing global


@pytest.mark.asyncio
async def test_slash_command_gets_an_ephemeral_answer_fast(env: Env) -> None:
    fake = env.fake
    await within(env.tree.sync(guild=discord.Object(env.guild_id)))

    iid = await fake.slash(env.guild_id, env.general, env.admin, "feed add", url="https://example.org/rss",
                           channel=env.feeds)
    response = await fake.wait_response(iid, timeout=3.0)
    assert response["callback_type"] == 4
    assert response["message"]["content"] == f"added https://example.org/rss to {env.feeds} (manage_guild=True)"
    assert response["ephemeral"] is True and response["message"]["flags"] & 64
    assert response["latency"] is not None and response["latency"] < 1.0
    assert fake.messages(env.general) == []  # ephemeral: nobody else sees it
    assert len(fake.messages(env.general, include_ephemeral=True)) == 1

    iid = await fake.slash(env.guild_id, env.general, env.member, "feed add", url="https://example.org/a")
    response = await fake.wait_response(iid, timeout=3.0)
    assert response["message"]["content"].endswith(f"to {env.general} (manage_guild=False)")

    iid = await fake.slash(env.guild_id, env.general, env.admin, "feed list")
    response = await fake.wait_response(iid, timeout=3.0)
    assert response["ephemeral"] is False
    assert [m["content"] for m in fake.messages(env.general)] == ["no feeds yet"]


@pytest.mark.asyncio
async def test_same_nonce_twice_records_one_message(env: Env) -> None:
    channel = env.client.get_channel(env.general)
    first = await within(channel.send("hello", nonce="sitrep-1"))
    second = await within(channel.send("hello", nonce="sitrep-1"))
    assert first.id == second.id
    shown = env.fake.messages(env.general)
    assert [(m["content"], m["nonce"]) for m in shown] == [("hello", "sitrep-1")]
    assert env.fake.counters()["nonce_dedup"] == 1
    third = await within(channel.send("hello", nonce="sitrep-2"))
    assert third.id != first.id and len(env.fake.messages(env.general)) == 2


@pytest.mark.asyncio
async def test_rate_limit_storm_is_waited_out(env: Env) -> None:
    fake, channel = env.fake, env.client.get_channel(env.feeds)
    route = f"POST /channels/{env.feeds}/messages"
    fake.storm(route, count=2, retry_after=0.2)
    sent = await within(channel.send("after the storm", nonce="storm-1"))
    assert [m["id"] for m in fake.messages(env.feeds)] == [str(sent.id)]
    assert fake.ratelimited_count(route) == 2
    assert fake.request_count(route) == 3
    assert fake.ratelimited_count("POST /channels/{channel_id}/messages") == 2

    fake.storm(count=1, retry_after=0.1, is_global=True)
    await within(channel.send("after a global limit"))
    assert [m["content"] for m in fake.messages(env.feeds)] == ["after the storm", "after a global limit"]
    assert fake.counters()["storms"] == []


@pytest.mark.asyncio
async def test_gateway_close_4000_resumes_and_bot_keeps_answering(env: Env) -> None:
    fake = env.fake
    await within(env.tree.sync(guild=discord.Object(env.guild_id)))
    identifies, resumes = fake.gateway_count("identify"), fake.gateway_count("resumed")

    assert await fake.close_gateway(4000) == 1
    await fake.wait_gateway("resumed", resumes + 1, timeout=DEADLINE)
    await within(env.resumed.wait())
    assert fake.gateway_count("identify") == identifies  # a RESUME, not a new session

    iid = await fake.slash(env.guild_id, env.general, env.admin, "feed list")
    response = await fake.wait_response(iid, timeout=3.0)
    assert response["message"]["content"] == "no feeds yet"


@pytest.mark.asyncio
async def test_forbidden_and_missing_channels_raise(env: Env) -> None:
    fake, channel = env.fake, env.client.get_channel(env.feeds)
    fake.set_channel_failure(env.feeds, "missing_permissions")
    with pytest.raises(discord.Forbidden) as forbidden:
        await within(channel.send("nope"))
    assert forbidden.value.status == 403 and forbidden.value.code == 50013

    fake.set_channel_failure(env.feeds, "missing_access")
    with pytest.raises(discord.Forbidden) as no_access:
        await within(channel.send("nope"))
    assert no_access.value.code == 50001

    fake.set_channel_failure(env.feeds, "unknown_channel")
    with pytest.raises(discord.NotFound) as gone:
        await within(channel.send("nope"))
    assert gone.value.code == 10003

    fake.set_channel_failure(env.feeds, None)
    await within(channel.send("works again"))
    assert [m["content"] for m in fake.messages(env.feeds)] == ["works again"]
