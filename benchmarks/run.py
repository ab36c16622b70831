"""Run every benchmark in this folder and print its figures.

Usage: ``python benchmarks/run.py`` (or ``make bench``). Each ``bench_*.py``
module has a ``main()`` that prints its own rows through :mod:`timing`.
"""

import importlib
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent


def main():
    """Import and run ``main()`` of each ``bench_*.py`` module, in name order."""
    sys.path.insert(0, str(HERE))
    for path in sorted(HERE.glob("bench_*.py")):
        print(f"\n== {path.stem} ==")
        importlib.import_module(path.stem).main()


if __name__ == "__main__":
    main()
