"""Versioned migrations: numbered SQL files, the version in `PRAGMA user_version`, all pending ones in one
transaction at start, and a database newer than the code refused."""

from __future__ import annotations

import logging
import re
from importlib import resources

import aiosqlite

from storage.errors import DatabaseTooNew

log = logging.getLogger(__name__)
_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


def available_migrations() -> list[tuple[int, str, str]]:
    """(version, name, sql) for each bundled migration, in order; versions must run 1, 2, 3 without gaps."""
    found = []
    for entry in resources.files("storage.migrations").iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    found.sort()
    for expected, (version, name, _) in enumerate(found, start=1):
        if version != expected:
            raise RuntimeError(f"migration {name} is out of sequence (expected version {expected})")
    return found


async def apply_migrations(db: aiosqlite.Connection) -> int:
    """Bring the schema up to date; return the resulting version."""
    migrations = available_migrations()
    latest = migrations[-1][0] if migrations else 0
    async with db.execute("PRAGMA user_version") as cursor:
        row = await cursor.fetchone()
    current = int(row[0]) if row else 0
    if current > latest:
        raise DatabaseTooNew(
            f"the database is at schema version {current}, but this Sitrep only knows up to {latest}; "
            "upgrade Sitrep or use another database"
        )
    pending = [(version, name, sql) for version, name, sql in migrations if version > current]
    if not pending:
        return current
    script = "".join(f"-- {name}\n{sql}\n" for _, name, sql in pending)
    try:
        # executescript runs outside Python's transaction handling, so the BEGIN/COMMIT here is the only one.
        await db.executescript(f"BEGIN IMMEDIATE;\n{script}\nPRAGMA user_version = {latest};\nCOMMIT;")
    except Exception:
        if db.in_transaction:
            await db.rollback()
        raise
    log.log(logging.INFO if current else logging.DEBUG, "database migrated from version %s to %s", current, latest)
    return latest
