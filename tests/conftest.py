"""Shared fixtures: settings for tests, a fresh database, and a scripted feed server on 127.0.0.1."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from bot.config import Settings
from storage import SqliteStorage, open_storage
from tests.helpers.feed_server import ScriptedServer


@pytest.fixture(autouse=True)
def _garbage_collector_as_it_was() -> Iterator[None]:
    """`sitrep` tunes the garbage collector for its whole process; tests that run the CLI must not leave it tuned."""
    thresholds = gc.get_threshold()
    yield
    gc.set_threshold(*thresholds)


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
