"""Grade a class: many submissions, in parallel, into one gradebook (CSV or JSON).

Every file gets a row, whatever is wrong with it: a broken, empty or non-notebook file,
or a notebook whose kernel times out or dies, is "not graded" or flagged with a note that
says why, and never stops the run. Each submission runs in its own kernel, in its own
temporary folder; parallel jobs are separate processes that share nothing.
"""

import csv
import multiprocessing
import os
import shutil
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from widgets.grading.grader import NOT_GRADED, Submission, grade_file

GRADEBOOK_SCHEMA = 2  # bump when the keys of the JSON gradebook change
FIXED_COLUMNS = ("submission", "total", "max_total", "status", "note")


def find_submissions(paths):
    """Return the files to grade: each file given, and every file inside each folder given.

    Files in folders are listed recursively, sorted, skipping hidden files and folders
    (``.ipynb_checkpoints``, ``.DS_Store``). Every other file is a submission, so one
    handed in as a PDF or a script shows up in the gradebook as "not graded".

    Parameters
    ----------
    paths : sequence of str or pathlib.Path
        Files and folders.

    Returns
    -------
    list of pathlib.Path
        Files, in the order given (a folder's files sorted by path), without repeats.
    """
    found = []
    for path in map(Path, paths):
        if path.is_dir():
            found += sorted(
                file
                for file in path.rglob("*")
                if file.is_file() and not _hidden(file.relative_to(path))
            )
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def _hidden(relative):
    return any(part.startswith(".") for part in relative.parts)


def grade_submission(path, limits=None):
    """Grade one file; never raises: a file that cannot be graded gets a row saying why.

    Parameters
    ----------
    path : str or pathlib.Path
        The submission.
    limits : widgets.grading.limits.Limits, optional
        Limits for the learner's code.

    Returns
    -------
    widgets.grading.grader.Submission
    """
    try:
        return grade_file(path, limits)
    except (ValueError, RuntimeError) as err:  # NotebookError is a ValueError
        return Submission(str(path), status=NOT_GRADED, note=str(err))
    except Exception as err:  # a bug in the grader must not stop a class's grading
        return Submission(
            str(path), status=NOT_GRADED, note=f"the grader failed: {type(err).__name__}: {err}"
        )


def grade_class(paths, limits=None, jobs=1, progress=None):
    """Grade every submission, ``jobs`` at a time; return them in the order of ``paths``.

    Parameters
    ----------
    paths : sequence of pathlib.Path
        The submissions (see :func:`find_submissions`).
    limits : widgets.grading.limits.Limits, optional
        Limits for each learner's code.
    jobs : int, optional
        Submissions graded at once, each in its own process and kernel.
    progress : callable, optional
        Called with each :class:`~widgets.grading.grader.Submission` as it is done.

    Returns
    -------
    list of widgets.grading.grader.Submission
    """
    progress = progress or (lambda submission: None)
    if jobs == 1 or len(paths) <= 1:
        done = []
        for path in paths:
            done.append(grade_submission(path, limits))
            progress(done[-1])
        return done
    results = {}
    # "spawn": each worker is a fresh interpreter, safe to fork kernels from on every OS.
    pool = ProcessPoolExecutor(
        min(jobs, len(paths)),
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_exit_with_parent,
        initargs=(os.getpid(),),
    )
    with pool:
        futures = {pool.submit(grade_submission, path, limits): path for path in paths}
        for future in as_completed(futures):
            results[futures[future]] = _result(future, futures[future])
            progress(results[futures[future]])
    return [results[path] for path in paths]


def _exit_with_parent(parent):
    """Stop this worker (and so its kernel) if the grading process is killed."""

    def watch():
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _result(future, path):
    try:
        return future.result()
    except Exception as err:  # the worker process died (killed, out of memory)
        note = f"the grading process failed: {type(err).__name__}: {err}"
        return Submission(str(path), status=NOT_GRADED, note=note)


def problem_columns(submissions):
    """Return every problem id of the submissions, in the order they first appear."""
    return list(dict.fromkeys(g.problem for s in submissions for g in s.grades))


def rows(submissions):
    """Return the gradebook as a header and one row per submission.

    Parameters
    ----------
    submissions : list of widgets.grading.grader.Submission

    Returns
    -------
    header : list of str
        ``submission``, one column per problem, ``total``, ``max_total``, ``status``,
        ``note``.
    table : list of list of str
        Points as numbers; empty cells for a problem a notebook lacks, and for the
        points of a submission that was not graded.
    """
    problems = problem_columns(submissions)
    header = [FIXED_COLUMNS[0], *problems, *FIXED_COLUMNS[1:]]
    table = []
    for submission in submissions:
        points = {grade.problem: f"{grade.points:g}" for grade in submission.grades}
        graded = submission.status != NOT_GRADED
        totals = [f"{submission.score:g}", f"{submission.max_score:g}"] if graded else ["", ""]
        table.append(
            [
                submission.path,
                *(points.get(problem, "") for problem in problems),
                *totals,
                submission.status,
                submission.note,
            ]
        )
    return header, table


def write_csv(submissions, file):
    """Write the gradebook as CSV (see :func:`rows`) to an open text file."""
    header, table = rows(submissions)
    writer = csv.writer(file)
    writer.writerow(header)
    writer.writerows(table)


def as_json(submissions, limits):
    """Return the gradebook as a JSON-ready dict.

    Parameters
    ----------
    submissions : list of widgets.grading.grader.Submission
    limits : widgets.grading.limits.Limits
        The limits the submissions ran under.

    Returns
    -------
    dict
        ``schema``, ``timeout`` and ``submissions``: for each, ``submission`` (the path)
        and the keys of :meth:`~widgets.grading.grader.Submission.as_dict`.
    """
    return {
        "schema": GRADEBOOK_SCHEMA,
        "timeout": limits.timeout,
        "submissions": [{"submission": s.path, **s.as_dict()} for s in submissions],
    }


class Progress:
    """Report each finished submission: a bar on a terminal, plain lines otherwise.

    Parameters
    ----------
    total : int
        Number of submissions.
    stream : file, optional
        Where to write (default ``sys.stderr``, so the gradebook on stdout stays clean).
    """

    def __init__(self, total, stream=None):
        self.total, self.done = total, 0
        self.stream = stream or sys.stderr
        self.bar = self.stream.isatty()

    def __call__(self, submission):
        """Report one finished submission."""
        self.done += 1
        result = f"{submission.score:g}/{submission.max_score:g} {submission.status}"
        if self.bar:
            width = shutil.get_terminal_size().columns
            filled = 20 * self.done // self.total
            line = f"[{'#' * filled}{'.' * (20 - filled)}] {self.done}/{self.total} "
            line += f"{os.path.basename(submission.path)}: {result}"
            end = "\n" if self.done == self.total else ""
            self.stream.write("\r" + line[: width - 1].ljust(width - 1) + end)
        else:
            self.stream.write(f"[{self.done}/{self.total}] {submission.path}: {result}\n")
        self.stream.flush()
