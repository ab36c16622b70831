"""The GHK chapter and its exercises in JupyterLab: rendered MyST, a live explorer, a graded check.

JupyterLab is the session's one server, on a temporary copy of the repository (autosave
off; tests/browser/conftest.py). The tests of one notebook share its page and run in file
order. Screenshots go to ``artifacts/screenshots/lab-ghk-*.png``.
"""

import re

import harness
import nbformat
import numpy as np
import pytest

# The Nernst chapter's JupyterLab tests hold the shared step: read the markdown as
# jupyterlab-myst renders it.
from test_jupyterlab import rendered_markdown

from widgets.constants import celsius_to_kelvin
from widgets.data import get_preset
from widgets.explorers import ghk_explorer
from widgets.grading.checks import PROBLEMS, grade
from widgets.physics import ghk_voltage
from widgets.physics.leak import preset_arrays, resting_permeabilities

pytestmark = pytest.mark.browser

CHAPTER = "chapters/ghk.ipynb"
EXERCISES = "exercises/ghk.ipynb"
K_OUT = "[K⁺] outside (mM)"  # the labels of the GHK explorer's sliders
RATIOS = ("P(Na⁺) / P(K⁺) (ratio)", "P(Cl⁻) / P(K⁺) (ratio)")
TEMPERATURE = "Temperature (°C)"


def test_ghk_chapter_shows_its_headline_numbers(notebooks):
    # Roles and computed names are checked for every chapter in test_jupyterlab.py. The
    # session's ``notebooks`` opens and runs each notebook once, on first use.
    chapter = notebooks(CHAPTER)
    harness.screenshot(chapter.page, "lab-ghk-chapter")
    text = rendered_markdown(chapter.page)
    assert "−67.3" in text and "−42.2" in text, "the headline potentials are missing"


def explorer(chapter):
    return harness.ExplorerView.in_notebook(chapter.page)


def readout_mV(view):
    readout = view.readout()
    shown = re.search(r"V_GHK = ([−+-]?\d+\.\d) mV", readout)
    assert shown, f"no V_GHK in the readout {readout!r}"
    return float(shown[1].replace("−", "-"))


def physics_mV(view):
    """V_GHK for the values the sliders hold now (the neuron preset)."""
    cell = get_preset("mammalian_neuron")
    c_out, c_in, z = preset_arrays(cell)
    c_out[0] = view.slider_value(K_OUT)
    ratios = [view.slider_value(label) for label in RATIOS]
    p = resting_permeabilities(cell.key)[0] * np.array([1.0, *ratios])
    T = celsius_to_kelvin(view.slider_value(TEMPERATURE))
    return 1e3 * ghk_voltage(p, c_out, c_in, z, T)


def test_explorer_starts_at_the_chapter_values_and_follows_the_keyboard(notebooks):
    chapter = notebooks(CHAPTER)
    view = explorer(chapter)
    assert " ".join(view.status.inner_text().split()) == ghk_explorer().figure.summary()
    for key in ("ArrowRight", "PageUp"):
        before, image = readout_mV(view), view.state()["image"]
        elapsed = view.press(view.slider(K_OUT), key)
        print(f"{key}: new figure after {elapsed} ms")  # see -rP
        assert readout_mV(view) == pytest.approx(physics_mV(view), abs=0.05 + 1e-9)
        assert readout_mV(view) > before, f"{key} raised [K+]out: V must rise"
        assert view.state()["image"] != image, f"the figure did not change after {key}"
    harness.screenshot(chapter.page, "lab-ghk-explorer")


def answer_first_problem(page, answer):
    nb = nbformat.read(harness.ROOT / EXERCISES, as_version=4)
    code = [cell.source for cell in nb.cells if cell.cell_type == "code"]
    check = next(i for i, source in enumerate(code) if source.startswith('check("ghk-neuron-v"'))
    answer_cell = harness.code_cell(page, check - 1)
    answer_cell.locator(".cm-content").click()
    page.keyboard.press("Control+A")
    page.keyboard.type(f"answer = {answer}")
    harness.execute_cell(page, answer_cell)
    check_cell = harness.code_cell(page, check)
    harness.execute_cell(page, check_cell)
    check_cell.scroll_into_view_if_needed()
    return check_cell.locator(".jp-OutputArea-output").inner_text()


def test_exercise_grades_right_and_names_the_chloride_slip(notebooks):
    exercises = notebooks(EXERCISES)
    problem = PROBLEMS["ghk-neuron-v"]
    right = round(problem.expected, 2)
    feedback = answer_first_problem(exercises.page, right)
    assert "Correct" in feedback and grade(problem.id, right).message in feedback
    unswapped = round(problem.slips[1].value, 2)  # chloride entered like a cation
    slip = grade(problem.id, unswapped)
    assert "anion" in slip.message, "the grader no longer names the unswapped chloride"
    feedback = answer_first_problem(exercises.page, unswapped)
    harness.screenshot(exercises.page, "lab-ghk-exercise-slip")
    assert slip.message in feedback, feedback


def test_nothing_was_requested_from_other_hosts(notebooks):
    tabs = [notebooks(CHAPTER), notebooks(EXERCISES)]
    assert not tabs[0].offline.blocked + tabs[1].offline.blocked
