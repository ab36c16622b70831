"""Limits on learner code: memory, output kept, file size, working folder and environment."""

import json
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat
import pytest

from widgets.grading.grader import collect
from widgets.grading.kernel import execute
from widgets.grading.limits import FIXED_VARIABLES, Limits

SECRET = "RP_GRADER_TEST_SECRET"
LIMITS = Limits(timeout=20, memory_mib=2048, output_bytes=100_000, file_mib=1)

# Each cell probes one limit; an answer cell at the end shows grading goes on after them.
PROBES = {
    "where": (
        "import json, os\n"
        "print(json.dumps({'cwd': os.getcwd(), 'files': os.listdir('.'), "
        f"'secret': os.environ.get({SECRET!r}), 'env': sorted(os.environ)}}))"
    ),
    "memory": "block = bytearray(3 * 1024**3)  # 3 GiB",
    "undo": (
        "import resource\n"
        "resource.setrlimit(resource.RLIMIT_AS, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))"
    ),
    "file": "with open('big.bin', 'wb') as f:\n    f.write(b'0' * 2 * 2**20)  # 2 MiB",
    "output": "print('x' * 3_000_000)  # 3 MB",
    "after": "print('still running')",
}


@pytest.fixture(scope="module")
def run():
    """One kernel runs every probe (tests that use it are marked slow)."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(source) for source in PROBES.values()]
    answer = nbformat.v4.new_code_cell("answer = -89.06", metadata={"tags": ["answer"]})
    answer.metadata["grading"] = {"problem": "nernst-ek"}
    nb.cells.append(answer)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(SECRET, "s3cret")
        execution = execute(nb, LIMITS)
    cells = dict(zip(PROBES, execution.notebook.cells, strict=False))
    return execution, cells


def index(name):
    return list(PROBES).index(name)


def text(cell):
    return "".join(output.get("text", "") for output in cell.outputs)


@pytest.mark.slow
def test_kernel_works_in_a_fresh_empty_temporary_folder_removed_afterwards(run):
    _, cells = run
    seen = json.loads(text(cells["where"]))
    assert seen["files"] == [], "the kernel's folder must start empty"
    assert seen["cwd"].startswith(os.path.realpath(tempfile.gettempdir()))
    assert not os.path.exists(seen["cwd"]), "the temporary folder must be removed"


@pytest.mark.slow
def test_kernel_sees_none_of_the_graders_other_variables(run):
    _, cells = run
    seen = json.loads(text(cells["where"]))
    assert seen["secret"] is None and SECRET not in seen["env"]
    assert "PATH" in seen["env"] and set(FIXED_VARIABLES) <= set(seen["env"])


@pytest.mark.slow
def test_allocating_more_than_the_memory_cap_fails_in_that_cell_only(run):
    execution, cells = run
    assert execution.errors[index("memory")].startswith("MemoryError")
    assert text(cells["after"]).strip() == "still running"


@pytest.mark.slow
def test_the_memory_cap_cannot_be_raised_from_the_notebook(run):
    execution, _ = run
    assert execution.errors[index("undo")].startswith("ValueError")


@pytest.mark.slow
def test_writing_a_file_beyond_the_cap_fails(run):
    execution, _ = run
    assert "File too large" in execution.errors[index("file")]


@pytest.mark.slow
def test_output_beyond_the_cap_is_dropped_with_a_note(run):
    execution, cells = run
    assert execution.output_dropped
    kept = sum(len(text(cell)) for cell in execution.notebook.cells)
    assert kept < LIMITS.output_bytes
    assert "keeps 100,000 bytes" in text(cells["output"])


@pytest.mark.slow
def test_grading_goes_on_after_every_limit_was_hit(run):
    execution, _ = run
    (grade,) = collect(execution)
    assert (grade.problem, grade.status) == ("nernst-ek", "correct")


@pytest.mark.parametrize("name", ["timeout", "memory_mib", "output_bytes", "file_mib"])
@pytest.mark.parametrize("bad", [0, -1, 1.5, True, "30"])
def test_limits_are_whole_positive_numbers(name, bad):
    with pytest.raises(ValueError, match=name):
        Limits(**{name: bad})


def test_launch_options_pass_only_the_listed_variables(monkeypatch, tmp_path):
    monkeypatch.setenv(SECRET, "s3cret")
    monkeypatch.setenv("LANG", "C.UTF-8")
    options = Limits().launch_options(str(tmp_path))
    env = options["env"]
    assert SECRET not in env and env["LANG"] == "C.UTF-8"
    assert env["IPYTHONDIR"] == str(tmp_path)
    assert callable(options["preexec_fn"])


def test_the_caps_are_hard_limits_in_the_child(monkeypatch):
    calls = []
    monkeypatch.setattr(resource, "getrlimit", lambda which: (-1, resource.RLIM_INFINITY))
    monkeypatch.setattr(resource, "setrlimit", lambda which, limits: calls.append((which, limits)))
    Limits(memory_mib=1024, file_mib=8).launch_options("/tmp")["preexec_fn"]()
    assert dict(calls) == {
        resource.RLIMIT_AS: (1024 * 2**20, 1024 * 2**20),
        resource.RLIMIT_FSIZE: (8 * 2**20, 8 * 2**20),
    }


def test_readme_states_the_default_limits():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    limits = Limits()
    assert f"(`--timeout`, {limits.timeout} s)" in readme
    assert f"(`--memory`, {limits.memory_mib} MiB)" in readme


@pytest.mark.slow
def test_a_kernel_that_cannot_start_under_the_cap_is_one_plain_error(tmp_path):
    script = (
        "from widgets.grading.kernel import execute\n"
        "from widgets.grading.limits import Limits\n"
        "import nbformat\n"
        "try:\n"
        "    execute(nbformat.v4.new_notebook(), Limits(memory_mib=300))\n"
        "except RuntimeError as err:\n"
        "    print(err)\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert "more memory than 300 MiB" in proc.stdout
    assert proc.stderr == "", "no traceback at exit (nbclient's clean-up of a dead kernel)"
