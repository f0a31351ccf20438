"""Small shared pieces: snowflakes, timestamps, permission bits, JSON responses and Discord error bodies."""

from __future__ import annotations

import json
import time
from datetime import datetime, timezone
from typing import Any, Iterable

from aiohttp import web

DISCORD_EPOCH_MS = 1420070400000


class Snowflakes:
    """Strictly increasing snowflakes whose timestamp part is the current time (as Discord's)."""

    def __init__(self) -> None:
        self._last = 0

    def next(self) -> int:
        ms = int(time.time() * 1000) - DISCORD_EPOCH_MS
        value = max(ms << 22, self._last + 1)
        self._last = value
        return value

    def bump(self, seen: int) -> None:
        """Never hand out an id at or below one loaded from a state file."""
        self._last = max(self._last, int(seen))


def iso_now() -> str:
    return datetime.now(timezone.utc).isoformat()


def snowflake_iso(snowflake: int) -> str:
    ms = (int(snowflake) >> 22) + DISCORD_EPOCH_MS
    return datetime.fromtimestamp(ms / 1000, timezone.utc).isoformat()


def to_id(value: Any) -> int:
    """An id from an int, a numeric string, or any object with an `id` attribute / key."""
    if isinstance(value, bool):
        raise TypeError("a bool is not an id")
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        return int(value)
    if isinstance(value, dict):
        return int(value["id"])
    if hasattr(value, "id"):
        return int(value.id)
    raise TypeError(f"cannot take an id from {value!r}")


def opt_id(value: Any) -> int | None:
    return None if value is None else to_id(value)


class P:
    """Permission bits (the ones a bot test cares about)."""

    CREATE_INSTANT_INVITE = 1 << 0
    KICK_MEMBERS = 1 << 1
    BAN_MEMBERS = 1 << 2
    ADMINISTRATOR = 1 << 3
    MANAGE_CHANNELS = 1 << 4
    MANAGE_GUILD = 1 << 5
    ADD_REACTIONS = 1 << 6
    VIEW_AUDIT_LOG = 1 << 7
    STREAM = 1 << 9
    VIEW_CHANNEL = 1 << 10
    SEND_MESSAGES = 1 << 11
    MANAGE_MESSAGES = 1 << 13
    EMBED_LINKS = 1 << 14
    ATTACH_FILES = 1 << 15
    READ_MESSAGE_HISTORY = 1 << 16
    MENTION_EVERYONE = 1 << 17
    USE_EXTERNAL_EMOJIS = 1 << 18
    CONNECT = 1 << 20
    SPEAK = 1 << 21
    CHANGE_NICKNAME = 1 << 26
    MANAGE_ROLES = 1 << 28
    MANAGE_WEBHOOKS = 1 << 29
    USE_APPLICATION_COMMANDS = 1 << 31
    SEND_MESSAGES_IN_THREADS = 1 << 38
    ALL = (1 << 51) - 1


DEFAULT_EVERYONE_PERMISSIONS = (
    P.CREATE_INSTANT_INVITE | P.ADD_REACTIONS | P.STREAM | P.VIEW_CHANNEL | P.SEND_MESSAGES | P.EMBED_LINKS
    | P.ATTACH_FILES | P.READ_MESSAGE_HISTORY | P.MENTION_EVERYONE | P.USE_EXTERNAL_EMOJIS | P.CONNECT | P.SPEAK
    | P.CHANGE_NICKNAME | P.USE_APPLICATION_COMMANDS | P.SEND_MESSAGES_IN_THREADS
)
DEFAULT_BOT_PERMISSIONS = (
    P.VIEW_CHANNEL | P.SEND_MESSAGES | P.EMBED_LINKS | P.ATTACH_FILES | P.READ_MESSAGE_HISTORY | P.ADD_REACTIONS
    | P.USE_EXTERNAL_EMOJIS | P.SEND_MESSAGES_IN_THREADS
)


def json_response(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    """A JSON response whose Content-Type is exactly `application/json` (no charset): discord.py compares it."""
    body = json.dumps(data, separators=(",", ":")).encode()
    return web.Response(body=body, status=status, content_type="application/json", headers=headers)


def no_content() -> web.Response:
    return web.Response(status=204)


def error(status: int, code: int, message: str, errors: dict | None = None) -> web.Response:
    body: dict[str, Any] = {"message": message, "code": code}
    if errors:
        body["errors"] = errors
    return json_response(body, status=status)


ERRORS = {
    "unknown_channel": (404, 10003, "Unknown Channel"),
    "unknown_guild": (404, 10004, "Unknown Guild"),
    "unknown_member": (404, 10007, "Unknown Member"),
    "unknown_message": (404, 10008, "Unknown Message"),
    "unknown_user": (404, 10013, "Unknown User"),
    "unknown_webhook": (404, 10015, "Unknown Webhook"),
    "unknown_command": (404, 10063, "Unknown application command"),
    "unknown_interaction": (404, 10062, "Unknown interaction"),
    "missing_access": (403, 50001, "Missing Access"),
    "missing_permissions": (403, 50013, "Missing Permissions"),
    "not_author": (403, 50005, "Cannot edit a message authored by another user"),
    "empty_message": (400, 50006, "Cannot send an empty message"),
    "already_acknowledged": (400, 40060, "Interaction has already been acknowledged."),
    "too_large": (413, 40005, "Request entity too large"),
    "unauthorized": (401, 0, "401: Unauthorized"),
    "not_found": (404, 0, "404: Not Found"),
    "server_error": (500, 0, "500: Internal Server Error"),
}


def named_error(name: str) -> web.Response:
    status, code, message = ERRORS[name]
    return error(status, code, message)


def form_error(field_errors: dict[str, list[tuple[str, str]]]) -> web.Response:
    """400 Invalid Form Body with Discord's nested `errors` layout (`a.b.0.c` paths become nested keys)."""
    tree: dict[str, Any] = {}
    for path, problems in field_errors.items():
        node = tree
        for part in path.split("."):
            node = node.setdefault(part, {})
        node["_errors"] = [{"code": code, "message": message} for code, message in problems]
    return error(400, 50035, "Invalid Form Body", tree)


def compact(items: Iterable[tuple[str, Any]]) -> dict[str, Any]:
    return {k: v for k, v in items if v is not None}


class Waiters:
    """Await a predicate over the fake's state; every mutation calls `poke()` (synchronous, loop-safe)."""

    def __init__(self) -> None:
        self._waiting: list[tuple[Any, Any]] = []

    def poke(self) -> None:
        still = []
        for predicate, future in self._waiting:
            if future.done():
                continue
            try:
                value = predicate()
            except Exception as exc:  # a broken predicate fails its waiter, not the server
                future.set_exception(exc)
                continue
            if value:
                future.set_result(value)
            else:
                still.append((predicate, future))
        self._waiting = still

    async def wait(self, predicate: Any, timeout: float, what: str = "condition") -> Any:
        import asyncio

        value = predicate()
        if value:
            return value
        future = asyncio.get_running_loop().create_future()
        self._waiting.append((predicate, future))
        try:
            return await asyncio.wait_for(future, timeout)
        except asyncio.TimeoutError:
            raise asyncio.TimeoutError(f"fake discord: timed out after {timeout}s waiting for {what}") from None
