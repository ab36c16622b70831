"""The grading command line.

``python -m widgets.grading SUBMISSIONS... [--csv FILE] [--json] [--jobs N] [--timeout S]``

One notebook: a score table (or ``--json``, a report). Several notebooks, a folder, or
``--csv``: a gradebook with one row per submission, graded ``--jobs`` at a time.

Exit codes: 0 when grading completed (whatever the scores, and whatever is wrong with
some files of a class, which get a row saying why); 2 for a single path that is not an
exercise notebook, or a class with no files; 3 when no kernel could run a single notebook.
Errors are one plain line on stderr.
"""

import argparse
import json
import os
import sys

from widgets.grading.gradebook import (
    Progress,
    as_json,
    find_submissions,
    grade_class,
    write_csv,
)
from widgets.grading.grader import GRADED, grade_file
from widgets.grading.limits import Limits
from widgets.grading.notebook import NotebookError

JSON_SCHEMA = 2  # bump when the keys of the --json report change
_MESSAGE_WIDTH = 72  # characters of feedback per table row
_NOTE_WIDTH = 60  # characters of a submission's note in the class summary


def main(argv=None):
    """Grade one notebook or a class and print the result; return the exit code.

    Parameters
    ----------
    argv : list of str, optional
        Command-line arguments (default ``sys.argv[1:]``).

    Returns
    -------
    int
        0 if grading completed, 2 for a bad path or no files, 3 if no kernel could run
        a single notebook.
    """
    args = _parser().parse_args(argv)
    limits = Limits(timeout=args.timeout, memory_mib=args.memory)
    single = len(args.submissions) == 1 and not os.path.isdir(args.submissions[0])
    if single and args.csv is None:
        return _grade_one(args.submissions[0], limits, args.json)
    return _grade_class(args, limits)


def _grade_one(path, limits, as_json_report):
    try:
        submission = grade_file(path, limits)
    except NotebookError as err:
        return _fail(err, 2)
    except RuntimeError as err:
        return _fail(err, 3)
    if as_json_report:
        print(json.dumps(report(submission, limits), indent=2))
    else:
        print(table(submission))
    return 0


def _grade_class(args, limits):
    paths = find_submissions(args.submissions)
    if not paths:
        return _fail(f"no files to grade in {', '.join(args.submissions)} (empty directory)", 2)
    submissions = grade_class(paths, limits, args.jobs, Progress(len(paths)))
    if args.csv == "-":
        write_csv(submissions, sys.stdout)
    elif args.csv is not None:
        try:
            with open(args.csv, "w", newline="", encoding="utf-8") as file:
                write_csv(submissions, file)
        except OSError as err:
            return _fail(f"cannot write {args.csv}: {err.strerror}", 2)
    if args.json:
        print(json.dumps(as_json(submissions, limits), indent=2))
    elif args.csv != "-":
        print(summary(submissions))
    return 0


def report(submission, limits):
    """Return the ``--json`` report of one notebook: every problem's grade and the total.

    Parameters
    ----------
    submission : widgets.grading.grader.Submission
        The graded notebook.
    limits : widgets.grading.limits.Limits
        The limits it ran under.

    Returns
    -------
    dict
        Keys ``schema``, ``notebook``, ``timeout``, ``status``, ``note``, ``problems``
        (list of dicts with ``problem``, ``status``, ``points``, ``max_points``,
        ``message``, ``answer``, ``shown``), ``score`` and ``max_score``.
    """
    return {
        "schema": JSON_SCHEMA,
        "notebook": submission.path,
        "timeout": limits.timeout,
        **submission.as_dict(),
    }


def table(submission):
    """Return a plain-text score table with one row per problem and a total.

    Parameters
    ----------
    submission : widgets.grading.grader.Submission
        The graded notebook.

    Returns
    -------
    str
        Columns problem, status, points and the start of the message; a total row;
        the submission's status and note if it did not run as it should.
    """
    grades = submission.grades
    width = max(len("Problem"), *(len(grade.problem) for grade in grades))
    rows = [f"{'Problem':<{width}}  {'Status':<13}  {'Points':>6}  Message"]
    for grade in grades:
        points = f"{grade.points:g}/{grade.max_points:g}"
        rows.append(
            f"{grade.problem:<{width}}  {grade.status:<13}  {points:>6}  {_short(grade.message)}"
        )
    total = f"{submission.score:g}/{submission.max_score:g}"
    rows.append(f"{'Total':<{width}}  {'':<13}  {total:>6}")
    if submission.status != GRADED or submission.note:
        rows.append(f"\n{submission.status}: {submission.note}")
    return "\n".join(rows)


def summary(submissions):
    """Return a plain-text table of a class: one row per submission with total and status.

    Parameters
    ----------
    submissions : list of widgets.grading.grader.Submission

    Returns
    -------
    str
    """
    width = max(len("Submission"), *(len(s.path) for s in submissions))
    lines = [f"{'Submission':<{width}}  {'Total':>7}  {'Status':<14}  Note"]
    for s in submissions:
        total = f"{s.score:g}/{s.max_score:g}" if s.grades else "-"
        note = _short(s.note, _NOTE_WIDTH)
        lines.append(f"{s.path:<{width}}  {total:>7}  {s.status:<14}  {note}".rstrip())
    return "\n".join(lines)


def _short(message, width=_MESSAGE_WIDTH):
    line = " ".join(message.split())
    return line if len(line) <= width else line[: width - 3] + "..."


def _whole_number(minimum, what):
    def parse(text):
        try:
            value = int(text)
        except ValueError:
            value = minimum - 1
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be a whole number of {what}; got {text!r}")
        return value

    return parse


def _default_jobs():
    try:
        return len(os.sched_getaffinity(0))  # the cores this process may use
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def _parser():
    parser = argparse.ArgumentParser(
        prog="python -m widgets.grading",
        description=(
            "Grade exercise notebooks, each in a fresh kernel; the files are only read. "
            "Grading runs the learners' code: see the README on running it in a container."
        ),
    )
    parser.add_argument(
        "submissions",
        nargs="+",
        metavar="SUBMISSION",
        help="a learner's .ipynb, or a folder of submissions (every file in it is graded)",
    )
    parser.add_argument("--json", action="store_true", help="print a JSON report or gradebook")
    parser.add_argument(
        "--csv", metavar="FILE", help="write the gradebook as CSV to FILE ('-': standard output)"
    )
    parser.add_argument(
        "--jobs",
        type=_whole_number(1, "jobs >= 1"),
        default=_default_jobs(),
        metavar="N",
        help="submissions graded at once (default: the number of cores, here %(default)s)",
    )
    parser.add_argument(
        "--timeout",
        type=_whole_number(1, "seconds >= 1"),
        default=Limits.timeout,
        metavar="SECONDS",
        help="time limit per cell (default %(default)s s)",
    )
    parser.add_argument(
        "--memory",
        type=_whole_number(1024, "MiB >= 1024"),  # less does not start a kernel here
        default=Limits.memory_mib,
        metavar="MIB",
        help="memory (address space) of each learner's kernel (default %(default)s MiB)",
    )
    return parser


def _fail(message, code):
    print(f"error: {message}", file=sys.stderr)
    return code
