"""Luo and Rudy's cardiac Na+ channel inactivation gates at steady state."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from widgets.physics import cardiac_sodium_availability, lr91_inactivation_gates


def lr91_h_j(v_mV):
    """h_inf and j_inf written out here from Luo & Rudy (1991), for V < -40 mV."""
    a_h = 0.135 * math.exp((80 + v_mV) / -6.8)
    b_h = 3.56 * math.exp(0.079 * v_mV) + 3.1e5 * math.exp(0.35 * v_mV)
    a_j = (
        (-127140 * math.exp(0.2444 * v_mV) - 3.474e-5 * math.exp(-0.04391 * v_mV))
        * (v_mV + 37.78)
        / (1 + math.exp(0.311 * (v_mV + 79.23)))
    )
    b_j = 0.1212 * math.exp(-0.01052 * v_mV) / (1 + math.exp(-0.1378 * (v_mV + 40.14)))
    return a_h / (a_h + b_h), a_j / (a_j + b_j)


@pytest.mark.parametrize("v_mV", [-100.0, -90.0, -84.38, -75.0, -60.0, -45.0])
def test_gates_match_the_published_rate_equations(v_mV):
    h, j = lr91_inactivation_gates(v_mV * 1e-3)
    assert (h, j) == pytest.approx(lr91_h_j(v_mV), rel=1e-12)


def test_resting_gates_agree_with_an_independent_implementation():
    # Myokit's Luo-Rudy 1991 model starts at V = -84.38 mV with h = 0.98266, j = 0.98911: a
    # state after pacing, not an exact steady state, so agreement is to about 1e-4.
    h, j = lr91_inactivation_gates(-0.0843801107371)
    assert h == pytest.approx(0.982660523699656, abs=1e-4)
    assert j == pytest.approx(0.989108212766685, abs=1e-4)


def test_depolarised_cells_have_every_channel_inactivated():
    assert cardiac_sodium_availability(-0.030) == 0.0
    assert cardiac_sodium_availability(-0.040) == 0.0


@given(st.floats(min_value=-0.12, max_value=-0.0401))
def test_availability_is_a_fraction_that_falls_with_depolarisation(v):
    a = cardiac_sodium_availability(v)
    assert 0.0 <= a <= 1.0
    assert cardiac_sodium_availability(v + 0.002) <= a + 1e-12


def test_vectorised_and_validated():
    values = cardiac_sodium_availability(np.array([-0.09, -0.07, -0.05]))
    assert values.shape == (3,) and np.all(np.diff(values) < 0)
    with pytest.raises(ValueError, match="^v "):
        cardiac_sodium_availability(float("nan"))
