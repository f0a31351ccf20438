"""What the bot made Discord show: messages (posts, edits, interaction responses, follow-ups) and interactions.

Every accepted message is a `MessageRecord` holding the exact payload Discord would return plus bookkeeping
(source, interaction id, allowed_mentions, files, earlier versions). Interactions dispatched to the bot are
`InteractionRecord`s; their callbacks and follow-ups are linked so a test can await "the response to X".
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from typing import Any

from .state import Channel, User, World
from .util import P, Snowflakes, Waiters, iso_now, snowflake_iso

EPHEMERAL, LOADING = 1 << 6, 1 << 7


@dataclass
class Upload:
    filename: str
    data: bytes
    content_type: str = "application/octet-stream"


@dataclass
class MessageRecord:
    id: int
    channel_id: int
    guild_id: int | None
    author_id: int
    payload: dict[str, Any]
    source: str  # "channel" | "interaction_response" | "followup" | "user"
    interaction_id: int | None = None
    allowed_mentions: dict[str, Any] | None = None
    nonce: Any = None
    history: list[dict[str, Any]] = field(default_factory=list)
    deleted: bool = False
    created_mono: float = field(default_factory=time.monotonic)

    @property
    def flags(self) -> int:
        return int(self.payload.get("flags", 0))

    @property
    def ephemeral(self) -> bool:
        return bool(self.flags & EPHEMERAL)

    def summary(self) -> dict[str, Any]:
        p = self.payload
        return {"id": str(self.id), "channel_id": str(self.channel_id),
                "guild_id": None if self.guild_id is None else str(self.guild_id), "author_id": str(self.author_id),
                "content": p.get("content", ""), "embeds": p.get("embeds", []), "components": p.get("components", []),
                "flags": self.flags, "ephemeral": self.ephemeral, "loading": bool(self.flags & LOADING),
                "allowed_mentions": self.allowed_mentions, "mentions": [u["id"] for u in p.get("mentions", [])],
                "mention_roles": p.get("mention_roles", []), "mention_everyone": p.get("mention_everyone", False),
                "attachments": [{"id": a["id"], "filename": a["filename"], "size": a["size"],
                                 "content_type": a.get("content_type")} for a in p.get("attachments", [])],
                "nonce": self.nonce, "source": self.source,
                "interaction_id": None if self.interaction_id is None else str(self.interaction_id),
                "webhook_id": p.get("webhook_id"), "deleted": self.deleted, "edited": bool(self.history),
                "history": [{k: h.get(k) for k in ("content", "embeds", "components", "flags", "attachments")}
                            for h in self.history],
                "timestamp": p.get("timestamp"), "payload": p}


@dataclass
class InteractionRecord:
    id: int
    token: str
    type: int  # 2 command, 3 component, 4 autocomplete, 5 modal submit
    guild_id: int | None
    channel_id: int
    user_id: int
    payload: dict[str, Any]
    label: str  # "feed add" for a command, the custom_id for a component
    message_id: int | None = None  # the message a component is attached to
    created: float = field(default_factory=time.monotonic)
    sent_at: float | None = None
    callbacks: list[dict[str, Any]] = field(default_factory=list)
    original_id: int | None = None
    followups: list[int] = field(default_factory=list)
    acked_at: float | None = None
    final_at: float | None = None
    choices: list[dict[str, Any]] | None = None
    modal: dict[str, Any] | None = None
    expired: bool = False  # the callback came after the ack timeout and got 404 Unknown interaction

    @property
    def t0(self) -> float:
        return self.sent_at if self.sent_at is not None else self.created


class Store:
    def __init__(self, world: World, ids: Snowflakes, waiters: Waiters) -> None:
        self.world, self.ids, self.waiters = world, ids, waiters
        self.base_url = "http://127.0.0.1"
        self.messages: dict[int, MessageRecord] = {}
        self.by_channel: dict[int, list[int]] = {}
        self.interactions: dict[int, InteractionRecord] = {}
        self.by_token: dict[str, int] = {}
        self.files: dict[int, Upload] = {}
        self.nonces: dict[tuple[int, int, str], tuple[int, float]] = {}
        self.nonce_window = 300.0
        self.nonce_hits = 0

    # ----- messages
    def create(self, channel: Channel, author: User, data: dict[str, Any], uploads: list[Upload], *, source: str,
               interaction: InteractionRecord | None = None, flags: int | None = None,
               msg_type: int = 0) -> MessageRecord:
        mid = self.ids.next()
        content = str(data.get("content") or "")
        payload: dict[str, Any] = {
            "id": str(mid), "channel_id": str(channel.id), "guild_id": str(channel.guild_id), "type": msg_type,
            "author": author.payload(), "content": content, "timestamp": snowflake_iso(mid),
            "edited_timestamp": None, "tts": bool(data.get("tts", False)), "pinned": False,
            "embeds": list(data.get("embeds") or []), "components": list(data.get("components") or []),
            "attachments": self._attachments(channel.id, [], data.get("attachments"), uploads),
            "flags": int(data.get("flags") or 0) if flags is None else flags, "reactions": [], "sticker_items": [],
        }
        if data.get("nonce") is not None:
            payload["nonce"] = data["nonce"]
        if "message_reference" in data:
            payload["message_reference"] = data["message_reference"]
        if interaction is not None:
            payload["webhook_id"] = str(self.world.application_id)
            payload["application_id"] = str(self.world.application_id)
            payload["interaction_metadata"] = {
                "id": str(interaction.id), "type": interaction.type,
                "user": self.world.user(interaction.user_id).payload(),
                "authorizing_integration_owners": {"0": str(interaction.guild_id)}}
            if interaction.type == 2:
                payload["interaction_metadata"]["name"] = interaction.label
            if interaction.message_id is not None:
                payload["interaction_metadata"]["interacted_message_id"] = str(interaction.message_id)
        self._mentions(payload, channel, author, data.get("allowed_mentions"))
        record = MessageRecord(mid, channel.id, channel.guild_id, author.id, payload, source,
                               interaction.id if interaction else None, data.get("allowed_mentions"),
                               data.get("nonce"))
        self.messages[mid] = record
        self.by_channel.setdefault(channel.id, []).append(mid)
        if data.get("nonce") is not None and data.get("enforce_nonce"):
            self.nonces[(channel.id, author.id, str(data["nonce"]))] = (mid, time.monotonic())
        self.waiters.poke()
        return record

    def edit(self, record: MessageRecord, data: dict[str, Any], uploads: list[Upload]) -> MessageRecord:
        old = record.payload
        record.history.append(dict(old))
        new = dict(old)
        for key in ("content", "embeds", "components"):
            if key in data:
                new[key] = data[key] if data[key] is not None else ("" if key == "content" else [])
        if "flags" in data and data["flags"] is not None:  # only SUPPRESS_EMBEDS may change; loading clears
            new["flags"] = (int(old.get("flags", 0)) & EPHEMERAL) | (int(data["flags"]) & ((1 << 2) | (1 << 15)))
        new["flags"] = int(new.get("flags", 0)) & ~LOADING
        if "attachments" in data or uploads:
            new["attachments"] = self._attachments(record.channel_id, old.get("attachments", []),
                                                   data.get("attachments"), uploads)
        if "allowed_mentions" in data:
            record.allowed_mentions = data["allowed_mentions"]
        new["edited_timestamp"] = iso_now()
        channel = self.world.channel(record.channel_id)
        if channel is not None:
            self._mentions(new, channel, self.world.user(record.author_id), record.allowed_mentions)
        record.payload = new
        self.waiters.poke()
        return record

    def delete(self, record: MessageRecord) -> None:
        record.deleted = True
        self.waiters.poke()

    def by_nonce(self, channel_id: int, author_id: int, nonce: Any) -> MessageRecord | None:
        hit = self.nonces.get((channel_id, author_id, str(nonce)))
        if hit is None or time.monotonic() - hit[1] > self.nonce_window:
            return None
        return self.messages.get(hit[0])

    def channel_messages(self, channel_id: int, *, include_ephemeral: bool = False,
                         include_deleted: bool = False) -> list[MessageRecord]:
        out = []
        for mid in self.by_channel.get(int(channel_id), []):
            rec = self.messages[mid]
            if (rec.deleted and not include_deleted) or (rec.ephemeral and not include_ephemeral):
                continue
            out.append(rec)
        return out

    def _attachments(self, channel_id: int, existing: list[dict[str, Any]], wanted: Any,
                     uploads: list[Upload]) -> list[dict[str, Any]]:
        """Discord's rule: `attachments` entries with a small `id` name uploads (files[n]); others keep old ones."""
        old = {a["id"]: a for a in existing}
        if wanted is None:
            wanted = [{"id": a["id"]} for a in existing] + [{"id": i} for i in range(len(uploads))]
        out = []
        for entry in wanted:
            key = entry.get("id")
            if str(key) in old:
                out.append(old[str(key)])
                continue
            try:
                upload = uploads[int(key)]
            except (TypeError, ValueError, IndexError):
                continue
            aid = self.ids.next()
            self.files[aid] = upload
            name = entry.get("filename") or upload.filename
            url = f"{self.base_url}/attachments/{channel_id}/{aid}/{name}"
            att = {"id": str(aid), "filename": name, "size": len(upload.data), "url": url, "proxy_url": url,
                   "content_type": upload.content_type}
            if entry.get("description"):
                att["description"] = entry["description"]
            out.append(att)
        return out

    def add_file(self, channel_id: int, upload: Upload) -> dict[str, Any]:
        """An attachment a user 'uploaded' (for an attachment option); downloadable from the fake."""
        return self._attachments(channel_id, [], [{"id": 0}], [upload])[0]

    def _mentions(self, payload: dict[str, Any], channel: Channel, author: User,
                  allowed: dict[str, Any] | None) -> None:
        content = payload.get("content", "")
        parse = set(allowed.get("parse", [])) if allowed is not None else {"users", "roles", "everyone"}
        users_ok = {str(u) for u in (allowed or {}).get("users", [])}
        roles_ok = {str(r) for r in (allowed or {}).get("roles", [])}
        guild = self.world.guilds.get(channel.guild_id)
        mentions = []
        for uid in dict.fromkeys(re.findall(r"<@!?(\d+)>", content)):
            if ("users" in parse or uid in users_ok) and int(uid) in self.world.users:
                mentions.append(self.world.users[int(uid)].payload())
        roles = [rid for rid in dict.fromkeys(re.findall(r"<@&(\d+)>", content))
                 if ("roles" in parse or rid in roles_ok) and guild is not None and int(rid) in guild.roles]
        can_everyone = guild is not None and bool(
            self.world.channel_permissions(channel, author.id) & P.MENTION_EVERYONE)
        payload["mentions"] = mentions
        payload["mention_roles"] = roles
        payload["mention_everyone"] = bool(re.search(r"@(everyone|here)\b", content)) and "everyone" in parse \
            and can_everyone

    # ----- interactions
    def add_interaction(self, record: InteractionRecord) -> None:
        self.interactions[record.id] = record
        self.by_token[record.token] = record.id
        self.waiters.poke()

    def by_token_or_none(self, token: str) -> InteractionRecord | None:
        iid = self.by_token.get(token)
        return None if iid is None else self.interactions.get(iid)

    def response(self, iid: int) -> dict[str, Any]:
        rec = self.interactions[int(iid)]
        original = self.messages.get(rec.original_id) if rec.original_id else None
        first = rec.callbacks[0]["type"] if rec.callbacks else None
        return {
            "interaction_id": str(rec.id), "interaction_type": rec.type, "label": rec.label,
            "callback_type": first, "callback_types": [c["type"] for c in rec.callbacks],
            "acknowledged": rec.acked_at is not None, "final": rec.final_at is not None, "expired": rec.expired,
            "deferred": first in (5, 6),
            "ack_latency": None if rec.acked_at is None else rec.acked_at - rec.t0,
            "latency": None if rec.final_at is None else rec.final_at - rec.t0,
            "ephemeral": bool(original and original.ephemeral),
            "message": original.summary() if original else None,
            "followups": [self.messages[m].summary() for m in rec.followups],
            "choices": rec.choices, "modal": rec.modal,
        }

    # ----- persistence (messages only; interactions are transient)
    def dump(self) -> dict[str, Any]:
        return {"messages": [{"id": r.id, "channel_id": r.channel_id, "guild_id": r.guild_id,
                              "author_id": r.author_id, "payload": r.payload, "source": r.source,
                              "interaction_id": r.interaction_id, "allowed_mentions": r.allowed_mentions,
                              "nonce": r.nonce, "history": r.history, "deleted": r.deleted}
                             for r in self.messages.values()]}

    def load(self, data: dict[str, Any]) -> None:
        for m in data.get("messages", []):
            rec = MessageRecord(**m)
            self.messages[rec.id] = rec
            self.by_channel.setdefault(rec.channel_id, []).append(rec.id)
            self.ids.bump(rec.id)
