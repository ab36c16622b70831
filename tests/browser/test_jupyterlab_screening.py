"""The screening explorer driven in JupyterLab: it starts where the chapter says, and its
salt slider answers the keyboard with the physics of ``screening_explorer``.

JupyterLab is the session's one server (``tests/browser/conftest.py``); the generic
tests of every explorer (keys, names, accessibility) are in ``test_jupyterlab.py``.
Screenshots go to ``artifacts/screenshots/lab-screening-*.png``.
"""

import json

import harness
import pytest

from widgets.explorers import screening_explorer

pytestmark = pytest.mark.browser

CHAPTER = "chapters/screening.ipynb"
SALT = "Bath salt (mM)"  # the label of the explorer's log slider


@pytest.fixture(scope="module")
def view(notebooks):
    tab = notebooks(CHAPTER)
    view = harness.ExplorerView.in_notebook(tab.page)
    return view


def test_explorer_starts_at_the_chapter_values(view):
    harness.screenshot(view.page, "lab-screening-explorer")
    assert view.readout() == " ".join(screening_explorer().figure.summary().split())


def test_salt_slider_follows_the_keyboard_with_the_physics(view):
    slider = view.root.get_by_role("slider", name=SALT)
    before = json.loads(slider.get_attribute("data-value"))
    view.press(slider, "PageDown")
    salt = json.loads(slider.get_attribute("data-value"))
    assert salt < before, "PageDown did not lower the bath salt"
    explorer = screening_explorer()
    explorer.set(c_salt=salt)
    assert view.readout() == " ".join(explorer.figure.summary().split())
    harness.screenshot(view.page, "lab-screening-explorer-diluted")
