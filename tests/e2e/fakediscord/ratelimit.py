"""Discord-style rate limits: per-bucket accounting with X-RateLimit-* headers on every API response, injected
429 storms (per route or global), and request / 429 counters per route.

A route is named like discord.py names it: "POST /channels/{channel_id}/messages" (every channel) or with the
parameter filled in, "POST /channels/123/messages" (that channel only). Counters are kept under both names.
"""

from __future__ import annotations

import hashlib
import math
import re
import time
from collections import Counter
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from .util import json_response

MAJOR = ("channel_id", "guild_id", "webhook_id", "webhook_token", "interaction_id", "interaction_token")


@dataclass
class Storm:
    route: str | None  # None: any API route
    count: int
    retry_after: float
    is_global: bool = False
    scope: str = "user"
    sent: int = 0

    def matches(self, template: str, concrete: str) -> bool:
        return self.route is None or _same(self.route, template) or _same(self.route, concrete)


def _same(a: str, b: str) -> bool:
    return a.split()[0].upper() == b.split()[0].upper() and a.split()[1].rstrip("/") == b.split()[1].rstrip("/")


class Bucket:
    def __init__(self, limit: int, window: float) -> None:
        self.limit, self.window = limit, window
        self.used = 0
        self.reset_at = time.time() + window

    def take(self) -> bool:
        now = time.time()
        if now >= self.reset_at:
            self.used, self.reset_at = 0, now + self.window
        if self.used >= self.limit:
            return False
        self.used += 1
        return True

    def headers(self, bucket_hash: str) -> dict[str, str]:
        now = time.time()
        after = max(0.0, self.reset_at - now)
        return {"X-RateLimit-Limit": str(self.limit), "X-RateLimit-Remaining": str(max(0, self.limit - self.used)),
                "X-RateLimit-Reset": f"{self.reset_at:.3f}", "X-RateLimit-Reset-After": f"{after:.3f}",
                "X-RateLimit-Bucket": bucket_hash}


class RateLimiter:
    def __init__(self, limit: int = 50, window: float = 1.0) -> None:
        self.limit, self.window = limit, window
        self.buckets: dict[tuple[str, str], Bucket] = {}
        self.storms: list[Storm] = []
        self.requests: Counter[str] = Counter()
        self.limited: Counter[str] = Counter()

    def configure(self, *, limit: int | None = None, window: float | None = None) -> None:
        """Change the bucket size / window for buckets created from now on (existing ones are dropped)."""
        if limit is not None:
            self.limit = int(limit)
        if window is not None:
            self.window = float(window)
        self.buckets.clear()

    def storm(self, route: str | None = None, *, count: int = 1, retry_after: float = 0.5, is_global: bool = False,
              scope: str | None = None) -> Storm:
        if route is not None and len(route.split()) != 2:
            raise ValueError(f"route must look like 'POST /channels/123/messages', got {route!r}")
        storm = Storm(route, int(count), float(retry_after), is_global,
                      scope or ("global" if is_global else "user"))
        self.storms.append(storm)
        return storm

    def clear_storms(self) -> None:
        self.storms.clear()

    def count(self, route: str) -> int:
        return sum(n for key, n in self.requests.items() if _same(key, route))

    def count_429(self, route: str) -> int:
        return sum(n for key, n in self.limited.items() if _same(key, route))

    def counters(self) -> dict[str, Any]:
        return {"requests": dict(self.requests), "ratelimited": dict(self.limited),
                "storms": [{"route": s.route, "remaining": s.count, "sent": s.sent, "global": s.is_global}
                           for s in self.storms]}

    # ----- the middleware body
    def names(self, request: web.Request, prefix: str) -> tuple[str, str, str]:
        """(template, concrete, major) route names for a request under the API prefix."""
        info = request.match_info
        resource = info.route.resource if info.route is not None else None
        canonical = resource.canonical if resource is not None else request.path
        template_path = canonical[len(prefix):] if canonical.startswith(prefix) else canonical
        concrete_path = request.path[len(prefix):] if request.path.startswith(prefix) else request.path
        template_path = re.sub(r"\{(\w+)(:[^}]*)?\}", r"{\1}", template_path)
        major = "+".join(info[k] for k in MAJOR if k in info)
        return f"{request.method} {template_path}", f"{request.method} {concrete_path}", major

    def check(self, template: str, concrete: str, major: str) -> tuple[web.Response | None, dict[str, str]]:
        """Count the request; return (a 429 to send instead, headers for a normal response)."""
        self.requests[template] += 1
        if concrete != template:
            self.requests[concrete] += 1
        bucket_hash = hashlib.sha1(template.encode()).hexdigest()[:16]
        key = (template, major)
        bucket = self.buckets.get(key)
        if bucket is None:
            bucket = self.buckets[key] = Bucket(self.limit, self.window)
        for storm in self.storms:
            if storm.count > 0 and storm.matches(template, concrete):
                storm.count -= 1
                storm.sent += 1
                return self._too_many(template, concrete, bucket, bucket_hash, storm.retry_after, storm.is_global,
                                      storm.scope), {}
        self.storms = [s for s in self.storms if s.count > 0]
        if not bucket.take():
            return self._too_many(template, concrete, bucket, bucket_hash, max(0.001, bucket.reset_at - time.time()),
                                  False, "user"), {}
        return None, bucket.headers(bucket_hash)

    def _too_many(self, template: str, concrete: str, bucket: Bucket, bucket_hash: str, retry_after: float,
                  is_global: bool, scope: str) -> web.Response:
        self.limited[template] += 1
        if concrete != template:
            self.limited[concrete] += 1
        headers = {"Via": "1.1 google", "Retry-After": str(max(1, math.ceil(retry_after))),
                   "X-RateLimit-Scope": scope}
        if is_global:
            headers["X-RateLimit-Global"] = "true"
        else:
            headers.update({"X-RateLimit-Limit": str(bucket.limit), "X-RateLimit-Remaining": "0",
                            "X-RateLimit-Reset": f"{time.time() + retry_after:.3f}",
                            "X-RateLimit-Reset-After": f"{retry_after:.3f}", "X-RateLimit-Bucket": bucket_hash})
        body = {"message": "You are being rate limited.", "retry_after": round(retry_after, 3), "global": is_global}
        if is_global:
            body["code"] = 0
        return json_response(body, status=429, headers=headers)
