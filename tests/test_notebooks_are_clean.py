"""Notebooks are committed without outputs, so diffs stay readable and nothing stale ships."""

from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = [
    *sorted(ROOT.glob("chapters/*.ipynb")),
    *sorted(ROOT.glob("exercises/**/*.ipynb")),
    *sorted(ROOT.glob("*.ipynb")),  # the back matter's pages
]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT)))
def test_notebook_has_no_outputs_and_uses_tags_not_comments(path):
    nb = nbformat.read(path, as_version=4)
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            assert not cell.outputs, f"cell {index} of {path.name} has stored outputs"
            assert cell.execution_count is None, f"cell {index} of {path.name} has a count"
        assert "# NBVAL_" not in cell.source, f"cell {index}: use cell tags, not NBVAL comments"
    assert nb.metadata["kernelspec"]["name"] == "python3"
