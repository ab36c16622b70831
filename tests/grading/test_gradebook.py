"""Grading a class: every file gets a row saying why, in a CSV a spreadsheet imports."""

import ast
import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from widgets.grading import cli, gradebook
from widgets.grading.checks import PROBLEMS
from widgets.grading.gradebook import (
    Progress,
    find_submissions,
    grade_class,
    grade_submission,
    rows,
    write_csv,
)
from widgets.grading.grader import Grade, Submission
from widgets.grading.notebook import answer_cells

ROOT = Path(__file__).resolve().parents[2]
SOLVED = ROOT / "exercises" / "solutions" / "nernst.ipynb"
LEARNER = ROOT / "exercises" / "nernst.ipynb"
NERNST = [p for p in PROBLEMS if p.startswith("nernst-")]
FULL_MARKS = sum(PROBLEMS[p].points for p in NERNST)


def touch(path, text=""):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_folders_are_searched_recursively_skipping_hidden_files(tmp_path):
    class_dir = tmp_path / "class"
    files = [touch(class_dir / name) for name in ("b.ipynb", "a.ipynb", "carol/nernst.ipynb")]
    touch(class_dir / ".ipynb_checkpoints" / "a-checkpoint.ipynb")
    touch(class_dir / ".DS_Store")
    single = touch(tmp_path / "late.ipynb")
    found = find_submissions([single, class_dir, files[0]])
    assert found == [single, files[1], files[0], files[2]]


def test_a_file_that_is_no_exercise_gets_a_row_saying_why(tmp_path):
    cases = {
        "empty.ipynb": ("", "is empty"),
        "broken.ipynb": ('{"cells": [', "not a Jupyter notebook"),
        "essay.pdf": ("%PDF-1.7", "not a Jupyter notebook"),
        "chapter.ipynb": (nbformat.writes(nbformat.v4.new_notebook()), "no answer cells"),
    }
    for name, (content, words) in cases.items():
        submission = grade_submission(touch(tmp_path / name, content))
        assert submission.status == "not graded" and words in submission.note, name
        assert submission.grades == ()


def test_a_grader_bug_on_one_file_is_a_row_not_a_crash(tmp_path, monkeypatch):
    def broken(path, limits):
        raise KeyError("surprise")

    monkeypatch.setattr(gradebook, "grade_file", broken)
    submission = grade_submission(tmp_path / "x.ipynb")
    assert submission.status == "not graded" and "KeyError" in submission.note


def test_sequential_runs_report_progress_in_order(tmp_path):
    paths = [touch(tmp_path / f"{name}.ipynb") for name in "abc"]
    seen = []
    submissions = grade_class(paths, jobs=1, progress=seen.append)
    assert [s.path for s in submissions] == [str(p) for p in paths] == [s.path for s in seen]


def grade(problem, points, status="correct"):
    return Grade(problem, status, points, 1, "")


CLASS = [
    Submission("ann.ipynb", (grade("nernst-ek", 1), grade("nernst-ecl", 0, "incorrect"))),
    Submission("bob.ipynb", (grade("nernst-ecl", 1),), "timed out", "cells ran longer"),
    Submission("cat.pdf", (), "not graded", "cat.pdf is not a Jupyter notebook, so: 'quoted'"),
]


def test_gradebook_has_a_column_per_problem_and_a_row_per_submission():
    header, table = rows(CLASS)
    assert header == [
        *("submission", "nernst-ek", "nernst-ecl"),
        *("total", "max_total", "status", "note"),
    ]
    assert table[0] == ["ann.ipynb", "1", "0", "1", "2", "graded", ""]
    assert table[1] == ["bob.ipynb", "", "1", "1", "1", "timed out", "cells ran longer"]
    assert table[2][:6] == ["cat.pdf", "", "", "", "", "not graded"]


def test_csv_round_trips_through_a_spreadsheet_reader():
    file = io.StringIO()
    write_csv(CLASS, file)
    back = list(csv.reader(io.StringIO(file.getvalue())))
    assert back == [rows(CLASS)[0], *rows(CLASS)[1]]


def test_progress_prints_plain_lines_when_not_a_terminal():
    stream = io.StringIO()
    progress = Progress(3, stream)
    for submission in CLASS:
        progress(submission)
    lines = stream.getvalue().splitlines()
    assert lines[0] == "[1/3] ann.ipynb: 1/2 graded"
    assert lines[2].startswith("[3/3] cat.pdf: 0/0 not graded")
    assert "\r" not in stream.getvalue()


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_draws_one_updating_bar_on_a_terminal():
    stream = Terminal()
    progress = Progress(2, stream)
    progress(CLASS[0])
    assert stream.getvalue().startswith("\r[##########..........] 1/2 ann.ipynb")
    assert "\n" not in stream.getvalue(), "the bar is redrawn in place"
    progress(CLASS[1])
    assert stream.getvalue().count("\r") == 2 and stream.getvalue().endswith("\n")
    assert "[####################] 2/2" in stream.getvalue()


def test_summary_lists_each_submission_with_its_total_status_and_note():
    lines = cli.summary(CLASS).splitlines()
    assert lines[0].split() == ["Submission", "Total", "Status", "Note"]
    assert lines[1].split() == ["ann.ipynb", "1/2", "graded"]
    assert lines[2].split()[:4] == ["bob.ipynb", "1/1", "timed", "out"]
    assert lines[3].split()[:4] == ["cat.pdf", "-", "not", "graded"]


def test_an_empty_folder_is_an_error(tmp_path, capsys):
    assert cli.main([str(tmp_path)]) == 2
    assert "no files to grade" in capsys.readouterr().err


def test_bad_jobs_and_memory_are_usage_errors(capsys):
    for option in (["--jobs", "0"], ["--memory", "12"]):
        with pytest.raises(SystemExit) as info:
            cli.main([str(LEARNER), *option])
        assert info.value.code == 2
    assert "whole number of MiB" in capsys.readouterr().err


# --- a class graded by the command line, two submissions at a time ---------------------------


def learner_copy_with(answers, setup=""):
    """The learner copy with some answer cells replaced and code added to the set-up cell."""
    nb = nbformat.read(LEARNER, as_version=4)
    cells = dict((problem, index) for index, problem in answer_cells(nb))
    for problem, source in answers.items():
        nb.cells[cells[problem]].source = source
    setup_cell = next(c for c in nb.cells if "from widgets.grading import check" in c.source)
    setup_cell.source += setup
    return nb


CHEAT = """
from widgets.grading import checks, feedback
def check(problem_id, answer):
    result = checks.grade(problem_id, checks.get_problem(problem_id).expected)
    feedback.show(result)
    return result
"""
EXPECTED = {  # file -> (total, status, words in the note)
    "alice-solved.ipynb": (FULL_MARKS, "graded", ""),
    "bob-blank.ipynb": (0, "graded", ""),
    "carol-timeout.ipynb": (1, "timed out", "nernst-ek"),
    "dan-cheating.ipynb": (1, "graded", "tampering"),
    "erin-broken.ipynb": ("", "not graded", "not a Jupyter notebook"),
    "frank-empty.ipynb": ("", "not graded", "is empty"),
    "gina-essay.docx": ("", "not graded", "not a Jupyter notebook"),
}


@pytest.fixture(scope="module")
def graded_class(tmp_path_factory):
    folder = tmp_path_factory.mktemp("submissions")
    shutil.copy(SOLVED, folder / "alice-solved.ipynb")
    shutil.copy(LEARNER, folder / "bob-blank.ipynb")
    timeout = learner_copy_with(
        {"nernst-ek": "while True:\n    pass", "nernst-ecl": "answer = -64.09"}
    )
    nbformat.write(timeout, folder / "carol-timeout.ipynb")
    wrong = {problem: "answer = 12.3" for problem in NERNST}
    nbformat.write(
        learner_copy_with({**wrong, "nernst-ek": "answer = -89.1"}, CHEAT),
        folder / "dan-cheating.ipynb",
    )
    touch(folder / "erin-broken.ipynb", LEARNER.read_text()[:500])
    touch(folder / "frank-empty.ipynb")
    touch(folder / "gina-essay.docx", "PK\x03\x04")
    shutil.copytree(folder, folder / ".ipynb_checkpoints", ignore=lambda d, names: [])
    csv_path = folder.parent / "gradebook.csv"
    command = [sys.executable, "-m", "widgets.grading", str(folder), "--csv", str(csv_path)]
    command += ["--jobs", "2", "--timeout", "10", "--json"]
    proc = subprocess.run(command, capture_output=True, text=True, timeout=600)
    with open(csv_path, newline="", encoding="utf-8") as file:
        table = list(csv.DictReader(file))
    return proc, table


@pytest.mark.slow
def test_the_class_run_completes_with_a_progress_line_per_file(graded_class):
    proc, _ = graded_class
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    progress = [line for line in proc.stderr.splitlines() if line.startswith("[")]
    assert len(progress) == len(EXPECTED), "one plain progress line per submission"


@pytest.mark.slow
def test_json_gradebook_agrees_with_the_csv(graded_class):
    proc, table = graded_class
    book = json.loads(proc.stdout)
    assert book["schema"] == 2 and book["timeout"] == 10
    rows = {row["submission"]: row for row in table}
    for entry in book["submissions"]:
        row = rows[entry["submission"]]
        assert (entry["status"], entry["note"]) == (row["status"], row["note"])
        points = {grade["problem"]: f"{grade['points']:g}" for grade in entry["problems"]}
        assert points == {p: row[p] for p in points}
        if entry["status"] == "not graded":
            assert entry["problems"] == [] and row["total"] == ""


@pytest.mark.slow
def test_the_gradebook_has_the_right_row_for_every_file(graded_class):
    _, table = graded_class
    by_name = {Path(row["submission"]).name: row for row in table}
    assert list(by_name) == sorted(EXPECTED), "one row per file, hidden folders skipped"
    for name, (total, status, words) in EXPECTED.items():
        row = by_name[name]
        assert (row["total"], row["status"]) == (str(total), status), (name, row)
        assert words in row["note"], (name, row["note"])


@pytest.mark.slow
def test_the_gradebook_has_each_problems_points(graded_class):
    _, table = graded_class
    by_name = {Path(row["submission"]).name: row for row in table}
    assert list(table[0])[1 : 1 + len(NERNST)] == NERNST
    assert all(by_name["alice-solved.ipynb"][p] == str(PROBLEMS[p].points) for p in NERNST)
    assert [by_name["carol-timeout.ipynb"][p] for p in NERNST[:2]] == ["0", "1"]
    cheat = by_name["dan-cheating.ipynb"]
    assert [cheat[p] for p in NERNST] == ["1"] + ["0"] * (len(NERNST) - 1)
    assert all(by_name["erin-broken.ipynb"][p] == "" for p in NERNST)
    graded = {row["max_total"] for row in table if row["status"] != "not graded"}
    assert graded == {str(FULL_MARKS)}


@pytest.mark.slow
def test_parallel_jobs_share_no_kernel_and_no_folder(tmp_path):
    # Each notebook creates a file that must not exist yet and reports its kernel and folder.
    source = (
        "import os\n"
        "open('mine.txt', 'x').close()\n"
        "answer = f'{os.getpid()} {os.getcwd()} {sorted(os.listdir())}'"
    )
    paths = []
    for name in ("one", "two"):
        nb = nbformat.v4.new_notebook()
        cell = nbformat.v4.new_code_cell(source, metadata={"tags": ["answer"]})
        cell.metadata["grading"] = {"problem": "nernst-ek"}
        nb.cells.append(cell)
        paths.append(tmp_path / f"{name}.ipynb")
        nbformat.write(nb, paths[-1])
    one, two = (s.grades[0] for s in grade_class(paths, jobs=2))
    assert one.status == two.status == "invalid", (one, two)  # text, not a number: but it ran
    (pid_1, cwd_1, files_1), (pid_2, cwd_2, files_2) = (
        ast.literal_eval(g.answer).split(" ", 2) for g in (one, two)
    )
    assert pid_1 != pid_2 and cwd_1 != cwd_2
    assert files_1 == files_2 == "['mine.txt']"
    assert str(tmp_path) not in cwd_1 + cwd_2, "a kernel worked in the submissions' folder"
