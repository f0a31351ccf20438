"""Point an unmodified discord.py at the fake: the two class attributes it reads (and restore them)."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Callable, Iterator


def apply(base_url: str) -> Callable[[], None]:
    """Set `Route.BASE` and `DiscordWebSocket.DEFAULT_GATEWAY` for `http://127.0.0.1:PORT`; return an undo."""
    import discord.gateway
    import discord.http
    import yarl

    url = yarl.URL(base_url.rstrip("/"))
    old_base = discord.http.Route.BASE
    old_gateway = discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    discord.http.Route.BASE = f"{str(url).rstrip('/')}/api/v10"
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(f"ws://{url.host}:{url.port}/gateway")

    def undo() -> None:
        discord.http.Route.BASE = old_base
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = old_gateway

    return undo


@contextmanager
def patch_discord(base_url: str) -> Iterator[None]:
    undo = apply(base_url)
    try:
        yield
    finally:
        undo()
