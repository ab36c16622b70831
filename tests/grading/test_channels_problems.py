"""The channels problems: expected answers against independent formulas, page and grader agree."""

import math
import re
from pathlib import Path

import pytest
from exercise_text import statement as exercise_statement
from scipy import constants

from widgets.grading.checks import PROBLEMS, grade
from widgets.grading.problems import channels

ROOT = Path(__file__).resolve().parents[2]
R, F = constants.R, constants.physical_constants["Faraday constant"][0]
T_BODY, T_SQUID = 310.15, 293.15  # K
KCAL = 4184.0  # J, thermochemical


def hh_n_inf(v_mV):
    """Hodgkin & Huxley (1952) steady-state n, written out here from their rate equations."""
    u = v_mV + 65.0  # depolarisation from their rest, mV
    alpha = 0.01 * (10.0 - u) / (math.exp((10.0 - u) / 10.0) - 1.0)
    beta = 0.125 * math.exp(-u / 80.0)
    return alpha / (alpha + beta)


def e_k_squid_mV():
    """E_K of the squid axon, 20 mM outside and 400 mM inside at 20 degC (kandel2013)."""
    return 1e3 * R * T_SQUID / F * math.log(20.0 / 400.0)


INDEPENDENT = {
    "channels-selectivity-ratio": lambda: math.exp(5.0 * KCAL / (R * T_BODY)),
    "channels-patch-conductance": lambda: 250 * 0.4 * 15 / 1000,  # pS -> nS
    # 120 mS/cm^2 = 1200 S/m^2 over 18 pS, times the side of a 0.5 mm x 1 mm cylinder.
    "channels-count-estimate": lambda: 1200 / 18e-12 * math.pi * 0.5e-3 * 1e-3,
    "channels-boltzmann": lambda: 1 / (1 + math.exp(-(-60 - (-45)) / 5)),
    "channels-resting-k-current": lambda: 36 * hh_n_inf(-60) ** 4 * (-60 - e_k_squid_mV()),
}


@pytest.mark.parametrize(("problem_id", "independent"), INDEPENDENT.items())
def test_expected_answer_matches_the_textbook_formula(problem_id, independent):
    assert PROBLEMS[problem_id].expected == pytest.approx(independent(), rel=1e-6), (
        f"{problem_id}: the problem no longer computes what its statement asks"
    )


def test_hh_n_inf_here_is_hodgkin_and_huxleys():
    assert hh_n_inf(-65.0) == pytest.approx(0.3177, abs=1e-4)  # their resting n0 = 0.31768


def test_explorer_answer_is_the_rest_explorers_readout():
    from widgets.explorers import rest_explorer

    explorer = rest_explorer(g_k_max=0.0)
    (point,) = explorer.figure.points
    problem = PROBLEMS["channels-explorer-no-k-channels"]
    assert point.stable and point.v * 1e3 == pytest.approx(problem.expected)
    shown = re.search(r"One rest point: (\S+) mV", explorer.figure.summary())[1]
    assert grade(problem.id, float(shown.replace("−", "-"))).status == "correct", (
        "the value the explorer shows, to one decimal, must grade correct"
    )


@pytest.mark.parametrize(
    ("problem_id", "rounded"),
    [
        # The page's rounded constants, typed here as the page prints them (the routes of
        # the problem module cover them too): RT = 2.579 kJ/mol at 37 degC, 1 kcal =
        # 4.184 kJ, R = 8.314 J/(mol K), every 5.94 kJ/mol a factor of ten.
        ("channels-selectivity-ratio", math.exp(5.0 * 4.184 / 2.579)),
        ("channels-selectivity-ratio", math.exp(5.0 * 4184 / (8.314 * 310.15))),
        ("channels-selectivity-ratio", 10 ** (5.0 * 4.184 / 5.94)),
        # The statement's n_inf = 0.3963 and E_K = -75.7 mV.
        ("channels-resting-k-current", 36 * 0.3963**4 * (-60 + 75.7)),
        # The chapter's tenfold for every 11.5 mV, inside the full Boltzmann formula.
        ("channels-boltzmann", 1 / (1 + 10 ** (15 / 11.5))),
        # The statement asks for three significant figures.
        ("channels-boltzmann", 0.0474),
        # Rough numbers for the estimate: 1e3 S/m^2 over 2e-11 S, area 3 x 0.5 mm x 1 mm.
        ("channels-count-estimate", 1e3 / 2e-11 * 3 * 0.5e-3 * 1e-3),
    ],
)
def test_rounded_constants_of_the_page_grade_correct(problem_id, rounded):
    result = grade(problem_id, rounded)
    assert result.status == "correct", result.message


def statement(problem_id):
    return exercise_statement("channels", problem_id)


@pytest.mark.parametrize(
    ("key", "problem_id"),
    [("R", "channels-selectivity-ratio"), ("n_inf at −60 mV", "channels-resting-k-current")],
)
def test_statement_prints_the_roundings_the_chapter_does_not(key, problem_id):
    assert key in channels.STATED
    item = next(item for item in channels.ROUNDED if item.key == key)
    assert f"= {item.printed:g}" in statement(problem_id), f"the statement should give {item.text}"


@pytest.mark.parametrize("answer", [math.exp(-3), 10 ** (-15 / 11.5)], ids=["e-fold", "tenfold"])
def test_the_tail_rule_outside_its_range_is_named(answer):
    # Three slope factors below V_half, the exponential tail is 5 % too large: the chapter's
    # rule for far below V_half, applied too close to it.
    result = grade("channels-boltzmann", answer)
    assert result.status == "incorrect" and "exponential tail" in result.message


@pytest.mark.parametrize(
    ("problem_id", "givens"),
    [
        ("channels-selectivity-ratio", [f"= {channels.DDG_KCAL:g} kcal/mol", "37 °C"]),
        (
            "channels-patch-conductance",
            [
                f"{channels.PATCH_CHANNELS} K⁺ leak channels",
                f"= {channels.PATCH_GAMMA_PS:g} pS",
                f"= {channels.PATCH_P_OPEN:g}",
            ],
        ),
        (
            "channels-count-estimate",
            [
                f"{channels.HH_G_NA_MAX / 10:g} mS/cm²",
                f"{channels.GAMMA_NA_PS:g} pS",
                f"{channels.AXON_LENGTH * 1e3:g} mm length",
                f"{channels.AXON_DIAMETER * 1e3:g} mm across",
            ],
        ),
        (
            "channels-boltzmann",
            [
                f"= −{abs(channels.GATE_V_HALF_MV):g} mV",
                f"= {channels.GATE_SLOPE_MV:g} mV",
                f"= −{abs(channels.GATE_V_MV):g} mV",
            ],
        ),
        (
            "channels-resting-k-current",
            [
                f"= {channels.HH_G_K_MAX / 10:g} mS/cm²",
                f"= −{abs(channels.K_CURRENT_V) * 1e3:g} mV",
                f"= {channels.hh_steady_state_gates(channels.K_CURRENT_V)[2]:.4f}",
                f"= −{abs(channels.E_K_SQUID) * 1e3:.1f} mV",
            ],
        ),
    ],
)
def test_notebook_states_the_givens_the_grader_uses(problem_id, givens):
    text = statement(problem_id)
    for given in givens:
        assert given in text, f"{problem_id}: the statement should say {given!r}"


def test_predict_statement_names_the_sites_of_the_physics():
    from widgets.physics.selectivity import ANGSTROM, K_SITE_RADIUS, N_LIGANDS, NA_SITE_RADIUS

    text = statement("channels-predict-na-site")
    assert (
        f"{K_SITE_RADIUS / ANGSTROM:.2f} Å" in text and f"{NA_SITE_RADIUS / ANGSTROM:.2f} Å" in text
    )
    assert f"{N_LIGANDS} carbonyl oxygens" in text


def test_signs_and_sizes_follow_the_physics():
    assert PROBLEMS["channels-selectivity-ratio"].expected > 1, "the site prefers K+"
    assert 0 < PROBLEMS["channels-boltzmann"].expected < 0.5, "below V_half the gate is mostly shut"
    assert PROBLEMS["channels-resting-k-current"].expected > 0, "K+ flows out above E_K"
    rest = PROBLEMS["channels-explorer-no-k-channels"]
    assert rest.expected > -20, "without the K+ tail the squid membrane rests far depolarised"
