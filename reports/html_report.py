"""Warehouse views → one self-contained HTML page (inline SVG charts, no scripts, no URLs).

Charts: events per month by type (stacked bars), filings per batch, the most active
organisations, and a table of the latest events. Everything interpolated is escaped.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import datetime

import duckdb

from extractors.records import EVENT_TYPES

# One colour per event type, readable on white and distinct in greyscale order.
COLOURS = dict(zip(EVENT_TYPES, ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
                                 "#8c564b", "#e377c2", "#7f7f7f"), strict=True))
TOP_ORGANISATIONS = 15
LATEST_EVENTS = 40
MONTHS_SHOWN = 36


@dataclass(frozen=True)
class ReportData:
    monthly: list[tuple]  # (month, event_type, events)
    batches: list[tuple]  # (batch, filings)
    organisations: list[tuple]  # (organization, events)
    latest: list[tuple]  # (date, precision, type, model, organization, batch)
    totals: dict[str, int]
    generated_at: datetime


def collect(con: duckdb.DuckDBPyConnection, now: datetime) -> ReportData:
    monthly = con.execute(
        "SELECT month, event_type, events FROM events_monthly WHERE month >= ("
        " SELECT max(month) FROM events_monthly) - to_months(?::INTEGER)", [MONTHS_SHOWN]
    ).fetchall()
    batches = con.execute(
        "SELECT batch, count(*) FROM filings WHERE batch IS NOT NULL GROUP BY 1 ORDER BY 1"
    ).fetchall()
    organisations = con.execute(
        "SELECT organization, events FROM org_activity LIMIT ?", [TOP_ORGANISATIONS]
    ).fetchall()
    latest = con.execute(
        "SELECT coalesce(event_date, reported_on), CASE WHEN event_date IS NULL THEN"
        " 'reported' ELSE date_precision END, event_type, model, organization, batch"
        " FROM events ORDER BY coalesce(event_date, reported_on) DESC NULLS LAST,"
        " first_seen_at DESC LIMIT ?", [LATEST_EVENTS]
    ).fetchall()
    totals = dict(con.execute("SELECT event_type, count(*) FROM events GROUP BY 1").fetchall())
    return ReportData(monthly, batches, organisations, latest, totals, now)


def render(data: ReportData) -> str:
    esc = html.escape
    total = sum(data.totals.values())
    summary = ", ".join(f"{esc(t)} {n}" for t, n in sorted(data.totals.items()))
    rows = "".join(
        "<tr>" + "".join(f"<td>{esc('' if v is None else str(v))}</td>" for v in row) + "</tr>"
        for row in data.latest
    )
    legend = " ".join(
        f'<span class="key" style="background:{colour}"></span>{esc(name)}'
        for name, colour in COLOURS.items()
    )
    return f"""<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>modelwatch report</title>
<style>
body{{font-family:'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',
'WenQuanYi Micro Hei',sans-serif;margin:2em;color:#222;max-width:1100px}}
h1{{margin-bottom:0}} .muted{{color:#666}}
table{{border-collapse:collapse;font-size:90%}} td,th{{border:1px solid #ccc;padding:3px 6px}}
.key{{display:inline-block;width:.9em;height:.9em;margin:0 .3em 0 1em;vertical-align:middle}}
svg text{{font-size:11px;fill:#333}}
</style></head><body>
<h1>modelwatch: the large-model race in the news</h1>
<p class="muted">{total} events ({summary}); generated {data.generated_at:%Y-%m-%d %H:%M} UTC</p>
<h2>Events per month by type</h2><p>{legend}</p>
{_stacked_months(data.monthly)}
<h2>Filings per batch</h2>
{_bars([(f"第{b}批", n) for b, n in data.batches], "#2ca02c")}
<h2>Most active organisations</h2>
{_bars([(org, n) for org, n in data.organisations], "#1f77b4")}
<h2>Latest events</h2>
<table><tr><th>date</th><th>precision</th><th>type</th><th>model</th><th>organisation</th>
<th>batch</th></tr>{rows}</table>
</body></html>
"""


def _stacked_months(monthly: list[tuple]) -> str:
    months = sorted({month for month, _, _ in monthly})
    if not months:
        return "<p class='muted'>no dated events yet</p>"
    counts: dict = {}
    for month, event_type, events in monthly:
        counts.setdefault(month, {})[event_type] = events
    peak = max(sum(per.values()) for per in counts.values())
    width, height, left, bottom = 900, 260, 40, 40
    step = (width - left) / len(months)
    bar = max(step * 0.7, 1)
    parts = [f'<svg width="{width}" height="{height + bottom}" role="img" '
             f'aria-label="events per month">']
    parts.append(f'<text x="0" y="12">{peak}</text><text x="0" y="{height}">0</text>')
    for index, month in enumerate(months):
        x, y = left + index * step, height
        for event_type in EVENT_TYPES:
            value = counts[month].get(event_type, 0)
            if not value:
                continue
            size = value / peak * (height - 20)
            y -= size
            parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{size:.1f}" '
                         f'fill="{COLOURS[event_type]}"><title>{month:%Y-%m} '
                         f'{html.escape(event_type)}: {value}</title></rect>')
        if len(months) <= 24 or index % 3 == 0:
            parts.append(f'<text x="{x:.1f}" y="{height + 14}" transform="rotate(45 {x:.1f} '
                         f'{height + 14})">{month:%Y-%m}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _bars(items: list[tuple[str, int]], colour: str) -> str:
    if not items:
        return "<p class='muted'>none yet</p>"
    peak = max(n for _, n in items) or 1
    row, label, width = 20, 170, 600
    parts = [f'<svg width="{label + width + 60}" height="{row * len(items) + 4}" role="img">']
    for index, (name, value) in enumerate(items):
        y = index * row
        size = value / peak * width
        parts.append(f'<text x="0" y="{y + 14}">{html.escape(str(name))}</text>'
                     f'<rect x="{label}" y="{y + 3}" width="{size:.1f}" height="{row - 6}" '
                     f'fill="{colour}"></rect>'
                     f'<text x="{label + size + 5:.1f}" y="{y + 14}">{value}</text>')
    parts.append("</svg>")
    return "".join(parts)
