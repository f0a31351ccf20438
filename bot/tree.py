"""One error path for every slash command: a short ephemeral answer for the user, the traceback in the log."""

from __future__ import annotations

import logging
import uuid

import discord
from discord import app_commands

from bot.services.errors import UserFacingError

log = logging.getLogger(__name__)


def explain(error: app_commands.AppCommandError) -> str | None:
    """The user's share of an error, or None when it is ours (then the log gets the details)."""
    original = getattr(error, "original", error)
    if isinstance(original, UserFacingError):
        return str(original)
    if isinstance(error, app_commands.MissingPermissions):
        return "You need the Manage Server permission for that."
    if isinstance(error, app_commands.NoPrivateMessage):
        return "Sitrep's commands work in a server, not in direct messages."
    if isinstance(error, app_commands.BotMissingPermissions):
        return f"I am missing permissions here: {', '.join(error.missing_permissions)}."
    if isinstance(error, app_commands.CommandOnCooldown):
        return f"Slow down: try again in {error.retry_after:.0f} s."
    if isinstance(error, app_commands.TransformerError):
        return f"{error.value!r} is not a valid {error.type.name.lower()} here."
    if isinstance(error, app_commands.CheckFailure):
        return "You can't use that command here."
    return None


class SitrepTree(app_commands.CommandTree):
    async def on_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        message = explain(error)
        if message is None:
            error_id = uuid.uuid4().hex[:8]
            command = interaction.command.qualified_name if interaction.command else "?"
            log.error("command /%s failed (error id %s)", command, error_id, exc_info=getattr(error, "original", error))
            message = f"Something went wrong on my side (error id `{error_id}`). It has been logged."
        await reply(interaction, message)


async def reply(interaction: discord.Interaction, message: str) -> None:
    """An ephemeral answer, whether or not the interaction was already answered or deferred."""
    try:
        if interaction.response.is_done():
            await interaction.followup.send(message, ephemeral=True, allowed_mentions=discord.AllowedMentions.none())
        else:
            await interaction.response.send_message(message, ephemeral=True,
                                                    allowed_mentions=discord.AllowedMentions.none())
    except discord.HTTPException:
        log.warning("could not deliver an error message for interaction %s", interaction.id)
