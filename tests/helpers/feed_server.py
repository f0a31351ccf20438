"""A scripted HTTP server on 127.0.0.1 for fetcher and ingest tests: each path answers from a script."""

from __future__ import annotations

import asyncio
import gzip
from collections import Counter
from dataclasses import dataclass, field

from aiohttp import web


@dataclass(frozen=True)
class Reply:
    """One scripted answer. `etag` makes it answer 304 to a matching If-None-Match."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    delay: float = 0.0
    stream_chunks: int = 0          # >0: send the body in this many chunks, without Content-Length
    chunk_delay: float = 0.0
    gzip: bool = False
    content_type: str = "application/rss+xml"


class ScriptedServer:
    """`route(path, reply, ...)`: replies are used in order and the last one repeats."""

    def __init__(self) -> None:
        self.scripts: dict[str, list[Reply]] = {}
        self.hits: Counter[str] = Counter()
        self.request_headers: dict[str, list[dict[str, str]]] = {}
        self._runner: web.AppRunner | None = None
        self.base_url = ""

    def route(self, path: str, *replies: Reply) -> str:
        self.scripts[path] = list(replies)
        return self.base_url + path

    def url(self, path: str) -> str:
        return self.base_url + path

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        path = request.path
        self.hits[path] += 1
        self.request_headers.setdefault(path, []).append(dict(request.headers))
        script = self.scripts.get(path)
        if not script:
            return web.Response(status=404)
        reply = script.pop(0) if len(script) > 1 else script[0]
        if reply.delay:
            await asyncio.sleep(reply.delay)
        if reply.etag and request.headers.get("If-None-Match") == reply.etag:
            return web.Response(status=304, headers={"ETag": reply.etag})
        headers = dict(reply.headers)
        if reply.etag:
            headers["ETag"] = reply.etag
        body = reply.body
        if reply.gzip:
            body = gzip.compress(body)
            headers["Content-Encoding"] = "gzip"
        if reply.stream_chunks:
            response = web.StreamResponse(status=reply.status, headers=headers)
            response.content_type = reply.content_type
            response.enable_chunked_encoding()
            await response.prepare(request)
            size = max(len(body) // reply.stream_chunks, 1)
            for start in range(0, len(body), size):
                await response.write(body[start:start + size])
                if reply.chunk_delay:
                    await asyncio.sleep(reply.chunk_delay)
            await response.write_eof()
            return response
        return web.Response(status=reply.status, body=body, headers=headers, content_type=reply.content_type
                            if "Content-Type" not in headers else None)

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
