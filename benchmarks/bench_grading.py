"""How long an instructor waits to grade a class: 30 submissions, one and two at a time.

Each submission is a copy of the solved Nernst exercise notebook (every cell runs, the
explorers included), graded by the command line as an instructor runs it, from the start
of the process to the gradebook written.
"""

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOLVED = ROOT / "exercises" / "solutions" / "nernst.ipynb"
CLASS_SIZE = 30
JOBS = (1, 2)


def grade_folder(folder, jobs):
    """Grade every file in ``folder`` with ``--jobs jobs``; return the wall time in s."""
    command = [sys.executable, "-m", "widgets.grading", str(folder), "--jobs", str(jobs)]
    command += ["--csv", str(folder.parent / f"gradebook-{jobs}.csv")]
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def main():
    """Print the total and per-submission time for a class, for each number of jobs."""
    root = Path(tempfile.mkdtemp(prefix="rp-grading-bench-"))
    try:
        folder = root / "submissions"
        folder.mkdir()
        for number in range(CLASS_SIZE):
            shutil.copy(SOLVED, folder / f"learner-{number:02d}.ipynb")
        for jobs in JOBS:
            total = grade_folder(folder, jobs)
            label = f"grade {CLASS_SIZE} submissions, --jobs {jobs}"
            print(f"{label:<58s} {total:8.1f} s   {total / CLASS_SIZE:6.2f} s per submission")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
