"""Exercise notebooks as files: the learner copy is generated from the solved one, in sync.

The tests run for every solved notebook in ``exercises/solutions/``; the statements'
numbers are checked per chapter (``test_<slug>_problems.py``).
"""

from pathlib import Path

import nbformat
import pytest

from widgets.grading import learner_copy as generator
from widgets.grading.notebook import (
    NotebookError,
    answer_cells,
    blank_source,
    learner_copy,
    listed_problems,
    read_notebook,
)
from widgets.grading.problems import PROBLEM_SETS

ROOT = Path(__file__).resolve().parents[2]
SLUGS = sorted(path.stem for path in (ROOT / "exercises" / "solutions").glob("*.ipynb"))
SOLVED = ROOT / "exercises" / "solutions" / "nernst.ipynb"
LEARNER = ROOT / "exercises" / "nernst.ipynb"


@pytest.fixture(scope="module", params=SLUGS)
def slug(request):
    return request.param


@pytest.fixture(scope="module")
def solved(slug):
    return read_notebook(ROOT / "exercises" / "solutions" / f"{slug}.ipynb")


@pytest.fixture(scope="module")
def learner(slug):
    return read_notebook(ROOT / "exercises" / f"{slug}.ipynb")


def shape(nb):
    """What must agree between the committed and the regenerated learner copy."""
    return [
        (cell.cell_type, cell.source, cell.metadata.get("tags", []), cell.metadata.get("grading"))
        for cell in nb.cells
    ]


def test_committed_learner_copy_is_the_regenerated_one(slug, solved, learner):
    assert shape(learner) == shape(learner_copy(solved)), (
        f"exercises/{slug}.ipynb is stale: run `make exercises` after editing the solutions"
    )
    assert learner.metadata["grading"] == learner_copy(solved).metadata["grading"]


def test_learner_blanks_give_the_unit_and_differ_only_in_answer_cells(solved, learner):
    for mine, theirs in zip(solved.cells, learner.cells, strict=True):
        problem = mine.metadata.get("grading", {}).get("problem")
        if problem is None:
            assert mine.source == theirs.source
        else:
            assert "solution" in mine.metadata.tags and "answer" in theirs.metadata.tags
            assert theirs.source == blank_source(problem)
            assert "answer =" in mine.source, "a solution must assign answer"


def test_blank_comment_names_the_unit_or_the_options():
    assert blank_source("nernst-k-out") == "answer = ...  # your answer in mM"
    assert blank_source("nernst-ions-estimate") == "answer = ...  # a pure number"
    assert blank_source("nernst-channels") == 'answer = ...  # your choice: "a" to "d"'


def test_notebook_opens_with_title_goals_and_setup(learner):
    first, setup = learner.cells[0], learner.cells[1]
    assert first.cell_type == "markdown" and first.source.startswith("# ")
    assert "Learning goals" in first.source
    assert "from widgets.grading import check" in setup.source


def test_every_problem_is_answered_then_checked(slug, learner):
    cells = answer_cells(learner)
    assert [problem for _, problem in cells] == [p.id for p in PROBLEM_SETS[slug].PROBLEMS]
    for index, problem in cells:
        assert learner.cells[index + 1].source == f'check("{problem}", answer)'
    assert listed_problems(learner) == [problem for _, problem in cells]


def test_generator_writes_the_learner_copy(tmp_path, capsys):
    out = tmp_path / "learner.ipynb"
    assert generator.main([str(SOLVED), str(out)]) == 0
    assert shape(read_notebook(out)) == shape(read_notebook(LEARNER))
    assert f"{len(answer_cells(read_notebook(LEARNER)))} answer cells" in capsys.readouterr().out


def test_generator_refuses_a_solution_cell_without_a_problem(tmp_path, capsys):
    broken = read_notebook(SOLVED)
    index = answer_cells(broken)[0][0]
    del broken.cells[index].metadata["grading"]
    broken.cells[index].metadata.tags = ["solution"]
    path = tmp_path / "broken.ipynb"
    nbformat.write(broken, path)
    assert generator.main([str(path), str(tmp_path / "out.ipynb")]) == 2
    assert "names no problem" in capsys.readouterr().err
    assert not (tmp_path / "out.ipynb").exists()


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (None, "no such file"),
        ("print('hi')\n", "not a Jupyter notebook"),
        ("{}", "not a valid"),
        ("[1]", "not a valid"),
        ('{"nbformat": 4, "nbformat_minor": 5, "cells": 3, "metadata": {}}', "not a valid"),
    ],
)
def test_read_notebook_explains_what_is_wrong(tmp_path, content, words):
    path = tmp_path / "file.ipynb"
    if content is not None:
        path.write_text(content)
    with pytest.raises(NotebookError, match=words):
        read_notebook(path)


def test_read_notebook_refuses_a_directory(tmp_path):
    with pytest.raises(NotebookError, match="directory"):
        read_notebook(tmp_path)
