"""Scenario 2: `/feed add` on a feed server URL is answered within 3 s; the backlog is not posted; new items
are posted once per story, whichever feed or copy brings them."""

from __future__ import annotations

from tests.e2e.conftest import E2E
from tests.e2e.harness import copy_of, eventually, post_links, scalar

DEADLINE = 30.0


async def quiet(e2e: E2E, *feeds: str, polls: int = 2) -> None:
    """Every feed fetched `polls` more times and nothing left to send: what is in the channels now is final."""
    wanted = {name: e2e.farm.hits[name] + polls for name in feeds}
    await eventually(lambda: all(e2e.farm.hits[n] >= h for n, h in wanted.items()), DEADLINE,
                     f"{polls} more polls of {feeds}")
    await eventually(lambda: scalar(e2e.database, "SELECT count(*) FROM outbox WHERE status = 'pending'") == 0,
                     DEADLINE, "an empty outbox")


async def test_feed_add_posts_new_stories_once(e2e: E2E) -> None:
    alpha = e2e.guild("Alpha", channels=3)
    general, news, later = alpha.channels
    wire_backlog, mirror_backlog = e2e.news.items("wire/old", 6), e2e.news.items("mirror/old", 3)
    wire = e2e.farm.feed("wire", wire_backlog, title="Wire")
    mirror = e2e.farm.feed("mirror", mirror_backlog, title="Mirror")
    await e2e.start_bot()
    await e2e.sync(alpha.id)

    added = await e2e.slash(alpha, "feed add", url=wire, channel=news)  # acknowledged within 3 s, or it fails
    assert added.ephemeral and "Subscribed" in added.text and "6 items" in added.text, added.text
    assert (await e2e.slash(alpha, "feed add", url=mirror, channel=news)).text.startswith("Subscribed")
    again = await e2e.slash(alpha, "feed add", url=wire, channel=news)
    assert "Already subscribed" in again.text, again.text

    await quiet(e2e, "wire", "mirror")
    assert e2e.fake.messages(news) == [], "the backlog was posted"

    # Round 1: four new wire stories; the mirror carries one of them too (same link and text, its own guid),
    # plus one story of its own; a backlog item is edited (same guid, new title): an update, not a new story.
    fresh = e2e.news.items("wire/new", 4)
    mirror_own = e2e.news.item("mirror/new/0")
    edited = wire_backlog[0].__class__(title=wire_backlog[0].title + " (updated)", body=wire_backlog[0].body,
                                       guid=wire_backlog[0].guid, link=wire_backlog[0].link, date=wire_backlog[0].date)
    e2e.farm.set_items("wire", [*reversed(fresh), edited, *wire_backlog[1:]])
    e2e.farm.add_items("mirror", [copy_of(fresh[1], "mirror/copy/1"), mirror_own])
    expected = [item.link for item in fresh] + [mirror_own.link]
    await eventually(lambda: set(post_links(e2e.fake, news)) >= set(expected), DEADLINE, "the five new stories")
    await quiet(e2e, "wire", "mirror")
    links = post_links(e2e.fake, news)
    assert sorted(links) == sorted(expected), f"posted {links}, expected each of {expected} once"

    # Round 2: the mirror picks up two round-1 wire stories a cycle later: their stories were posted already.
    e2e.farm.add_items("mirror", [copy_of(fresh[2], "mirror/copy/2"), copy_of(fresh[3], "mirror/copy/3")])
    await quiet(e2e, "wire", "mirror")
    assert sorted(post_links(e2e.fake, news)) == sorted(expected)

    # A second channel subscribing to a known feed gets what is new from then on, not what the first one had.
    assert (await e2e.slash(alpha, "feed add", url=wire, channel=later)).text.startswith("Subscribed")
    newest = e2e.news.item("wire/newest")
    e2e.farm.add_items("wire", [newest])
    await eventually(lambda: newest.link in post_links(e2e.fake, news) and newest.link in post_links(e2e.fake, later),
                     DEADLINE, "the newest story in both channels")
    await quiet(e2e, "wire", "mirror")
    assert post_links(e2e.fake, later) == [newest.link]
    assert sorted(post_links(e2e.fake, news)) == sorted([*expected, newest.link])
    assert e2e.fake.messages(general) == [], "nothing is posted where the commands were typed"
    assert e2e.fake.counters()["unhandled"] == []
