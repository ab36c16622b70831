"""Run a copy of an exercise notebook in a fresh, limited kernel and read each answer.

The learner's notebook is copied in memory, with an extra cell ``answer = ...`` before each
answer cell (if the learner's answer cell fails or assigns nothing, the previous problem's
answer cannot stand in for it). The copy runs in a new ``python3`` kernel whose working
directory is an empty temporary folder, under :class:`~widgets.grading.limits.Limits`.

Right after each answer cell runs, the grader asks the kernel for the text of ``answer``
through the ``user_expressions`` of an execute request of its own
(:mod:`widgets.grading.capture`). The reply comes back on the shell channel, apart from
everything the notebook prints or displays, and is recorded here unparsed; the grader
(:mod:`widgets.grading.grader`) reads it and grades it in its own process.
"""

import atexit
import copy
import logging
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import DeadKernelError

from widgets.grading.capture import ANSWER_EXPRESSION
from widgets.grading.limits import Limits
from widgets.grading.notebook import answer_cells, problem_of

STARTUP_TIMEOUT = 60  # s for the kernel to start
RESET_SOURCE = "answer = ...  # inserted by the grader: a failed answer cell grades as an error"
TIMEOUT_ERROR = "Timeout"  # the error name of a cell stopped at the time limit
OUTPUT_DROPPED = "[The grader keeps {limit:,} bytes of output per notebook; the rest was dropped.]"
_INSERTED = "grader_inserted"  # cell-metadata flag of the reset cells
_UNCOUNTED = {"status", "execute_input"}  # messages that carry no output


@dataclass
class Execution:
    """What running a notebook's guarded copy left behind.

    Attributes
    ----------
    notebook : nbformat.NotebookNode
        The executed copy, with the inserted reset cells and the outputs the grader kept.
    errors : dict of int to str
        Cell index -> ``"ExceptionName: message"`` for every cell that failed or timed out.
    answers : dict of int to dict or None
        Answer-cell index -> the kernel's user-expression result for ``answer`` (unparsed),
        or None if the kernel did not reply within the time limit.
    stopped_at : int or None
        Index of the cell during which the kernel died (crashed or exited), if it did.
    timed_out : list of int
        Indices of the cells stopped at the time limit.
    output_dropped : bool
        Whether output beyond :attr:`Limits.output_bytes` was dropped.
    """

    notebook: nbformat.NotebookNode
    errors: dict = field(default_factory=dict)
    answers: dict = field(default_factory=dict)
    stopped_at: int | None = None
    timed_out: list = field(default_factory=list)
    output_dropped: bool = False


def execute(nb, limits=None):
    """Run a guarded copy of ``nb`` in a fresh kernel, reading ``answer`` after each answer cell.

    Parameters
    ----------
    nb : nbformat.NotebookNode
        The notebook; it is not modified.
    limits : widgets.grading.limits.Limits, optional
        Time, memory and output limits (default: :class:`Limits` defaults).

    Returns
    -------
    Execution

    Raises
    ------
    RuntimeError
        If the kernel cannot be started.
    """
    limits = limits or Limits()
    with tempfile.TemporaryDirectory(prefix="grading-") as root:
        workdir, ipython_dir = Path(root, "work"), Path(root, "ipython")
        workdir.mkdir()
        client = _GradingClient(_with_reset_cells(nb), limits, str(workdir))
        try:
            # The kernel's own stdout/stderr (not the learner's prints, which travel as
            # messages) would mix start-up warnings into the table or the JSON report.
            client.execute(
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                **limits.launch_options(str(ipython_dir)),
            )
        except DeadKernelError:  # the learner's code crashed the kernel: grade what ran
            client.result.stopped_at = client.started[-1] if client.started else 0
        except Exception as err:  # a missing kernelspec, a start-up timeout, a broken install
            # nbclient leaves its exit-time clean-up registered when a kernel fails to start,
            # and that clean-up would print a traceback when Python exits.
            atexit.unregister(client._cleanup_kernel)
            raise RuntimeError(
                f"could not run the notebook in a python3 kernel: {err} (a kernel that dies "
                f"at start may need more memory than {limits.memory_mib} MiB)"
            ) from err
    return client.result


class _GradingClient(NotebookClient):
    """Executes the guarded copy: reads ``answer`` after answer cells, keeps capped output."""

    def __init__(self, nb, limits, workdir):
        super().__init__(
            nb,
            timeout=limits.timeout,
            startup_timeout=STARTUP_TIMEOUT,
            kernel_name="python3",
            allow_errors=True,
            interrupt_on_timeout=True,
            # Reply at once after interrupting, rather than waiting on a cell that may
            # ignore the interrupt; the error names the limit in the learner's terms.
            error_on_timeout={
                "ename": TIMEOUT_ERROR,
                "evalue": f"the cell ran longer than {limits.timeout} s and was stopped",
                "traceback": [],
            },
            store_widget_state=False,  # widget models (explorer images) are not graded
            shutdown_kernel="immediate",  # nothing in the kernel is worth a graceful exit
            resources={"metadata": {"path": workdir}},
            on_cell_error=self._record_error,
            log=_quiet_log(),
        )
        self.limits = limits
        self.result = Execution(nb)
        self.started = []
        self._kept_bytes = 0

    async def async_execute_cell(self, cell, cell_index, **kwargs):
        self.started.append(cell_index)
        cell = await super().async_execute_cell(cell, cell_index, **kwargs)
        if problem_of(cell) is not None and cell_index not in self.result.errors:
            self.result.answers[cell_index] = await self._read_answer(cell)
        return cell

    async def _read_answer(self, cell):
        """Return the kernel's user-expression result for ``answer``, None on a time-out."""
        msg_id = self.kc.execute(
            "", silent=True, store_history=False, user_expressions={"answer": ANSWER_EXPRESSION}
        )
        reply = await self.async_wait_for_reply(msg_id, cell)
        if reply is None:
            return None
        return reply["content"].get("user_expressions", {}).get("answer")

    def _record_error(self, cell, cell_index, execute_reply):
        content = execute_reply["content"]
        name = content.get("ename", "Error")
        self.result.errors[cell_index] = f"{name}: {content.get('evalue', '')}"
        if name == TIMEOUT_ERROR:
            self.result.timed_out.append(cell_index)

    def process_message(self, msg, cell, cell_index):
        """Keep output until :attr:`Limits.output_bytes` is reached, then drop it."""
        if msg["msg_type"] not in _UNCOUNTED:
            size = _text_size(msg["content"])
            if self._kept_bytes + size > self.limits.output_bytes:
                self._drop_output(cell)
                return None
            self._kept_bytes += size
        return super().process_message(msg, cell, cell_index)

    def _drop_output(self, cell):
        if not self.result.output_dropped:
            note = OUTPUT_DROPPED.format(limit=self.limits.output_bytes)
            cell.outputs.append(nbformat.v4.new_output("stream", name="stderr", text=note))
            self.result.output_dropped = True


def _text_size(content):
    """Return the number of characters of text in a message's content (nested)."""
    if isinstance(content, str):
        return len(content)
    if isinstance(content, dict):
        return sum(_text_size(key) + _text_size(value) for key, value in content.items())
    if isinstance(content, list):
        return sum(_text_size(item) for item in content)
    return 8  # a number, bool or None


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
