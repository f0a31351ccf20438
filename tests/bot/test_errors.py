"""One error path: a short ephemeral answer for the user, with an id that finds the traceback in the log."""

from __future__ import annotations

import logging
import re

import pytest

from tests.bot.conftest import DEADLINE, BotEnv
from tests.bot.samples import STRIKE


def failing(*_args: object, **_kwargs: object) -> object:
    async def boom() -> None:
        raise RuntimeError("database on fire")
    return boom()


async def test_an_unexpected_error_is_logged_with_an_id_and_answered_ephemerally(
        bot_env: BotEnv, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    env = bot_env
    monkeypatch.setattr(env.storage, "stats", failing)
    with caplog.at_level(logging.ERROR, logger="bot.tree"):
        response = await env.slash("about")
    assert response["ephemeral"]
    text = response["message"]["content"]
    match = re.fullmatch(r"Something went wrong on my side \(error id `([0-9a-f]{8})`\)\. It has been logged\.", text)
    assert match, text
    assert "database on fire" not in text  # the details stay in the log
    [record] = [r for r in caplog.records if match.group(1) in r.getMessage()]
    assert "/about" in record.getMessage() and str(env.guild.id) in record.getMessage()
    assert record.exc_info and "database on fire" in str(record.exc_info[1])


async def test_an_error_after_a_public_deferral_is_not_shown_to_everyone(
        bot_env: BotEnv, monkeypatch: pytest.MonkeyPatch) -> None:
    env = bot_env
    await env.subscribe(env.serve_items("/a", [STRIKE]))
    monkeypatch.setattr(env.bot.services.intel, "relations", failing)
    iid = await env.fake.slash(env.guild.id, env.general, env.admin, "relations", a="Iran", b="Israel")
    record = env.fake.store.interactions[iid]
    await env.fake.waiters.wait(lambda: bool(record.followups), DEADLINE, "the error follow-up")
    response = env.fake.interaction(iid)
    assert response["deferred"]
    assert response["message"]["deleted"]  # the public "thinking…" placeholder is gone
    [error] = response["followups"]
    assert error["ephemeral"] and "Something went wrong on my side" in error["content"]
    assert [m for m in env.fake.messages(env.general) if "went wrong" in m["content"]] == []


async def test_a_user_error_after_an_ephemeral_deferral_replaces_the_placeholder(bot_env: BotEnv) -> None:
    env = bot_env
    response = await env.slash("feed add", url=env.feeds.url("/missing"))
    assert response["deferred"] and response["ephemeral"]
    assert "I couldn't read that feed: HTTP 404" in response["message"]["content"]
    assert response["followups"] == []
