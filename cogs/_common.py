"""What the cogs share: the Manage Server check, channel permission checks, pagination, autocomplete bits."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

import discord
from discord import app_commands

from bot.delivery.messages import MessagePayload
from bot.discord_adapter import message_kwargs
from bot.intel.service import UnknownActor
from bot.services.container import Services
from bot.services.errors import UserFacingError

# The real check: default_permissions only hides commands in the client, and is ignored on subcommands.
manage_server = app_commands.checks.has_permissions(manage_guild=True)

REQUIRED_CHANNEL_PERMISSIONS = {
    "view_channel": "View Channel", "send_messages": "Send Messages", "embed_links": "Embed Links",
    "attach_files": "Attach Files",
}
MAX_CHOICES = 25


def services_of(interaction: discord.Interaction) -> Services:
    return interaction.client.services  # type: ignore[attr-defined,no-any-return]


def guild_id_of(interaction: discord.Interaction) -> int:
    if interaction.guild_id is None:
        raise UserFacingError("Sitrep's commands work in a server, not in direct messages.")
    return interaction.guild_id


def target_channel(interaction: discord.Interaction,
                   channel: app_commands.AppCommandChannel | app_commands.AppCommandThread | None
                   ) -> discord.TextChannel | discord.Thread:
    """The channel named in the command, else the one it was used in; it must be a text channel of this server
    in which the bot can View, Send, Embed Links and Attach Files (the error names what is missing)."""
    guild = interaction.guild
    if guild is None:
        raise UserFacingError("Sitrep's commands work in a server, not in direct messages.")
    channel_id = channel.id if channel is not None else interaction.channel_id
    resolved = guild.get_channel_or_thread(channel_id) if channel_id is not None else None
    if resolved is None or not isinstance(resolved, discord.TextChannel | discord.Thread):
        raise UserFacingError("Pick a text channel of this server for that.")
    missing = missing_permissions(interaction, resolved)
    if missing:
        raise UserFacingError(f"I can't post in {resolved.mention}: I am missing {', '.join(missing)}.")
    return resolved


def missing_permissions(interaction: discord.Interaction,
                        channel: discord.TextChannel | discord.Thread) -> list[str]:
    """The labels of the permissions the bot lacks in `channel`, from its cached member, else from what
    Discord sent with the interaction (which describes the channel the command was used in)."""
    me = interaction.guild.me if interaction.guild is not None else None
    if me is not None:
        permissions = channel.permissions_for(me)
    elif channel.id == interaction.channel_id:
        permissions = interaction.app_permissions
    else:
        return []  # nothing to judge by: the sender marks the subscription broken if Discord refuses
    required = dict(REQUIRED_CHANNEL_PERMISSIONS)
    if isinstance(channel, discord.Thread):
        required = {("send_messages_in_threads" if name == "send_messages" else name): label
                    for name, label in required.items()}
    return [label for name, label in required.items() if not getattr(permissions, name)]


class Pager(discord.ui.View):
    """Previous / Next buttons over pages that only the person who asked can turn."""

    def __init__(self, owner_id: int, pages: Sequence[MessagePayload] | None = None, *,
                 render: Callable[[int], Awaitable[MessagePayload]] | None = None, count: int | None = None,
                 timeout: float = 300) -> None:
        super().__init__(timeout=timeout)
        self._owner_id = owner_id
        self._pages = list(pages or [])
        self._render = render
        self._count = count if count is not None else len(self._pages)
        self.page = 0
        self._sync_buttons()

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        if interaction.user.id != self._owner_id:
            await interaction.response.send_message("Only the person who asked can turn these pages.",
                                                    ephemeral=True)
            return False
        return True

    async def page_payload(self, index: int) -> MessagePayload:
        if self._render is not None:
            return await self._render(index)
        return self._pages[index]

    def _sync_buttons(self) -> None:
        self.previous.disabled = self.page <= 0
        self.next.disabled = self.page >= self._count - 1

    async def _show(self, interaction: discord.Interaction) -> None:
        self._sync_buttons()
        kwargs = message_kwargs(await self.page_payload(self.page))
        kwargs.pop("allowed_mentions", None)
        await interaction.response.edit_message(view=self, **kwargs)

    @discord.ui.button(label="◀ Previous", style=discord.ButtonStyle.secondary)
    async def previous(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:  # type: ignore[type-arg]
        self.page = max(self.page - 1, 0)
        await self._show(interaction)

    @discord.ui.button(label="Next ▶", style=discord.ButtonStyle.secondary)
    async def next(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:  # type: ignore[type-arg]
        self.page = min(self.page + 1, self._count - 1)
        await self._show(interaction)


async def send_pages(interaction: discord.Interaction, pager: Pager, *, ephemeral: bool = False) -> None:
    kwargs = message_kwargs(await pager.page_payload(0))
    if pager._count > 1:  # noqa: SLF001 - the view's own count
        kwargs["view"] = pager
    if interaction.response.is_done():
        await interaction.followup.send(ephemeral=ephemeral, **kwargs)
    else:
        await interaction.response.send_message(ephemeral=ephemeral, **kwargs)


async def country_autocomplete(interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
    """Countries whose name, code or alias matches what was typed (a suggestion: `resolve_country` decides)."""
    actors = services_of(interaction).gazetteer.suggest(current, limit=MAX_CHOICES) if current.strip() else []
    return choices([(a.name, a.name) for a in actors if a.kind == "country"])


def resolve_country(interaction: discord.Interaction, query: str) -> str:
    """The country's code, from whatever was submitted (autocomplete or typed by hand)."""
    try:
        return services_of(interaction).intel.country(query).id
    except UnknownActor as exc:
        raise UserFacingError(str(exc)) from None


def choices(pairs: Sequence[tuple[str, str | int]]) -> list[app_commands.Choice]:  # type: ignore[type-arg]
    return [app_commands.Choice(name=name[:100], value=value) for name, value in pairs[:MAX_CHOICES]]
