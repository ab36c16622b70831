"""Grade a learner's answer to one problem and tell them, in plain words, what it means."""

from dataclasses import dataclass, field, replace

from widgets.grading import feedback
from widgets.grading.answers import InvalidAnswer, is_blank, read_answer
from widgets.grading.nernst_problems import NERNST_PROBLEMS
from widgets.grading.problem import LARGER_UNITS, REL_TOL, UNIT_STEP

CORRECT = "correct"
INCORRECT = "incorrect"
NOT_ATTEMPTED = "not attempted"
INVALID = "invalid"
STATUSES = (CORRECT, INCORRECT, NOT_ATTEMPTED, INVALID)

PROBLEMS = {problem.id: problem for problem in NERNST_PROBLEMS}


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
    answer : float or None
        The answer as read, in the problem's unit; None if it could not be read.
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
    answer: float | None = None
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
        The learner's answer in the problem's unit; ``...`` means not attempted.

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
    An answer is correct within 0.5 % or the problem's absolute tolerance
    (0.2 mV for potentials), whichever is larger; see :mod:`widgets.grading.problem`.

    Examples
    --------
    >>> grade("nernst-ek", -89.1).status
    'correct'
    >>> grade("nernst-ek", -0.0891).message[:40]
    'Your answer looks like it is in V: -0.08'
    """
    problem = get_problem(problem_id)
    if is_blank(answer):
        blank = f"your answer in {problem.unit}" if problem.unit else "your answer (a number)"
        return CheckResult(
            problem.id,
            NOT_ATTEMPTED,
            f"Replace the ... after answer = with {blank}, run that cell, then run this one.",
            0,
            problem.points,
        )
    try:
        value = read_answer(answer, problem.unit)
    except InvalidAnswer as err:
        return CheckResult(problem.id, INVALID, str(err), 0, problem.points)
    if problem.is_correct(value):
        message = f"{problem.symbol} = {problem.with_unit(problem.expected)}. {problem.explanation}"
        return CheckResult(
            problem.id, CORRECT, message, problem.points, problem.points, value, problem.unit
        )
    message = diagnose(problem, value)
    return CheckResult(problem.id, INCORRECT, message, 0, problem.points, value, problem.unit)


def diagnose(problem, value):
    """Return the feedback for a wrong answer: a named slip, a near miss or a hint.

    Parameters
    ----------
    problem : widgets.grading.problem.Problem
        The problem answered.
    value : float
        The learner's (wrong) answer in ``problem.unit``.

    Returns
    -------
    str
        Feedback in plain words.
    """
    slip = problem.find_slip(value)
    if slip is not None:
        return slip.message
    larger = LARGER_UNITS.get(problem.unit)
    if larger is not None:
        scaled = value * UNIT_STEP
        unit_note = (
            f"Your answer looks like it is in {larger}: {value:.4g} {larger} = "
            f"{problem.with_unit(scaled)}. The question asks for {problem.unit}."
        )
        if problem.is_correct(scaled):
            return f"{unit_note} Converted, it is right."
        slip = problem.find_slip(scaled)
        if slip is not None:
            return f"{unit_note} Besides that: {slip.message}"
    if problem.is_near_miss(value):
        return (
            f"Close, but outside the tolerance of {100 * REL_TOL:g} %. Did you round along "
            "the way (e.g. RT/F = 25 mV, or 58 or 60 mV per ten-fold ratio, which hold at other "
            "temperatures)? Keep four significant figures until the end."
        )
    return f"Not quite: that is not {problem.quantity}. Hint: {problem.hint}"


def check(problem_id, answer):
    """Grade ``answer``, display the feedback and return the result.

    Parameters
    ----------
    problem_id : str
        A problem id, e.g. ``"nernst-ek"``.
    answer : object
        The learner's answer in the unit the problem asks for; ``...`` means not attempted.

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
