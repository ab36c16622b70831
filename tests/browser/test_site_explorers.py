"""Explorers on the static site respond to the keyboard, from precomputed frames, offline.

Every explorer the book's notebooks display is found by ``explorer_catalog``; on its
page each live control is moved with the keyboard, and the readout, figure and alt
text must follow, equal to what the same explorer computes in Python for those values.
"""

import re
from pathlib import Path

import harness
import pytest
import site_pages
from explorer_catalog import notebook_explorers

from widgets.constants import celsius_to_kelvin
from widgets.formatting import MV_PER_V
from widgets.physics import nernst_potential

pytestmark = pytest.mark.browser

CELLS = notebook_explorers()
VIEWPORT = {"width": 1280, "height": 900}
# The live controls of a view, and the keys that move each forward and back.
KEYS = {
    "input[type=range]": ("ArrowRight", "ArrowLeft"),
    "select": ("ArrowDown", "ArrowUp"),
    "input[type=radio]:checked": ("ArrowRight", "ArrowLeft"),
}


def record_error(errors, text):
    if not site_pages.allowed_console(text):  # the theme's known noise (site_pages)
        errors.append(text)


def page_index(cell):
    """The explorer's position among those of its page."""
    return [c for c in CELLS if c.page == cell.page].index(cell)


@pytest.fixture(scope="module")
def tabs(browser, site_url):
    """One offline tab per page with explorers, opened on first use."""
    opened = {}

    def get(page):
        if page not in opened:
            context, offline = harness.offline_context(browser, viewport=VIEWPORT)
            tab = context.new_page()
            errors = []
            tab.on("pageerror", lambda error: record_error(errors, str(error)))
            tab.goto(f"{site_url}{page}.html", wait_until="networkidle")
            opened[page] = (tab, offline, errors)
        return opened[page]

    yield get
    for tab, _, _ in opened.values():
        tab.context.close()


def live_controls(view):
    return [(control, kind) for kind in KEYS for control in view.root.locator(kind).all()]


def python_twin(cell, view):
    """The same explorer in this process, set to the values the page shows."""
    explorer = cell.build()
    # The values site_grid() declares at this frame (a choice may show a matching preset).
    values = view.root.evaluate(
        """root => {
            const model = root.rpView.model;
            return Object.fromEntries(model.names.map(
                (name, axis) => [name, model.valuesOf(axis)[model.position[axis]]]));
        }"""
    )
    with explorer.hold():
        explorer.reset()
        explorer.set(**values)
    return explorer


@pytest.mark.parametrize("cell", CELLS, ids=[cell.id for cell in CELLS])
def test_every_live_control_moves_figure_readout_and_alt(tabs, cell):
    tab, offline, errors = tabs(cell.page)
    view = harness.ExplorerView(tab, page_index(cell))
    view.root.scroll_into_view_if_needed()
    controls = live_controls(view)
    assert controls, f"{cell.id}: no live control on the site"
    for control, kind in controls:
        for key in KEYS[kind]:  # forward, then back (so a control at its end still moves)
            before = view.state()
            view.press(control, key)
            after = view.state()
            if after["values"] == before["values"]:
                continue  # at the end of its range: the other key moves it
            label = control.get_attribute("aria-label") or control.get_attribute("id")
            assert after["status"] != before["status"], f"{cell.id}: {label} {key}: same readout"
            assert after["image"] != before["image"], f"{cell.id}: {label} {key}: same figure"
            assert after["alt"] != before["alt"], f"{cell.id}: {label} {key}: same alt text"
            twin = python_twin(cell, view)
            assert after["status"] == twin.widget.status, f"{cell.id}: readout differs from Python"
            assert after["alt"] == twin.figure.alt_text()
    assert not errors, f"{cell.id}: {errors}"
    assert not offline.blocked, f"{cell.id}: requests left this machine: {offline.blocked}"


@pytest.mark.parametrize("cell", CELLS, ids=[cell.id for cell in CELLS])
def test_reset_returns_to_the_start(tabs, cell):
    tab, _, _ = tabs(cell.page)
    view = harness.ExplorerView(tab, page_index(cell))
    slider = view.sliders.first
    start = view.state()
    view.press(slider, "End")
    assert view.state()["status"] != start["status"]
    view.press(view.root.locator("button", has_text="Reset"), "Enter")
    assert view.state() == start


def test_nernst_readout_is_the_physics_of_the_values_shown(tabs):
    cell = next(c for c in CELLS if c.factory == "nernst_explorer")
    tab, _, _ = tabs(cell.page)
    view = harness.ExplorerView(tab, page_index(cell))
    slider = view.sliders.first
    for key in ("Home", "PageUp", "ArrowRight", "ArrowRight"):
        view.press(slider, key)
        values = view.root.evaluate("root => root.rpView.model.frame().values")
        expected = nernst_potential(
            values["c_out"], values["c_in"], values["z"], celsius_to_kelvin(values["T_celsius"])
        )
        shown = re.search(r"=\s*([−+-]?\d+\.\d)\s*mV", view.state()["status"])
        assert shown, view.state()["status"]
        assert float(shown[1].replace("−", "-")) == pytest.approx(expected * MV_PER_V, abs=0.05)
        valuetext = slider.get_attribute("aria-valuetext")
        assert valuetext.endswith(" mM")
        assert float(valuetext.split()[0]) == pytest.approx(values["c_out"], rel=5e-3)
    harness.screenshot(tab, "site-chapters-nernst-explorer-moved")


def test_explorers_work_from_a_file_url(browser, site_dir):
    cell = CELLS[0]
    context, offline = harness.offline_context(browser, viewport=VIEWPORT)
    try:
        tab = context.new_page()
        errors = []
        tab.on("pageerror", lambda error: record_error(errors, str(error)))
        tab.goto(Path(site_dir, f"{cell.page}.html").resolve().as_uri())
        view = harness.ExplorerView(tab, page_index(cell))
        before = view.state()
        view.press(view.sliders.first, "ArrowLeft")
        after = view.state()
        assert after["status"] != before["status"] and after["image"] != before["image"]
        assert not errors and not offline.blocked
    finally:
        context.close()
