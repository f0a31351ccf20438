"""/feed: subscribe channels to feeds, and manage them. Parse, call `FeedService`, render."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.delivery.listing import listing_pages
from bot.delivery.messages import escape
from bot.discord_adapter import as_file, message_kwargs
from bot.services.errors import UserFacingError
from cogs._common import Pager, choices, guild_id_of, manage_server, send_pages, services_of, target_channel

MAX_OPML_BYTES = 1024 * 1024


@app_commands.guild_only()
@app_commands.default_permissions(manage_guild=True)
class FeedCog(commands.GroupCog, group_name="feed", group_description="Subscribe channels to news feeds"):
    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot
        super().__init__()

    async def subscription_autocomplete(self, interaction: discord.Interaction,
                                        current: str) -> list[app_commands.Choice[int]]:
        if interaction.guild_id is None:
            return []
        subscriptions = await services_of(interaction).feeds.list(interaction.guild_id)
        needle = current.lower()
        found = [(f"#{s.id} {s.feed_title or s.feed_url}", s.id) for s in subscriptions
                 if needle in f"{s.id} {s.feed_title or ''} {s.feed_url}".lower()]
        return choices(found)

    @app_commands.command(name="add", description="Subscribe a channel to a feed (its backlog is not posted)")
    @app_commands.describe(url="The RSS or Atom feed URL", channel="Where to post (default: here)")
    @manage_server
    async def add(self, interaction: discord.Interaction, url: app_commands.Range[str, 1, 2048],
                  channel: discord.TextChannel | discord.Thread | None = None) -> None:
        target = target_channel(interaction, channel)
        await interaction.response.defer(ephemeral=True, thinking=True)
        result = await services_of(interaction).feeds.subscribe(guild_id_of(interaction), target.id, url,
                                                                user_id=interaction.user.id)
        verb = "Subscribed" if result.created else "Already subscribed"
        if result.items is None:
            backlog = "It has not changed since I last read it; only what is new from now on will be posted."
        else:
            backlog = (f"It has {result.items} item{'' if result.items == 1 else 's'} now; those are not posted, "
                       "only what is new from now on.")
        await interaction.followup.send(
            f"{verb} {target.mention} to **{escape(result.title)}** (feed #{result.subscription.id}). {backlog}",
            ephemeral=True, allowed_mentions=discord.AllowedMentions.none())

    @app_commands.command(name="remove", description="Unsubscribe a channel from a feed")
    @app_commands.describe(feed="The feed to remove (see /feed list)")
    @app_commands.autocomplete(feed=subscription_autocomplete)
    @manage_server
    async def remove(self, interaction: discord.Interaction, feed: int) -> None:
        removed = await services_of(interaction).feeds.remove(guild_id_of(interaction), feed)
        await interaction.response.send_message(
            f"Removed feed #{removed.id} ({escape(removed.feed_title or removed.feed_url)}) "
            f"from <#{removed.channel_id}>.",
            ephemeral=True, allowed_mentions=discord.AllowedMentions.none())

    @app_commands.command(name="list", description="This server's feeds and their status")
    @manage_server
    async def list(self, interaction: discord.Interaction) -> None:
        subscriptions = await services_of(interaction).feeds.list(guild_id_of(interaction))
        lines = [f"**#{s.id}** {escape(s.feed_title or s.feed_url)} → <#{s.channel_id}>\n"
                 f"  {escape(s.status)}" for s in subscriptions]
        pages = listing_pages("Feeds on this server", lines, per_page=8,
                              empty="No feeds yet. Add one with /feed add.")
        await send_pages(interaction, Pager(interaction.user.id, pages), ephemeral=True)

    @app_commands.command(name="pause", description="Stop posting from a feed until resumed")
    @app_commands.describe(feed="The feed (see /feed list)")
    @app_commands.autocomplete(feed=subscription_autocomplete)
    @manage_server
    async def pause(self, interaction: discord.Interaction, feed: int) -> None:
        subscription = await services_of(interaction).feeds.set_paused(guild_id_of(interaction), feed, True)
        await interaction.response.send_message(f"Paused feed #{subscription.id}.", ephemeral=True)

    @app_commands.command(name="resume", description="Resume posting from a paused or broken feed")
    @app_commands.describe(feed="The feed (see /feed list)")
    @app_commands.autocomplete(feed=subscription_autocomplete)
    @manage_server
    async def resume(self, interaction: discord.Interaction, feed: int) -> None:
        subscription = await services_of(interaction).feeds.set_paused(guild_id_of(interaction), feed, False)
        await interaction.response.send_message(f"Resumed feed #{subscription.id}.", ephemeral=True)

    @app_commands.command(name="preview", description="How the next post from a feed will look")
    @app_commands.describe(feed="The feed (see /feed list)")
    @app_commands.autocomplete(feed=subscription_autocomplete)
    @manage_server
    async def preview(self, interaction: discord.Interaction, feed: int) -> None:
        payload = await services_of(interaction).feeds.preview(guild_id_of(interaction), feed)
        await interaction.response.send_message(ephemeral=True, **message_kwargs(payload))

    @app_commands.command(name="import", description="Subscribe a channel to every feed in an OPML file")
    @app_commands.describe(file="An OPML file", channel="Where to post (default: here)")
    @manage_server
    async def import_(self, interaction: discord.Interaction, file: discord.Attachment,
                      channel: discord.TextChannel | discord.Thread | None = None) -> None:
        target = target_channel(interaction, channel)
        if file.size > MAX_OPML_BYTES:
            raise UserFacingError("That file is too large for an OPML list (1 MiB at most).")
        await interaction.response.defer(ephemeral=True, thinking=True)
        data = await file.read()
        result = await services_of(interaction).feeds.import_opml(guild_id_of(interaction), target.id, data,
                                                                  user_id=interaction.user.id)
        lines = [f"Imported {result.added} feeds into {target.mention} ({result.existing} were already there)."]
        for url, reason in result.failed[:10]:
            lines.append(f"- {escape(url)}: {escape(reason)}")
        if len(result.failed) > 10:
            lines.append(f"…and {len(result.failed) - 10} more that failed.")
        await interaction.followup.send("\n".join(lines)[:2000], ephemeral=True,
                                        allowed_mentions=discord.AllowedMentions.none())

    @app_commands.command(name="export", description="This server's feeds as an OPML file")
    @manage_server
    async def export(self, interaction: discord.Interaction) -> None:
        opml = await services_of(interaction).feeds.export_opml(guild_id_of(interaction))
        await interaction.response.send_message("This server's feeds:", file=as_file(opml, "sitrep-feeds.opml"),
                                                ephemeral=True)


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(FeedCog(bot))
