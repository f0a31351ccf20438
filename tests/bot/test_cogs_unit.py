"""Pure unit tests of the cogs with spec'd mocks (no gateway, no HTTP): what a command calls and answers, and
the shape of the command tree."""

from __future__ import annotations

from collections import Counter
from datetime import time
from unittest.mock import MagicMock

import discord
import pytest
from discord import app_commands
from discord.utils import maybe_coroutine

from bot.client import cog_modules
from bot.delivery.models import Schedule, Subscription, Watch
from bot.services.errors import UserFacingError
from bot.services.feeds import SubscribeResult
from bot.tree import SitrepTree
from cogs.brief import BriefCog
from cogs.feeds import FeedCog
from cogs.watch import WatchCog
from tests.bot.helpers import (MEMBER_PERMISSIONS, NOW, MockBot, MockInteraction, MockTextChannel, make_bot,
                               mock_services, real_feed_service, real_schedule_service, real_watch_service,
                               sent_text)

CONFIGURATION = {"feed add", "feed remove", "feed list", "feed pause", "feed resume", "feed preview", "feed import",
                 "feed export", "watch add", "watch list", "watch remove", "watch breaking", "brief schedule",
                 "brief cancel"}


def subscription(guild_id: int, channel_id: int) -> Subscription:
    return Subscription(7, guild_id, channel_id, 3, False, None, NOW, "https://news.example/rss", "Alpha News")


async def check(command: app_commands.Command, interaction: object) -> None:  # type: ignore[type-arg]
    """Run a command's own checks the way the tree does before calling it."""
    for predicate in command.checks:
        assert await maybe_coroutine(predicate, interaction)


# ----- /feed add -------------------------------------------------------------------------------------------------

async def test_feed_add_subscribes_the_channel_and_answers_ephemerally() -> None:
    bot = MockBot()
    cog = FeedCog(bot)
    target = MockTextChannel()
    interaction = MockInteraction(bot=bot)
    interaction.guild.get_channel_or_thread.side_effect = {target.id: target,
                                                           interaction.channel_id: interaction.channel}.get
    option = MagicMock(spec_set=app_commands.AppCommandChannel)
    option.id = target.id
    bot.services.feeds.subscribe.return_value = SubscribeResult(
        subscription(interaction.guild_id, target.id), True, "Alpha *News*", 3)

    await cog.add.callback(cog, interaction, url="https://news.example/rss", channel=option)

    bot.services.feeds.subscribe.assert_awaited_once_with(interaction.guild_id, target.id, "https://news.example/rss",
                                                          user_id=interaction.user.id)
    interaction.response.defer.assert_awaited_once_with(ephemeral=True, thinking=True)
    interaction.followup.send.assert_awaited_once()
    text = sent_text(interaction.followup.send.await_args)
    assert f"Subscribed {target.mention} to **Alpha \\*News\\***" in text and "3 items" in text
    assert interaction.followup.send.await_args.kwargs["ephemeral"] is True
    assert interaction.followup.send.await_args.kwargs["allowed_mentions"].to_dict() == {"parse": []}


async def test_feed_add_refuses_a_bad_url_before_storing_or_fetching_anything() -> None:
    services = mock_services()
    real_feed_service(services)
    bot = MockBot(services)
    cog = FeedCog(bot)
    interaction = MockInteraction(bot=bot)

    with pytest.raises(UserFacingError, match="That URL can't be used: only http and https") as caught:
        await cog.add.callback(cog, interaction, url="file:///etc/passwd", channel=None)
    services.storage.add_feed.assert_not_awaited()
    services.storage.add_subscription.assert_not_awaited()
    services.feeds._ingest.run_cycle.assert_not_called()  # noqa: SLF001 - the real service's collaborator

    # the tree turns it into a short ephemeral answer after the deferral
    interaction.response.is_done.return_value = True
    tree = make_bot().tree
    assert isinstance(tree, SitrepTree)
    await tree.on_error(interaction, app_commands.CommandInvokeError(cog.add, caught.value))
    interaction.followup.send.assert_awaited_once()
    assert "That URL can't be used" in sent_text(interaction.followup.send.await_args)
    assert interaction.followup.send.await_args.kwargs["ephemeral"] is True


@pytest.mark.parametrize(("missing", "label"), [("embed_links", "Embed Links"), ("attach_files", "Attach Files"),
                                                ("send_messages", "Send Messages")])
async def test_feed_add_names_the_permission_the_bot_lacks_in_the_channel(missing: str, label: str) -> None:
    bot = MockBot()
    cog = FeedCog(bot)
    permissions = discord.Permissions(view_channel=True, send_messages=True, embed_links=True, attach_files=True)
    setattr(permissions, missing, False)
    interaction = MockInteraction(bot=bot, channel=MockTextChannel(bot_permissions=permissions))

    with pytest.raises(UserFacingError, match=f"I am missing {label}"):
        await cog.add.callback(cog, interaction, url="https://news.example/rss", channel=None)
    interaction.channel.permissions_for.assert_called_once_with(interaction.guild.me)
    bot.services.feeds.subscribe.assert_not_awaited()
    interaction.response.defer.assert_not_awaited()


async def test_feed_add_needs_manage_server() -> None:
    cog = FeedCog(MockBot())
    with pytest.raises(app_commands.MissingPermissions) as caught:
        await check(cog.add, MockInteraction(permissions=MEMBER_PERMISSIONS))
    assert caught.value.missing_permissions == ["manage_guild"]
    await check(cog.add, MockInteraction())  # an admin passes


# ----- /watch add ------------------------------------------------------------------------------------------------

async def test_watch_add_resolves_the_subject_and_answers() -> None:
    services = mock_services()
    real_watch_service(services)
    bot = MockBot(services)
    cog = WatchCog(bot)
    interaction = MockInteraction(bot=bot)
    watch = Watch(5, interaction.guild_id, interaction.channel_id, "actor", "IR")
    services.storage.add_watch.return_value = (watch, True)

    await cog.add.callback(cog, interaction, subject="  iranian ", channel=None)

    stored = services.storage.add_watch.await_args.args[0]
    assert (stored.guild_id, stored.channel_id, stored.kind, stored.value) == (
        interaction.guild_id, interaction.channel_id, "actor", "IR")
    interaction.response.send_message.assert_awaited_once()
    text = sent_text(interaction.response.send_message.await_args)
    assert text.startswith(f"Watching Iran in {interaction.channel.mention} (watch #5)")
    assert interaction.response.send_message.await_args.kwargs["ephemeral"] is True


async def test_watch_add_refuses_a_subject_too_short_to_be_a_phrase() -> None:
    services = mock_services()
    real_watch_service(services)
    bot = MockBot(services)
    cog = WatchCog(bot)
    interaction = MockInteraction(bot=bot)
    with pytest.raises(UserFacingError, match="Watch a country, an organisation, or a phrase"):
        await cog.add.callback(cog, interaction, subject="zq", channel=None)
    services.storage.add_watch.assert_not_awaited()
    interaction.response.send_message.assert_not_awaited()


# ----- /brief schedule -------------------------------------------------------------------------------------------

async def test_brief_schedule_refuses_an_unknown_time_zone() -> None:
    services = mock_services()
    real_schedule_service(services)
    bot = MockBot(services)
    cog = BriefCog(bot)
    interaction = MockInteraction(bot=bot)
    with pytest.raises(UserFacingError, match="'Europe/Atlantis' is not an IANA time zone"):
        await cog.schedule.callback(cog, interaction, time="07:30", timezone="Europe/Atlantis", channel=None,
                                    weekdays=None)
    services.storage.add_schedule.assert_not_awaited()
    interaction.response.send_message.assert_not_awaited()


async def test_brief_schedule_stores_the_local_time_and_zone() -> None:
    services = mock_services()
    real_schedule_service(services)
    bot = MockBot(services)
    cog = BriefCog(bot)
    interaction = MockInteraction(bot=bot)
    services.storage.add_schedule.side_effect = lambda schedule, **_: Schedule(
        9, schedule.guild_id, schedule.channel_id, schedule.local_time, schedule.timezone, schedule.weekdays)

    await cog.schedule.callback(cog, interaction, time="7:05", timezone="Asia/Tokyo", channel=None, weekdays="sat,sun")

    stored = services.storage.add_schedule.await_args.args[0]
    assert (stored.local_time, stored.timezone, stored.weekdays) == (time(7, 5), "Asia/Tokyo", frozenset({5, 6}))
    assert "Briefing #9 scheduled at 07:05 Asia/Tokyo, sat, sun" in sent_text(
        interaction.response.send_message.await_args)


# ----- the command tree ------------------------------------------------------------------------------------------

async def loaded_bot() -> discord.ext.commands.Bot:
    bot = make_bot()
    for name in cog_modules():
        await bot.load_extension(name)
    return bot


async def test_no_two_commands_share_a_name() -> None:
    bot = await loaded_bot()
    names = [command.qualified_name for command in bot.tree.walk_commands()]
    duplicates = [name for name, count in Counter(names).items() if count > 1]
    assert duplicates == []
    top = [command.name for command in bot.tree.get_commands()]
    assert len(top) == len(set(top))
    assert {"feed", "watch", "brief", "search", "story", "relations", "about"} <= set(top)
    await bot.close()


async def test_every_command_is_guild_only_and_configuration_needs_manage_server() -> None:
    bot = await loaded_bot()
    commands = {c.qualified_name: c for c in bot.tree.walk_commands() if isinstance(c, app_commands.Command)}
    assert CONFIGURATION <= set(commands)
    admin, member = MockInteraction(), MockInteraction(permissions=MEMBER_PERMISSIONS)
    for name, command in commands.items():
        root = command.root_parent or command
        assert root.guild_only, f"/{name} also works in direct messages"
        if name in CONFIGURATION:
            await check(command, admin)
            with pytest.raises(app_commands.MissingPermissions):
                await check(command, member)
        else:
            await check(command, member)  # read-only commands are open to every member
    for group in ("feed", "watch"):  # also hidden from members in the client
        assert bot.tree.get_command(group).default_permissions == discord.Permissions(manage_guild=True)
    await bot.close()

