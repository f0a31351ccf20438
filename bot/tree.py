"""One error path for every slash command: a short ephemeral answer for the user, the traceback in the log."""

from __future__ import annotations

import contextlib
import logging
import uuid

import discord
from discord import app_commands

from bot.services.errors import UserFacingError

log = logging.getLogger(__name__)

MAX_REPLY = 1900
NO_MENTIONS = discord.AllowedMentions.none()


def explain(error: app_commands.AppCommandError) -> str | None:
    """The user's share of an error, or None when it is ours (then the log gets the details)."""
    original = getattr(error, "original", error)
    if isinstance(original, UserFacingError):
        return str(original)
    if isinstance(error, app_commands.MissingPermissions):
        return f"You need the {_labels(error.missing_permissions)} permission for that."
    if isinstance(error, app_commands.NoPrivateMessage):
        return "Sitrep's commands work in a server, not in direct messages."
    if isinstance(error, app_commands.BotMissingPermissions):
        return f"I am missing permissions here: {_labels(error.missing_permissions)}."
    if isinstance(error, app_commands.CommandOnCooldown):
        return f"Slow down: try again in {error.retry_after:.0f} s."
    if isinstance(error, app_commands.TransformerError):
        return f"{error.value!r} is not a valid {error.type.name.lower()} here."
    if isinstance(error, app_commands.CheckFailure):
        return "You can't use that command here."
    return None


def _labels(permissions: list[str]) -> str:
    """'manage_guild' -> 'Manage Server', as Discord's client names permissions."""
    names = {"manage_guild": "Manage Server", "view_channel": "View Channel"}
    return ", ".join(names.get(p, p.replace("_", " ").title()) for p in permissions)


class SitrepTree(app_commands.CommandTree):
    async def on_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        message = explain(error)
        if message is None:
            error_id = uuid.uuid4().hex[:8]
            command = interaction.command.qualified_name if interaction.command else "?"
            log.error("command /%s failed in guild %s for user %s (error id %s)", command, interaction.guild_id,
                      interaction.user.id if interaction.user else None, error_id,
                      exc_info=getattr(error, "original", error))
            message = f"Something went wrong on my side (error id `{error_id}`). It has been logged."
        await reply(interaction, message)


async def reply(interaction: discord.Interaction, message: str) -> None:
    """An ephemeral answer, whether or not the interaction was already answered or deferred."""
    message = message if len(message) <= MAX_REPLY else message[:MAX_REPLY - 1] + "…"
    try:
        if not interaction.response.is_done():
            await interaction.response.send_message(message, ephemeral=True, allowed_mentions=NO_MENTIONS)
            return
        if interaction.response.type is discord.InteractionResponseType.deferred_channel_message:
            await _drop_public_thinking(interaction)
        await interaction.followup.send(message, ephemeral=True, allowed_mentions=NO_MENTIONS)
    except discord.HTTPException:
        log.warning("could not deliver an error message for interaction %s", interaction.id)


async def _drop_public_thinking(interaction: discord.Interaction) -> None:
    """A public "thinking…" placeholder would become the error message itself, for everyone to see: remove it,
    so the error goes to its user alone. An answer already given, or an ephemeral placeholder, stays."""
    with contextlib.suppress(discord.HTTPException):
        original = await interaction.original_response()
        if original.flags.loading and not original.flags.ephemeral:
            await original.edit(content="…")  # settled first, so the follow-up is a message of its own
            await original.delete()
