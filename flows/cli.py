"""The `modelwatch` command line.

Exit codes: 0 ok, 1 the run finished with failures (or could not finish), 2 bad usage or
config. Errors are one line, never a traceback.
"""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import sys
from datetime import UTC, date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from flows.config import ConfigError, load_config

# Offline by default: Prefect must not try to phone home from a nightly job.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

app = typer.Typer(
    help="Watch the Chinese large-model race in the news: crawl, clean, dedupe, extract "
    "model events, store them in DuckDB and alert on new filings.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

ConfigOption = Annotated[
    Path | None,
    typer.Option("--config", "-c", help="TOML config (default ./modelwatch.toml if present)."),
]
DbOption = Annotated[
    Path | None, typer.Option("--db", help="DuckDB file (overrides warehouse.path).")
]


class OutputFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


FormatOption = Annotated[
    OutputFormat, typer.Option("--format", "-f", help="Output as a table, CSV or JSON.")
]


def fail(message: str, code: int) -> typer.Exit:
    err.print(f"modelwatch: {message}", markup=False, highlight=False)
    return typer.Exit(code)


def _read(settings, read):
    """`read(con)` on a short read-only connection; warehouse problems end in one line."""
    from warehouse.connect import WarehouseError, connect

    try:
        with connect(settings.warehouse.path, read_only=True,
                     lock_timeout_s=settings.warehouse.lock_timeout_s) as con:
            return read(con)
    except WarehouseError as exc:
        raise fail(str(exc), 1) from None


def _rows(con, query: str, params=None) -> tuple[list[str], list[tuple]]:
    cursor = con.execute(query, params or [])
    return [d[0] for d in cursor.description], cursor.fetchall()


def _check_event_type(event_type: str | None) -> None:
    from extractors.records import EVENT_TYPES

    if event_type is not None and event_type not in EVENT_TYPES:
        raise fail(f"--type must be one of {', '.join(EVENT_TYPES)}", 2)


def _config(config: Path | None, db: Path | None):
    try:
        return load_config(config, db_path=db)
    except ConfigError as exc:
        raise fail(f"config error: {exc}", 2) from None


@app.command()
def run(config: ConfigOption = None, db: DbOption = None) -> None:
    """Run one nightly job now, in-process (Prefect's ephemeral API when no server is set)."""
    _night(config, db, reprocess=False)


@app.command()
def reprocess(config: ConfigOption = None, db: DbOption = None) -> None:
    """Extract every stored page again with today's rules (no re-crawl) and update events."""
    _night(config, db, reprocess=True)


def _night(config: Path | None, db: Path | None, *, reprocess: bool) -> None:
    """One nightly flow run; prints its summary and exits 1 when anything failed."""
    settings = _config(config, db)
    from flows.nightly import nightly  # imported late: Prefect takes a second to import

    try:
        summary = nightly(config_path=str(config) if config else None,
                          db_path=str(settings.warehouse.path), reprocess=reprocess)
    except Exception as exc:
        what = "reprocess" if reprocess else "run"
        raise fail(f"{what} failed: {type(exc).__name__}: {exc}", 1) from None
    out.print(summary.render(), markup=False, highlight=False)
    raise typer.Exit(1 if summary.failures else 0)


@app.command()
def serve(config: ConfigOption = None, db: DbOption = None) -> None:
    """Run the nightly schedule (02:00 Asia/Shanghai) in this process until stopped."""
    settings = _config(config, db)
    from prefect.schedules import Cron

    from flows.nightly import NIGHTLY_CRON, NIGHTLY_TIMEZONE, nightly

    # ^C and SIGTERM (systemd, docker stop) both end in a clean stop: Prefect's runner
    # pauses the schedule and exits 0. A SIGTERM while the deployment is still being
    # registered, before the runner installs its handler, stops as cleanly (seen in CI: the
    # deployment was visible in the API before the runner was listening).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        nightly.serve(
            name="nightly",
            schedules=[Cron(NIGHTLY_CRON, timezone=NIGHTLY_TIMEZONE)],
            parameters={"config_path": str(config) if config else None,
                        "db_path": str(settings.warehouse.path)},
        )
    except SystemExit as stop:
        if stop.code not in (0, None):
            raise
    out.print("modelwatch serve stopped", markup=False, highlight=False)


@app.command()
def sql(
    query: Annotated[str, typer.Argument(help="SQL to run on a read-only connection.")],
    config: ConfigOption = None,
    db: DbOption = None,
    output: FormatOption = OutputFormat.table,
) -> None:
    """Run ad-hoc read-only SQL against the warehouse."""
    import duckdb

    def run_query(con) -> tuple[list[str], list[tuple]]:
        cursor = con.execute(query)
        if cursor.description is None:  # a statement without a result (SET, PRAGMA …)
            return [], []
        return [d[0] for d in cursor.description], cursor.fetchall()

    settings = _config(config, db)
    try:
        columns, rows = _read(settings, run_query)
    except duckdb.InvalidInputException as exc:
        if "read-only" in str(exc).lower():
            raise fail("the sql command is read-only: writes are refused", 2) from None
        raise fail(f"SQL error: {_first_line(exc)}", 2) from None
    except duckdb.Error as exc:
        raise fail(f"SQL error: {_first_line(exc)}", 2) from None
    _print_rows(columns, rows, output)


@app.command()
def events(
    config: ConfigOption = None,
    db: DbOption = None,
    event_type: Annotated[
        str | None, typer.Option("--type", "-t", help="release, filing, upgrade, …")
    ] = None,
    model: Annotated[str | None, typer.Option(help="Model name (substring).")] = None,
    org: Annotated[str | None, typer.Option(help="Organisation name (substring).")] = None,
    since: Annotated[
        datetime | None,
        typer.Option(formats=["%Y-%m-%d"], help="Events dated on or after this day."),
    ] = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many rows.")] = 50,
    output: FormatOption = OutputFormat.table,
) -> None:
    """List recent model events, newest first, filterable by type, model, org and date."""
    from warehouse.connect import sql_file

    _check_event_type(event_type)
    settings = _config(config, db)
    params = [event_type, model, org, since.date() if since else None, limit]
    columns, rows = _read(settings, lambda con: _rows(con, sql_file("list_events.sql"), params))
    _print_rows(columns, rows, output)


@app.command()
def alerts(
    config: ConfigOption = None,
    db: DbOption = None,
    send: Annotated[bool, typer.Option("--send", help="Deliver pending alerts now.")] = False,
    test: Annotated[
        bool, typer.Option("--test", help="Send a test message to the configured recipients.")
    ] = False,
    limit: Annotated[int, typer.Option(min=1, help="At most this many rows.")] = 50,
    output: FormatOption = OutputFormat.table,
) -> None:
    """Show the alert outbox (pending, sending, sent); --send retries, --test checks mail."""
    from alerts.deliver import DeliveryError
    from alerts.send import recipients_for, send_due_alerts, send_test_message
    from warehouse.connect import WarehouseError
    from warehouse.outbox import alert_listing

    settings = _config(config, db)
    try:
        recipients = recipients_for(settings)
    except ConfigError as exc:
        raise fail(f"config error: {exc}", 2) from None
    if test:
        try:
            where = send_test_message(recipients)
        except DeliveryError as exc:
            raise fail(f"test message not delivered: {exc}", 1) from None
        out.print(f"test message delivered: {where}", markup=False, highlight=False)
        return
    if send:
        try:
            report = send_due_alerts(settings.warehouse.path, recipients,
                                     lock_timeout_s=settings.warehouse.lock_timeout_s)
        except WarehouseError as exc:
            raise fail(str(exc), 1) from None
        for delivery in report.deliveries:
            out.print(f"delivered {delivery}", markup=False, highlight=False)
        out.print(f"{report.alerts_sent} alert(s) sent in {report.digests_sent} digest(s)",
                  markup=False, highlight=False)
        if report.errors:
            raise fail("; ".join(report.errors), 1)
        return
    columns, rows = _read(settings, lambda con: alert_listing(con, limit))
    _print_rows(columns, rows, output)


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="HTML or text files, or folders.")],
    out_dir: Annotated[
        Path | None, typer.Option("--out", help="Output folder (default: <input>/extracted).")
    ] = None,
    config: ConfigOption = None,
    db: DbOption = None,
) -> None:
    """Extract body text and metadata from files, as the pipeline does: <stem>.txt/.json."""
    from extractors.extract_files import extract_paths

    _config(config, db)  # a bad config is still reported, as for every command
    report = extract_paths(paths, out_dir)
    for item in report.files:
        if item.dropped is None:
            out.print(f"{item.input} → {item.text_path}", markup=False, highlight=False)
        else:
            out.print(f"{item.input}: dropped ({item.dropped.reason}) → {item.json_path}",
                      markup=False, highlight=False)
    for dropped in report.dropped:
        if not any(item.dropped is dropped for item in report.files):
            out.print(f"{dropped.item}: {dropped.reason}", markup=False, highlight=False)
    raise typer.Exit(0 if report.ok else 1)


class Period(StrEnum):
    week = "week"
    month = "month"


class ExportFormat(StrEnum):
    parquet = "parquet"
    csv = "csv"


@app.command()
def trends(
    config: ConfigOption = None,
    db: DbOption = None,
    event_type: Annotated[str | None, typer.Option("--type", "-t", help="One event type.")] = None,
    by: Annotated[Period, typer.Option(help="Period per row.")] = Period.month,
    since: Annotated[
        datetime | None, typer.Option(formats=["%Y-%m-%d"], help="From this day on.")
    ] = None,
    org: Annotated[str | None, typer.Option(help="Organisation name (substring).")] = None,
    output: FormatOption = OutputFormat.table,
) -> None:
    """Events per week or month by type, with a bar per row."""
    from warehouse.connect import sql_file

    _check_event_type(event_type)
    settings = _config(config, db)
    params = {"by": by.value, "type": event_type, "org": org,
              "since": since.date() if since else None}
    columns, rows = _read(settings, lambda con: _rows(con, sql_file("trends.sql"), params))
    shown = [c for c in columns if c in ("period", "total")
             or any(row[columns.index(c)] for row in rows)]
    if event_type:
        shown = ["period", event_type]
    keep = [columns.index(c) for c in shown]
    rows = [tuple(row[i] for i in keep) for row in rows]
    if output is not OutputFormat.table:
        _print_rows(shown, rows, output)
        return
    peak = max((row[1] for row in rows), default=0) or 1
    table = Table(*shown, "", show_lines=False)
    for row in rows:
        bar = "█" * max(1, round(row[1] / peak * 40)) if row[1] else ""
        table.add_row(*(str(_plain(v)) for v in row), bar)
    out.print(table)
    out.print(f"{len(rows)} {by.value}(s), {sum(r[1] for r in rows)} event(s)", style="dim")


@app.command()
def export(
    out_dir: Annotated[Path, typer.Option("--out", help="Folder for one file per table/view.")],
    config: ConfigOption = None,
    db: DbOption = None,
    file_format: Annotated[
        ExportFormat, typer.Option("--format", help="parquet or csv.")
    ] = ExportFormat.parquet,
) -> None:
    """Export every table and view to Parquet or CSV files."""
    from warehouse.export import export_all

    settings = _config(config, db)
    written = _read(settings, lambda con: export_all(con, out_dir, file_format.value))
    for name, rows, path in written:
        out.print(f"{name}: {rows} row(s) → {path}", markup=False, highlight=False)


@app.command()
def report(
    out_file: Annotated[Path, typer.Option("--out", help="HTML file to write.")] = Path(
        "report.html"),
    config: ConfigOption = None,
    db: DbOption = None,
) -> None:
    """Write a self-contained HTML report: charts of events, filings, organisations."""
    from reports.html_report import collect, render

    settings = _config(config, db)
    data = _read(settings, lambda con: collect(con, datetime.now(UTC)))
    out_file.parent.mkdir(parents=True, exist_ok=True)
    out_file.write_text(render(data), encoding="utf-8")
    out.print(f"report written to {out_file}", markup=False, highlight=False)


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return value


def _print_rows(columns: list[str], rows: list[tuple], output: OutputFormat) -> None:
    if output is OutputFormat.json:
        records = [dict(zip(columns, map(_plain, row), strict=True)) for row in rows]
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2, default=str) + "\n")
    elif output is OutputFormat.csv:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(columns)
        writer.writerows([[_plain(v) for v in row] for row in rows])
        sys.stdout.write(buffer.getvalue())
    else:
        table = Table(*columns, show_lines=False)
        for row in rows:
            table.add_row(*("" if v is None else str(_plain(v)) for v in row))
        out.print(table)
        out.print(f"{len(rows)} row(s)", style="dim")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
