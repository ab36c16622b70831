"""The pump-leak simulator driven once in JupyterLab: it starts where the chapter says, and
its time cursor and its pump slider answer the keyboard with the physics.

JupyterLab runs on a temporary copy of the repository (autosave off). Screenshots go to
``artifacts/screenshots/lab-pump-*.png``.
"""

import re

import harness
import pytest

from widgets.explorers import pump_explorer

pytestmark = pytest.mark.browser

CHAPTER = "chapters/pump.ipynb"
VIEWPORT = {"width": 1400, "height": 1000}
CURSOR = "Time cursor (h)"
PUMP = "Pump capacity (% of normal)"


@pytest.fixture(scope="module")
def simulator(browser, tmp_path_factory):
    root = harness.copy_repository(tmp_path_factory.mktemp("repository"))
    with harness.jupyterlab(root) as lab:
        context, offline = harness.offline_context(browser, viewport=VIEWPORT)
        page = context.new_page()
        harness.open_notebook(page, lab, CHAPTER)
        harness.run_all_cells(page)
        view = harness.ExplorerView(page, CURSOR)
        view.box.scroll_into_view_if_needed()
        yield view, offline
        context.close()


def readout(view):
    return " ".join(view.readout.inner_text().split())


def test_simulator_starts_at_the_chapter_values(simulator):
    view, offline = simulator
    expected = pump_explorer().figure.summary()
    harness.screenshot(view.box.page, "lab-pump-explorer")
    assert readout(view) == expected, "the live simulator starts elsewhere than the snapshot"
    assert not offline.blocked, f"JupyterLab asked other hosts: {offline.blocked}"


def test_time_cursor_follows_the_keyboard(simulator):
    view, _ = simulator
    start = view.slider_value(CURSOR)
    view.press("ArrowRight")
    cursor = view.slider_value(CURSOR)
    assert cursor > start, "ArrowRight did not move the cursor"
    expected = pump_explorer(cursor_h=round(cursor, 6)).figure.summary()
    shown = re.search(r"At (\d\.\d\d) h: V = ([−\d.]+) mV", readout(view))
    assert shown and f"At {shown[1]} h: V = {shown[2]} mV" in expected, (readout(view), expected)


def test_pump_slider_computes_on_release_and_draws_the_physics(simulator):
    view, _ = simulator
    pump = harness.ExplorerView(view.box.page, PUMP)
    src = pump.image.get_attribute("src")
    pump.press("ArrowLeft")  # 100 % -> 95 %: a new simulation
    percent = pump.slider_value(PUMP)
    assert percent == 95.0
    expected = pump_explorer(pump_percent=95, cursor_h=view.slider_value(CURSOR))
    steady = re.search(r"Steady state: V = [−\d.]+ mV", expected.figure.summary())[0]
    assert steady in readout(view), (readout(view), steady)
    assert pump.image.get_attribute("src") != src, "the figure did not change"
    harness.screenshot(view.box.page, "lab-pump-explorer-95")
