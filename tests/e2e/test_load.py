"""Scenario 8: load. Many servers, subscriptions and feeds, a steady stream of slash commands while stories
keep arriving: every interaction acknowledged within Discord's 3 s (p99 reported), no post lost or repeated.

CI runs the short version; the full one (50 servers, 500 subscriptions over 200 feeds, 20 interactions/s for
60 s) is marked slow here and is `bench/e2e_load.py`, whose figures are in bench/README.md.
"""

from __future__ import annotations

import pytest

from tests.e2e.conftest import E2E
from tests.e2e.load import LoadConfig, check, run_load


async def test_load_short(e2e: E2E) -> None:
    result = await run_load(e2e, LoadConfig.short())
    print(f"\nload (short): {result.summary()}\nper command p99 (ms): {result.by_command_p99_ms}")
    assert check(result) == [], result.summary()


@pytest.mark.slow
async def test_load_full(e2e: E2E) -> None:
    result = await run_load(e2e, LoadConfig.full())
    print(f"\nload (full): {result.summary()}\nper command p99 (ms): {result.by_command_p99_ms}")
    assert check(result) == [], result.summary()
