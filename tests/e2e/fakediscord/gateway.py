"""The gateway: a websocket at /gateway speaking plain JSON text frames (compression params are ignored).

HELLO -> heartbeats / HEARTBEAT_ACK; IDENTIFY -> READY + GUILD_CREATE per guild; RESUME -> replay of missed
dispatches + RESUMED (or op 9 when the session is gone). Sessions outlive their socket so a resume works after a
close or a dropped connection; dispatches sent while no socket is attached are buffered for the resume.
"""

from __future__ import annotations

import asyncio
import json
import secrets
from collections import Counter, deque
from dataclasses import dataclass, field
from typing import Any, Callable

from aiohttp import WSMsgType, web

from .state import World
from .util import Waiters

DISPATCH, HEARTBEAT, IDENTIFY, PRESENCE, VOICE, RESUME, RECONNECT, REQUEST_MEMBERS, INVALID_SESSION, HELLO, \
    HEARTBEAT_ACK = 0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11
GUILD_MEMBERS, GUILD_MESSAGES, MESSAGE_CONTENT = 1 << 1, 1 << 9, 1 << 15


@dataclass(eq=False)
class Session:
    id: str
    token: str | None
    intents: int
    shard: tuple[int, int] | None
    seq: int = 0
    buffer: deque = field(default_factory=lambda: deque(maxlen=5000))
    conn: "Conn | None" = None
    resumable: bool = True
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    def wants_guild(self, guild_id: int) -> bool:
        return self.shard is None or (guild_id >> 22) % self.shard[1] == self.shard[0]


@dataclass(eq=False)
class Conn:
    ws: web.WebSocketResponse
    request: web.Request
    session: Session | None = None
    server_closed: bool = False


class Gateway:
    def __init__(self, world: World, waiters: Waiters, url: Callable[[], str]) -> None:
        self.world, self.waiters, self.url = world, waiters, url
        self.token: str | None = None  # when set, IDENTIFY/RESUME with another token closes with 4004
        self.heartbeat_interval = 41250
        self.ack_heartbeats = True
        self.ack_delay = 0.02  # seconds before a HEARTBEAT_ACK, like a round trip to Discord
        self._acks: set[asyncio.Task[bool]] = set()
        self.sessions: dict[str, Session] = {}
        self.conns: set[Conn] = set()
        self.counters: Counter[str] = Counter()
        self.identify_payloads: list[dict[str, Any]] = []

    def _count(self, name: str) -> None:
        self.counters[name] += 1
        self.waiters.poke()

    # ----- connection handling
    async def handle(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(autoping=True, max_msg_size=0)
        await ws.prepare(request)
        conn = Conn(ws, request)
        self.conns.add(conn)
        self._count("connect")
        try:
            await self._send(conn, {"op": HELLO, "d": {"heartbeat_interval": self.heartbeat_interval,
                                                        "_trace": ["fake-gateway"]}, "s": None, "t": None})
            async for msg in ws:
                if msg.type != WSMsgType.TEXT:
                    continue
                try:
                    data = json.loads(msg.data)
                except ValueError:
                    await self._close(conn, 4002, "Error while decoding payload.")
                    break
                await self._on_message(conn, data)
        finally:
            self.conns.discard(conn)
            session = conn.session
            if session is not None and session.conn is conn:
                session.conn = None
                if not conn.server_closed and ws.close_code in (1000, 1001):
                    session.resumable = False  # a clean close by the client ends the session, as on Discord
            self._count("server_close" if conn.server_closed else "client_close")
        return ws

    async def _send(self, conn: Conn, payload: dict[str, Any] | str) -> bool:
        text = payload if isinstance(payload, str) else json.dumps(payload, separators=(",", ":"))
        if conn.ws.closed:
            return False
        try:
            await conn.ws.send_str(text)
            return True
        except (ConnectionError, RuntimeError):
            return False

    async def _on_message(self, conn: Conn, msg: dict[str, Any]) -> None:
        op, d = msg.get("op"), msg.get("d")
        if op == HEARTBEAT:
            self._count("heartbeat")
            if self.ack_heartbeats:
                # After a network's worth of delay: discord.py stamps a heartbeat as sent only once its keep-alive
                # thread sees the send complete, so an ACK faster than that reads as a whole interval of latency.
                asyncio.get_running_loop().call_later(self.ack_delay, self._ack_later, conn)
        elif op == IDENTIFY:
            await self._identify(conn, d or {})
        elif op == RESUME:
            await self._resume(conn, d or {})
        elif op == REQUEST_MEMBERS:
            await self._request_members(conn, d or {})
        elif op in (PRESENCE, VOICE):
            self._count(f"op{op}")
        else:
            await self._close(conn, 4001, "Unknown opcode.")

    def _ack_later(self, conn: Conn) -> None:
        task = asyncio.get_running_loop().create_task(
            self._send(conn, {"op": HEARTBEAT_ACK, "d": None, "s": None, "t": None}))
        self._acks.add(task)
        task.add_done_callback(self._acks.discard)

    async def _close(self, conn: Conn, code: int, reason: str = "") -> None:
        conn.server_closed = True
        try:
            await asyncio.wait_for(conn.ws.close(code=code, message=reason.encode()), 5)
        except (asyncio.TimeoutError, ConnectionError, RuntimeError):
            pass

    async def _identify(self, conn: Conn, d: dict[str, Any]) -> None:
        self._count("identify")
        self.identify_payloads.append({k: v for k, v in d.items() if k != "token"})
        if self.token is not None and d.get("token") != self.token:
            await self._close(conn, 4004, "Authentication failed.")
            return
        if conn.session is not None:
            await self._close(conn, 4005, "Already authenticated.")
            return
        shard = tuple(d["shard"]) if d.get("shard") else None
        session = Session(secrets.token_hex(16), d.get("token"), int(d.get("intents") or 0), shard)  # type: ignore
        for old in list(self.sessions.values()):
            if old.conn is None and not old.resumable:
                del self.sessions[old.id]
        self.sessions[session.id] = session
        conn.session, session.conn = session, conn
        guilds = [g for g in self.world.guilds.values() if session.wants_guild(g.id)]
        ready = {
            "v": 10, "user": {**self.world.bot.payload(), "verified": True, "mfa_enabled": False, "email": None},
            "guilds": [{"id": str(g.id), "unavailable": True} for g in guilds], "session_id": session.id,
            "resume_gateway_url": self.url(), "session_type": "normal", "private_channels": [],
            "relationships": [], "presences": [], "guild_join_requests": [], "geo_ordered_rtc_regions": [],
            "auth": {}, "user_settings": {}, "application": {"id": str(self.world.application_id), "flags": 0},
            "_trace": ["fake-gateway"],
        }
        if shard:
            ready["shard"] = list(shard)
        await self._dispatch_to(session, "READY", ready)
        self._count("ready")
        for guild in guilds:
            await self._dispatch_to(session, "GUILD_CREATE", self.world.guild_payload(guild))

    async def _resume(self, conn: Conn, d: dict[str, Any]) -> None:
        self._count("resume")
        session = self.sessions.get(str(d.get("session_id")))
        if self.token is not None and d.get("token") != self.token:
            await self._close(conn, 4004, "Authentication failed.")
            return
        if session is None or not session.resumable:
            self._count("invalid_session")
            await self._send(conn, {"op": INVALID_SESSION, "d": False, "s": None, "t": None})
            return
        old = session.conn
        if old is not None and old is not conn:
            await self._close(old, 4000, "Session resumed elsewhere.")
        conn.session, session.conn = session, conn
        after = d.get("seq") or 0
        async with session.lock:
            for seq, text in list(session.buffer):
                if seq > after:
                    await self._send(conn, text)
                    self._count("replayed")
            session.seq += 1
            await self._send(conn, {"op": DISPATCH, "t": "RESUMED", "s": session.seq, "d": {"_trace": []}})
        self._count("resumed")

    async def _request_members(self, conn: Conn, d: dict[str, Any]) -> None:
        session = conn.session
        ids = d.get("guild_id")
        for gid in ids if isinstance(ids, list) else [ids]:
            guild = self.world.guilds.get(int(gid))
            if guild is None or session is None:
                continue
            wanted = {int(u) for u in d.get("user_ids") or []}
            query = (d.get("query") or "").lower()
            members = [self.world.member_payload(guild, uid) for uid in guild.members
                       if (not wanted or uid in wanted) and self.world.users[uid].username.lower().startswith(query)]
            limit = d.get("limit") or 0
            if limit:
                members = members[:limit]
            await self._dispatch_to(session, "GUILD_MEMBERS_CHUNK", {
                "guild_id": str(guild.id), "members": members, "chunk_index": 0, "chunk_count": 1,
                "not_found": [], "nonce": d.get("nonce")})

    # ----- dispatching
    async def _dispatch_to(self, session: Session, event: str, data: dict[str, Any]) -> bool:
        async with session.lock:
            session.seq += 1
            text = json.dumps({"op": DISPATCH, "t": event, "s": session.seq, "d": data}, separators=(",", ":"))
            session.buffer.append((session.seq, text))
            self._count("dispatch")
            conn = session.conn
            return conn is not None and await self._send(conn, text)

    def live_sessions(self) -> list[Session]:
        return [s for s in self.sessions.values() if s.resumable]

    async def dispatch(self, event: str, data: dict[str, Any], *, intent: int = 0, guild_id: int | None = None,
                       one: bool = False, strip_content: int = 0) -> bool:
        """Send an event to the bot's session(s). `one`: only the newest session (interactions go to one);
        `strip_content`: sessions without this intent (MESSAGE_CONTENT) get the message without its content."""
        sessions = [s for s in self.live_sessions() if (not intent or s.intents & intent)
                    and (guild_id is None or s.wants_guild(guild_id))]
        if one:
            if not sessions:
                raise RuntimeError("no bot session is connected to the fake gateway (did the bot IDENTIFY?)")
            sessions = sessions[-1:]
        sent = False
        for session in sessions:
            body = data
            if strip_content and not session.intents & strip_content:
                body = {**data, "content": "", "embeds": [], "attachments": [], "components": []}
            sent = await self._dispatch_to(session, event, body) or sent
        return sent

    # ----- control
    async def close(self, code: int = 4000, reason: str = "", *, invalidate: bool = False) -> int:
        conns = [c for c in self.conns if c.session is not None] or list(self.conns)
        for conn in conns:
            if invalidate and conn.session is not None:
                conn.session.resumable = False
            await self._close(conn, code, reason)
        return len(conns)

    async def reconnect(self) -> int:
        conns = list(self.conns)
        for conn in conns:
            self._count("reconnect_sent")
            await self._send(conn, {"op": RECONNECT, "d": None, "s": None, "t": None})
        return len(conns)

    async def invalidate(self, resumable: bool = False) -> int:
        conns = [c for c in self.conns if c.session is not None]
        for conn in conns:
            if not resumable:
                conn.session.resumable = False  # type: ignore[union-attr]
            self._count("invalid_session")
            await self._send(conn, {"op": INVALID_SESSION, "d": resumable, "s": None, "t": None})
        return len(conns)

    def drop(self) -> int:
        """Cut the TCP connection with no close frame (a network failure)."""
        conns = list(self.conns)
        for conn in conns:
            conn.server_closed = True
            transport = conn.request.transport
            if transport is not None:
                transport.abort()
            self._count("dropped")
        return len(conns)

    def snapshot(self) -> dict[str, Any]:
        return {"counters": dict(self.counters), "connections": len(self.conns),
                "sessions": [{"id": s.id, "seq": s.seq, "connected": s.conn is not None, "resumable": s.resumable,
                              "intents": s.intents, "shard": s.shard} for s in self.sessions.values()],
                "heartbeat_interval": self.heartbeat_interval, "ack_heartbeats": self.ack_heartbeats}
