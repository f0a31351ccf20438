"""Posting through the outbox to the fake Discord: one post per story per channel, the per-channel cap with its
overflow summary, messages within Discord's limits that never ping, channels that refuse us (403/404), feeds
disabled after repeated failures, and servers the bot leaves."""

from __future__ import annotations

import asyncio
import json
import time

import pytest

from bot.delivery.messages import MessagePayload, validate_payload
from tests.bot.conftest import DEADLINE, BotEnv
from tests.bot.samples import (CEASEFIRE, FOOTBALL, OLD, STRIKE, STRIKE_COPY, STRIKE_FOLLOW_UP, STRIKE_THIRD,
                               VOLCANO, many)
from tests.bot.test_feed_commands import description
from tests.helpers.feed_server import Reply
from tests.helpers.feeds import Item, rss


def titles(messages: list[dict]) -> list[str]:
    return [m["embeds"][0].get("title", "") for m in messages if m["embeds"]]


async def until(condition, what: str) -> None:  # type: ignore[no-untyped-def]
    """Poll an async condition with a deadline (for work the bot does on a gateway event)."""
    deadline = time.monotonic() + DEADLINE
    while not await condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        await asyncio.sleep(0.01)


# ----- one post per story per channel ----------------------------------------------------------------------------

async def test_one_post_per_story_per_channel_whatever_copy_or_follow_up_brings_it(bot_env: BotEnv) -> None:
    env = bot_env
    await env.subscribe(env.serve_items("/a", OLD, OLD + [STRIKE], OLD + [STRIKE, STRIKE_THIRD], title="Alpha"))
    wire = env.serve_items("/b", OLD, OLD, OLD + [STRIKE_COPY, FOOTBALL],
                           OLD + [STRIKE_COPY, FOOTBALL, STRIKE_FOLLOW_UP], title="Beta Wire")
    await env.subscribe(wire)
    await env.subscribe(wire, channel=env.news)  # the same feed in a second channel
    await env.next_cycle()  # the story and its copy from another outlet, and an unrelated story
    posted = titles(env.posts(env.general))
    assert len(posted) == 2 and FOOTBALL.title in posted and STRIKE.title in posted
    assert sorted(titles(env.posts(env.news))) == sorted([STRIKE.title, FOOTBALL.title])  # its own copy of each

    await env.next_cycle()  # two follow-ups of the same story, one in each feed
    assert len(env.posts(env.general)) == 2
    assert len(env.posts(env.news)) == 2
    assert (await env.storage.outbox_counts()) == {"sent": 4}


async def test_nothing_is_posted_for_an_unchanged_feed(bot_env: BotEnv) -> None:
    env = bot_env
    await env.subscribe(env.serve_items("/a", OLD, OLD + [STRIKE]))
    for _ in range(3):
        await env.next_cycle()
    assert titles(env.posts(env.general)) == [STRIKE.title]
    assert env.sends() == 1


async def test_an_updated_article_is_not_posted_again(bot_env: BotEnv) -> None:
    env = bot_env
    edited = Item(STRIKE.title + " (updated)", STRIKE.body + " Casualties were reported.", guid=STRIKE.guid,
                  link=STRIKE.link)
    await env.subscribe(env.serve_items("/a", OLD, OLD + [STRIKE], OLD + [edited]))
    await env.next_cycle()
    await env.next_cycle()
    assert titles(env.posts(env.general)) == [STRIKE.title]


# ----- the per-channel cap ---------------------------------------------------------------------------------------

@pytest.mark.bot_settings(posts_per_channel_per_cycle=3)
async def test_the_cap_per_channel_and_one_summary_of_the_rest(bot_env: BotEnv) -> None:
    env = bot_env
    stories = many(7)
    await env.subscribe(env.serve_items("/a", OLD, OLD + stories))
    await env.subscribe(env.serve_items("/b", OLD, OLD + [VOLCANO]), channel=env.news)
    await env.next_cycle()

    posts = env.posts(env.general)
    assert len(posts) == 4  # three stories and one summary
    summary = posts[-1]["embeds"][0]
    assert summary["title"] == "4 more stories this cycle"
    assert "up to 3 posts per cycle" in summary["footer"]["text"]
    listed = [item for item in stories if item.link in summary["description"]]
    assert len(listed) == 4 and {i.title for i in listed}.isdisjoint(titles(posts[:3]))
    assert titles(env.posts(env.news)) == [VOLCANO.title]  # other channels have their own cap

    await env.next_cycle()  # what was summed up is not posted later
    assert len(env.posts(env.general)) == 4


@pytest.mark.bot_settings(posts_per_channel_per_cycle=2)
async def test_a_command_fetch_during_a_poll_does_not_reset_its_cap(bot_env: BotEnv) -> None:
    """/feed add fetches its feed with its own ingest cycle; the poller's cycle running at the same time keeps
    its count of posts per channel and its overflow."""
    env = bot_env
    fast, slow = many(3, "fast"), many(2, "slow", start=3)
    await env.subscribe(env.serve_items("/fast", [], fast))
    await env.subscribe(env.serve("/slow", rss([]), Reply(body=rss(slow), delay=1.0)))
    env.clock.advance(hours=2)
    poll = asyncio.create_task(env.bot.runtime.poll_once())

    async def fast_stored() -> bool:
        return len(await env.storage.newest_articles(10)) >= 3
    await until(fast_stored, "the fast feed's articles")
    await env.subscribe(env.serve_items("/third", OLD))
    assert not poll.done()  # the command's fetch ran while the slow feed was still being fetched
    await poll
    await env.bot.sender.drain()

    posts = env.posts(env.general)
    assert len(posts) == 3, titles(posts)  # two posts and one summary for the three others
    assert posts[-1]["embeds"][0]["title"] == "3 more stories this cycle"


# ----- messages: within limits, never a ping ---------------------------------------------------------------------

async def test_posts_fit_discords_limits_and_never_ping(bot_env: BotEnv) -> None:
    env = bot_env
    hostile = Item("@everyone " + "Huge **headline** " * 40, ("<@123456> @here [click](javascript:alert(1)) "
                                                             + "word " * 3000), guid="hostile",
                   link="https://evil.example/" + "x" * 300)
    await env.subscribe(env.serve_items("/a", OLD, OLD + [hostile, CEASEFIRE]))
    await env.next_cycle()
    posts = env.posts(env.general)
    assert len(posts) == 2  # the fake refuses (400) anything over Discord's limits
    for post in posts:
        validate_payload(MessagePayload(post["content"], tuple(post["embeds"])))
        assert post["allowed_mentions"] == {"parse": []}
        assert post["mentions"] == [] and post["mention_everyone"] is False
    assert "](javascript:" not in json.dumps(posts)  # shown as text, never a link


# ----- channels that refuse us -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("mode", "reason"), [("missing_access", "the bot may not post in that channel (HTTP 403"),
                                              ("missing_permissions", "(HTTP 403, code 50013)"),
                                              ("unknown_channel", "the channel no longer exists (HTTP 404")])
async def test_a_refusing_channel_marks_the_subscription_broken_without_a_retry_storm(
        bot_env: BotEnv, mode: str, reason: str) -> None:
    env = bot_env
    subscription = await env.subscribe(env.serve_items("/a", OLD, OLD + many(5), OLD + many(8)), channel=env.news)
    await env.subscribe(env.serve_items("/b", OLD, OLD + [VOLCANO]))
    env.fake.set_channel_failure(env.news, mode)
    await env.next_cycle()
    assert env.sends(env.news) == 1  # five posts were queued; the first refusal dropped the rest
    assert titles(env.posts(env.general)) == [VOLCANO.title]  # other channels are not affected

    broken = await env.storage.get_subscription(env.guild.id, subscription)
    assert broken.broken_reason and reason in broken.broken_reason
    listing = description(await env.slash("feed list"))
    assert "broken: " in listing and reason in listing

    for _ in range(3):  # new stories keep coming: nothing more is tried in that channel
        await env.next_cycle()
    assert env.sends(env.news) == 1
    assert await env.storage.pending_outbox(env.clock()) == []

    env.fake.set_channel_failure(env.news, None)
    await env.slash("feed resume", feed=subscription)  # fixed by an admin: posting resumes
    await env.subscribe(env.serve_items("/c", OLD, OLD + [FOOTBALL]), channel=env.news)
    await env.next_cycle()
    assert FOOTBALL.title in titles(env.posts(env.news))


async def test_a_refusing_channel_marks_a_watch_broken(bot_env: BotEnv) -> None:
    env = bot_env
    await env.subscribe(env.serve_items("/a", OLD, OLD + [STRIKE], OLD + [STRIKE, CEASEFIRE]))
    await env.slash("watch add", subject="Iran", channel=env.news)
    await env.slash("watch add", subject="ceasefire", channel=env.news)
    env.fake.set_channel_failure(env.news, "missing_access")
    await env.next_cycle()
    assert env.sends(env.news) == 1
    listing = description(await env.slash("watch list"))
    assert "broken: the bot may not post in that channel (HTTP 403, code 50001)" in listing
    await env.next_cycle()  # the second watch is tried once too, and then left alone
    await env.next_cycle()
    assert env.sends(env.news) == 2


# ----- feeds disabled after repeated failures --------------------------------------------------------------------

@pytest.mark.bot_settings(max_failures=3)
async def test_a_disabled_feed_is_announced_once_in_each_of_its_channels(bot_env: BotEnv) -> None:
    env = bot_env
    url = env.serve("/dying", rss(OLD, title="Dying Feed"), rss(OLD, title="Dying Feed"), Reply(status=410))
    await env.subscribe(url, channel=env.news)
    await env.subscribe(url, guild=env.other_guild)
    for _ in range(6):
        env.clock.advance(hours=13)
        await env.poll()
    for channel in (env.news, env.other_general):
        [notice] = env.posts(channel)
        embed = notice["embeds"][0]
        assert embed["title"] == "Feed disabled: Dying Feed"
        assert "disabled after 3 consecutive failures; last: HTTP 410" in embed["description"]
        assert notice["allowed_mentions"] == {"parse": []}
    assert env.posts(env.general) == []
    assert env.feeds.hits["/dying"] == 2 + 3  # a fetch for each /feed add, three failures, then no more


# ----- leaving a server ------------------------------------------------------------------------------------------

async def test_leaving_a_server_stops_its_delivery_at_once(bot_env: BotEnv) -> None:
    env = bot_env
    url = env.serve_items("/shared", OLD, OLD, OLD + [STRIKE], OLD + [STRIKE, VOLCANO])
    await env.subscribe(url)
    await env.subscribe(url, guild=env.other_guild)
    env.clock.advance(hours=2)
    await env.bot.runtime.poll_once()  # Alpha's post is queued, not yet sent ...
    alpha_channels = list(env.guild.channels)
    env.fake.remove_guild(env.guild.id)  # ... when the bot is removed from Alpha

    async def alpha_gone() -> bool:
        return env.bot.get_guild(env.guild.id) is None and not any(
            s.guild_id == env.guild.id for s in await env.storage.delivering_subscriptions([1]))
    await until(alpha_gone, "the bot to leave Alpha")
    await env.bot.sender.drain()
    await env.next_cycle()
    for channel in alpha_channels:
        assert env.sends(channel) == 0
    assert titles(env.posts(env.other_general)) == [STRIKE.title, VOLCANO.title]
    counts = await env.storage.outbox_counts()
    assert counts == {"sent": 2, "dropped": 1}
