"""`FakeDiscord`: the in-process API. Start it inside the test's event loop, set up guilds, point discord.py at
`api_base` / `gateway_url`, dispatch interactions and assert what was recorded."""

from __future__ import annotations

import asyncio
import json
import os
import time
from pathlib import Path
from typing import Any

from aiohttp import web

from .commands import CommandStore
from .gateway import GUILD_MESSAGES, MESSAGE_CONTENT, Gateway
from .interactions import InteractionFactory
from .ratelimit import RateLimiter
from .records import MessageRecord, Store
from .server import Runner, RequestLog, build_app
from .state import World
from .util import Snowflakes, Waiters, to_id


class FakeDiscord:
    def __init__(self, *, host: str = "127.0.0.1", port: int = 0, token: str | None = None,
                 heartbeat_interval: int = 41250, application_id: int | None = None, bot_name: str = "Sitrep",
                 ack_timeout: float | None = 3.0, state_file: str | os.PathLike[str] | None = None) -> None:
        self.host, self.port = host, port
        self.token = token  # None: any "Bot ..." token is accepted
        self.ack_timeout = ack_timeout  # seconds a bot has to answer an interaction (Discord: 3)
        self.state_file = Path(state_file) if state_file else None
        self.ids = Snowflakes()
        self.waiters = Waiters()
        self.world = World(self.ids, application_id=application_id, bot_name=bot_name)
        self.store = Store(self.world, self.ids, self.waiters)
        self.commands = CommandStore(self.ids, self.world.application_id)
        self.limiter = RateLimiter()
        self.gateway = Gateway(self.world, self.waiters, lambda: self.gateway_url)
        self.gateway.heartbeat_interval = heartbeat_interval
        self.factory = InteractionFactory(self.world, self.store, self.commands, self.ids)
        self.unhandled: list[str] = []
        self.requests = RequestLog()
        self._pending: list[tuple[str, dict[str, Any]]] = []
        self.world.on_event = self._on_world_event
        self._runner: Runner | None = None
        if self.state_file and self.state_file.exists() and self.state_file.stat().st_size:
            self.load(json.loads(self.state_file.read_text()))

    # ----- lifecycle
    async def start(self) -> "FakeDiscord":
        self._runner = Runner(build_app(self), self.host, self.port)
        self.port = await self._runner.start()
        self.store.base_url = self.url
        return self

    async def stop(self) -> None:
        for conn in list(self.gateway.conns):
            await self.gateway._close(conn, 1001, "Server shutting down.")
        if self._runner is not None:
            await self._runner.stop()
            self._runner = None
        if self.state_file:
            self.save()

    async def __aenter__(self) -> "FakeDiscord":
        return await self.start()

    async def __aexit__(self, *exc: Any) -> None:
        await self.stop()

    @property
    def application_id(self) -> int:
        return self.world.application_id

    @property
    def bot_user(self) -> Any:
        return self.world.bot

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def api_base(self) -> str:
        return f"{self.url}/api/v10"

    @property
    def gateway_url(self) -> str:
        return f"ws://{self.host}:{self.port}/gateway"

    def patch_discord(self) -> Any:
        """Context manager pointing discord.py (Route.BASE, DEFAULT_GATEWAY) here; restores on exit."""
        from .patch import patch_discord
        return patch_discord(self.url)

    def log_request(self, request: web.Request, status: int, started: float) -> None:
        self.requests.add(request.method, request.path, status, started)

    # ----- setup (sync; changes reach a connected bot as gateway events)
    def add_user(self, username: str, *, bot: bool = False, id: Any = None) -> Any:
        return self.world.add_user(username, bot=bot, id=id)

    def add_guild(self, name: str, *, id: Any = None, channels: Any = ("general",), **kw: Any) -> Any:
        return self.world.add_guild(name, id=id, channels=channels, **kw)

    def add_channel(self, guild_id: Any, name: str, **kw: Any) -> Any:
        return self.world.add_channel(guild_id, name, **kw)

    def add_role(self, guild_id: Any, name: str, permissions: int = 0, *, id: Any = None) -> Any:
        return self.world.add_role(guild_id, name, permissions, id=id)

    def add_member(self, guild_id: Any, user: Any, roles: Any = (), nick: str | None = None) -> Any:
        return self.world.add_member(guild_id, user, roles, nick)

    def add_admin(self, guild_id: Any, username: str = "admin", **kw: Any) -> Any:
        return self.world.add_admin(guild_id, username, **kw)

    def add_plain_member(self, guild_id: Any, username: str = "member", **kw: Any) -> Any:
        return self.world.add_plain_member(guild_id, username, **kw)

    def set_overwrite(self, channel_id: Any, target: Any, *, allow: int = 0, deny: int = 0,
                      kind: str = "role") -> Any:
        return self.world.set_overwrite(channel_id, target, allow=allow, deny=deny, kind=kind)

    def set_role_permissions(self, role_id: Any, permissions: int) -> Any:
        return self.world.set_role_permissions(role_id, permissions)

    def remove_channel(self, channel_id: Any) -> None:
        self.world.remove_channel(channel_id)

    def remove_guild(self, guild_id: Any) -> None:
        self.world.remove_guild(guild_id)

    def set_channel_failure(self, channel_id: Any, mode: str | None, *, ops: Any = ("send",),
                            count: int | None = None) -> None:
        """mode: missing_access (403/50001), missing_permissions (403/50013), unknown_channel (404/10003),
        server_error (500) or None to clear; ops: any of send, edit, read; count: fail only the next N."""
        channel = self.world.channel(channel_id)
        if channel is None:
            raise KeyError(f"unknown channel {channel_id!r}")
        if mode is not None and mode not in ("missing_access", "missing_permissions", "unknown_channel",
                                             "server_error"):
            raise ValueError(f"unknown failure mode {mode!r}")
        channel.failure = None if mode is None else {"mode": mode, "ops": list(ops), "count": count, "hits": 0}

    def _on_world_event(self, name: str, payload: dict[str, Any]) -> None:
        if not self.gateway.live_sessions():
            return
        self._pending.append((name, payload))
        try:
            asyncio.get_running_loop().create_task(self.flush())
        except RuntimeError:
            pass  # no loop yet: sent by the next flush

    async def flush(self) -> None:
        """Send queued setup changes (GUILD_CREATE, CHANNEL_CREATE, ...) to the bot, in order."""
        while self._pending:
            name, payload = self._pending.pop(0)
            gid = payload.get("guild_id") or (payload.get("id") if name.startswith("GUILD_") else None)
            await self.gateway.dispatch(name, payload, guild_id=int(gid) if gid else None)

    async def announce(self, record: MessageRecord, event: str) -> None:
        """MESSAGE_CREATE / UPDATE / DELETE to the bot (GUILD_MESSAGES intent), as Discord echoes them."""
        if record.ephemeral:
            return
        await self.flush()
        if event == "MESSAGE_DELETE":
            data: dict[str, Any] = {"id": str(record.id), "channel_id": str(record.channel_id),
                                    "guild_id": str(record.guild_id)}
        else:
            data = dict(record.payload)
            guild = self.world.guilds.get(record.guild_id or 0)
            if guild is not None and record.author_id in guild.members:
                data["member"] = self.world.member_payload(guild, record.author_id, with_user=False)
        bot = self.world.bot.id
        gated = record.author_id != bot and str(bot) not in [u["id"] for u in record.payload.get("mentions", [])]
        await self.gateway.dispatch(event, data, intent=GUILD_MESSAGES, guild_id=record.guild_id,
                                    strip_content=MESSAGE_CONTENT if gated and event != "MESSAGE_DELETE" else 0)

    # ----- interactions
    async def _send_interaction(self, rec: Any) -> int:
        await self.flush()
        rec.sent_at = time.monotonic()  # before the send: the bot may answer before dispatch() returns
        await self.gateway.dispatch("INTERACTION_CREATE", rec.payload, one=True, guild_id=rec.guild_id)
        self.waiters.poke()
        return rec.id

    async def slash(self, guild_id: Any, channel_id: Any, user: Any, command: str, /, **options: Any) -> int:
        """Dispatch a slash command ("feed add"), options typed from the registered command; returns its id."""
        return await self._send_interaction(self.factory.slash(guild_id, channel_id, user, command, options))

    async def autocomplete(self, guild_id: Any, channel_id: Any, user: Any, command: str, focused: str, /,
                           **options: Any) -> int:
        return await self._send_interaction(
            self.factory.autocomplete(guild_id, channel_id, user, command, focused, options))

    async def press_button(self, message: Any, custom_id: str, user: Any, /) -> int:
        return await self._send_interaction(self.factory.component(self._message_ref(message), custom_id, user))

    async def select(self, message: Any, custom_id: str, user: Any, values: list[str], /) -> int:
        return await self._send_interaction(
            self.factory.component(self._message_ref(message), custom_id, user, values))

    async def submit_modal(self, interaction_id: Any, values: dict[str, Any], user: Any = None) -> int:
        source = self.store.interactions[to_id(interaction_id)]
        return await self._send_interaction(self.factory.modal_submit(source, values, user))

    def _message_ref(self, message: Any) -> Any:
        if isinstance(message, dict):
            return int(message["id"])
        return message

    def interaction(self, interaction_id: Any) -> dict[str, Any]:
        rec = self.store.interactions[to_id(interaction_id)]
        return {**self.store.response(rec.id), "payload": rec.payload}

    async def wait_response(self, interaction_id: Any, timeout: float = 5.0, *, final: bool = False) -> dict[str, Any]:
        """The bot's answer to an interaction. Default: the first callback (an answer or a deferral);
        final=True: the visible result (a type 4/7 answer, or the edit / follow-up after a deferral)."""
        iid = to_id(interaction_id)
        rec = self.store.interactions[iid]

        def done() -> bool:
            return rec.final_at is not None if final else (rec.acked_at is not None or rec.expired)
        await self.waiters.wait(done, timeout, f"the response to interaction {iid} ({rec.label})")
        return self.store.response(iid)

    # ----- messages
    def messages(self, channel_id: Any, *, include_ephemeral: bool = False,
                 include_deleted: bool = False) -> list[dict[str, Any]]:
        return [r.summary() for r in self.store.channel_messages(to_id(channel_id), include_ephemeral=include_ephemeral,
                                                                 include_deleted=include_deleted)]

    def message(self, message_id: Any) -> dict[str, Any]:
        return self.store.messages[to_id(message_id)].summary()

    async def wait_messages(self, channel_id: Any, count: int = 1, timeout: float = 5.0, *,
                            include_ephemeral: bool = False) -> list[dict[str, Any]]:
        """Wait until the channel shows at least `count` messages; return them all (oldest first)."""
        cid = to_id(channel_id)

        def enough() -> bool:
            return len(self.store.channel_messages(cid, include_ephemeral=include_ephemeral)) >= count
        await self.waiters.wait(enough, timeout, f"{count} message(s) in channel {cid}")
        return self.messages(cid, include_ephemeral=include_ephemeral)

    async def user_message(self, channel_id: Any, user: Any, content: str) -> dict[str, Any]:
        """A message typed by a user (recorded and sent to the bot as MESSAGE_CREATE)."""
        channel = self.world.channel(channel_id)
        if channel is None:
            raise KeyError(f"unknown channel {channel_id!r}")
        rec = self.store.create(channel, self.world.user(user), {"content": content}, [], source="user")
        await self.announce(rec, "MESSAGE_CREATE")
        return rec.summary()

    # ----- commands
    def registered_commands(self, guild_id: Any = None) -> list[dict[str, Any]]:
        return self.commands.listing(None if guild_id is None else to_id(guild_id))

    def command(self, name: str, guild_id: Any = None) -> dict[str, Any] | None:
        return next((c for c in self.registered_commands(guild_id) if c["name"] == name), None)

    async def wait_commands(self, guild_id: Any = None, *, names: Any = (), timeout: float = 5.0) -> list[dict]:
        wanted = set(names)

        def ready() -> bool:
            have = {c["name"] for c in self.registered_commands(guild_id)}
            return bool(have) and wanted <= have
        await self.waiters.wait(ready, timeout, f"commands {sorted(wanted) or '(any)'} for guild {guild_id}")
        return self.registered_commands(guild_id)

    # ----- rate limits and counters
    def storm(self, route: str | None = None, *, count: int = 1, retry_after: float = 0.5, is_global: bool = False,
              scope: str | None = None) -> None:
        self.limiter.storm(route, count=count, retry_after=retry_after, is_global=is_global, scope=scope)

    def set_rate_limit(self, *, limit: int | None = None, window: float | None = None) -> None:
        self.limiter.configure(limit=limit, window=window)

    def request_count(self, route: str) -> int:
        return self.limiter.count(route)

    def ratelimited_count(self, route: str) -> int:
        return self.limiter.count_429(route)

    def counters(self) -> dict[str, Any]:
        return {**self.limiter.counters(), "gateway": dict(self.gateway.counters), "nonce_dedup": self.store.nonce_hits,
                "unhandled": list(self.unhandled),
                "interactions": len(self.store.interactions), "messages": len(self.store.messages)}

    # ----- gateway control
    async def close_gateway(self, code: int = 4000, reason: str = "", *, invalidate: bool = False) -> int:
        return await self.gateway.close(code, reason, invalidate=invalidate)

    async def reconnect_gateway(self) -> int:
        return await self.gateway.reconnect()

    async def invalidate_session(self, resumable: bool = False) -> int:
        return await self.gateway.invalidate(resumable)

    def drop_gateway(self) -> int:
        return self.gateway.drop()

    def gateway_count(self, name: str) -> int:
        return self.gateway.counters[name]

    async def wait_gateway(self, name: str, count: int = 1, timeout: float = 10.0) -> int:
        """Wait until gateway counter `name` (connect, identify, ready, resume, resumed, ...) reaches `count`."""
        await self.waiters.wait(lambda: self.gateway.counters[name] >= count, timeout, f"gateway {name} >= {count}")
        return self.gateway.counters[name]

    def set_heartbeat(self, *, interval_ms: int | None = None, ack: bool | None = None) -> None:
        if interval_ms is not None:
            self.gateway.heartbeat_interval = int(interval_ms)
        if ack is not None:
            self.gateway.ack_heartbeats = bool(ack)

    # ----- persistence
    def dump(self) -> dict[str, Any]:
        return {"world": self.world.dump(), "commands": self.commands.dump(), **self.store.dump()}

    def load(self, data: dict[str, Any]) -> None:
        if "world" in data:
            self.world.load(data["world"])
            self.commands.application_id = self.world.application_id
        self.commands.load(data.get("commands", {}))
        self.store.load(data)

    def save(self, path: str | os.PathLike[str] | None = None) -> Path:
        target = Path(path) if path else self.state_file
        if target is None:
            raise ValueError("no state file configured")
        tmp = target.with_suffix(target.suffix + ".tmp")
        tmp.write_text(json.dumps(self.dump(), indent=1))
        tmp.replace(target)
        return target

    def reset_records(self) -> None:
        """Forget messages, interactions, counters and storms; keep guilds, users and commands."""
        self.store.messages.clear()
        self.store.by_channel.clear()
        self.store.interactions.clear()
        self.store.by_token.clear()
        self.store.nonces.clear()
        self.store.nonce_hits = 0
        self.limiter.requests.clear()
        self.limiter.limited.clear()
        self.limiter.clear_storms()
        self.unhandled.clear()
