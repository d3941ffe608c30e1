"""Deliver a composed digest: an .eml file in the outbox, or SMTP when configured.

The .eml file is named after the Message-ID and written atomically, so delivering the
same digest twice leaves one file. SMTP settings come from a URL
(`smtp://user:pass@host:587?starttls=1`, `smtps://…` for implicit TLS, `&cafile=PATH` to
trust a private CA, `&timeout=SECONDS`); the password never appears in an error message.
"""

from __future__ import annotations

import os
import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

SMTP_TIMEOUT_S = 30.0


class DeliveryError(Exception):
    """Delivery failed; the message is safe to log (no secrets)."""


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    username: str | None
    password: str | None
    implicit_tls: bool
    starttls: bool
    cafile: str | None = None
    timeout_s: float = SMTP_TIMEOUT_S

    @property
    def label(self) -> str:
        """Where mail goes, without credentials: for logs and the alerts table."""
        return f"smtp:{self.host}:{self.port}"


def parse_smtp_url(url: str) -> SmtpSettings:
    parts = urlsplit(url)
    if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
        raise DeliveryError("MODELWATCH_SMTP_URL must look like smtp://user:pass@host:587")
    query = parse_qs(parts.query)
    starttls = query.get("starttls", ["0"])[0].lower() in ("1", "true", "yes")
    try:
        port = parts.port or (465 if parts.scheme == "smtps" else 25)
        timeout_s = float(query.get("timeout", [SMTP_TIMEOUT_S])[0])
    except ValueError:
        raise DeliveryError("MODELWATCH_SMTP_URL has an invalid port or timeout") from None
    return SmtpSettings(
        host=parts.hostname,
        port=port,
        username=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password else None,
        implicit_tls=parts.scheme == "smtps",
        starttls=starttls,
        cafile=query.get("cafile", [None])[0],
        timeout_s=timeout_s,
    )


def eml_path_for(message: EmailMessage, outbox_dir: Path) -> Path:
    token = str(message["Message-ID"]).strip("<>").split("@")[0]
    return outbox_dir / f"{token}.eml"


def deliver_eml(message: EmailMessage, outbox_dir: Path) -> str:
    outbox_dir.mkdir(parents=True, exist_ok=True)
    target = eml_path_for(message, outbox_dir)
    temporary = target.with_suffix(".eml.tmp")
    temporary.write_bytes(bytes(message))
    os.replace(temporary, target)  # atomic: a crash never leaves half a message
    return f"eml:{target}"


def deliver_smtp(message: EmailMessage, settings: SmtpSettings) -> str:
    timeout_s = settings.timeout_s
    try:
        context = ssl.create_default_context(cafile=settings.cafile)
        if settings.implicit_tls:
            client = smtplib.SMTP_SSL(settings.host, settings.port, timeout=timeout_s,
                                      context=context)
        else:
            client = smtplib.SMTP(settings.host, settings.port, timeout=timeout_s)
        with client:
            if settings.starttls:
                client.starttls(context=context)
            if settings.username:
                client.login(settings.username, settings.password or "")
            client.send_message(message)
    except (OSError, smtplib.SMTPException, ssl.SSLError) as exc:
        detail = str(exc)
        if settings.password:
            detail = detail.replace(settings.password, "***")
        raise DeliveryError(f"{settings.label}: {type(exc).__name__}: {detail}") from None
    return settings.label


def deliver(message: EmailMessage, *, smtp_url: str | None, outbox_dir: Path) -> str:
    """SMTP when a URL is configured, else an .eml file: where it went, for the record."""
    if smtp_url:
        return deliver_smtp(message, parse_smtp_url(smtp_url))
    return deliver_eml(message, outbox_dir)
