#!/usr/bin/env python3
"""Set up modelwatch on a fresh machine and run it: `python3 bootstrap.py run|test`.

Creates `.venv/` in the repo root, installs the exact versions from the lock file (again
only when the lock file changed), installs modelwatch itself in editable mode, compiles the
event extraction with mypyc (again only when its sources changed), then runs the nightly
job on the seed corpus (`run`) or the linter and the whole test suite (`test`).
Needs only Python 3.11+ and access to the package index (and a C compiler for the compiled
extraction; without one it runs interpreted, about a third slower).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
LOCKS = {"run": ROOT / "requirements.lock", "test": ROOT / "requirements-dev.lock"}
# Debian packages the test suite needs: command on PATH → package (the HTML report is
# rendered in headless Chromium; gcc compiles the event extraction, which the tests run).
TEST_SYSTEM_PACKAGES = {"chromium": "chromium", "cc": "gcc"}
INSTALLER_LOCK = ROOT / "requirements-bootstrap.lock"


def main(argv: list[str]) -> int:
    if len(argv) < 1 or argv[0] not in LOCKS:
        print("usage: python3 bootstrap.py run|test [extra arguments]", file=sys.stderr)
        return 2
    if sys.version_info < (3, 11):  # noqa: UP036 (this script must also run on old Pythons)
        print(f"modelwatch needs Python 3.11+, not {sys.version.split()[0]}", file=sys.stderr)
        return 2
    command, extra = argv[0], argv[1:]
    ensure_venv(LOCKS[command])
    if command == "test":
        ensure_system_packages(TEST_SYSTEM_PACKAGES)
    # (the tests must run what the nightly job runs: there a failed build is a failure)
    ensure_compiled(required=command == "test")
    if command == "run":
        return run([str(BIN / "modelwatch"), "run", *extra])
    status = run([str(BIN / "ruff"), "check", str(ROOT)])
    # (1: the tests expect the compiled extraction, which a test checks they run)
    tests = run([str(BIN / "python"), "-m", "pytest", *extra], MODELWATCH_NATIVE="1")
    return tests or status


def ensure_venv(lock: Path) -> None:
    """Create the venv and install the lock file into it unless it already matches."""
    if not (BIN / "python").exists():
        print(f"creating {VENV}", flush=True)
        try:
            venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
        except Exception as exc:  # ensurepip missing on some Debian images
            sys.exit(f"cannot create {VENV}: {exc} (Debian: apt-get install python3-venv)")
    inputs = (INSTALLER_LOCK, lock, ROOT / "pyproject.toml")
    digest = hashlib.sha256(b"".join(path.read_bytes() for path in inputs))
    stamp = VENV / f".installed-{lock.stem}"
    if stamp.exists() and stamp.read_text() == digest.hexdigest():
        return
    pip = [str(BIN / "python"), "-m", "pip", "--disable-pip-version-check", "install", "-q"]
    check([*pip, "--require-hashes", "-r", str(INSTALLER_LOCK)])
    check([*pip, "--require-hashes", "-r", str(lock)])
    # Editable: the CLI, flows and seeds are read from this checkout.
    check([*pip, "--no-deps", "--no-build-isolation", "-e", str(ROOT)])
    for other in VENV.glob(".installed-*"):
        other.unlink()
    stamp.write_text(digest.hexdigest())


def ensure_compiled(required: bool) -> None:
    """Compile the event extraction into the venv unless a build of these sources is there
    (see extractors/native.py). Where it cannot be built, the job runs it interpreted."""
    status = run([str(BIN / "modelwatch-compile")])
    if status and required:
        sys.exit(f"compiling the event extraction failed (exit {status}): see above")
    if status:
        print("warning: compiling the event extraction failed (see above); it runs "
              "interpreted, about a third slower", file=sys.stderr)


def ensure_system_packages(packages: dict[str, str]) -> None:
    """Install missing Debian packages when we may (root with apt-get); else say what's missing."""
    missing = sorted({pkg for command, pkg in packages.items() if not shutil.which(command)})
    if not (Path(sysconfig.get_paths()["include"]) / "Python.h").exists():
        # (Debian's own Python keeps its C headers apart; the compiled extraction needs them)
        missing.append(f"python3.{sys.version_info.minor}-dev")
    if not missing:
        return
    if not (hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get")):
        print(f"missing system packages for the tests: {' '.join(missing)} "
              "(install them with your package manager)", file=sys.stderr)
        return
    install = ["apt-get", "install", "-y", "-q", *missing]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    if subprocess.run(install, env=env, stdout=subprocess.DEVNULL).returncode:
        subprocess.run(["apt-get", "update", "-q"], env=env, stdout=subprocess.DEVNULL)
        check(install)


def check(cmd: list[str]) -> None:
    status = run(cmd)
    if status:
        sys.exit(f"set-up step failed (exit {status}): {' '.join(cmd)}")


def run(cmd: list[str], **environment: str) -> int:
    env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false", **environment}
    return subprocess.run(cmd, cwd=ROOT, env=env).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
