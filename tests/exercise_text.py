"""Shared by the problem-set tests: the text an exercise notebook shows for a problem.

``tests/`` is on ``sys.path`` for every test (pytest inserts the folder of
``tests/conftest.py``).
"""

from pathlib import Path

from widgets.grading.notebook import read_notebook

ROOT = Path(__file__).resolve().parents[1]


def statement(slug, problem_id):
    """Return the markdown between the previous answer cell and this problem's, one line."""
    nb = read_notebook(ROOT / "exercises" / "solutions" / f"{slug}.ipynb")
    text, collected = [], []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            collected.append(cell.source)
        if cell.metadata.get("grading", {}).get("problem") == problem_id:
            text = collected
            break
        if "grading" in cell.metadata:
            collected = []
    return " ".join(" ".join(text).split())
