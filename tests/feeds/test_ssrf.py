"""The SSRF guard: literal addresses in every spelling, schemes, credentials, and DNS answers.

No test here touches the network: `check_url` never resolves, and `GuardedResolver` is given a fake inner
resolver that returns scripted answers.
"""

from __future__ import annotations

import ipaddress
import socket

import pytest
from aiohttp.abc import AbstractResolver, ResolveResult

from bot.feeds.ssrf import AddressPolicy, BlockedURL, GuardedResolver, check_url, describe_blocked, parse_literal_host

PRODUCTION = AddressPolicy(allow_private=False)
DEVELOPMENT = AddressPolicy(allow_private=True)

REFUSED_HOSTS = [
    pytest.param("127.0.0.1", "loopback", id="loopback"),
    pytest.param("localhost", "loopback", id="localhost"),
    pytest.param("LocalHost.", "loopback", id="localhost-trailing-dot"),
    pytest.param("10.1.2.3", "private", id="10/8"),
    pytest.param("172.16.0.1", "private", id="172.16/12"),
    pytest.param("172.31.255.254", "private", id="172.31"),
    pytest.param("192.168.1.1", "private", id="192.168/16"),
    pytest.param("169.254.169.254", "metadata", id="aws-metadata"),
    pytest.param("100.100.100.200", "metadata", id="alibaba-metadata"),
    pytest.param("169.254.1.1", "link-local", id="link-local-v4"),
    pytest.param("0.0.0.0", "unspecified", id="unspecified-v4"),
    pytest.param("[::1]", "loopback", id="loopback-v6"),
    pytest.param("[::]", "unspecified", id="unspecified-v6"),
    pytest.param("[fe80::1]", "link-local", id="link-local-v6"),
    pytest.param("[fe80::1%25eth0]", "link-local", id="link-local-v6-zone"),
    pytest.param("[fc00::1]", "private", id="ula-fc00"),
    pytest.param("[fd12:3456::1]", "private", id="ula-fd"),
    pytest.param("[fd00:ec2::254]", "metadata", id="aws-metadata-v6"),
    pytest.param("[::ffff:127.0.0.1]", "loopback", id="v4-mapped-dotted"),
    pytest.param("[::ffff:7f00:1]", "loopback", id="v4-mapped-hex"),
    pytest.param("[::ffff:169.254.169.254]", "metadata", id="v4-mapped-metadata"),
    pytest.param("[2002:7f00:1::]", "loopback", id="6to4"),
    pytest.param("[2002:a00:1::]", "private", id="6to4-private"),
    pytest.param("[64:ff9b::7f00:1]", "loopback", id="nat64"),
    pytest.param("[64:ff9b::a9fe:a9fe]", "metadata", id="nat64-metadata"),
    pytest.param("224.0.0.1", "multicast", id="multicast-v4"),
    pytest.param("[ff02::1]", "multicast", id="multicast-v6"),
    pytest.param("240.0.0.1", "", id="reserved"),
    pytest.param("255.255.255.255", "", id="broadcast"),
    pytest.param("2130706433", "loopback", id="decimal"),
    pytest.param("0177.0.0.1", "loopback", id="octal"),
    pytest.param("0x7f.0.0.1", "loopback", id="hex-dotted"),
    pytest.param("0x7f000001", "loopback", id="hex-whole"),
    pytest.param("0X7F.1", "loopback", id="hex-upper-short"),
    pytest.param("127.1", "loopback", id="short"),
    pytest.param("0", "unspecified", id="zero"),
    pytest.param("2852039166", "metadata", id="decimal-metadata"),
    pytest.param("100.64.0.1", "", id="cgnat"),
    pytest.param("192.0.0.192", "metadata", id="oracle-metadata"),
    # Hosts that IDNA (applied by yarl inside aiohttp) turns into an address: aiohttp then connects to the
    # literal without asking the resolver, so check_url is the only guard.
    pytest.param("127\u30020\u30020\u30021", "loopback", id="ideographic-full-stops"),
    pytest.param("127\uff0e0\uff0e0\uff0e1", "loopback", id="fullwidth-full-stops"),
    pytest.param("\u2460\u2461\u2466.0.0.1", "loopback", id="circled-digits"),
    pytest.param("\uff11\uff12\uff17.0.0.1", "loopback", id="fullwidth-digits"),
    pytest.param("\uff10x7f.1", "loopback", id="fullwidth-hex"),
    pytest.param("\uff4c\uff4f\uff43\uff41\uff4c\uff48\uff4f\uff53\uff54", "loopback", id="fullwidth-localhost"),
]


@pytest.mark.parametrize(("host", "reason"), REFUSED_HOSTS)
@pytest.mark.parametrize("port", ["", ":8080"])
def test_production_refuses_internal_addresses(host: str, reason: str, port: str) -> None:
    with pytest.raises(BlockedURL) as caught:
        check_url(f"http://{host}{port}/feed.xml", PRODUCTION)
    assert reason in str(caught.value)


@pytest.mark.parametrize("url", [
    "file:///etc/passwd",
    "ftp://example.com/feed.xml",
    "gopher://example.com:70/1",
    "javascript:alert(1)",
    "data:text/xml,<rss/>",
    "example.com/feed.xml",
])
def test_only_http_and_https_schemes(url: str) -> None:
    for policy in (PRODUCTION, DEVELOPMENT):
        with pytest.raises(BlockedURL, match="only http and https"):
            check_url(url, policy)


@pytest.mark.parametrize("url", [
    "https://user:secret@example.com/feed",
    "https://user@example.com/feed",
    "https://:secret@example.com/feed",
])
def test_credentials_in_url_are_refused(url: str) -> None:
    with pytest.raises(BlockedURL, match="credentials"):
        check_url(url, DEVELOPMENT)


@pytest.mark.parametrize("url", ["http://", "https:///feed.xml", "http://:80/feed"])
def test_url_without_host_is_refused(url: str) -> None:
    with pytest.raises(BlockedURL, match="no host"):
        check_url(url, DEVELOPMENT)


@pytest.mark.parametrize("url", ["http://example.com:abc/feed", "http://xn--/feed", "http://exa\u200bmple.com/"])
def test_malformed_url_is_refused_not_crashed(url: str) -> None:
    with pytest.raises(BlockedURL, match="malformed"):
        check_url(url, PRODUCTION)


@pytest.mark.parametrize(("url", "host"), [
    ("http://93.184.216.34/feed", "93.184.216.34"),
    ("https://[2606:4700:4700::1111]/feed", "2606:4700:4700::1111"),
    ("https://example.com/feed.xml", "example.com"),
    ("HTTPS://Example.com:8443/feed.xml", "example.com"),
    ("http://8.8.8.8:8080/feed", "8.8.8.8"),
])
def test_public_addresses_pass_and_the_host_is_returned(url: str, host: str) -> None:
    assert check_url(url, PRODUCTION) == host


@pytest.mark.parametrize("host", [
    "127.0.0.1", "localhost", "10.1.2.3", "172.16.0.1", "192.168.1.1", "[::1]", "[fc00::1]", "127.1",
    "2130706433", "[::ffff:127.0.0.1]",
])
def test_development_mode_allows_loopback_and_private(host: str) -> None:
    check_url(f"http://{host}:8080/feed", DEVELOPMENT)


@pytest.mark.parametrize("host", [
    "169.254.169.254", "169.254.170.2", "100.100.100.200", "[fd00:ec2::254]", "[::ffff:169.254.169.254]",
    "[::ffff:a9fe:a9fe]", "2852039166", "0xa9.0xfe.0xa9.0xfe", "[64:ff9b::a9fe:a9fe]",
    "169\u3002254\u3002169\u3002254",
])
def test_development_mode_still_refuses_metadata_in_any_spelling(host: str) -> None:
    with pytest.raises(BlockedURL, match="metadata"):
        check_url(f"http://{host}/latest/meta-data/", DEVELOPMENT)


@pytest.mark.parametrize(("text", "expected"), [
    ("2130706433", "127.0.0.1"),
    ("0177.0.0.1", "127.0.0.1"),
    ("0x7f.0.0.1", "127.0.0.1"),
    ("0x7f000001", "127.0.0.1"),
    ("127.1", "127.0.0.1"),
    ("10.1", "10.0.0.1"),
    ("[::1]", "::1"),
    ("127.0.0.1.", "127.0.0.1"),
])
def test_parse_literal_host_reads_every_spelling(text: str, expected: str) -> None:
    assert parse_literal_host(text) == ipaddress.ip_address(expected)


@pytest.mark.parametrize("text", ["example.com", "deadbeef", "1.2.3.4.5", "1e3", "", "face.example"])
def test_parse_literal_host_leaves_names_alone(text: str) -> None:
    assert parse_literal_host(text) is None


# --- GuardedResolver, with a scripted inner resolver instead of DNS ---

class FakeResolver(AbstractResolver):
    """Answers every query with the scripted addresses; records what was asked."""

    def __init__(self, *addresses: str) -> None:
        self.addresses = addresses
        self.queries: list[str] = []
        self.closed = False

    async def resolve(self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
                      ) -> list[ResolveResult]:
        self.queries.append(host)
        return [
            ResolveResult(hostname=host, host=address, port=port,
                          family=socket.AF_INET6 if ":" in address else socket.AF_INET, proto=0,
                          flags=socket.AI_NUMERICHOST)
            for address in self.addresses
        ]

    async def close(self) -> None:
        self.closed = True


async def test_resolver_refuses_a_name_that_resolves_to_a_private_address() -> None:
    inner = FakeResolver("10.0.0.5")
    resolver = GuardedResolver(PRODUCTION, inner)
    with pytest.raises(OSError, match="refused") as caught:
        await resolver.resolve("rebind.example", 443)
    assert "rebind.example" in str(caught.value)
    assert "private" in str(caught.value)
    assert inner.queries == ["rebind.example"]


@pytest.mark.parametrize("address", ["127.0.0.1", "::1", "169.254.169.254", "::ffff:10.0.0.1", "fe80::1"])
async def test_resolver_refuses_each_internal_answer(address: str) -> None:
    with pytest.raises(OSError, match="refused"):
        await GuardedResolver(PRODUCTION, FakeResolver(address)).resolve("evil.example", 80)


async def test_resolver_keeps_only_public_answers_from_a_mixed_set() -> None:
    inner = FakeResolver("127.0.0.1", "93.184.216.34", "10.0.0.1", "2606:4700:4700::1111", "169.254.169.254")
    results = await GuardedResolver(PRODUCTION, inner).resolve("mixed.example", 443)
    assert [result["host"] for result in results] == ["93.184.216.34", "2606:4700:4700::1111"]
    assert all(result["port"] == 443 and result["hostname"] == "mixed.example" for result in results)


async def test_resolver_passes_through_when_everything_is_allowed() -> None:
    inner = FakeResolver("93.184.216.34", "8.8.8.8")
    results = await GuardedResolver(PRODUCTION, inner).resolve("ok.example", 80)
    assert [result["host"] for result in results] == ["93.184.216.34", "8.8.8.8"]


async def test_resolver_in_development_allows_loopback_but_not_metadata() -> None:
    results = await GuardedResolver(DEVELOPMENT, FakeResolver("127.0.0.1")).resolve("dev.example", 80)
    assert [result["host"] for result in results] == ["127.0.0.1"]
    with pytest.raises(OSError, match="metadata"):
        await GuardedResolver(DEVELOPMENT, FakeResolver("169.254.169.254")).resolve("meta.example", 80)


async def test_resolver_with_no_answer_at_all_is_refused() -> None:
    with pytest.raises(OSError, match="refused"):
        await GuardedResolver(PRODUCTION, FakeResolver()).resolve("empty.example", 80)


async def test_resolver_close_closes_the_inner_resolver() -> None:
    inner = FakeResolver("93.184.216.34")
    await GuardedResolver(PRODUCTION, inner).close()
    assert inner.closed


def test_describe_blocked_finds_the_refusal_in_a_chain() -> None:
    try:
        try:
            raise OSError("refused to connect to evil.example: 10.0.0.1 is a private address")
        except OSError as inner:
            raise ConnectionError("Cannot connect to host evil.example:80") from inner
    except ConnectionError as outer:
        assert describe_blocked(outer) == "refused to connect to evil.example: 10.0.0.1 is a private address"
    assert describe_blocked(ConnectionError("connection reset")) is None
