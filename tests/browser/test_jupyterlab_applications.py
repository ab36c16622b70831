"""The scenario explorer driven once in JupyterLab: it starts where the chapter says, and its
pump slider answers the keyboard with a new simulation.

JupyterLab runs on a temporary copy of the repository (autosave off). Screenshots go to
``artifacts/screenshots/lab-applications-*.png``.
"""

import harness
import pytest

from widgets.explorers import scenario_explorer

pytestmark = pytest.mark.browser

CHAPTER = "chapters/applications.ipynb"
VIEWPORT = {"width": 1400, "height": 1000}
PUMP = "Na⁺/K⁺ pump capacity (%)"


@pytest.fixture(scope="module")
def explorer(browser, tmp_path_factory):
    root = harness.copy_repository(tmp_path_factory.mktemp("repository"))
    with harness.jupyterlab(root) as lab:
        context, offline = harness.offline_context(browser, viewport=VIEWPORT)
        page = context.new_page()
        harness.open_notebook(page, lab, CHAPTER)
        harness.run_all_cells(page)
        view = harness.ExplorerView(page, PUMP)
        view.box.scroll_into_view_if_needed()
        yield view, offline
        context.close()


def readout(view):
    return " ".join(view.readout.inner_text().split())


def test_explorer_starts_at_the_chapter_values(explorer):
    view, offline = explorer
    harness.screenshot(view.box.page, "lab-applications-explorer")
    assert readout(view) == scenario_explorer().figure.summary(), "live and snapshot differ"
    assert not offline.blocked, f"JupyterLab asked other hosts: {offline.blocked}"


def test_pump_slider_simulates_on_a_key(explorer):
    view, _ = explorer
    src = view.image.get_attribute("src")
    view.press("ArrowLeft")  # 100 % -> 95 %: the hour after the pump slows is simulated
    percent = view.slider_value(PUMP)
    assert percent == 95.0
    expected = scenario_explorer(pump_percent=percent).figure.summary()
    assert readout(view) == expected
    assert view.image.get_attribute("src") != src, "the figure did not change"
    harness.screenshot(view.box.page, "lab-applications-explorer-95")
