"""Logging, configured once by the CLI: one line per record on stderr, secrets redacted; analysis workers log
the same way, at the same level."""

from __future__ import annotations

import logging
import sys


class RedactSecrets(logging.Filter):
    """Replace every known secret in a record's final message, whatever logged it (discord.py included)."""

    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self._secrets = [secret for secret in secrets if secret and len(secret) >= 8]

    def filter(self, record: logging.LogRecord) -> bool:
        if not self._secrets:
            return True
        message = record.getMessage()
        redacted = message
        for secret in self._secrets:
            redacted = redacted.replace(secret, "[redacted]")
        if redacted != message:
            record.msg, record.args = redacted, None
        if record.exc_info and record.exc_info[1] is not None:
            text = logging.Formatter().formatException(record.exc_info)
            for secret in self._secrets:
                text = text.replace(secret, "[redacted]")
            record.exc_text, record.exc_info = text, None
        return True


LOG_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"
WORKER_LOG_FORMAT = "%(asctime)s %(levelname)-7s %(name)s [analysis worker %(process)d]: %(message)s"


def configure_logging(level: str | int, secrets: list[str], log_format: str = LOG_FORMAT) -> None:
    """One line per record on stderr, `secrets` redacted. Analysis workers call it too (`WORKER_LOG_FORMAT`, no
    secrets: they read feed text only), as each is a fresh interpreter ("spawn") whose records would otherwise
    reach stderr bare (no time, level or logger) or not at all below WARNING."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(log_format))
    handler.addFilter(RedactSecrets(secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for noisy in ("discord.http", "discord.gateway", "aiosqlite", "asyncio", "matplotlib"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, root.level))
