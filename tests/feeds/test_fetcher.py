"""The fetcher against a scripted server on 127.0.0.1: statuses, validators, redirects, caps, timeouts, limits.

Everything runs on loopback. The fixture `settings` allows private addresses (the server is on 127.0.0.1);
production-mode behaviour is tested either with a host name pinned to 127.0.0.1 by a test resolver inside a
session we build ourselves, or against the policy directly.
"""

from __future__ import annotations

import asyncio
import re
import socket
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import aiohttp
import pytest
from aiohttp import web
from aiohttp.abc import AbstractResolver, ResolveResult

from bot import PROJECT_URL, __version__
from bot.config import Settings
from bot.feeds.fetcher import FetchError, Fetcher, make_session, parse_retry_after
from bot.feeds.ssrf import AddressPolicy, GuardedResolver
from tests.helpers.feed_server import Reply, ScriptedServer
from tests.helpers.feeds import Item, rss

FEED = rss([Item("First", "body one", guid="g1"), Item("Second", "body two", guid="g2")])


async def fetch(settings: Settings, url: str, **kwargs: str | None) -> object:
    async with Fetcher(settings) as fetcher:
        return await fetcher.fetch(url, **kwargs)


async def fetch_error(settings: Settings, url: str) -> FetchError:
    async with Fetcher(settings) as fetcher:
        with pytest.raises(FetchError) as caught:
            await fetcher.fetch(url)
    return caught.value


# --- plain fetches and conditional GET ---

async def test_200_returns_body_and_validators(settings: Settings, feed_server: ScriptedServer) -> None:
    url = feed_server.route("/feed", Reply(body=FEED, etag='"v1"',
                                           headers={"Last-Modified": "Tue, 04 Jun 2024 10:00:00 GMT"}))
    async with Fetcher(settings) as fetcher:
        result = await fetcher.fetch(url)
    assert result.status == 200
    assert not result.not_modified
    assert result.body == FEED
    assert result.url == url
    assert result.etag == '"v1"'
    assert result.last_modified == "Tue, 04 Jun 2024 10:00:00 GMT"
    first_request = feed_server.request_headers["/feed"][0]
    assert "If-None-Match" not in first_request
    assert "If-Modified-Since" not in first_request
    assert "rss+xml" in first_request["Accept"]


async def test_second_fetch_with_validators_gets_304(settings: Settings, feed_server: ScriptedServer) -> None:
    last_modified = "Tue, 04 Jun 2024 10:00:00 GMT"
    url = feed_server.route("/feed", Reply(body=FEED, etag='"v1"', headers={"Last-Modified": last_modified}))
    async with Fetcher(settings) as fetcher:
        first = await fetcher.fetch(url)
        second = await fetcher.fetch(url, etag=first.etag, last_modified=first.last_modified)
    assert second.status == 304
    assert second.not_modified
    assert second.body is None
    assert second.etag == '"v1"'
    sent = feed_server.request_headers["/feed"][1]
    assert sent["If-None-Match"] == '"v1"'
    assert sent["If-Modified-Since"] == last_modified
    assert feed_server.hits["/feed"] == 2


async def test_changed_etag_gets_the_new_body(settings: Settings, feed_server: ScriptedServer) -> None:
    url = feed_server.route("/feed", Reply(body=b"<rss version='2.0'/>", etag='"v2"'))
    async with Fetcher(settings) as fetcher:
        result = await fetcher.fetch(url, etag='"v1"')
    assert result.status == 200
    assert result.etag == '"v2"'
    assert feed_server.request_headers["/feed"][0]["If-None-Match"] == '"v1"'


async def test_user_agent_names_sitrep_version_and_url(settings: Settings, feed_server: ScriptedServer) -> None:
    url = feed_server.route("/feed", Reply(body=FEED))
    await fetch(settings, url)
    agent = feed_server.request_headers["/feed"][0]["User-Agent"]
    assert agent.startswith("Sitrep/")
    assert __version__ in agent
    assert PROJECT_URL in agent
    assert re.search(r"https?://\S+", agent)


async def test_gzip_body_is_decompressed(settings: Settings, feed_server: ScriptedServer) -> None:
    body = rss([Item(f"Story {n}", "words " * 50, guid=f"g{n}") for n in range(20)])
    url = feed_server.route("/gz", Reply(body=body, gzip=True))
    result = await fetch(settings, url)
    assert result.body == body
    assert feed_server.hits["/gz"] == 1


async def test_fetch_outside_async_with_is_a_programming_error(settings: Settings) -> None:
    with pytest.raises(RuntimeError, match="async with"):
        await Fetcher(settings).fetch("http://127.0.0.1:1/feed")


# --- error statuses ---

async def test_429_with_retry_after_seconds(settings: Settings, feed_server: ScriptedServer) -> None:
    url = feed_server.route("/busy", Reply(status=429, headers={"Retry-After": "120"}))
    error = await fetch_error(settings, url)
    assert error.status == 429
    assert error.retry_after == 120
    assert "429" in error.reason


async def test_503_with_http_date_retry_after(settings: Settings, feed_server: ScriptedServer) -> None:
    when = datetime.now(UTC) + timedelta(seconds=300)
    url = feed_server.route("/down", Reply(status=503, headers={"Retry-After": format_datetime(when, usegmt=True)}))
    error = await fetch_error(settings, url)
    assert error.status == 503
    assert error.retry_after is not None
    # One-second resolution in the header, plus the time the request took.
    assert 290 <= error.retry_after <= 301


async def test_503_without_retry_after_has_none(settings: Settings, feed_server: ScriptedServer) -> None:
    url = feed_server.route("/down", Reply(status=503))
    error = await fetch_error(settings, url)
    assert error.status == 503
    assert error.retry_after is None


async def test_500_fails_then_the_next_fetch_succeeds(settings: Settings, feed_server: ScriptedServer) -> None:
    url = feed_server.route("/flaky", Reply(status=500), Reply(body=FEED))
    async with Fetcher(settings) as fetcher:
        with pytest.raises(FetchError) as caught:
            await fetcher.fetch(url)
        assert caught.value.status == 500
        assert "500" in caught.value.reason
        assert caught.value.retry_after is None
        result = await fetcher.fetch(url)
    assert result.status == 200
    assert result.body == FEED


@pytest.mark.parametrize("status", [400, 403, 404, 410])
async def test_client_errors_carry_their_status(settings: Settings, feed_server: ScriptedServer,
                                                status: int) -> None:
    url = feed_server.route("/gone", Reply(status=status))
    error = await fetch_error(settings, url)
    assert error.status == status
    assert str(status) in error.reason


async def test_unexpected_success_status_is_an_error(settings: Settings, feed_server: ScriptedServer) -> None:
    url = feed_server.route("/nothing", Reply(status=204))
    error = await fetch_error(settings, url)
    assert error.status == 204
    assert "unexpected" in error.reason


# --- redirects ---

@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
async def test_each_redirect_status_is_followed(settings: Settings, feed_server: ScriptedServer,
                                                status: int) -> None:
    start = feed_server.route("/old", Reply(status=status, headers={"Location": "/new"}))
    final = feed_server.route("/new", Reply(body=FEED))
    result = await fetch(settings, start)
    assert result.url == final
    assert result.body == FEED


async def test_chain_of_three_redirects_reports_the_final_url(settings: Settings,
                                                             feed_server: ScriptedServer) -> None:
    start = feed_server.route("/a", Reply(status=301, headers={"Location": "/b"}))
    feed_server.route("/b", Reply(status=302, headers={"Location": feed_server.url("/c")}))  # absolute
    feed_server.route("/c", Reply(status=307, headers={"Location": "d"}))  # relative to /c
    final = feed_server.route("/d", Reply(body=FEED, etag='"x"'))
    result = await fetch(settings, start)
    assert result.url == final
    assert result.body == FEED
    assert result.etag == '"x"'
    assert [feed_server.hits[p] for p in ("/a", "/b", "/c", "/d")] == [1, 1, 1, 1]
    # Validators and the User-Agent travel with every hop.
    assert all("Sitrep/" in feed_server.request_headers[p][0]["User-Agent"] for p in ("/a", "/b", "/c", "/d"))


async def test_redirect_loop_is_detected(settings: Settings, feed_server: ScriptedServer) -> None:
    start = feed_server.route("/ping", Reply(status=302, headers={"Location": "/pong"}))
    feed_server.route("/pong", Reply(status=302, headers={"Location": "/ping"}))
    error = await fetch_error(settings, start)
    assert error.reason == "redirect loop"
    assert feed_server.hits["/ping"] == 1
    assert feed_server.hits["/pong"] == 1


async def test_self_redirect_is_a_loop(settings: Settings, feed_server: ScriptedServer) -> None:
    start = feed_server.route("/self", Reply(status=301, headers={"Location": "/self"}))
    error = await fetch_error(settings, start)
    assert error.reason == "redirect loop"


def _redirect_chain(server: ScriptedServer, hops: int) -> str:
    for n in range(hops):
        server.route(f"/hop{n}", Reply(status=302, headers={"Location": f"/hop{n + 1}"}))
    server.route(f"/hop{hops}", Reply(body=FEED))
    return server.url("/hop0")


async def test_max_redirects_are_allowed(settings: Settings, feed_server: ScriptedServer) -> None:
    assert settings.max_redirects == 5
    result = await fetch(settings, _redirect_chain(feed_server, 5))
    assert result.url == feed_server.url("/hop5")


async def test_more_than_max_redirects_is_refused(settings: Settings, feed_server: ScriptedServer) -> None:
    error = await fetch_error(settings, _redirect_chain(feed_server, 6))
    assert "too many redirects" in error.reason
    assert feed_server.hits["/hop6"] == 0


async def test_redirect_without_location(settings: Settings, feed_server: ScriptedServer) -> None:
    start = feed_server.route("/nowhere", Reply(status=302))
    error = await fetch_error(settings, start)
    assert "without a Location" in error.reason
    assert error.status == 302


@pytest.mark.parametrize("location", ["ftp://127.0.0.1/feed", "file:///etc/passwd", "gopher://127.0.0.1:70/"])
async def test_redirect_to_a_non_http_scheme_is_refused(settings: Settings, feed_server: ScriptedServer,
                                                        location: str) -> None:
    start = feed_server.route("/jump", Reply(status=302, headers={"Location": location}))
    error = await fetch_error(settings, start)
    assert error.reason.startswith("blocked:")
    assert "only http and https" in error.reason


async def test_redirect_to_metadata_is_refused_even_in_development(settings: Settings,
                                                                   feed_server: ScriptedServer) -> None:
    assert settings.allow_private_addresses
    start = feed_server.route("/jump", Reply(status=302, headers={"Location": "http://169.254.169.254/latest/"}))
    error = await fetch_error(settings, start)
    assert error.reason == "blocked: 169.254.169.254 is a cloud metadata address"


# --- production mode (allow_private False) ---

class PinnedResolver(AbstractResolver):
    """Test-only: every name resolves to 127.0.0.1, so a *name* can reach the scripted server."""

    def __init__(self) -> None:
        self.queries: list[str] = []

    async def resolve(self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
                      ) -> list[ResolveResult]:
        self.queries.append(host)
        return [ResolveResult(hostname=host, host="127.0.0.1", port=port, family=socket.AF_INET, proto=0,
                              flags=socket.AI_NUMERICHOST)]

    async def close(self) -> None:
        pass


@pytest.fixture
def production(settings: Settings) -> Settings:
    return settings.with_overrides(allow_private_addresses=False)


def _session(resolver: AbstractResolver, settings: Settings) -> aiohttp.ClientSession:
    timeout = aiohttp.ClientTimeout(total=settings.total_timeout_s, sock_connect=settings.connect_timeout_s)
    return aiohttp.ClientSession(connector=aiohttp.TCPConnector(resolver=resolver, use_dns_cache=False),
                                 timeout=timeout, trust_env=False)


def _named(server: ScriptedServer, host: str, path: str) -> str:
    return server.url(path).replace("127.0.0.1", host, 1)


async def test_production_refuses_a_loopback_url_before_connecting(production: Settings,
                                                                   feed_server: ScriptedServer) -> None:
    url = feed_server.route("/feed", Reply(body=FEED))
    error = await fetch_error(production, url)
    assert error.reason == "blocked: 127.0.0.1 is a loopback address"
    assert feed_server.hits["/feed"] == 0


@pytest.mark.parametrize("host", ["127\u30020\u30020\u30021", "127\uff0e0\uff0e0\uff0e1", "\u2460\u2461\u2466.0.0.1"])
async def test_production_refuses_unicode_spellings_of_loopback(production: Settings, feed_server: ScriptedServer,
                                                                host: str) -> None:
    """yarl turns these into the literal 127.0.0.1, which aiohttp connects to without the guarded resolver."""
    feed_server.route("/feed", Reply(body=FEED))
    error = await fetch_error(production, _named(feed_server, host, "/feed"))
    assert error.reason == "blocked: 127.0.0.1 is a loopback address"
    assert feed_server.hits["/feed"] == 0


async def test_production_refuses_a_redirect_from_an_allowed_url_to_loopback(
        production: Settings, feed_server: ScriptedServer) -> None:
    """The first hop is a name the policy allows (pinned to the test server by our own resolver, without the
    guard); it redirects to a literal 127.0.0.1, which the fetcher must re-check and refuse without a request."""
    feed_server.route("/start", Reply(status=302, headers={"Location": feed_server.url("/internal")}))
    feed_server.route("/internal", Reply(body=b"secret"))
    resolver = PinnedResolver()
    async with _session(resolver, production) as session:
        fetcher = Fetcher(production, session=session)
        with pytest.raises(FetchError) as caught:
            await fetcher.fetch(_named(feed_server, "feeds.example", "/start"))
        await fetcher.close()
        assert not session.closed  # a session passed in belongs to the caller
    assert caught.value.reason == "blocked: 127.0.0.1 is a loopback address"
    assert resolver.queries == ["feeds.example"]
    assert feed_server.hits["/start"] == 1
    assert feed_server.hits["/internal"] == 0


async def test_production_refuses_a_redirect_to_localhost_by_name(production: Settings,
                                                                  feed_server: ScriptedServer) -> None:
    feed_server.route("/start", Reply(status=301, headers={"Location": _named(feed_server, "localhost", "/x")}))
    async with _session(PinnedResolver(), production) as session:
        with pytest.raises(FetchError, match="blocked: localhost is a loopback address"):
            await Fetcher(production, session=session).fetch(_named(feed_server, "feeds.example", "/start"))
    assert feed_server.hits["/x"] == 0


async def test_production_allows_the_same_redirect_when_it_stays_on_an_allowed_host(
        production: Settings, feed_server: ScriptedServer) -> None:
    """Control for the test above: the refusal is about the target, not about redirects as such."""
    feed_server.route("/start", Reply(status=302, headers={"Location": "/feed"}))
    feed_server.route("/feed", Reply(body=FEED))
    async with _session(PinnedResolver(), production) as session:
        result = await Fetcher(production, session=session).fetch(_named(feed_server, "feeds.example", "/start"))
    assert result.body == FEED
    assert result.url == _named(feed_server, "feeds.example", "/feed")


async def test_guarded_resolver_refuses_a_name_resolving_to_loopback_at_connect_time(
        production: Settings, feed_server: ScriptedServer) -> None:
    """DNS rebinding: the name passes `check_url`, but the address it resolves to is checked when connecting."""
    feed_server.route("/feed", Reply(body=FEED))
    guard = GuardedResolver(AddressPolicy(allow_private=False), PinnedResolver())
    async with _session(guard, production) as session:
        with pytest.raises(FetchError) as caught:
            await Fetcher(production, session=session).fetch(_named(feed_server, "rebind.example", "/feed"))
    assert caught.value.reason.startswith("blocked: refused to connect to rebind.example")
    assert "127.0.0.1 is a loopback address" in caught.value.reason
    assert feed_server.hits["/feed"] == 0


async def test_the_shared_session_uses_the_guarded_resolver(production: Settings) -> None:
    # White-box wiring check (aiohttp keeps the resolver in a private attribute): without the guard a name
    # pointing at an internal address would be fetched.
    session = make_session(production, AddressPolicy(allow_private=False))
    try:
        assert isinstance(session.connector._resolver, GuardedResolver)  # type: ignore[union-attr]
        assert session.timeout.total == production.total_timeout_s
        assert session.timeout.sock_connect == production.connect_timeout_s
    finally:
        await session.close()


# --- caps and timeouts ---

async def test_body_over_the_cap_with_content_length_is_refused(settings: Settings,
                                                                 feed_server: ScriptedServer) -> None:
    url = feed_server.route("/big", Reply(body=b"x" * 10_000))
    error = await fetch_error(settings.with_overrides(max_body_bytes=4096), url)
    assert error.reason == "response too large (10000 bytes, limit 4096)"


async def test_body_exactly_at_the_cap_is_accepted(settings: Settings, feed_server: ScriptedServer) -> None:
    feed_server.route("/exact", Reply(body=b"x" * 4096))
    feed_server.route("/exact-streamed", Reply(body=b"y" * 4096, stream_chunks=4))
    capped = settings.with_overrides(max_body_bytes=4096)
    assert (await fetch(capped, feed_server.url("/exact"))).body == b"x" * 4096
    assert (await fetch(capped, feed_server.url("/exact-streamed"))).body == b"y" * 4096


async def test_streamed_body_over_the_cap_is_refused_without_reading_it_all(settings: Settings,
                                                                            feed_server: ScriptedServer) -> None:
    # 64 chunks of 1 KiB, 50 ms apart: sending all of it takes 3.2 s; the cap is hit after about 5 chunks.
    url = feed_server.route("/endless", Reply(body=b"z" * 65_536, stream_chunks=64, chunk_delay=0.05))
    started = time.monotonic()
    error = await fetch_error(settings.with_overrides(max_body_bytes=4096), url)
    elapsed = time.monotonic() - started
    assert error.reason == "response too large (over 4096 bytes)"
    assert elapsed < 2.0, f"the fetcher read {elapsed:.1f}s of a stream it should have abandoned"


async def test_gzip_bomb_is_capped_on_the_decompressed_size(settings: Settings,
                                                            feed_server: ScriptedServer) -> None:
    # 4 MiB of zeros compresses to about 4 KiB: the Content-Length is small, the body is not.
    url = feed_server.route("/bomb", Reply(body=bytes(4 * 1024 * 1024), gzip=True))
    error = await fetch_error(settings.with_overrides(max_body_bytes=256 * 1024), url)
    assert error.reason == f"response too large (over {256 * 1024} bytes)"


async def test_slow_body_times_out_quickly(settings: Settings, feed_server: ScriptedServer) -> None:
    url = feed_server.route("/slow", Reply(body=FEED, stream_chunks=20, chunk_delay=0.2))
    started = time.monotonic()
    error = await fetch_error(settings.with_overrides(total_timeout_s=0.5), url)
    elapsed = time.monotonic() - started
    assert error.reason == "timed out"
    assert elapsed < 2.0


async def test_slow_headers_time_out_too(settings: Settings, feed_server: ScriptedServer) -> None:
    # The server answers after 1 s; only the 0.5 s total timeout can turn that into an error.
    url = feed_server.route("/stall", Reply(body=FEED, delay=1.0))
    started = time.monotonic()
    error = await fetch_error(settings.with_overrides(total_timeout_s=0.5), url)
    assert error.reason == "timed out"
    assert time.monotonic() - started < 0.95


async def test_closed_port_cannot_connect(settings: Settings) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    error = await fetch_error(settings, f"http://127.0.0.1:{port}/feed")
    assert error.reason.startswith("cannot connect")
    assert error.status is None


# --- concurrency ---

class CountingServer(ScriptedServer):
    """A ScriptedServer that records how many requests it is handling at once."""

    def __init__(self) -> None:
        super().__init__()
        self.in_flight = 0
        self.max_in_flight = 0

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            return await super()._handle(request)
        finally:
            self.in_flight -= 1


@pytest.fixture
async def counting_server() -> AsyncIterator[CountingServer]:
    server = CountingServer()
    await server.start()
    yield server
    await server.stop()


async def _gather(count: int, make: Callable[[int], Awaitable[object]]) -> list[object]:
    return await asyncio.gather(*(make(n) for n in range(count)))


async def test_per_host_concurrency_is_respected(settings: Settings, counting_server: CountingServer) -> None:
    url = counting_server.route("/slow", Reply(body=FEED, delay=0.15))
    async with Fetcher(settings.with_overrides(per_host_concurrency=2)) as fetcher:
        results = await _gather(6, lambda _: fetcher.fetch(url))
    assert all(result.body == FEED for result in results)
    assert counting_server.hits["/slow"] == 6
    assert counting_server.max_in_flight == 2


async def test_per_host_limit_holds_without_the_connector_limit(settings: Settings,
                                                                counting_server: CountingServer) -> None:
    """The fetcher's own per-host semaphore, with a session whose connector has no per-host limit."""
    counting_server.route("/slow", Reply(body=FEED, delay=0.15))
    limited = settings.with_overrides(per_host_concurrency=2)
    async with _session(PinnedResolver(), limited) as session:
        fetcher = Fetcher(limited, session=session)
        url = _named(counting_server, "feeds.example", "/slow")
        await _gather(6, lambda _: fetcher.fetch(url))
    assert counting_server.hits["/slow"] == 6
    assert counting_server.max_in_flight == 2


async def test_the_limit_is_per_host_not_global(settings: Settings, counting_server: CountingServer) -> None:
    counting_server.route("/slow", Reply(body=FEED, delay=0.15))
    limited = settings.with_overrides(per_host_concurrency=1)
    urls = [_named(counting_server, host, "/slow") for host in ("a.example", "b.example")]
    async with _session(PinnedResolver(), limited) as session:
        fetcher = Fetcher(limited, session=session)
        await _gather(4, lambda n: fetcher.fetch(urls[n % 2]))
    assert counting_server.max_in_flight == 2


async def test_global_concurrency_is_respected(settings: Settings, counting_server: CountingServer) -> None:
    counting_server.route("/slow", Reply(body=FEED, delay=0.1))
    limited = settings.with_overrides(fetch_concurrency=1, per_host_concurrency=4)
    urls = [_named(counting_server, host, "/slow") for host in ("a.example", "b.example", "c.example")]
    async with _session(PinnedResolver(), limited) as session:
        fetcher = Fetcher(limited, session=session)
        await _gather(3, lambda n: fetcher.fetch(urls[n]))
    assert counting_server.hits["/slow"] == 3
    assert counting_server.max_in_flight == 1


# --- Retry-After parsing ---

NOW = datetime(2024, 6, 4, 12, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(("value", "expected"), [
    ("120", 120.0),
    (" 45 ", 45.0),
    ("0", 0.0),
    ("1.5", 1.5),
    ("-30", 0.0),
    ("999999999", 86_400.0),
    ("86401", 86_400.0),
    (None, None),
    ("", None),
    ("soon", None),
    ("Tue, 32 Foo 2024", None),
])
def test_parse_retry_after(value: str | None, expected: float | None) -> None:
    assert parse_retry_after(value, now=NOW) == expected


def test_parse_retry_after_http_date() -> None:
    assert parse_retry_after("Tue, 04 Jun 2024 12:02:00 GMT", now=NOW) == 120.0


def test_parse_retry_after_http_date_in_the_past_is_zero() -> None:
    assert parse_retry_after("Tue, 04 Jun 2024 11:00:00 GMT", now=NOW) == 0.0


def test_parse_retry_after_far_future_date_is_capped_at_a_day() -> None:
    assert parse_retry_after("Fri, 01 Jan 2100 00:00:00 GMT", now=NOW) == 86_400.0


@pytest.mark.parametrize("value", ["nan", "NaN", "inf", "-inf", "Infinity"])
def test_parse_retry_after_non_finite_numbers_give_a_usable_value(value: str) -> None:
    """A hostile or broken server must not be able to make the scheduler crash (timedelta(seconds=nan))."""
    parsed = parse_retry_after(value, now=NOW)
    assert parsed is None or 0.0 <= parsed <= 86_400.0
