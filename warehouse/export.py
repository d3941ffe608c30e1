"""Every table and view of the warehouse to one Parquet or CSV file each."""

from __future__ import annotations

from pathlib import Path

import duckdb

FORMATS = {"parquet": "(FORMAT parquet)", "csv": "(FORMAT csv, HEADER)"}


def export_all(con: duckdb.DuckDBPyConnection, out_dir: Path, file_format: str
               ) -> list[tuple[str, int, Path]]:
    """(name, rows, file) for every base table and view, written under out_dir."""
    out_dir.mkdir(parents=True, exist_ok=True)
    names = [row[0] for row in con.execute(
        "SELECT table_name FROM information_schema.tables"
        " WHERE table_schema = 'main' ORDER BY table_type, table_name").fetchall()]
    written = []
    for name in names:
        target = out_dir / f"{name}.{file_format}"
        quoted_path = str(target).replace("'", "''")
        # Names come from the catalogue, not from users; quoted anyway.
        con.execute(f'COPY (SELECT * FROM "{name}") TO \'{quoted_path}\' {FORMATS[file_format]}')
        rows = con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
        written.append((name, rows, target))
    return written
