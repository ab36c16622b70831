"""Fixtures of the browser tests: Chromium, the built site served locally, JupyterLab.

The site is the session's one book build (``book_build`` in ``tests/conftest.py``),
shared with ``tests/book``.
"""

import os

import harness
import pytest


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
