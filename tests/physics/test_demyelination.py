"""Exposed K+ channels of a demyelinated axon: rest and the margin for conduction."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from widgets.data import get_preset
from widgets.physics import (
    axon_permeabilities,
    chord_conductance,
    conduction_margin,
    ghk_voltage,
    nernst_potential,
)
from widgets.physics.demyelination import SAFETY_FACTOR, THRESHOLD_DEPOLARISATION
from widgets.physics.pump_leak import RESTING_P_K

NEURON = get_preset("mammalian_neuron")
E_K = nernst_potential(NEURON.c_out["K"], NEURON.c_in["K"], 1, NEURON.T)


def test_intact_axon_is_the_ghk_chapters_membrane():
    np.testing.assert_allclose(axon_permeabilities(), RESTING_P_K * np.array([1.0, 0.04, 0.45]))
    intact = conduction_margin()
    assert intact.v_rest * 1e3 == pytest.approx(-67.33, abs=0.01)
    assert intact.safety_factor == pytest.approx(SAFETY_FACTOR)
    assert intact.exposed_current == 0.0
    assert intact.v_threshold == pytest.approx(intact.v_rest + THRESHOLD_DEPOLARISATION)


@given(st.floats(min_value=0.0, max_value=20.0))
def test_exposed_k_pulls_rest_towards_e_k_and_erodes_the_margin(m):
    margin = conduction_margin(m)
    intact = conduction_margin()
    assert E_K < margin.v_rest <= intact.v_rest + 1e-12
    assert margin.safety_factor <= intact.safety_factor + 1e-12
    assert margin.exposed_current >= 0.0


def test_exposed_current_is_the_chord_conductance_times_the_driving_force():
    margin = conduction_margin(2.0)
    g = chord_conductance(
        margin.v_threshold, 2.0 * RESTING_P_K, NEURON.c_out["K"], NEURON.c_in["K"], 1, NEURON.T
    )
    assert margin.exposed_current == pytest.approx(g * (margin.v_threshold - E_K), rel=1e-9)


def test_blocking_the_exposed_channels_is_having_fewer_of_them():
    blocked = conduction_margin(4.0, k_block=0.5)
    assert blocked.safety_factor == pytest.approx(conduction_margin(2.0).safety_factor)
    assert conduction_margin(4.0, k_block=1.0).safety_factor == pytest.approx(SAFETY_FACTOR)


def test_rest_is_the_ghk_voltage_of_the_three_leaks():
    p = axon_permeabilities(3.0)
    args = (
        [NEURON.c_out[i] for i in "K Na Cl".split()],
        [NEURON.c_in[i] for i in "K Na Cl".split()],
    )
    assert conduction_margin(3.0).v_rest == pytest.approx(
        ghk_voltage(p, *args, [1, 1, -1], NEURON.T)
    )


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"exposed_k": -1.0}, "exposed_k must not be negative"),
        ({"k_block": 1.5}, "k_block must lie between 0 and 1"),
        ({"safety_factor": 0.0}, "safety_factor must be positive"),
    ],
)
def test_bad_input_is_a_clear_error(kwargs, message):
    with pytest.raises(ValueError, match=message):
        conduction_margin(**kwargs)
