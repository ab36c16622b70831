"""Settings and fixtures shared by every test."""

import os

import matplotlib
import pytest
from hypothesis import settings
from repo_tools import BookBuildProcess

# Figures are rendered off-screen; no display is needed.
matplotlib.use("Agg")

# Property tests check physical laws, not speed: a loaded CI machine must not fail them on time.
settings.register_profile(
    "project", deadline=None, max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", 100))
)
settings.load_profile("project")


def reads_the_book(item):
    return "book_build" in getattr(item, "fixturenames", ())


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Run the tests that read the built book last: the build runs while the others do."""
    items.sort(key=reads_the_book)  # a stable sort: the order is otherwise unchanged


@pytest.fixture(scope="session", autouse=True)
def book_build_process(request, tmp_path_factory):
    """Start the session's one book build with the first test, if a selected test reads it."""
    if not any(map(reads_the_book, request.session.items)):
        yield None
        return
    process = BookBuildProcess(tmp_path_factory.mktemp("book"))
    yield process
    process.stop()


@pytest.fixture(scope="session")
def book_build(book_build_process):
    """The book built once per session (clean, ``-W -n --keep-going``), for every site test."""
    return book_build_process.result()
