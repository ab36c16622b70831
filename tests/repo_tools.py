"""Shared by the slow tests and the benchmarks: copy the repository, build the book.

``tests/`` is on ``sys.path`` for every test (pytest inserts the folder of
``tests/conftest.py``); benchmarks insert it themselves.
"""

import os
import shutil
import subprocess
import sys
import tempfile
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
    return BookBuildProcess(out_dir).result()


class BookBuildProcess:
    """A book build started in the background; :meth:`result` waits for its outcome.

    The session's tests start it before the unit tests and notebooks run, so on a
    two-core machine the build's kernel and Sphinx work beside them instead of after.
    """

    def __init__(self, out_dir):
        command = [str(BIN / "jupyter-book"), "build", "--all", "-W", "-n", "--keep-going"]
        command += ["--path-output", str(out_dir), str(ROOT)]
        self.html = Path(out_dir) / "_build" / "html"
        self._log = tempfile.TemporaryFile(mode="w+")  # a pipe could fill and stall the build
        self._process = subprocess.Popen(
            command,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, **JUPYTER_ENV},
        )

    def result(self, timeout=1200):
        """Wait for the build (at most ``timeout`` s) and return its :class:`BookBuild`."""
        try:
            returncode = self._process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            returncode = self.stop()
        self._log.seek(0)
        return BookBuild(self.html, returncode, self._log.read())

    def stop(self):
        """End the build if it still runs (a session stopped early); return its exit code."""
        if self._process.poll() is None:
            self._process.kill()
        return self._process.wait()


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
