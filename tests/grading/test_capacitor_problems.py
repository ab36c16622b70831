"""The capacitor problems: answers against an independent calculation; page and grader agree.

Expected answers are recomputed here from the textbook formulas with scipy's constants,
not with widgets.physics. Rounded constants the chapter and the exercise notebook print
must give answers graded correct, and each statement must give the numbers the grader uses.
"""

import math
from pathlib import Path

import pytest
from scipy import constants

from widgets.formatting import format_number
from widgets.grading.checks import PROBLEMS, grade
from widgets.grading.notebook import answer_cells, read_notebook
from widgets.grading.problems import capacitor as givens

ROOT = Path(__file__).resolve().parents[2]
EPS0, E, NA, R = constants.epsilon_0, constants.e, constants.N_A, constants.R
F = E * NA


def by_hand():
    """Every expected answer from the textbook formulas, in the problem's unit."""
    r = givens.CELL_DIAMETER / 2
    ions = givens.CELL_C * 4 * math.pi * r**2 * abs(givens.CELL_V) / E
    born = NA * E**2 / (8 * math.pi * EPS0 * givens.BORN_RADIUS)
    born *= 1 / givens.BORN_EPS_OIL - 1 / givens.BORN_EPS_WATER
    return {
        "capacitor-slab": givens.SLAB_EPS * EPS0 / givens.SLAB_THICKNESS / 1e-2,
        "capacitor-field": abs(givens.FIELD_V) / givens.FIELD_THICKNESS / 1e6,
        "capacitor-explorer-thickness": givens.MATCH_EPS * EPS0 / givens.MATCH_CAPACITANCE / 1e-9,
        "capacitor-charge-density": givens.CELL_C * abs(givens.CELL_V) / 1e-2,
        "capacitor-ions": ions,
        "capacitor-fraction": 100 * ions / (givens.CELL_K_IN * 4 / 3 * math.pi * r**3 * NA),
        "capacitor-born-estimate": born / (R * givens.BORN_T),
        "capacitor-tau": givens.TAU_R * givens.TAU_C / 1e-3,
    }


@pytest.mark.parametrize("problem_id", sorted(by_hand()))
def test_expected_answer_matches_the_textbook_formula(problem_id):
    assert PROBLEMS[problem_id].expected == pytest.approx(by_hand()[problem_id], rel=1e-9), (
        f"{problem_id}: the problem no longer computes what its statement asks"
    )


def test_published_values_come_out():
    assert PROBLEMS["capacitor-slab"].expected == pytest.approx(0.590, abs=1e-3)
    assert PROBLEMS["capacitor-field"].expected == pytest.approx(14.0)
    assert PROBLEMS["capacitor-explorer-thickness"].expected == pytest.approx(1.968, abs=1e-3)
    assert PROBLEMS["capacitor-tau"].expected == pytest.approx(18.0), "kOhm cm^2 x uF/cm^2 = ms"
    assert 1e-5 < PROBLEMS["capacitor-fraction"].expected < 1e-2, "a thousandth of a percent"


def test_the_pages_rounded_constants_grade_correct():
    # The chapter prints eps0 = 8.854e-12, e = 1.60e-19, N_A = 6.022e23, RT = 2.58 kJ/mol at
    # 37 degC and the rule kOhm cm^2 x uF/cm^2 = ms; the exercise hints give e = 1.602e-19
    # and RT = 8.314 x 310.
    r = givens.CELL_DIAMETER / 2
    for e in (1.60e-19, 1.602e-19):
        ions = givens.CELL_C * 4 * 3.1416 * r**2 * abs(givens.CELL_V) / e
        assert grade("capacitor-ions", ions).status == "correct", e
        percent = 100 * ions / (givens.CELL_K_IN * 4 / 3 * 3.1416 * r**3 * 6.022e23)
        assert grade("capacitor-fraction", percent).status == "correct", e
    slab = givens.SLAB_EPS * 8.854e-12 / givens.SLAB_THICKNESS / 1e-2
    assert grade("capacitor-slab", slab).status == "correct"
    d = givens.MATCH_EPS * 8.854e-12 / givens.MATCH_CAPACITANCE / 1e-9
    assert grade("capacitor-explorer-thickness", d).status == "correct"
    born = 6.022e23 * 1.60e-19**2 / (8 * 3.1416 * 8.854e-12 * givens.BORN_RADIUS)
    born *= 1 / givens.BORN_EPS_OIL - 1 / givens.BORN_EPS_WATER
    for rt in (2.58e3, 8.314 * 310):
        assert grade("capacitor-born-estimate", born / rt).status == "correct", rt
    # "about half": the bracket 1/2 - 1/80 rounded to 1/2 still makes a correct estimate
    assert grade("capacitor-born-estimate", born / 0.4875 * 0.5 / 2.58e3).status == "correct"
    kohm_cm2, uf_cm2 = givens.TAU_R / 0.1, givens.TAU_C / 1e-2
    assert grade("capacitor-tau", kohm_cm2 * uf_cm2).status == "correct"


@pytest.mark.parametrize("thickness_nm", [1.96, 1.97, 1.98])
def test_the_explorers_slider_steps_near_the_answer_grade_correct(thickness_nm):
    # The slider moves in 0.01 nm steps; the readout's C = 0.90 uF/cm^2 lies at 1.96-1.98 nm.
    assert grade("capacitor-explorer-thickness", thickness_nm).status == "correct"


def test_the_explorers_starting_slab_is_the_textbook_slip():
    result = grade("capacitor-explorer-thickness", 1.77)
    assert result.status == "incorrect" and "1 µF/cm²" in result.message


def mv(volts):
    return f"{format_number(volts * 1e3, 0)} mV"


GIVENS = {
    "capacitor-slab": [f"{givens.SLAB_THICKNESS / 1e-9:g} nm", f"about {givens.SLAB_EPS:g}"],
    "capacitor-field": [mv(givens.FIELD_V), f"{givens.FIELD_THICKNESS / 1e-9:g} nm"],
    "capacitor-explorer-thickness": [
        f"{givens.MATCH_CAPACITANCE / 1e-2:g} µF/cm²",
        f"permittivity to {givens.MATCH_EPS:g}",
    ],
    "capacitor-charge-density": [f"{givens.CELL_C / 1e-2:g} µF/cm²", mv(givens.CELL_V)],
    "capacitor-ions": [
        f"{givens.CELL_DIAMETER / 1e-6:g} µm across",
        mv(givens.CELL_V),
        f"{givens.CELL_C / 1e-2:g} µF/cm²",
    ],
    "capacitor-fraction": [f"{givens.CELL_K_IN:g} mM K⁺"],
    "capacitor-born-estimate": [
        f"{givens.BORN_RADIUS / 1e-9:g} nm",
        f"= {givens.BORN_EPS_WATER:g}",
        f"= {givens.BORN_EPS_OIL:g}",
        "37 °C",
        f"factor of {givens.ESTIMATE_FACTOR:g}",
    ],
    "capacitor-tau": [f"{givens.TAU_R / 0.1:g} kΩ·cm²", f"{givens.TAU_C / 1e-2:g} µF/cm²"],
}


@pytest.fixture(scope="module")
def learner():
    return read_notebook(ROOT / "exercises" / "capacitor.ipynb")


@pytest.mark.parametrize("problem_id", sorted(GIVENS))
def test_statement_gives_the_numbers_the_grader_uses(learner, problem_id):
    index = dict((p, i) for i, p in answer_cells(learner))[problem_id]
    statement = next(
        cell.source for cell in reversed(learner.cells[:index]) if cell.cell_type == "markdown"
    )
    text = " ".join(statement.split())
    for given in GIVENS[problem_id]:
        assert given in text, f"the statement of {problem_id} should say {given!r}"


def test_explorer_problem_shows_the_explorer_before_its_answer(learner):
    index = dict((p, i) for i, p in answer_cells(learner))["capacitor-explorer-thickness"]
    assert "capacitor_explorer()" in learner.cells[index - 1].source
