"""URL canonicalisation, hosts and sites."""

from __future__ import annotations

import pytest

from extractors.urls import (
    canonical_url,
    host_key,
    load_url_rules,
    origin,
    registered_domain,
    same_host,
    same_site,
)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTPS://News.Example.CN/a.html", "https://news.example.cn/a.html"),
        ("http://example.cn:80/a", "http://example.cn/a"),
        ("https://example.cn:443/a", "https://example.cn/a"),
        ("https://example.cn:8443/a", "https://example.cn:8443/a"),
        ("https://example.cn", "https://example.cn/"),
        ("https://example.cn/a.html#comments", "https://example.cn/a.html"),
        ("https://example.cn/a?utm_source=rss&utm_medium=feed&id=7",
         "https://example.cn/a?id=7"),
        ("https://example.cn/a?UTM_Campaign=x&id=7", "https://example.cn/a?id=7"),
        ("https://example.cn/a?spm=a2c4g.11186623&from=timeline&isappinstalled=0",
         "https://example.cn/a"),
        ("https://example.cn/a?share_source=weixin&share_medium=iphone&p=2",
         "https://example.cn/a?p=2"),
        ("https://example.cn/a?b=2&a=1&c=3", "https://example.cn/a?a=1&b=2&c=3"),
        ("https://example.cn/a?a=2&a=1", "https://example.cn/a?a=2&a=1"),  # order kept
        ("https://example.cn/a?&&x=1&", "https://example.cn/a?x=1"),
        ("https://example.cn/a/b/../c/./d.html", "https://example.cn/a/c/d.html"),
        ("https://example.cn/%7euser/%e6%96%b0", "https://example.cn/~user/%E6%96%B0"),
        ("https://example.cn/新闻/a.html", "https://example.cn/%E6%96%B0%E9%97%BB/a.html"),
        ("https://example.cn/a b", "https://example.cn/a%20b"),
        ("  https://example.cn/a\n", "https://example.cn/a"),
        ("https://example.cn./a", "https://example.cn/a"),
        ("https://中国.cn/a", "https://xn--fiqs8s.cn/a"),
        ("http://[::1]:8080/a", "http://[::1]:8080/a"),
        ("mailto:editor@example.cn", None),
        ("javascript:void(0)", None),
        ("ftp://example.cn/a", None),
        ("https://example.cn:99999/a", None),
        ("/relative/only", None),
        ("", None),
    ],
)
def test_canonical_url(url: str, expected: str | None) -> None:
    assert canonical_url(url) == expected


def test_canonical_url_resolves_against_a_base_and_is_idempotent() -> None:
    base = "https://news.example.cn/tech/index.html"
    url = canonical_url("../a.html?from=index#top", base)
    assert url == "https://news.example.cn/a.html"
    assert canonical_url(url) == url
    assert canonical_url("//cdn.example.cn/x", base) == "https://cdn.example.cn/x"


def test_tracking_rules_are_data() -> None:
    rules = load_url_rules()
    assert rules.drops("utm_content") and rules.drops("spm") and rules.drops("FROM")
    assert not rules.drops("id") and not rules.drops("page")


def test_host_key_origin_and_registered_domain() -> None:
    assert host_key("https://News.Example.cn/a") == "news.example.cn"
    assert host_key("http://news.example.cn:80/a") == host_key("https://news.example.cn/b")
    assert host_key("http://127.0.0.1:8001/a") == "127.0.0.1:8001"
    assert origin("HTTPS://user:pw@News.Example.cn:443/a?b") == "https://news.example.cn"
    assert origin("http://127.0.0.1:8001/a") == "http://127.0.0.1:8001"
    assert registered_domain("tech.sina.com.cn") == "sina.com.cn"
    assert registered_domain("https://www.news.cn/tech/") == "news.cn"
    assert registered_domain("https://a.b.example.co.uk/x") == "example.co.uk"
    assert registered_domain("www.gov.cn") == "www.gov.cn"  # gov.cn is a public suffix
    assert registered_domain("127.0.0.1") == "127.0.0.1"
    assert registered_domain("localhost") == "localhost"


def test_same_host_and_same_site() -> None:
    assert same_host("https://www.thepaper.cn/a", "http://thepaper.cn/b")
    assert same_host("http://127.0.0.1:1/a", "http://127.0.0.1:2/b")  # ports do not matter
    assert not same_host("https://tech.sina.com.cn/a", "https://finance.sina.com.cn/b")
    assert same_site("https://tech.sina.com.cn/a", "https://finance.sina.com.cn/b")
    assert not same_site("https://tech.sina.com.cn/a", "https://sina.cn/b")
    assert not same_site("http://127.0.0.1/a", "http://127.0.0.2/a")
    assert not same_host("not a url", "also not")
