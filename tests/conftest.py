"""Shared fixtures: settings for tests, a fresh database, and a scripted feed server on 127.0.0.1."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.config import Settings
from storage import SqliteStorage, open_storage
from tests.helpers.feed_server import ScriptedServer


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(database=tmp_path / "sitrep.db", allow_private_addresses=True, total_timeout_s=5.0,
                    connect_timeout_s=2.0)


@pytest.fixture
async def storage(tmp_path: Path) -> AsyncIterator[SqliteStorage]:
    store = await open_storage(tmp_path / "test.db")
    yield store
    await store.close()


@pytest.fixture
async def feed_server() -> AsyncIterator[ScriptedServer]:
    server = ScriptedServer()
    await server.start()
    yield server
    await server.stop()
