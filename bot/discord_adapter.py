"""From the domain's plain message payloads to discord.py objects; the only place that knows both."""

from __future__ import annotations

import io
from typing import Any

import discord

from bot.delivery.messages import MessagePayload

NO_MENTIONS = discord.AllowedMentions.none()


def message_kwargs(payload: MessagePayload | dict[str, Any]) -> dict[str, Any]:
    """Keyword arguments for `send`/`send_message`: content, embeds, and never a ping."""
    if isinstance(payload, dict):
        payload = MessagePayload.from_json(payload)
    kwargs: dict[str, Any] = {"allowed_mentions": NO_MENTIONS}
    if payload.content:
        kwargs["content"] = payload.content
    if payload.embeds:
        kwargs["embeds"] = [discord.Embed.from_dict(embed) for embed in payload.embeds]
    return kwargs


def as_file(data: bytes | str, filename: str) -> discord.File:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return discord.File(io.BytesIO(raw), filename=filename)
