"""Scenario 1: `sitrep run` connects to Discord and records its servers; `sitrep sync --guild` registers every
command on that server with the options and permissions the cogs declare (and `sitrep sync` globally)."""

from __future__ import annotations

from typing import Any

from tests.e2e.conftest import E2E
from tests.e2e.fakediscord import P
from tests.e2e.harness import eventually, query

STRING, INTEGER, CHANNEL, ATTACHMENT = 3, 4, 7, 11
SUBCOMMAND = 1
TEXT_CHANNEL = 0

# command -> subcommand (or "" for a plain command) -> {option: (type, required)}
EXPECTED: dict[str, dict[str, dict[str, tuple[int, bool]]]] = {
    "feed": {
        "add": {"url": (STRING, True), "channel": (CHANNEL, False)},
        "remove": {"feed": (INTEGER, True)}, "list": {}, "pause": {"feed": (INTEGER, True)},
        "resume": {"feed": (INTEGER, True)}, "preview": {"feed": (INTEGER, True)},
        "import": {"file": (ATTACHMENT, True), "channel": (CHANNEL, False)}, "export": {},
    },
    "watch": {
        "add": {"subject": (STRING, True), "channel": (CHANNEL, False)},
        "breaking": {"min_publishers": (INTEGER, False), "within_minutes": (INTEGER, False),
                     "channel": (CHANNEL, False)},
        "list": {}, "remove": {"watch": (INTEGER, True)},
    },
    "brief": {
        "now": {"hours": (INTEGER, False), "country": (STRING, False), "domain": (STRING, False)},
        "schedule": {"time": (STRING, True), "timezone": (STRING, True), "channel": (CHANNEL, False),
                     "weekdays": (STRING, False)},
        "list": {}, "cancel": {"schedule": (INTEGER, True)},
    },
    "search": {"": {"query": (STRING, True), "days": (INTEGER, False), "country": (STRING, False)}},
    "story": {"": {"id": (INTEGER, True)}},
    "relations": {"": {"a": (STRING, True), "b": (STRING, True), "days": (INTEGER, False)}},
    "about": {"": {}},
}
# Groups hidden from members without Manage Server in the client (the real check is in each command).
ADMIN_GROUPS = {"feed", "watch"}
AUTOCOMPLETE = {("feed", "remove", "feed"), ("feed", "pause", "feed"), ("feed", "resume", "feed"),
                ("feed", "preview", "feed"), ("brief", "schedule", "timezone"), ("brief", "cancel", "schedule"),
                ("watch", "add", "subject"), ("watch", "remove", "watch"), ("search", "", "country"),
                ("relations", "", "a"), ("relations", "", "b"), ("brief", "now", "country")}


def shape(command: dict[str, Any]) -> dict[str, dict[str, tuple[int, bool]]]:
    options = command.get("options") or []
    if options and all(o["type"] == SUBCOMMAND for o in options):
        return {sub["name"]: {o["name"]: (o["type"], bool(o.get("required"))) for o in sub.get("options") or []}
                for sub in options}
    return {"": {o["name"]: (o["type"], bool(o.get("required"))) for o in options}}


def leaf_options(command: dict[str, Any]) -> dict[tuple[str, str, str], dict[str, Any]]:
    out = {}
    for option in command.get("options") or []:
        if option["type"] == SUBCOMMAND:
            out.update({(command["name"], option["name"], o["name"]): o for o in option.get("options") or []})
        else:
            out[(command["name"], "", option["name"])] = option
    return out


async def test_run_connects_and_sync_registers_every_command(e2e: E2E) -> None:
    alpha, beta = e2e.guild("Alpha"), e2e.guild("Beta")
    bot = await e2e.start_bot()
    fake = e2e.fake
    assert fake.gateway_count("identify") == 1 and fake.gateway_count("ready") == 1
    assert "connected as Sitrep to 2 servers" in bot.log_text()
    names = dict(query(e2e.database, "SELECT guild_id, name FROM guilds WHERE left_at IS NULL"))
    assert names == {alpha.id: "Alpha", beta.id: "Beta"}
    assert fake.registered_commands(alpha.id) == [] and fake.registered_commands() == [], \
        "sync is deliberate: `sitrep run` must not register commands by itself"

    out = await e2e.sync(alpha.id)
    assert f"Synced {len(EXPECTED)} commands to server {alpha.id}" in out, out
    commands = {c["name"]: c for c in fake.registered_commands(alpha.id)}
    assert fake.registered_commands() == [] and fake.registered_commands(beta.id) == []
    assert set(commands) == set(EXPECTED)
    for name, command in commands.items():
        assert shape(command) == EXPECTED[name], f"/{name}: {shape(command)}"
        assert command["dm_permission"] is False or command.get("contexts") == [0], f"/{name} works in DMs"
        wanted = str(P.MANAGE_GUILD) if name in ADMIN_GROUPS else None
        assert command["default_member_permissions"] == wanted, f"/{name}: {command['default_member_permissions']}"
        for key, option in leaf_options(command).items():
            assert option.get("description"), f"{key} has no description"
            if option["type"] == CHANNEL:
                assert TEXT_CHANNEL in option["channel_types"], f"{key} cannot pick a text channel"
            assert bool(option.get("autocomplete")) == (key in AUTOCOMPLETE), f"{key} autocomplete"
    hours = leaf_options(commands["brief"])[("brief", "now", "hours")]
    assert (hours["min_value"], hours["max_value"]) == (1, 168)
    assert leaf_options(commands["feed"])[("feed", "add", "url")]["max_length"] == 2048

    # A second sync changes nothing but the version; a global sync registers the same set everywhere.
    ids = {name: c["id"] for name, c in commands.items()}
    await e2e.sync(alpha.id)
    assert {c["name"]: c["id"] for c in fake.registered_commands(alpha.id)} == ids
    out = await e2e.sync()
    assert f"Synced {len(EXPECTED)} global commands" in out, out
    assert {c["name"] for c in fake.registered_commands()} == set(EXPECTED)
    assert bot.running and fake.gateway_count("identify") == 1
    assert fake.counters()["unhandled"] == []


async def test_run_with_a_refused_token_exits_with_one_clear_line(e2e: E2E) -> None:
    bot = e2e.bot(DISCORD_TOKEN="not-the-token-0123456789").start()
    await eventually(lambda: not bot.running, 30, "`sitrep run` to exit")
    assert bot.proc is not None and bot.proc.returncode == 2
    assert "Discord refused the token: DISCORD_TOKEN is invalid" in bot.log_text()
    assert "Traceback" not in bot.log_text()
