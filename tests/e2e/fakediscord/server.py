"""The aiohttp application (API middleware, routes) and a runner bound to 127.0.0.1 (port 0 = ephemeral)."""

from __future__ import annotations

import json
import time
from collections import deque
from typing import TYPE_CHECKING, Any, Awaitable, Callable

from aiohttp import web

from .control import Control
from .rest import Rest
from .util import error, named_error
from .webhooks import Webhooks

if TYPE_CHECKING:
    from .fake import FakeDiscord

API = "/api/v10"
NO_AUTH = (API + "/interactions/", API + "/webhooks/")
FAKE = web.AppKey("fake_discord", object)


def build_app(fake: FakeDiscord) -> web.Application:
    app = web.Application(middlewares=[api_middleware], client_max_size=64 * 1024 * 1024)
    app[FAKE] = fake
    api = web.Application()
    api[FAKE] = fake
    api.add_routes(Rest(fake).routes() + Webhooks(fake).routes())
    app.add_subapp(API, api)
    app.add_routes([web.get("/gateway", fake.gateway.handle),
                    web.get("/attachments/{channel_id}/{attachment_id}/{filename}", attachment)])
    control = web.Application()
    control[FAKE] = fake
    control.add_routes(Control(fake).routes())
    app.add_subapp("/_control", control)
    return app


async def attachment(request: web.Request) -> web.StreamResponse:
    upload = request.app[FAKE].store.files.get(int(request.match_info["attachment_id"]))
    if upload is None:
        return named_error("not_found")
    return web.Response(body=upload.data, content_type=upload.content_type.split(";")[0])


@web.middleware
async def api_middleware(request: web.Request,
                         handler: Callable[[web.Request], Awaitable[web.StreamResponse]]) -> web.StreamResponse:
    """Under /api/v10: record the call, check auth, apply rate limits, add the X-RateLimit-* headers."""
    if not request.path.startswith(API + "/"):
        return await handler(request)
    fake: FakeDiscord = request.app[FAKE]  # type: ignore[assignment]
    started = time.monotonic()
    if request.match_info.http_exception is not None:
        fake.unhandled.append(f"{request.method} {request.path[len(API):]}")
        response: web.StreamResponse = error(request.match_info.http_exception.status, 0,
                                             f"{request.match_info.http_exception.status}: Not Found")
        fake.log_request(request, response.status, started)
        return response
    template, concrete, major = fake.limiter.names(request, API)
    limited, headers = fake.limiter.check(template, concrete, major)
    if limited is not None:
        fake.log_request(request, limited.status, started)
        return limited
    auth = request.headers.get("Authorization", "")
    if not request.path.startswith(NO_AUTH) and (
            not auth.startswith("Bot ") or (fake.token is not None and auth != f"Bot {fake.token}")):
        response = named_error("unauthorized")
    else:
        try:
            response = await handler(request)
        except (json.JSONDecodeError, UnicodeDecodeError):
            response = error(400, 50109, "The request body contains invalid JSON.")
        except web.HTTPException as exc:
            response = error(exc.status, 0, f"{exc.status}: {exc.reason}")
    for key, value in headers.items():
        response.headers[key] = value
    fake.log_request(request, response.status, started)
    return response


class Runner:
    """Start/stop the app on host:port and report the bound port."""

    def __init__(self, app: web.Application, host: str = "127.0.0.1", port: int = 0) -> None:
        self.app, self.host, self.port = app, host, port
        self._runner: web.AppRunner | None = None

    async def start(self) -> int:
        self._runner = web.AppRunner(self.app, handle_signals=False, access_log=None, shutdown_timeout=2.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port, reuse_address=True)
        await site.start()
        server = site._server  # the bound socket tells the real port when port=0
        sockets = getattr(server, "sockets", None) or []
        self.port = sockets[0].getsockname()[1] if sockets else self.port
        return self.port

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None


class RequestLog:
    def __init__(self, size: int = 5000) -> None:
        self.entries: deque[dict[str, Any]] = deque(maxlen=size)

    def add(self, method: str, path: str, status: int, started: float) -> None:
        self.entries.append({"method": method, "path": path, "status": status, "at": time.time(),
                             "duration": time.monotonic() - started})
