"""The end-to-end environment: a fake Discord and a feed server in the test's loop, `sitrep` as child processes.

The `e2e` fixture gives a test everything it needs (see `tests/e2e/harness.py`); on failure the bot's log and
the fake's counters are printed; in teardown every process the test started is killed, whatever happened. The
full load scenario is marked `slow` and runs only when asked for (`pytest -m slow tests/e2e`, or
SITREP_E2E_SLOW=1); CI runs its shorter version.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.harness import E2E, Guild, e2e_environment

__all__ = ["E2E", "Guild"]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if "slow" in (config.getoption("-m") or "") or os.environ.get("SITREP_E2E_SLOW") == "1":
        return
    skip = pytest.mark.skip(reason="slow: run with `pytest -m slow tests/e2e` (or bench/e2e_load.py)")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[Any]) -> Iterator[None]:
    outcome = yield
    report = outcome.get_result()
    if report.failed:
        item.e2e_failed = True  # type: ignore[attr-defined]


@pytest.fixture
async def e2e(tmp_path: Path, request: pytest.FixtureRequest) -> AsyncIterator[E2E]:
    async with e2e_environment(tmp_path, seed=zlib.crc32(request.node.name.encode())) as env:
        try:
            yield env
        finally:
            env.kill_all()
            if getattr(request.node, "e2e_failed", False):
                print(f"\n----- bot log ({env.log_path}), last lines -----\n{env.log_tail(400)}")
                print(f"----- fake discord counters -----\n{env.fake.counters()}")
