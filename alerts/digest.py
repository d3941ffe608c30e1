"""Pending alerts → one digest email (plain text + HTML) with a stable Message-ID.

Headers are set through the `email` API, so a hostile title cannot inject a header, and
everything interpolated into the HTML part is escaped. The Message-ID is derived from the
alert ids, so a digest rebuilt after a crash is recognisably the same message.
"""

from __future__ import annotations

import hashlib
import html
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from email.message import EmailMessage
from email.utils import format_datetime

EVENT_LABELS = {"filing": "备案 filing", "registration": "登记 registration"}
SUBJECT_NAMES = 5  # model names listed in the subject line before "…"


@dataclass(frozen=True)
class AlertItem:
    """One filing or registration event as the digest shows it."""

    alert_id: str
    event_type: str
    model: str | None
    organization: str | None
    batch: int | None
    event_date: date | None
    date_precision: str | None
    first_seen_at: datetime
    model_status: str
    urls: tuple[str, ...]
    sentence: str | None
    title: str | None
    registry_number: str | None = None  # 备案号 when the official registry lists it
    registry_filed_on: date | None = None


def message_id_for(alert_ids: list[str], domain: str = "modelwatch.local") -> str:
    digest = hashlib.sha256("\n".join(sorted(alert_ids)).encode()).hexdigest()[:24]
    return f"<digest-{digest}@{domain}>"


def format_event_date(value: date | None, precision: str | None) -> str:
    if value is None:
        return "date not stated"
    if precision == "year":
        return f"{value:%Y} (year)"
    if precision == "month":
        return f"{value:%Y-%m} (month)"
    return f"{value:%Y-%m-%d}"


def _one_line(text: str) -> str:
    """Names come from crawled text: fold any line breaks before they reach a header."""
    return " ".join(text.split())


def subject_for(items: list[AlertItem]) -> str:
    names = [_one_line(item.model or item.organization or "?") for item in items]
    shown = ", ".join(names[:SUBJECT_NAMES]) + (", …" if len(names) > SUBJECT_NAMES else "")
    kinds = {item.event_type for item in items}
    noun = "filing" if kinds == {"filing"} else "registration" if kinds == {
        "registration"} else "filing/registration"
    plural = "s" if len(items) != 1 else ""
    return f"[modelwatch] {len(items)} new model {noun}{plural}: {shown}"


def compose_digest(
    items: list[AlertItem], *, sender: str, to: tuple[str, ...], max_items: int,
    now: datetime, message_id: str, full_table_url: str | None = None,
) -> EmailMessage:
    shown, hidden = items[:max_items], len(items) - max_items
    message = EmailMessage()
    message["Subject"] = subject_for(items)
    message["From"] = sender
    message["To"] = ", ".join(to)
    message["Date"] = format_datetime(now)
    message["Message-ID"] = message_id
    message["X-Modelwatch-Alerts"] = ",".join(_one_line(item.alert_id) for item in items)
    message.set_content(_plain_body(shown, hidden, full_table_url))
    message.add_alternative(_html_body(shown, hidden, full_table_url), subtype="html")
    return message


def compose_plain_message(*, sender: str, to: tuple[str, ...], subject: str, body: str,
                          now: datetime) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = _one_line(subject)
    message["From"] = sender
    message["To"] = ", ".join(to)
    message["Date"] = format_datetime(now)
    message["Message-ID"] = f"<note-{uuid.uuid4().hex}@modelwatch.local>"
    message.set_content(body)
    return message


def compose_test_message(*, sender: str, to: tuple[str, ...], now: datetime) -> EmailMessage:
    return compose_plain_message(
        sender=sender, to=to, subject="[modelwatch] test message", now=now,
        body="modelwatch can reach you: filing alerts will arrive at this address.",
    )


def _registry_html(item: AlertItem) -> str:
    if not item.registry_number:
        return ""
    filed = format_event_date(item.registry_filed_on, "day")
    return f"<br>registry: <code>{html.escape(item.registry_number)}</code>, filed {filed}"


def _label(item: AlertItem) -> str:
    status = " [discovered: not in the gazetteer]" if item.model_status == "discovered" else ""
    return f"{item.model or '(unnamed model)'}{status}"


def _plain_body(items: list[AlertItem], hidden: int, full_table_url: str | None) -> str:
    lines = [f"modelwatch found {len(items) + max(hidden, 0)} new model filing event(s).", ""]
    for number, item in enumerate(items, 1):
        lines.append(f"{number}. {_label(item)} — {item.organization or 'organisation unknown'}")
        lines.append(f"   {EVENT_LABELS.get(item.event_type, item.event_type)}"
                     f"{f', batch {item.batch}' if item.batch else ''}"
                     f", {format_event_date(item.event_date, item.date_precision)}")
        if item.sentence:
            marked = item.sentence.replace(item.model, f"【{item.model}】") if item.model else (
                item.sentence)
            lines.append(f"   “{marked}”")
        if item.registry_number:
            lines.append(f"   registry: {item.registry_number}, filed "
                         f"{format_event_date(item.registry_filed_on, 'day')}")
        if item.title:
            lines.append(f"   in: {_one_line(item.title)}")
        for url in item.urls:
            lines.append(f"   source: {url}")
        lines.append(f"   first seen: {item.first_seen_at:%Y-%m-%d %H:%M} UTC")
        lines.append("")
    if hidden > 0:
        where = full_table_url or "run `modelwatch events --type filing`"
        lines.append(f"… and {hidden} more: the full table: {where}")
    return "\n".join(lines)


def _html_body(items: list[AlertItem], hidden: int, full_table_url: str | None) -> str:
    esc = html.escape
    rows = []
    for item in items:
        sentence = esc(item.sentence or "")
        if item.model:
            sentence = sentence.replace(esc(item.model), f"<mark>{esc(item.model)}</mark>")
        links = "<br>".join(f'<a href="{esc(url, quote=True)}">{esc(url)}</a>' for url in item.urls)
        rows.append(
            "<tr>"
            f"<td><b>{esc(_label(item))}</b><br>{esc(item.organization or '')}</td>"
            f"<td>{esc(EVENT_LABELS.get(item.event_type, item.event_type))}"
            f"{f'<br>batch {item.batch}' if item.batch else ''}</td>"
            f"<td>{esc(format_event_date(item.event_date, item.date_precision))}</td>"
            f"<td>{sentence}<br><i>{esc(_one_line(item.title or ''))}</i>"
            f"{_registry_html(item)}"
            f"<br><small>{links}</small></td>"
            f"<td>{item.first_seen_at:%Y-%m-%d %H:%M} UTC</td>"
            "</tr>"
        )
    where = (f'<a href="{esc(full_table_url, quote=True)}">the full table</a>' if full_table_url
             else "<code>modelwatch events --type filing</code>")
    more = f"<p>… and {hidden} more: {where}.</p>" if hidden > 0 else ""
    return (
        "<html><body><h2>New model filings</h2>"
        "<table border=1 cellpadding=4 cellspacing=0>"
        "<tr><th>Model</th><th>Event</th><th>Date</th><th>Evidence and sources</th>"
        "<th>First seen</th></tr>" + "".join(rows) + f"</table>{more}</body></html>"
    )
