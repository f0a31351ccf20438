"""/brief: a briefing now, or every day at a local time."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.delivery.listing import listing_pages
from bot.delivery.messages import briefing_messages, escape
from bot.delivery.schedule_time import WEEKDAY_NAMES, zone_names
from bot.discord_adapter import message_kwargs
from bot.intel.briefing import BriefingRequest
from bot.intel.domains import DOMAINS
from cogs._common import (Pager, choices, country_autocomplete, guild_id_of, manage_server, resolve_country,
                          send_pages, services_of, target_channel)

DOMAIN_CHOICES = [app_commands.Choice(name=d, value=d) for d in DOMAINS]


@app_commands.guild_only()
class BriefCog(commands.GroupCog, group_name="brief", group_description="Briefings of the top stories"):
    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot
        super().__init__()

    async def timezone_autocomplete(self, interaction: discord.Interaction,
                                    current: str) -> list[app_commands.Choice[str]]:
        return choices([(zone, zone) for zone in zone_names(current or "Europe/")])

    async def schedule_autocomplete(self, interaction: discord.Interaction,
                                    current: str) -> list[app_commands.Choice[int]]:
        if interaction.guild_id is None:
            return []
        schedules = await services_of(interaction).schedules.list(interaction.guild_id)
        return choices([(f"#{s.id} {s.local_time:%H:%M} {s.timezone}", s.id) for s, _ in schedules])

    @app_commands.command(name="now", description="The top stories of the last hours, grouped by domain")
    @app_commands.describe(hours="How far back (default 24)", country="Only stories naming this country",
                           domain="Only this kind of story")
    @app_commands.autocomplete(country=country_autocomplete)
    @app_commands.choices(domain=DOMAIN_CHOICES)
    async def now(self, interaction: discord.Interaction, hours: app_commands.Range[int, 1, 168] = 24,
                  country: str | None = None, domain: app_commands.Choice[str] | None = None) -> None:
        services = services_of(interaction)
        code = resolve_country(interaction, country) if country else None
        await interaction.response.defer(thinking=True)
        feed_ids = await services.feeds.feed_ids(guild_id_of(interaction))
        request = BriefingRequest(end=services.clock(), hours=hours, country=code,
                                  domain=domain.value if domain else None, feed_ids=feed_ids)
        briefing = await services.intel.briefing(request)
        messages = briefing_messages(briefing, title=f"Briefing: the last {hours} hours")
        for payload in messages:
            await interaction.followup.send(**message_kwargs(payload))

    @app_commands.command(name="schedule", description="Post a briefing every day at a local time")
    @app_commands.describe(time="Local time, HH:MM", timezone="IANA time zone, e.g. Europe/Paris",
                           channel="Where to post (default: here)", weekdays="e.g. mon-fri (default: every day)")
    @app_commands.autocomplete(timezone=timezone_autocomplete)
    @manage_server
    async def schedule(self, interaction: discord.Interaction, time: app_commands.Range[str, 1, 5],
                       timezone: app_commands.Range[str, 1, 64],
                       channel: discord.TextChannel | discord.Thread | None = None,
                       weekdays: app_commands.Range[str, 1, 40] | None = None) -> None:
        target = target_channel(interaction, channel)
        schedule = await services_of(interaction).schedules.add(
            guild_id_of(interaction), target.id, local_time=time, timezone=timezone, weekdays=weekdays,
            user_id=interaction.user.id)
        days = "every day" if len(schedule.weekdays) == 7 else ", ".join(
            WEEKDAY_NAMES[d] for d in sorted(schedule.weekdays))
        await interaction.response.send_message(
            f"Briefing #{schedule.id} scheduled at {schedule.local_time:%H:%M} {escape(schedule.timezone)}, {days}, "
            f"in {target.mention}.", ephemeral=True, allowed_mentions=discord.AllowedMentions.none())

    @app_commands.command(name="list", description="This server's scheduled briefings")
    async def list(self, interaction: discord.Interaction) -> None:
        schedules = await services_of(interaction).schedules.list(guild_id_of(interaction))
        lines = []
        for schedule, upcoming in schedules:
            days = "daily" if len(schedule.weekdays) == 7 else ",".join(
                WEEKDAY_NAMES[d] for d in sorted(schedule.weekdays))
            when = f"<t:{int(upcoming.timestamp())}:R>" if upcoming else "—"
            broken = f"\n  broken: {escape(schedule.broken_reason)}" if schedule.broken_reason else ""
            lines.append(f"**#{schedule.id}** {schedule.local_time:%H:%M} {escape(schedule.timezone)} {days} → "
                         f"<#{schedule.channel_id}>, next {when}{broken}")
        pages = listing_pages("Scheduled briefings", lines, empty="None yet. Add one with /brief schedule.")
        await send_pages(interaction, Pager(interaction.user.id, pages), ephemeral=True)

    @app_commands.command(name="cancel", description="Cancel a scheduled briefing")
    @app_commands.describe(schedule="The briefing to cancel (see /brief list)")
    @app_commands.autocomplete(schedule=schedule_autocomplete)
    @manage_server
    async def cancel(self, interaction: discord.Interaction, schedule: int) -> None:
        await services_of(interaction).schedules.cancel(guild_id_of(interaction), schedule)
        await interaction.response.send_message(f"Cancelled briefing #{schedule}.", ephemeral=True)


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(BriefCog(bot))
