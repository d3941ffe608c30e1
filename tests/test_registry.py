"""Registry lists → rows and problems: header layouts, merged and note rows, numbers, files.

Spreadsheets are built in the tests: .xlsx with openpyxl, .xls as a hand-made BIFF8 workbook
in an OLE2 container (no writer package needed), .ods as a hand-made zip; CSV and HTML as
text. Nothing here needs a fixture file.
"""

from __future__ import annotations

import io
import os
import struct
import time
import zipfile
from datetime import date, datetime, timedelta
from xml.sax.saxutils import escape

import openpyxl
import pytest

from extractors.gazetteer import Gazetteer
from extractors.registry import (
    BAD_NUMBER,
    DUPLICATE,
    HIDDEN_SHEET,
    MISSING_MODEL,
    MISSING_NUMBER,
    NO_HEADER,
    UNREADABLE,
    RegistryParse,
    RegistryRow,
    attachment_links,
    company_core,
    match_gazetteer,
    normalised_name,
    number_key,
    page_has_registry_table,
    parse_registry_file,
    province_name,
    validate_number,
)

HEADER = ["序号", "属地", "模型名称", "备案单位", "备案号", "备案时间"]
FIRST_BATCH = [
    [1, "北京", "文心一言", "北京百度网讯科技有限公司", "Beijing-WenXinYiYan-20230821",
     date(2023, 8, 31)],
    [2, "北京", "云雀大模型", "北京抖音信息服务有限公司", "Beijing-YunQue-20230821",
     date(2023, 8, 31)],
    [3, "浙江", "通义千问", "阿里云计算有限公司", "ZheJiang-TongYiQianWen-20230901",
     date(2023, 8, 31)],
    [4, "上海", "MiniMax ABAB大模型", "上海稀宇科技有限公司", "Shanghai-MiniMaxABAB-20230831",
     date(2023, 8, 31)],
]
NEW_IN_SECOND = [
    [5, "北京", "DeepSeek Chat", "北京深度求索人工智能基础技术研究有限公司",
     "Beijing-DeepseekChat-202404280016", date(2024, 5, 13)],
    [6, "北京", "Kimi智能助手", "北京月之暗面科技有限公司", "Beijing-Kimi-202402180021",
     date(2024, 3, 1)],
    [7, "广东", "混元助手", "深圳市腾讯计算机系统有限公司", "Guangdong-HunYuan-202311070003",
     date(2023, 11, 10)],
]


def xlsx(*sheets: tuple, merges: dict[str, list[str]] | None = None,
         hidden: tuple[str, ...] = ()) -> bytes:
    """An .xlsx with one sheet per (name, rows); `merges` maps a sheet name to ranges."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets:
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
        for cells in (merges or {}).get(name, []):
            sheet.merge_cells(cells)
        if name in hidden:
            sheet.sheet_state = "hidden"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def numbers(parse: RegistryParse) -> list[str]:
    return [row.number for row in parse.rows]


def reasons(parse: RegistryParse) -> list[tuple[int, str]]:
    return [(problem.row_index, problem.reason) for problem in parse.problems]


# --- header layouts ----------------------------------------------------------------------


def test_merged_title_blank_rows_and_footnotes_around_the_header() -> None:
    rows = [
        ["生成式人工智能服务已备案信息（截至2024年3月）"],
        [],
        HEADER,
        *FIRST_BATCH[:2],
        [],
        *FIRST_BATCH[2:],
        ["注：以上排名不分先后。"],
        ["数据来源：国家互联网信息办公室"],
    ]
    data = xlsx(("第一批", rows), merges={"第一批": ["A1:F1", "A9:F9", "A10:F10"]})
    parse = parse_registry_file(data, "cac-2024-03.xlsx")
    assert parse.problems == ()
    assert numbers(parse) == [
        "Beijing-WenXinYiYan-20230821", "Beijing-YunQue-20230821",
        "ZheJiang-TongYiQianWen-20230901", "Shanghai-MiniMaxABAB-20230831"]
    first = parse.rows[0]
    assert first == RegistryRow(
        number="Beijing-WenXinYiYan-20230821", kind="filing", province="北京",
        model="文心一言", filer="北京百度网讯科技有限公司", filed_on=date(2023, 8, 31),
        source_file="cac-2024-03.xlsx", sheet="第一批", row_index=4)
    assert [row.row_index for row in parse.rows] == [4, 5, 7, 8]  # spreadsheet rows, 1-based
    assert parse.notes == ("生成式人工智能服务已备案信息（截至2024年3月）",
                           "注：以上排名不分先后。", "数据来源：国家互联网信息办公室")


def test_header_cells_with_line_breaks_brackets_spaces_and_another_column_order() -> None:
    header = ["备案号\n（Filing No.）", "模 型\n名 称", "属地(省份)", "备案单位\r\n（Filer）",
              "备 注", "备案日期"]
    rows = [header, [" Beijing-WenXinYiYan-20230821 ", "文心\n一言", "北京市",
                     "北京百度网讯\n科技有限公司", "首批", "2023/8/31"]]
    parse = parse_registry_file(xlsx(("Sheet1", rows)), "a.xlsx")
    assert parse.problems == ()
    (row,) = parse.rows
    assert (row.number, row.model, row.province, row.filer, row.filed_on) == (
        "Beijing-WenXinYiYan-20230821", "文心一言", "北京", "北京百度网讯科技有限公司",
        date(2023, 8, 31))


def test_english_and_bilingual_headers() -> None:
    rows = [
        ["No.", "Province", "Model Name", "Company", "Filing Number", "Filing Date"],
        [1, "Beijing", "ERNIE Bot", "Baidu", "Beijing-WenXinYiYan-20230821", "2023-08-31"],
    ]
    (row,) = parse_registry_file(xlsx(("en", rows)), "en.xlsx").rows
    assert (row.model, row.filer, row.province) == ("ERNIE Bot", "Baidu", "北京")
    bilingual = [["序号 No.", "模型名称 Model name", "备案单位 Filer", "备案号 Filing No."],
                 [1, "文心一言", "百度", "Beijing-WenXinYiYan-20230821"]]
    (row,) = parse_registry_file(xlsx(("zh-en", bilingual)), "b.xlsx").rows
    assert (row.model, row.filer, row.filed_on) == ("文心一言", "百度", date(2023, 8, 21))


def test_two_row_header_with_a_merged_group_cell() -> None:
    rows = [
        ["序号", "模型名称", "备案单位", "备案信息", None],
        [None, None, None, "备案号", "备案时间"],
        [1, "文心一言", "百度", "Beijing-WenXinYiYan-20230821", "2023年8月31日"],
    ]
    data = xlsx(("s", rows), merges={"s": ["A1:A2", "B1:B2", "C1:C2", "D1:E1"]})
    parse = parse_registry_file(data, "two-rows.xlsx")
    assert parse.problems == ()
    assert [(r.model, r.filed_on, r.row_index) for r in parse.rows] == [
        ("文心一言", date(2023, 8, 31), 3)]


def test_cells_merged_down_count_for_every_row_they_cover() -> None:
    rows = [
        HEADER,
        [1, "北京", "文心一言", "北京百度网讯科技有限公司", "Beijing-WenXinYiYan-20230821",
         date(2023, 8, 31)],
        [2, None, "文心一格", None, "Beijing-WenXinYiGe-20231120", None],
        [3, None, "豆包", "北京抖音信息服务有限公司", "Beijing-DouBao-20230821", None],
    ]
    data = xlsx(("s", rows), merges={"s": ["B2:B4", "D2:D3", "F2:F4"]})
    parse = parse_registry_file(data, "merged.xlsx")
    assert [(r.province, r.filer, r.filed_on) for r in parse.rows] == [
        ("北京", "北京百度网讯科技有限公司", date(2023, 8, 31)),
        ("北京", "北京百度网讯科技有限公司", date(2023, 8, 31)),
        ("北京", "北京抖音信息服务有限公司", date(2023, 8, 31)),
    ]


def test_dates_from_date_cells_serials_text_or_else_the_number() -> None:
    rows = [
        ["模型名称", "备案号", "备案时间"],
        ["A", "Beijing-A-20230821", datetime(2023, 8, 31, 0, 0)],
        ["B", "Beijing-B-20230821", 45170],  # an Excel serial left unformatted
        ["C", "Beijing-C-20230821", "２０２３年９月２日"],
        ["D", "Beijing-D-20230821", "待定"],  # unreadable: the number's date
        ["E", "Beijing-E-20230821", 20230903],  # yyyymmdd typed as a number
    ]
    parse = parse_registry_file(xlsx(("s", rows)), "dates.xlsx")
    assert [r.filed_on for r in parse.rows] == [
        date(2023, 8, 31), date(2023, 9, 1), date(2023, 9, 2), date(2023, 8, 21),
        date(2023, 9, 3)]


def test_lists_grouped_by_province_section_rows() -> None:
    rows = [
        ["序号", "模型名称", "备案单位", "备案号"],
        ["北京市（2个）"],
        [1, "文心一言", "百度", "Beijing-WenXinYiYan-20230821"],
        [2, "豆包", "抖音", "Beijing-DouBao-20230821"],
        ["上海市"],
        [3, "书生", "上海人工智能实验室", "Shanghai-ShuSheng-20230831"],
    ]
    parse = parse_registry_file(xlsx(("s", rows)), "by-province.xlsx")
    assert parse.problems == ()
    assert [r.province for r in parse.rows] == ["北京", "北京", "上海"]


# --- problems ----------------------------------------------------------------------------


def test_bad_numbers_and_missing_cells_are_reported_not_dropped() -> None:
    rows = [
        HEADER,
        FIRST_BATCH[0],
        [2, "北京", "某模型", "某公司", "Beijing-MouMoXing-2023082", date(2023, 8, 31)],
        [3, "北京", "某模型二", "某公司", "京ICP备12345678号", date(2023, 8, 31)],
        [4, "北京", "某模型三", "某公司", None, date(2023, 8, 31)],
        [5, "北京", None, "某公司", "Beijing-NoName-20230821", date(2023, 8, 31)],
        FIRST_BATCH[1],
        ["合计", None, None, None, None, None],
    ]
    parse = parse_registry_file(xlsx(("s", rows)), "problems.xlsx")
    assert numbers(parse) == ["Beijing-WenXinYiYan-20230821", "Beijing-YunQue-20230821"]
    assert reasons(parse) == [(3, BAD_NUMBER), (4, BAD_NUMBER), (5, MISSING_NUMBER),
                              (6, MISSING_MODEL)]
    bad = parse.problems[0]
    assert bad.source_file == "problems.xlsx" and bad.sheet == "s"
    assert bad.raw == ("2", "北京", "某模型", "某公司", "Beijing-MouMoXing-2023082", "2023-08-31")
    assert "2023082" in bad.detail


def test_duplicates_within_a_file_across_sheets_and_spellings() -> None:
    first = [HEADER, *FIRST_BATCH]
    second = [HEADER, [1, "北京", "文心一言", "百度", "beijing－WenxinYiyan－20230821", None],
              NEW_IN_SECOND[0], NEW_IN_SECOND[0]]
    parse = parse_registry_file(xlsx(("第一批", first), ("第二批", second)), "dup.xlsx")
    assert len(parse.rows) == 5
    assert [(p.sheet, p.row_index, p.reason) for p in parse.problems] == [
        ("第二批", 2, DUPLICATE), ("第二批", 4, DUPLICATE)]
    assert parse.problems[0].detail == "first at sheet '第一批' row 2"


def test_second_announcement_adds_exactly_three_filings() -> None:
    one = parse_registry_file(xlsx(("2024-03", [HEADER, *FIRST_BATCH])), "announcement-1.xlsx")
    # The second list is cumulative, re-ordered, with a different layout and a title row.
    layout = [["生成式人工智能服务已备案信息（截至2024年6月）"],
              ["序号", "模型名称", "属地", "备案号", "备案单位", "备案时间"]]
    cumulative = [*FIRST_BATCH[::-1], *NEW_IN_SECOND]
    body = [[i, r[2], r[1], r[4], r[3], r[5]] for i, r in enumerate(cumulative, 1)]
    two = parse_registry_file(xlsx(("2024-06", layout + body), merges={"2024-06": ["A1:F1"]}),
                              "announcement-2.xlsx")
    assert one.problems == two.problems == ()
    known = {row.key for row in one.rows}
    added = [row for row in two.rows if row.key not in known]
    assert [row.number for row in added] == [
        "Beijing-DeepseekChat-202404280016", "Beijing-Kimi-202402180021",
        "Guangdong-HunYuan-202311070003"]
    assert [row.source_file for row in added] == ["announcement-2.xlsx"] * 3


def test_hidden_sheet_with_a_registry_is_reported() -> None:
    data = xlsx(("公告", [HEADER, FIRST_BATCH[0]]), ("old", [HEADER, FIRST_BATCH[1]]),
                hidden=("old",))
    parse = parse_registry_file(data, "hidden.xlsx")
    assert numbers(parse) == ["Beijing-WenXinYiYan-20230821"]
    assert [(p.sheet, p.reason) for p in parse.problems] == [("old", HIDDEN_SHEET)]


def test_numbers_without_a_header_are_reported_other_sheets_ignored() -> None:
    data = xlsx(("说明", [["本表为生成式人工智能服务备案信息"]]),
                ("数据", [[1, "文心一言", "Beijing-WenXinYiYan-20230821"]]))
    parse = parse_registry_file(data, "headless.xlsx")
    assert parse.rows == ()
    assert [(p.sheet, p.row_index, p.reason) for p in parse.problems] == [("数据", 1, NO_HEADER)]


@pytest.mark.parametrize(
    ("data", "filename", "reason"),
    [
        (b"", "empty.xlsx", UNREADABLE),
        (os.urandom(4096), "random.xlsx", UNREADABLE),
        (b"PK\x03\x04" + os.urandom(2000), "truncated.xlsx", UNREADABLE),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "broken.xls", UNREADABLE),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00\x01", "list.pdf", UNREADABLE),
        (bytes(range(256)) * 8, "bytes.csv", UNREADABLE),
        ("名称,说明\n甲,乙\n".encode(), "other.csv", NO_HEADER),
        (b"<html><body><p>no table</p></body></html>", "page.html", NO_HEADER),
        (b'<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">'
         b"</Workbook>", "2003.xls", UNREADABLE),
    ],
    ids=["empty", "random", "truncated-zip", "broken-ole", "pdf", "binary", "csv", "html",
         "spreadsheetml"],
)
def test_any_bytes_give_a_problem_never_an_exception(data: bytes, filename: str,
                                                     reason: str) -> None:
    parse = parse_registry_file(data, filename, "application/octet-stream")
    assert parse.rows == ()
    assert [(p.reason, p.sheet, p.row_index) for p in parse.problems] == [(reason, None, 0)]


def test_a_zip_that_is_no_workbook_is_unreadable() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "not a workbook")
    parse = parse_registry_file(buffer.getvalue(), "attachment.xlsx")
    assert [p.reason for p in parse.problems] == [UNREADABLE]


# --- kinds: filings and registrations ----------------------------------------------------


def test_filing_and_registration_sheets_of_one_workbook() -> None:
    filings = [HEADER, FIRST_BATCH[0]]
    registrations = [
        ["序号", "属地", "服务名称", "登记单位", "上线编号", "所用模型名称", "模型备案号",
         "登记时间"],
        [1, "广东", "Plaud", "深圳机智连接科技有限公司", "Guangdong-Plaud-20251229S0027",
         "DeepSeek", "Beijing-DeepseekChat-202404280016", "2025-12-30"],
        [2, "北京", "小米AI搜索", "北京小米移动软件有限公司",
         "Beijing-XiaoMiAISouSuo-20250314S0001", "文心一言", "Beijing-WenXinYiYan-20230821",
         "2025-03-14"],
    ]
    parse = parse_registry_file(xlsx(("已备案", filings), ("已登记", registrations)), "x.xlsx")
    assert parse.problems == ()
    assert [(r.kind, r.model, r.number) for r in parse.rows] == [
        ("filing", "文心一言", "Beijing-WenXinYiYan-20230821"),
        ("registration", "Plaud", "Guangdong-Plaud-20251229S0027"),
        ("registration", "小米AI搜索", "Beijing-XiaoMiAISouSuo-20250314S0001"),
    ]
    assert parse.rows[1].filed_on == date(2025, 12, 30)


def test_sections_with_repeated_headers_and_kind_from_titles() -> None:
    rows = [
        ["一、已备案生成式人工智能服务"],
        ["序号", "模型名称", "单位名称", "编号"],
        [1, "文心一言", "百度", "Beijing-WenXinYiYan-20230821"],
        [],
        ["二、已登记生成式人工智能服务"],
        ["序号", "应用名称", "单位名称", "编号"],
        # a province's registration list whose numbers carry no S: the title says 登记
        [1, "某某写作助手", "某公司", "Beijing-MouMouXieZuo-202406050001"],
    ]
    parse = parse_registry_file(xlsx(("s", rows)), "sections.xlsx")
    assert parse.problems == ()
    assert [(r.kind, r.model) for r in parse.rows] == [
        ("filing", "文心一言"), ("registration", "某某写作助手")]


# --- other formats -----------------------------------------------------------------------


def test_gbk_csv_with_a_title_line() -> None:
    lines = ["生成式人工智能服务已备案信息,,,,,", ",".join(HEADER)]
    lines += [",".join(str(c) for c in row) for row in FIRST_BATCH]
    lines += ['"注：以上信息按备案时间排序",,,,,']
    data = "\r\n".join(lines).encode("gbk")
    parse = parse_registry_file(data, "list.csv", "text/csv")
    assert parse.problems == ()
    assert [r.model for r in parse.rows] == ["文心一言", "云雀大模型", "通义千问",
                                             "MiniMax ABAB大模型"]
    assert parse.rows[0].sheet is None and parse.rows[0].row_index == 3
    assert parse.rows[0].filed_on == date(2023, 8, 31)


def test_utf8_bom_tab_separated_csv() -> None:
    text = "\t".join(HEADER) + "\n" + "\t".join(str(c) for c in FIRST_BATCH[0]) + "\n"
    parse = parse_registry_file(b"\xef\xbb\xbf" + text.encode(), "list.csv")
    assert numbers(parse) == ["Beijing-WenXinYiYan-20230821"]


ANNOUNCEMENT = """<!doctype html><html><head><meta charset="gbk">
<title>生成式人工智能服务已备案信息公告</title></head><body>
<table class="layout"><tr><td>
  <p>现将已备案信息予以公告。</p>
  <table border="1">
    <caption>生成式人工智能服务已备案信息</caption>
    <thead><tr><th>序号</th><th>属地</th><th>模型<br>名称</th><th>备案单位</th>
      <th>备案号</th><th>备案时间</th></tr></thead>
    <tbody>
      <tr><td>1</td><td rowspan="2">北京</td><td>文心一言</td>
        <td>北京百度网讯<br>科技有限公司</td><td>Beijing-WenXinYiYan-20230821</td>
        <td rowspan="3">2023-08-31</td></tr>
      <tr><td>2</td><td>云雀大模型</td><td>北京抖音信息服务有限公司</td>
        <td>Beijing-YunQue-20230821</td></tr>
      <tr><td>3</td><td>浙江</td><td>通义千问</td><td>阿里云计算有限公司</td>
        <td>Beijing-Bad</td></tr>
      <tr><td colspan="6">注：排名不分先后</td></tr>
    </tbody>
  </table>
  <p>附件：<a href="/files/2024/list.xlsx">生成式人工智能服务已备案信息.xlsx</a></p>
</td></tr></table>
</body></html>"""


def test_html_table_page_with_rowspans_nested_in_a_layout_table() -> None:
    data = ANNOUNCEMENT.encode("gbk")
    parse = parse_registry_file(data, "https://www.cac.gov.cn/2024-04/02/c_1.htm",
                                "text/html; charset=gbk")
    assert [(r.model, r.province, r.filer, r.filed_on, r.sheet, r.row_index)
            for r in parse.rows] == [
        ("文心一言", "北京", "北京百度网讯科技有限公司", date(2023, 8, 31), "table 2", 2),
        ("云雀大模型", "北京", "北京抖音信息服务有限公司", date(2023, 8, 31), "table 2", 3),
    ]
    assert [(p.sheet, p.row_index, p.reason) for p in parse.problems] == [
        ("table 2", 4, BAD_NUMBER)]
    assert "注：排名不分先后" in parse.notes
    assert page_has_registry_table(ANNOUNCEMENT)
    assert not page_has_registry_table("<table><tr><td>序号</td><td>标题</td></tr></table>")


def biff8(sheets: list[tuple[str, list[list], list[tuple[int, int, int, int]]]]) -> bytes:
    """A BIFF8 workbook stream: (name, rows, merges as (first row, last row, first col,
    last col)); strings in a shared string table, numbers as NUMBER records."""

    def record(kind: int, data: bytes = b"") -> bytes:
        return struct.pack("<HH", kind, len(data)) + data

    def unicode_string(text: str, short: bool = False) -> bytes:
        return struct.pack("<BB" if short else "<HB", len(text), 1) + text.encode("utf-16-le")

    strings: dict[str, int] = {}
    bodies = []
    for _name, rows, merges in sheets:
        cells = []
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if isinstance(value, int | float):
                    cells.append(record(0x0203, struct.pack("<HHHd", r, c, 15, value)))
                elif value:
                    index = strings.setdefault(value, len(strings))
                    cells.append(record(0x00FD, struct.pack("<HHHI", r, c, 15, index)))
        width = max(map(len, rows))
        body = record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010, 0, 0, 0, 0))
        body += record(0x0200, struct.pack("<IIHHH", 0, len(rows), 0, width, 0))
        body += b"".join(cells)
        if merges:
            body += record(0x00E5, struct.pack("<H", len(merges))
                           + b"".join(struct.pack("<HHHH", *m) for m in merges))
        bodies.append(body + record(0x000A))
    sst = record(0x00FC, struct.pack("<II", len(strings), len(strings))
                 + b"".join(unicode_string(s) for s in strings))

    def globals_(positions: list[int]) -> bytes:
        out = record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0, 0, 0, 0))
        out += record(0x0042, struct.pack("<H", 1200))  # code page: UTF-16
        for (name, _rows, _merges), position in zip(sheets, positions, strict=True):
            out += record(0x0085, struct.pack("<IBB", position, 0, 0)
                          + unicode_string(name, short=True))
        return out + sst + record(0x000A)

    size = len(globals_([0] * len(sheets)))
    # Streams under 4096 bytes live in the mini stream; padding keeps the container simple.
    padding = max(0, 4200 - size - sum(map(len, bodies)))
    positions, position = [], size + padding
    for body in bodies:
        positions.append(position)
        position += len(body)
    return globals_(positions) + bytes(padding) + b"".join(bodies)


def ole2(stream: bytes, name: str = "Workbook") -> bytes:
    """A version-3 compound file holding one stream (FAT sector, directory, data)."""
    end, free = 0xFFFFFFFE, 0xFFFFFFFF
    count = -(-len(stream) // 512)
    fat = [0xFFFFFFFD, end, *range(3, 2 + count), end]
    fat += [free] * (128 - len(fat))
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16)
    header += struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
    header += struct.pack("<9I", 0, 1, 1, 0, 4096, end, 0, end, 0)
    header += struct.pack("<109I", 0, *[free] * 108)

    def entry(entry_name: str, kind: int, child: int, start: int, size: int) -> bytes:
        raw = entry_name.encode("utf-16-le") + b"\0\0" if entry_name else b""
        return (raw.ljust(64, b"\0") + struct.pack("<HBB", len(raw), kind, 1)
                + struct.pack("<III", free, free, child) + bytes(36)
                + struct.pack("<IQ", start, size))

    directory = entry("Root Entry", 5, 1, end, 0) + entry(name, 2, free, 2, len(stream))
    directory += entry("", 0, free, 0, 0) * 2
    return header + struct.pack("<128I", *fat) + directory + stream.ljust(count * 512, b"\0")


def test_xls_biff8_workbook_with_merged_title_and_province() -> None:
    rows = [
        ["生成式人工智能服务已备案信息", "", "", "", ""],
        ["序号", "属地", "模型名称", "备案单位", "备案号"],
        [1, "北京", "文心一言", "北京百度网讯科技有限公司", "Beijing-WenXinYiYan-20230821"],
        [2, "", "云雀大模型", "北京抖音信息服务有限公司", "Beijing-YunQue-20230821"],
    ]
    data = ole2(biff8([("第一批", rows, [(0, 0, 0, 4), (2, 3, 1, 1)])]))
    parse = parse_registry_file(data, "list.xls", "application/vnd.ms-excel")
    assert parse.problems == ()
    assert [(r.model, r.province, r.sheet, r.row_index) for r in parse.rows] == [
        ("文心一言", "北京", "第一批", 3), ("云雀大模型", "北京", "第一批", 4)]


MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest'
    ' xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/"'
    ' manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>")


def ods(sheets: list[tuple[str, list[list]]]) -> bytes:
    """A minimal OpenDocument spreadsheet."""

    def cell(value: object) -> str:
        if value is None or value == "":
            return "<table:table-cell/>"
        if isinstance(value, int | float):
            return (f'<table:table-cell office:value-type="float" office:value="{value}">'
                    f"<text:p>{value}</text:p></table:table-cell>")
        return (f'<table:table-cell office:value-type="string"><text:p>{escape(str(value))}'
                "</text:p></table:table-cell>")

    tables = "".join(
        f'<table:table table:name="{escape(name)}">'
        + "".join("<table:table-row>" + "".join(map(cell, row)) + "</table:table-row>"
                  for row in rows)
        + "</table:table>"
        for name, rows in sheets)
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content'
        ' xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f"<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body>"
        "</office:document-content>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"),
                         "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", MANIFEST)  # how calamine tells ods
        archive.writestr("content.xml", content)
    return buffer.getvalue()


def test_ods_workbook() -> None:
    rows = [["序号", "模型名称", "备案号"], [1, "文心一言", "Beijing-WenXinYiYan-20230821"]]
    parse = parse_registry_file(ods([("备案", rows)]), "list.ods")
    assert numbers(parse) == ["Beijing-WenXinYiYan-20230821"]


# --- numbers -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("Beijing-WenXinYiYan-20230821", ("filing", "Beijing-WenXinYiYan-20230821")),
        ("Beijing-DeepseekChat-202404280016",
         ("filing", "Beijing-DeepseekChat-202404280016")),
        ("ZheJiang-TongYiQianWen-20230901", ("filing", "ZheJiang-TongYiQianWen-20230901")),
        ("Guangdong-Plaud-20251229S0027", ("registration", "Guangdong-Plaud-20251229S0027")),
        ("guangdong-Plaud-20251229s0027", ("registration", "guangdong-Plaud-20251229S0027")),
        ("Beijing－WenXinYiYan－20230821", ("filing", "Beijing-WenXinYiYan-20230821")),
        ("Beijing—WenXinYiYan–20230821", ("filing", "Beijing-WenXinYiYan-20230821")),
        (" Beijing-WenXin\nYiYan-20230821 ", ("filing", "Beijing-WenXinYiYan-20230821")),
        ("“Beijing-WenXinYiYan-20230821”号", ("filing", "Beijing-WenXinYiYan-20230821")),
        ("Beijing-WenXinYiYan-20230821（首批）", ("filing", "Beijing-WenXinYiYan-20230821")),
        ("Shanghai-Qwen2.5-Max-202501020001", ("filing", "Shanghai-Qwen2.5-Max-202501020001")),
        ("Neimenggu-X-20240101", ("filing", "Neimenggu-X-20240101")),
        ("InnerMongolia-X-20240101", ("filing", "InnerMongolia-X-20240101")),
    ],
)
def test_valid_numbers(number: str, expected: tuple[str, str]) -> None:
    assert validate_number(number) == expected


@pytest.mark.parametrize(
    "number",
    [
        "", "Beijing-WenXinYiYan", "WenXinYiYan-20230821", "Peking-WenXinYiYan-20230821",
        "Beijing-WenXinYiYan-20231345", "Beijing-WenXinYiYan-20190821",
        "Beijing-WenXinYiYan-2023082", "Beijing--20230821", "Beijing-文心一言-20230821",
        "Beijing-WenXinYiYan-20230821-Beijing-WenXinYiYan-20230821",
        "Beijing-XueQiuHuiJian-2S0033", "京ICP备12345678号", "网信算备110108970550101240011号",
        "Beijing-WenXinYiYan-20230821X",
    ],
)
def test_invalid_numbers(number: str) -> None:
    assert validate_number(number) is None


def test_future_dates_are_not_numbers_and_kind_defaults_can_be_given() -> None:
    tomorrow_plus = (date.today() + timedelta(days=3)).strftime("%Y%m%d")
    assert validate_number(f"Beijing-X-{tomorrow_plus}") is None
    assert validate_number("Beijing-X-202406050001", default_kind="registration") == (
        "registration", "Beijing-X-202406050001")
    assert number_key("Beijing-DeepSeekChat-202404280016") == number_key(
        "Beijing-DeepseekChat-202404280016")


def test_province_cells() -> None:
    assert [province_name(t) for t in ("北京市", "广西壮族自治区", "浙江省网信办", "Beijing",
                                        "新疆生产建设兵团", "深圳", " ")] == [
        "北京", "广西", "浙江", "北京", "新疆生产建设兵团", "深圳", None]


# --- announcement pages ------------------------------------------------------------------


def test_attachment_links_absolute_canonical_and_deduplicated() -> None:
    html = """<html><head><base href="https://www.cac.gov.cn/2024-04/"></head><body>
    <a href="files/list.xlsx?utm_source=x">已备案信息.xlsx</a>
    <a href="/files/OLD.XLS">旧表</a>
    <a href="https://cdn.example.cn/download.jsp?file=%E7%99%BB%E8%AE%B0.csv">登记</a>
    <a href="/download?id=12">附件：生成式人工智能服务已登记信息.ods</a>
    <a href="files/list.xlsx#top">again</a>
    <a href="/files/notice.pdf">notice.pdf</a>
    <a href="/2024-04/c_1.htm">另一公告</a>
    <a href="javascript:void(0)">list.xlsx</a>
    </body></html>"""
    assert attachment_links(html, "https://www.cac.gov.cn/2024-04/02/c_1.htm") == [
        "https://www.cac.gov.cn/2024-04/files/list.xlsx",
        "https://www.cac.gov.cn/files/OLD.XLS",
        "https://cdn.example.cn/download.jsp?file=%E7%99%BB%E8%AE%B0.csv",
        "https://www.cac.gov.cn/download?id=12",
    ]
    assert attachment_links(ANNOUNCEMENT, "https://www.cac.gov.cn/2024-04/02/c_1.htm") == [
        "https://www.cac.gov.cn/files/2024/list.xlsx"]


# --- names and the gazetteer -------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("通义千问大模型", "通义千问"), ("Kimi智能助手", "kimi"), ("豆包APP", "豆包"),
        ("混元助手", "混元"), ("文心一言", "文心一言"), ("MiniMax ABAB 大模型", "minimaxabab"),
        ("讯飞星火认知大模型", "讯飞星火认知"), ("智能助手", "智能"), ("通義千問", "通义千问"),
        ("DeepSeek-Chat", "deepseekchat"), ("大模型", "大模型"),
    ],
)
def test_normalised_name(name: str, expected: str) -> None:
    assert normalised_name(name) == expected


@pytest.mark.parametrize(
    ("filer", "expected"),
    [
        ("北京百度网讯科技有限公司", "百度网讯"), ("深圳市腾讯计算机系统有限公司", "腾讯"),
        ("北京月之暗面科技有限公司", "月之暗面"), ("阿里巴巴（中国）网络技术有限公司", "阿里巴巴"),
        ("北京深度求索人工智能基础技术研究有限公司", "深度求索"), ("上海稀宇科技有限公司", "稀宇"),
        ("科大讯飞股份有限公司", "科大讯飞"), ("北京智谱华章科技有限公司", "智谱华章"),
    ],
)
def test_company_core(filer: str, expected: str) -> None:
    assert company_core(filer) == expected


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    models = [
        {"model": "文心一言", "organization": "百度", "aliases": "文心大模型|ERNIE Bot",
         "family": "general"},
        {"model": "文心一格", "organization": "百度", "aliases": "", "family": "multimodal"},
        {"model": "通义千问", "organization": "阿里巴巴", "aliases": "Qwen|通义",
         "family": "general"},
        {"model": "Kimi", "organization": "月之暗面", "aliases": "Kimi智能助手",
         "family": "general"},
        {"model": "云雀", "organization": "字节跳动", "aliases": "云雀大模型|Skylark",
         "family": "general"},
        {"model": "混元", "organization": "腾讯", "aliases": "腾讯混元", "family": "general"},
        {"model": "DeepSeek", "organization": "深度求索", "aliases": "DeepSeek-V3",
         "family": "general"},
    ]
    organizations = [
        {"organization": "百度", "aliases": "百度公司|Baidu", "country": "CN"},
        {"organization": "阿里巴巴", "aliases": "阿里云|阿里", "country": "CN"},
        {"organization": "月之暗面", "aliases": "Moonshot AI", "country": "CN"},
        {"organization": "字节跳动", "aliases": "抖音|火山引擎", "country": "CN"},
        {"organization": "腾讯", "aliases": "Tencent", "country": "CN"},
        {"organization": "深度求索", "aliases": "DeepSeek", "country": "CN"},
        {"organization": "稀宇科技", "aliases": "MiniMax|上海稀宇科技", "country": "CN"},
    ]
    return Gazetteer(models, organizations)


def _row(model: str, filer: str | None, kind: str = "filing") -> RegistryRow:
    return RegistryRow("Beijing-X-20230821", kind, "北京", model, filer, date(2023, 8, 31),
                       "f.xlsx", None, 2)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("model", "filer", "expected"),
    [
        ("文心一言", "北京百度网讯科技有限公司", ("文心一言", "百度")),  # filer via an alias inside
        ("通义千问大模型", "阿里云计算有限公司", ("通义千问", "阿里巴巴")),  # suffix stripped
        ("Kimi智能助手", "北京月之暗面科技有限公司", ("Kimi", "月之暗面")),  # brand core
        ("云雀大模型", "北京抖音信息服务有限公司", ("云雀", "字节跳动")),
        ("混元助手", "深圳市腾讯计算机系统有限公司", ("混元", "腾讯")),
        ("腾讯混元大模型", "深圳市腾讯计算机系统有限公司", ("混元", "腾讯")),
        ("百度文心一格", "北京百度网讯科技有限公司", ("文心一格", "百度")),  # scanner fallback
        ("MiniMax ABAB大模型", "上海稀宇科技有限公司", (None, "稀宇科技")),
        ("某某大模型", "某某科技有限公司", (None, None)),
        ("文心一言", None, ("文心一言", "百度")),  # organisation from the model
        # An app of another company that names a model is not that model.
        ("基于文心一言的写作助手", "某某科技有限公司", (None, None)),
    ],
)
def test_match_gazetteer(gazetteer: Gazetteer, model: str, filer: str | None,
                         expected: tuple[str | None, str | None]) -> None:
    assert match_gazetteer(_row(model, filer), gazetteer) == expected


def test_match_against_the_seed_gazetteer() -> None:
    seeds = Gazetteer.load()
    row = _row("文心一言", "北京百度网讯科技有限公司")
    assert match_gazetteer(row, seeds) == ("文心一言", "百度")


# --- speed -------------------------------------------------------------------------------


def test_ten_thousand_rows_parse_well_under_a_second() -> None:
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("全部")
    sheet.append(["生成式人工智能服务已备案信息"])
    sheet.append(HEADER)
    start = date(2024, 1, 1)
    for i in range(10_000):
        day = start + timedelta(days=i % 300)
        sheet.append([i + 1, "北京", f"模型{i}号", f"北京第{i}科技有限公司",
                      f"Beijing-MoXing{i}-{day:%Y%m%d}{i % 10_000:04d}", day])
    buffer = io.BytesIO()
    workbook.save(buffer)
    data = buffer.getvalue()
    timings = []
    for _ in range(3):  # the best of three: a busy machine should not fail the test
        began = time.perf_counter()
        parse = parse_registry_file(data, "big.xlsx")
        timings.append(time.perf_counter() - began)
        assert len(parse.rows) == 10_000 and parse.problems == ()
    assert min(timings) < 1.0, f"{min(timings):.2f}s for 10,000 rows"
