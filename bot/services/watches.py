"""A server's watches: an actor or a phrase to be alerted about, and breaking-news thresholds."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from bot.delivery.models import Watch
from bot.intel.actors import Gazetteer
from bot.services.errors import UserFacingError
from storage.base import Storage

MAX_WATCHES_PER_GUILD = 100
MIN_PHRASE = 3
MAX_PHRASE = 100


class WatchService:
    def __init__(self, storage: Storage, gazetteer: Gazetteer, *, clock: Callable[[], datetime]) -> None:
        self._storage = storage
        self._gazetteer = gazetteer
        self._clock = clock

    async def add(self, guild_id: int, channel_id: int, subject: str, *, user_id: int | None) -> tuple[Watch, bool]:
        """Watch a country or organisation (by any name we know), else the words as a phrase."""
        subject = " ".join(subject.split())
        actor = self._gazetteer.resolve(subject)
        if actor is not None:
            watch = Watch(0, guild_id, channel_id, "actor", actor.id)
        elif MIN_PHRASE <= len(subject) <= MAX_PHRASE:
            watch = Watch(0, guild_id, channel_id, "phrase", subject)
        else:
            raise UserFacingError(f"Watch a country, an organisation, or a phrase of {MIN_PHRASE} to {MAX_PHRASE} "
                                  "characters.")
        await self._check_room(guild_id)
        return await self._storage.add_watch(watch, created_by=user_id, now=self._clock())

    async def add_breaking(self, guild_id: int, channel_id: int, *, min_publishers: int, within_minutes: int,
                           user_id: int | None) -> tuple[Watch, bool]:
        if not 2 <= min_publishers <= 20:
            raise UserFacingError("min_publishers must be between 2 and 20.")
        if not 5 <= within_minutes <= 24 * 60:
            raise UserFacingError("within_minutes must be between 5 and 1440.")
        await self._check_room(guild_id)
        watch = Watch(0, guild_id, channel_id, "breaking", "", min_publishers, within_minutes)
        return await self._storage.add_watch(watch, created_by=user_id, now=self._clock())

    async def list(self, guild_id: int) -> list[Watch]:
        return await self._storage.list_watches(guild_id)

    async def remove(self, guild_id: int, watch_id: int) -> None:
        if not await self._storage.remove_watch(guild_id, watch_id):
            raise UserFacingError(f"There is no watch #{watch_id} on this server (see /watch list).")

    def describe(self, watch: Watch) -> str:
        if watch.kind == "actor":
            actor = self._gazetteer.get(watch.value)
            return actor.name if actor else watch.value
        if watch.kind == "phrase":
            return f"“{watch.value}”"
        return f"breaking: {watch.min_publishers} outlets within {watch.within_minutes} min"

    async def _check_room(self, guild_id: int) -> None:
        if len(await self._storage.list_watches(guild_id)) >= MAX_WATCHES_PER_GUILD:
            raise UserFacingError(f"This server already has {MAX_WATCHES_PER_GUILD} watches; remove one first.")
