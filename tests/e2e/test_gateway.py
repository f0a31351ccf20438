"""Scenario 7: the gateway goes away (a close, a dropped TCP connection, op 7, an invalidated session); the
bot resumes or identifies again, answers commands, and keeps posting, each story once."""

from __future__ import annotations

from collections import Counter

from tests.e2e.conftest import E2E
from tests.e2e.harness import ACK_DEADLINE, eventually, post_links, scalar

DEADLINE = 30.0


async def test_bot_resumes_or_reconnects_and_keeps_posting(e2e: E2E) -> None:
    alpha = e2e.guild("Alpha", channels=2)
    news = alpha.channels[1]
    e2e.farm.feed("wire", e2e.news.items("wire/old", 3))
    bot = await e2e.start_bot()
    await e2e.sync(alpha.id)
    await e2e.slash(alpha, "feed add", url=e2e.farm.url("wire"), channel=news)
    fake, expected = e2e.fake, []

    async def still_working(label: str) -> None:
        item = e2e.news.item(f"wire/after-{label.replace(' ', '-')}")
        e2e.farm.add_items("wire", [item])
        expected.append(item.link)
        await eventually(lambda: item.link in post_links(fake, news), DEADLINE, f"a post after {label}")
        assert "Feeds on this server" in (await e2e.slash(alpha, "feed list")).text

    await still_working("start")
    identifies = fake.gateway_count("identify")

    # A server-side close (4000): the bot resumes its session, and a command sent while it was away is
    # replayed on the resume and still answered within Discord's 3 s.
    resumed = fake.gateway_count("resumed")
    await fake.close_gateway(4000, "fake: unknown error")
    iid = await fake.slash(alpha.id, alpha.general, alpha.admin, "about")
    await fake.wait_gateway("resumed", resumed + 1, timeout=DEADLINE)
    answer = await fake.wait_response(iid, timeout=ACK_DEADLINE + 2)
    assert answer["acknowledged"] and answer["ack_latency"] < ACK_DEADLINE, answer
    await still_working("a close")

    # The TCP connection cut with no close frame.
    resumed = fake.gateway_count("resumed")
    assert fake.drop_gateway() == 1
    await fake.wait_gateway("resumed", resumed + 1, timeout=DEADLINE)
    await still_working("a dropped connection")

    # Discord asks the bot to reconnect (op 7).
    resumed = fake.gateway_count("resumed")
    await fake.reconnect_gateway()
    await fake.wait_gateway("resumed", resumed + 1, timeout=DEADLINE)
    await still_working("op 7")
    assert fake.gateway_count("identify") == identifies, "every disruption so far should have been a resume"

    # The session is invalidated (op 9, not resumable): a new IDENTIFY and READY, and on it goes.
    await fake.invalidate_session(resumable=False)
    await fake.wait_gateway("ready", fake.gateway_count("ready") + 1, timeout=DEADLINE)
    await bot.wait_log("connected as", count=2)
    await still_working("an invalidated session")
    assert fake.gateway_count("identify") == identifies + 1

    await eventually(lambda: scalar(e2e.database, "SELECT count(*) FROM outbox WHERE status = 'pending'") == 0,
                     DEADLINE, "an empty outbox")
    links = Counter(post_links(fake, news))
    assert sorted(links) == sorted(expected) and max(links.values()) == 1, links
    assert bot.running
