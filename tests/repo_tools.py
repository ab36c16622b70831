"""Shared by the slow tests and the benchmarks: copy the repository, build the book.

``tests/`` is on ``sys.path`` for every test (pytest inserts the folder of
``tests/conftest.py``); benchmarks insert it themselves.
"""

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent  # the virtualenv's jupyter, jupyter-book
# Prefer the virtualenv's kernel and settings over anything user-wide.
JUPYTER_ENV = {"JUPYTER_PREFER_ENV_PATH": "1", "PYDEVD_DISABLE_FILE_VALIDATION": "1"}


@dataclass(frozen=True)
class BookBuild:
    """The outcome of one book build: the ``html`` folder, exit code and full log."""

    html: Path
    returncode: int
    log: str


def build_book(out_dir):
    """Build the whole book as CI does (clean, warnings as errors) into ``out_dir``."""
    command = [str(BIN / "jupyter-book"), "build", "--all", "-W", "-n", "--keep-going"]
    command += ["--path-output", str(out_dir), str(ROOT)]
    result = subprocess.run(
        command, capture_output=True, text=True, timeout=1200, env={**os.environ, **JUPYTER_ENV}
    )
    html = Path(out_dir) / "_build" / "html"
    return BookBuild(html, result.returncode, result.stdout + result.stderr)


def copy_repository(dest):
    """Copy the repository's files (tracked, or new and not ignored) into ``dest``.

    New files are included because a change under review is not committed yet; ignored
    ones (``.venv``, ``_build``, ``artifacts``) are not. On a clean clone this is
    exactly what Binder and a newcomer get.
    """
    listing = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for name in filter(None, listing.split("\0")):
        source = ROOT / name
        if source.is_file():  # a tracked file deleted in the work tree is skipped
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    return dest
