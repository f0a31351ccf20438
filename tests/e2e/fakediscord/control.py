"""Control API under /_control (JSON), for a test driving the fake from another process.

Every route maps onto a `FakeDiscord` method; ids are returned as strings and accepted as strings or numbers.
Bad input answers 400 {"error": ...}; a wait that runs out answers 408 {"error": ...}.
"""

from __future__ import annotations

import asyncio
import json
from typing import TYPE_CHECKING, Any, Awaitable, Callable

from aiohttp import web

from .util import json_response

if TYPE_CHECKING:
    from .fake import FakeDiscord

Handler = Callable[[web.Request], Awaitable[Any]]


def _flag(value: str | None) -> bool:
    return (value or "").lower() in ("1", "true", "yes")


def guild_summary(fake: FakeDiscord, guild: Any) -> dict[str, Any]:
    return {"id": str(guild.id), "name": guild.name, "owner_id": str(guild.owner_id),
            "channels": [{"id": str(c.id), "name": c.name, "type": c.type} for c in guild.channels.values()],
            "roles": [{"id": str(r.id), "name": r.name, "permissions": str(r.permissions)}
                      for r in guild.roles.values()],
            "members": [{"user_id": str(m.user_id), "username": fake.world.users[m.user_id].username,
                         "roles": [str(r) for r in m.roles]} for m in guild.members.values()]}


class Control:
    def __init__(self, fake: FakeDiscord) -> None:
        self.fake = fake

    def routes(self) -> list[web.RouteDef]:
        w = self._wrap
        return [
            web.get("/health", w(self.health)), web.get("/state", w(lambda r: self.fake.dump())),
            web.post("/save", w(self.save)), web.post("/reset", w(self.reset)),
            web.post("/users", w(self.add_user)),
            web.get("/guilds", w(self.guilds)), web.post("/guilds", w(self.add_guild)),
            web.delete("/guilds/{guild_id}", w(self.remove_guild)),
            web.post("/guilds/{guild_id}/channels", w(self.add_channel)),
            web.post("/guilds/{guild_id}/roles", w(self.add_role)),
            web.post("/guilds/{guild_id}/members", w(self.add_member)),
            web.post("/guilds/{guild_id}/admins", w(self.add_admin)),
            web.post("/guilds/{guild_id}/plain_members", w(self.add_plain_member)),
            web.delete("/channels/{channel_id}", w(self.remove_channel)),
            web.post("/channels/{channel_id}/overwrites", w(self.overwrite)),
            web.post("/channels/{channel_id}/failure", w(self.failure)),
            web.get("/channels/{channel_id}/messages", w(self.messages)),
            web.post("/channels/{channel_id}/user_messages", w(self.user_message)),
            web.get("/messages/{message_id}", w(lambda r: self.fake.message(r.match_info["message_id"]))),
            web.get("/commands", w(self.commands)),
            web.post("/interactions/slash", w(self.slash)),
            web.post("/interactions/autocomplete", w(self.autocomplete)),
            web.post("/interactions/button", w(self.button)),
            web.post("/interactions/select", w(self.select)),
            web.get("/interactions/{interaction_id}",
                    w(lambda r: self.fake.interaction(r.match_info["interaction_id"]))),
            web.get("/interactions/{interaction_id}/response", w(self.response)),
            web.post("/interactions/{interaction_id}/modal_submit", w(self.modal_submit)),
            web.post("/ratelimit/storm", w(self.storm)), web.post("/ratelimit/config", w(self.rate_config)),
            web.delete("/ratelimit/storms", w(self.clear_storms)),
            web.get("/counters", w(lambda r: self.fake.counters())),
            web.get("/requests", w(lambda r: list(self.fake.requests.entries))),
            web.get("/gateway", w(lambda r: self.fake.gateway.snapshot())),
            web.get("/gateway/wait", w(self.gateway_wait)),
            web.post("/gateway/close", w(self.gateway_close)),
            web.post("/gateway/reconnect", w(self.gateway_reconnect)),
            web.post("/gateway/invalidate", w(self.gateway_invalidate)),
            web.post("/gateway/drop", w(lambda r: {"connections": self.fake.drop_gateway()})),
            web.post("/gateway/heartbeat", w(self.heartbeat)),
        ]

    def _wrap(self, func: Handler | Callable[[web.Request], Any]) -> Callable[[web.Request], Awaitable[web.Response]]:
        async def handler(request: web.Request) -> web.Response:
            try:
                result = func(request)
                if asyncio.iscoroutine(result):
                    result = await result
            except asyncio.TimeoutError as exc:
                return json_response({"error": str(exc) or "timed out"}, status=408)
            except KeyError as exc:
                return json_response({"error": f"not found: {exc}"}, status=404)
            except (ValueError, TypeError, RuntimeError, json.JSONDecodeError) as exc:
                return json_response({"error": f"{type(exc).__name__}: {exc}"}, status=400)
            if isinstance(result, web.Response):
                return result
            return json_response(result)
        return handler

    @staticmethod
    async def _body(request: web.Request) -> dict[str, Any]:
        text = await request.text()
        return json.loads(text) if text.strip() else {}

    # ----- general
    async def health(self, request: web.Request) -> dict[str, Any]:
        f = self.fake
        return {"ok": True, "url": f.url, "api_base": f.api_base, "gateway_url": f.gateway_url,
                "application_id": str(f.application_id), "bot_user_id": str(f.world.bot.id)}

    async def save(self, request: web.Request) -> dict[str, Any]:
        body = await self._body(request)
        return {"path": str(self.fake.save(body.get("path")))}

    async def reset(self, request: web.Request) -> dict[str, Any]:
        self.fake.reset_records()
        return {"ok": True}

    # ----- setup
    async def add_user(self, request: web.Request) -> dict[str, Any]:
        b = await self._body(request)
        return self.fake.add_user(b["username"], bot=bool(b.get("bot")), id=b.get("id")).payload()

    async def guilds(self, request: web.Request) -> list[dict[str, Any]]:
        return [guild_summary(self.fake, g) for g in self.fake.world.guilds.values()]

    async def add_guild(self, request: web.Request) -> dict[str, Any]:
        b = await self._body(request)
        kw = {k: b[k] for k in ("id", "owner_id", "channels") if k in b}
        kw.update({k: int(b[k]) for k in ("everyone_permissions", "bot_permissions") if k in b})
        guild = self.fake.add_guild(b["name"], **kw)
        await self.fake.flush()
        return guild_summary(self.fake, guild)

    async def remove_guild(self, request: web.Request) -> dict[str, Any]:
        self.fake.remove_guild(request.match_info["guild_id"])
        await self.fake.flush()
        return {"ok": True}

    async def add_channel(self, request: web.Request) -> dict[str, Any]:
        b = await self._body(request)
        kw = {k: b[k] for k in ("type", "id", "position", "parent_id", "topic", "overwrites") if k in b}
        channel = self.fake.add_channel(request.match_info["guild_id"], b["name"], **kw)
        await self.fake.flush()
        return channel.payload()

    async def add_role(self, request: web.Request) -> dict[str, Any]:
        b = await self._body(request)
        role = self.fake.add_role(request.match_info["guild_id"], b["name"], int(b.get("permissions", 0)),
                                  id=b.get("id"))
        await self.fake.flush()
        return role.payload()

    async def add_member(self, request: web.Request) -> dict[str, Any]:
        b = await self._body(request)
        gid = request.match_info["guild_id"]
        self.fake.add_member(gid, b["user_id"], b.get("roles", []), b.get("nick"))
        await self.fake.flush()
        return self.fake.world.member_payload(self.fake.world.guild(gid), int(b["user_id"]))

    async def add_admin(self, request: web.Request) -> dict[str, Any]:
        b = await self._body(request)
        kw = {"user": b["user_id"]} if "user_id" in b else {}
        if "permissions" in b:
            kw["permissions"] = int(b["permissions"])
        user = self.fake.add_admin(request.match_info["guild_id"], b.get("username", "admin"), **kw)
        await self.fake.flush()
        return user.payload()

    async def add_plain_member(self, request: web.Request) -> dict[str, Any]:
        b = await self._body(request)
        kw = {"user": b["user_id"]} if "user_id" in b else {}
        user = self.fake.add_plain_member(request.match_info["guild_id"], b.get("username", "member"), **kw)
        await self.fake.flush()
        return user.payload()

    async def remove_channel(self, request: web.Request) -> dict[str, Any]:
        self.fake.remove_channel(request.match_info["channel_id"])
        await self.fake.flush()
        return {"ok": True}

    async def overwrite(self, request: web.Request) -> dict[str, Any]:
        b = await self._body(request)
        channel = self.fake.set_overwrite(request.match_info["channel_id"], b["target_id"],
                                          allow=int(b.get("allow", 0)), deny=int(b.get("deny", 0)),
                                          kind=b.get("kind", "role"))
        await self.fake.flush()
        return channel.payload()

    async def failure(self, request: web.Request) -> dict[str, Any]:
        b = await self._body(request)
        self.fake.set_channel_failure(request.match_info["channel_id"], b.get("mode"),
                                      ops=b.get("ops", ["send"]), count=b.get("count"))
        return {"ok": True}

    # ----- messages, commands
    async def messages(self, request: web.Request) -> list[dict[str, Any]]:
        q, cid = request.query, request.match_info["channel_id"]
        eph = _flag(q.get("include_ephemeral"))
        if "wait_count" in q:
            return await self.fake.wait_messages(cid, int(q["wait_count"]), float(q.get("timeout", 5)),
                                                 include_ephemeral=eph)
        return self.fake.messages(cid, include_ephemeral=eph, include_deleted=_flag(q.get("include_deleted")))

    async def user_message(self, request: web.Request) -> dict[str, Any]:
        b = await self._body(request)
        return await self.fake.user_message(request.match_info["channel_id"], b["user_id"], b["content"])

    async def commands(self, request: web.Request) -> list[dict[str, Any]]:
        gid = request.query.get("guild_id")
        if "wait_names" in request.query or _flag(request.query.get("wait")):
            names = [n for n in request.query.get("wait_names", "").split(",") if n]
            return await self.fake.wait_commands(gid, names=names, timeout=float(request.query.get("timeout", 5)))
        return self.fake.registered_commands(gid)

    # ----- interactions
    async def slash(self, request: web.Request) -> dict[str, Any]:
        b = await self._body(request)
        iid = await self.fake.slash(b["guild_id"], b["channel_id"], b["user_id"], b["command"],
                                    **b.get("options", {}))
        return {"interaction_id": str(iid)}

    async def autocomplete(self, request: web.Request) -> dict[str, Any]:
        b = await self._body(request)
        iid = await self.fake.autocomplete(b["guild_id"], b["channel_id"], b["user_id"], b["command"], b["focused"],
                                           **b.get("options", {}))
        return {"interaction_id": str(iid)}

    async def button(self, request: web.Request) -> dict[str, Any]:
        b = await self._body(request)
        iid = await self.fake.press_button(b["message_id"], b["custom_id"], b["user_id"])
        return {"interaction_id": str(iid)}

    async def select(self, request: web.Request) -> dict[str, Any]:
        b = await self._body(request)
        iid = await self.fake.select(b["message_id"], b["custom_id"], b["user_id"], list(b.get("values", [])))
        return {"interaction_id": str(iid)}

    async def modal_submit(self, request: web.Request) -> dict[str, Any]:
        b = await self._body(request)
        iid = await self.fake.submit_modal(request.match_info["interaction_id"], b.get("values", {}), b.get("user_id"))
        return {"interaction_id": str(iid)}

    async def response(self, request: web.Request) -> dict[str, Any]:
        q = request.query
        return await self.fake.wait_response(request.match_info["interaction_id"], float(q.get("timeout", 5)),
                                             final=_flag(q.get("final")))

    # ----- rate limits
    async def storm(self, request: web.Request) -> dict[str, Any]:
        b = await self._body(request)
        self.fake.storm(b.get("route"), count=int(b.get("count", 1)), retry_after=float(b.get("retry_after", 0.5)),
                        is_global=bool(b.get("global", False)), scope=b.get("scope"))
        return {"ok": True}

    async def rate_config(self, request: web.Request) -> dict[str, Any]:
        b = await self._body(request)
        self.fake.set_rate_limit(limit=b.get("limit"), window=b.get("window"))
        return {"ok": True}

    async def clear_storms(self, request: web.Request) -> dict[str, Any]:
        self.fake.limiter.clear_storms()
        return {"ok": True}

    # ----- gateway
    async def gateway_wait(self, request: web.Request) -> dict[str, Any]:
        q = request.query
        value = await self.fake.wait_gateway(q["event"], int(q.get("count", 1)), float(q.get("timeout", 10)))
        return {"event": q["event"], "count": value}

    async def gateway_close(self, request: web.Request) -> dict[str, Any]:
        b = await self._body(request)
        n = await self.fake.close_gateway(int(b.get("code", 4000)), b.get("reason", ""),
                                          invalidate=bool(b.get("invalidate", False)))
        return {"connections": n}

    async def gateway_reconnect(self, request: web.Request) -> dict[str, Any]:
        return {"connections": await self.fake.reconnect_gateway()}

    async def gateway_invalidate(self, request: web.Request) -> dict[str, Any]:
        b = await self._body(request)
        return {"connections": await self.fake.invalidate_session(bool(b.get("resumable", False)))}

    async def heartbeat(self, request: web.Request) -> dict[str, Any]:
        b = await self._body(request)
        self.fake.set_heartbeat(interval_ms=b.get("interval_ms"), ack=b.get("ack"))
        return {"ok": True}
