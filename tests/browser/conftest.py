"""Fixtures of the browser tests: Chromium, the built site served locally, JupyterLab.

The site is the session's one book build (``book_build`` in ``tests/conftest.py``),
shared with ``tests/book``; JupyterLab is one server for the session, each notebook
opened and run once in its own tab (``notebooks``).
"""

import os
from types import SimpleNamespace

import harness
import pytest

LAB_VIEWPORT = {"width": 1400, "height": 1000}


@pytest.fixture(scope="session")
def browser():
    reason = harness.chromium_missing_reason()
    if reason:
        if os.environ.get("CI"):  # CI must install it: a skipped browser suite hides that
            pytest.fail(reason)
        pytest.skip(reason)
    with harness.chromium() as browser:
        yield browser


@pytest.fixture(scope="session")
def site_dir(book_build):
    if book_build.returncode != 0:
        pytest.fail(f"book build failed:\n{book_build.log[-6000:]}")
    return book_build.html


@pytest.fixture(scope="session")
def site_url(site_dir):
    with harness.serve(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def repository(tmp_path_factory):
    """A copy of the repository, with the bytes of its notebooks as copied."""
    root = harness.copy_repository(tmp_path_factory.mktemp("repository"))
    return SimpleNamespace(root=root, notebooks={p: p.read_bytes() for p in root.rglob("*.ipynb")})


@pytest.fixture(scope="session")
def lab(repository):
    with harness.jupyterlab(repository.root) as lab:
        yield lab


def open_and_run(browser, lab, notebook):
    """Open ``notebook`` in a new offline tab, run all cells; return page, offline, errors."""
    context, offline = harness.offline_context(browser, viewport=LAB_VIEWPORT)
    page = context.new_page()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    harness.open_notebook(page, lab, notebook)
    harness.run_all_cells(page)
    return SimpleNamespace(page=page, context=context, offline=offline, console_errors=errors)


@pytest.fixture(scope="session")
def notebooks(browser, lab):
    """Each notebook opened in its own tab and run, once, on first use."""
    tabs = {}

    def get(notebook):
        if notebook not in tabs:
            tabs[notebook] = open_and_run(browser, lab, notebook)
        return tabs[notebook]

    yield get
    for tab in tabs.values():
        tab.context.close()
