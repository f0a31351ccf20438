"""/feed add, remove, list, pause, resume, preview, import and export through the fake Discord: for each, the
success path, bad input, a member without Manage Server, and another server trying to reach Alpha's feeds."""

from __future__ import annotations

import re

import pytest

from tests.bot.conftest import BotEnv
from tests.bot.samples import FOOTBALL, OLD, STRIKE, VOLCANO, many
from tests.e2e.fakediscord import P
from tests.helpers.feed_server import Reply
from tests.helpers.feeds import rss

NO_PERMISSION = "You need the Manage Server permission for that."


def content(response: dict) -> str:
    return response["message"]["content"]


def description(response: dict) -> str:
    """The embeds' descriptions as Discord shows them (markdown escapes removed)."""
    text = "\n".join(embed.get("description", "") for embed in response["message"]["embeds"])
    return re.sub(r"\\(.)", r"\1", text)


def assert_ephemeral_error(response: dict, *needles: str) -> None:
    assert response["ephemeral"], response
    text = content(response)
    assert len(text) < 300
    for needle in needles:
        assert needle in text, text


def opml(*urls: str) -> bytes:
    outlines = "".join(f'<outline type="rss" text="f{i}" xmlUrl="{url}"/>' for i, url in enumerate(urls))
    return f'<?xml version="1.0"?><opml version="2.0"><head/><body>{outlines}</body></opml>'.encode()


# ----- /feed add -------------------------------------------------------------------------------------------------

async def test_add_answers_with_title_and_item_count_and_posts_no_backlog(bot_env: BotEnv) -> None:
    env = bot_env
    url = env.serve_items("/news", OLD, OLD + [FOOTBALL], title="Alpha News")
    response = await env.slash("feed add", url=url, channel=env.news)
    assert response["ephemeral"]
    assert "Subscribed" in content(response) and "**Alpha News**" in content(response)
    assert "2 items" in content(response)
    assert f"<#{env.news}>" in content(response)
    [subscription] = await env.storage.list_subscriptions(env.guild.id)
    assert subscription.channel_id == env.news and subscription.feed_title == "Alpha News"
    assert env.feeds.hits["/news"] == 1  # fetched once, by the command

    await env.poll()  # not due yet: nothing fetched, nothing posted
    assert env.posts(env.news) == []
    env.clock.advance(hours=2)
    await env.poll()  # the next fetch brings one new item: only that one is posted
    [post] = env.posts(env.news)
    assert post["embeds"][0]["title"] == FOOTBALL.title
    assert post["allowed_mentions"] == {"parse": []}


async def test_add_refuses_bad_urls(bot_env: BotEnv) -> None:
    env = bot_env
    for url, reason in (("ftp://example.com/feed.xml", "only http and https"),
                        ("not a url", "only http and https"),
                        ("http://169.254.169.254/latest/meta-data/", "metadata"),
                        ("http://user:secret@example.com/rss", "credentials")):
        response = await env.slash("feed add", url=url)
        assert_ephemeral_error(response, "That URL can't be used", reason)
    assert await env.storage.list_subscriptions(env.guild.id) == []
    assert await env.storage.list_feeds() == []


async def test_add_refuses_what_is_not_a_readable_feed(bot_env: BotEnv) -> None:
    env = bot_env
    missing = env.feeds.url("/nowhere")
    html = env.serve("/page", Reply(body=b"<html><body>hello</body></html>", content_type="text/html"))
    for url in (missing, html):
        response = await env.slash("feed add", url=url)
        assert_ephemeral_error(response, "I couldn't read that feed")
    assert "HTTP 404" in content(await env.slash("feed add", url=missing))
    assert await env.storage.list_feeds() == []  # a feed that never answered is not kept


@pytest.mark.bot_settings(max_body_bytes=4096)
async def test_add_refuses_an_oversized_feed(bot_env: BotEnv) -> None:
    env = bot_env
    url = env.serve_items("/huge", many(40), title="Huge")
    response = await env.slash("feed add", url=url)
    assert_ephemeral_error(response, "I couldn't read that feed", "too large")
    assert await env.storage.list_subscriptions(env.guild.id) == []


@pytest.mark.parametrize(("deny", "label"), [(P.EMBED_LINKS, "Embed Links"), (P.ATTACH_FILES, "Attach Files"),
                                             (P.SEND_MESSAGES, "Send Messages"), (P.VIEW_CHANNEL, "View Channel")])
async def test_add_names_the_permission_the_bot_lacks_in_the_channel(bot_env: BotEnv, deny: int, label: str) -> None:
    env = bot_env
    env.fake.set_overwrite(env.news, env.fake.bot_user.id, deny=deny, kind="member")
    url = env.serve_items("/news", OLD)
    response = await env.slash("feed add", url=url, channel=env.news)
    assert_ephemeral_error(response, "I can't post in", label)
    assert env.feeds.hits["/news"] == 0  # refused before any fetch
    assert await env.storage.list_subscriptions(env.guild.id) == []


async def test_add_wants_a_text_channel(bot_env: BotEnv) -> None:
    env = bot_env
    voice = env.fake.add_channel(env.guild.id, "voice", type=2)
    url = env.serve_items("/news", OLD)
    assert_ephemeral_error(await env.slash("feed add", url=url, channel=voice.id), "Pick a text channel")
    assert env.feeds.hits["/news"] == 0


async def test_add_needs_manage_server(bot_env: BotEnv) -> None:
    env = bot_env
    url = env.serve_items("/news", OLD)
    response = await env.slash("feed add", url=url, user=env.member)
    assert_ephemeral_error(response, "Manage Server")
    assert env.feeds.hits["/news"] == 0
    assert await env.storage.list_subscriptions(env.guild.id) == []


async def test_add_of_a_feed_another_server_reads_fetches_it_once_and_keeps_both_apart(bot_env: BotEnv) -> None:
    env = bot_env
    url = env.serve_items("/shared", OLD, OLD + [VOLCANO], OLD + [VOLCANO, FOOTBALL], title="Shared Wire")
    await env.subscribe(url)
    response = await env.beta("feed add", url=url)
    # fetched once more for Beta: the feed's second version, three items, Beta's backlog
    assert "Subscribed" in content(response) and "Shared Wire" in content(response) and "3 items" in content(response)
    assert env.feeds.hits["/shared"] == 2
    [alpha] = await env.storage.list_subscriptions(env.guild.id)
    [beta] = await env.storage.list_subscriptions(env.other_guild.id)
    assert alpha.id != beta.id and alpha.feed_id == beta.feed_id

    await env.next_cycle()
    # the volcano was new to Alpha (posted there) but part of Beta's backlog (not posted there)
    assert [p["embeds"][0]["title"] for p in env.posts(env.general)] == [VOLCANO.title, FOOTBALL.title]
    assert [p["embeds"][0]["title"] for p in env.posts(env.other_general)] == [FOOTBALL.title]

    again = await env.slash("feed add", url=url)
    assert "Already subscribed" in content(again)


async def test_add_of_an_unchanged_feed_says_so(bot_env: BotEnv) -> None:
    env = bot_env
    url = env.serve("/etag", Reply(body=rss(OLD, title="Tagged"), etag='"v1"'))
    await env.subscribe(url)
    response = await env.beta("feed add", url=url)
    assert "Subscribed" in content(response) and "has not changed since I last read it" in content(response)


@pytest.mark.bot_settings(max_failures=1)
async def test_add_of_a_disabled_feed_tries_it_again(bot_env: BotEnv) -> None:
    env = bot_env
    url = env.serve("/flaky", rss(OLD, title="Flaky"), Reply(status=500), Reply(status=500), rss(OLD, title="Flaky"))
    await env.subscribe(url)
    await env.next_cycle()
    assert (await env.storage.get_feed_by_url(url)).disabled
    assert_ephemeral_error(await env.beta("feed add", url=url), "I couldn't read that feed", "HTTP 500")
    assert (await env.storage.get_feed_by_url(url)).disabled  # still failing: left disabled
    response = await env.beta("feed add", url=url)
    assert "Subscribed" in content(response)
    assert not (await env.storage.get_feed_by_url(url)).disabled


# ----- /feed remove ----------------------------------------------------------------------------------------------

async def test_remove_stops_delivery(bot_env: BotEnv) -> None:
    env = bot_env
    url = env.serve_items("/news", OLD, OLD + [FOOTBALL], title="Alpha News")
    subscription = await env.subscribe(url)
    response = await env.slash("feed remove", feed=subscription)
    assert response["ephemeral"] and f"Removed feed #{subscription}" in content(response)
    assert "Alpha News" in content(response)
    assert await env.storage.list_subscriptions(env.guild.id) == []
    await env.next_cycle()
    assert env.posts(env.general) == []


async def test_a_feed_nobody_reads_stops_being_polled_until_added_again(bot_env: BotEnv) -> None:
    env = bot_env
    url = env.serve_items("/news", OLD, OLD + [FOOTBALL], OLD + [FOOTBALL, VOLCANO], title="Alpha News")
    subscription = await env.subscribe(url)
    await env.slash("feed remove", feed=subscription)
    feed = await env.storage.get_feed_by_url(url)
    assert feed.disabled and "no server subscribes" in feed.disabled_reason
    fetched = env.feeds.hits["/news"]
    await env.next_cycle()
    assert env.feeds.hits["/news"] == fetched
    assert "Subscribed" in content(await env.slash("feed add", url=url))
    assert not (await env.storage.get_feed_by_url(url)).disabled


async def test_remove_of_an_unknown_feed_is_refused(bot_env: BotEnv) -> None:
    response = await bot_env.slash("feed remove", feed=4242)
    assert_ephemeral_error(response, "There is no feed #4242 on this server")


async def test_remove_needs_manage_server(bot_env: BotEnv) -> None:
    env = bot_env
    subscription = await env.subscribe(env.serve_items("/news", OLD))
    response = await env.slash("feed remove", feed=subscription, user=env.member)
    assert_ephemeral_error(response, "Manage Server")
    assert len(await env.storage.list_subscriptions(env.guild.id)) == 1


async def test_another_server_cannot_remove_pause_resume_or_preview_alphas_feed(bot_env: BotEnv) -> None:
    env = bot_env
    subscription = await env.subscribe(env.serve_items("/news", OLD, title="Alpha Secret Wire"))
    for command in ("feed remove", "feed pause", "feed resume", "feed preview"):
        response = await env.beta(command, feed=subscription)
        assert_ephemeral_error(response, f"There is no feed #{subscription} on this server")
        assert "Alpha Secret Wire" not in content(response)
    [still] = await env.storage.list_subscriptions(env.guild.id)
    assert still.id == subscription and not still.paused


# ----- /feed list ------------------------------------------------------------------------------------------------

async def test_list_shows_each_status_with_its_reason(bot_env: BotEnv) -> None:
    env = bot_env
    ok = await env.subscribe(env.serve_items("/ok", OLD, title="Fine Feed"))
    paused = await env.subscribe(env.serve_items("/paused", OLD, title="Paused Feed"))
    failing = await env.subscribe(env.serve("/failing", rss(OLD, title="Failing Feed"), Reply(status=500)))
    await env.slash("feed pause", feed=paused)
    await env.next_cycle()  # /failing answers 500 now

    text = description(await env.slash("feed list"))
    lines = text.split("\n")
    status = {line.split()[0]: lines[index + 1].strip() for index, line in enumerate(lines) if line.startswith("**#")}
    assert status[f"**#{ok}**"] == "ok"
    assert status[f"**#{paused}**"] == "paused"
    assert status[f"**#{failing}**"].startswith("failing (1x): HTTP 500")


@pytest.mark.bot_settings(max_failures=2)
async def test_list_shows_a_disabled_feed_with_its_reason(bot_env: BotEnv) -> None:
    env = bot_env
    subscription = await env.subscribe(env.serve("/dying", rss(OLD, title="Dying Feed"), Reply(status=404)))
    for _ in range(2):
        env.clock.advance(hours=13)  # past the backoff
        await env.poll()
    text = description(await env.slash("feed list"))
    assert f"**#{subscription}**" in text
    assert "disabled: disabled after 2 consecutive failures; last: HTTP 404" in text


async def test_list_is_paginated_and_only_the_caller_turns_pages(bot_env: BotEnv) -> None:
    env = bot_env
    for index in range(10):
        await env.subscribe(env.serve_items(f"/f{index}", OLD, title=f"Feed number {index}"))
    second_admin = env.fake.add_admin(env.guild.id, "second-admin")
    response = await env.slash("feed list")
    message = response["message"]
    assert message["embeds"][0]["footer"]["text"] == "Page 1 of 2"
    assert "Feed number 0" in description(response) and "Feed number 9" not in description(response)

    refused = await env.press(message, "Next", second_admin)
    assert refused["ephemeral"] and "Only the person who asked" in content(refused)
    assert env.fake.message(message["id"])["embeds"][0]["footer"]["text"] == "Page 1 of 2"

    turned = await env.press(message, "Next", env.admin)
    assert turned["callback_type"] == 7  # the list itself was edited
    page = env.fake.message(message["id"])
    assert page["embeds"][0]["footer"]["text"] == "Page 2 of 2"
    assert "Feed number 9" in page["embeds"][0]["description"]


async def test_list_needs_manage_server(bot_env: BotEnv) -> None:
    env = bot_env
    await env.subscribe(env.serve_items("/news", OLD, title="Alpha News"))
    response = await env.slash("feed list", user=env.member)
    assert_ephemeral_error(response, "Manage Server")
    assert "Alpha News" not in content(response)


async def test_list_shows_only_this_servers_feeds(bot_env: BotEnv) -> None:
    env = bot_env
    await env.subscribe(env.serve_items("/alpha", OLD, title="Alpha Only"))
    await env.subscribe(env.serve_items("/beta", OLD, title="Beta Only"), guild=env.other_guild)
    alpha, beta = description(await env.slash("feed list")), description(await env.beta("feed list"))
    assert "Alpha Only" in alpha and "Beta Only" not in alpha
    assert "Beta Only" in beta and "Alpha Only" not in beta


async def test_list_when_empty_says_how_to_add(bot_env: BotEnv) -> None:
    assert "No feeds yet" in description(await bot_env.slash("feed list"))


# ----- /feed pause and /feed resume ------------------------------------------------------------------------------

async def test_pause_stops_posts_and_resume_brings_them_back(bot_env: BotEnv) -> None:
    env = bot_env
    url = env.serve_items("/news", OLD, OLD + [FOOTBALL], OLD + [FOOTBALL, VOLCANO], title="Alpha News")
    subscription = await env.subscribe(url)
    response = await env.slash("feed pause", feed=subscription)
    assert response["ephemeral"] and f"Paused feed #{subscription}" in content(response)
    await env.next_cycle()
    assert env.posts(env.general) == []

    response = await env.slash("feed resume", feed=subscription)
    assert f"Resumed feed #{subscription}" in content(response)
    await env.next_cycle()
    assert [p["embeds"][0]["title"] for p in env.posts(env.general)] == [VOLCANO.title]


@pytest.mark.parametrize("command", ["feed pause", "feed resume"])
async def test_pause_and_resume_refuse_an_unknown_feed(bot_env: BotEnv, command: str) -> None:
    assert_ephemeral_error(await bot_env.slash(command, feed=77), "There is no feed #77 on this server")


@pytest.mark.parametrize("command", ["feed pause", "feed resume"])
async def test_pause_and_resume_need_manage_server(bot_env: BotEnv, command: str) -> None:
    env = bot_env
    subscription = await env.subscribe(env.serve_items("/news", OLD))
    await env.slash("feed pause", feed=subscription) if command == "feed resume" else None
    before = (await env.storage.get_subscription(env.guild.id, subscription)).paused
    assert_ephemeral_error(await env.slash(command, feed=subscription, user=env.member), "Manage Server")
    assert (await env.storage.get_subscription(env.guild.id, subscription)).paused == before


@pytest.mark.bot_settings(max_failures=1)
async def test_resume_gives_a_disabled_feed_another_try(bot_env: BotEnv) -> None:
    env = bot_env
    url = env.serve("/flaky", rss(OLD, title="Flaky"), Reply(status=503), rss(OLD + [VOLCANO], title="Flaky"))
    subscription = await env.subscribe(url)
    await env.next_cycle()
    assert (await env.storage.get_subscription(env.guild.id, subscription)).feed_disabled_reason
    await env.slash("feed resume", feed=subscription)
    assert (await env.storage.get_subscription(env.guild.id, subscription)).status == "ok"
    await env.poll()  # due at once again
    assert VOLCANO.title in [p["embeds"][0].get("title") for p in env.posts(env.general)]


# ----- /feed preview ---------------------------------------------------------------------------------------------

async def test_preview_shows_the_next_post_as_it_will_look(bot_env: BotEnv) -> None:
    env = bot_env
    subscription = await env.subscribe(env.serve_items("/news", [STRIKE], title="Alpha News"))
    response = await env.slash("feed preview", feed=subscription)
    assert response["ephemeral"]
    [embed] = response["message"]["embeds"]
    assert embed["title"] == STRIKE.title and embed["url"] == STRIKE.link
    assert embed["footer"]["text"].endswith("Alpha News")
    actors = next(field["value"] for field in embed["fields"] if field["name"] == "Actors")
    assert "Iran" in actors and "Israel" in actors
    assert env.posts(env.general) == []  # a preview is not a post


async def test_preview_of_an_empty_feed_says_so(bot_env: BotEnv) -> None:
    env = bot_env
    subscription = await env.subscribe(env.serve_items("/empty", [], title="Empty"))
    assert_ephemeral_error(await env.slash("feed preview", feed=subscription), "no articles yet")


async def test_preview_needs_manage_server(bot_env: BotEnv) -> None:
    env = bot_env
    subscription = await env.subscribe(env.serve_items("/news", [STRIKE]))
    response = await env.slash("feed preview", feed=subscription, user=env.member)
    assert_ephemeral_error(response, "Manage Server")
    assert response["message"]["embeds"] == []


# ----- /feed import and /feed export -----------------------------------------------------------------------------

async def test_import_subscribes_every_feed_and_reports_failures(bot_env: BotEnv) -> None:
    env = bot_env
    good = env.serve_items("/good", OLD, title="Good Feed")
    other = env.serve_items("/other", [FOOTBALL], title="Other Feed")
    bad = env.feeds.url("/missing")
    response = await env.slash("feed import", file=("feeds.opml", opml(good, other, bad, "ftp://x.example/f")),
                               channel=env.news)
    text = content(response)
    assert response["ephemeral"]
    assert f"Imported 2 feeds into <#{env.news}>" in text
    assert "/missing" in text and "HTTP 404" in text and "only http and https" not in text  # ftp is not in an OPML list
    titles = sorted(s.feed_title for s in await env.storage.list_subscriptions(env.guild.id))
    assert titles == ["Good Feed", "Other Feed"]
    await env.next_cycle()
    assert env.posts(env.news) == []  # an import posts no backlog either


async def test_import_refuses_a_file_that_is_not_opml(bot_env: BotEnv) -> None:
    env = bot_env
    for data, reason in ((b"this is not xml", "not valid XML"), (b"<rss><channel/></rss>", "not an OPML file"),
                         (b'<opml version="2.0"><body/></opml>', "lists no http(s) feeds")):
        response = await env.slash("feed import", file=("feeds.opml", data))
        assert_ephemeral_error(response, reason)
    assert await env.storage.list_subscriptions(env.guild.id) == []


async def test_import_refuses_a_file_too_large_for_a_list_of_feeds(bot_env: BotEnv) -> None:
    env = bot_env
    response = await env.slash("feed import", file={"filename": "huge.opml", "size": 2 * 1024 * 1024})
    assert_ephemeral_error(response, "too large")
    assert not response["deferred"]


async def test_import_needs_manage_server(bot_env: BotEnv) -> None:
    env = bot_env
    good = env.serve_items("/good", OLD)
    response = await env.slash("feed import", file=("feeds.opml", opml(good)), user=env.member)
    assert_ephemeral_error(response, "Manage Server")
    assert env.feeds.hits["/good"] == 0


async def test_export_lists_this_servers_feeds_only(bot_env: BotEnv) -> None:
    env = bot_env
    alpha_url = env.serve_items("/alpha", OLD, title="Alpha & Co")
    beta_url = env.serve_items("/beta", OLD, title="Beta Only")
    await env.subscribe(alpha_url)
    await env.subscribe(beta_url, guild=env.other_guild)
    response = await env.slash("feed export")
    assert response["ephemeral"]
    [attachment] = response["message"]["attachments"]
    assert attachment["filename"] == "sitrep-feeds.opml"
    exported = env.fake.store.files[int(attachment["id"])].data.decode()
    assert alpha_url in exported and 'title="Alpha &amp; Co"' in exported
    assert beta_url not in exported

    beta = await env.beta("feed export")
    beta_file = env.fake.store.files[int(beta["message"]["attachments"][0]["id"])].data.decode()
    assert beta_url in beta_file and alpha_url not in beta_file


async def test_export_then_import_round_trips(bot_env: BotEnv) -> None:
    env = bot_env
    url = env.serve_items("/alpha", OLD, title="Alpha Wire")
    await env.subscribe(url)
    exported = await env.slash("feed export")
    data = env.fake.store.files[int(exported["message"]["attachments"][0]["id"])].data
    imported = await env.beta("feed import", file=("sitrep-feeds.opml", data))
    assert "Imported 1 feeds" in content(imported)
    [beta] = await env.storage.list_subscriptions(env.other_guild.id)
    assert beta.feed_url == url
    assert len(await env.storage.list_subscriptions(env.guild.id)) == 1  # Alpha's own are untouched


async def test_export_needs_manage_server(bot_env: BotEnv) -> None:
    env = bot_env
    await env.subscribe(env.serve_items("/alpha", OLD))
    response = await env.slash("feed export", user=env.member)
    assert_ephemeral_error(response, "Manage Server")
    assert response["message"]["attachments"] == []
