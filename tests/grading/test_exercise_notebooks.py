"""The exercise notebooks run top to bottom: every solution passes, every blank is unattempted,
and the grader agrees with the feedback the learner saw in the notebook.

Each test runs for every chapter's exercise set (``exercises/solutions/*.ipynb``).
"""

from pathlib import Path

import pytest

from widgets.grading.feedback import GRADE_KEY
from widgets.grading.grader import collect, grade_notebook
from widgets.grading.kernel import execute
from widgets.grading.notebook import answer_cells, listed_problems, read_notebook

pytestmark = pytest.mark.slow  # each notebook starts a kernel

ROOT = Path(__file__).resolve().parents[2]
SLUGS = sorted(path.stem for path in (ROOT / "exercises" / "solutions").glob("*.ipynb"))


@pytest.fixture(scope="module", params=SLUGS)
def slug(request):
    return request.param


@pytest.fixture(scope="module")
def solved_run(slug):
    nb = read_notebook(ROOT / "exercises" / "solutions" / f"{slug}.ipynb")
    return nb, execute(nb)


@pytest.fixture(scope="module")
def learner_run(slug):
    nb = read_notebook(ROOT / "exercises" / f"{slug}.ipynb")
    return nb, execute(nb)


def assert_ran_without_error(run):
    _, execution = run
    assert execution.errors == {}, f"cells failed: {execution.errors}"
    assert execution.stopped_at is None
    assert not execution.output_dropped, "an exercise notebook outgrew the grader's output limit"


def test_solved_notebook_runs_without_error(solved_run):
    assert_ran_without_error(solved_run)


def test_learner_notebook_runs_without_error(learner_run):
    assert_ran_without_error(learner_run)


def test_every_solution_is_correct(solved_run):
    nb, execution = solved_run
    grades = collect(execution, listed_problems(nb))
    assert len(grades) >= 6
    wrong = {g.problem: g.message for g in grades if g.status != "correct"}
    assert not wrong, f"solutions that do not pass their own check: {wrong}"
    assert all(g.points == g.max_points > 0 for g in grades)


def test_every_blank_is_not_attempted(learner_run):
    nb, execution = learner_run
    grades = collect(execution, listed_problems(nb))
    assert [g.status for g in grades] == ["not attempted"] * len(listed_problems(nb))
    assert sum(g.points for g in grades) == 0


def displayed_grades(executed):
    """Problem -> the payload its check cell displayed, as the learner saw it."""
    return {
        output.metadata[GRADE_KEY]["problem"]: output.metadata[GRADE_KEY]
        for cell in executed.cells
        for output in cell.get("outputs", [])
        if GRADE_KEY in output.get("metadata", {})
    }


def assert_grader_agrees_with_the_notebook(run):
    nb, execution = run
    shown = displayed_grades(execution.notebook)
    grades = collect(execution, listed_problems(nb))
    assert set(shown) == {g.problem for g in grades}, "a problem without a check cell"
    for grade in grades:
        seen = shown[grade.problem]
        assert (grade.status, grade.points, grade.message) == (
            seen["status"],
            seen["points"],
            seen["message"],
        ), f"{grade.problem}: the learner saw {seen['status']}, the grader gave {grade.status}"
        assert not grade.overclaimed


def test_the_grader_agrees_with_the_solved_notebook(solved_run):
    assert_grader_agrees_with_the_notebook(solved_run)


def test_the_grader_agrees_with_the_learner_copy(learner_run):
    assert_grader_agrees_with_the_notebook(learner_run)


def test_each_check_shows_its_feedback_once(solved_run):
    _, execution = solved_run
    check_cells = [c for c in execution.notebook.cells if c.source.startswith("check(")]
    assert check_cells
    for cell in check_cells:
        kinds = [output.output_type for output in cell.outputs]
        assert kinds == ["display_data"], f"{cell.source}: outputs {kinds} (echoed twice?)"
        assert set(cell.outputs[0].data) == {"text/html", "text/plain"}
        assert cell.outputs[0].metadata[GRADE_KEY]["status"] == "correct"


def test_a_crashed_kernel_costs_only_the_problems_after_it():
    nb = read_notebook(ROOT / "exercises" / "nernst.ipynb")
    (first, _), (second, _) = answer_cells(nb)[:2]
    nb.cells[first].source = "answer = -89.06"
    nb.cells[second].source = "import os\nos._exit(1)"  # the kernel process ends
    grades = grade_notebook(nb)
    assert grades[0].status == "correct"
    assert grades[1].status == "error" and "kernel stopped" in grades[1].message
    assert all("earlier problem" in g.message for g in grades[2:])
