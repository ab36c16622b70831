"""The scenario explorer driven once in JupyterLab: it starts where the chapter says, and its
pump slider answers the keyboard with a new simulation.

JupyterLab is the session's one server, on a temporary copy of the repository (autosave
off). Screenshots go to ``artifacts/screenshots/lab-applications-*.png``.
"""

import harness
import pytest

from widgets.explorers import scenario_explorer

pytestmark = pytest.mark.browser

CHAPTER = "chapters/applications.ipynb"
PUMP = "Na⁺/K⁺ pump capacity (%)"


@pytest.fixture(scope="module")
def explorer(notebooks):
    """The chapter's explorer, in the session's JupyterLab (tests/browser/conftest.py)."""
    tab = notebooks(CHAPTER)
    view = harness.ExplorerView.in_notebook(tab.page)
    return view, tab.offline


def test_explorer_starts_at_the_chapter_values(explorer):
    view, offline = explorer
    harness.screenshot(view.page, "lab-applications-explorer")
    assert view.readout() == scenario_explorer().figure.summary(), "live and snapshot differ"
    assert not offline.blocked, f"JupyterLab asked other hosts: {offline.blocked}"


def test_pump_slider_simulates_on_a_key(explorer):
    view, _ = explorer
    before = view.state()["image"]
    view.press(view.slider(PUMP), "ArrowLeft")  # 100 % -> 95 %: the hour after is simulated
    percent = view.slider_value(PUMP)
    assert percent == 95.0
    assert view.readout() == scenario_explorer(pump_percent=percent).figure.summary()
    assert view.state()["image"] != before, "the figure did not change"
    harness.screenshot(view.page, "lab-applications-explorer-95")
