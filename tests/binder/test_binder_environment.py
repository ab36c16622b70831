"""What Binder (and a reader's own JupyterLab) gets from requirements.txt alone."""

import ast
import subprocess
import sys

import nbformat
import pytest
from repo_tools import BIN, ROOT, copy_repository

pytestmark = pytest.mark.slow


# Executed end to end in the fresh environment: a chapter with an explorer and a graded
# exercise. Every notebook runs under nbval and in the book build, in the development
# environment, which is requirements.txt plus test tools; what only the fresh environment
# can show is a module the book imports that requirements.txt does not install.
EXECUTED = ("chapters/nernst.ipynb", "exercises/solutions/nernst.ipynb")


def imported_modules(root):
    """Return the top-level modules imported anywhere in widgets/ or a notebook's code."""
    sources = [path.read_text(encoding="utf-8") for path in root.glob("widgets/**/*.py")]
    for path in sorted(root.glob("chapters/*.ipynb")) + sorted(root.glob("exercises/**/*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        sources += [cell.source for cell in notebook.cells if cell.cell_type == "code"]
    modules = set()
    for source in sources:
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Import):
                modules.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                modules.add(node.module.split(".")[0])
    return sorted(modules)


def test_repo2docker_build_plan_installs_requirements_with_python_311():
    repo2docker = BIN / "repo2docker"
    plan = subprocess.run(
        [str(repo2docker), "--no-build", "--no-run", "--debug", str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    text = plan.stdout + plan.stderr
    assert plan.returncode == 0, text[-3000:]
    assert "python=3.11" in text, "runtime.txt should pin Binder to Python 3.11"
    assert 'pip install --no-cache-dir -r "requirements.txt"' in text


def test_fresh_environment_from_requirements_imports_all_and_runs_a_chapter(tmp_path):
    repo = copy_repository(tmp_path / "repo")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    install = subprocess.run(
        [
            str(venv / "bin" / "python"),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "-r",
            "requirements.txt",
        ],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert install.returncode == 0, install.stderr[-3000:]
    env = {
        "PATH": f"{venv / 'bin'}:/usr/bin:/bin",
        "JUPYTER_PREFER_ENV_PATH": "1",
        "HOME": str(tmp_path),
        "MPLBACKEND": "Agg",
    }
    python = str(venv / "bin" / "python")
    modules = imported_modules(repo)
    assert "widgets" in modules and "ipywidgets" in modules, modules
    check = subprocess.run(
        [python, "-c", f"import importlib\nfor name in {modules!r}: importlib.import_module(name)"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert check.returncode == 0, f"not importable from requirements.txt:\n{check.stderr[-3000:]}"
    for notebook in EXECUTED:
        run = subprocess.run(
            [
                str(venv / "bin" / "jupyter"),
                "nbconvert",
                "--to",
                "notebook",
                "--execute",
                "--output-dir",
                str(tmp_path / "executed"),
                str(repo / notebook),
            ],
            cwd=(repo / notebook).parent,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert run.returncode == 0, f"{notebook} failed:\n{run.stderr[-3000:]}"
