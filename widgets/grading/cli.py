"""The grading command line: ``python -m widgets.grading <notebook> [--json] [--timeout S]``.

Exit codes: 0 when grading completed (whatever the score), 2 for a path that is not an
exercise notebook, 3 when no kernel could run it. Errors are one plain line on stderr.
"""

import argparse
import json
import sys

from widgets.grading.grader import DEFAULT_TIMEOUT, grade_notebook
from widgets.grading.notebook import NotebookError, answer_cells, read_notebook

JSON_SCHEMA = 1  # bump when the keys of the --json report change
_MESSAGE_WIDTH = 72  # characters of feedback per table row


def main(argv=None):
    """Grade one notebook and print the result; return the exit code.

    Parameters
    ----------
    argv : list of str, optional
        Command-line arguments (default ``sys.argv[1:]``).

    Returns
    -------
    int
        0 if grading completed, 2 for a bad notebook path, 3 if no kernel could run it.
    """
    args = _parser().parse_args(argv)
    try:
        nb = read_notebook(args.notebook)
    except NotebookError as err:
        return _fail(err, 2)
    if not answer_cells(nb):
        return _fail(f"{args.notebook} has no answer cells: is it an exercise notebook?", 2)
    try:
        grades = grade_notebook(nb, timeout=args.timeout)
    except RuntimeError as err:
        return _fail(err, 3)
    if args.json:
        print(json.dumps(report(args.notebook, grades, args.timeout), indent=2))
    else:
        print(table(grades))
    return 0


def report(path, grades, timeout):
    """Return the ``--json`` report: the notebook, every problem's grade and the total.

    Parameters
    ----------
    path : str
        The notebook graded.
    grades : list of widgets.grading.grader.Grade
        Its grades.
    timeout : int
        Time limit per cell in s.

    Returns
    -------
    dict
        Keys ``schema``, ``notebook``, ``timeout``, ``problems`` (list of dicts with
        ``problem``, ``status``, ``points``, ``max_points``, ``message``), ``score``
        and ``max_score``.
    """
    return {
        "schema": JSON_SCHEMA,
        "notebook": str(path),
        "timeout": timeout,
        "problems": [grade.as_dict() for grade in grades],
        "score": sum(grade.points for grade in grades),
        "max_score": sum(grade.max_points for grade in grades),
    }


def table(grades):
    """Return a plain-text score table with one row per problem and a total.

    Parameters
    ----------
    grades : list of widgets.grading.grader.Grade
        The grades to list.

    Returns
    -------
    str
        Columns problem, status, points and the start of the message; a total row.
    """
    width = max(len("Problem"), *(len(grade.problem) for grade in grades))
    rows = [f"{'Problem':<{width}}  {'Status':<13}  {'Points':>6}  Message"]
    for grade in grades:
        points = f"{grade.points:g}/{grade.max_points:g}"
        rows.append(
            f"{grade.problem:<{width}}  {grade.status:<13}  {points:>6}  {_short(grade.message)}"
        )
    total = f"{sum(g.points for g in grades):g}/{sum(g.max_points for g in grades):g}"
    rows.append(f"{'Total':<{width}}  {'':<13}  {total:>6}")
    return "\n".join(rows)


def _short(message):
    line = " ".join(message.split())
    return line if len(line) <= _MESSAGE_WIDTH else line[: _MESSAGE_WIDTH - 3] + "..."


def _positive_seconds(text):
    # nbclient takes whole seconds per cell
    try:
        seconds = int(text)
    except ValueError:
        seconds = 0
    if seconds < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of seconds >= 1; got {text!r}")
    return seconds


def _parser():
    parser = argparse.ArgumentParser(
        prog="python -m widgets.grading",
        description="Grade an exercise notebook in a fresh kernel; the file is only read.",
    )
    parser.add_argument("notebook", help="path of the learner's .ipynb")
    parser.add_argument("--json", action="store_true", help="print a JSON report")
    parser.add_argument(
        "--timeout",
        type=_positive_seconds,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"time limit per cell (default {DEFAULT_TIMEOUT} s)",
    )
    return parser


def _fail(message, code):
    print(f"error: {message}", file=sys.stderr)
    return code
