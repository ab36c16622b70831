"""The pump problems: expected answers from textbook arithmetic, page and grader in step."""

import math
import re
from pathlib import Path

import pytest
from scipy import constants

from widgets.explorers.pump import SCENARIOS, pump_explorer
from widgets.grading.checks import PROBLEMS, grade
from widgets.grading.notebook import answer_cells, read_notebook
from widgets.grading.problems import pump

ROOT = Path(__file__).resolve().parents[2]
E = constants.e  # C
N_A = constants.N_A  # 1/mol
F = constants.physical_constants["Faraday constant"][0]  # C/mol
R_SOMA = 10e-6  # m


def textbook(problem_id, e=E, n_a=N_A, faraday=F):
    """Each answer by hand, from the numbers the notebook states (not from widgets.physics)."""
    volume = 4 / 3 * math.pi * R_SOMA**3
    area = 4 * math.pi * R_SOMA**2
    v, e_na, e_k = -64.1e-3, 66.6e-3, -89.1e-3
    return {
        "pump-rundown": 140 * volume * n_a / 7.7e7 / 3600,
        "pump-current": e * 1.16e8 / 3 * 1e12,
        "pump-atp": 1.16e8 / 3,
        "pump-shift": -6.2e-12 / (0.88 * area) * 1e3,
        "pump-power": 3.87e7 / n_a * 55e3 * 1e12,
        "pump-cycle-energy": faraday * (3 * (e_na - v) + 2 * (v - e_k)) / 1e3,
        "pump-brain-estimate": 86e9 * 4e7 / n_a * 55e3,
    }[problem_id]


HAND_WORKED = [
    "pump-rundown",
    "pump-current",
    "pump-atp",
    "pump-shift",
    "pump-power",
    "pump-cycle-energy",
    "pump-brain-estimate",
]


@pytest.mark.parametrize("problem_id", HAND_WORKED)
def test_expected_answer_matches_the_textbook_arithmetic(problem_id):
    assert PROBLEMS[problem_id].expected == pytest.approx(textbook(problem_id), rel=1e-9), (
        f"{problem_id}: the problem no longer computes what its statement asks"
    )


@pytest.mark.parametrize("problem_id", HAND_WORKED)
@pytest.mark.parametrize(
    "rounded",
    [
        {"e": 1.602e-19, "n_a": 6.022e23, "faraday": 96485.0},  # as the chapter and hints print
        {"e": 1.6e-19, "n_a": 6.02e23, "faraday": 96500.0},  # rounded further, as often taught
    ],
    ids=["printed", "rounded"],
)
def test_rounded_constants_are_graded_correct(problem_id, rounded):
    result = grade(problem_id, textbook(problem_id, **rounded))
    assert result.status == "correct", result.message


@pytest.mark.parametrize(
    ("problem_id", "page"),
    [
        # The chapter's worked example, with the ion count it prints: 3.5e11 / 7.7e7 s.
        ("pump-rundown", 3.5e11 / 7.7e7 / 3600),
        # The chapter's own results for the same soma, as it prints them.
        ("pump-rundown", 1.3),
        ("pump-current", 6.2),
        ("pump-atp", 3.9e7),
        ("pump-power", 3.5),
        ("pump-shift", -5.6),
        ("pump-cycle-energy", 42.6),
    ],
)
def test_the_chapters_worked_numbers_are_graded_correct(problem_id, page):
    result = grade(problem_id, page)
    assert result.status == "correct", result.message


def test_estimate_accepts_the_rough_avogadro_of_the_hint():
    assert grade("pump-brain-estimate", textbook("pump-brain-estimate", n_a=6e23)).status == (
        "correct"
    )


def test_signs_and_sizes_follow_the_physics():
    assert PROBLEMS["pump-shift"].expected < 0, "an outward pump current hyperpolarises"
    assert 1 < -PROBLEMS["pump-shift"].expected < 10, "a few millivolts"
    assert PROBLEMS["pump-current"].expected > 0, "the net pump current is outward"
    assert 0.5 < PROBLEMS["pump-cycle-energy"].expected / 55 < 1, "below what ATP supplies"
    assert PROBLEMS["pump-explorer-block"].expected < pump.K_IN / 2, "K+ halves within an hour"


def test_the_simulators_readout_is_graded_correct():
    # The learner reads [K+] at 1.00 h from the simulator's readout, shown to 0.1 mM.
    explorer = pump_explorer(pump.EXPLORER_SCENARIO, cursor_h=pump.EXPLORER_TIME_H)
    shown = re.search(r"At 1\.00 h: .*?\[K⁺\] (\d+\.\d) mM", explorer.readout.value)
    assert shown, f"no [K+] at 1.00 h in the readout: {explorer.readout.value[:300]}"
    assert grade("pump-explorer-block", float(shown[1])).status == "correct"
    exact = explorer.figure.values_at(pump.EXPLORER_TIME_H)["k"]
    assert grade("pump-explorer-block", exact).status == "correct"
    assert SCENARIOS[pump.EXPLORER_SCENARIO].label == "Pump blocked (ouabain)"


def test_feedback_quotes_the_chapters_numbers():
    assert pump.CELL["share"] == "5.4" and pump.CELL["v_rest"] == "−64.1"
    assert pump.CELL["na_flux"] == "1.2 × 10⁸" and pump.CELL["cycles"] == "3.9 × 10⁷"
    feedback = " ".join(
        option.feedback
        for problem in pump.PROBLEMS
        if hasattr(problem, "options")
        for option in problem.options
    )
    for value in pump.CELL.values():
        assert value in feedback, f"{value!r} is computed for the feedback but never quoted"


STATED = {
    "pump-rundown": ["10 µm", "140 mM", "7.7 × 10⁷", "hours"],
    "pump-current": ["1.16 × 10⁸", "3 Na⁺ out and 2 K⁺ in", "pA"],
    "pump-atp": ["1.16 × 10⁸", "one ATP"],
    "pump-shift": ["10 µm", "6.2 pA", "0.88 S/m²", "mV"],
    "pump-explorer-block": ["1 h", "mM"],
    "pump-power": ["3.87 × 10⁷", "55 kJ/mol", "pW"],
    "pump-cycle-energy": ["−64.1 mV", "+66.6 mV", "−89.1 mV", "kJ/mol"],
    "pump-brain-estimate": ["86 billion", "4.0 × 10⁷", "55 kJ/mol", "factor of 3"],
}


def test_notebook_states_the_givens_the_grader_uses():
    # The constants of the problem module, as the statements must print them.
    assert (pump.K_EFFLUX, pump.NA_INFLUX, pump.PUMP_CURRENT) == (7.7e7, 1.16e8, 6.2e-12)
    assert (pump.SPECIFIC_CONDUCTANCE, pump.ATP_RATE, pump.DELTA_G) == (0.88, 3.87e7, 55e3)
    assert (pump.V_REST, pump.E_NA, pump.E_K, pump.RADIUS) == (-64.1e-3, 66.6e-3, -89.1e-3, 1e-5)
    assert (pump.BRAIN_NEURONS, pump.BRAIN_ATP_PER_NEURON, pump.K_IN) == (86e9, 4e7, 140.0)
    nb = read_notebook(ROOT / "exercises" / "solutions" / "pump.ipynb")
    for index, problem_id in answer_cells(nb):
        statement = " ".join(nb.cells[index - 1].source.split())
        for given in STATED.get(problem_id, []):
            assert given in statement, f"{problem_id}: the statement should say {given!r}"


def test_the_explorer_statement_names_the_scenario_and_time():
    nb = read_notebook(ROOT / "exercises" / "solutions" / "pump.ipynb")
    text = " ".join(
        " ".join(cell.source.split()) for cell in nb.cells if cell.cell_type == "markdown"
    )
    assert "**Pump blocked (ouabain)**" in text and "1.00 h" in text
