from tests.bot.conftest import BotEnv
from tests.helpers.feed_server import Reply
from tests.helpers.feeds import Item, rss


async def test_feed_add_and_list(bot_env: BotEnv) -> None:
    url = bot_env.feeds.route("/f", Reply(body=rss([Item("Old", "x", guid="o1")], title="Test Feed")))
    response = await bot_env.slash("feed add", url=url)
    print(response)
    assert "Subscribed" in response["message"]["content"]
    response = await bot_env.slash("feed list")
    print(response)
