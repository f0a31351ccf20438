"""Scenario 5: crash safety. `sitrep run` is killed with SIGKILL at random moments (a seeded RNG picks them)
while it drains 200 due posts, and restarted on the same database each time: in the end every post is in its
channel exactly once. Killed while storing a big first ingest cycle, the database stays whole: integrity_check
passes and no article is stored without its story, tags and full-text entry."""

from __future__ import annotations

import asyncio
import random
from collections import Counter

from tests.e2e.conftest import E2E
from tests.e2e.harness import consistency_problems, eventually, post_links, query, run_cli, scalar

CHANNELS = 10
NEW_PER_CHANNEL = 20  # 200 posts due at once
KILLS = 6
DEADLINE = 90.0


async def test_kill_9_while_draining_the_outbox_loses_and_repeats_nothing(e2e: E2E) -> None:
    rng = random.Random(20261126)
    alpha = e2e.guild("Alpha", channels=CHANNELS + 1)
    general, channels = alpha.channels[0], alpha.channels[1:]
    for index in range(CHANNELS):
        e2e.farm.feed(f"desk{index}", e2e.news.items(f"desk{index}/old", 3), title=f"Desk {index}")
    e2e.env_overrides.update(SITREP_POSTS_PER_CHANNEL=50)
    bot = await e2e.start_bot()
    await e2e.sync(alpha.id)
    for index, channel in enumerate(channels):
        await e2e.slash(alpha, "feed add", url=e2e.farm.url(f"desk{index}"), channel=channel)

    expected: dict[int, set[str]] = {}
    for index, channel in enumerate(channels):
        fresh = e2e.news.items(f"desk{index}/new", NEW_PER_CHANNEL)
        e2e.farm.add_items(f"desk{index}", fresh)
        expected[channel] = {item.link for item in fresh}
    total = CHANNELS * NEW_PER_CHANNEL

    def posted() -> int:
        return sum(len(post_links(e2e.fake, channel)) for channel in channels)

    kills: list[tuple[int, int]] = []
    seen = 0
    for left in range(KILLS, 0, -1):
        # a random moment in this run's share of what is still to send: after its first post, before the end
        share = max((total - seen) // (left + 1), 2)
        threshold = min(seen + rng.randint(1, share), total - 1)
        await e2e.fake.waiters.wait(lambda t=threshold: posted() >= t, DEADLINE, f"{threshold} posts")
        await asyncio.sleep(rng.uniform(0, 0.02))
        bot.kill()
        seen = posted()
        kills.append((threshold, seen))
        bot = await e2e.start_bot()
    print(f"killed at (threshold, posts seen): {kills}; nonce replays answered by Discord: "
          f"{e2e.fake.counters()['nonce_dedup']}")

    await e2e.fake.waiters.wait(lambda: posted() >= total, DEADLINE, f"all {total} posts")
    await eventually(lambda: scalar(e2e.database, "SELECT count(*) FROM outbox WHERE status = 'pending'") == 0,
                     DEADLINE, "an empty outbox")
    for channel in channels:
        links = Counter(post_links(e2e.fake, channel))
        assert set(links) == expected[channel], f"channel {channel}: missing {expected[channel] - set(links)}"
        assert max(links.values()) == 1, f"posted twice: {[link for link, n in links.items() if n > 1]}"
    assert e2e.fake.messages(general) == []
    assert query(e2e.database, "SELECT status, count(*) FROM outbox GROUP BY status") == [("sent", total)]
    assert consistency_problems(e2e.database) == []


FEEDS = 40
ITEMS = 60


async def test_kill_9_during_ingestion_leaves_no_half_stored_article(e2e: E2E) -> None:
    rng = random.Random(7)
    urls = [e2e.farm.feed(f"big{index}", e2e.news.items(f"big{index}", ITEMS)) for index in range(FEEDS)]
    opml = e2e.tmp / "feeds.opml"
    opml.write_text('<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body>'
                    + "".join(f'<outline type="rss" xmlUrl="{url}"/>' for url in urls) + "</body></opml>")
    code, out = await run_cli(["feeds", "import-opml", str(opml)], e2e.env(), e2e.tmp, e2e.log_path)
    assert code == 0 and f"Imported {FEEDS} new feeds" in out, out

    def stored_feeds() -> int:
        return scalar(e2e.database, "SELECT count(*) FROM feeds WHERE initialised = 1")

    kills = []
    for threshold in sorted(rng.sample(range(1, FEEDS - 1), KILLS - 1)):
        bot = e2e.bot().start()
        await eventually(lambda t=threshold: stored_feeds() >= t, DEADLINE, f"{threshold} feeds stored",
                         interval=0.01)
        await asyncio.sleep(rng.uniform(0, 0.05))  # somewhere inside the next feed's batch, or between two
        bot.kill()
        at_kill = stored_feeds()
        kills.append((threshold, at_kill))
        assert consistency_problems(e2e.database) == [], f"after a kill with {at_kill} feeds stored"
    print(f"killed at (threshold, feeds stored): {kills}")
    assert any(0 < stored < FEEDS for _, stored in kills), "no kill landed inside an ingest cycle"

    bot = e2e.bot().start()
    await eventually(lambda: stored_feeds() == FEEDS, DEADLINE, "every feed stored")
    await eventually(lambda: scalar(e2e.database, "SELECT count(*) FROM articles WHERE analysis_order IS NOT NULL")
                     == 0, DEADLINE, "the backlog analysed")
    await bot.stop()
    assert consistency_problems(e2e.database) == []
    per_feed = query(e2e.database, "SELECT feed_id, count(*), count(DISTINCT link) FROM articles GROUP BY feed_id")
    assert len(per_feed) == FEEDS and all(n == links == ITEMS for _, n, links in per_feed), per_feed
    assert scalar(e2e.database, "SELECT count(*) FROM outbox") == 0, "a backlog was queued for posting"


async def test_sigterm_flushes_what_it_can_and_a_restart_sends_the_rest_once(e2e: E2E) -> None:
    alpha = e2e.guild("Alpha", channels=2)
    news = alpha.channels[1]
    e2e.farm.feed("wire", e2e.news.items("wire/old", 2))
    e2e.env_overrides.update(SITREP_POSTS_PER_CHANNEL=100)
    bot = await e2e.start_bot()
    await e2e.sync(alpha.id)
    await e2e.slash(alpha, "feed add", url=e2e.farm.url("wire"), channel=news)
    e2e.fake.set_rate_limit(limit=4, window=1.0)  # Discord lets 4 posts a second through: a slow drain
    fresh = e2e.news.items("wire/new", 60)
    e2e.farm.add_items("wire", fresh)
    await e2e.fake.waiters.wait(lambda: len(post_links(e2e.fake, news)) >= 6, DEADLINE, "the drain to start")

    assert await bot.stop(timeout=30) == 0, "SIGTERM: flush for up to 10 s, then exit cleanly"
    log = bot.log_text()
    assert "flushing the outbox" in log and "stopped cleanly" in log, log[-2000:]
    left = scalar(e2e.database, "SELECT count(*) FROM outbox WHERE status = 'pending'")
    print(f"posted before SIGTERM: 6+, after the flush: {len(post_links(e2e.fake, news))}, left: {left}")

    await e2e.start_bot()
    await e2e.fake.waiters.wait(lambda: len(post_links(e2e.fake, news)) >= len(fresh), DEADLINE, "every post")
    await eventually(lambda: scalar(e2e.database, "SELECT count(*) FROM outbox WHERE status = 'pending'") == 0,
                     DEADLINE, "an empty outbox")
    links = Counter(post_links(e2e.fake, news))
    assert set(links) == {item.link for item in fresh} and max(links.values()) == 1
