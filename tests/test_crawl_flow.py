"""The nightly flow over a web source on loopback: crawl, extract, store, then a 304 night."""

import pytest

from tests.crawl_server import Reply, Site
from tests.support import seed_text
from warehouse.connect import connect

pytestmark = pytest.mark.e2e


def html_page(prefix: str) -> bytes:
    title, _, body = seed_text(prefix).partition("\n")
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n") if p.strip())
    return (f"<html><head><meta charset='gbk'><title>{title}_某某科技网</title></head><body>"
            f"<div class='nav'>首页 科技</div><article><h1>{title}</h1>{paragraphs}</article>"
            "</body></html>").encode("gb18030")


def feed(site: Site, paths: list[str]) -> bytes:
    items = "".join(f"<item><title>t</title><link>{site.url(p)}</link></item>" for p in paths)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>f'
            f"</title>{items}</channel></rss>").encode()


def test_feed_source_then_an_unchanged_night(prefect_harness, tmp_path):
    from flows.nightly import nightly

    with Site() as site:
        site.route("/robots.txt", Reply(body=b"User-agent: *\nDisallow: /private/\n",
                                        content_type="text/plain"))
        articles = {"/news/003.html": "003", "/news/004.html": "004"}
        for path, prefix in articles.items():
            # GBK bytes with no charset in the header: the <meta> tag must be honoured.
            site.route(path, Reply(body=html_page(prefix), content_type="text/html"),
                       etag=f'"{prefix}"')
        site.route("/private/secret.html", Reply(body=b"<p>never</p>"))
        site.route("/feed.xml", Reply(body=feed(site, [*articles, "/private/secret.html"]),
                                      content_type="application/rss+xml",
                                      headers={"ETag": '"feed-1"'}), etag='"feed-1"')
        config = tmp_path / "modelwatch.toml"
        config.write_text(
            f'[crawl]\nper_host_delay_s = 0.05\nretries = 0\n'
            f'[alerts]\noutbox_dir = "out"\n'
            f'[[sources]]\nname = "loopback-feed"\nkind = "feed"\n'
            f'url = "{site.url("/feed.xml")}"\n',
            encoding="utf-8")
        first = nightly(config_path=str(config))
        assert first.stages["fetch"]["pages"] == 2
        assert first.sources["loopback-feed"]["robots_skipped"] == 1
        assert "/private/secret.html" not in site.paths()  # never requested
        db = tmp_path / "data" / "modelwatch.duckdb"
        with connect(db, read_only=True) as con:
            titles = con.execute("select title from articles order by url").fetchall()
            kimi = con.execute("select organization, batch from events"
                               " where model = 'Kimi' and event_type = 'filing'").fetchall()
            validators = con.execute("select count(*) from crawl_state").fetchone()[0]
        assert titles[0][0].startswith("AI“百模大战”现状")  # site suffix stripped, GBK decoded
        assert kimi == [("月之暗面", 2)]
        assert validators == 3  # the feed and both pages

        hits_before = len(site.hits)
        second = nightly(config_path=str(config))
        new_hits = [hit.path for hit in site.hits[hits_before:]]
        assert "/feed.xml" in new_hits and not any(p.startswith("/news/") for p in new_hits)
        assert second.stages["fetch"]["not_modified"] == 1
        assert second.stages["store"]["articles"] == 0
        assert second.status == "ok"
