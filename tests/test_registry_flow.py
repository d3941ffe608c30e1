"""The filing registry as a source: announcements with spreadsheet attachments served on
loopback, diffed night by night, linked to the news."""

import email
import io
from datetime import date
from email import policy

import pytest
from openpyxl import Workbook

from tests.crawl_server import Reply, Site
from tests.support import SEED_ARTICLES
from warehouse.connect import connect

pytestmark = pytest.mark.e2e
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

FIRST = [
    ("北京", "文心一言", "北京百度网讯科技有限公司", "Beijing-WenXinYiYan-20230821", "2023-08-31"),
    ("北京", "智谱清言", "北京智谱华章科技有限公司", "Beijing-ZhiPuQingYan-20230831", "2023-08-31"),
    ("上海", "书生通用大模型", "上海人工智能实验室", "Shanghai-ShuSheng-20230831", "2023-08-31"),
    ("北京", "坏行", "某公司", "not-a-number", "2023-08-31"),
]
ADDED = [
    ("北京", "Kimi智能助手", "北京月之暗面科技有限公司", "Beijing-Kimi-20231115", "2023-11-15"),
    ("北京", "天工", "北京昆仑万维科技股份有限公司", "Beijing-TianGong-20231115", "2023-11-15"),
    ("浙江", "星河问答大模型", "杭州星河示例科技有限公司", "Zhejiang-XingHeWenDa-202404280016",
     "2024-04-28"),
]


def workbook(rows, title="生成式人工智能服务已备案信息") -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append([title])
    sheet.merge_cells("A1:F1")
    sheet.append(["序号", "属地", "模型名称", "备案单位", "备案号", "备案时间"])
    for index, row in enumerate(rows, 1):
        sheet.append([index, *row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def announcement(site: Site, files: list[str]) -> bytes:
    links = "".join(f'<li><a href="{site.url(f)}">附件{i}</a></li>' for i, f in enumerate(files))
    return (f"<html><head><meta charset='utf-8'><title>关于发布生成式人工智能服务已备案信息的公告"
            f"</title></head><body><p>现将已备案信息公告如下。</p><ul>{links}</ul></body></html>"
            ).encode()


def config(tmp_path, site: Site, with_news: bool = False) -> str:
    news = (f'[[sources]]\nname = "news"\nkind = "files"\n'
            f'path = "{SEED_ARTICLES.as_posix()}/003_*.txt"\n') if with_news else ""
    path = tmp_path / "modelwatch.toml"
    path.write_text(f'[crawl]\nper_host_delay_s = 0.02\nretries = 0\n'
                    f'[alerts]\noutbox_dir = "out"\n{news}'
                    f'[[sources]]\nname = "cac-registry"\nkind = "registry"\n'
                    f'url = "{site.url("/notice.html")}"\n', encoding="utf-8")
    return str(path)


def digests(tmp_path) -> list[tuple[str, str]]:
    found = []
    for path in sorted((tmp_path / "out").glob("*.eml"), key=lambda p: p.stat().st_mtime):
        message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        found.append((message["Subject"], message.get_body(("plain",)).get_content()))
    return found


def test_second_announcement_alerts_exactly_its_three_filings(prefect_harness, tmp_path):
    from flows.nightly import nightly

    with Site() as site:
        site.route("/first.xlsx", Reply(body=workbook(FIRST), content_type=XLSX),
                   etag='"f1"')
        site.route("/notice.html", Reply(body=announcement(site, ["/first.xlsx"]),
                                         headers={"ETag": '"n1"'}), etag='"n1"')
        first = nightly(config_path=config(tmp_path, site))
        assert first.stages["registry"] == {"documents": 2, "filings": 3, "problems": 1}
        db = tmp_path / "data" / "modelwatch.duckdb"
        with connect(db, read_only=True) as con:
            stored = con.execute("select model, organization, kind, filed_on"
                                 " from registry_filings order by model").fetchall()
            problems = con.execute("select reason from registry_problems").fetchall()
        assert stored == [("书生通用大模型", "上海人工智能实验室", "filing", date(2023, 8, 31)),
                          ("文心一言", "百度", "filing", date(2023, 8, 31)),
                          ("智谱清言", "智谱AI", "filing", date(2023, 8, 31))]
        assert problems == [("bad_number",)]
        assert len(digests(tmp_path)) == 1

        site.route("/second.xlsx", Reply(body=workbook(FIRST[:3] + ADDED), content_type=XLSX),
                   etag='"f2"')
        site.route("/notice.html", Reply(body=announcement(site, ["/first.xlsx",
                                                                  "/second.xlsx"]),
                                         headers={"ETag": '"n2"'}), etag='"n2"')
        second = nightly(config_path=config(tmp_path, site))
        assert second.stages["store"]["alerts_queued"] == 3
    subjects = digests(tmp_path)
    assert len(subjects) == 2
    subject, text = subjects[1]
    assert subject.startswith("[modelwatch] 3 new model filings:")
    for name in ("Kimi", "天工", "星河问答大模型"):
        assert name in subject
    assert "Beijing-Kimi-20231115" in text and "discovered: not in the gazetteer" in text
    for name in ("文心一言", "智谱清言"):
        assert name not in subject


def test_news_weeks_before_the_registry_is_one_filing_with_both_dates(prefect_harness,
                                                                       tmp_path):
    from flows.nightly import nightly

    with Site() as site:
        site.route("/notice.html", Reply(body=b"<html><body>nothing yet</body></html>",
                                         headers={"ETag": '"n0"'}), etag='"n0"')
        nightly(config_path=config(tmp_path, site, with_news=True))  # seed 003: Kimi filed
        site.route("/list.xlsx", Reply(body=workbook(ADDED[:1]), content_type=XLSX))
        site.route("/notice.html", Reply(body=announcement(site, ["/list.xlsx"]),
                                         headers={"ETag": '"n1"'}), etag='"n1"')
        nightly(config_path=config(tmp_path, site, with_news=True))
    db = tmp_path / "data" / "modelwatch.duckdb"
    with connect(db, read_only=True) as con:
        kimi = con.execute("select filed_on, first_reported_on, registry_number, authority,"
                           " stories from filings where model = 'Kimi'").fetchall()
        alerts = con.execute("select count(*) from alerts a join events e using (event_id)"
                             " where e.model = 'Kimi'").fetchone()[0]
    assert kimi == [(date(2023, 11, 15), date(2023, 11, 17), "Beijing-Kimi-20231115",
                     "registry+news", 1)]
    assert alerts == 1  # the news already announced it; the registry adds no second alert
