"""The alerts outbox in the warehouse: read what is due, move rows through their states.

pending → sending (message_id fixed) → sent. A failed delivery puts the rows back to
pending with the error and an attempt count; the next run (or `modelwatch alerts --send`)
retries them. Rows found in `sending` were interrupted mid-delivery; they are delivered
again under the same message_id, which makes the .eml outbox idempotent and lets mail
clients drop a duplicate SMTP copy.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

import duckdb

from alerts.digest import AlertItem
from warehouse.connect import sql_file


def due_digests(con: duckdb.DuckDBPyConnection) -> list[tuple[str | None, list[AlertItem]]]:
    """(message_id or None for a new digest, its items): interrupted digests first."""
    cursor = con.execute(sql_file("pending_alerts.sql"))
    columns = [d[0] for d in cursor.description]
    groups: dict[str | None, list[AlertItem]] = defaultdict(list)
    for values in cursor.fetchall():
        row = dict(zip(columns, values, strict=True))
        key = row["message_id"] if row["status"] == "sending" else None
        groups[key].append(
            AlertItem(
                alert_id=row["alert_id"], event_type=row["event_type"], model=row["model"],
                organization=row["organization"], batch=row["batch"],
                event_date=row["event_date"], date_precision=row["date_precision"],
                first_seen_at=row["first_seen_at"], model_status=row["model_status"],
                urls=tuple(row["urls"]), sentence=row["sentence"], title=row["title"],
                registry_number=row["registry_number"],
                registry_filed_on=row["registry_filed_on"],
            )
        )
    return sorted(groups.items(), key=lambda pair: pair[0] is None)


def mark_sending(con: duckdb.DuckDBPyConnection, alert_ids: list[str], message_id: str) -> None:
    con.execute(
        "UPDATE alerts SET status = 'sending', message_id = ?, attempts = attempts + 1"
        " WHERE alert_id IN (SELECT unnest(?::VARCHAR[]))",
        [message_id, alert_ids],
    )


def mark_sent(con: duckdb.DuckDBPyConnection, alert_ids: list[str], delivery: str,
              now: datetime) -> None:
    con.execute(
        "UPDATE alerts SET status = 'sent', sent_at = ?, delivery = ?, error = NULL"
        " WHERE alert_id IN (SELECT unnest(?::VARCHAR[]))",
        [now, delivery, alert_ids],
    )


def mark_failed(con: duckdb.DuckDBPyConnection, alert_ids: list[str], error: str) -> None:
    """Back to pending with the error: nothing was delivered, the next run retries."""
    con.execute(
        "UPDATE alerts SET status = 'pending', message_id = NULL, error = ?"
        " WHERE alert_id IN (SELECT unnest(?::VARCHAR[]))",
        [error, alert_ids],
    )


def alert_listing(con: duckdb.DuckDBPyConnection, limit: int) -> tuple[list[str], list[tuple]]:
    """Columns and rows of the outbox for the CLI: undelivered first, then newest sent."""
    cursor = con.execute(sql_file("list_alerts.sql"), [limit])
    return [d[0] for d in cursor.description], cursor.fetchall()
