"""/search, /story, /relations and /about: open to every member, and each server sees only what its own feeds
brought."""

from __future__ import annotations

import json
import re
from datetime import timedelta

import pytest

from bot import __version__
from tests.bot.conftest import BotEnv
from tests.bot.samples import FOOTBALL, OLD, STRIKE, STRIKE_COPY, STRIKE_FOLLOW_UP, VOLCANO, many
from tests.bot.test_feed_commands import assert_ephemeral_error, content
from tests.helpers.feeds import Item


def story_id_of(post: dict) -> int:
    match = re.search(r"Story #(\d+)", post["embeds"][0]["footer"]["text"])
    assert match, post["embeds"][0]
    return int(match.group(1))


# ----- /search ---------------------------------------------------------------------------------------------------

async def test_search_finds_articles_of_this_servers_feeds(bot_env: BotEnv) -> None:
    env = bot_env
    await env.subscribe(env.serve_items("/alpha", [STRIKE, FOOTBALL], title="Alpha News"))
    await env.subscribe(env.serve_items("/beta", [VOLCANO], title="Beta News"), guild=env.other_guild)
    response = await env.slash("search", query="Isfahan", user=env.member)
    assert not response["ephemeral"]
    [embed] = response["message"]["embeds"]
    assert embed["title"] == "Search: Isfahan"
    assert STRIKE.link in embed["description"] and "Alpha News" in embed["description"]
    assert "Brazil" not in embed["description"]
    assert response["message"]["components"] == []  # one page: no buttons

    assert "No articles match" in (await env.beta("search", query="Isfahan"))["message"]["embeds"][0]["description"]
    assert "Grindavik" not in json.dumps((await env.slash("search", query="volcano"))["message"]["embeds"])


async def test_search_filters_by_days_and_country(bot_env: BotEnv) -> None:
    env = bot_env
    old = Item("Isfahan archive piece on Iran", "An old report from Isfahan about Iran.", guid="archive",
               link="https://archive.example/isfahan", date=env.clock() - timedelta(days=20))
    await env.subscribe(env.serve_items("/alpha", [STRIKE, old, FOOTBALL]))
    recent = (await env.slash("search", query="Isfahan", days=7))["message"]["embeds"][0]["description"]
    assert STRIKE.link in recent and old.link not in recent
    everything = (await env.slash("search", query="Isfahan"))["message"]["embeds"][0]["description"]
    assert old.link in everything
    brazil = (await env.slash("search", query="final", country="Brazil"))["message"]["embeds"][0]["description"]
    assert FOOTBALL.link in brazil
    nothing = (await env.slash("search", query="final", country="Iran"))["message"]["embeds"][0]["description"]
    assert "No articles match" in nothing


async def test_search_refuses_an_unknown_country(bot_env: BotEnv) -> None:
    assert_ephemeral_error(await bot_env.slash("search", query="strikes", country="Narnia"), "not a country I know")


async def test_search_pages_turn_only_for_the_caller(bot_env: BotEnv) -> None:
    env = bot_env
    await env.subscribe(env.serve_items("/alpha", many(12)))
    response = await env.slash("search", query="residents", user=env.member)
    message = response["message"]
    assert message["embeds"][0]["footer"]["text"] == "Page 1 of 3"
    first_page = message["embeds"][0]["description"]

    refused = await env.press(message, "Next", env.admin)
    assert refused["ephemeral"] and "Only the person who asked" in content(refused)
    assert env.fake.message(message["id"])["embeds"][0]["description"] == first_page

    await env.press(message, "Next", env.member)
    second = env.fake.message(message["id"])["embeds"][0]
    assert second["footer"]["text"] == "Page 2 of 3" and second["description"] != first_page
    await env.press(message, "Previous", env.member)
    assert env.fake.message(message["id"])["embeds"][0]["description"] == first_page


# ----- /story ----------------------------------------------------------------------------------------------------

async def test_story_shows_coverage_by_outlet_actors_and_evidence(bot_env: BotEnv) -> None:
    env = bot_env
    await env.subscribe(env.serve_items("/a", OLD, OLD + [STRIKE], title="Alpha News"))
    await env.subscribe(env.serve_items("/b", OLD, OLD + [STRIKE_FOLLOW_UP, STRIKE_COPY], title="Beta Wire"))
    await env.next_cycle()
    [post] = [p for p in env.posts(env.general) if "Isfahan" in p["embeds"][0]["title"]]
    story = story_id_of(post)

    response = await env.slash("story", id=story, user=env.member)
    [embed] = response["message"]["embeds"]
    assert embed["title"].startswith(f"Story #{story}:")
    coverage = embed["description"]
    assert "Alpha News" in coverage and "Beta Wire" in coverage and "<t:" in coverage and "(copy)" in coverage
    fields = {f["name"]: f["value"] for f in embed["fields"]}
    assert "Iran" in fields["Countries"] and "Israel" in fields["Countries"]
    assert "“" in fields["Countries"]  # each tag with the words that caused it


async def test_story_refuses_unknown_ids_and_other_servers_stories(bot_env: BotEnv) -> None:
    env = bot_env
    await env.subscribe(env.serve_items("/a", OLD, OLD + [STRIKE]))
    await env.next_cycle()
    story = story_id_of(env.posts(env.general)[0])
    assert_ephemeral_error(await env.slash("story", id=987654), "There is no story #987654 in this server's feeds")
    response = await env.beta("story", id=story)
    assert_ephemeral_error(response, f"There is no story #{story} in this server's feeds")
    assert "Isfahan" not in content(response)


# ----- /relations ------------------------------------------------------------------------------------------------

async def test_relations_answers_with_the_trend_and_a_png_chart(bot_env: BotEnv) -> None:
    env = bot_env
    await env.subscribe(env.serve_items("/a", [STRIKE, STRIKE_FOLLOW_UP]))
    response = await env.slash("relations", a="Iran", b="Israel", days=30, user=env.member)
    message = response["message"]
    [embed] = message["embeds"]
    assert embed["title"].startswith("Iran and Israel: the last 30 days")
    assert "Articles naming both: **" in embed["description"]
    assert embed["image"]["url"] == "attachment://relations.png"
    [attachment] = message["attachments"]
    assert attachment["filename"] == "relations.png"
    assert env.fake.store.files[int(attachment["id"])].data.startswith(b"\x89PNG\r\n\x1a\n")


@pytest.mark.parametrize(("a", "b", "needle"), [("Iran", "IR", "two different countries"),
                                                ("Iran", "Gondor", "not a country I know"),
                                                ("NATO", "Iran", "not a country I know")])
async def test_relations_refuses_bad_pairs(bot_env: BotEnv, a: str, b: str, needle: str) -> None:
    response = await bot_env.slash("relations", a=a, b=b)
    assert_ephemeral_error(response, needle)
    assert response["message"]["attachments"] == []


async def test_relations_count_only_the_servers_own_feeds(bot_env: BotEnv) -> None:
    env = bot_env
    await env.subscribe(env.serve_items("/a", [STRIKE, STRIKE_FOLLOW_UP]))
    response = await env.beta("relations", a="Iran", b="Israel")
    assert "Articles naming both: **0**" in response["message"]["embeds"][0]["description"]


# ----- /about ----------------------------------------------------------------------------------------------------

async def test_about_shows_version_feeds_articles_last_poll_and_uptime(bot_env: BotEnv) -> None:
    env = bot_env
    await env.subscribe(env.serve_items("/a", [STRIKE, FOOTBALL]))
    env.clock.advance(hours=3, minutes=5)
    response = await env.slash("about", user=env.member)
    assert response["ephemeral"]
    text = response["message"]["embeds"][0]["description"]
    assert f"Sitrep {__version__}" in text
    assert "Feeds: 1 (0 failing, 0 disabled)" in text
    assert "Articles: 2" in text
    assert re.search(r"Last poll: <t:\d+:R>", text)
    assert "Up for: 3:05:00" in text
