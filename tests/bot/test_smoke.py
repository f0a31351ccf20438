"""The bot starts against the fake Discord, registers its commands, and answers the first ones."""

from tests.bot.conftest import BotEnv
from tests.helpers.feed_server import Reply
from tests.helpers.feeds import Item, rss


async def test_feed_add_and_list(bot_env: BotEnv) -> None:
    names = {c["name"] for c in bot_env.fake.registered_commands(bot_env.guild.id)}
    assert {"feed", "watch", "brief", "search", "story", "relations", "about"} <= names
    url = bot_env.feeds.route("/f", Reply(body=rss([Item("Old", "x", guid="o1")], title="Test Feed")))
    response = await bot_env.slash("feed add", url=url)
    assert "Subscribed" in response["message"]["content"] and "Test Feed" in response["message"]["content"]
    response = await bot_env.slash("feed list")
    assert "Test Feed" in response["message"]["embeds"][0]["description"]
    assert response["message"]["embeds"][0]["description"].endswith("ok")
