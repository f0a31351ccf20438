"""/watch add, list, remove and breaking, and the alerts they cause: once per story (never once per copy or
follow-up), linked to the articles they are based on, a cooldown per channel for breaking alerts, and only
from the feeds of the server that set the watch."""

from __future__ import annotations

import pytest

from tests.bot.conftest import BotEnv
from tests.bot.samples import (CEASEFIRE, FOOTBALL, OLD, STRIKE, STRIKE_COPY, STRIKE_FOLLOW_UP, STRIKE_THIRD, VOLCANO,
                               VOLCANO_2, VOLCANO_3)
from tests.bot.test_feed_commands import assert_ephemeral_error, content, description
from tests.e2e.fakediscord import P
from tests.helpers.feeds import Item


def titles(messages: list[dict]) -> list[str]:
    return [m["embeds"][0].get("title", "") for m in messages]


def alerts(env: BotEnv, channel: int, kind: str = "Watch") -> list[dict]:
    """Watch alerts carry "Watch: ..." as their author; breaking alerts a "Breaking: ..." title."""
    if kind == "Watch":
        return [m for m in env.posts(channel) if m["embeds"][0].get("author", {}).get("name", "").startswith("Watch")]
    return [m for m in env.posts(channel) if m["embeds"][0].get("title", "").startswith("Breaking")]


def field(embed: dict, name: str) -> str:
    return next(f["value"] for f in embed.get("fields", []) if f["name"] == name)


# ----- /watch add ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("subject", "shown"), [("Iran", "Iran"), ("nato", "NATO"),
                                                 ("ceasefire talks", "“ceasefire talks”")])
async def test_add_watches_a_country_an_organisation_or_a_phrase(bot_env: BotEnv, subject: str, shown: str) -> None:
    env = bot_env
    response = await env.slash("watch add", subject=subject, channel=env.news)
    assert response["ephemeral"]
    assert f"Watching {shown} in <#{env.news}>" in content(response)
    [watch] = await env.storage.list_watches(env.guild.id)
    assert watch.channel_id == env.news
    assert watch.kind == ("phrase" if subject == "ceasefire talks" else "actor")
    again = await env.slash("watch add", subject=subject, channel=env.news)
    assert "Already watching" in content(again)
    assert len(await env.storage.list_watches(env.guild.id)) == 1


@pytest.mark.parametrize("subject", ["ab", "  x  ", "y" * 101])
async def test_add_refuses_what_is_neither_an_actor_nor_a_phrase(bot_env: BotEnv, subject: str) -> None:
    env = bot_env
    if len(subject) > 100:  # longer than the option allows: Discord itself refuses to send it
        with pytest.raises(ValueError, match="outside its limits"):
            await env.slash("watch add", subject=subject)
    else:
        assert_ephemeral_error(await env.slash("watch add", subject=subject), "Watch a country, an organisation")
    assert await env.storage.list_watches(env.guild.id) == []


async def test_add_checks_the_bot_can_post_in_the_channel(bot_env: BotEnv) -> None:
    env = bot_env
    env.fake.set_overwrite(env.news, env.fake.bot_user.id, deny=P.SEND_MESSAGES, kind="member")
    response = await env.slash("watch add", subject="Iran", channel=env.news)
    assert_ephemeral_error(response, "I can't post in", "Send Messages")
    assert await env.storage.list_watches(env.guild.id) == []


async def test_add_needs_manage_server(bot_env: BotEnv) -> None:
    env = bot_env
    assert_ephemeral_error(await env.slash("watch add", subject="Iran", user=env.member), "Manage Server")
    assert await env.storage.list_watches(env.guild.id) == []


# ----- /watch list and /watch remove -----------------------------------------------------------------------------

async def test_list_shows_this_servers_watches_only(bot_env: BotEnv) -> None:
    env = bot_env
    await env.slash("watch add", subject="Iran", channel=env.news)
    await env.slash("watch breaking")
    await env.beta("watch add", subject="volcanic ash")
    alpha = description(await env.slash("watch list"))
    assert "Iran" in alpha and f"<#{env.news}>" in alpha
    assert "breaking: 3 outlets within 60 min" in alpha
    assert "volcanic ash" not in alpha
    beta = description(await env.beta("watch list"))
    assert "volcanic ash" in beta and "Iran" not in beta and "breaking" not in beta


async def test_list_needs_manage_server(bot_env: BotEnv) -> None:
    env = bot_env
    await env.slash("watch add", subject="Iran")
    response = await env.slash("watch list", user=env.member)
    assert_ephemeral_error(response, "Manage Server")
    assert response["message"]["embeds"] == []


async def test_remove_stops_the_alerts(bot_env: BotEnv) -> None:
    env = bot_env
    await env.subscribe(env.serve_items("/news", OLD, OLD + [STRIKE]))
    await env.slash("watch add", subject="Iran", channel=env.news)
    [watch] = await env.storage.list_watches(env.guild.id)
    response = await env.slash("watch remove", watch=watch.id)
    assert response["ephemeral"] and f"Removed watch #{watch.id}" in content(response)
    await env.next_cycle()
    assert alerts(env, env.news) == []
    assert_ephemeral_error(await env.slash("watch remove", watch=watch.id), f"There is no watch #{watch.id}")


async def test_remove_needs_manage_server_and_cannot_reach_another_server(bot_env: BotEnv) -> None:
    env = bot_env
    await env.slash("watch add", subject="Iran")
    [watch] = await env.storage.list_watches(env.guild.id)
    assert_ephemeral_error(await env.slash("watch remove", watch=watch.id, user=env.member), "Manage Server")
    assert_ephemeral_error(await env.beta("watch remove", watch=watch.id), f"There is no watch #{watch.id}")
    assert [w.id for w in await env.storage.list_watches(env.guild.id)] == [watch.id]


# ----- /watch breaking -------------------------------------------------------------------------------------------

async def test_breaking_sets_and_updates_the_thresholds(bot_env: BotEnv) -> None:
    env = bot_env
    response = await env.slash("watch breaking", channel=env.news)
    assert "3 outlets within 60 minutes" in content(response) and f"<#{env.news}>" in content(response)
    response = await env.slash("watch breaking", min_publishers=4, within_minutes=30, channel=env.news)
    assert "Breaking alerts updated" in content(response)
    [watch] = await env.storage.list_watches(env.guild.id)
    assert (watch.kind, watch.min_publishers, watch.within_minutes) == ("breaking", 4, 30)


async def test_breaking_thresholds_outside_their_range_are_refused_by_discord(bot_env: BotEnv) -> None:
    env = bot_env
    [breaking] = [o for o in env.fake.command("watch", env.guild.id)["options"] if o["name"] == "breaking"]
    limits = {o["name"]: (o.get("min_value"), o.get("max_value")) for o in breaking["options"]}
    assert limits["min_publishers"] == (2, 20) and limits["within_minutes"] == (5, 1440)
    with pytest.raises(ValueError, match="outside"):
        await env.slash("watch breaking", min_publishers=1)
    assert await env.storage.list_watches(env.guild.id) == []


async def test_breaking_needs_manage_server(bot_env: BotEnv) -> None:
    env = bot_env
    assert_ephemeral_error(await env.slash("watch breaking", user=env.member), "Manage Server")
    assert await env.storage.list_watches(env.guild.id) == []


# ----- alerts ----------------------------------------------------------------------------------------------------

async def test_a_watch_alerts_once_per_story_never_per_copy_or_follow_up(bot_env: BotEnv) -> None:
    env = bot_env
    await env.subscribe(env.serve_items("/a", OLD, OLD + [STRIKE, FOOTBALL], title="Alpha News"))
    await env.subscribe(env.serve_items("/b", [], [STRIKE_COPY], [STRIKE_COPY, STRIKE_FOLLOW_UP], title="Delta"))
    await env.slash("watch add", subject="Iran", channel=env.news)
    await env.next_cycle()  # the story and a word-for-word copy of it
    [alert] = alerts(env, env.news)
    embed = alert["embeds"][0]
    assert embed["author"]["name"] == "Watch: Iran"
    assert embed["title"] == STRIKE.title
    assert embed["url"] in (STRIKE.link, STRIKE_COPY.link)
    assert embed["url"] in field(embed, "Sources")  # the alert links to the article it is based on
    assert alert["allowed_mentions"] == {"parse": []}

    await env.next_cycle()  # a follow-up of the same story
    assert len(alerts(env, env.news)) == 1
    assert FOOTBALL.title not in titles(env.posts(env.news))


async def test_a_phrase_watch_matches_title_or_text_case_insensitively(bot_env: BotEnv) -> None:
    env = bot_env
    await env.subscribe(env.serve_items("/a", OLD, OLD + [CEASEFIRE, VOLCANO]))
    await env.slash("watch add", subject="CEASEFIRE TALKS", channel=env.news)
    await env.next_cycle()
    assert titles(alerts(env, env.news)) == [CEASEFIRE.title]


async def test_a_watch_hears_only_about_its_own_servers_feeds(bot_env: BotEnv) -> None:
    env = bot_env
    await env.subscribe(env.serve_items("/alpha", OLD, OLD + [STRIKE], OLD + [STRIKE, STRIKE_THIRD]))
    await env.beta("watch add", subject="Iran")
    await env.next_cycle()
    assert alerts(env, env.other_general) == []  # Alpha's feed is none of Beta's business

    await env.subscribe(env.serve_items("/beta", [], [STRIKE_FOLLOW_UP]), guild=env.other_guild)
    await env.next_cycle()
    [alert] = alerts(env, env.other_general)
    assert alert["embeds"][0]["title"] == STRIKE_FOLLOW_UP.title
    sources = field(alert["embeds"][0], "Sources")
    assert "beta-wire.example" in sources and "alpha-news.example" not in sources


async def test_breaking_alert_once_per_story_with_links_to_its_articles(bot_env: BotEnv) -> None:
    env = bot_env
    for path, item in (("/a", STRIKE), ("/b", STRIKE_FOLLOW_UP), ("/c", STRIKE_THIRD)):
        await env.subscribe(env.serve_items(path, OLD, OLD + [item, VOLCANO] if path == "/a" else OLD + [item],
                                            title=f"Outlet {path[1:].upper()}"))
    late = env.serve_items("/d", OLD, OLD + [STRIKE_COPY], title="Outlet D")
    await env.slash("watch breaking", channel=env.news)
    await env.next_cycle()

    [alert] = alerts(env, env.news, "Breaking")
    embed = alert["embeds"][0]
    assert "3 outlets reported this within 60 minutes" in embed["description"]
    sources = field(embed, "Sources")
    for item in (STRIKE, STRIKE_FOLLOW_UP, STRIKE_THIRD):
        assert item.link in sources
    assert alert["allowed_mentions"] == {"parse": []}

    await env.subscribe(late)  # a fourth outlet carries it: still the same story
    await env.next_cycle()
    assert len(alerts(env, env.news, "Breaking")) == 1


async def test_breaking_needs_the_threshold_within_the_window(bot_env: BotEnv) -> None:
    env = bot_env
    await env.subscribe(env.serve_items("/a", OLD, OLD + [STRIKE]))
    await env.subscribe(env.serve_items("/b", OLD, OLD + [STRIKE_FOLLOW_UP]))
    await env.slash("watch breaking", channel=env.news)
    await env.next_cycle()  # two outlets: under the threshold of three
    assert alerts(env, env.news, "Breaking") == []
    await env.subscribe(env.serve_items("/c", OLD, OLD + [STRIKE_THIRD]))
    await env.next_cycle()  # the third comes two hours later: outside the 60-minute window
    assert alerts(env, env.news, "Breaking") == []


@pytest.mark.bot_settings(poll_interval_s=60)
async def test_breaking_alerts_have_a_cooldown_per_channel(bot_env: BotEnv) -> None:
    env = bot_env
    first, second = [STRIKE, STRIKE_FOLLOW_UP, STRIKE_THIRD], [VOLCANO, VOLCANO_2, VOLCANO_3]
    fourth = Item(VOLCANO.title, VOLCANO.body, guid="volcano-4", link="https://epsilon.example/volcano")
    for index in range(3):
        snapshots = [OLD, OLD + [first[index]], OLD + [first[index], second[index]]]
        if index == 0:
            snapshots.append(OLD + [first[index], second[index], fourth])
        await env.subscribe(env.serve_items(f"/{index}", *snapshots))
    await env.slash("watch breaking", channel=env.news)

    env.clock.advance(minutes=2)
    await env.poll()
    [alert] = alerts(env, env.news, "Breaking")
    assert "Isfahan" in alert["embeds"][0]["title"]

    env.clock.advance(minutes=2)
    await env.poll()  # a second story reaches three outlets two minutes later: held back by the cooldown
    assert len(alerts(env, env.news, "Breaking")) == 1
    assert any("olcano" in title for title in titles(env.posts(env.general)))  # read and posted, not alerted

    env.clock.advance(minutes=10)
    await env.poll()  # past the cooldown, the next article of the still-breaking story brings its alert
    breaking = titles(alerts(env, env.news, "Breaking"))
    assert len(breaking) == 2 and "volcano" in breaking[1].lower()


async def test_breaking_counts_only_the_servers_own_feeds(bot_env: BotEnv) -> None:
    env = bot_env
    await env.subscribe(env.serve_items("/a", OLD, OLD + [STRIKE]))
    await env.subscribe(env.serve_items("/b", OLD, OLD + [STRIKE_FOLLOW_UP]))
    await env.subscribe(env.serve_items("/c", OLD, OLD + [STRIKE_THIRD]), guild=env.other_guild)
    await env.slash("watch breaking", channel=env.news)
    await env.beta("watch breaking")
    await env.next_cycle()  # three outlets overall, but two in Alpha's feeds and one in Beta's
    assert alerts(env, env.news, "Breaking") == []
    assert alerts(env, env.other_general, "Breaking") == []
