"""Exercise notebooks as data: reading them, finding answer cells, writing learner copies.

Conventions of an exercise notebook
-----------------------------------
- An answer cell carries the tag ``answer`` (learner copy) or ``solution`` (solved
  notebook) and names its problem in its metadata: ``{"grading": {"problem": "nernst-ek"}}``.
- The learner copy is the solved notebook with each solution cell's body replaced by
  the blank ``answer = ...  # your answer in <unit>``, its tag renamed ``answer``, no
  outputs, and the list of problem ids in the notebook metadata (``grading.problems``),
  so the grader notices a deleted answer cell.
"""

import copy
import json
import os

import nbformat

from widgets.grading.checks import get_problem

ANSWER_TAG = "answer"
SOLUTION_TAG = "solution"
METADATA_KEY = "grading"
MAX_NOTEBOOK_BYTES = 50 * 2**20  # an exercise notebook, even with outputs, is far smaller


class NotebookError(ValueError):
    """A path that is not a readable Jupyter notebook; the message says why."""


def read_notebook(path):
    """Read a notebook, raising :class:`NotebookError` with a plain message if it cannot.

    Parameters
    ----------
    path : str or pathlib.Path
        Path of an ``.ipynb`` file.

    Returns
    -------
    nbformat.NotebookNode
        The notebook, in format version 4.

    Raises
    ------
    NotebookError
        If the file is missing, empty, too large, unreadable or not a valid notebook.
    """
    text = _read_text(path)
    if not text.strip():
        raise NotebookError(f"{path} is empty")
    try:
        nb = nbformat.reads(text, as_version=4)
        nbformat.validate(nb)
    except (json.JSONDecodeError, nbformat.reader.NotJSONError):
        raise NotebookError(f"{path} is not a Jupyter notebook (it is not notebook JSON)") from None
    # nbformat reports JSON of the wrong shape in all of these ways
    except (nbformat.ValidationError, ValueError, KeyError, TypeError, AttributeError) as err:
        reason = (str(err).splitlines() or [type(err).__name__])[0]
        raise NotebookError(f"{path} is not a valid Jupyter notebook: {reason}") from None
    return nb


def _read_text(path):
    try:
        if os.stat(path).st_size > MAX_NOTEBOOK_BYTES:
            raise NotebookError(
                f"{path} is larger than {MAX_NOTEBOOK_BYTES // 2**20} MiB: not an exercise notebook"
            )
        with open(path, encoding="utf-8") as file:
            return file.read()
    except FileNotFoundError:
        raise NotebookError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise NotebookError(f"{path} is a directory, not a notebook") from None
    except (OSError, UnicodeDecodeError) as err:
        raise NotebookError(f"cannot read {path}: {err}") from None


def read_exercise(path):
    """Read an exercise notebook: a notebook that holds at least one graded problem.

    Parameters
    ----------
    path : str or pathlib.Path
        Path of an ``.ipynb`` file.

    Returns
    -------
    nbformat.NotebookNode

    Raises
    ------
    NotebookError
        If :func:`read_notebook` cannot read it, or it names no problem (no answer cell
        and no problem list in its metadata).
    """
    nb = read_notebook(path)
    if not listed_problems(nb):
        raise NotebookError(f"{path} has no answer cells: is it an exercise notebook?")
    return nb


def problem_of(cell):
    """Return the problem id of an answer or solution cell, or None for any other cell.

    Parameters
    ----------
    cell : nbformat.NotebookNode
        A notebook cell.

    Returns
    -------
    str or None
        The id stored in ``cell.metadata.grading.problem`` of a tagged code cell.
    """
    tags = cell.get("metadata", {}).get("tags", [])
    if cell.get("cell_type") != "code" or not {ANSWER_TAG, SOLUTION_TAG} & set(tags):
        return None
    return cell.metadata.get(METADATA_KEY, {}).get("problem")


def answer_cells(nb):
    """Return ``(index, problem_id)`` for every answer or solution cell, in order.

    Parameters
    ----------
    nb : nbformat.NotebookNode
        An exercise notebook.

    Returns
    -------
    list of tuple of (int, str)
        Cell index and problem id.
    """
    cells = ((index, problem_of(cell)) for index, cell in enumerate(nb.cells))
    return [(index, problem) for index, problem in cells if problem is not None]


def listed_problems(nb):
    """Return the problem ids a notebook should contain: its metadata list, then its cells.

    Parameters
    ----------
    nb : nbformat.NotebookNode
        An exercise notebook.

    Returns
    -------
    list of str
        Problem ids without repeats, so a deleted answer cell is still expected.
    """
    listed = nb.metadata.get(METADATA_KEY, {}).get("problems", [])
    found = [problem for _, problem in answer_cells(nb)]
    return list(dict.fromkeys([*listed, *found]))


def blank_source(problem_id):
    """Return the blank answer line for a problem, its comment giving the unit.

    Parameters
    ----------
    problem_id : str
        A problem id, e.g. ``"nernst-ek"``.

    Returns
    -------
    str
        Python source of the blank; its comment says the unit or the options.

    Raises
    ------
    ValueError
        If ``problem_id`` is unknown.

    Examples
    --------
    >>> blank_source("nernst-ek")
    'answer = ...  # your answer in mV'
    """
    return f"answer = ...  # {get_problem(problem_id).blank_comment()}"


def learner_copy(solved):
    """Return the learner copy of a solved exercise notebook.

    Parameters
    ----------
    solved : nbformat.NotebookNode
        The solved notebook; its answer cells are tagged ``solution``.

    Returns
    -------
    nbformat.NotebookNode
        A new notebook: solution bodies replaced by blanks and tagged ``answer``,
        every output and execution count removed, the problem list in the metadata.

    Raises
    ------
    ValueError
        If a solution cell names no problem or an unknown one.
    """
    nb = copy.deepcopy(solved)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
        if SOLUTION_TAG in cell.metadata.get("tags", []):
            _blank(cell)
    nb.metadata[METADATA_KEY] = {"problems": [problem for _, problem in answer_cells(nb)]}
    return nb


def _blank(cell):
    problem = problem_of(cell)
    if problem is None:
        raise ValueError(f"solution cell {cell.get('id')!r} names no problem in its metadata")
    cell.source = blank_source(problem)
    cell.metadata.tags = [ANSWER_TAG if tag == SOLUTION_TAG else tag for tag in cell.metadata.tags]
