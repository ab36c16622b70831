"""Choice problems end to end: typed into a learner copy, run in a kernel, graded by the CLI.

The learner copy is the generated one (``make exercises``); its choice blanks are filled as a
learner would, right, wrong and malformed, and ``python -m widgets.grading --json`` grades it.
"""

import json
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from widgets.grading.checks import PROBLEMS
from widgets.grading.choice import ChoiceProblem
from widgets.grading.notebook import answer_cells

pytestmark = pytest.mark.slow  # each notebook starts a kernel

ROOT = Path(__file__).resolve().parents[2]
LEARNER = ROOT / "exercises" / "nernst.ipynb"
CLI = [sys.executable, "-m", "widgets.grading"]
CHOICES = [
    p for p in PROBLEMS.values() if isinstance(p, ChoiceProblem) and p.id.startswith("nernst-")
]
PREDICT, STEADY, CHANNELS = "nernst-predict-k-out", "nernst-steady-state", "nernst-channels"
WRONG = next(o for o in PROBLEMS[CHANNELS].options if o.key != PROBLEMS[CHANNELS].answer)

# Two learners, each filling the three choice blanks of the Nernst notebook.
ANSWERS = {
    "first": {
        PREDICT: f'answer = "{PROBLEMS[PREDICT].answer}"',  # right
        CHANNELS: f'answer = "{WRONG.key}"',  # wrong: its own feedback
        STEADY: f"answer = {PROBLEMS[STEADY].answer}",  # no quotes: a NameError
    },
    "second": {
        PREDICT: 'answer = "e"',  # no such option
        CHANNELS: f'answer = "({PROBLEMS[CHANNELS].answer.upper()})"',  # forgiven spelling
        STEADY: "answer = 3",  # a number where a letter belongs
    },
}


def filled(answers, folder):
    nb = nbformat.read(LEARNER, as_version=4)
    for index, problem in answer_cells(nb):
        if problem in answers:
            nb.cells[index].source = answers[problem]
    path = folder / "nernst.ipynb"
    nbformat.write(nb, path)
    return path


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    """Grade both notebooks at once, one kernel each; return problem -> row per learner."""
    folders = {name: tmp_path_factory.mktemp(name) for name in ANSWERS}
    procs = {
        name: subprocess.Popen(
            [*CLI, str(filled(answers, folders[name])), "--json"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name, answers in ANSWERS.items()
    }
    results = {}
    for name, proc in procs.items():
        out, err = proc.communicate(timeout=180)
        assert proc.returncode == 0, err
        assert "Traceback" not in err, err
        results[name] = {row["problem"]: row for row in json.loads(out)["problems"]}
    return results


def test_the_notebook_holds_the_choice_problems():
    assert {p.id for p in CHOICES} == {PREDICT, STEADY, CHANNELS}


def test_a_right_choice_scores_and_explains(reports):
    row = reports["first"][PREDICT]
    assert (row["status"], row["points"], row["max_points"]) == ("correct", 1, 1)
    assert PROBLEMS[PREDICT].explanation in row["message"]


def test_a_wrong_choice_gets_the_feedback_of_its_misconception(reports):
    row = reports["first"][CHANNELS]
    assert (row["status"], row["points"]) == ("incorrect", 0)
    assert row["message"] == WRONG.feedback


def test_a_letter_without_quotes_fails_its_answer_cell_and_costs_only_that_problem(reports):
    row = reports["first"][STEADY]
    assert (row["status"], row["points"]) == ("error", 0)
    assert "NameError" in row["message"]
    assert reports["first"]["nernst-channels"]["status"] == "incorrect", "the next check ran"


def test_a_letter_that_is_no_option_gets_a_plain_message(reports):
    row = reports["second"][PREDICT]
    assert (row["status"], row["points"]) == ("invalid", 0)
    assert 'There is no option "e"' in row["message"] and '"a", "b", "c", "d"' in row["message"]


def test_a_number_for_a_choice_gets_a_plain_message(reports):
    row = reports["second"][STEADY]
    assert row["status"] == "invalid" and "the number 3" in row["message"]


def test_forgiving_spellings_of_the_right_letter_score(reports):
    assert reports["second"][CHANNELS]["status"] == "correct"


def test_blank_numeric_problems_stay_unattempted(reports):
    for rows in reports.values():
        assert rows["nernst-ek"]["status"] == "not attempted"
