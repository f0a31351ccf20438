"""/brief now, schedule, list and cancel: success, bad input, permissions, and isolation between servers."""

from __future__ import annotations

import json

import pytest

from bot.delivery.messages import MessagePayload, validate_payload
from tests.bot.conftest import BotEnv
from tests.bot.samples import FOOTBALL, STRIKE, STRIKE_FOLLOW_UP, VOLCANO
from tests.bot.test_feed_commands import assert_ephemeral_error, content
from tests.e2e.fakediscord import P


def briefing_text(response: dict) -> str:
    messages = [response["message"], *response["followups"]]
    return json.dumps([[m["content"], m["embeds"]] for m in messages], ensure_ascii=False)


async def alpha_and_beta_read_different_news(env: BotEnv) -> None:
    await env.subscribe(env.serve_items("/alpha", [STRIKE, STRIKE_FOLLOW_UP], title="Alpha News"))
    await env.subscribe(env.serve_items("/beta", [VOLCANO], title="Beta News"), guild=env.other_guild)


# ----- /brief now ------------------------------------------------------------------------------------------------

async def test_now_briefs_on_this_servers_stories_only(bot_env: BotEnv) -> None:
    env = bot_env
    await alpha_and_beta_read_different_news(env)
    response = await env.slash("brief now", hours=24)
    assert not response["ephemeral"] and response["deferred"]
    assert "Briefing: the last 24 hours" in response["message"]["content"]
    text = briefing_text(response)
    assert "Isfahan" in text and "Grindavik" not in text and "Volcano" not in text
    for message in [response["message"], *response["followups"]]:
        validate_payload(MessagePayload(message["content"], tuple(message["embeds"])))
        assert message["allowed_mentions"] == {"parse": []}

    beta = briefing_text(await env.beta("brief now"))
    assert "Volcano" in beta and "Isfahan" not in beta


async def test_now_filters_by_country_and_domain(bot_env: BotEnv) -> None:
    env = bot_env
    await env.subscribe(env.serve_items("/alpha", [STRIKE, FOOTBALL, VOLCANO]))
    text = briefing_text(await env.slash("brief now", country="Iran"))
    assert "Isfahan" in text and "Brazil" not in text and "Volcano" not in text
    text = briefing_text(await env.slash("brief now", domain="military"))
    assert "Isfahan" in text and "Brazil" not in text


async def test_now_with_nothing_to_say_says_so(bot_env: BotEnv) -> None:
    response = await bot_env.slash("brief now")
    assert "Nothing in this period" in response["message"]["content"]


async def test_now_refuses_an_unknown_country(bot_env: BotEnv) -> None:
    response = await bot_env.slash("brief now", country="Atlantis")
    assert_ephemeral_error(response, "'Atlantis' is not a country I know")


async def test_now_is_open_to_every_member(bot_env: BotEnv) -> None:
    env = bot_env
    await env.subscribe(env.serve_items("/alpha", [STRIKE]))
    response = await env.slash("brief now", user=env.member)
    assert "Isfahan" in briefing_text(response)


# ----- /brief schedule -------------------------------------------------------------------------------------------

async def test_schedule_then_the_briefing_arrives_at_the_local_time(bot_env: BotEnv) -> None:
    env = bot_env  # the clock starts at 12:00 UTC, 13:00 in Paris
    await env.subscribe(env.serve_items("/alpha", [STRIKE]))
    response = await env.slash("brief schedule", time="14:30", timezone="Europe/Paris", channel=env.news,
                               weekdays="mon-fri")
    assert response["ephemeral"]
    [schedule] = await env.storage.list_schedules(env.guild.id)
    assert f"Briefing #{schedule.id} scheduled at 14:30 Europe/Paris, mon, tue, wed, thu, fri" in content(response)
    assert f"<#{env.news}>" in content(response)

    assert await env.bot.services.briefings.run_due(env.clock()) == 0  # 13:00 in Paris: not yet
    env.clock.advance(hours=1, minutes=31)
    assert await env.bot.services.briefings.run_due(env.clock()) == 1
    await env.bot.sender.drain()
    [briefing] = env.posts(env.news)
    assert "Briefing for 2026-11-20" in briefing["content"] and "Isfahan" in json.dumps(briefing["embeds"])
    assert await env.bot.services.briefings.run_due(env.clock()) == 0  # once per local date


@pytest.mark.parametrize(("options", "needle"), [
    ({"time": "07:30", "timezone": "Mars/Olympus_Mons"}, "not an IANA time zone"),
    ({"time": "25:99", "timezone": "Europe/Paris"}, "not a time of day"),
    ({"time": "07:30", "timezone": "Europe/Paris", "weekdays": "funday"}, "not a weekday"),
])
async def test_schedule_refuses_bad_input(bot_env: BotEnv, options: dict, needle: str) -> None:
    env = bot_env
    assert_ephemeral_error(await env.slash("brief schedule", **options), needle)
    assert await env.storage.list_schedules(env.guild.id) == []


async def test_schedule_checks_the_bot_can_post_in_the_channel(bot_env: BotEnv) -> None:
    env = bot_env
    env.fake.set_overwrite(env.news, env.fake.bot_user.id, deny=P.ATTACH_FILES, kind="member")
    response = await env.slash("brief schedule", time="07:30", timezone="Europe/Paris", channel=env.news)
    assert_ephemeral_error(response, "Attach Files")
    assert await env.storage.list_schedules(env.guild.id) == []


async def test_schedule_needs_manage_server(bot_env: BotEnv) -> None:
    env = bot_env
    response = await env.slash("brief schedule", time="07:30", timezone="Europe/Paris", user=env.member)
    assert_ephemeral_error(response, "Manage Server")
    assert await env.storage.list_schedules(env.guild.id) == []


async def test_a_scheduled_briefing_shows_only_the_servers_own_feeds(bot_env: BotEnv) -> None:
    env = bot_env
    await alpha_and_beta_read_different_news(env)
    await env.beta("brief schedule", time="13:30", timezone="Europe/Paris")
    env.clock.advance(minutes=31)
    await env.bot.services.briefings.run_due(env.clock())
    await env.bot.sender.drain()
    [briefing] = env.posts(env.other_general)
    assert "Volcano" in json.dumps(briefing["embeds"])
    assert "Isfahan" not in json.dumps(briefing["embeds"])


# ----- /brief list and /brief cancel -----------------------------------------------------------------------------

async def test_list_shows_this_servers_schedules_to_its_members(bot_env: BotEnv) -> None:
    env = bot_env
    await env.slash("brief schedule", time="07:30", timezone="Europe/Paris", channel=env.news)
    await env.beta("brief schedule", time="18:45", timezone="Asia/Tokyo")
    response = await env.slash("brief list", user=env.member)
    assert response["ephemeral"]
    text = response["message"]["embeds"][0]["description"]
    assert "07:30 Europe/Paris daily" in text and f"<#{env.news}>" in text and "<t:" in text
    assert "Tokyo" not in text
    beta = (await env.beta("brief list"))["message"]["embeds"][0]["description"]
    assert "Tokyo" in beta and "Paris" not in beta


async def test_cancel_removes_a_schedule(bot_env: BotEnv) -> None:
    env = bot_env
    await env.slash("brief schedule", time="07:30", timezone="Europe/Paris")
    [schedule] = await env.storage.list_schedules(env.guild.id)
    response = await env.slash("brief cancel", schedule=schedule.id)
    assert response["ephemeral"] and f"Cancelled briefing #{schedule.id}" in content(response)
    assert await env.storage.list_schedules(env.guild.id) == []
    assert_ephemeral_error(await env.slash("brief cancel", schedule=schedule.id), "There is no briefing schedule")


async def test_cancel_needs_manage_server_and_cannot_reach_another_server(bot_env: BotEnv) -> None:
    env = bot_env
    await env.slash("brief schedule", time="07:30", timezone="Europe/Paris")
    [schedule] = await env.storage.list_schedules(env.guild.id)
    assert_ephemeral_error(await env.slash("brief cancel", schedule=schedule.id, user=env.member), "Manage Server")
    assert_ephemeral_error(await env.beta("brief cancel", schedule=schedule.id),
                           f"There is no briefing schedule #{schedule.id} on this server")
    assert [s.id for s in await env.storage.list_schedules(env.guild.id)] == [schedule.id]
