"""The scheduled product on a real Prefect server on 127.0.0.1: deploy, run by a worker, serve."""

import os
import signal
import subprocess
import sys
import time

import httpx
import pytest
import yaml

from flows.nightly import NIGHTLY_CRON, NIGHTLY_TIMEZONE
from tests.support import ROOT, SEED_ARTICLES, free_port
from warehouse.connect import connect

pytestmark = pytest.mark.e2e
PREFECT = [sys.executable, "-m", "prefect"]
SERVER_START_LIMIT_S = 120


@pytest.fixture(scope="module")
def prefect_server(tmp_path_factory):
    home = tmp_path_factory.mktemp("prefect-home")
    port = free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_API_URL": api,
           "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "MODELWATCH_HOME": str(ROOT)}
    log = (home / "server.log").open("w")
    server = subprocess.Popen([*PREFECT, "server", "start", "--host", "127.0.0.1", "--port",
                               str(port)], env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + SERVER_START_LIMIT_S
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{api}/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert server.poll() is None, (home / "server.log").read_text()
            time.sleep(0.5)
        else:
            pytest.fail(f"prefect server not healthy after {SERVER_START_LIMIT_S}s")
        yield env, api
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def prefect(env, *args, timeout=180) -> str:
    done = subprocess.run([*PREFECT, *args], env=env, cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_prefect_yaml_schedule_matches_the_flow():
    spec = yaml.safe_load((ROOT / "prefect.yaml").read_text(encoding="utf-8"))
    (deployment,) = spec["deployments"]
    assert deployment["entrypoint"] == "flows/nightly.py:nightly"
    assert deployment["concurrency_limit"] == 1
    (schedule,) = deployment["schedules"]
    assert (schedule["cron"], schedule["timezone"]) == (NIGHTLY_CRON, NIGHTLY_TIMEZONE)
    assert (NIGHTLY_CRON, NIGHTLY_TIMEZONE) == ("0 2 * * *", "Asia/Shanghai")


def test_deploy_run_by_a_worker(prefect_server, tmp_path):
    env, api = prefect_server
    config = tmp_path / "modelwatch.toml"
    config.write_text(f'[alerts]\noutbox_dir = "out"\n[[sources]]\nname = "seed"\n'
                      f'kind = "files"\npath = "{SEED_ARTICLES.as_posix()}/*.txt"\n',
                      encoding="utf-8")
    prefect(env, "work-pool", "create", "modelwatch-local", "--type", "process")
    prefect(env, "--no-prompt", "deploy", "--all")
    (deployment,) = httpx.post(f"{api}/deployments/filter", json={}).json()
    (schedule,) = deployment["schedules"]
    assert schedule["schedule"]["cron"] == "0 2 * * *"
    assert schedule["schedule"]["timezone"] == "Asia/Shanghai"
    assert deployment["global_concurrency_limit"]["limit"] == 1
    prefect(env, "deployment", "run", "nightly/nightly", "--param", f"config_path={config}")
    prefect(env, "worker", "start", "--pool", "modelwatch-local", "--run-once", timeout=300)
    runs = httpx.post(f"{api}/flow_runs/filter", json={}).json()
    assert [run["state_type"] for run in runs] == ["COMPLETED"]
    with connect(tmp_path / "data" / "modelwatch.duckdb", read_only=True) as con:
        assert con.execute("select count(*) from articles").fetchone() == (5,)
        assert con.execute("select count(*) from events where event_type = 'filing'"
                           ).fetchone()[0] >= 9
    artifacts = httpx.post(f"{api}/artifacts/filter", json={}).json()
    assert {a["key"] for a in artifacts} >= {"nightly-summary", "nightly-new-events"}
    summary = next(a for a in artifacts if a["key"] == "nightly-summary")
    assert "| store |" in summary["data"] and "New events" in summary["data"]


def test_serve_registers_the_schedule_and_stops_on_sigterm(prefect_server, tmp_path):
    env, api = prefect_server
    serve = subprocess.Popen(
        [sys.executable, "-m", "flows.cli", "serve", "--db", str(tmp_path / "w.duckdb")],
        env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 90
        served = []
        while time.monotonic() < deadline and not served:
            deployments = httpx.post(f"{api}/deployments/filter", json={}).json()
            served = [d for d in deployments if d["name"] == "nightly" and d["schedules"]
                      and d.get("work_pool_name") is None]
            time.sleep(0.5)
        assert served, "serve did not register its deployment"
        assert served[0]["schedules"][0]["schedule"]["timezone"] == "Asia/Shanghai"
        serve.send_signal(signal.SIGTERM)
        output, _ = serve.communicate(timeout=60)
    finally:
        if serve.poll() is None:
            serve.kill()
            serve.communicate()
    assert serve.returncode == 0, output
    assert "modelwatch serve stopped" in output
