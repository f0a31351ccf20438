"""Canonical URLs: one spelling per article, so the same link with tracking noise is one article."""

from __future__ import annotations

from urllib.parse import SplitResult, parse_qsl, urlencode, urlsplit, urlunsplit

# Parameters that say who sent the reader, never which article it is.
TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "igshid", "ttclid",
    "mc_cid", "mc_eid", "ref", "ref_src", "ref_url", "referrer", "cmpid", "cmp", "campaign_id",
    "_ga", "_gl", "_hsenc", "_hsmi", "hsctatracking", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id",
    "ns_mchannel", "ns_source", "ns_campaign", "ns_linkname", "ns_fee",
    "ito", "smid", "smtyp", "sr_share", "spm", "s_cid", "icid", "ocid", "ncid",
})
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hmb_", "at_", "__s")
DEFAULT_PORTS = {"http": 80, "https": 443}


def is_tracking_param(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def _http_parts(url: str) -> SplitResult | None:
    """`urlsplit(url)` when it is an http(s) URL with a host, else None."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return parts if parts.scheme.lower() in DEFAULT_PORTS and parts.hostname else None


def _normalized(parts: SplitResult) -> SplitResult | None:
    """`parts` (of an http(s) URL) with lower-case scheme and host, no default port and no fragment; None when
    its port is no number."""
    try:
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    host = parts.hostname.lower().rstrip(".")  # type: ignore[union-attr]  # _http_parts saw a host
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    netloc = host if port in (None, DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    return SplitResult(scheme, netloc, parts.path or "/", parts.query, "")


def _normalized_parts(url: str) -> SplitResult | None:
    """The URL with lower-case scheme and host, no default port and no fragment; None if not http(s)."""
    parts = _http_parts(url)
    return None if parts is None else _normalized(parts)


def canonicalize_url(url: str) -> str:
    """Lower-case scheme and host, drop the default port, the fragment and tracking parameters, sort the rest.

    Anything that does not parse as an absolute http(s) URL comes back stripped but otherwise as given, so a
    guid that only looks like a URL never raises.
    """
    url = url.strip()
    parts = _http_parts(url)
    return url if parts is None else _canonical(url, parts)


def _canonical(url: str, parts: SplitResult) -> str:
    """`url`, an http(s) URL split as `parts`, made canonical; `url` as it is when its port is no number."""
    normalized = _normalized(parts)
    return url if normalized is None else _without_tracking(normalized)


def _without_tracking(parts: SplitResult) -> str:
    """`parts` as a URL, its query without tracking parameters and the rest sorted."""
    query = parts.query
    if query:  # most article links have none
        query = urlencode(sorted(
            (key, value) for key, value in parse_qsl(query, keep_blank_values=True) if not is_tracking_param(key)
        ), doseq=True)
    return urlunsplit(parts._replace(query=query))


def normalize_feed_url(url: str) -> str:
    """One spelling per feed URL: lower-case scheme and host, no default port, no fragment. Unlike article
    links, the query is kept as it is: a feed's parameters choose what it serves."""
    url = url.strip()
    parts = _normalized_parts(url)
    return url if parts is None else urlunsplit(parts)


def is_http_url(url: str) -> bool:
    return _http_parts(url.strip()) is not None


def canonical_link(link: str | None) -> str | None:
    """An item's link made canonical, or None when it is no http(s) URL (it then identifies nothing).

    `canonicalize_url(link) if is_http_url(link)`, splitting the link once: it runs for every new article."""
    if not link:
        return None
    url = link.strip()
    parts = _http_parts(url)
    return None if parts is None else _canonical(url, parts)
