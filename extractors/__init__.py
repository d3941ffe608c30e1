"""Pure stage code: discover/fetch, html/text → article, cleaning, dedupe, events."""

from pathlib import Path

from extractors.native import current_build as _current_build

# The data the stages read (a compiled module's own __file__ lies in its build, not here).
SEEDS_DIR = Path(__file__).resolve().parents[1] / "seeds"

# The compiled event extraction, where its build matches these sources (see native.py):
# found before the .py files; its runtime library is a top-level module beside them.
if (_build := _current_build()) is not None:
    __path__.insert(0, str(_build / "extractors"))
    import sys as _sys

    _sys.path.append(str(_build))
