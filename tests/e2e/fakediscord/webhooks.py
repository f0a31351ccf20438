"""Interaction callbacks and the interaction webhook (follow-ups, @original), linked to the interaction record.

Discord rules kept here: a callback must come within `ack_timeout` seconds of the dispatch (else 404 Unknown
interaction, 10062) and only once (else 400, 40060); follow-ups need an acknowledged interaction; after a
deferred (type 5) response the first follow-up replaces the "thinking" message instead of adding one.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from aiohttp import web

from .records import EPHEMERAL, LOADING, InteractionRecord, MessageRecord
from .rest import SENDABLE_FLAGS, check_message, read_body
from .util import form_error, json_response, named_error, no_content

if TYPE_CHECKING:
    from .fake import FakeDiscord

MESSAGE, DEFERRED, DEFERRED_UPDATE, UPDATE, AUTOCOMPLETE, MODAL = 4, 5, 6, 7, 8, 9


def _truthy(value: str | None) -> bool:
    return (value or "").lower() in ("1", "true", "yes")


class Webhooks:
    def __init__(self, fake: FakeDiscord) -> None:
        self.fake = fake

    def routes(self) -> list[web.RouteDef]:
        base = "/webhooks/{webhook_id}/{webhook_token}"
        return [
            web.post("/interactions/{interaction_id}/{interaction_token}/callback", self.callback),
            web.post(base, self.execute),
            web.get(base + "/messages/{message_id}", self.get_message),
            web.patch(base + "/messages/{message_id}", self.edit_message),
            web.delete(base + "/messages/{message_id}", self.delete_message),
        ]

    def _msg_type(self, rec: InteractionRecord) -> int:
        return 20 if rec.type == 2 else 0

    async def callback(self, request: web.Request) -> web.Response:
        fake, store = self.fake, self.fake.store
        rec = store.interactions.get(int(request.match_info["interaction_id"]))
        if rec is None or rec.token != request.match_info["interaction_token"]:
            return named_error("unknown_interaction")
        now = time.monotonic()
        if rec.callbacks:
            return named_error("already_acknowledged")
        if fake.ack_timeout and now - rec.t0 > fake.ack_timeout:
            rec.expired = True  # the user saw "The application did not respond"
            store.waiters.poke()
            return named_error("unknown_interaction")
        body, uploads = await read_body(request)
        kind, data = body.get("type"), body.get("data") or {}
        channel = fake.world.channel(rec.channel_id)
        if channel is None:
            return named_error("unknown_channel")
        bot = fake.world.bot
        target: MessageRecord | None = None
        if kind == MESSAGE:
            bad = check_message(data, uploads, prefix="data.")
            if bad is not None:
                return bad
            flags = int(data.get("flags") or 0) & (SENDABLE_FLAGS | EPHEMERAL)
            target = store.create(channel, bot, data, uploads, source="interaction_response", interaction=rec,
                                  flags=flags, msg_type=self._msg_type(rec))
            rec.final_at = now
        elif kind == DEFERRED:
            flags = LOADING | (int(data.get("flags") or 0) & EPHEMERAL)
            target = store.create(channel, bot, {}, [], source="interaction_response", interaction=rec,
                                  flags=flags, msg_type=self._msg_type(rec))
        elif kind in (DEFERRED_UPDATE, UPDATE):
            if rec.message_id is None:
                return form_error({"type": [("INTERACTION_CALLBACK_TYPE_INVALID",
                                             "This callback type needs a message component interaction")]})
            target = store.messages[rec.message_id]
            if kind == UPDATE:
                bad = check_message(data, uploads, editing=True, prefix="data.")
                if bad is not None:
                    return bad
                store.edit(target, data, uploads)
                rec.final_at = now
        elif kind == AUTOCOMPLETE:
            choices = data.get("choices") or []
            if len(choices) > 25:
                return form_error({"data.choices": [("BASE_TYPE_BAD_LENGTH", "Must be 25 or fewer in length.")]})
            rec.choices, rec.final_at = choices, now
        elif kind == MODAL:
            rec.modal, rec.final_at = data, now
        else:
            return form_error({"type": [("BASE_TYPE_CHOICES", "Value must be one of (4, 5, 6, 7, 8, 9).")]})
        rec.original_id = target.id if target is not None else None
        rec.callbacks.append({"type": kind, "data": data, "at": now})
        rec.acked_at = now
        store.waiters.poke()
        if target is not None and kind in (MESSAGE, DEFERRED):
            await fake.announce(target, "MESSAGE_CREATE")
        elif target is not None and kind == UPDATE:
            await fake.announce(target, "MESSAGE_UPDATE")
        if not _truthy(request.query.get("with_response")):
            return no_content()
        interaction: dict[str, Any] = {"id": str(rec.id), "type": rec.type, "activity_instance_id": None,
                                       "response_message_id": None, "response_message_loading": kind == DEFERRED,
                                       "response_message_ephemeral": bool(target and target.ephemeral)}
        resource: dict[str, Any] = {"type": kind}
        if target is not None and kind in (MESSAGE, DEFERRED, UPDATE):
            interaction["response_message_id"] = str(target.id)
            resource["message"] = target.payload
        return json_response({"interaction": interaction, "resource": resource})

    # ----- the interaction webhook
    def _interaction(self, request: web.Request) -> InteractionRecord | None:
        if int(request.match_info["webhook_id"]) != self.fake.world.application_id:
            return None
        return self.fake.store.by_token_or_none(request.match_info["webhook_token"])

    def _target(self, rec: InteractionRecord, request: web.Request) -> MessageRecord | None:
        mid = request.match_info["message_id"]
        wanted = rec.original_id if mid == "@original" else int(mid)
        if wanted is None or (wanted != rec.original_id and wanted not in rec.followups):
            return None
        record = self.fake.store.messages.get(wanted)
        return None if record is None or record.deleted else record

    async def execute(self, request: web.Request) -> web.Response:
        fake, store = self.fake, self.fake.store
        rec = self._interaction(request)
        if rec is None or not rec.callbacks:
            return named_error("unknown_webhook")
        body, uploads = await read_body(request)
        bad = check_message(body, uploads)
        if bad is not None:
            return bad
        channel = fake.world.channel(rec.channel_id)
        if channel is None:
            return named_error("unknown_channel")
        now = time.monotonic()
        original = store.messages.get(rec.original_id) if rec.original_id else None
        if original is not None and original.flags & LOADING and rec.callbacks[0]["type"] == DEFERRED:
            record = store.edit(original, body, uploads)  # the first follow-up fills the "thinking" message
            event = "MESSAGE_UPDATE"
        else:
            flags = int(body.get("flags") or 0) & (SENDABLE_FLAGS | EPHEMERAL)
            record = store.create(channel, fake.world.bot, body, uploads, source="followup", interaction=rec,
                                  flags=flags, msg_type=self._msg_type(rec))
            rec.followups.append(record.id)
            event = "MESSAGE_CREATE"
        if rec.final_at is None:
            rec.final_at = now
        store.waiters.poke()
        await fake.announce(record, event)
        return json_response(record.payload) if _truthy(request.query.get("wait")) else no_content()

    async def get_message(self, request: web.Request) -> web.Response:
        rec = self._interaction(request)
        if rec is None:
            return named_error("unknown_webhook")
        record = self._target(rec, request)
        return json_response(record.payload) if record else named_error("unknown_message")

    async def edit_message(self, request: web.Request) -> web.Response:
        rec = self._interaction(request)
        if rec is None:
            return named_error("unknown_webhook")
        record = self._target(rec, request)
        if record is None:
            return named_error("unknown_message")
        body, uploads = await read_body(request)
        bad = check_message(body, uploads, editing=True)
        if bad is not None:
            return bad
        self.fake.store.edit(record, body, uploads)
        if rec.final_at is None:
            rec.final_at = time.monotonic()
        self.fake.store.waiters.poke()
        await self.fake.announce(record, "MESSAGE_UPDATE")
        return json_response(record.payload)

    async def delete_message(self, request: web.Request) -> web.Response:
        rec = self._interaction(request)
        if rec is None:
            return named_error("unknown_webhook")
        record = self._target(rec, request)
        if record is None:
            return named_error("unknown_message")
        self.fake.store.delete(record)
        await self.fake.announce(record, "MESSAGE_DELETE")
        return no_content()
