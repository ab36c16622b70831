"""The pump-leak simulator driven once in JupyterLab: it starts where the chapter says, and
its time cursor and its pump slider answer the keyboard with the physics.

JupyterLab is the session's one server, on a temporary copy of the repository (autosave
off). Screenshots go to ``artifacts/screenshots/lab-pump-*.png``.
"""

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
    view = harness.ExplorerView.in_notebook(tab.page)
    return view, tab.offline


def test_simulator_starts_at_the_chapter_values(simulator):
    view, offline = simulator
    expected = pump_explorer().figure.summary()
    harness.screenshot(view.page, "lab-pump-explorer")
    assert view.readout() == expected, "the live simulator starts elsewhere than the snapshot"
    assert not offline.blocked, f"JupyterLab asked other hosts: {offline.blocked}"


def test_time_cursor_follows_the_keyboard(simulator):
    view, _ = simulator
    start = view.slider_value(CURSOR)
    view.press(view.slider(CURSOR), "ArrowRight")
    cursor = view.slider_value(CURSOR)
    assert cursor > start, "ArrowRight did not move the cursor"
    expected = pump_explorer(cursor_h=round(cursor, 6)).figure.summary()
    shown = re.search(r"At (\d\.\d\d) h: V = ([−\d.]+) mV", view.readout())
    assert shown and f"At {shown[1]} h: V = {shown[2]} mV" in expected, (view.readout(), expected)


def test_pump_slider_computes_on_release_and_draws_the_physics(simulator):
    view, _ = simulator
    before = view.state()["image"]
    view.press(view.slider(PUMP), "ArrowLeft")  # 100 % -> 95 %: a new simulation
    percent = view.slider_value(PUMP)
    assert percent == 95.0
    expected = pump_explorer(pump_percent=95, cursor_h=view.slider_value(CURSOR))
    steady = re.search(r"Steady state: V = [−\d.]+ mV", expected.figure.summary())[0]
    assert steady in view.readout(), (view.readout(), steady)
    assert view.state()["image"] != before, "the figure did not change"
    harness.screenshot(view.page, "lab-pump-explorer-95")
