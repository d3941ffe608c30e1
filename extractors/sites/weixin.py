"""WeChat public-account articles (mp.weixin.qq.com).

The page shows its date through JavaScript (`<em id="publish_time">` is empty in the HTML;
the time is the `var ct = "<unix seconds>"` of an inline script), `og:site_name` is the
platform ("微信公众平台") rather than the account that published, and the byline is a
plain `rich_media_meta_text` span. Proved by tests/fixtures/extraction/wechat.html.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

from lxml.html import HtmlElement

from extractors.sites.base import SiteMetadata

# WeChat timestamps are Beijing wall time for the pipeline, like every Chinese dateline.
BEIJING = timezone(timedelta(hours=8))
_CREATED = re.compile(r"""\bvar\s+ct\s*=\s*["'](\d{9,11})["']""")
_BYLINE = '//*[@id="meta_content"]//span[contains(@class, "rich_media_meta_text")]'


class WeixinArticle:
    domains = ("mp.weixin.qq.com",)
    fixture = "wechat"

    def metadata(self, tree: HtmlElement, now: datetime | None) -> SiteMetadata:
        return SiteMetadata(
            published_at=self._created(tree, now),
            author=self._byline(tree),
            site_name=_text(tree.xpath('//*[@id="js_name"]')),
        )

    @staticmethod
    def _created(tree: HtmlElement, now: datetime | None) -> datetime | None:
        for script in tree.iter("script"):
            match = _CREATED.search(script.text or "")
            if match:
                value = datetime.fromtimestamp(int(match[1]), BEIJING).replace(tzinfo=None)
                return None if now is not None and value > now else value
        return None

    @staticmethod
    def _byline(tree: HtmlElement) -> str | None:
        # The first plain meta span; the date <em> shares the class but is no <span>.
        return _text(tree.xpath(_BYLINE))


def _text(nodes: list[HtmlElement]) -> str | None:
    for node in nodes:
        text = " ".join(node.text_content().split())
        if text:
            return text
    return None
