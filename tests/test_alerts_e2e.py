"""Alerts through whole runs: a real SMTP server on loopback, down and back up, and TLS."""

import datetime as dt
import email
import ipaddress
import ssl
from email import policy

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from typer.testing import CliRunner

from alerts.deliver import deliver_smtp, parse_smtp_url
from alerts.digest import compose_test_message
from flows.cli import app
from tests.support import Inbox, free_port
from warehouse.connect import connect

pytestmark = pytest.mark.e2e
runner = CliRunner()
SEED_FILINGS = ["Kimi", "天工", "Luca", "序列猴子", "MathGPT", "文心一言"]


def start_smtp(port: int, **options) -> tuple[Inbox, Controller]:
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port, **options)
    controller.start()
    return inbox, controller


def cli(project, *args):
    return runner.invoke(app, [*args, "--config", str(project / "modelwatch.toml")])


def digest_text(envelope) -> tuple[str, str]:
    message = email.message_from_bytes(envelope.content, policy=policy.default)
    return message["Subject"], message.get_body(("plain",)).get_content()


def test_one_run_one_message_second_run_none(prefect_harness, project, monkeypatch):
    port = free_port()
    inbox, controller = start_smtp(port)
    monkeypatch.setenv("MODELWATCH_SMTP_URL", f"smtp://127.0.0.1:{port}")
    try:
        first = cli(project, "run")
        assert first.exit_code == 0, first.output
        assert len(inbox.messages) == 1
        subject, text = digest_text(inbox.messages[0])
        with connect(project / "data" / "modelwatch.duckdb", read_only=True) as con:
            filings = con.execute("select count(*) from events where event_type = 'filing'"
                                  ).fetchone()[0]
        assert filings >= len(SEED_FILINGS)
        assert subject.startswith(f"[modelwatch] {filings} new model filings:")
        for model in SEED_FILINGS:
            assert f"【{model}】" in text
        second = cli(project, "run")
        assert second.exit_code == 0, second.output
        assert len(inbox.messages) == 1
    finally:
        controller.stop()
    assert not (project / "data" / "outbox").exists()  # SMTP configured: no .eml files


def test_smtp_down_then_alerts_send(prefect_harness, project, monkeypatch):
    port = free_port()
    monkeypatch.setenv("MODELWATCH_SMTP_URL", f"smtp://127.0.0.1:{port}?timeout=5")
    down = cli(project, "run")
    assert down.exit_code == 1
    assert "alert delivery" in down.output
    db = project / "data" / "modelwatch.duckdb"
    with connect(db, read_only=True) as con:
        filings = con.execute("select count(*) from events where event_type = 'filing'"
                              ).fetchone()[0]
        assert filings >= len(SEED_FILINGS)
        assert con.execute("select status, count(*) from alerts group by 1").fetchall() == [
            ("pending", filings)]
    listing = cli(project, "alerts", "-f", "csv")
    assert listing.exit_code == 0 and listing.output.count("pending") == filings
    inbox, controller = start_smtp(port)
    try:
        sent = cli(project, "alerts", "--send")
        assert sent.exit_code == 0, sent.output
        assert f"{filings} alert(s) sent in 1 digest(s)" in sent.output
        again = cli(project, "alerts", "--send")
        assert "0 alert(s) sent" in again.output
    finally:
        controller.stop()
    assert len(inbox.messages) == 1


def self_signed_certificate(folder):
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName(
            [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))
    return cert_path, key_path


def test_auth_over_starttls(tmp_path):
    cert, key = self_signed_certificate(tmp_path)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    logins = []

    def authenticator(server, session, envelope, mechanism, auth_data):
        logins.append((auth_data.login, auth_data.password))
        return AuthResult(success=auth_data.password == b"s3cret")

    port = free_port()
    inbox, controller = start_smtp(
        port, tls_context=context, require_starttls=True, authenticator=authenticator,
        auth_required=True, auth_require_tls=True)
    message = compose_test_message(sender="mw@example.org", to=("a@example.org",),
                                   now=dt.datetime.now(dt.UTC))
    base = f"127.0.0.1:{port}?starttls=1&timeout=5&cafile={cert}"
    try:
        where = deliver_smtp(message, parse_smtp_url(f"smtp://ops:s3cret@{base}"))
        assert where == f"smtp:127.0.0.1:{port}"
        with pytest.raises(Exception) as refused:
            deliver_smtp(message, parse_smtp_url(f"smtp://ops:wrong-pass@{base}"))
        assert "wrong-pass" not in str(refused.value)
    finally:
        controller.stop()
    assert len(inbox.messages) == 1
    assert logins[0] == (b"ops", b"s3cret")


def test_alerts_test_message(project, monkeypatch):
    port = free_port()
    inbox, controller = start_smtp(port)
    monkeypatch.setenv("MODELWATCH_SMTP_URL", f"smtp://127.0.0.1:{port}")
    try:
        result = cli(project, "alerts", "--test")
    finally:
        controller.stop()
    assert result.exit_code == 0, result.output
    assert [e.rcpt_tos for e in inbox.messages] == [["analyst@example.org"]]
    monkeypatch.setenv("MODELWATCH_SMTP_URL", f"smtp://u:pw@127.0.0.1:{free_port()}")
    failed = cli(project, "alerts", "--test")
    assert failed.exit_code == 1 and "pw@" not in failed.output
