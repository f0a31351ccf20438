"""/search, /story, /relations and /about: what Sitrep has read, for everyone on the server."""

from __future__ import annotations

import math
from datetime import timedelta

import discord
from discord import app_commands
from discord.ext import commands

from bot import __version__
from bot.delivery.messages import MessagePayload, relations_embed, search_page, story_embed
from bot.discord_adapter import as_file, message_kwargs
from bot.services.errors import UserFacingError
from cogs._common import Pager, country_autocomplete, guild_id_of, resolve_country, send_pages, services_of

RESULTS_PER_PAGE = 5
MAX_RESULTS = 50


class NewsCog(commands.Cog):
    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot

    @app_commands.command(name="search", description="Search what Sitrep has read from this server's feeds")
    @app_commands.describe(query="Words to look for", days="Only the last N days", country="Only articles "
                           "naming this country")
    @app_commands.autocomplete(country=country_autocomplete)
    @app_commands.guild_only()
    async def search(self, interaction: discord.Interaction, query: app_commands.Range[str, 1, 200],
                     days: app_commands.Range[int, 1, 365] | None = None, country: str | None = None) -> None:
        services = services_of(interaction)
        feed_ids = await services.feeds.feed_ids(guild_id_of(interaction))
        since = services.clock() - timedelta(days=days) if days else None
        code = resolve_country(interaction, country) if country else None
        results = await services.storage.search_articles(query, limit=MAX_RESULTS, since=since, country=code,
                                                         feed_ids=feed_ids)
        pages = max(math.ceil(len(results) / RESULTS_PER_PAGE), 1)
        rendered = [search_page(results[i * RESULTS_PER_PAGE:(i + 1) * RESULTS_PER_PAGE], query=query, page=i + 1,
                                pages=pages) for i in range(pages)]
        await send_pages(interaction, Pager(interaction.user.id, rendered))

    @app_commands.command(name="story", description="One story: who covered it when, and why it is tagged so")
    @app_commands.describe(id="The story number (shown on posts and briefings)")
    @app_commands.guild_only()
    async def story(self, interaction: discord.Interaction, id: app_commands.Range[int, 1, 2**53]) -> None:
        services = services_of(interaction)
        feed_ids = await services.feeds.feed_ids(guild_id_of(interaction))
        view = await services.intel.story(id, now=services.clock(), feed_ids=feed_ids)
        if view is None:
            raise UserFacingError(f"There is no story #{id} in this server's feeds.")
        await interaction.response.send_message(**message_kwargs(story_embed(view)))

    @app_commands.command(name="relations", description="How two countries relate over time, by domain")
    @app_commands.describe(a="A country", b="Another country", days="The period (default 90 days)")
    @app_commands.autocomplete(a=country_autocomplete, b=country_autocomplete)
    @app_commands.guild_only()
    async def relations(self, interaction: discord.Interaction, a: str, b: str,
                        days: app_commands.Range[int, 1, 365] = 90) -> None:
        services = services_of(interaction)
        first, second = resolve_country(interaction, a), resolve_country(interaction, b)
        if first == second:
            raise UserFacingError("Name two different countries.")
        await interaction.response.defer(thinking=True)
        feed_ids = await services.feeds.feed_ids(guild_id_of(interaction))
        trend = await services.intel.relations(first, second, days=days, end=services.clock(), feed_ids=feed_ids)
        names = (services.intel.actor_names([first])[first], services.intel.actor_names([second])[second])
        from bot.intel.charts import relations_chart

        chart = relations_chart(trend, names)
        payload = relations_embed(trend, names, chart_filename="relations.png")
        await interaction.followup.send(file=as_file(chart, "relations.png"), **message_kwargs(payload))

    @app_commands.command(name="about", description="Sitrep's version and what it is reading")
    @app_commands.guild_only()
    async def about(self, interaction: discord.Interaction) -> None:
        services = services_of(interaction)
        stats = await services.storage.stats()
        uptime = services.clock() - services.started_at
        last_poll = f"<t:{int(stats.last_fetch.timestamp())}:R>" if stats.last_fetch else "not yet"
        latency = "n/a" if math.isnan(self.bot.latency) else f"{self.bot.latency * 1000:.0f} ms"
        description = (
            f"**Sitrep {__version__}**: world news once, grouped by story, tagged by who and what.\n"
            f"Feeds: {stats.feeds} ({stats.failing_feeds} failing, {stats.disabled_feeds} disabled)\n"
            f"Articles: {stats.articles} ({stats.duplicates} duplicates folded)\n"
            f"Last poll: {last_poll}\nUp for: {timedelta(seconds=int(uptime.total_seconds()))}\n"
            f"Gateway latency: {latency}"
        )
        await interaction.response.send_message(ephemeral=True, **message_kwargs(
            MessagePayload(embeds=({"title": "About Sitrep", "description": description},))))


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(NewsCog(bot))
