"""A fake Discord (HTTP API v10 + gateway) on 127.0.0.1 for end-to-end tests of an unmodified discord.py bot.

In process::

    async with FakeDiscord(heartbeat_interval=1000) as fake:
        guild = fake.add_guild("Test", channels=("general", "feeds"))
        admin = fake.add_admin(guild.id)
        with fake.patch_discord():          # Route.BASE / DEFAULT_GATEWAY -> the fake
            ...start the bot...
        iid = await fake.slash(guild.id, channel_id, admin, "feed add", url="http://...")
        response = await fake.wait_response(iid, timeout=3)

Another process: `python -m tests.e2e.fakediscord --port 0` prints its URL; drive it with `FakeDiscordClient`.
"""

from .client import ControlError, FakeDiscordClient, FakeDiscordProcess
from .fake import FakeDiscord
from .patch import apply as apply_patch
from .patch import patch_discord
from .records import Upload
from .util import DEFAULT_BOT_PERMISSIONS, DEFAULT_EVERYONE_PERMISSIONS, P

__all__ = ["FakeDiscord", "FakeDiscordClient", "FakeDiscordProcess", "ControlError", "patch_discord", "apply_patch",
           "Upload", "P", "DEFAULT_BOT_PERMISSIONS", "DEFAULT_EVERYONE_PERMISSIONS"]
