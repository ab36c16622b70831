"""The Nernst problems: expected answers against an independent calculation, slips apart."""

import math

import pytest
from scipy import constants

from widgets.data.ions import get_preset
from widgets.grading.checks import PROBLEMS
from widgets.grading.problems.nernst import (
    DECADE_SHIFT,
    MEMBRANE_V,
    T_BODY,
    T_COOL,
    TARGET_E_K,
)
from widgets.physics import nernst_potential

NEURON = get_preset("mammalian_neuron")
RT_F_37 = constants.R * 310.15 / constants.physical_constants["Faraday constant"][0]  # V


def e_mV(ion, z, T=310.15):
    """Nernst potential from the textbook formula, independent of widgets.physics."""
    rt_f = constants.R * T / constants.physical_constants["Faraday constant"][0]
    return 1e3 * rt_f / z * math.log(NEURON.c_out[ion] / NEURON.c_in[ion])


def test_ek_is_the_textbook_value_for_5_and_140_mM():
    # 5 mM out, 140 mM in at 37 degC: -89.06 mV (61.5 mV * log10(5/140)).
    assert PROBLEMS["nernst-ek"].expected == pytest.approx(-89.06, abs=0.01)


@pytest.mark.parametrize(
    ("problem_id", "independent"),
    [
        ("nernst-ek", lambda: e_mV("K", +1)),
        ("nernst-ecl", lambda: e_mV("Cl", -1)),
        ("nernst-eca", lambda: e_mV("Ca", +2)),
        ("nernst-ek-cooling", lambda: e_mV("K", +1, T=293.15) - e_mV("K", +1)),
        ("nernst-driving-force", lambda: 1e3 * MEMBRANE_V - e_mV("K", +1)),
        ("nernst-decade", lambda: math.exp(DECADE_SHIFT / RT_F_37)),
    ],
)
def test_expected_answer_matches_the_textbook_formula(problem_id, independent):
    assert PROBLEMS[problem_id].expected == pytest.approx(independent(), rel=1e-9), (
        f"{problem_id}: the problem no longer computes what its statement asks"
    )


def test_signs_follow_the_physics():
    assert PROBLEMS["nernst-ecl"].expected < 0, "Cl- is an anion, more concentrated outside"
    assert PROBLEMS["nernst-eca"].expected > 0, "Ca2+ is far more concentrated outside"
    assert PROBLEMS["nernst-ek-cooling"].expected > 0, "cooling makes E_K less negative"
    assert PROBLEMS["nernst-driving-force"].expected > 0, "K+ leaks out at rest"


def test_k_out_answer_gives_the_target_potential():
    c_out = PROBLEMS["nernst-k-out"].expected
    e = nernst_potential(c_out, NEURON.c_in["K"], 1, T_BODY)
    assert e == pytest.approx(TARGET_E_K, rel=1e-12), "inverting the Nernst equation broke"


def test_decade_answer_is_about_ten_fold():
    assert PROBLEMS["nernst-decade"].expected == pytest.approx(10, rel=0.01)


def test_givens_are_physical():
    assert T_COOL < T_BODY
    assert NEURON.c_out["K"] < PROBLEMS["nernst-k-out"].expected < NEURON.c_in["K"]
