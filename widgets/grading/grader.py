"""Grade a whole exercise notebook: run a copy in a fresh kernel and collect the checks.

The learner's file is only read. An in-memory copy runs in a new ``python3`` kernel whose
working directory is a temporary folder. Each cell has a time limit; a cell that runs
past it is interrupted and execution goes on, so one endless loop costs one problem.

Before every answer cell the copy gets an extra cell ``answer = ...``: if the learner's
answer cell fails, the check that follows sees "not attempted" instead of the previous
problem's answer, and the problem is reported as an error of that cell.
"""

import copy
import json
import logging
import subprocess
import tempfile
from dataclasses import asdict, dataclass

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import DeadKernelError

from widgets.grading.checks import get_problem
from widgets.grading.feedback import GRADE_KEY
from widgets.grading.notebook import answer_cells, listed_problems

DEFAULT_TIMEOUT = 30  # s per cell: generous for these exercises, short for an endless loop
STARTUP_TIMEOUT = 60  # s for the kernel to start
RESET_SOURCE = "answer = ...  # inserted by the grader: a failed answer cell grades as an error"
_INSERTED = "grader_inserted"  # cell-metadata flag of the reset cells
ERROR, MISSING = "error", "missing"  # statuses beyond those of a check


@dataclass(frozen=True)
class Grade:
    """The grade of one problem of a notebook.

    Attributes
    ----------
    problem : str
        Problem id.
    status : str
        A check's status (``"correct"``, ``"incorrect"``, ``"not attempted"``,
        ``"invalid"``), or ``"error"`` (a cell failed or timed out) or ``"missing"``
        (no answer cell or no check output).
    points, max_points : float
        Points earned and available.
    message : str
        The check's feedback, or what went wrong.
    """

    problem: str
    status: str
    points: float
    max_points: float
    message: str

    def as_dict(self):
        """Return the grade as a JSON-ready dict."""
        return asdict(self)


def grade_notebook(nb, timeout=DEFAULT_TIMEOUT):
    """Execute a copy of an exercise notebook and grade every problem in it.

    Parameters
    ----------
    nb : nbformat.NotebookNode
        The learner's notebook; it is not modified.
    timeout : int, optional
        Time limit per cell in whole seconds (default 30 s).

    Returns
    -------
    list of Grade
        One grade per problem, in notebook order.

    Raises
    ------
    RuntimeError
        If the kernel cannot be started.
    """
    executed, errors, stopped_at = execute(nb, timeout)
    return collect(executed, errors, stopped_at, expected=listed_problems(nb))


def execute(nb, timeout=DEFAULT_TIMEOUT):
    """Run a guarded copy of ``nb`` in a fresh kernel.

    Parameters
    ----------
    nb : nbformat.NotebookNode
        The notebook; it is not modified.
    timeout : int, optional
        Time limit per cell in whole seconds.

    Returns
    -------
    executed : nbformat.NotebookNode
        The executed copy, with the inserted reset cells.
    errors : dict of int to str
        Cell index -> ``"ExceptionName: message"`` for every cell that failed or timed out.
    stopped_at : int or None
        Index of the cell during which the kernel died, if it did.

    Raises
    ------
    RuntimeError
        If the kernel cannot be started.
    """
    guarded = _with_reset_cells(nb)
    errors, started = {}, []

    def on_error(cell, cell_index, execute_reply):
        content = execute_reply["content"]
        errors[cell_index] = f"{content.get('ename', 'Error')}: {content.get('evalue', '')}"

    with tempfile.TemporaryDirectory(prefix="grading-") as workdir:
        client = NotebookClient(
            guarded,
            timeout=timeout,
            startup_timeout=STARTUP_TIMEOUT,
            kernel_name="python3",
            allow_errors=True,
            interrupt_on_timeout=True,
            # Reply at once after interrupting, rather than waiting on a cell that may
            # ignore the interrupt; the error names the limit in the learner's terms.
            error_on_timeout={
                "ename": "Timeout",
                "evalue": f"the cell ran longer than {timeout} s and was stopped",
                "traceback": [],
            },
            resources={"metadata": {"path": workdir}},
            on_cell_start=lambda cell, cell_index: started.append(cell_index),
            on_cell_error=on_error,
            log=_quiet_log(),
        )
        try:
            # The kernel's own stdout/stderr (not the learner's prints, which travel as
            # messages) would mix start-up warnings into the table or the JSON report.
            client.execute(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        except DeadKernelError:  # the learner's code crashed the kernel: grade what ran
            return guarded, errors, started[-1] if started else 0
        except Exception as err:  # a missing kernelspec, a start-up timeout, a broken install
            raise RuntimeError(f"could not run the notebook in a python3 kernel: {err}") from err
    return guarded, errors, None


def collect(executed, errors, stopped_at=None, expected=()):
    """Grade each problem from the outputs of an executed, guarded notebook.

    Parameters
    ----------
    executed : nbformat.NotebookNode
        Output of :func:`execute`.
    errors : dict of int to str
        Failed cells, from :func:`execute`.
    stopped_at : int or None, optional
        Cell index at which the kernel died.
    expected : sequence of str, optional
        Problem ids the notebook should hold; one without an answer cell is "missing".

    Returns
    -------
    list of Grade
        One grade per problem: the notebook's answer cells in order, then any
        expected problem that has no answer cell.
    """
    cells = answer_cells(executed)
    bounds = [index for index, _ in cells[1:]] + [len(executed.cells)]
    grades = [
        _grade_segment(executed, problem, range(start, end), errors, stopped_at)
        for (start, problem), end in zip(cells, bounds, strict=True)
    ]
    found = {grade.problem for grade in grades}
    grades += [
        _failed(problem, MISSING, "the answer cell for this problem was not found")
        for problem in expected
        if problem not in found
    ]
    return grades


def _grade_segment(executed, problem, segment, errors, stopped_at):
    """Grade one problem from its answer cell and the cells up to the next answer cell."""
    answer_index = segment[0]
    if answer_index in errors:
        return _failed(problem, ERROR, f"your answer cell failed: {errors[answer_index]}")
    payloads = [p for i in segment for p in _payloads(executed.cells[i]) if p["problem"] == problem]
    if payloads:
        last = payloads[-1]
        return Grade(problem, last["status"], last["points"], last["max_points"], last["message"])
    failed = [errors[i] for i in segment if i in errors]
    if failed:
        return _failed(problem, ERROR, f"the check did not run: {failed[0]}")
    if stopped_at is not None and stopped_at in segment:
        return _failed(problem, ERROR, "the kernel stopped (crashed or exited) in this problem")
    if stopped_at is not None and stopped_at < segment[0]:
        return _failed(problem, ERROR, "not run: the kernel stopped at an earlier problem")
    return _failed(problem, MISSING, "no check output: was the check cell deleted or changed?")


_PAYLOAD_KEYS = {"problem", "status", "points", "max_points", "message"}


def _payloads(cell):
    """Return the well-formed grade payloads a cell displayed, in order."""
    found = []
    for output in cell.get("outputs", []):
        data = output.get("metadata", {}).get(GRADE_KEY)
        if isinstance(data, str):  # tolerate a payload stored as JSON text
            try:
                data = json.loads(data)
            except ValueError:
                continue
        if isinstance(data, dict) and _PAYLOAD_KEYS <= data.keys():
            found.append(data)
    return found


def _failed(problem, status, message):
    try:
        max_points = get_problem(problem).points
    except ValueError:  # a problem id this version of the package does not know
        max_points = 0
    return Grade(problem, status, 0, max_points, message)


def _with_reset_cells(nb):
    guarded = copy.deepcopy(nb)
    for index, _ in reversed(answer_cells(guarded)):
        reset = nbformat.v4.new_code_cell(RESET_SOURCE, metadata={_INSERTED: True})
        guarded.cells.insert(index, reset)
    return guarded


def _quiet_log():
    # nbclient logs every timeout and interrupt at ERROR level; the grade already says so.
    log = logging.getLogger("widgets.grading.kernel")
    log.addHandler(logging.NullHandler())
    log.propagate = False
    return log
