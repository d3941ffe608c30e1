"""Shared fixtures: paths, a temporary project config, and Prefect's test harness."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

from tests.support import SEED_ARTICLES


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A folder with a modelwatch.toml that reads the seed articles and keeps all output
    (warehouse, spool, outbox) inside the folder."""
    (tmp_path / "modelwatch.toml").write_text(
        f"""
[warehouse]
path = "data/modelwatch.duckdb"
lock_timeout_s = 2

[alerts]
to = ["analyst@example.org"]
sender = "modelwatch@example.org"
outbox_dir = "data/outbox"

[[sources]]
name = "seed-articles"
kind = "files"
path = "{SEED_ARTICLES.as_posix()}/*.txt"
""",
        encoding="utf-8",
    )
    return tmp_path


@pytest.fixture(scope="session")
def prefect_harness():
    """One throw-away Prefect API (SQLite) for every flow test of the session."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield
