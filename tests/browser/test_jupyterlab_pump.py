"""The pump-leak simulator driven once in JupyterLab: it starts where the chapter says, and
its time cursor and its pump slider answer the keyboard with the physics.

JupyterLab is the session's one server, on a temporary copy of the repository (autosave
off). Screenshots go to ``artifacts/screenshots/lab-pump-*.png``.
"""

import json
import re

import harness
import pytest

from widgets.explorers import pump_explorer

pytestmark = pytest.mark.browser

CHAPTER = "chapters/pump.ipynb"
CURSOR = "Time cursor (h)"
PUMP = "Pump capacity (% of normal)"


@pytest.fixture(scope="module")
def simulator(notebooks):
    """The chapter's simulator, in the session's JupyterLab (tests/browser/conftest.py)."""
    tab = notebooks(CHAPTER)
    view = harness.ExplorerView(tab.page, 0, scope=harness.NOTEBOOK)
    view.root.scroll_into_view_if_needed()
    return view, tab.offline


def readout(view):
    return " ".join(view.status.inner_text().split())


def slider(view, label):
    return view.root.get_by_role("slider", name=label)


def slider_value(view, label):
    return json.loads(slider(view, label).get_attribute("data-value"))


def test_simulator_starts_at_the_chapter_values(simulator):
    view, offline = simulator
    expected = pump_explorer().figure.summary()
    harness.screenshot(view.page, "lab-pump-explorer")
    assert readout(view) == expected, "the live simulator starts elsewhere than the snapshot"
    assert not offline.blocked, f"JupyterLab asked other hosts: {offline.blocked}"


def test_time_cursor_follows_the_keyboard(simulator):
    view, _ = simulator
    start = slider_value(view, CURSOR)
    view.press(slider(view, CURSOR), "ArrowRight")
    cursor = slider_value(view, CURSOR)
    assert cursor > start, "ArrowRight did not move the cursor"
    expected = pump_explorer(cursor_h=round(cursor, 6)).figure.summary()
    shown = re.search(r"At (\d\.\d\d) h: V = ([−\d.]+) mV", readout(view))
    assert shown and f"At {shown[1]} h: V = {shown[2]} mV" in expected, (readout(view), expected)


def test_pump_slider_computes_on_release_and_draws_the_physics(simulator):
    view, _ = simulator
    before = view.state()["image"]
    view.press(slider(view, PUMP), "ArrowLeft")  # 100 % -> 95 %: a new simulation
    percent = slider_value(view, PUMP)
    assert percent == 95.0
    expected = pump_explorer(pump_percent=95, cursor_h=slider_value(view, CURSOR))
    steady = re.search(r"Steady state: V = [−\d.]+ mV", expected.figure.summary())[0]
    assert steady in readout(view), (readout(view), steady)
    assert view.state()["image"] != before, "the figure did not change"
    harness.screenshot(view.page, "lab-pump-explorer-95")
