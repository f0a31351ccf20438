"""Build INTERACTION_CREATE payloads the way Discord does: slash commands (resolved against the registered
command tree, so option types come from the registration), autocomplete, message components and modal submits."""

from __future__ import annotations

import base64
import secrets
from typing import Any

from .commands import CommandStore
from .records import InteractionRecord, MessageRecord, Store, Upload
from .state import Channel, Guild, World
from .util import Snowflakes, to_id

STRING, INTEGER, BOOLEAN, USER, CHANNEL, ROLE, MENTIONABLE, NUMBER, ATTACHMENT = 3, 4, 5, 6, 7, 8, 9, 10, 11
ATTACHMENT_SIZE_LIMIT = 25 * 1024 * 1024


class InteractionFactory:
    def __init__(self, world: World, store: Store, commands: CommandStore, ids: Snowflakes) -> None:
        self.world, self.store, self.commands, self.ids = world, store, commands, ids

    # ----- common envelope
    def _envelope(self, kind: int, guild_id: Any, channel_id: Any, user: Any) -> tuple[dict[str, Any], Guild,
                                                                                       Channel, int]:
        guild = self.world.guild(guild_id)
        channel = self.world.channel(channel_id)
        if channel is None or channel.guild_id != guild.id:
            raise ValueError(f"channel {channel_id} is not a channel of guild {guild.id}")
        uid = self.world.user(user).id
        if uid not in guild.members:
            raise ValueError(f"user {uid} is not a member of guild {guild.id}")
        iid = self.ids.next()
        payload = {
            "id": str(iid), "application_id": str(self.world.application_id), "type": kind,
            "token": "fake-" + secrets.token_urlsafe(32), "version": 1,
            "guild_id": str(guild.id), "guild": {"id": str(guild.id), "locale": "en-US", "features": []},
            "channel_id": str(channel.id), "channel": self.world.resolved_channel(channel, uid),
            "member": self.world.member_payload(guild, uid, permissions=self.world.channel_permissions(channel, uid)),
            "app_permissions": str(self.world.channel_permissions(channel, self.world.bot.id)),
            "locale": "en-US", "guild_locale": "en-US", "entitlements": [], "entitlement_sku_ids": [],
            "authorizing_integration_owners": {"0": str(guild.id)}, "context": 0,
            "attachment_size_limit": ATTACHMENT_SIZE_LIMIT,
        }
        return payload, guild, channel, uid

    def _record(self, payload: dict[str, Any], label: str, channel: Channel, uid: int,
                message_id: int | None = None) -> InteractionRecord:
        rec = InteractionRecord(int(payload["id"]), payload["token"], payload["type"], channel.guild_id, channel.id,
                                uid, payload, label, message_id)
        self.store.add_interaction(rec)
        return rec

    # ----- application commands
    def slash(self, guild_id: Any, channel_id: Any, user: Any, path: str, values: dict[str, Any]) -> InteractionRecord:
        payload, guild, channel, uid = self._envelope(2, guild_id, channel_id, user)
        root, chain, defs = self.commands.resolve(guild.id, path)
        resolved: dict[str, dict[str, Any]] = {}
        leaf = self._options(defs, values, guild, channel, uid, resolved, path)
        payload["data"] = self._command_data(root, chain, leaf)
        if resolved:
            payload["data"]["resolved"] = resolved
        return self._record(payload, " ".join([root["name"], *chain]), channel, uid)

    def autocomplete(self, guild_id: Any, channel_id: Any, user: Any, path: str, focused: str,
                     values: dict[str, Any]) -> InteractionRecord:
        payload, guild, channel, uid = self._envelope(4, guild_id, channel_id, user)
        root, chain, defs = self.commands.resolve(guild.id, path)
        by_name = {d["name"]: d for d in defs}
        target = by_name.get(focused)
        if target is None or not target.get("autocomplete"):
            raise ValueError(f"{path!r} has no autocomplete option {focused!r}")
        leaf = []
        for name, value in {**values, focused: values.get(focused, "")}.items():
            d = by_name.get(name)
            if d is None:
                raise ValueError(f"{path!r} has no option {name!r} (has: {list(by_name)})")
            opt: dict[str, Any] = {"name": name, "type": d["type"],
                                   "value": str(value) if name == focused else _raw(value)}
            if name == focused:
                opt["focused"] = True
            leaf.append(opt)
        payload["data"] = self._command_data(root, chain, leaf)
        return self._record(payload, " ".join([root["name"], *chain]), channel, uid)

    def _command_data(self, root: dict[str, Any], chain: list[str], leaf: list[dict[str, Any]]) -> dict[str, Any]:
        options = leaf
        defs = root.get("options") or []
        nested: list[tuple[str, int]] = []
        for name in chain:
            sub = next(o for o in defs if o["name"] == name)
            nested.append((name, sub["type"]))
            defs = sub.get("options") or []
        for name, kind in reversed(nested):
            options = [{"name": name, "type": kind, "options": options}]
        data = {"id": root["id"], "name": root["name"], "type": root.get("type", 1), "options": options}
        if root.get("guild_id"):
            data["guild_id"] = root["guild_id"]
        return data

    def _options(self, defs: list[dict[str, Any]], values: dict[str, Any], guild: Guild, channel: Channel,
                 uid: int, resolved: dict[str, dict[str, Any]], path: str) -> list[dict[str, Any]]:
        by_name = {d["name"]: d for d in defs}
        unknown = set(values) - set(by_name)
        if unknown:
            raise ValueError(f"{path!r} has no option(s) {sorted(unknown)} (has: {list(by_name)})")
        out = []
        for d in defs:
            name = d["name"]
            if name not in values or values[name] is None:
                if d.get("required"):
                    raise ValueError(f"{path!r}: required option {name!r} is missing")
                continue
            value = self._value(d, values[name], guild, channel, uid, resolved, path)
            out.append({"name": name, "type": d["type"], "value": value})
        return out

    def _value(self, d: dict[str, Any], value: Any, guild: Guild, channel: Channel, uid: int,
               resolved: dict[str, dict[str, Any]], path: str) -> Any:
        try:
            return self._convert(d, value, guild, channel, uid, resolved, path)
        except (TypeError, KeyError) as exc:
            raise ValueError(f"{path!r} option {d['name']!r} (type {d['type']}): bad value {value!r}: {exc}") from None
        except ValueError as exc:
            if str(exc).startswith(repr(path)):
                raise
            raise ValueError(f"{path!r} option {d['name']!r} (type {d['type']}): bad value {value!r}") from None

    def _convert(self, d: dict[str, Any], value: Any, guild: Guild, channel: Channel, uid: int,
                 resolved: dict[str, dict[str, Any]], path: str) -> Any:
        kind, name = d["type"], d["name"]
        where = f"{path!r} option {name!r}"
        if kind == STRING:
            value = str(value)
            if not d.get("min_length", 0) <= len(value) <= d.get("max_length", 6000):
                raise ValueError(f"{where}: length {len(value)} is outside its limits")
        elif kind in (INTEGER, NUMBER):
            if isinstance(value, bool):
                raise ValueError(f"{where}: expected a number")
            value = int(value) if kind == INTEGER else float(value)
            if d.get("min_value") is not None and value < d["min_value"] or \
                    d.get("max_value") is not None and value > d["max_value"]:
                raise ValueError(f"{where}: {value} is outside [{d.get('min_value')}, {d.get('max_value')}]")
        elif kind == BOOLEAN:
            value = bool(value)
        elif kind in (USER, MENTIONABLE) and (kind == USER or self.world.role(value) is None):
            target = self.world.user(value)
            resolved.setdefault("users", {})[str(target.id)] = target.payload()
            if target.id in guild.members:
                resolved.setdefault("members", {})[str(target.id)] = self.world.member_payload(
                    guild, target.id, with_user=False,
                    permissions=self.world.channel_permissions(channel, target.id))
            value = str(target.id)
        elif kind in (ROLE, MENTIONABLE):
            role = self.world.role(value)
            if role is None or role.guild_id != guild.id:
                raise ValueError(f"{where}: {value!r} is not a role of guild {guild.id}")
            resolved.setdefault("roles", {})[str(role.id)] = role.payload()
            value = str(role.id)
        elif kind == CHANNEL:
            target = self.world.channel(value)
            if target is None or target.guild_id != guild.id:
                raise ValueError(f"{where}: {value!r} is not a channel of guild {guild.id}")
            if d.get("channel_types") and target.type not in d["channel_types"]:
                raise ValueError(f"{where}: channel type {target.type} not in {d['channel_types']}")
            resolved.setdefault("channels", {})[str(target.id)] = self.world.resolved_channel(target, uid)
            value = str(target.id)
        elif kind == ATTACHMENT:
            att = self.store.add_file(channel.id, to_upload(value))
            resolved.setdefault("attachments", {})[att["id"]] = att
            value = att["id"]
        if d.get("choices") and value not in [c["value"] for c in d["choices"]]:
            raise ValueError(f"{where}: {value!r} is not one of its choices {[c['value'] for c in d['choices']]}")
        return value

    # ----- components and modals
    def component(self, message: Any, custom_id: str, user: Any, values: list[str] | None = None) -> InteractionRecord:
        rec = message if isinstance(message, MessageRecord) else self.store.messages.get(to_id(message))
        if rec is None:
            raise ValueError(f"unknown message {message!r}")
        found = find_component(rec.payload.get("components") or [], custom_id)
        if found is None:
            raise ValueError(f"message {rec.id} has no component with custom_id {custom_id!r}")
        payload, _, channel, uid = self._envelope(3, rec.guild_id, rec.channel_id, user)
        data: dict[str, Any] = {"custom_id": custom_id, "component_type": found["type"]}
        if found["type"] != 2:
            data["values"] = list(values or [])
        payload["data"] = data
        payload["message"] = rec.payload
        return self._record(payload, custom_id, channel, uid, message_id=rec.id)

    def modal_submit(self, source: InteractionRecord, values: dict[str, Any], user: Any = None) -> InteractionRecord:
        if not source.modal:
            raise ValueError(f"interaction {source.id} was not answered with a modal")
        payload, _, channel, uid = self._envelope(5, source.guild_id, source.channel_id,
                                                  source.user_id if user is None else user)
        payload["data"] = {"custom_id": source.modal["custom_id"],
                           "components": [_submitted(c, values) for c in source.modal.get("components", [])]}
        if source.message_id is not None:
            payload["message"] = self.store.messages[source.message_id].payload
        return self._record(payload, source.modal["custom_id"], channel, uid, message_id=source.message_id)


def _submitted(component: dict[str, Any], values: dict[str, Any]) -> dict[str, Any]:
    kind = component.get("type")
    if kind == 1:
        return {"type": 1, "components": [_submitted(c, values) for c in component.get("components", [])]}
    if kind == 18:
        return {"type": 18, "id": component.get("id"), "component": _submitted(component["component"], values)}
    out = {"type": kind, "id": component.get("id"), "custom_id": component.get("custom_id")}
    if kind == 4:
        out["value"] = str(values.get(component.get("custom_id"), component.get("value") or ""))
    else:
        out["values"] = list(values.get(component.get("custom_id"), []))
    return out


def find_component(components: list[dict[str, Any]], custom_id: str) -> dict[str, Any] | None:
    for c in components:
        if c.get("custom_id") == custom_id:
            return c
        for key in ("components", "accessory", "component"):
            inner = c.get(key)
            if isinstance(inner, dict):
                inner = [inner]
            if inner:
                hit = find_component(inner, custom_id)
                if hit is not None:
                    return hit
    return None


def to_upload(value: Any) -> Upload:
    """An attachment option value: Upload, (filename, bytes|str), or {"filename", "content"|"content_b64"|"size"}."""
    if isinstance(value, Upload):
        return value
    if isinstance(value, tuple):
        name, content = value[0], value[1]
        ctype = value[2] if len(value) > 2 else "application/octet-stream"
        return Upload(name, content.encode() if isinstance(content, str) else bytes(content), ctype)
    if isinstance(value, dict):
        if "content_b64" in value:
            data = base64.b64decode(value["content_b64"])
        elif "content" in value:
            data = value["content"].encode() if isinstance(value["content"], str) else bytes(value["content"])
        else:
            data = b"\0" * int(value.get("size", 0))
        return Upload(value["filename"], data, value.get("content_type", "application/octet-stream"))
    raise ValueError(f"cannot make an attachment from {value!r}")


def _raw(value: Any) -> Any:
    if hasattr(value, "id"):
        return str(value.id)
    return value
