"""Who published an article, as a registrable domain: one outlet's several feeds count once.

tldextract is pinned to its bundled Public Suffix List snapshot: it must never fetch anything at run time.
"""

from __future__ import annotations

import ipaddress
from functools import cache
from urllib.parse import urlsplit

import tldextract


@cache
def _extractor() -> tldextract.TLDExtract:
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


@cache
def registrable_domain(host: str) -> str:
    """'world.wiredesk.example' -> 'wiredesk.example'; an IP address or a bare name comes back as given."""
    host = host.lower().rstrip(".")
    try:
        ipaddress.ip_address(host.strip("[]"))
        return host
    except ValueError:
        pass
    parts = _extractor()(host)
    if parts.domain and parts.suffix:
        return f"{parts.domain}.{parts.suffix}"
    if parts.domain and "." in host:  # an unknown suffix such as .example or .test: keep the last two labels
        return ".".join(host.split(".")[-2:])
    return host


def publisher_of(*urls: str | None) -> str:
    """The publisher of the first of `urls` (article link, site link, feed URL) that has a host."""
    for url in urls:
        if not url:
            continue
        try:
            host = urlsplit(url).hostname
        except ValueError:
            continue
        if host:
            return registrable_domain(host)
    return "unknown"
