"""A small feed server on 127.0.0.1 with ETag support, for the demo (and anyone who wants a local feed)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from aiohttp import web


@dataclass(frozen=True, slots=True)
class ServedFeed:
    body: bytes
    content_type: str

    @property
    def etag(self) -> str:
        return '"' + hashlib.blake2b(self.body, digest_size=12).hexdigest() + '"'


class FeedServer:
    """Serves `feeds[path]`; answers 304 when the client's If-None-Match matches. Replace entries to change them."""

    def __init__(self, feeds: dict[str, ServedFeed] | None = None) -> None:
        self.feeds: dict[str, ServedFeed] = dict(feeds or {})
        self.requests = 0
        self._runner: web.AppRunner | None = None
        self.base_url = ""

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        self.requests += 1
        feed = self.feeds.get(request.path)
        if feed is None:
            return web.Response(status=404, text="no such feed")
        if request.headers.get("If-None-Match") == feed.etag:
            return web.Response(status=304, headers={"ETag": feed.etag})
        return web.Response(body=feed.body, headers={"Content-Type": feed.content_type, "ETag": feed.etag})

    async def start(self) -> str:
        app = web.Application()
        app.router.add_route("GET", "/{tail:.*}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.base_url = f"http://127.0.0.1:{port}"
        return self.base_url

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
