"""Grade a learner's answer to one problem and tell them, in plain words, what it means."""

from dataclasses import dataclass, field, replace

from widgets.grading import feedback
from widgets.grading.answers import InvalidAnswer, is_blank
from widgets.grading.problems import all_problems

CORRECT = "correct"
INCORRECT = "incorrect"
NOT_ATTEMPTED = "not attempted"
INVALID = "invalid"
STATUSES = (CORRECT, INCORRECT, NOT_ATTEMPTED, INVALID)

PROBLEMS = all_problems()


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one check.

    Attributes
    ----------
    problem : str
        Problem id.
    status : str
        One of ``"correct"``, ``"incorrect"``, ``"not attempted"``, ``"invalid"``.
    message : str
        Feedback for the learner.
    points : float
        Points earned.
    max_points : float
        Points available.
    answer : float, str or None
        The answer as read: a number in the problem's unit, or an option's letter;
        None if it could not be read.
    unit : str
        The problem's unit (``""`` for a pure number).
    shown_in_cell : int or None
        IPython execution count of the cell whose check displayed this result.
    """

    problem: str
    status: str
    message: str
    points: float
    max_points: float
    answer: float | str | None = None
    unit: str = ""
    shown_in_cell: int | None = field(default=None, repr=False, compare=False)

    def _ipython_display_(self):
        # check() has already shown this result; when it is also the cell's last expression
        # IPython would show it a second time, so that echo (same cell) is skipped.
        if self.shown_in_cell is None or self.shown_in_cell != _current_cell():
            feedback.show(self, machine_readable=False)


def _current_cell():
    from IPython import get_ipython

    shell = get_ipython()
    return None if shell is None else shell.execution_count


def get_problem(problem_id):
    """Return the :class:`~widgets.grading.problem.Problem` called ``problem_id``.

    Parameters
    ----------
    problem_id : str
        A problem id, e.g. ``"nernst-ek"``.

    Returns
    -------
    widgets.grading.problem.Problem

    Raises
    ------
    ValueError
        If no problem has that id (a bug in the notebook, not the learner's fault).

    Examples
    --------
    >>> get_problem("nernst-ek").unit
    'mV'
    """
    try:
        return PROBLEMS[problem_id]
    except (KeyError, TypeError):
        raise ValueError(
            f"problem_id must be one of {sorted(PROBLEMS)}; got {problem_id!r}"
        ) from None


def grade(problem_id, answer):
    """Grade ``answer`` without displaying anything.

    Parameters
    ----------
    problem_id : str
        A problem id, e.g. ``"nernst-ek"``.
    answer : object
        The learner's answer: a number in the problem's unit, or for a choice the
        letter of an option (``"b"``); ``...`` means not attempted.

    Returns
    -------
    CheckResult
        Status, feedback message and points.

    Raises
    ------
    ValueError
        If ``problem_id`` is unknown. A malformed answer never raises: it is graded
        ``"invalid"`` with a message saying what to type instead.

    Notes
    -----
    A number is correct within 0.5 % or the problem's absolute tolerance (0.2 mV for
    potentials), whichever is larger, an estimate within its factor; see
    :mod:`widgets.grading.problem`. A choice is correct for the right letter, and a
    wrong letter gets the feedback of the misconception it stands for
    (:mod:`widgets.grading.choice`).

    Examples
    --------
    >>> grade("nernst-ek", -89.1).status
    'correct'
    >>> grade("nernst-ek", -0.0891).message[:40]
    'Your answer looks like it is in V: -0.08'
    """
    problem = get_problem(problem_id)
    if is_blank(answer):
        return CheckResult(
            problem.id,
            NOT_ATTEMPTED,
            f"Replace the ... after answer = with {problem.blank_prompt()}, run that cell, "
            "then run this one.",
            0,
            problem.points,
        )
    try:
        value = problem.read(answer)
    except InvalidAnswer as err:
        return CheckResult(problem.id, INVALID, str(err), 0, problem.points)
    if problem.is_correct(value):
        return CheckResult(
            problem.id,
            CORRECT,
            problem.correct_message(),
            problem.points,
            problem.points,
            value,
            problem.unit,
        )
    return CheckResult(
        problem.id, INCORRECT, problem.diagnose(value), 0, problem.points, value, problem.unit
    )


def check(problem_id, answer):
    """Grade ``answer``, display the feedback and return the result.

    Parameters
    ----------
    problem_id : str
        A problem id, e.g. ``"nernst-ek"``.
    answer : object
        The learner's answer: a number in the unit the problem asks for, or for a
        choice the letter of an option (``"b"``); ``...`` means not attempted.

    Returns
    -------
    CheckResult
        Status (``"correct"``, ``"incorrect"``, ``"not attempted"`` or ``"invalid"``),
        message and points.

    Raises
    ------
    ValueError
        If ``problem_id`` is unknown.

    Notes
    -----
    In Jupyter the feedback is one display output: HTML, a plain-text fallback and, in
    its metadata, the JSON the grading CLI reads (:data:`widgets.grading.feedback.GRADE_KEY`).
    Outside IPython the plain text is printed.

    Examples
    --------
    >>> result = check("nernst-ek", ...)
    \u2026 Not attempted yet: nernst-ek (0/1 point)
    Replace the ... after answer = with your answer in mV, run that cell, then run this one.
    >>> result.status
    'not attempted'
    """
    result = replace(grade(problem_id, answer), shown_in_cell=_current_cell())
    feedback.show(result)
    return result
