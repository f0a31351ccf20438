"""Scenario 1: `sitrep run` connects to Discord; `sitrep sync --guild` registers every command as declared."""

from __future__ import annotations

from tests.e2e.conftest import E2E
from tests.e2e.fakediscord import P

MANAGE_GUILD = str(P.MANAGE_GUILD)


async def test_connects_and_sync_registers_every_command(e2e: E2E) -> None:
    alpha = e2e.guild("Alpha")
    bot = await e2e.start_bot()
    print(e2e.fake.gateway.snapshot())
    out = await e2e.sync(alpha.id)
    print(out)
    for c in e2e.fake.registered_commands(alpha.id):
        print(c)
