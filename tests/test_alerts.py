"""Digest composition and delivery: .eml outbox and a real SMTP server on loopback."""

import email
from datetime import date, datetime
from email import policy

import pytest
from aiosmtpd.controller import Controller

from alerts.deliver import DeliveryError, deliver_eml, parse_smtp_url
from alerts.digest import AlertItem, compose_digest, message_id_for, subject_for
from alerts.send import Recipients, send_due_alerts
from tests.support import Inbox, free_port
from tests.test_warehouse import make_article, make_batch, make_mention, store
from warehouse.connect import connect


def item(model="Kimi", **changes) -> AlertItem:
    fields = dict(
        alert_id=f"id-{model}", event_type="filing", model=model, organization="月之暗面",
        batch=2, event_date=date(2023, 11, 1), date_precision="month",
        first_seen_at=datetime(2024, 1, 2, 3, 4), model_status="gazetteer",
        urls=("http://news.example/1",), sentence=f"月之暗面{model}大模型近日通过备案。",
        title="标题",
    )
    fields.update(changes)
    return AlertItem(**fields)


def compose(items, max_items=50):
    ids = [i.alert_id for i in items]
    return compose_digest(items, sender="mw@example.org", to=("a@example.org",),
                          max_items=max_items, now=datetime(2024, 1, 2),
                          message_id=message_id_for(ids))


def test_digest_subject_and_parts():
    items = [item("Kimi"), item("天工", organization="昆仑万维"), item("Luca")]
    message = compose(items)
    assert message["Subject"] == "[modelwatch] 3 new model filings: Kimi, 天工, Luca"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert "【Kimi】" in text and "batch 2" in text and "2023-11 (month)" in text
    assert "<mark>天工</mark>" in html and 'href="http://news.example/1"' in html


def test_hostile_titles_cannot_inject_headers_or_html():
    evil = item("Evil\r\nBcc: victim@example.org", sentence="<script>alert(1)</script>",
                urls=('http://x/"><script>',), title="标题\r\nBcc: x@example.org<script>")
    raw = bytes(compose([evil]))
    parsed = email.message_from_bytes(raw, policy=policy.default)
    assert parsed["Bcc"] is None and "Evil Bcc" in parsed["Subject"]
    html = parsed.get_body(("html",)).get_content()
    assert "<script>" not in html and "&lt;script&gt;" in html
    text = parsed.get_body(("plain",)).get_content()
    assert "in: 标题 Bcc: x@example.org<script>" in text  # plain text: harmless as text


def test_long_digest_is_capped():
    items = [item(f"M{i}", alert_id=f"a{i}") for i in range(12)]
    message = compose(items, max_items=5)
    text = message.get_body(("plain",)).get_content()
    assert "… and 7 more" in text
    assert subject_for(items).endswith("M4, …")


def test_discovered_models_are_marked():
    text = compose([item("NewGPT", model_status="discovered")]).get_body(("plain",)).get_content()
    assert "discovered: not in the gazetteer" in text


def test_eml_delivery_is_idempotent(tmp_path):
    message = compose([item()])
    first = deliver_eml(message, tmp_path)
    second = deliver_eml(message, tmp_path)
    assert first == second and len(list(tmp_path.iterdir())) == 1


def test_smtp_url_parsing_keeps_the_password_out_of_labels():
    settings = parse_smtp_url("smtp://user%40x:p%2Fss@mail.example:587?starttls=1")
    assert (settings.username, settings.password, settings.starttls) == ("user@x", "p/ss", True)
    assert "p/ss" not in settings.label
    with pytest.raises(DeliveryError):
        parse_smtp_url("http://mail.example")


@pytest.fixture
def smtp_server():
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, f"smtp://127.0.0.1:{port}"
    finally:
        controller.stop()


def recipients(tmp_path, smtp_url=None) -> Recipients:
    return Recipients(sender="mw@example.org", to=("a@example.org", "b@example.org"),
                      max_items=50, outbox_dir=tmp_path / "outbox", smtp_url=smtp_url)


def warehouse_with_two_filings(tmp_path):
    db = tmp_path / "w.duckdb"
    store(db, make_batch(articles=[make_article()],
                         mentions=[make_mention(), make_mention(model="Kimi", index=1)]),
          tmp_path)
    return db


def test_smtp_delivery_sends_one_digest_once(tmp_path, smtp_server):
    inbox, url = smtp_server
    db = warehouse_with_two_filings(tmp_path)
    report = send_due_alerts(db, recipients(tmp_path, url), lock_timeout_s=1)
    assert (report.digests_sent, report.alerts_sent, report.errors) == (1, 2, [])
    assert len(inbox.messages) == 1
    envelope = inbox.messages[0]
    assert sorted(envelope.rcpt_tos) == ["a@example.org", "b@example.org"]
    parsed = email.message_from_bytes(envelope.content, policy=policy.default)
    assert "2 new model filings" in parsed["Subject"]
    again = send_due_alerts(db, recipients(tmp_path, url), lock_timeout_s=1)
    assert again.digests_sent == 0 and len(inbox.messages) == 1


def test_smtp_down_keeps_alerts_for_the_next_run(tmp_path, smtp_server):
    inbox, url = smtp_server
    db = warehouse_with_two_filings(tmp_path)
    dead = f"smtp://user:hunter2@127.0.0.1:{free_port()}"
    failed = send_due_alerts(db, recipients(tmp_path, dead), lock_timeout_s=1)
    assert (failed.alerts_sent, failed.alerts_failed) == (0, 2)
    assert "hunter2" not in " ".join(failed.errors)
    with connect(db, read_only=True) as con:
        rows = con.execute("SELECT status, error FROM alerts").fetchall()
    assert {status for status, _ in rows} == {"pending"}
    assert all("ConnectionRefusedError" in error and "hunter2" not in error for _, error in rows)
    retried = send_due_alerts(db, recipients(tmp_path, url), lock_timeout_s=1)
    assert (retried.alerts_sent, len(inbox.messages)) == (2, 1)


def test_interrupted_digest_is_rebuilt_under_the_same_message_id(tmp_path):
    db = warehouse_with_two_filings(tmp_path)
    with connect(db) as con:  # a crash after marking 'sending', before delivery
        con.execute("UPDATE alerts SET status = 'sending', message_id = '<digest-x@h>'")
    report = send_due_alerts(db, recipients(tmp_path), lock_timeout_s=1)
    assert report.alerts_sent == 2
    assert [p.name for p in (tmp_path / "outbox").iterdir()] == ["digest-x.eml"]
