"""Drains the outbox to Discord: one message at a time, each with a nonce Discord enforces, marked sent after.

After a crash the pending rows are sent again with the same nonce, which Discord answers with the message it
already has, so nothing is lost and nothing is posted twice. A channel that refuses (403/404) marks its
subscription, watch or schedule broken and drops what was queued for it, including the rest of the batch in
hand: one refused request per owner, no retry storm. 429s are waited out by discord.py itself; a message
Discord rejects as malformed (other 4xx) is dropped at once; server errors, network errors and anything
unexpected are retried with backoff, so one bad row never holds up the rows behind it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from datetime import datetime, timedelta

import aiohttp
import discord

from bot.delivery.models import OutboxMessage
from bot.discord_adapter import message_kwargs
from storage.base import Storage

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
IDLE_WAIT_S = 30.0
HALT_GRACE_S = 5.0  # after the flush time: how long the message in hand may take before it is cut
OWNER_OF_KIND = {"post": "subscription", "overflow": "subscription", "notice": "subscription",
                 "watch": "watch", "breaking": "watch", "brief": "schedule"}


def _owner(message: OutboxMessage) -> tuple[str, int] | None:
    owner = OWNER_OF_KIND.get(message.kind)
    return (owner, message.ref_id) if owner and message.ref_id is not None else None


def nonce_for(outbox_id: int) -> str:
    """Stable per outbox row (at most 25 characters, as Discord requires)."""
    return f"sitrep-{outbox_id}"


class OutboxSender:
    def __init__(self, client: discord.Client, storage: Storage, clock: Callable[[], datetime]) -> None:
        self._client = client
        self._storage = storage
        self._clock = clock
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._running = False   # past wait_until_ready: the task may be in the middle of a message
        self._stopping = False  # drain what is due, then return
        self._halt = False      # finish the message in hand, then return
        self.sent = 0

    def wake(self) -> None:
        self._wake.set()

    def start(self) -> None:
        if self._task is None:
            self._stopping = self._halt = False
            self._task = asyncio.create_task(self._run(), name="sitrep-sender")

    async def stop(self, *, flush_for: float = 10.0) -> None:
        """Stop after sending what is due, for at most `flush_for` seconds. A message in hand is finished (sent
        and marked) rather than cut, so a stop never leaves a send half-recorded or a transaction open."""
        task, self._task = self._task, None
        self._stopping = True
        self._wake.set()
        if task is not None and not self._running:
            task.cancel()  # still waiting for the gateway: nothing in hand
            task = None
        if task is None:
            if flush_for <= 0:
                return
            task = asyncio.create_task(self.drain(), name="sitrep-sender-flush")
        if flush_for <= 0:
            self._halt = True
        done, _ = await asyncio.wait({task}, timeout=max(flush_for, 0))
        if not done:
            self._halt = True
            done, _ = await asyncio.wait({task}, timeout=HALT_GRACE_S)
            if not done:
                log.warning("the outbox sender did not stop within %.0f s; cancelling it", HALT_GRACE_S)
                task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            pass
        except Exception:
            log.exception("flushing the outbox failed; what is left is sent at the next start")
        finally:
            self._running = False

    async def drain(self) -> int:
        """Send everything due now; return how many were handled."""
        handled = 0
        while not self._halt and (batch := await self._storage.pending_outbox(self._clock(), limit=50)):
            refused: set[tuple[str, int]] = set()
            for message in batch:
                if self._halt:
                    break
                owner = _owner(message)
                if owner is not None and owner in refused:
                    continue  # dropped with its owner when the channel refused an earlier row
                if not await self._send(message) and owner is not None:
                    refused.add(owner)
                handled += 1
        return handled

    async def _run(self) -> None:
        await self._client.wait_until_ready()
        self._running = True
        while True:
            try:
                await self.drain()
            except Exception:
                log.exception("the outbox sender failed; retrying shortly")
            if self._stopping:
                return
            self._wake.clear()
            next_attempt = await self._storage.next_outbox_attempt()
            wait = IDLE_WAIT_S if next_attempt is None else (next_attempt - self._clock()).total_seconds()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=min(max(wait, 0.2), IDLE_WAIT_S))

    async def _send(self, message: OutboxMessage) -> bool:
        """Send one row and record the outcome; False when the channel refused it (the owner is now broken)."""
        channel = self._client.get_channel(message.channel_id) or self._client.get_partial_messageable(
            message.channel_id, guild_id=message.guild_id)
        try:
            sent = await channel.send(nonce=nonce_for(message.id), **message_kwargs(message.payload))  # type: ignore[union-attr]
        except (discord.Forbidden, discord.NotFound) as exc:
            await self._refused(message, exc)
            return False
        except discord.HTTPException as exc:
            if 400 <= exc.status < 500 and exc.status not in (408, 429):
                log.error("outbox %s rejected by Discord (HTTP %s, code %s): %s; dropped", message.id, exc.status,
                          exc.code, exc.text or exc)
                await self._storage.drop_outbox(message.id, f"HTTP {exc.status}: {exc.text or exc}")
            else:
                await self._retry(message, f"HTTP {exc.status}: {exc.text or exc}")
            return True
        except (OSError, asyncio.TimeoutError, aiohttp.ClientError) as exc:
            await self._retry(message, f"network: {type(exc).__name__}: {exc}")
            return True
        except Exception as exc:  # noqa: BLE001 - one bad row must not block the queue behind it
            log.exception("outbox %s could not be sent", message.id)
            await self._retry(message, f"{type(exc).__name__}: {exc}")
            return True
        await self._storage.mark_outbox_sent(message.id, sent.id, self._clock())
        self.sent += 1
        return True

    async def _refused(self, message: OutboxMessage, exc: discord.HTTPException) -> None:
        reason = "the bot may not post in that channel" if isinstance(exc, discord.Forbidden) \
            else "the channel no longer exists"
        reason = f"{reason} (HTTP {exc.status}, code {exc.code})"
        log.warning("outbox %s to channel %s refused: %s", message.id, message.channel_id, reason)
        await self._storage.drop_outbox(message.id, reason)
        owner = _owner(message)
        if owner is not None:
            await self._storage.mark_broken(*owner, reason)
            await self._storage.drop_pending_for(*owner, reason)

    async def _retry(self, message: OutboxMessage, error: str) -> None:
        if message.attempts + 1 >= MAX_ATTEMPTS:
            log.error("outbox %s dropped after %d attempts: %s", message.id, message.attempts + 1, error)
            await self._storage.drop_outbox(message.id, error)
            return
        delay = timedelta(seconds=min(2 ** message.attempts * 5, 900))
        log.warning("outbox %s failed (%s); retrying in %s", message.id, error, delay)
        await self._storage.retry_outbox(message.id, error, self._clock() + delay)
