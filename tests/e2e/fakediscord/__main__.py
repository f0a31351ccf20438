"""Run the fake standalone: `python -m tests.e2e.fakediscord --port 0 --state-file path.json`.

The first stdout line is the base URL (http://127.0.0.1:PORT); point discord.py at `<url>/api/v10` and
`ws://127.0.0.1:PORT/gateway`, drive it through `<url>/_control/...`. The state file, when given, is loaded at
start (if it exists) and written on SIGTERM / SIGINT and on POST /_control/save.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import signal
import sys

from .fake import FakeDiscord


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m tests.e2e.fakediscord", description=__doc__.splitlines()[0])
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=0, help="0 picks a free port")
    p.add_argument("--state-file", help="JSON state loaded at start and saved at exit")
    p.add_argument("--heartbeat-interval", type=int, default=41250, help="ms, sent in HELLO")
    p.add_argument("--token", help="accept only this bot token (default: any)")
    p.add_argument("--ack-timeout", type=float, default=3.0, help="seconds to answer an interaction (0: no limit)")
    p.add_argument("--application-id", type=int)
    p.add_argument("--demo", action="store_true",
                   help="create a guild with #general and #feeds, an admin and a plain member (printed on stderr)")
    return p.parse_args(argv)


async def amain(args: argparse.Namespace) -> None:
    fake = FakeDiscord(host=args.host, port=args.port, token=args.token, heartbeat_interval=args.heartbeat_interval,
                       application_id=args.application_id, ack_timeout=args.ack_timeout or None,
                       state_file=args.state_file)
    if args.demo and not fake.world.guilds:
        guild = fake.add_guild("Test Guild", channels=("general", "feeds"))
        admin, member = fake.add_admin(guild.id), fake.add_plain_member(guild.id)
        print(json.dumps({"guild_id": str(guild.id), "channels": {c.name: str(c.id) for c in guild.channels.values()},
                          "admin_id": str(admin.id), "member_id": str(member.id)}), file=sys.stderr, flush=True)
    await fake.start()
    print(fake.url, flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    await fake.stop()


def main(argv: list[str] | None = None) -> int:
    asyncio.run(amain(parse_args(argv)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
