"""Hooks and fixtures for every test the repository holds: tests/, chapters/, exercises/.

They live at the top so that they apply whichever paths pytest is given (a notebook alone
too): the order of the session, the work units of ``make test``'s two workers, and the
session's one book build. Settings of the Python tests are in ``tests/conftest.py``.
"""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "tests"))
from repo_tools import BookBuildProcess  # noqa: E402 - tests/ is on the path from here on


def reads_the_book(item):
    """Return whether ``item`` uses the built book."""
    return "book_build" in getattr(item, "fixturenames", ())


def in_worker(config):
    """Return whether this process is a pytest-xdist worker (``make test`` runs two)."""
    return hasattr(config, "workerinput")


def work_unit(nodeid):
    """Return the unit of tests one worker of ``make test`` runs together, in order.

    The site tests share one book build and the JupyterLab tests one server; any other
    file (a notebook's cells above all) stays whole.
    """
    path = nodeid.split("::", 1)[0]
    name = path.rsplit("/", 1)[-1]
    if name.startswith("test_site") or name == "test_book_build.py":
        return "site"
    if name.startswith("test_jupyterlab"):
        return "jupyterlab"
    return path


UNIT_ORDER = {"site": 0, "jupyterlab": 1}  # the longest units first, the book build first


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Order the session so the book build overlaps the other tests.

    With two workers, the site tests come first, so one worker starts building the book
    at once while the other works through the rest. In one process, the tests that read
    the book run last, while the build runs in the background.
    """
    if in_worker(config):
        items.sort(key=lambda item: UNIT_ORDER.get(work_unit(item.nodeid), 2))
    else:
        items.sort(key=reads_the_book)  # a stable sort: the order is otherwise unchanged


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """Hand out whole work units (see :func:`work_unit`) in the session's order."""
    from xdist.scheduler import LoadScopeScheduling

    class WorkUnits(LoadScopeScheduling):
        def _split_scope(self, nodeid):
            return work_unit(nodeid)

    config.option.loadscopereorder = False  # keep the order above: the book build first
    return WorkUnits(config, log)


@pytest.fixture(scope="session", autouse=True)
def book_build_process(request, tmp_path_factory):
    """Start the session's one book build with the first test, if a selected test reads it.

    A worker of ``make test`` starts it only when its first site test asks for it: both
    workers collect every test, and only one runs the site.
    """
    wanted = any(map(reads_the_book, request.session.items))
    if not wanted or in_worker(request.config):
        yield None
        return
    process = BookBuildProcess(tmp_path_factory.mktemp("book"))
    yield process
    process.stop()


@pytest.fixture(scope="session")
def book_build(book_build_process, tmp_path_factory):
    """Return the book built once per session (clean, ``-W -n --keep-going``)."""
    process = book_build_process or BookBuildProcess(tmp_path_factory.mktemp("book"))
    return process.result()
