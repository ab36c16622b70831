"""What Binder (and a reader's own JupyterLab) gets from requirements.txt alone."""

import subprocess
import sys

import pytest
from repo_tools import BIN, ROOT, copy_repository

pytestmark = pytest.mark.slow


def notebooks(root):
    return sorted(root.glob("chapters/*.ipynb")) + sorted(root.glob("exercises/**/*.ipynb"))


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


def test_fresh_environment_from_requirements_runs_every_notebook(tmp_path):
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
    found = notebooks(repo)
    assert len(found) >= 3, "expected chapters and exercises to execute"
    for notebook in found:
        run = subprocess.run(
            [
                str(venv / "bin" / "jupyter"),
                "nbconvert",
                "--to",
                "notebook",
                "--execute",
                "--output-dir",
                str(tmp_path / "executed"),
                str(notebook),
            ],
            cwd=notebook.parent,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert run.returncode == 0, f"{notebook.relative_to(repo)} failed:\n{run.stderr[-3000:]}"
