"""Versioned migrations: a new database gets them all, an older one is brought up to date with its data kept, and
one newer than the code is refused."""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.cli import main
from bot.feeds.models import IngestBatch
from bot.intel.models import StoryRow
from storage import DatabaseTooNew, open_storage
from storage.errors import StorageError
from storage.migrate import available_migrations

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def _database_at(path: Path, version: int) -> None:
    """A database as a Sitrep that knew only the first `version` migrations left it."""
    with contextlib.closing(sqlite3.connect(path)) as db:
        for _, _, sql in available_migrations()[:version]:
            db.executescript(sql)
        db.execute(f"PRAGMA user_version = {version}")


async def test_a_new_database_gets_every_migration(tmp_path: Path) -> None:
    storage = await open_storage(tmp_path / "new.db")
    try:
        assert await storage.schema_version() == available_migrations()[-1][0]
    finally:
        await storage.close()


async def test_a_database_newer_than_the_code_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    latest = available_migrations()[-1][0]
    _database_at(path, latest)
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {latest + 1}")
    with pytest.raises(DatabaseTooNew, match=f"version {latest + 1}"):
        await open_storage(path)


def test_the_cli_refuses_a_newer_database_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "future.db"
    _database_at(path, available_migrations()[-1][0])
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 999")
    monkeypatch.setenv("SITREP_DATABASE", str(path))
    assert main(["feeds", "list"]) == 2
    err = capsys.readouterr().err
    assert "schema version 999" in err and len(err.strip().splitlines()) == 1


async def test_story_profiles_stored_as_json_keep_their_terms_and_weights(tmp_path: Path) -> None:
    path = tmp_path / "v3.db"
    _database_at(path, 3)
    with sqlite3.connect(path) as db:
        db.execute(
            """INSERT INTO stories (id, label, first_seen, last_seen, article_count, profile)
               VALUES (7, 'Drone deal', ?, ?, 2, '{"drone":4.25,"@IR":2.0,"déal":1.5}')""",
            ((NOW - timedelta(hours=2)).timestamp(), NOW.timestamp()),
        )
    storage = await open_storage(path)
    try:
        [story] = await storage.open_stories(NOW - timedelta(days=1))
        assert story.id == 7 and story.label == "Drone deal"
        assert story.profile == {"drone": 4.25, "@IR": 2.0, "déal": 1.5}
        assert list(story.profile) == ["drone", "@IR", "déal"]
    finally:
        await storage.close()


async def test_a_stored_profile_comes_back_in_order_with_two_decimals(tmp_path: Path) -> None:
    storage = await open_storage(tmp_path / "profile.db")
    profile = {"sanction": 3.14159, "@RU": 2.0, "tanker": 0.005, "brent": 12.344999}
    try:
        await storage.store_batch(IngestBatch(stories=(StoryRow(
            id=1, label="Oil sanctions", label_article_id=1, label_score=0.5, first_seen=NOW, last_seen=NOW,
            article_count=1, publisher_count=1, primary_domain="economy", actors={"RU": 1}, domains={"economy": 1},
            profile=profile, templates={}, terms_version=2),)))
        [story] = await storage.open_stories(NOW - timedelta(hours=1))
        assert story.profile == {term: round(weight, 2) for term, weight in profile.items()}
        assert list(story.profile) == list(profile)
        assert story.terms_version == 2
    finally:
        await storage.close()


async def test_a_profile_that_does_not_read_back_leaves_its_story_without_one(tmp_path: Path,
                                                                             caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "odd.db"
    _database_at(path, available_migrations()[-1][0])
    with contextlib.closing(sqlite3.connect(path)) as db, db:
        db.executemany(
            """INSERT INTO stories (id, label, first_seen, last_seen, article_count, profile_terms, profile_weights)
               VALUES (?, ?, ?, ?, 1, ?, ?)""",
            [(1, "Fine", NOW.timestamp(), NOW.timestamp(), "tanker brent", "2.50 1.25"),
             (2, "Too few weights", NOW.timestamp(), NOW.timestamp(), "tanker brent", "2.50"),
             (3, "Not a number", NOW.timestamp(), NOW.timestamp(), "tanker", "lots")],
        )
    storage = await open_storage(path)
    try:
        stories = {story.id: story for story in await storage.open_stories(NOW - timedelta(hours=1))}
    finally:
        await storage.close()
    assert stories[1].profile == {"tanker": 2.5, "brent": 1.25}
    assert stories[1].terms_version == 1  # written before a story's memory held its terms' version
    assert stories[2].profile == {} and stories[3].profile == {}
    assert "story 2: its stored profile does not read back" in caplog.text
    assert "story 3: its stored profile does not read back" in caplog.text


async def test_an_sqlite_too_old_for_the_schema_is_refused_in_one_line(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sqlite3, "sqlite_version_info", (3, 31, 1))
    monkeypatch.setattr(sqlite3, "sqlite_version", "3.31.1")
    with pytest.raises(StorageError, match=r"SQLite 3\.31\.1 is too old: Sitrep needs 3\.35\.5 or newer"):
        await open_storage(tmp_path / "old.db")
    assert not (tmp_path / "old.db").exists()
