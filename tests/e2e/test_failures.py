"""Scenario 6: Discord and feeds misbehaving. 429 storms (per route and global) are waited out with nothing
lost; a channel answering 403 or 404 marks its subscription broken after one request, not a retry storm; a feed
that keeps failing is disabled and announced once."""

from __future__ import annotations

from collections import Counter

from tests.e2e.conftest import E2E
from tests.e2e.fakediscord import P
from tests.e2e.harness import eventually, notices, post_links, query, scalar

DEADLINE = 45.0
MESSAGES = "POST /channels/{channel_id}/messages"


def pending(e2e: E2E) -> int:
    return scalar(e2e.database, "SELECT count(*) FROM outbox WHERE status = 'pending'")


async def test_429_storms_are_waited_out_and_nothing_is_lost(e2e: E2E) -> None:
    alpha = e2e.guild("Alpha", channels=4)
    channels = alpha.channels[1:]
    for index in range(3):
        e2e.farm.feed(f"desk{index}", e2e.news.items(f"desk{index}/old", 2))
    await e2e.start_bot()
    await e2e.sync(alpha.id)
    for index, channel in enumerate(channels):
        await e2e.slash(alpha, "feed add", url=e2e.farm.url(f"desk{index}"), channel=channel)
    expected: dict[int, list[str]] = {}

    async def new_posts(index: int, count: int) -> None:
        fresh = e2e.news.items(f"desk{index}/new{len(expected.get(channels[index], []))}", count)
        e2e.farm.add_items(f"desk{index}", fresh)
        expected.setdefault(channels[index], []).extend(item.link for item in fresh)

    # A storm on the route, longer than discord.py's own five tries: the sender retries that row later.
    e2e.fake.storm(MESSAGES, count=7, retry_after=0.3)
    await new_posts(0, 5)
    await eventually(lambda: len(post_links(e2e.fake, channels[0])) >= 5, DEADLINE, "the posts after a route storm")
    # A global limit: every request waits, then goes through.
    e2e.fake.storm(MESSAGES, count=3, retry_after=0.5, is_global=True)
    await new_posts(1, 5)
    await new_posts(2, 5)
    await eventually(lambda: all(len(post_links(e2e.fake, c)) >= len(expected[c]) for c in expected), DEADLINE,
                     "the posts after a global storm")
    await eventually(lambda: pending(e2e) == 0, DEADLINE, "an empty outbox")

    counters = e2e.fake.counters()
    assert e2e.fake.ratelimited_count(MESSAGES) == 10, counters["ratelimited"]
    assert counters["storms"] == []
    for channel, links in expected.items():
        assert Counter(post_links(e2e.fake, channel)) == Counter(links), f"channel {channel}"
    assert query(e2e.database, "SELECT status, count(*) FROM outbox GROUP BY status") == [("sent", 15)]
    # 429s never make a message: the one Discord refused seven times was sent on its second attempt
    assert scalar(e2e.database, "SELECT max(attempts) FROM outbox") == 2
    # and a command is still answered within 3 s right after the storms
    assert "Feeds on this server" in (await e2e.slash(alpha, "feed list")).text


async def test_403_and_404_channels_break_their_subscription_without_a_retry_storm(e2e: E2E) -> None:
    alpha = e2e.guild("Alpha", channels=4)
    general, healthy, forbidden, gone = alpha.channels
    e2e.farm.feed("wire", e2e.news.items("wire/old", 3), title="Wire")
    await e2e.start_bot()
    await e2e.sync(alpha.id)
    for channel in (healthy, forbidden, gone):
        await e2e.slash(alpha, "feed add", url=e2e.farm.url("wire"), channel=channel)

    # The bot loses Send Messages in one channel (its role is denied there); another channel is deleted.
    guild = e2e.fake.world.guilds[alpha.id]
    bot_role = next(role.id for role in guild.roles.values() if role.bot_id == e2e.fake.bot_user.id)
    e2e.fake.set_overwrite(forbidden, bot_role, deny=P.SEND_MESSAGES)
    e2e.fake.remove_channel(gone)
    await e2e.fake.flush()

    first = e2e.news.items("wire/new1", 6)
    e2e.farm.add_items("wire", first)
    await eventually(lambda: len(post_links(e2e.fake, healthy)) >= 6, DEADLINE, "the posts in the healthy channel")
    await eventually(lambda: pending(e2e) == 0, DEADLINE, "an empty outbox")
    for channel in (forbidden, gone):
        assert e2e.fake.request_count(f"POST /channels/{channel}/messages") == 1, \
            f"channel {channel}: {e2e.fake.request_count(f'POST /channels/{channel}/messages')} requests"
    listing = (await e2e.slash(alpha, "feed list")).text
    assert listing.count("broken") == 2, listing

    # Later stories go to the healthy channel only; the broken subscriptions cost no request at all.
    second = e2e.news.items("wire/new2", 3)
    e2e.farm.add_items("wire", second)
    await eventually(lambda: len(post_links(e2e.fake, healthy)) >= 9, DEADLINE, "the second round")
    await eventually(lambda: pending(e2e) == 0, DEADLINE, "an empty outbox")
    assert sorted(post_links(e2e.fake, healthy)) == sorted(item.link for item in first + second)
    for channel in (forbidden, gone):
        assert e2e.fake.request_count(f"POST /channels/{channel}/messages") == 1
    statuses = dict(query(e2e.database, "SELECT channel_id, broken_reason FROM subscriptions"))
    assert statuses[healthy] is None
    assert "403" in statuses[forbidden] and "404" in statuses[gone], statuses
    dropped = dict(query(e2e.database, "SELECT channel_id, count(*) FROM outbox WHERE status = 'dropped' "
                                       "GROUP BY channel_id"))
    assert dropped == {forbidden: 6, gone: 6}, dropped

    # Once the permission is back, /feed resume mends the subscription and posting goes on there.
    e2e.fake.set_overwrite(forbidden, bot_role)
    await e2e.fake.flush()
    feed_id = scalar(e2e.database, "SELECT id FROM subscriptions WHERE channel_id = ?", [forbidden])
    assert "Resumed" in (await e2e.slash(alpha, "feed resume", feed=feed_id)).text
    third = e2e.news.item("wire/new3")
    e2e.farm.add_items("wire", [third])
    await eventually(lambda: post_links(e2e.fake, forbidden) == [third.link], DEADLINE, "a post after the resume")


async def test_a_feed_that_keeps_failing_is_disabled_and_announced_once(e2e: E2E) -> None:
    alpha, beta = e2e.guild("Alpha", channels=2), e2e.guild("Beta", channels=2)
    e2e.farm.feed("flaky", e2e.news.items("flaky/old", 2), title="Flaky")
    e2e.farm.feed("steady", e2e.news.items("steady/old", 2), title="Steady")
    e2e.env_overrides.update(SITREP_MAX_FAILURES=3)
    bot = await e2e.start_bot()
    for guild in (alpha, beta):
        await e2e.sync(guild.id)
        await e2e.slash(guild, "feed add", url=e2e.farm.url("flaky"), channel=guild.channels[1])
    await e2e.slash(alpha, "feed add", url=e2e.farm.url("steady"), channel=alpha.channels[1])

    e2e.farm.fail("flaky", 503, retry_after=0.5)
    for guild in (alpha, beta):
        await eventually(lambda g=guild: notices(e2e.fake, g.channels[1]), DEADLINE, f"the notice in {guild.id}")
    failed_fetches = e2e.farm.statuses[("flaky", 503)]
    assert failed_fetches == 3, f"disabled after {failed_fetches} failures, SITREP_MAX_FAILURES=3"
    # Nothing more: the steady feed is polled on, the disabled one is not, and no second notice comes.
    steady = e2e.farm.hits["steady"]
    await eventually(lambda: e2e.farm.hits["steady"] >= steady + 3, DEADLINE, "three more polls of a healthy feed")
    await bot.stop()
    bot = await e2e.start_bot()
    await eventually(lambda: e2e.farm.hits["steady"] >= steady + 5, DEADLINE, "polls after a restart")
    await eventually(lambda: pending(e2e) == 0, DEADLINE, "an empty outbox")
    assert e2e.farm.statuses[("flaky", 503)] == failed_fetches, "a disabled feed was fetched again"
    for guild in (alpha, beta):
        [notice] = notices(e2e.fake, guild.channels[1])
        assert "Flaky" in notice["embeds"][0]["title"] and "503" in notice["embeds"][0]["description"], notice
    assert notices(e2e.fake, alpha.general) == [] and notices(e2e.fake, beta.general) == []
    listing = (await e2e.slash(alpha, "feed list")).text
    assert "disabled" in listing, listing
