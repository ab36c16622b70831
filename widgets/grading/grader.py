"""Grade a whole exercise notebook: every verdict computed here, never in the learner's kernel.

:func:`grade_file` runs a copy of the notebook (:mod:`widgets.grading.kernel`), takes from
the kernel only each problem's answer value, read as data (:mod:`widgets.grading.capture`),
and grades that value in this process with :func:`widgets.grading.checks.grade`. Whatever
the learner's code does in its kernel (replacing ``check`` or any function of this package,
displaying a fake grade, printing anything) changes what the learner sees, not the grade.

What the notebook's own ``check`` cells displayed is still read, for one purpose: a problem
whose check showed "correct" while the grader found otherwise is named in the submission's
note, for the instructor to look at.
"""

from dataclasses import asdict, dataclass, field

from widgets.grading.capture import UnreadableAnswer, answer_text, parse_answer
from widgets.grading.checks import CORRECT, INVALID, PROBLEMS, STATUSES, grade
from widgets.grading.feedback import GRADE_KEY
from widgets.grading.kernel import execute
from widgets.grading.limits import Limits
from widgets.grading.notebook import answer_cells, listed_problems, read_exercise

ERROR, MISSING = "error", "missing"  # statuses beyond those of a check
# The status of a whole submission: graded, or graded with a warning; or not graded at all.
GRADED, TIMED_OUT, KERNEL_STOPPED = "graded", "timed out", "kernel stopped"
NOT_GRADED = "not graded"


@dataclass(frozen=True)
class Grade:
    """The grade of one problem of a notebook.

    Attributes
    ----------
    problem : str
        Problem id.
    status : str
        A check's status (``"correct"``, ``"incorrect"``, ``"not attempted"``,
        ``"invalid"``), or ``"error"`` (the answer cell failed or timed out, or the
        kernel stopped) or ``"missing"`` (no answer cell).
    points, max_points : float
        Points earned and available.
    message : str
        The feedback for the answer, or what went wrong.
    answer : str or None
        The answer as the kernel wrote it (its repr); None if none was read.
    shown : str or None
        The status the notebook's own check displayed last for this problem, if any.
    """

    problem: str
    status: str
    points: float
    max_points: float
    message: str
    answer: str | None = None
    shown: str | None = None

    @property
    def overclaimed(self):
        """Whether the notebook's own check showed "correct" where the grader did not."""
        return self.shown == CORRECT and self.status != CORRECT

    def as_dict(self):
        """Return the grade as a JSON-ready dict."""
        return asdict(self)


@dataclass(frozen=True)
class Submission:
    """One graded file: its grades, and a status that says whether it ran as it should.

    Attributes
    ----------
    path : str
        The file, as given.
    grades : tuple of Grade
        One per problem, in notebook order; empty if the file was not graded.
    status : str
        ``"graded"``; ``"timed out"`` (a cell was stopped at the time limit) or
        ``"kernel stopped"`` (later problems did not run), the other problems graded;
        or ``"not graded"``.
    note : str
        Why, in plain words; empty for a notebook that ran as it should.
    """

    path: str
    grades: tuple = field(default=())
    status: str = GRADED
    note: str = ""

    @property
    def score(self):
        """Points earned (float)."""
        return sum(grade.points for grade in self.grades)

    @property
    def max_score(self):
        """Points available (float)."""
        return sum(grade.max_points for grade in self.grades)

    def as_dict(self):
        """Return the outcome as a JSON-ready dict (the path is left to the caller).

        Returns
        -------
        dict
            ``status``, ``note``, ``score``, ``max_score`` and ``problems`` (each grade
            as :meth:`Grade.as_dict`).
        """
        return {
            "status": self.status,
            "note": self.note,
            "score": self.score,
            "max_score": self.max_score,
            "problems": [grade.as_dict() for grade in self.grades],
        }


def grade_file(path, limits=None):
    """Grade the exercise notebook at ``path``.

    Parameters
    ----------
    path : str or pathlib.Path
        The learner's notebook; it is only read.
    limits : widgets.grading.limits.Limits, optional
        Time, memory and output limits for the learner's code.

    Returns
    -------
    Submission

    Raises
    ------
    widgets.grading.notebook.NotebookError
        If the file is not an exercise notebook (missing, empty, not JSON, no answers).
    RuntimeError
        If no kernel could run it.
    """
    limits = limits or Limits()
    nb = read_exercise(path)
    execution = execute(nb, limits)
    grades = tuple(collect(execution, listed_problems(nb)))
    status, note = _status(execution, grades, limits)
    return Submission(str(path), grades, status, note)


def grade_notebook(nb, limits=None):
    """Execute a copy of an exercise notebook and grade every problem in it.

    Parameters
    ----------
    nb : nbformat.NotebookNode
        The learner's notebook; it is not modified.
    limits : widgets.grading.limits.Limits, optional
        Time, memory and output limits for the learner's code.

    Returns
    -------
    list of Grade
        One grade per problem, in notebook order.

    Raises
    ------
    RuntimeError
        If the kernel cannot be started.
    """
    return collect(execute(nb, limits), listed_problems(nb))


def collect(execution, expected=()):
    """Grade each problem from the answers read during an execution.

    Parameters
    ----------
    execution : widgets.grading.kernel.Execution
        Output of :func:`widgets.grading.kernel.execute`.
    expected : sequence of str, optional
        Problem ids the notebook should hold; one without an answer cell is "missing".

    Returns
    -------
    list of Grade
        One grade per problem: the notebook's answer cells in order, then any
        expected problem that has no answer cell.
    """
    cells = answer_cells(execution.notebook)
    bounds = [index for index, _ in cells[1:]] + [len(execution.notebook.cells)]
    grades = [
        _grade_problem(execution, problem, range(start, end))
        for (start, problem), end in zip(cells, bounds, strict=True)
    ]
    found = {grade.problem for grade in grades}
    grades += [
        _failed(problem, MISSING, "the answer cell for this problem was not found")
        for problem in expected
        if problem not in found
    ]
    return grades


def _grade_problem(execution, problem, segment):
    """Grade one problem from its answer cell; ``segment`` runs to the next answer cell."""
    index, shown = segment[0], _shown(execution.notebook, problem, segment)
    if problem not in PROBLEMS:
        return _failed(problem, ERROR, "this version of the grader does not know the problem")
    if index in execution.answers:
        return _graded(problem, execution.answers[index], shown)
    if index in execution.errors:
        return _failed(problem, ERROR, f"your answer cell failed: {execution.errors[index]}", shown)
    if execution.stopped_at == index:
        return _failed(problem, ERROR, "the kernel stopped (crashed or exited) in this problem")
    return _failed(problem, ERROR, "not run: the kernel stopped at an earlier problem")


def _graded(problem, result, shown):
    """Grade the answer the kernel reported: parse it here, then grade the plain value."""
    text = None
    try:
        text = answer_text(result)
        value = parse_answer(text)
    except UnreadableAnswer as err:
        max_points = PROBLEMS[problem].points
        return Grade(problem, INVALID, 0, max_points, str(err), _short(text), shown)
    checked = grade(problem, value)
    return Grade(
        problem,
        checked.status,
        checked.points,
        checked.max_points,
        checked.message,
        _short(text),
        shown,
    )


def _shown(executed, problem, segment):
    """Return the status the notebook's own check displayed last for ``problem``, or None."""
    statuses = [
        payload.get("status")
        for index in segment
        for output in executed.cells[index].get("outputs", [])
        if isinstance(payload := output.get("metadata", {}).get(GRADE_KEY), dict)
        and payload.get("problem") == problem
    ]
    return statuses[-1] if statuses and statuses[-1] in STATUSES else None


def _failed(problem, status, message, shown=None):
    max_points = PROBLEMS[problem].points if problem in PROBLEMS else 0
    return Grade(problem, status, 0, max_points, message, None, shown)


def _short(text, limit=80):
    if text is None or len(text) <= limit:
        return text
    return text[: limit - 3] + "..."


def _status(execution, grades, limits):
    """Return the submission's status and note from how its execution went."""
    status, notes = GRADED, []
    if execution.timed_out:
        status = TIMED_OUT
        where = {_problem_at(execution.notebook, index) for index in execution.timed_out}
        notes.append(
            f"cells ran longer than {limits.timeout} s and were stopped, in "
            + ", ".join(sorted(where))
        )
    if execution.stopped_at is not None:
        status = KERNEL_STOPPED
        notes.append(
            "the kernel stopped (crashed, ran out of memory or exited) in "
            f"{_problem_at(execution.notebook, execution.stopped_at)}; "
            "the problems after it were not run"
        )
    claimed = [grade.problem for grade in grades if grade.overclaimed]
    if claimed:
        notes.append(
            f"its own check showed 'correct' where the grader did not, for {', '.join(claimed)} "
            "(answer changed after its cell, or tampering): look at this notebook"
        )
    return status, "; ".join(notes)


def _problem_at(executed, index):
    """Name the problem whose answer cell is at or before cell ``index``."""
    before = [problem for start, problem in answer_cells(executed) if start <= index]
    return before[-1] if before else "the set-up cells"
