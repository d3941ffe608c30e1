"""Send every due digest: read the outbox, compose, deliver, record the outcome.

The warehouse write lock is held only to read and to mark rows, never while talking to a
mail server. A delivery failure puts the digest's alerts back to pending with the error
(retried by the next run or `modelwatch alerts --send`) and is reported, not raised: a
dead SMTP server loses no alert and stores every event; the run then exits 1.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from alerts.deliver import DeliveryError, deliver
from alerts.digest import (
    compose_digest,
    compose_plain_message,
    compose_test_message,
    message_id_for,
)
from warehouse.connect import connect
from warehouse.outbox import due_digests, mark_failed, mark_sending, mark_sent

if TYPE_CHECKING:  # only for the annotation: the config loader is not needed to send
    from flows.config import Config


@dataclass(frozen=True)
class Recipients:
    sender: str
    to: tuple[str, ...]
    max_items: int
    outbox_dir: Path
    smtp_url: str | None = None
    full_table_url: str | None = None  # linked from "and N more" in long digests


def recipients_for(config: Config) -> Recipients:
    """The delivery settings of a config (resolves the SMTP URL: env, else Secret block)."""
    alerts = config.alerts
    return Recipients(
        sender=alerts.sender, to=alerts.to, max_items=alerts.max_items,
        outbox_dir=alerts.outbox_dir, smtp_url=config.smtp_url,
        full_table_url=alerts.full_table_url,
    )


@dataclass(frozen=True)
class SendReport:
    digests_sent: int = 0
    alerts_sent: int = 0
    alerts_failed: int = 0
    deliveries: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def send_due_alerts(db_path: Path, recipients: Recipients, *, lock_timeout_s: float = 30.0,
                    checkpoint: Callable[[str], None] | None = None) -> SendReport:
    """Deliver every due digest. `checkpoint` is called after the rows are marked sending
    ("sending") and after delivery, before they are marked sent ("delivered")."""
    checkpoint = checkpoint or (lambda name: None)
    now = datetime.now(UTC)
    with connect(db_path, lock_timeout_s=lock_timeout_s) as con:
        digests = due_digests(con)
        planned = []
        for message_id, items in digests:
            ids = [item.alert_id for item in items]
            message_id = message_id or message_id_for(ids)
            mark_sending(con, ids, message_id)
            planned.append((message_id, items, ids))
    sent = failed = 0
    deliveries, errors = [], []
    if planned:
        checkpoint("sending")
    for message_id, items, ids in planned:
        message = compose_digest(
            items, sender=recipients.sender, to=recipients.to,
            max_items=recipients.max_items, now=now, message_id=message_id,
            full_table_url=recipients.full_table_url,
        )
        try:
            delivery = deliver(message, smtp_url=recipients.smtp_url,
                               outbox_dir=recipients.outbox_dir)
        except DeliveryError as exc:
            with connect(db_path, lock_timeout_s=lock_timeout_s) as con:
                mark_failed(con, ids, str(exc))
            failed += len(ids)
            errors.append(str(exc))
            continue
        checkpoint("delivered")
        with connect(db_path, lock_timeout_s=lock_timeout_s) as con:
            mark_sent(con, ids, delivery, now.replace(tzinfo=None))
        sent += len(ids)
        deliveries.append(delivery)
    return SendReport(len(deliveries), sent, failed, deliveries, errors)


def send_test_message(recipients: Recipients) -> str:
    """A short message to the configured recipients, to check the mail path end to end."""
    message = compose_test_message(sender=recipients.sender, to=recipients.to,
                                   now=datetime.now(UTC))
    return deliver(message, smtp_url=recipients.smtp_url, outbox_dir=recipients.outbox_dir)


def send_operator_message(recipients: Recipients, operator: str, *, subject: str,
                          body: str) -> str:
    """A plain message to the operator (a failed night), by the same delivery path."""
    message = compose_plain_message(sender=recipients.sender, to=(operator,), subject=subject,
                                    body=body, now=datetime.now(UTC))
    return deliver(message, smtp_url=recipients.smtp_url, outbox_dir=recipients.outbox_dir)
