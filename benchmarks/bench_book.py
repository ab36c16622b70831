"""How long a reader waits for the site: a clean build, then a rebuild after touching one chapter.

Both builds execute the notebooks (``execute_notebooks: force``). The rebuild
runs without ``--all``, as an author would after editing one chapter.
"""

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
JUPYTER_BOOK = Path(sys.executable).parent / "jupyter-book"
TOUCHED = ROOT / "chapters" / "nernst.ipynb"


def build(out, clean):
    """Build the book into ``out``; return the wall time in s."""
    command = [str(JUPYTER_BOOK), "build", "--path-output", str(out), str(ROOT)]
    if clean:
        command.insert(2, "--all")
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def main():
    """Print the clean build time and the rebuild time after touching one chapter."""
    out = Path(tempfile.mkdtemp(prefix="rp-book-bench-"))
    try:
        clean = build(out, clean=True)
        TOUCHED.touch()
        rebuild = build(out, clean=False)
    finally:
        shutil.rmtree(out, ignore_errors=True)
    print(f"{'book build, clean (--all), notebooks executed':<58s} {clean:8.1f} s")
    print(f"{'book rebuild after touching ' + TOUCHED.name:<58s} {rebuild:8.1f} s")


if __name__ == "__main__":
    main()
