"""Domain code never imports discord: the CLI, a cog and a scheduled task call it the same way."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOMAIN_MODULES = [
    "bot.config", "bot.pipeline", "bot.facts", "bot.analyze", "bot.cli", "storage",
    "bot.feeds.fetcher", "bot.feeds.parser", "bot.feeds.dedup", "bot.feeds.ingest", "bot.feeds.identity",
    "bot.feeds.opml", "bot.feeds.ssrf", "bot.feeds.urls", "bot.feeds.schedule",
    "bot.intel.actors", "bot.intel.domains", "bot.intel.tone", "bot.intel.stories", "bot.intel.briefing",
    "bot.intel.relations", "bot.intel.service", "bot.intel.render", "bot.intel.analyst", "bot.demo.runner",
]


def test_domain_modules_do_not_import_discord() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {DOMAIN_MODULES!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'discord' or m.startswith('discord.'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_sql_lives_only_in_storage() -> None:
    offenders = []
    for path in (ROOT / "bot").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if any(keyword in text for keyword in ("SELECT ", "INSERT INTO", "UPDATE feeds", "DELETE FROM")):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_sqlite_storage_implements_every_method_of_the_protocol() -> None:
    import inspect

    from storage import SqliteStorage, Storage

    wanted = [name for name, value in vars(Storage).items() if not name.startswith("_") and callable(value)]
    assert len(wanted) > 50
    for name in wanted:
        implementation = getattr(SqliteStorage, name, None)
        assert implementation is not None, f"SqliteStorage lacks {name}"
        declared = list(inspect.signature(getattr(Storage, name)).parameters)
        assert list(inspect.signature(implementation).parameters) == declared, name


def test_analysis_workers_import_neither_discord_nor_scipy() -> None:
    """What a worker process imports to prepare feeds stays lean: no Discord client, and no scipy (which
    datasketch would bring, about 40 MB per process)."""
    code = (
        "import sys\n"
        "import bot.facts\n"
        "bot.facts._warm_up()\n"
        "bot.facts.prepare_feed(b'<rss version=\"2.0\"><channel><title>t</title><item><title>Kyiv</title>"
        "<description>Drones hit Kyiv overnight.</description></item></channel></rss>')\n"
        "bad = sorted({m.split('.')[0] for m in sys.modules} & {'discord', 'scipy', 'datasketch', 'matplotlib'})\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
