"""Settings and fixtures shared by every test."""

import os

import matplotlib
import pytest
from hypothesis import settings
from repo_tools import build_book

# Figures are rendered off-screen; no display is needed.
matplotlib.use("Agg")

# Property tests check physical laws, not speed: a loaded CI machine must not fail them on time.
settings.register_profile(
    "project", deadline=None, max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", 100))
)
settings.load_profile("project")


@pytest.fixture(scope="session")
def book_build(tmp_path_factory):
    """The book built once per session (clean, ``-W -n --keep-going``), for every site test."""
    return build_book(tmp_path_factory.mktemp("book"))
