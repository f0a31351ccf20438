"""Scenario 4: a scheduled briefing fires at its local time. The bot's clock is moved with the test-only
SITREP_TEST_CLOCK_OFFSET, so "07:30 in Tokyo" arrives seconds after start-up rather than hours later."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from tests.e2e.conftest import E2E
from tests.e2e.harness import eventually, query

LEAD_S = 10.0     # the restarted bot's clock starts this long before the briefings are due
LOOP_S = 5.0      # the runtime looks for due briefings this often
DEADLINE = 60.0


def briefings(e2e: E2E, channel: int) -> list[dict]:
    return [m for m in e2e.fake.messages(channel) if m["content"].startswith("**Briefing for")]


async def test_scheduled_briefing_fires_at_local_time(e2e: E2E) -> None:
    alpha = e2e.guild("Alpha", channels=4)
    general, tokyo_channel, new_york_channel, paris_channel = alpha.channels
    e2e.farm.feed("world", e2e.news.items("world/old", 5), title="World Desk")
    await e2e.sync(alpha.id)

    # The moment both briefings are due: a whole minute about three hours from now, 07:xx-ish in Tokyo and the
    # same instant in New York's local time; Paris is asked for an hour later, so it must not fire.
    due = (datetime.now(UTC) + timedelta(hours=3)).replace(second=0, microsecond=0)
    tokyo, new_york = due.astimezone(ZoneInfo("Asia/Tokyo")), due.astimezone(ZoneInfo("America/New_York"))
    paris = (due + timedelta(hours=1)).astimezone(ZoneInfo("Europe/Paris"))

    # First run: the bot believes it is an hour before; the schedules are created then.
    offset = (due - timedelta(hours=1) - datetime.now(UTC)).total_seconds()
    bot = await e2e.start_bot(SITREP_TEST_CLOCK_OFFSET=f"{offset:.3f}")
    await e2e.slash(alpha, "feed add", url=e2e.farm.url("world"), channel=general)
    for zone, local, channel in (("Asia/Tokyo", tokyo, tokyo_channel),
                                 ("America/New_York", new_york, new_york_channel),
                                 ("Europe/Paris", paris, paris_channel)):
        answer = await e2e.slash(alpha, "brief schedule", time=f"{local:%H:%M}", timezone=zone, channel=channel)
        assert f"{local:%H:%M} {zone}" in answer.text.replace("\\_", "_"), answer.text
    listing = (await e2e.slash(alpha, "brief list")).text
    assert f"<t:{int(due.timestamp())}:R>" in listing, f"the next run should be {due}: {listing}"
    assert await bot.stop() == 0, "SIGTERM should stop the bot cleanly"
    assert "stopped cleanly" in bot.log_text()

    # Second run: the bot's clock now starts LEAD_S seconds before the briefings are due.
    offset = (due - timedelta(seconds=LEAD_S) - datetime.now(UTC)).total_seconds()
    await e2e.start_bot(SITREP_TEST_CLOCK_OFFSET=f"{offset:.3f}")
    for channel in (tokyo_channel, new_york_channel):
        await eventually(lambda channel=channel: briefings(e2e, channel), DEADLINE, f"a briefing in {channel}")

    for channel, local in ((tokyo_channel, tokyo), (new_york_channel, new_york)):
        [message] = briefings(e2e, channel)
        assert f"Briefing for {local:%Y-%m-%d}" in message["content"], message["content"]
        sent_at = datetime.fromisoformat(message["timestamp"]) + timedelta(seconds=offset)  # on the bot's clock
        assert due - timedelta(seconds=1) <= sent_at <= due + timedelta(seconds=LOOP_S + 10), \
            f"due at {due:%H:%M:%S}, posted at {sent_at:%H:%M:%S} on the bot's clock"
        assert any("news.example/world/old" in e.get("description", "") for e in message["embeds"]), \
            "the briefing should cover the stories read so far"
    assert briefings(e2e, paris_channel) == [], "a briefing due an hour later fired early"
    rows = query(e2e.database, "SELECT timezone, last_local_date FROM schedules ORDER BY id")
    assert rows == [("Asia/Tokyo", f"{tokyo:%Y-%m-%d}"), ("America/New_York", f"{new_york:%Y-%m-%d}"),
                    ("Europe/Paris", rows[2][1])]
    assert rows[2][1] is None or rows[2][1] < f"{paris:%Y-%m-%d}"
    sent = query(e2e.database, "SELECT count(*), count(DISTINCT channel_id) FROM outbox WHERE kind = 'brief'")
    assert sent == [(2, 2)], f"one briefing per due schedule: {sent}"
