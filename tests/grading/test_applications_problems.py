"""The applications problems: expected answers by independent formulas; page and grader agree."""

import math
import re
from pathlib import Path

import pytest
from exercise_text import statement as exercise_statement
from scipy import constants

from widgets.grading.checks import PROBLEMS, grade
from widgets.grading.problems import applications

ROOT = Path(__file__).resolve().parents[2]
R, F, E = constants.R, constants.physical_constants["Faraday constant"][0], constants.e
T37, T25 = 310.15, 298.15  # K


def ghk_mV(p, c_out, c_in, T):
    """GHK voltage of cations (p, c_out, c_in) and one anion given as (p, c_in, c_out)."""
    top = sum(pi * co for pi, co, _ in zip(p, c_out, c_in, strict=True))
    bottom = sum(pi * ci for pi, _, ci in zip(p, c_out, c_in, strict=True))
    return 1e3 * R * T / F * math.log(top / bottom)


INDEPENDENT = {
    # Luo and Rudy's heart cell (145/10 mM inside, 140 mM Na+ outside), P_Na/P_K = 0.01, 8 mM K+.
    "applications-heart-rest": lambda: ghk_mV([1, 0.01], [8, 140], [145, 10], T37),
    # The mammalian cell with P_K : P_Na : P_Cl = 3 : 0.04 : 0.45; Cl- enters with sides swapped.
    "applications-exposed-rest": lambda: ghk_mV([3, 0.04, 0.45], [5, 145, 10], [140, 12, 110], T37),
    # C A dV / e for a 1 um x 100 um cylinder at 1 uF/cm^2 and 100 mV.
    "applications-sodium-estimate": lambda: 1e-2 * math.pi * 1e-6 * 100e-6 * 0.1 / E,
    "applications-pmf": lambda: -120 - 1e3 * math.log(10) * R * T37 / F * (7.7 - 7.0),
    "applications-proton-nernst": lambda: 1e3 * R * T25 / F * math.log(10**-6.0 / 10**-7.3),
    "applications-plant-accumulation": lambda: 1.0 * math.exp(0.110 * F / (R * T25)),
}


@pytest.mark.parametrize(("problem_id", "independent"), INDEPENDENT.items())
def test_expected_answer_matches_the_textbook_formula(problem_id, independent):
    assert PROBLEMS[problem_id].expected == pytest.approx(independent(), rel=1e-6), (
        f"{problem_id}: the problem no longer computes what its statement asks"
    )


def test_explorer_answer_is_the_scenario_explorers_readout():
    from widgets.explorers import scenario_explorer

    explorer = scenario_explorer(scenario="pump_quarter")
    problem = PROBLEMS["applications-explorer-pump"]
    assert explorer.figure.depolarisation_time / 60 == pytest.approx(problem.expected)
    shown = re.search(r"passes −50\.0 mV after (\S+) min", explorer.figure.summary())[1]
    assert grade(problem.id, float(shown)).status == "correct", (
        "the value the explorer shows, to one decimal, must grade correct"
    )


@pytest.mark.parametrize(
    ("problem_id", "rounded"),
    [
        # The page's rounded constants: RT/F = 26.73 mV at 37 degC, 61.54 mV per pH unit at
        # 37 degC, 59.2 mV per pH unit at 25 degC, and the worked example's ln(0.0648) = -2.737.
        ("applications-heart-rest", 26.73 * -2.737),
        ("applications-pmf", -120 - 61.54 * 0.7),
        ("applications-proton-nernst", 59.2 * 1.3),
        ("applications-plant-accumulation", 10 ** (110 / 59.2)),
        # The statement's answer read from the explorer.
        ("applications-explorer-pump", 42.5),
        # Rough numbers for the estimate: area 3 x 1e-6 x 1e-4 m^2, 0.01 F/m^2, 0.1 V, 1.6e-19 C.
        ("applications-sodium-estimate", 3e-10 * 1e-2 * 0.1 / 1.6e-19),
    ],
)
def test_rounded_constants_of_the_page_grade_correct(problem_id, rounded):
    result = grade(problem_id, rounded)
    assert result.status == "correct", result.message


def statement(problem_id):
    return exercise_statement("applications", problem_id)


HEART, PLANT, COLI = applications.HEART, applications.PLANT, applications.COLI


@pytest.mark.parametrize(
    ("problem_id", "givens"),
    [
        (
            "applications-heart-rest",
            [
                f"{HEART.c_in['K']:g} mM K⁺ and {HEART.c_in['Na']:g} mM Na⁺",
                f"{HEART.c_out['Na']:g} mM Na⁺",
                f"{applications.HEART_K_OUT:g} mM K⁺",
                f"= {HEART.permeability['Na']:g}",
                "37 °C",
            ],
        ),
        ("applications-explorer-pump", [f"{100 * applications.EXPLORER_PUMP:.0f} %", "−50 mV"]),
        (
            "applications-exposed-rest",
            ["1 : 0.04 : 0.45", f"{applications.EXPOSED_K:g} × $P_\\mathrm{{K}}$", "37 °C"],
        ),
        (
            "applications-sodium-estimate",
            [
                f"{applications.STRETCH_UM:g} µm of bare axon",
                f"{applications.AXON_DIAMETER_UM:g} µm across",
                f"{applications.SPIKE_MV:g} mV",
                f"= {applications.CAPACITANCE_UF_CM2:g} µF/cm²",
            ],
        ),
        ("applications-pmf", ["pH 7.0", "pH 7.7", "= −120 mV", "37 °C"]),
        ("applications-proton-nernst", ["pH 6.0", "pH 7.3", "25 °C"]),
        ("applications-plant-accumulation", ["−110 mV", "1 mM K⁺", "25 °C"]),
    ],
)
def test_notebook_states_the_givens_the_grader_uses(problem_id, givens):
    text = statement(problem_id)
    for given in givens:
        assert given in text, f"{problem_id}: the statement should say {given!r}"


def test_statement_numbers_are_the_presets():
    from widgets.constants import concentration_to_ph

    assert concentration_to_ph(COLI.c_in["H"]) == pytest.approx(7.7)
    assert concentration_to_ph(COLI.c_out["H"]) == pytest.approx(7.0)
    assert COLI.v_rest == -0.120 and PLANT.v_rest == -0.110
    assert concentration_to_ph(PLANT.c_out["H"]) == pytest.approx(6.0)
    assert concentration_to_ph(PLANT.c_in["H"]) == pytest.approx(7.3)
    assert PLANT.c_out["K"] == 1.0
    neuron = applications.NEURON
    assert [neuron.c_out[i] for i in ("K", "Na", "Cl")] == [5.0, 145.0, 110.0]
    assert [neuron.c_in[i] for i in ("K", "Na", "Cl")] == [140.0, 12.0, 10.0]


def test_signs_and_sizes_follow_the_physics():
    assert PROBLEMS["applications-heart-rest"].expected > -77.4, "the Na+ leak holds V above E_K"
    assert PROBLEMS["applications-pmf"].expected < -120, "both parts push protons in"
    assert PROBLEMS["applications-proton-nernst"].expected > 0, "outside more acidic"
    assert PROBLEMS["applications-plant-accumulation"].expected > 1, "a negative cell holds K+"
    assert 19 < PROBLEMS["applications-explorer-pump"].expected < 60
