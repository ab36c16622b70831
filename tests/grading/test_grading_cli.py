"""The grading CLI on solved, blank and broken notebooks, and on paths that are not notebooks."""

import json
import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from widgets.grading import cli, grader
from widgets.grading.checks import PROBLEMS
from widgets.grading.notebook import answer_cells

ROOT = Path(__file__).resolve().parents[2]
SOLVED = ROOT / "exercises" / "solutions" / "nernst.ipynb"
LEARNER = ROOT / "exercises" / "nernst.ipynb"
CLI = [sys.executable, "-m", "widgets.grading"]
NERNST = [PROBLEMS[p] for p in PROBLEMS if p.startswith("nernst-")]  # the notebooks' problems

# A learner's worst day: each answer cell goes wrong in its own way.
BROKEN_ANSWERS = {
    "nernst-ek": "answer = -89.06",  # right, and must not leak into the next problem
    "nernst-ecl": "raise RuntimeError('my calculation broke')",
    "nernst-ek-cooling": "while True:\n    pass",
    "nernst-k-out": "answer = '7 mM'",
    "nernst-decade": "answer = 10",  # right, after the endless loop
    "nernst-eca": "answer = 132 mV",  # a SyntaxError: the cell does not run at all
    "nernst-driving-force": "answer = 19.06e-3",  # volts, not mV
    "nernst-ions-estimate": "answer = 7e6",  # an estimate, right within its factor
}
EXPECTED_BROKEN = {
    "nernst-ek": ("correct", "E_K"),
    "nernst-ecl": ("error", "RuntimeError: my calculation broke"),
    "nernst-ek-cooling": ("error", "longer than 5 s"),
    "nernst-k-out": ("invalid", "without quotes or units"),
    "nernst-decade": ("correct", "fold"),
    "nernst-eca": ("error", "SyntaxError"),
    "nernst-driving-force": ("incorrect", "in V"),
    "nernst-ions-estimate": ("correct", "K+ ions"),
}


def write_broken(path):
    nb = nbformat.read(LEARNER, as_version=4)
    for index, problem in answer_cells(nb):
        nb.cells[index].source = BROKEN_ANSWERS[problem]
    nbformat.write(nb, path)


def run(*args):
    return subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """Grade three notebooks at once (one kernel each), recording the learner files' state."""
    broken = tmp_path_factory.mktemp("learner") / "nernst.ipynb"
    write_broken(broken)
    before = {path: (path.read_bytes(), os.stat(path).st_mtime_ns) for path in (LEARNER, broken)}
    commands = {
        "solved": [SOLVED, "--json"],
        "blank": [LEARNER],
        "broken": [broken, "--json", "--timeout", "5"],
    }
    procs = {
        name: subprocess.Popen(
            [*CLI, *map(str, args)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for name, args in commands.items()
    }
    results = {name: (proc, *proc.communicate(timeout=120)) for name, proc in procs.items()}
    return results, before, broken


EXPECTED_KEYS = ("problem", "status", "points", "max_points", "message", "answer", "shown")


def by_problem(report):
    return {row["problem"]: row for row in report["problems"]}


@pytest.mark.slow
def test_solved_notebook_scores_full_marks(runs):
    proc, out, err = runs[0]["solved"]
    assert proc.returncode == 0, err
    report = json.loads(out)
    assert report["score"] == report["max_score"] == sum(p.points for p in NERNST)
    assert {row["status"] for row in report["problems"]} == {"correct"}


@pytest.mark.slow
def test_json_report_schema(runs):
    report = json.loads(runs[0]["solved"][1])
    keys = {"schema", "notebook", "timeout", "status", "note", "problems", "score", "max_score"}
    assert set(report) == keys
    assert report["schema"] == 2 and report["timeout"] == 30
    assert (report["status"], report["note"]) == ("graded", "")
    for row in report["problems"]:
        assert set(row) == {*EXPECTED_KEYS}
        assert isinstance(row["points"], int | float) and isinstance(row["message"], str)
        assert row["shown"] == row["status"], "the notebook's check and the grader disagree"


@pytest.mark.slow
def test_blank_notebook_prints_a_table_of_unattempted_problems(runs):
    proc, out, err = runs[0]["blank"]
    assert proc.returncode == 0, err
    lines = out.strip().splitlines()
    assert lines[0].split()[:3] == ["Problem", "Status", "Points"]
    rows = lines[1:-1]
    assert len(rows) == len(NERNST)
    assert all("not attempted" in row and " 0/1 " in row for row in rows)
    assert lines[-1].split() == ["Total", f"0/{sum(p.points for p in NERNST)}"]


@pytest.mark.slow
def test_broken_notebook_still_grades_every_problem(runs):
    proc, out, err = runs[0]["broken"]
    assert proc.returncode == 0, err
    report = json.loads(out)
    rows = by_problem(report)
    assert list(rows) == list(BROKEN_ANSWERS), "every problem gets a row, in notebook order"
    for problem, (status, words) in EXPECTED_BROKEN.items():
        assert rows[problem]["status"] == status, (problem, rows[problem])
        assert words in rows[problem]["message"], (problem, rows[problem]["message"])
    assert report["score"] == 3  # problems 1 and 5, and the estimate
    assert report["status"] == "timed out" and "nernst-ek-cooling" in report["note"]


@pytest.mark.slow
def test_grading_never_touches_the_learner_file(runs):
    _, before, broken = runs
    for path, (content, mtime) in before.items():
        assert path.read_bytes() == content, f"{path} was rewritten"
        assert os.stat(path).st_mtime_ns == mtime, f"{path} was touched"
    assert sorted(p.name for p in broken.parent.iterdir()) == ["nernst.ipynb"]


@pytest.mark.slow
def test_no_traceback_reaches_the_terminal(runs):
    for name, (_, _, err) in runs[0].items():
        assert "Traceback" not in err, f"{name}: {err}"


def bad_path(kind, folder):
    """Return a path of the given kind of wrongness inside ``folder``."""
    path = folder / f"{kind}.ipynb"
    if kind == "directory":
        return folder
    if kind == "not-json":
        path.write_text("hello")
    if kind == "empty":
        path.write_text("")
    if kind == "no-answers":
        nbformat.write(nbformat.v4.new_notebook(), path)
    return path


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        ("missing", "no such file"),
        ("directory", "directory"),
        ("not-json", "not a Jupyter"),
        ("empty", "is empty"),
        ("no-answers", "no answer cells"),
    ],
)
def test_bad_paths_exit_non_zero_with_a_plain_message(tmp_path, capsys, kind, words):
    assert cli.main([str(bad_path(kind, tmp_path))]) == 2
    out, err = capsys.readouterr()
    assert words in err and out == ""


def test_bad_timeout_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as info:
        cli.main([str(LEARNER), "--timeout", "-1"])
    assert info.value.code == 2
    assert "whole number of seconds" in capsys.readouterr().err


@pytest.mark.slow  # a fresh interpreter importing nbformat takes about 2 s
def test_exit_code_and_message_from_a_real_process(tmp_path):
    proc = run(tmp_path / "missing.ipynb")
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"error: no such file: {tmp_path / 'missing.ipynb'}"


def test_a_kernel_that_cannot_start_is_reported_without_traceback(monkeypatch, capsys):
    def no_kernel(nb, limits):
        raise RuntimeError("could not run the notebook in a python3 kernel: No such kernel")

    monkeypatch.setattr(grader, "execute", no_kernel)
    assert cli.main([str(LEARNER)]) == 3
    assert "No such kernel" in capsys.readouterr().err
