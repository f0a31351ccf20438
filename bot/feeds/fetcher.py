"""HTTP fetching of feeds: one shared aiohttp session, bounded concurrency, caps, conditional GET, SSRF guard.

Every failure becomes a `FetchError` with a short reason that is stored on the feed, so one broken feed never
stops a cycle and an operator can see why it fails.
"""

from __future__ import annotations

import asyncio
import email.utils
import logging
import math
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from types import TracebackType
from urllib.parse import urljoin, urlsplit

import aiohttp

from bot.config import Settings
from bot.feeds.ssrf import AddressPolicy, BlockedURL, GuardedResolver, check_url, describe_blocked

log = logging.getLogger(__name__)

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
_CHUNK = 64 * 1024
_MAX_RETRY_AFTER_S = 24 * 3600.0


@dataclass(frozen=True, slots=True)
class FetchResult:
    """What a fetch brought back: a body, or nothing new (304)."""

    url: str
    status: int
    body: bytes | None
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class FetchError(Exception):
    """A fetch that failed; `reason` is short and fit to show, `retry_after` is the server's wish in seconds."""

    def __init__(self, reason: str, *, retry_after: float | None = None, status: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after
        self.status = status


class Fetcher:
    """Fetches feed URLs; use as `async with Fetcher(settings) as fetcher:` so the session is closed."""

    def __init__(self, settings: Settings, session: aiohttp.ClientSession | None = None) -> None:
        self._settings = settings
        self._policy = AddressPolicy(allow_private=settings.allow_private_addresses)
        self._session = session
        self._owns_session = session is None
        self._global_limit = asyncio.Semaphore(settings.fetch_concurrency)
        self._host_limits: defaultdict[str, asyncio.Semaphore] = defaultdict(
            lambda: asyncio.Semaphore(settings.per_host_concurrency)
        )

    @property
    def policy(self) -> AddressPolicy:
        return self._policy

    async def __aenter__(self) -> Fetcher:
        if self._session is None:
            self._session = make_session(self._settings, self._policy)
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                        tb: TracebackType | None) -> None:
        await self.close()

    async def close(self) -> None:
        if self._session is not None and self._owns_session:
            await self._session.close()
            self._session = None

    async def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> FetchResult:
        """GET `url`, following at most `max_redirects` redirects, each one checked again by the SSRF guard."""
        if self._session is None:
            raise RuntimeError("Fetcher used outside `async with`")
        host = _host_of(url)
        async with self._global_limit, self._host_limits[host]:
            try:
                return await self._fetch_following_redirects(url, etag, last_modified)
            except FetchError:
                raise
            except BlockedURL as exc:
                raise FetchError(f"blocked: {exc}") from None
            except TimeoutError:
                raise FetchError("timed out") from None
            except aiohttp.ClientConnectorError as exc:
                blocked = describe_blocked(exc)
                raise FetchError(f"blocked: {blocked}" if blocked else f"cannot connect: {exc.os_error}") from None
            except aiohttp.ClientError as exc:
                raise FetchError(f"HTTP error: {type(exc).__name__}: {exc}"[:300]) from None

    async def _fetch_following_redirects(self, url: str, etag: str | None, last_modified: str | None
                                         ) -> FetchResult:
        assert self._session is not None
        headers = {"User-Agent": self._settings.user_agent, "Accept": ACCEPT}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        visited: set[str] = set()
        current = url
        for _ in range(self._settings.max_redirects + 1):
            check_url(current, self._policy)
            visited.add(current)
            async with self._session.get(current, headers=headers, allow_redirects=False) as response:
                if response.status in REDIRECT_STATUSES:
                    location = response.headers.get("Location")
                    if not location:
                        raise FetchError(f"redirect {response.status} without a Location", status=response.status)
                    current = urljoin(current, location)
                    if current in visited:
                        raise FetchError("redirect loop", status=response.status)
                    continue
                return await self._read(current, response)
        raise FetchError(f"too many redirects (more than {self._settings.max_redirects})")

    async def _read(self, url: str, response: aiohttp.ClientResponse) -> FetchResult:
        status = response.status
        if status == 304:
            return FetchResult(url, 304, None, response.headers.get("ETag"), response.headers.get("Last-Modified"))
        if status in (429, 503):
            retry_after = parse_retry_after(response.headers.get("Retry-After"))
            label = "rate limited (429)" if status == 429 else "service unavailable (503)"
            raise FetchError(label, retry_after=retry_after, status=status)
        if status >= 400:
            raise FetchError(f"HTTP {status} {response.reason or ''}".strip(), status=status)
        if status != 200:
            raise FetchError(f"unexpected HTTP status {status}", status=status)
        body = await self._read_capped(response)
        return FetchResult(url, 200, body, response.headers.get("ETag"), response.headers.get("Last-Modified"))

    async def _read_capped(self, response: aiohttp.ClientResponse) -> bytes:
        cap = self._settings.max_body_bytes
        declared = response.content_length
        if declared is not None and declared > cap:
            raise FetchError(f"response too large ({declared} bytes, limit {cap})")
        chunks: list[bytes] = []
        size = 0
        async for chunk in response.content.iter_chunked(_CHUNK):
            size += len(chunk)
            if size > cap:
                raise FetchError(f"response too large (over {cap} bytes)")
            chunks.append(chunk)
        return b"".join(chunks)


def make_session(settings: Settings, policy: AddressPolicy) -> aiohttp.ClientSession:
    """The one shared session: pooled connections, the guarded resolver, connect and total timeouts."""
    connector = aiohttp.TCPConnector(
        limit=settings.fetch_concurrency,
        limit_per_host=settings.per_host_concurrency,
        resolver=GuardedResolver(policy),
        ttl_dns_cache=300,
    )
    timeout = aiohttp.ClientTimeout(total=settings.total_timeout_s, sock_connect=settings.connect_timeout_s)
    return aiohttp.ClientSession(connector=connector, timeout=timeout, auto_decompress=True,
                                 max_field_size=16 * 1024, trust_env=False)


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date), capped at a day."""
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = (when - (now or datetime.now(UTC))).total_seconds()
    if math.isnan(seconds):  # float() accepts "nan", and timedelta(seconds=nan) raises
        return None
    return min(max(seconds, 0.0), _MAX_RETRY_AFTER_S)


def _host_of(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""
