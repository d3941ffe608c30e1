"""DuckDB warehouse: connect and migrate, keyed idempotent loads, read-only queries."""
