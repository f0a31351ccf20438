"""Typed settings, read once at start-up from the environment (and `.env`).

Nothing here runs at import time: `main()` calls `load_dotenv()` and then `Settings.from_env()`, so
importing any module never needs a token, and tests build `Settings` directly.
A missing or malformed value raises `ConfigError` with one clear line; the CLI turns it into exit code 2.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

from bot import PROJECT_URL, __version__

T = TypeVar("T")


class ConfigError(ValueError):
    """A setting is missing or malformed; the message names the variable and what is expected."""


def _parse_bool(raw: str) -> bool:
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off", ""}:
        return False
    raise ValueError("expected true or false")


def _parse_positive_int(raw: str) -> int:
    value = int(raw.strip())
    if value <= 0:
        raise ValueError("expected a positive whole number")
    return value


def _parse_positive_float(raw: str) -> float:
    value = float(raw.strip())
    if not value > 0:
        raise ValueError("expected a positive number")
    return value


def _parse_optional_snowflake(raw: str) -> int | None:
    raw = raw.strip()
    if not raw:
        return None
    value = int(raw)
    if value <= 0:
        raise ValueError("expected a Discord id (a positive whole number)")
    return value


def _parse_float(raw: str) -> float:
    value = float(raw.strip())
    if not math.isfinite(value):
        raise ValueError("expected a finite number")
    return value


def default_analysis_workers() -> int:
    """One worker process per core beyond the one the event loop and the database use, at most 4."""
    return max(0, min(4, (os.cpu_count() or 1) - 1))


def _parse_workers(raw: str) -> int:
    value = int(raw.strip())
    if not 0 <= value <= 32:
        raise ValueError("expected a whole number from 0 to 32")
    return value


def _read(env: Mapping[str, str], name: str, parse: Callable[[str], T], default: T) -> T:
    raw = env.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return parse(raw)
    except ValueError as exc:
        raise ConfigError(f"{name}={raw!r} is not valid: {exc}") from None


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything Sitrep can be configured with; see `.env.example` for what each value means."""

    database: Path = Path("sitrep.db")
    discord_token: str | None = field(default=None, repr=False)
    dev_guild_id: int | None = None
    poll_interval_s: int = 900
    fetch_concurrency: int = 64
    analysis_workers: int = field(default_factory=lambda: default_analysis_workers())
    per_host_concurrency: int = 4
    connect_timeout_s: float = 10.0
    total_timeout_s: float = 30.0
    max_body_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    max_failures: int = 10
    retention_days: int = 90
    seen_retention_days: int = 400
    allow_private_addresses: bool = False
    posts_per_channel_per_cycle: int = 10
    brief_grace_hours: float = 2.0
    guild_retention_days: int = 30
    log_level: str = "INFO"
    # Test-only: point discord.py at a loopback fake Discord, and shift the scheduler's clock.
    discord_api_base: str | None = None
    clock_offset_s: float = 0.0

    @property
    def user_agent(self) -> str:
        return f"Sitrep/{__version__} (+{PROJECT_URL})"

    def with_overrides(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Build settings from `env` (default: `os.environ`); raise `ConfigError` on a bad value."""
        env = os.environ if env is None else env
        defaults = cls()
        log_level = _read(env, "SITREP_LOG_LEVEL", str, defaults.log_level).strip().upper()
        if log_level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise ConfigError(f"SITREP_LOG_LEVEL={log_level!r} is not valid: expected DEBUG, INFO, WARNING, ERROR or CRITICAL")
        api_base = _read(env, "SITREP_DISCORD_API_BASE", str, "").strip() or None
        if api_base is not None:
            _require_loopback_base(api_base)
        token = (env.get("DISCORD_TOKEN") or "").strip() or None
        return cls(
            database=Path(_read(env, "SITREP_DATABASE", str, str(defaults.database)).strip()),
            discord_token=token,
            dev_guild_id=_read(env, "SITREP_DEV_GUILD", _parse_optional_snowflake, None),
            poll_interval_s=_read(env, "SITREP_POLL_INTERVAL", _parse_positive_int, defaults.poll_interval_s),
            fetch_concurrency=_read(env, "SITREP_FETCH_CONCURRENCY", _parse_positive_int, defaults.fetch_concurrency),
            analysis_workers=_read(env, "SITREP_ANALYSIS_WORKERS", _parse_workers, defaults.analysis_workers),
            per_host_concurrency=_read(env, "SITREP_PER_HOST_CONCURRENCY", _parse_positive_int,
                                       defaults.per_host_concurrency),
            connect_timeout_s=_read(env, "SITREP_CONNECT_TIMEOUT", _parse_positive_float, defaults.connect_timeout_s),
            total_timeout_s=_read(env, "SITREP_TOTAL_TIMEOUT", _parse_positive_float, defaults.total_timeout_s),
            max_body_bytes=_read(env, "SITREP_MAX_BODY_BYTES", _parse_positive_int, defaults.max_body_bytes),
            max_redirects=_read(env, "SITREP_MAX_REDIRECTS", _parse_positive_int, defaults.max_redirects),
            max_failures=_read(env, "SITREP_MAX_FAILURES", _parse_positive_int, defaults.max_failures),
            retention_days=_read(env, "SITREP_RETENTION_DAYS", _parse_positive_int, defaults.retention_days),
            seen_retention_days=_read(env, "SITREP_SEEN_RETENTION_DAYS", _parse_positive_int,
                                      defaults.seen_retention_days),
            allow_private_addresses=_read(env, "SITREP_ALLOW_PRIVATE_ADDRESSES", _parse_bool, False),
            posts_per_channel_per_cycle=_read(env, "SITREP_POSTS_PER_CHANNEL", _parse_positive_int,
                                              defaults.posts_per_channel_per_cycle),
            brief_grace_hours=_read(env, "SITREP_BRIEF_GRACE_HOURS", _parse_positive_float,
                                    defaults.brief_grace_hours),
            guild_retention_days=_read(env, "SITREP_GUILD_RETENTION_DAYS", _parse_positive_int,
                                       defaults.guild_retention_days),
            log_level=log_level,
            discord_api_base=api_base,
            clock_offset_s=_read(env, "SITREP_TEST_CLOCK_OFFSET", _parse_float, 0.0),
        )


def _require_loopback_base(base: str) -> None:
    """The API-base override exists for the e2e tests only; refuse anything but a loopback address."""
    from urllib.parse import urlsplit

    parts = urlsplit(base)
    if parts.scheme not in {"http", "https"} or parts.hostname not in {"127.0.0.1", "localhost", "::1"}:
        raise ConfigError(
            f"SITREP_DISCORD_API_BASE={base!r} is not valid: it is test-only and must be a loopback http URL"
        )
