"""Crawl time against the politeness-bound minimum, and the cost of an unchanged night.

Starts H loopback hosts (127.0.0.1, .2, ...; the test suite's recorded-response server),
each with a robots.txt, a feed and M/H article pages answering after a fixed latency L.
Crawls the H feeds with per-host delay d and per-host concurrency c, then crawls again
with the validators and known URLs of the first run (an immediate second night).

Politeness-bound minimum, per host: robots.txt, then the feed, then its n pages; request k
may start no earlier than d after request k-1 started, no earlier than request k-c ended
(c in flight), and not before the request it depends on ended:
    s_k = max(s_{k-1} + d, s_{k-c} + L, dependency end),   bound = max over hosts (s_last + L)
When d ≥ L/c the delay binds and this is ≈ 2 steps + (n-1)·d + L; when latency binds it is
≈ ceil(n/c)·L (the issue's M·L/(H·c)) plus the delays.

Usage: .venv/bin/python benchmarks/crawl.py [--pages 60] [--hosts 3] [--delay 0.1]
       [--latency 0.05] [--concurrency 2]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors.crawl import CrawlPolicy, CrawlResult, CrawlState, crawl  # noqa: E402
from extractors.records import Source  # noqa: E402
from tests.crawl_server import Reply, Site  # noqa: E402

UA = "modelwatch-bench/0.1 (+https://example.org/contact)"
# Targets from issue 3.
TARGET_RATIO = 1.25
TARGET_SECOND_RUN_SHARE = 0.1


def politeness_bound(pages: int, delay: float, latency: float, concurrency: int) -> float:
    """Earliest finish of robots → feed → `pages` pages on one host under the rules above."""
    starts: list[float] = []
    ends: list[float] = []
    for k in range(pages + 2):  # 0: robots.txt, 1: feed, 2..: pages
        start = 0.0
        if k:
            start = max(starts[k - 1] + delay, ends[min(k - 1, 1)])  # pages need the feed
        if k >= concurrency:
            start = max(start, ends[k - concurrency])
        starts.append(start)
        ends.append(start + latency)
    return max(ends)


def pages_on_host(pages: int, hosts: int, h: int) -> int:
    """Host h's share of `pages` spread evenly, the first hosts taking the remainder."""
    return pages // hosts + (1 if h < pages % hosts else 0)


def build_sites(hosts: int, pages: int, latency: float) -> list[Site]:
    sites = []
    for h in range(hosts):
        site = Site(f"127.0.0.{h + 1}").start()
        site.route("/robots.txt", Reply(body=b"User-agent: *\nAllow: /\n",
                                        content_type="text/plain", delay_s=latency))
        count = pages_on_host(pages, hosts, h)
        items = "".join(f"<item><title>p{i}</title><link>/p/{i}.html</link></item>"
                        for i in range(count))
        feed = f"<rss version='2.0'><channel><title>h{h}</title>{items}</channel></rss>"
        site.route("/feed.xml", Reply(body=feed.encode(), content_type="application/rss+xml",
                                      delay_s=latency), etag=f'"feed-{h}"')
        for i in range(count):
            body = f"<html><body><h1>Host {h} page {i}</h1><p>正文</p></body></html>".encode()
            site.route(f"/p/{i}.html", Reply(body=body, delay_s=latency), etag=f'"{h}-{i}"')
        sites.append(site)
    return sites


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=60)
    parser.add_argument("--hosts", type=int, default=3)
    parser.add_argument("--delay", type=float, default=0.1)
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--concurrency", type=int, default=2)
    args = parser.parse_args()

    sites = build_sites(args.hosts, args.pages, args.latency)
    try:
        sources = [Source(name=f"host{h}", kind="feed", url=site.url("/feed.xml"))
                   for h, site in enumerate(sites)]
        policy = CrawlPolicy(user_agent=UA, per_host_delay_s=args.delay,
                             per_host_concurrency=args.concurrency, timeout_s=10.0)
        first = crawl(sources, policy, CrawlState())
        state = CrawlState(validators=first.validators,
                           known_urls=frozenset(page.url for page in first.pages))
        second = crawl(sources, policy, state)
    finally:
        for site in sites:
            site.stop()

    per_host = [pages_on_host(args.pages, args.hosts, h) for h in range(args.hosts)]
    bound = max(politeness_bound(n, args.delay, args.latency, args.concurrency)
                for n in per_host)
    naive = args.pages * args.latency / (args.hosts * args.concurrency)
    print(f"crawl: {args.pages} pages on {args.hosts} hosts, latency L={args.latency:.3f} s, "
          f"per-host delay d={args.delay:.3f} s, per-host concurrency c={args.concurrency}, "
          f"global {policy.global_concurrency}")
    print("politeness-bound minimum (per host robots → feed → pages; s_k = max(s_k-1 + d, "
          "s_k-c + L, dependency end); max over hosts of s_last + L): "
          f"{bound:.3f} s  [M·L/(H·c) alone = {naive:.3f} s]")
    report("run 1 (cold)", first, bound)
    page_requests = second.requests - 2 * len(sources)  # robots.txt and feed per host
    print(f"run 2 (unchanged): wall {second.elapsed_s:.3f} s, {second.requests} requests, "
          f"{len(second.not_modified)}/{len(sources)} conditional feed requests answered 304 "
          f"({len(second.not_modified) / len(sources):.0%}), so none of the "
          f"{len(first.pages)} known pages was requested again ({page_requests} page "
          f"requests, {len(second.pages)} pages)")
    share = second.elapsed_s / first.elapsed_s
    print(f"run 2 / run 1 time: {share:.3f} (target ≤ {TARGET_SECOND_RUN_SHARE})")


def report(label: str, result: CrawlResult, bound: float) -> None:
    ratio = result.elapsed_s / bound
    print(f"{label}: wall {result.elapsed_s:.3f} s, {len(result.pages)} pages, "
          f"{result.requests} requests, {result.requests / result.elapsed_s:.1f} requests/s, "
          f"{len(result.dropped)} dropped; wall/minimum = {ratio:.3f} (target ≤ {TARGET_RATIO})")


if __name__ == "__main__":
    main()
