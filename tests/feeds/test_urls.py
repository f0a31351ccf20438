"""canonicalize_url: one spelling per article, whatever tracking noise or casing the feed adds."""

from __future__ import annotations

import pytest

from bot.feeds.urls import canonical_link, canonicalize_url, is_http_url, is_tracking_param


def test_scheme_and_host_are_lower_cased_but_path_is_not() -> None:
    assert canonicalize_url("HTTPS://News.Example.COM/World/Story") == "https://news.example.com/World/Story"


@pytest.mark.parametrize(("url", "expected"), [
    ("http://example.com:80/a", "http://example.com/a"),
    ("https://example.com:443/a", "https://example.com/a"),
    ("http://example.com:8080/a", "http://example.com:8080/a"),
    ("https://example.com:8443/a", "https://example.com:8443/a"),
    # A default port of the *other* scheme is not a default here.
    ("http://example.com:443/a", "http://example.com:443/a"),
    ("https://example.com:80/a", "https://example.com:80/a"),
])
def test_default_port_is_dropped_and_other_ports_kept(url: str, expected: str) -> None:
    assert canonicalize_url(url) == expected


def test_fragment_is_dropped() -> None:
    assert canonicalize_url("https://example.com/story#comments") == "https://example.com/story"


@pytest.mark.parametrize("param", [
    "utm_source", "utm_medium", "utm_campaign", "UTM_Content", "fbclid", "gclid", "mc_cid", "mc_eid", "ref",
    "cmpid",
])
def test_tracking_parameters_are_removed(param: str) -> None:
    assert is_tracking_param(param)
    assert canonicalize_url(f"https://example.com/story?{param}=x&id=7") == "https://example.com/story?id=7"


def test_all_tracking_noise_removed_together_and_remaining_query_sorted() -> None:
    url = ("https://example.com/story?utm_source=tw&z=26&fbclid=abc&gclid=def&mc_cid=1&mc_eid=2&ref=home"
           "&cmpid=rss&a=1&m=mid")
    assert canonicalize_url(url) == "https://example.com/story?a=1&m=mid&z=26"


def test_only_tracking_parameters_leaves_no_question_mark() -> None:
    assert canonicalize_url("https://example.com/story?utm_source=x&fbclid=y") == "https://example.com/story"


def test_ordinary_parameters_that_merely_contain_ref_are_kept() -> None:
    assert canonicalize_url("https://example.com/s?preference=1&id=2") == "https://example.com/s?id=2&preference=1"


def test_blank_values_are_kept() -> None:
    assert canonicalize_url("https://example.com/s?b=&a=1") == "https://example.com/s?a=1&b="


def test_same_article_spelled_differently_is_one_url() -> None:
    spellings = [
        "https://example.com/story?id=1",
        "HTTPS://EXAMPLE.COM:443/story?id=1#top",
        "https://example.com./story?utm_source=rss&id=1",
        "  https://Example.com/story?id=1&fbclid=zzz  ",
    ]
    assert {canonicalize_url(url) for url in spellings} == {"https://example.com/story?id=1"}


def test_trailing_dot_on_host_is_removed() -> None:
    assert canonicalize_url("https://example.com./a") == "https://example.com/a"
    assert canonicalize_url("https://example.com.:8443/a") == "https://example.com:8443/a"


def test_empty_path_becomes_slash() -> None:
    assert canonicalize_url("https://example.com") == "https://example.com/"
    assert canonicalize_url("https://example.com?b=2&a=1") == "https://example.com/?a=1&b=2"


@pytest.mark.parametrize(("url", "expected"), [
    ("http://[2001:DB8::1]/feed", "http://[2001:db8::1]/feed"),
    ("http://[2001:db8::1]:80/feed", "http://[2001:db8::1]/feed"),
    ("http://[2001:db8::1]:8080/feed", "http://[2001:db8::1]:8080/feed"),
    ("https://[::1]/x#y", "https://[::1]/x"),
])
def test_ipv6_literal_host_keeps_its_brackets(url: str, expected: str) -> None:
    assert canonicalize_url(url) == expected


@pytest.mark.parametrize("value", [
    "urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427",
    "tag:example.com,2024:story-1",
    "mailto:desk@example.com",
    "ftp://Example.com/file?utm_source=x",
    "just-a-guid-1234",
    "/relative/path?utm_source=x",
    "",
])
def test_anything_but_absolute_http_comes_back_stripped_and_unchanged(value: str) -> None:
    assert canonicalize_url(f"  {value}\n") == value


@pytest.mark.parametrize("url", [
    "http://example.com:abc/story",
    "http://example.com:99999/story",
    "http://example.com:-1/story",
    "http://[::1/story",
])
def test_malformed_url_does_not_raise_and_comes_back_as_given(url: str) -> None:
    assert canonicalize_url(f" {url} ") == url


def test_is_http_url() -> None:
    assert is_http_url("https://example.com/feed")
    assert is_http_url(" HTTP://example.com ")
    assert not is_http_url("ftp://example.com/feed")
    assert not is_http_url("https:///nohost")
    assert not is_http_url("http://[::1")
    assert not is_http_url("example.com/feed")


@pytest.mark.parametrize("link", [
    None, "", "  ", "https://Example.com:443/a?b=2&utm_source=x&a=1#top", " http://example.com ", "ftp://example.com/a",
    "https:///nohost", "http://[::1", "http://example.com:99999/story", "http://example.com:abc/story", "example.com/a",
    "https://example.com/?&", "https://[::1]:8080/p?ref=x",
])
def test_canonical_link_is_the_canonical_url_of_an_http_link_else_none(link: str | None) -> None:
    expected = canonicalize_url(link) if link and is_http_url(link) else None
    assert canonical_link(link) == expected


def test_feed_urls_keep_their_query_but_not_their_spelling() -> None:
    from bot.feeds.urls import normalize_feed_url

    assert normalize_feed_url("HTTPS://News.Example.COM:443/rss?utm_source=x#top") == \
        "https://news.example.com/rss?utm_source=x"
    assert normalize_feed_url("http://example.com") == "http://example.com/"
