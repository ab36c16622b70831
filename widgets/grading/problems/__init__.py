"""Every chapter's graded problems: one module per chapter slug, gathered in one registry.

A module ``widgets/grading/problems/<slug>.py`` belongs to ``chapters/<slug>.ipynb``
and ``exercises/<slug>.ipynb`` and defines

- ``OBJECTIVES``: the chapter's learning objectives, a short key -> the text of its
  bullet in the chapter's "Learning objectives" admonition, in the chapter's order
  (a test keeps them equal, word for word);
- ``PROBLEMS``: a tuple of :class:`~widgets.grading.problem.Problem` (numbers) and
  :class:`~widgets.grading.choice.ChoiceProblem` (choices), in the order of the
  exercise notebook, each tagged with the key of the objective it assesses and its
  ``kind``. Ids start with the slug and a hyphen;
- ``ROUNDED``: a tuple of :class:`~widgets.grading.problem.Rounded`, every rounded
  constant or rule of thumb the chapter prints (RT/F = 26.7 mV, 61.5 mV per tenfold
  ratio, E_K = -89 mV, e = 1.6e-19 C ...), so that page and grader agree. The
  chapter's hidden ``assert`` cell checks that it prints exactly these values.

Every calculation (``kind="calculation"``) lists its ``routes``, and so may an explorer
problem that a hand calculation also reaches: the calculations a learner may make, each
a function of a mapping from ``ROUNDED`` keys to numbers
(``lambda c: c["RT/F at 37 °C"] * np.log(5 / 140)``). Give a problem a near-miss
message that quotes the roundings it uses (:func:`~widgets.grading.problem.near_miss_message`).

What ``tests/grading/test_problem_sets.py`` checks for every module, with no new test:

- at least six problems; objectives equal to the chapter's; every objective assessed by
  a problem and every problem tagged with an objective of the chapter;
- the kinds the exercise standard asks: ``predict``, ``concept``, ``estimate``, ``explorer``;
- the exercise notebook asks every problem, in order; every option of a choice is shown
  as "(a) text" in the statement above its answer cell;
- each expected answer grades correct; every route gives the expected answer with the
  exact values, and an answer graded correct with each printed rounding (and with all
  of them at once); each rounding is used by some route;
- every slip is told apart: its value, and every value within the slip's recognition
  window, is graded wrong, and no other slip of the problem matches it first; every
  wrong option has its own feedback.

A chapter's own ``tests/grading/test_<slug>_problems.py`` recomputes each expected
answer from the textbook formula and checks that the notebook states the numbers the
grader uses.

A new chapter's module is found by its file name alone: nothing else is edited.
"""

import importlib
import pkgutil

PROBLEM_SETS = {
    info.name: importlib.import_module(f"{__name__}.{info.name}")
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda info: info.name)
}


def all_problems():
    """Return every problem of every chapter, keyed by id.

    Returns
    -------
    dict of str to Problem or ChoiceProblem
        Problem id -> problem.

    Raises
    ------
    ValueError
        If two problems share an id.

    Examples
    --------
    >>> all_problems()["nernst-ek"].unit
    'mV'
    """
    problems = {}
    for module in PROBLEM_SETS.values():
        for problem in module.PROBLEMS:
            if problem.id in problems:
                raise ValueError(f"problem ids must be unique; {problem.id!r} is repeated")
            problems[problem.id] = problem
    return problems
