"""SSRF guard: a feed URL is untrusted input, so it must never reach our own network or a metadata service.

Two layers, because either alone has a hole:
- `check_url` refuses non-http(s) schemes and literal addresses in any spelling (dotted, decimal, octal, hex,
  IPv6, IPv4-mapped IPv6). aiohttp never calls the resolver for a literal, so this check is the only one there.
- `GuardedResolver` filters every DNS answer at connection time, which covers redirects and DNS rebinding:
  the address we check is the address we connect to.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.resolver import ThreadedResolver
from yarl import URL

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Cloud metadata endpoints; refused even when private addresses are allowed.
METADATA_ADDRESSES = frozenset(ipaddress.ip_address(a) for a in (
    "169.254.169.254", "169.254.170.2", "169.254.169.253", "100.100.100.200", "192.0.0.192",
    "fd00:ec2::254", "fd00:ec2::23",
))
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


class BlockedURL(ValueError):
    """The URL may not be fetched; the message says why in a few words, fit for a user."""


@dataclass(frozen=True, slots=True)
class AddressPolicy:
    """Which addresses may be fetched. `allow_private` exists for the demo and the tests on 127.0.0.1."""

    allow_private: bool = False

    def check_address(self, address: IPAddress) -> None:
        embedded = _embedded_ipv4(address)
        if embedded is not None:
            self.check_address(embedded)
            return
        if address in METADATA_ADDRESSES:
            raise BlockedURL(f"{address} is a cloud metadata address")
        if self.allow_private:
            return
        if address.is_loopback:
            raise BlockedURL(f"{address} is a loopback address")
        if address.is_link_local:
            raise BlockedURL(f"{address} is a link-local address")
        if address.is_multicast:
            raise BlockedURL(f"{address} is a multicast address")
        if address.is_unspecified:
            raise BlockedURL(f"{address} is an unspecified address")
        if address.is_private:
            raise BlockedURL(f"{address} is a private address")
        if address.is_reserved or not address.is_global:
            raise BlockedURL(f"{address} is a reserved address")


def _embedded_ipv4(address: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address hidden in an IPv4-mapped, 6to4 or NAT64 IPv6 address, if any."""
    if isinstance(address, ipaddress.IPv4Address):
        return None
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def parse_literal_host(host: str) -> IPAddress | None:
    """Read a host that is an IP literal in any form a resolver would accept, else None.

    `inet_aton` accepts the legacy spellings that browsers and libc still honour: 2130706433, 0177.0.0.1,
    0x7f.1, 127.1. Checking only dotted quads would let those through.
    """
    host = host.strip("[]").rstrip(".")
    try:
        return ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        pass
    if not host or not all(c in "0123456789abcdefxABCDEFX." for c in host) or not host[0].isdigit():
        return None
    try:
        return ipaddress.IPv4Address(socket.inet_aton(host))
    except OSError:
        return None


def check_url(url: str, policy: AddressPolicy) -> str:
    """Refuse what may not be fetched before any connection is made; return the host name."""
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError:
        raise BlockedURL("the URL is malformed") from None
    if parts.scheme.lower() not in {"http", "https"}:
        raise BlockedURL("only http and https URLs can be fetched")
    host = parts.hostname
    if not host:
        raise BlockedURL("the URL has no host")
    if parts.username or parts.password:
        raise BlockedURL("URLs with credentials are not accepted")
    # Check the host aiohttp will connect to: yarl applies IDNA, which turns ideographic or full-width dots and
    # circled digits into a literal 127.0.0.1 that aiohttp connects to without asking the resolver.
    try:
        seen = (URL(url.strip()).host or host).lower().rstrip(".")
    except ValueError:
        raise BlockedURL("the URL is malformed") from None
    literal = parse_literal_host(seen) or parse_literal_host(host)
    if literal is not None:
        policy.check_address(literal)
    elif not policy.allow_private and seen in {"localhost", "localhost.localdomain"}:
        raise BlockedURL("localhost is a loopback address")
    return host


class GuardedResolver(AbstractResolver):
    """Resolve with the system resolver, then drop every address the policy refuses."""

    def __init__(self, policy: AddressPolicy, inner: AbstractResolver | None = None) -> None:
        self._policy = policy
        self._inner = inner or ThreadedResolver()

    async def resolve(self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
                      ) -> list[ResolveResult]:
        results = await self._inner.resolve(host, port, family)
        allowed: list[ResolveResult] = []
        refusal: BlockedURL | None = None
        for result in results:
            try:
                self._policy.check_address(ipaddress.ip_address(result["host"]))
            except BlockedURL as exc:
                refusal = exc
                continue
            allowed.append(result)
        if not allowed:
            raise OSError(f"refused to connect to {host}: {refusal or 'no address'}")
        return allowed

    async def close(self) -> None:
        await self._inner.close()


def describe_blocked(exc: BaseException) -> str | None:
    """The refusal hidden in an aiohttp connection error raised by `GuardedResolver`, if that is what it is."""
    current: Any = exc
    while current is not None:
        text = str(current)
        if "refused to connect to" in text:
            return text[text.index("refused to connect to"):]
        current = current.__cause__ or current.__context__
    return None
