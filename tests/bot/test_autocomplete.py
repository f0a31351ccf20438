"""Autocomplete for feeds, countries, organisations, watches, schedules and time zones: useful choices, only the
server's own, at most 25; and what is submitted is checked again, since autocomplete is only a suggestion."""

from __future__ import annotations

from tests.bot.conftest import BotEnv
from tests.bot.samples import OLD
from tests.bot.test_feed_commands import assert_ephemeral_error


def names(choices: list[dict]) -> list[str]:
    return [c["name"] for c in choices]


async def test_feed_choices_are_this_servers_and_match_what_is_typed(bot_env: BotEnv) -> None:
    env = bot_env
    alpha = await env.subscribe(env.serve_items("/alpha", OLD, title="Alpha Wire"))
    await env.subscribe(env.serve_items("/world", OLD, title="World Desk"))
    beta = await env.subscribe(env.serve_items("/beta", OLD, title="Beta Secret"), guild=env.other_guild)
    for command in ("feed remove", "feed pause", "feed resume", "feed preview"):
        choices = await env.autocomplete(command, "feed", feed="")
        assert names(choices) == [f"#{alpha} Alpha Wire", f"#{alpha + 1} World Desk"]
    assert [c["value"] for c in await env.autocomplete("feed remove", "feed", feed="wire")] == [alpha]
    beta_choices = await env.autocomplete("feed remove", "feed", feed="", user=env.other_admin, guild=env.other_guild)
    assert names(beta_choices) == [f"#{beta} Beta Secret"]


async def test_a_feed_id_submitted_by_hand_is_checked_again(bot_env: BotEnv) -> None:
    env = bot_env
    alpha = await env.subscribe(env.serve_items("/alpha", OLD, title="Alpha Wire"))
    assert alpha not in [c["value"] for c in await env.autocomplete(
        "feed remove", "feed", feed="", user=env.other_admin, guild=env.other_guild)]
    assert_ephemeral_error(await env.beta("feed remove", feed=alpha), "There is no feed")


async def test_country_choices_for_search_brief_and_relations(bot_env: BotEnv) -> None:
    env = bot_env
    for command, option in (("search", "country"), ("brief now", "country"), ("relations", "a"),
                            ("relations", "b")):
        extra = {"query": "x"} if command == "search" else {}
        choices = await env.autocomplete(command, option, **extra, **{option: "ira"})
        assert names(choices)[:2] == ["Iran", "Iraq"]
        assert len(choices) <= 25
        assert "NATO" not in names(await env.autocomplete(command, option, **extra, **{option: "nat"}))


async def test_a_country_typed_by_hand_is_checked_on_submit(bot_env: BotEnv) -> None:
    assert_ephemeral_error(await bot_env.slash("search", query="x", country="Irann"), "'Irann' is not a country")


async def test_watch_subject_choices_offer_countries_organisations_and_the_phrase(bot_env: BotEnv) -> None:
    env = bot_env
    choices = await env.autocomplete("watch add", "subject", subject="nato")
    assert choices[0] == {"name": "NATO (organisation)", "value": "NATO"}
    assert {"name": "the phrase “nato”", "value": "nato"} in choices
    assert len(choices) <= 25
    assert await env.autocomplete("watch add", "subject", subject="") == []


async def test_watch_choices_are_this_servers(bot_env: BotEnv) -> None:
    env = bot_env
    await env.slash("watch add", subject="Iran")
    await env.slash("watch add", subject="grain exports")
    await env.beta("watch add", subject="Japan")
    [iran, grain] = await env.storage.list_watches(env.guild.id)
    choices = await env.autocomplete("watch remove", "watch", watch="")
    assert choices == [{"name": f"#{iran.id} Iran", "value": iran.id},
                       {"name": f"#{grain.id} “grain exports”", "value": grain.id}]
    assert [c["value"] for c in await env.autocomplete("watch remove", "watch", watch="grain")] == [grain.id]
    [japan] = await env.storage.list_watches(env.other_guild.id)
    beta = await env.autocomplete("watch remove", "watch", watch="", user=env.other_admin, guild=env.other_guild)
    assert names(beta) == [f"#{japan.id} Japan"]


async def test_schedule_choices_are_this_servers(bot_env: BotEnv) -> None:
    env = bot_env
    await env.slash("brief schedule", time="07:30", timezone="Europe/Paris")
    await env.beta("brief schedule", time="08:00", timezone="Asia/Tokyo")
    [schedule] = await env.storage.list_schedules(env.guild.id)
    assert await env.autocomplete("brief cancel", "schedule", schedule="") == [
        {"name": f"#{schedule.id} 07:30 Europe/Paris", "value": schedule.id}]


async def test_time_zone_choices_and_the_check_on_submit(bot_env: BotEnv) -> None:
    env = bot_env
    choices = await env.autocomplete("brief schedule", "timezone", time="07:30", timezone="paris")
    assert names(choices) == ["Europe/Paris"]
    many = await env.autocomplete("brief schedule", "timezone", time="07:30", timezone="america")
    assert len(many) == 25 and all("America" in name for name in names(many))
    assert_ephemeral_error(await env.slash("brief schedule", time="07:30", timezone="Paris"),
                           "not an IANA time zone")
    assert await env.storage.list_schedules(env.guild.id) == []
