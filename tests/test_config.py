"""Settings from the environment: defaults, one clear error per bad value, and the CLI's exit code 2."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import FrozenInstanceError
from pathlib import Path

import pytest

from bot import PROJECT_URL, __version__
from bot.config import ConfigError, Settings

REPO_ROOT = Path(__file__).resolve().parent.parent
TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GhIjKl.super-secret-token-value"


def test_defaults_from_an_empty_environment() -> None:
    settings = Settings.from_env({})
    assert settings == Settings()
    assert settings.database == Path("sitrep.db")
    assert settings.discord_token is None
    assert settings.dev_guild_id is None
    assert settings.poll_interval_s == 900
    assert settings.allow_private_addresses is False
    assert settings.max_redirects == 5
    assert settings.log_level == "INFO"
    assert settings.discord_api_base is None


def test_blank_values_mean_the_default() -> None:
    assert Settings.from_env({"SITREP_POLL_INTERVAL": "  ", "SITREP_DEV_GUILD": "", "DISCORD_TOKEN": " "}) == Settings()


def test_values_are_read_and_trimmed() -> None:
    settings = Settings.from_env({
        "SITREP_DATABASE": " /data/sitrep.db ",
        "DISCORD_TOKEN": f" {TOKEN} ",
        "SITREP_DEV_GUILD": "123456789012345678",
        "SITREP_POLL_INTERVAL": " 300 ",
        "SITREP_TOTAL_TIMEOUT": "2.5",
        "SITREP_ALLOW_PRIVATE_ADDRESSES": "Yes",
        "SITREP_LOG_LEVEL": "debug",
        "SITREP_DISCORD_API_BASE": "http://127.0.0.1:8765/api",
        "SITREP_TEST_CLOCK_OFFSET": "-3600",
        "SITREP_ANALYSIS_WORKERS": " 0 ",
    })
    assert settings.database == Path("/data/sitrep.db")
    assert settings.discord_token == TOKEN
    assert settings.dev_guild_id == 123456789012345678
    assert settings.poll_interval_s == 300
    assert settings.total_timeout_s == 2.5
    assert settings.allow_private_addresses is True
    assert settings.log_level == "DEBUG"
    assert settings.discord_api_base == "http://127.0.0.1:8765/api"
    assert settings.clock_offset_s == -3600.0
    assert settings.analysis_workers == 0


def test_analysis_workers_default_to_the_cores_beyond_the_first(monkeypatch: pytest.MonkeyPatch) -> None:
    for cores, workers in ((1, 0), (2, 1), (4, 3), (64, 4), (None, 0)):
        monkeypatch.setattr("os.cpu_count", lambda cores=cores: cores)
        assert Settings.from_env({}).analysis_workers == workers


@pytest.mark.parametrize(("raw", "expected"), [
    ("1", True), ("true", True), ("ON", True), ("yes", True),
    ("0", False), ("false", False), ("Off", False), ("no", False),
])
def test_booleans(raw: str, expected: bool) -> None:
    assert Settings.from_env({"SITREP_ALLOW_PRIVATE_ADDRESSES": raw}).allow_private_addresses is expected


@pytest.mark.parametrize(("name", "value"), [
    ("SITREP_POLL_INTERVAL", "abc"),
    ("SITREP_POLL_INTERVAL", "0"),
    ("SITREP_POLL_INTERVAL", "-60"),
    ("SITREP_POLL_INTERVAL", "1.5"),
    ("SITREP_ALLOW_PRIVATE_ADDRESSES", "maybe"),
    ("SITREP_DEV_GUILD", "-5"),
    ("SITREP_DEV_GUILD", "guild"),
    ("SITREP_LOG_LEVEL", "LOUD"),
    ("SITREP_DISCORD_API_BASE", "http://example.com"),
    ("SITREP_DISCORD_API_BASE", "https://discord.com/api"),
    ("SITREP_DISCORD_API_BASE", "ftp://127.0.0.1/"),
    ("SITREP_TOTAL_TIMEOUT", "0"),
    ("SITREP_TOTAL_TIMEOUT", "nan"),
    ("SITREP_CONNECT_TIMEOUT", "-1"),
    ("SITREP_MAX_BODY_BYTES", "5MB"),
    ("SITREP_FETCH_CONCURRENCY", "0"),
    ("SITREP_ANALYSIS_WORKERS", "-1"),
    ("SITREP_ANALYSIS_WORKERS", "many"),
    ("SITREP_ANALYSIS_WORKERS", "33"),
])
def test_malformed_value_raises_config_error_naming_the_variable(name: str, value: str) -> None:
    with pytest.raises(ConfigError) as caught:
        Settings.from_env({name: value})
    message = str(caught.value)
    assert message.startswith(name)
    assert "not valid" in message
    assert "\n" not in message


def test_config_error_is_a_value_error() -> None:
    assert issubclass(ConfigError, ValueError)


def test_token_is_not_in_repr() -> None:
    settings = Settings.from_env({"DISCORD_TOKEN": TOKEN})
    assert settings.discord_token == TOKEN
    assert TOKEN not in repr(settings)
    assert TOKEN not in str(settings)
    assert "super-secret" not in repr(settings.with_overrides(poll_interval_s=60))


def test_settings_are_frozen_and_overrides_copy() -> None:
    settings = Settings()
    with pytest.raises(FrozenInstanceError):
        settings.poll_interval_s = 1  # type: ignore[misc]
    changed = settings.with_overrides(poll_interval_s=60)
    assert changed.poll_interval_s == 60
    assert settings.poll_interval_s == 900


def test_user_agent() -> None:
    assert Settings().user_agent == f"Sitrep/{__version__} (+{PROJECT_URL})"


def test_from_env_reads_os_environ_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITREP_POLL_INTERVAL", "120")
    assert Settings.from_env().poll_interval_s == 120


def _clean_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items()
           if not key.startswith("SITREP_") and key != "DISCORD_TOKEN" and key != "PYTHONPATH"}
    env.update(PYTHONPATH=str(REPO_ROOT), SITREP_DATABASE=str(tmp_path / "cli.db"), **extra)
    return env


def test_cli_with_a_bad_setting_exits_2_with_one_line_and_no_traceback(tmp_path: Path) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "bot", "search", "x"],
        cwd=tmp_path, env=_clean_env(tmp_path, SITREP_POLL_INTERVAL="abc"),
        capture_output=True, text=True, timeout=60,
    )
    assert completed.returncode == 2, completed.stderr
    lines = completed.stderr.strip().splitlines()
    assert len(lines) == 1, completed.stderr
    assert "SITREP_POLL_INTERVAL" in lines[0]
    assert "abc" in lines[0]
    assert "Traceback" not in completed.stderr
    assert completed.stdout == ""
    assert not (tmp_path / "cli.db").exists()


def test_cli_reads_dotenv_from_its_working_directory(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("SITREP_LOG_LEVEL=LOUD\n")
    completed = subprocess.run(
        [sys.executable, "-m", "bot", "search", "x"],
        cwd=tmp_path, env=_clean_env(tmp_path), capture_output=True, text=True, timeout=60,
    )
    assert completed.returncode == 2
    assert "SITREP_LOG_LEVEL" in completed.stderr
    assert "Traceback" not in completed.stderr


def test_cli_environment_wins_over_dotenv(tmp_path: Path) -> None:
    # The log level is checked first: were `.env` to win, the error would name SITREP_LOG_LEVEL.
    (tmp_path / ".env").write_text("SITREP_LOG_LEVEL=LOUD\n")
    completed = subprocess.run(
        [sys.executable, "-m", "bot", "search", "x"],
        cwd=tmp_path, env=_clean_env(tmp_path, SITREP_LOG_LEVEL="INFO", SITREP_POLL_INTERVAL="0"),
        capture_output=True, text=True, timeout=60,
    )
    assert completed.returncode == 2
    assert "SITREP_POLL_INTERVAL" in completed.stderr
    assert "SITREP_LOG_LEVEL" not in completed.stderr
