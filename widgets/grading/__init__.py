"""Graded exercises: checks with physics feedback, learner copies and a grading CLI.

In an exercise notebook::

    from widgets.grading import check
    answer = -89.1  # E_K in mV
    check("nernst-ek", answer)

From a shell: ``python -m widgets.grading exercises/nernst.ipynb`` grades a notebook.
"""

from widgets.grading.checks import CheckResult, check, get_problem, grade

__all__ = ["CheckResult", "check", "get_problem", "grade"]
