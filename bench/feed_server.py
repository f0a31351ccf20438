"""A feed server for bench/poll.py, run as its own process: N synthetic world-news RSS feeds on 127.0.0.1.

Every answer (200 or 304) comes after `--latency` seconds, like a server across the internet; ETags are honoured
(If-None-Match -> 304). Feeds are built before the port is printed, so building them never competes with a
measurement. Prints one line, `PORT <n>`, when ready; stops on SIGTERM or SIGINT.

    python bench/feed_server.py --feeds 2000 --items 50 --latency 0.25
    curl http://127.0.0.1:<port>/feeds/17.xml
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
import time
from pathlib import Path

from aiohttp import web

sys.path.insert(0, str(Path(__file__).resolve().parent))

import newsgen  # noqa: E402

CONTENT_TYPE = "application/rss+xml; charset=utf-8"


class Feeds:
    def __init__(self, bodies: list[bytes], latency: float) -> None:
        self.bodies = bodies
        self.etags = [newsgen.etag_of(body) for body in bodies]
        self.latency = latency
        self.counts = {"200": 0, "304": 0, "404": 0}

    async def feed(self, request: web.Request) -> web.Response:
        await asyncio.sleep(self.latency)
        try:
            index = int(request.match_info["index"])
            body, etag = self.bodies[index], self.etags[index]
        except (ValueError, IndexError):
            self.counts["404"] += 1
            return web.Response(status=404, text="no such feed")
        if request.headers.get("If-None-Match") == etag:
            self.counts["304"] += 1
            return web.Response(status=304, headers={"ETag": etag})
        self.counts["200"] += 1
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE, "ETag": etag})

    async def stats(self, request: web.Request) -> web.Response:
        return web.json_response({**self.counts, "feeds": len(self.bodies),
                                  "bytes": sum(len(body) for body in self.bodies)})


async def serve(args: argparse.Namespace) -> None:
    started = time.perf_counter()
    bodies = newsgen.feeds_for(args.feeds, args.items, seed=args.seed)
    feeds = Feeds(bodies, args.latency)
    app = web.Application()
    app.router.add_get("/feeds/{index}.xml", feeds.feed)
    app.router.add_get("/stats", feeds.stats)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", args.port, backlog=1024)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    print(f"built {args.feeds} feeds of {args.items} items ({sum(map(len, bodies)) / 1e6:.1f} MB) in "
          f"{time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    print(f"PORT {port}", flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    await runner.cleanup()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--feeds", type=int, default=2000)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--latency", type=float, default=0.25, help="seconds before every answer")
    parser.add_argument("--port", type=int, default=0, help="0: any free port")
    parser.add_argument("--seed", type=int, default=0)
    asyncio.run(serve(parser.parse_args()))


if __name__ == "__main__":
    main()
