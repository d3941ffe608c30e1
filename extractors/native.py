"""The event extraction's modules compiled to C by mypyc, where a build of them is current.

The sources stay plain Python; mypyc compiles the same files (which must type-check under
mypy) into extension modules that run the extraction about 1.5x faster
(benchmarks/events_quality.py measures both in one run). `modelwatch-compile` (`main`
here) builds them into the venv, never beside the sources; bootstrap.py runs it. The
package (`extractors/__init__.py`) looks there first only while the build's stamp matches
the sources as they are now, so an edited source is never shadowed by an old build: until
the next build it simply runs interpreted. MODELWATCH_NATIVE=0 runs it interpreted regardless;
the test command sets MODELWATCH_NATIVE=1, under which a test fails unless it runs compiled.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import tempfile
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

# The modules of the event stage's inner loop (events.py calls the others per sentence).
COMPILED = ("normalize", "prefilter", "dates", "gazetteer", "discovery", "events")
SOURCE_DIR = Path(__file__).resolve().parent
BUILD_DIR = Path(sys.prefix) / "modelwatch-native"
_STAMP_FILE = "sources.sha256"
# "0": run interpreted even where a build is current; "1": the compiled modules are expected
SWITCH = "MODELWATCH_NATIVE"


def source_stamp(source_dir: Path = SOURCE_DIR) -> str:
    """A digest of every module of the package and of the Python they are compiled for.

    (All of them, not only the compiled ones: compiled code takes the types of what it
    imports from the package as they were when it was built.)"""
    digest = hashlib.sha256(sys.implementation.cache_tag.encode())
    for path in sorted(source_dir.glob("*.py")):
        digest.update(b"\0" + path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def is_current(build_dir: Path = BUILD_DIR, source_dir: Path = SOURCE_DIR) -> bool:
    """Whether `build_dir` holds a build of the sources as they are now."""
    try:
        stamp = (build_dir / _STAMP_FILE).read_text()
    except OSError:
        return False
    return stamp == source_stamp(source_dir)


def current_build(build_dir: Path = BUILD_DIR, source_dir: Path = SOURCE_DIR) -> Path | None:
    """The directory of the compiled modules to use: a current build, unless switched off."""
    if os.environ.get(SWITCH) == "0" or not is_current(build_dir, source_dir):
        return None
    return build_dir


def is_compiled(module: object) -> bool:
    """Whether an imported module is a compiled one (an extension module, not a .py file)."""
    return str(getattr(module, "__file__", "")).endswith(tuple(EXTENSION_SUFFIXES))


def build(build_dir: Path = BUILD_DIR) -> Path:
    """Compiles COMPILED into `build_dir`, replacing what is there, and stamps it.

    Raises what mypy or the C compiler raise (a type error stops mypyc)."""
    from mypyc.build import mypycify  # (build-time tools: imported only to build)
    from setuptools import setup

    stamp = source_stamp()
    sources = [str(SOURCE_DIR / f"{name}.py") for name in COMPILED]
    with tempfile.TemporaryDirectory(prefix="modelwatch-native-") as temp:
        work = Path(temp)
        extensions = mypycify(
            [*sources, "--cache-dir", str(work / "mypy-cache"), "--ignore-missing-imports"],
            target_dir=str(work / "c"),
        )
        staging = work / "lib"
        setup(name="modelwatch-native", ext_modules=extensions, script_args=[
            "--quiet", "build_ext", "--build-lib", str(staging),
            "--build-temp", str(work / "objects")])
        (staging / _STAMP_FILE).write_text(stamp)
        shutil.rmtree(build_dir, ignore_errors=True)
        shutil.copytree(staging, build_dir)
    return build_dir


def main() -> int:
    # (whether the build is current, not whether it is used: MODELWATCH_NATIVE=0 in the
    # environment must not make every set-up compile again)
    if is_current():
        print(f"compiled event extraction is current: {BUILD_DIR}")
        return 0
    print(f"compiling the event extraction with mypyc into {BUILD_DIR} (about a minute)",
          flush=True)
    build()
    return 0

