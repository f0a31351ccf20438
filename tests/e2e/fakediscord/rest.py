"""HTTP API v10 routes for the bot's own calls: gateway discovery, users, application, commands, channels,
messages and guilds. Interaction callbacks and webhooks are in `webhooks.py`."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from aiohttp import web

from .records import Upload
from .state import Channel
from .util import P, error, form_error, json_response, named_error, no_content
from .validate import command_problems, message_problems

if TYPE_CHECKING:
    from .fake import FakeDiscord

MAX_UPLOAD = 25 * 1024 * 1024
SENDABLE_FLAGS = (1 << 2) | (1 << 12) | (1 << 15)  # SUPPRESS_EMBEDS, SUPPRESS_NOTIFICATIONS, IS_COMPONENTS_V2


async def read_body(request: web.Request) -> tuple[dict[str, Any], list[Upload]]:
    """JSON body, or multipart/form-data with `payload_json` and `files[n]` parts."""
    if request.content_type.startswith("multipart/"):
        payload: dict[str, Any] = {}
        files: dict[int, Upload] = {}
        reader = await request.multipart()
        async for part in reader:
            name = part.name or ""
            if name == "payload_json":
                payload = json.loads(await part.text())
            elif name.startswith("files[") or name.startswith("file"):
                index = int(name[6:-1]) if name.startswith("files[") else len(files)
                data = bytes(await part.read(decode=False))
                files[index] = Upload(part.filename or f"file{index}", data,
                                      part.headers.get("Content-Type", "application/octet-stream"))
            else:
                payload[name] = await part.text()
        return payload, [files[i] for i in sorted(files)]
    if not request.body_exists:
        return {}, []
    text = await request.text()
    return (json.loads(text) if text.strip() else {}), []


def check_message(data: dict[str, Any], uploads: list[Upload], *, editing: bool = False,
                  prefix: str = "") -> web.Response | None:
    empty, problems = message_problems(data, editing=editing)
    if any(len(u.data) > MAX_UPLOAD for u in uploads):
        return named_error("too_large")
    if problems:
        return form_error({prefix + k: v for k, v in problems.items()})
    if empty and not uploads:
        return named_error("empty_message")
    return None


def failure(channel: Channel, op: str) -> web.Response | None:
    """A configured failure mode for this channel and operation ("send", "edit", "read"), if any."""
    f = channel.failure
    if not f or op not in f.get("ops", ["send"]):
        return None
    if f.get("count") is not None:
        if f["count"] <= 0:
            channel.failure = None
            return None
        f["count"] -= 1
    f["hits"] = f.get("hits", 0) + 1
    return named_error(f["mode"])


class Rest:
    def __init__(self, fake: FakeDiscord) -> None:
        self.fake = fake

    def routes(self) -> list[web.RouteDef]:
        r = self
        return [
            web.get("/gateway", r.gateway), web.get("/gateway/bot", r.gateway_bot),
            web.get("/users/@me", r.me), web.get("/users/{user_id:\\d+}", r.get_user),
            web.delete("/users/@me/guilds/{guild_id}", r.leave_guild),
            web.get("/oauth2/applications/@me", r.application), web.get("/applications/@me", r.application),
            web.get("/applications/{application_id}/commands", r.list_commands),
            web.put("/applications/{application_id}/commands", r.put_commands),
            web.post("/applications/{application_id}/commands", r.post_command),
            web.get("/applications/{application_id}/commands/{command_id}", r.get_command),
            web.patch("/applications/{application_id}/commands/{command_id}", r.patch_command),
            web.delete("/applications/{application_id}/commands/{command_id}", r.delete_command),
            web.get("/applications/{application_id}/guilds/{guild_id}/commands/permissions", r.command_permissions),
            web.get("/applications/{application_id}/guilds/{guild_id}/commands", r.list_commands),
            web.put("/applications/{application_id}/guilds/{guild_id}/commands", r.put_commands),
            web.post("/applications/{application_id}/guilds/{guild_id}/commands", r.post_command),
            web.get("/applications/{application_id}/guilds/{guild_id}/commands/{command_id}", r.get_command),
            web.patch("/applications/{application_id}/guilds/{guild_id}/commands/{command_id}", r.patch_command),
            web.delete("/applications/{application_id}/guilds/{guild_id}/commands/{command_id}", r.delete_command),
            web.get("/channels/{channel_id}", r.get_channel),
            web.get("/channels/{channel_id}/messages", r.list_messages),
            web.post("/channels/{channel_id}/messages", r.create_message),
            web.get("/channels/{channel_id}/messages/{message_id}", r.get_message),
            web.patch("/channels/{channel_id}/messages/{message_id}", r.edit_message),
            web.delete("/channels/{channel_id}/messages/{message_id}", r.delete_message),
            web.post("/channels/{channel_id}/typing", r.typing),
            web.put("/channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me", r.react),
            web.delete("/channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me", r.react),
            web.get("/guilds/{guild_id}", r.get_guild), web.get("/guilds/{guild_id}/channels", r.guild_channels),
            web.get("/guilds/{guild_id}/roles", r.guild_roles), web.get("/guilds/{guild_id}/members", r.members),
            web.get("/guilds/{guild_id}/members/{user_id}", r.member),
        ]

    # ----- discovery, identity
    async def gateway(self, request: web.Request) -> web.Response:
        return json_response({"url": self.fake.gateway_url})

    async def gateway_bot(self, request: web.Request) -> web.Response:
        return json_response({"url": self.fake.gateway_url, "shards": 1, "session_start_limit": {
            "total": 1000, "remaining": 999, "reset_after": 14400000, "max_concurrency": 1}})

    async def me(self, request: web.Request) -> web.Response:
        return json_response({**self.fake.world.bot.payload(), "verified": True, "mfa_enabled": False,
                              "email": None, "locale": "en-US", "banner": None, "accent_color": None})

    async def get_user(self, request: web.Request) -> web.Response:
        user = self.fake.world.users.get(int(request.match_info["user_id"]))
        return json_response(user.payload()) if user else named_error("unknown_user")

    async def leave_guild(self, request: web.Request) -> web.Response:
        if int(request.match_info["guild_id"]) not in self.fake.world.guilds:
            return named_error("unknown_guild")
        self.fake.world.remove_guild(request.match_info["guild_id"])
        return no_content()

    async def application(self, request: web.Request) -> web.Response:
        w = self.fake.world
        return json_response({
            "id": str(w.application_id), "name": w.bot.username, "description": "", "icon": None,
            "bot_public": True, "bot_require_code_grant": False, "owner": w.owner.payload(), "team": None,
            "verify_key": "0" * 64, "flags": 0, "summary": "", "rpc_origins": [], "bot": w.bot.payload(),
            "interactions_endpoint_url": None, "approximate_guild_count": len(w.guilds)})

    # ----- application commands
    def _scope(self, request: web.Request) -> tuple[int | None, web.Response | None]:
        if int(request.match_info["application_id"]) != self.fake.world.application_id:
            return None, error(403, 20012, "You are not authorized to perform this action on this application")
        gid = request.match_info.get("guild_id")
        if gid is not None and int(gid) not in self.fake.world.guilds:
            return None, named_error("missing_access")
        return (int(gid) if gid is not None else None), None

    async def list_commands(self, request: web.Request) -> web.Response:
        gid, err = self._scope(request)
        return err or json_response(self.fake.commands.listing(gid))

    async def put_commands(self, request: web.Request) -> web.Response:
        gid, err = self._scope(request)
        if err:
            return err
        body, _ = await read_body(request)
        problems = command_problems(body)
        if problems:
            return form_error(problems)
        return json_response(self.fake.commands.bulk_overwrite(gid, body))

    async def post_command(self, request: web.Request) -> web.Response:
        gid, err = self._scope(request)
        if err:
            return err
        body, _ = await read_body(request)
        problems = command_problems([body])
        if problems:
            return form_error({k.split(".", 1)[1]: v for k, v in problems.items()})
        cmd, created = self.fake.commands.upsert(gid, body)
        return json_response(cmd, status=201 if created else 200)

    async def get_command(self, request: web.Request) -> web.Response:
        gid, err = self._scope(request)
        cmd = None if err else self.fake.commands.get(gid, int(request.match_info["command_id"]))
        return err or (json_response(cmd) if cmd else named_error("unknown_command"))

    async def patch_command(self, request: web.Request) -> web.Response:
        gid, err = self._scope(request)
        if err:
            return err
        body, _ = await read_body(request)
        cmd = self.fake.commands.edit(gid, int(request.match_info["command_id"]), body)
        return json_response(cmd) if cmd else named_error("unknown_command")

    async def delete_command(self, request: web.Request) -> web.Response:
        gid, err = self._scope(request)
        if err:
            return err
        ok = self.fake.commands.delete(gid, int(request.match_info["command_id"]))
        return no_content() if ok else named_error("unknown_command")

    async def command_permissions(self, request: web.Request) -> web.Response:
        return json_response([])

    # ----- channels and messages
    def _channel(self, request: web.Request, op: str) -> tuple[Channel | None, web.Response | None]:
        channel = self.fake.world.channel(int(request.match_info["channel_id"]))
        if channel is None:
            return None, named_error("unknown_channel")
        fail = failure(channel, op)
        if fail is not None:
            return None, fail
        perms = self.fake.world.channel_permissions(channel, self.fake.world.bot.id)
        if not perms & P.VIEW_CHANNEL:
            return None, named_error("missing_access")
        return channel, None

    async def get_channel(self, request: web.Request) -> web.Response:
        channel, err = self._channel(request, "read")
        return err or json_response(channel.payload())  # type: ignore[union-attr]

    async def list_messages(self, request: web.Request) -> web.Response:
        channel, err = self._channel(request, "read")
        if err:
            return err
        assert channel is not None
        if not self.fake.world.channel_permissions(channel, self.fake.world.bot.id) & P.READ_MESSAGE_HISTORY:
            return json_response([])
        q = request.query
        limit = max(1, min(100, int(q.get("limit", 50))))
        records = self.fake.store.channel_messages(channel.id)
        if "before" in q:
            records = [r for r in records if r.id < int(q["before"])]
        if "after" in q:
            records = [r for r in records if r.id > int(q["after"])]
            records = records[:limit]
        if "around" in q:
            pivot = int(q["around"])
            older = [r for r in records if r.id <= pivot][-((limit + 1) // 2):]
            records = older + [r for r in records if r.id > pivot][: limit - len(older)]
        records = records[-limit:]
        return json_response([r.payload for r in reversed(records)])

    async def create_message(self, request: web.Request) -> web.Response:
        channel, err = self._channel(request, "send")
        if err:
            return err
        assert channel is not None
        fake = self.fake
        body, uploads = await read_body(request)
        perms = fake.world.channel_permissions(channel, fake.world.bot.id)
        if not perms & P.SEND_MESSAGES or (uploads and not perms & P.ATTACH_FILES):
            return named_error("missing_permissions")
        bad = check_message(body, uploads)
        if bad is not None:
            return bad
        if body.get("nonce") is not None and body.get("enforce_nonce"):
            first = fake.store.by_nonce(channel.id, fake.world.bot.id, body["nonce"])
            if first is not None:
                fake.store.nonce_hits += 1
                return json_response(first.payload)
        flags = int(body.get("flags") or 0) & SENDABLE_FLAGS
        record = fake.store.create(channel, fake.world.bot, body, uploads, source="channel", flags=flags,
                                   msg_type=19 if body.get("message_reference") else 0)
        await fake.announce(record, "MESSAGE_CREATE")
        return json_response(record.payload)

    def _message(self, request: web.Request, channel: Channel) -> Any:
        record = self.fake.store.messages.get(int(request.match_info["message_id"]))
        if record is None or record.channel_id != channel.id or record.deleted or record.ephemeral:
            return None
        return record

    async def get_message(self, request: web.Request) -> web.Response:
        channel, err = self._channel(request, "read")
        if err:
            return err
        record = self._message(request, channel)  # type: ignore[arg-type]
        return json_response(record.payload) if record else named_error("unknown_message")

    async def edit_message(self, request: web.Request) -> web.Response:
        channel, err = self._channel(request, "edit")
        if err:
            return err
        record = self._message(request, channel)  # type: ignore[arg-type]
        if record is None:
            return named_error("unknown_message")
        if record.author_id != self.fake.world.bot.id:
            return named_error("not_author")
        body, uploads = await read_body(request)
        bad = check_message(body, uploads, editing=True)
        if bad is not None:
            return bad
        self.fake.store.edit(record, body, uploads)
        await self.fake.announce(record, "MESSAGE_UPDATE")
        return json_response(record.payload)

    async def delete_message(self, request: web.Request) -> web.Response:
        channel, err = self._channel(request, "edit")
        if err:
            return err
        assert channel is not None
        record = self._message(request, channel)
        if record is None:
            return named_error("unknown_message")
        bot = self.fake.world.bot.id
        if record.author_id != bot and not self.fake.world.channel_permissions(channel, bot) & P.MANAGE_MESSAGES:
            return named_error("missing_permissions")
        self.fake.store.delete(record)
        await self.fake.announce(record, "MESSAGE_DELETE")
        return no_content()

    async def typing(self, request: web.Request) -> web.Response:
        _, err = self._channel(request, "send")
        return err or no_content()

    async def react(self, request: web.Request) -> web.Response:
        channel, err = self._channel(request, "send")
        if err:
            return err
        return no_content() if self._message(request, channel) else named_error("unknown_message")  # type: ignore

    # ----- guilds
    def _guild(self, request: web.Request) -> Any:
        return self.fake.world.guilds.get(int(request.match_info["guild_id"]))

    async def get_guild(self, request: web.Request) -> web.Response:
        guild = self._guild(request)
        if guild is None:
            return named_error("unknown_guild")
        data = self.fake.world.guild_payload(guild, full=False)
        if request.query.get("with_counts") in ("1", "true", "True"):
            data.update(approximate_member_count=len(guild.members), approximate_presence_count=0)
        return json_response(data)

    async def guild_channels(self, request: web.Request) -> web.Response:
        guild = self._guild(request)
        if guild is None:
            return named_error("unknown_guild")
        return json_response([c.payload() for c in guild.channels.values()])

    async def guild_roles(self, request: web.Request) -> web.Response:
        guild = self._guild(request)
        return json_response([r.payload() for r in guild.roles.values()]) if guild else named_error("unknown_guild")

    async def members(self, request: web.Request) -> web.Response:
        guild = self._guild(request)
        if guild is None:
            return named_error("unknown_guild")
        limit = int(request.query.get("limit", 1))
        after = int(request.query.get("after", 0))
        ids = sorted(uid for uid in guild.members if uid > after)[:limit]
        return json_response([self.fake.world.member_payload(guild, uid) for uid in ids])

    async def member(self, request: web.Request) -> web.Response:
        guild = self._guild(request)
        if guild is None:
            return named_error("unknown_guild")
        uid = int(request.match_info["user_id"])
        if uid not in guild.members:
            return named_error("unknown_member")
        return json_response(self.fake.world.member_payload(guild, uid))
