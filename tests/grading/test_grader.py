"""The grader's verdicts come from answer values it parses itself, never from the notebook.

These tests build the record of an execution by hand (no kernel): the replies the
kernel would send, failed cells, a dead kernel, and what the notebook's checks displayed.
"""

import nbformat
import pytest
from test_choice import DEMO

from widgets.grading import checks, grader
from widgets.grading.feedback import GRADE_KEY, as_json
from widgets.grading.grader import collect, grade_file
from widgets.grading.kernel import Execution
from widgets.grading.limits import Limits

PROBLEMS = ["nernst-ek", "nernst-ecl", "nernst-eca"]
CHOICE = DEMO  # a choice problem: "a" is right, "b" and "c" are misconceptions


def notebook(problems=PROBLEMS, shown=None):
    """An executed exercise notebook: answer cell and check cell per problem.

    ``shown`` maps a problem to the payload its check cell displayed.
    """
    nb = nbformat.v4.new_notebook()
    for problem in problems:
        answer = nbformat.v4.new_code_cell("answer = ...", metadata={"tags": ["answer"]})
        answer.metadata["grading"] = {"problem": problem}
        check = nbformat.v4.new_code_cell(f'check("{problem}", answer)')
        if shown and problem in shown:
            metadata = {GRADE_KEY: shown[problem]}
            data = {"text/plain": "..."}
            check.outputs = [nbformat.v4.new_output("display_data", data, metadata=metadata)]
        nb.cells += [answer, check]
    return nb


def answered(text):
    """The kernel's user-expression result for an answer whose repr is ``text``."""
    return {"status": "ok", "data": {"text/plain": repr(text)}, "metadata": {}}


def run(answers, problems=PROBLEMS, **kwargs):
    """Grades of a notebook whose i-th problem's answer has repr ``answers[i]``."""
    nb = notebook(problems, kwargs.pop("shown", None))
    replies = {2 * i: answered(text) for i, text in enumerate(answers) if text is not None}
    return collect(Execution(nb, answers=replies, **kwargs), problems)


@pytest.mark.parametrize(
    "answer", [-89.06, -0.08906, 89.06, 12.3, "-89 mV", None, float("nan"), [1, 2], ...]
)
def test_the_grade_is_the_check_of_the_value_read(answer):
    (grade,) = run([repr(answer)], ["nernst-ek"])
    expected = checks.grade("nernst-ek", answer)
    assert (grade.status, grade.points, grade.message) == (
        expected.status,
        expected.points,
        expected.message,
    )
    assert grade.answer == repr(answer)


def test_numpy_answers_grade_like_their_values():
    (grade,) = run(["np.float64(-89.0593)"], ["nernst-ek"])
    assert grade.status == "correct" and grade.points == 1


@pytest.mark.parametrize(
    ("typed", "status", "words"),
    [
        ("'a'", "correct", "negative interior"),
        ("' A '", "correct", "negative interior"),
        ("np.str_('a')", "correct", "negative interior"),
        ("'b'", "incorrect", "it is an anion"),
        ("'z'", "invalid", 'no option "z"'),
        ("-1.0", "invalid", "the number -1.0"),
    ],
)
def test_choice_answers_are_letters_read_from_text(monkeypatch, typed, status, words):
    monkeypatch.setitem(checks.PROBLEMS, CHOICE.id, CHOICE)
    (grade,) = run([typed], [CHOICE.id])
    assert grade.status == status and words in grade.message


def test_an_unreadable_answer_is_invalid_with_a_plain_message():
    (grade,) = run(["<__main__.Liar object at 0x7f00>"], ["nernst-ek"])
    assert (grade.status, grade.points) == ("invalid", 0)
    assert "plain numbers and text" in grade.message and "Liar" in grade.answer


def test_no_reply_in_time_is_invalid():
    nb = notebook(["nernst-ek"])
    (grade,) = collect(Execution(nb, answers={0: None}))
    assert grade.status == "invalid" and "time limit" in grade.message


def test_failed_answer_cell_dead_kernel_and_missing_cells_are_errors():
    nb = notebook()
    execution = Execution(
        nb,
        answers={0: answered("-89.06")},
        errors={2: "ZeroDivisionError: division by zero"},
        stopped_at=2,
    )
    grades = collect(execution, [*PROBLEMS, "nernst-decade"])
    assert [g.status for g in grades] == ["correct", "error", "error", "missing"]
    assert "ZeroDivisionError" in grades[1].message
    assert "earlier problem" in grades[2].message
    assert grades[3].max_points == 1 and grades[3].points == 0


def test_the_kernel_dying_in_an_answer_cell_is_named():
    (grade,) = collect(Execution(notebook(["nernst-ek"]), stopped_at=0))
    assert grade.status == "error" and "kernel stopped" in grade.message


def test_an_unknown_problem_is_an_error_worth_nothing():
    (grade,) = run(["1.0"], ["nernst-from-the-future"])
    assert (grade.status, grade.points, grade.max_points) == ("error", 0, 0)
    assert "does not know" in grade.message


def test_what_the_notebook_displayed_never_changes_the_grade_and_is_flagged():
    fake = as_json(checks.grade("nernst-ecl", checks.PROBLEMS["nernst-ecl"].expected))
    honest = as_json(checks.grade("nernst-ek", -89.06))
    grades = run(["-89.06", "12.3"], PROBLEMS[:2], shown={"nernst-ek": honest, "nernst-ecl": fake})
    assert [(g.status, g.points) for g in grades] == [("correct", 1), ("incorrect", 0)]
    assert [g.shown for g in grades] == ["correct", "correct"]
    assert [g.overclaimed for g in grades] == [False, True]


def test_a_displayed_status_that_is_no_status_is_ignored():
    fake = {"problem": "nernst-ek", "status": "CORRECT (trust me)", "points": 99}
    (grade,) = run(["12.3"], ["nernst-ek"], shown={"nernst-ek": fake})
    assert grade.shown is None and grade.points == 0


@pytest.fixture
def graded_file(tmp_path, monkeypatch):
    """Grade a file whose execution is given, without a kernel."""
    path = tmp_path / "learner.ipynb"
    nbformat.write(notebook(), path)

    def grade(**execution):
        monkeypatch.setattr(grader, "execute", lambda nb, limits: Execution(nb, **execution))
        return grade_file(path, Limits(timeout=7))

    return grade


def test_a_notebook_that_ran_is_graded_without_a_note(graded_file):
    submission = graded_file(answers={i: answered("-89.06") for i in (0, 2, 4)})
    assert (submission.status, submission.note) == ("graded", "")
    assert (submission.score, submission.max_score) == (1, 3)


def test_time_outs_and_a_dead_kernel_say_where(graded_file):
    timed_out = graded_file(errors={2: "Timeout: ..."}, timed_out=[2], answers={0: None})
    assert timed_out.status == "timed out"
    assert "longer than 7 s" in timed_out.note and "nernst-ecl" in timed_out.note
    stopped = graded_file(stopped_at=3, answers={0: None, 2: None})
    assert stopped.status == "kernel stopped" and "in nernst-ecl" in stopped.note


def test_a_file_that_is_no_exercise_raises_a_notebook_error(tmp_path):
    path = tmp_path / "empty.ipynb"
    path.write_text("  \n")
    with pytest.raises(ValueError, match="is empty"):
        grade_file(path)
    nbformat.write(nbformat.v4.new_notebook(), path)
    with pytest.raises(ValueError, match="no answer cells"):
        grade_file(path)
