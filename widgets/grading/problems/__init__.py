"""Every chapter's graded problems: one module per chapter slug, gathered in one registry.

A module ``widgets/grading/problems/<slug>.py`` belongs to ``chapters/<slug>.ipynb``
and ``exercises/<slug>.ipynb`` and defines

- ``OBJECTIVES``: the chapter's learning objectives, a short key -> the text of its
  bullet in the chapter's "Learning objectives" admonition (a test keeps them equal);
- ``PROBLEMS``: a tuple of :class:`~widgets.grading.problem.Problem` (numbers) and
  :class:`~widgets.grading.choice.ChoiceProblem` (choices), in the order of the
  exercise notebook, each tagged with the key of the objective it assesses. Ids start
  with the slug and a hyphen.

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
