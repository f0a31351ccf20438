"""Scenario 3: every slash command answers (success and error paths) within 3 s, a member without Manage
Server is refused the configuration commands, and two servers never see each other's data."""

from __future__ import annotations

import re

from tests.e2e.conftest import E2E, Guild
from tests.e2e.harness import eventually, post_links, scalar

DEADLINE = 30.0
REFUSED = "Manage Server"

# (command, options) a member without Manage Server must be refused; {feed}/{watch}/{schedule} filled in.
CONFIG_COMMANDS = [
    ("feed add", {"url": "{url}"}), ("feed remove", {"feed": "{feed}"}), ("feed pause", {"feed": "{feed}"}),
    ("feed resume", {"feed": "{feed}"}), ("feed import", {"file": {"filename": "f.opml", "content": "<opml/>"}}),
    ("watch add", {"subject": "France"}), ("watch breaking", {}), ("watch remove", {"watch": "{watch}"}),
    ("brief schedule", {"time": "07:00", "timezone": "Europe/Paris"}), ("brief cancel", {"schedule": "{schedule}"}),
]


def number(pattern: str, text: str) -> int:
    found = re.search(pattern, text)
    assert found, f"no {pattern!r} in {text!r}"
    return int(found.group(1))


def opml(*urls: str) -> dict[str, str]:
    outlines = "".join(f'<outline type="rss" text="f{i}" xmlUrl="{url}"/>' for i, url in enumerate(urls))
    return {"filename": "feeds.opml", "content_type": "text/x-opml",
            "content": f'<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head>'
                       f"<body>{outlines}</body></opml>"}


async def test_every_command_answers_and_servers_stay_apart(e2e: E2E) -> None:
    alpha, beta = e2e.guild("Alpha", channels=3), e2e.guild("Beta", channels=2)
    voice = e2e.fake.add_channel(alpha.id, "voice", type=2).id
    e2e.farm.feed("alpha", e2e.news.items("alpha/old", 4), title="Alpha Times")
    e2e.farm.feed("beta", e2e.news.items("beta/old", 3), title="Beta Post")
    e2e.farm.feed("extra1", e2e.news.items("extra1/old", 2), title="Extra One")
    e2e.farm.feed("extra2", e2e.news.items("extra2/old", 2), title="Extra Two")
    await e2e.start_bot()
    for guild in (alpha, beta):
        await e2e.sync(guild.id)
    news = alpha.channels[1]

    async def ok(guild: Guild, command: str, **options: object) -> str:
        answer = await e2e.slash(guild, command, **options)
        text = answer.text
        print(f"/{command} {options} -> {text[:300]!r}")
        assert "went wrong" not in text, f"/{command} failed: {text}"
        return text

    # ----- success paths
    text = await ok(alpha, "feed add", url=e2e.farm.url("alpha"), channel=news)
    alpha_feed = number(r"feed #(\d+)", text)
    beta_feed = number(r"feed #(\d+)", await ok(beta, "feed add", url=e2e.farm.url("beta")))
    text = await ok(alpha, "feed import", file=opml(e2e.farm.url("extra1"), e2e.farm.url("extra2")), channel=news)
    assert "Imported 2" in text
    listing = await ok(alpha, "feed list")
    assert all(title in listing for title in ("Alpha Times", "Extra One", "Extra Two")) and "Beta Post" not in listing
    preview = await ok(alpha, "feed preview", feed=alpha_feed)
    assert any(item.title in preview for item in e2e.farm.docs["alpha"].items), preview
    exported = await e2e.slash(alpha, "feed export")
    assert exported.message["attachments"] and exported.message["attachments"][0]["filename"].endswith(".opml")
    assert "Paused" in await ok(alpha, "feed pause", feed=alpha_feed)
    assert "Resumed" in await ok(alpha, "feed resume", feed=alpha_feed)
    watch = number(r"watch #(\d+)", await ok(alpha, "watch add", subject="France", channel=news))
    number(r"watch #(\d+)", await ok(alpha, "watch add", subject="zorbal fizzax", channel=news))
    number(r"watch #(\d+)", await ok(alpha, "watch breaking", min_publishers=3, within_minutes=60))
    assert "France" in await ok(alpha, "watch list")
    schedule = number(r"#(\d+)", await ok(alpha, "brief schedule", time="07:30", timezone="Asia/Tokyo",
                                           channel=news, weekdays="mon-fri"))
    assert "Asia/Tokyo" in await ok(alpha, "brief list")
    await ok(alpha, "brief now", hours=48)
    await ok(alpha, "brief now", country="France", domain="other")
    alpha_words = e2e.farm.docs["alpha"].items[0].title.split()
    found = await ok(alpha, "search", query=alpha_words[1])
    assert alpha_words[1] in found.lower()
    story = scalar(e2e.database, "SELECT story_id FROM articles WHERE link = ?", [e2e.farm.docs["alpha"].items[0].link])
    assert f"Story #{story}" in await ok(alpha, "story", id=story)
    await ok(alpha, "relations", a="France", b="Germany", days=30)
    about = await ok(alpha, "about")
    assert "Sitrep" in about

    # ----- error paths: bad input gets a short ephemeral explanation, never "something went wrong"
    async def refused(guild: Guild, command: str, needle: str, **options: object) -> str:
        answer = await e2e.slash(guild, command, **options)
        print(f"/{command} {options} -> error {answer.text[:300]!r}")
        assert answer.ephemeral, f"/{command}: an error answer should be ephemeral"
        assert needle.lower() in answer.text.lower(), f"/{command}: {answer.text!r} does not say {needle!r}"
        assert "went wrong" not in answer.text
        return answer.text

    await refused(alpha, "feed add", "can't", url="ftp://example.org/feed")
    await refused(alpha, "feed add", "couldn't read", url=e2e.farm.url("missing"))
    await refused(alpha, "feed add", "text channel", url=e2e.farm.url("alpha"), channel=voice)
    await refused(alpha, "feed remove", "no feed #999", feed=999)
    await refused(alpha, "feed pause", "no feed #999", feed=999)
    await refused(alpha, "feed resume", "no feed #999", feed=999)
    await refused(alpha, "feed preview", "no feed #999", feed=999)
    await refused(alpha, "feed import", "can't be imported", file={"filename": "x.opml", "content": "not xml"})
    await refused(alpha, "watch add", "phrase", subject="ab")
    await refused(alpha, "watch remove", "no watch #999", watch=999)
    await refused(alpha, "brief schedule", "not a time", time="25:99", timezone="Europe/Paris")
    await refused(alpha, "brief schedule", "time zone", time="07:00", timezone="Mars/Olympus")
    await refused(alpha, "brief schedule", "weekday", time="07:00", timezone="Europe/Paris", weekdays="someday")
    await refused(alpha, "brief cancel", "no briefing schedule #999", schedule=999)
    await refused(alpha, "brief now", "country", country="Atlantis")
    await refused(alpha, "story", "no story #999999", id=999999)
    await refused(alpha, "relations", "two different", a="France", b="France")
    await refused(alpha, "relations", "country", a="France", b="Atlantis")
    await refused(alpha, "search", "country", query="anything", country="Atlantis")

    # ----- a member without Manage Server is refused every configuration command
    values = {"{url}": e2e.farm.url("alpha"), "{feed}": alpha_feed, "{watch}": watch, "{schedule}": schedule}
    for command, options in CONFIG_COMMANDS:
        filled = {k: values.get(v, v) if isinstance(v, str) else v for k, v in options.items()}
        await refused(alpha, command, REFUSED, user=alpha.member, **filled)
    assert "Alpha Times" in await ok(alpha, "feed list"), "a refused /feed remove removed the feed"

    # ----- two servers never see each other's data
    beta_list = await ok(beta, "feed list")
    assert "Beta Post" in beta_list and "Alpha Times" not in beta_list and "Extra" not in beta_list
    await refused(beta, "feed remove", f"no feed #{alpha_feed}", feed=alpha_feed)
    await refused(beta, "feed pause", f"no feed #{alpha_feed}", feed=alpha_feed)
    await refused(beta, "feed preview", f"no feed #{alpha_feed}", feed=alpha_feed)
    await refused(beta, "watch remove", f"no watch #{watch}", watch=watch)
    await refused(beta, "brief cancel", f"#{schedule}", schedule=schedule)
    await refused(beta, "story", f"no story #{story}", id=story)
    assert "France" not in await ok(beta, "watch list")
    assert "Asia/Tokyo" not in await ok(beta, "brief list")
    assert "news.example/alpha" not in await ok(beta, "search", query=alpha_words[1])
    for guild, wanted, unwanted in ((alpha, "Alpha Times", "Beta Post"), (beta, "Beta Post", "Alpha Times")):
        iid = await e2e.fake.autocomplete(guild.id, guild.general, guild.admin, "feed remove", "feed", feed="")
        choices = [c["name"] for c in (await e2e.fake.wait_response(iid, timeout=3))["choices"]]
        assert any(wanted in c for c in choices) and not any(unwanted in c for c in choices), choices
    exported = await e2e.slash(beta, "feed export")
    assert exported.message["attachments"]
    assert "Alpha Times" in await ok(alpha, "feed list"), "beta's commands changed alpha's feeds"
    assert beta_feed != alpha_feed

    # ----- and a new story reaches alpha's channel but not beta's
    fresh = e2e.news.item("alpha/new")
    e2e.farm.add_items("alpha", [fresh])
    await eventually(lambda: fresh.link in post_links(e2e.fake, news), DEADLINE, "alpha's new story")
    assert all(fresh.link not in post_links(e2e.fake, c) for c in beta.channels)
    assert e2e.fake.counters()["unhandled"] == []
