"""/watch: alerts for new stories about an actor or a phrase, and for breaking stories."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.delivery.listing import listing_pages
from bot.delivery.messages import escape
from cogs._common import Pager, choices, guild_id_of, manage_server, send_pages, services_of, target_channel


@app_commands.guild_only()
@app_commands.default_permissions(manage_guild=True)
class WatchCog(commands.GroupCog, group_name="watch", group_description="Alerts for what this server follows"):
    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot
        super().__init__()

    async def subject_autocomplete(self, interaction: discord.Interaction,
                                   current: str) -> list[app_commands.Choice[str]]:
        actors = services_of(interaction).gazetteer.suggest(current, limit=25) if current.strip() else []
        found = [(f"{a.name} ({'country' if a.kind == 'country' else 'organisation'})", a.name) for a in actors]
        if current.strip() and len(current.strip()) >= 3:
            found.append((f"the phrase “{current.strip()}”", current.strip()))
        return choices(found)

    async def watch_autocomplete(self, interaction: discord.Interaction,
                                 current: str) -> list[app_commands.Choice[int]]:
        if interaction.guild_id is None:
            return []
        service = services_of(interaction).watches
        watches = await service.list(interaction.guild_id)
        labels = [(f"#{w.id} {service.describe(w)}", w.id) for w in watches]
        return choices([pair for pair in labels if current.lower() in pair[0].lower()])

    @app_commands.command(name="add", description="Alert when a new story names a country, organisation or phrase")
    @app_commands.describe(subject="A country, an organisation, or a phrase", channel="Where to alert (default: here)")
    @app_commands.autocomplete(subject=subject_autocomplete)
    @manage_server
    async def add(self, interaction: discord.Interaction, subject: app_commands.Range[str, 1, 100],
                  channel: discord.TextChannel | discord.Thread | None = None) -> None:
        target = target_channel(interaction, channel)
        service = services_of(interaction).watches
        watch, created = await service.add(guild_id_of(interaction), target.id, subject, user_id=interaction.user.id)
        verb = "Watching" if created else "Already watching"
        await interaction.response.send_message(
            f"{verb} {escape(service.describe(watch))} in {target.mention} (watch #{watch.id}): "
            "one alert per new story, never one per copy.", ephemeral=True,
            allowed_mentions=discord.AllowedMentions.none())

    @app_commands.command(name="breaking", description="Alert when a story is picked up by several outlets fast")
    @app_commands.describe(min_publishers="Distinct outlets (default 3)", within_minutes="Within this many "
                           "minutes (default 60)", channel="Where to alert (default: here)")
    @manage_server
    async def breaking(self, interaction: discord.Interaction,
                       min_publishers: app_commands.Range[int, 2, 20] = 3,
                       within_minutes: app_commands.Range[int, 5, 1440] = 60,
                       channel: discord.TextChannel | discord.Thread | None = None) -> None:
        target = target_channel(interaction, channel)
        watch, created = await services_of(interaction).watches.add_breaking(
            guild_id_of(interaction), target.id, min_publishers=min_publishers, within_minutes=within_minutes,
            user_id=interaction.user.id)
        verb = "Breaking alerts on" if created else "Breaking alerts updated"
        await interaction.response.send_message(
            f"{verb} for {target.mention}: a story reaching {min_publishers} outlets within {within_minutes} "
            f"minutes (watch #{watch.id}).", ephemeral=True, allowed_mentions=discord.AllowedMentions.none())

    @app_commands.command(name="list", description="This server's watches")
    @manage_server
    async def list(self, interaction: discord.Interaction) -> None:
        service = services_of(interaction).watches
        watches = await service.list(guild_id_of(interaction))
        lines = [f"**#{w.id}** {escape(service.describe(w))} → <#{w.channel_id}>"
                 + (f"\n  broken: {escape(w.broken_reason)}" if w.broken_reason else "") for w in watches]
        pages = listing_pages("Watches on this server", lines, empty="No watches yet. Add one with /watch add.")
        await send_pages(interaction, Pager(interaction.user.id, pages), ephemeral=True)

    @app_commands.command(name="remove", description="Stop a watch")
    @app_commands.describe(watch="The watch to stop (see /watch list)")
    @app_commands.autocomplete(watch=watch_autocomplete)
    @manage_server
    async def remove(self, interaction: discord.Interaction, watch: int) -> None:
        await services_of(interaction).watches.remove(guild_id_of(interaction), watch)
        await interaction.response.send_message(f"Removed watch #{watch}.", ephemeral=True)


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(WatchCog(bot))
