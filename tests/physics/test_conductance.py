import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from widgets.physics import conductance_weighted_potential, pump_shifted_potential

voltages = st.floats(min_value=-0.2, max_value=0.2)
conductances = st.floats(min_value=0.0, max_value=1e3)


@st.composite
def weighted_sets(draw):
    n = draw(st.integers(1, 5))
    g = draw(st.lists(conductances, min_size=n, max_size=n))
    e = draw(st.lists(voltages, min_size=n, max_size=n))
    g[0] = max(g[0], 1e-3)  # at least one conducting ion
    return np.array(g), np.array(e)


def test_potassium_dominated_membrane_sits_near_e_k():
    v = conductance_weighted_potential([10.0, 0.5], [-0.089, 0.066])
    assert v == pytest.approx((10 * -0.089 + 0.5 * 0.066) / 10.5)


@given(gs=weighted_sets())
def test_weighted_average_lies_between_extremes(gs):
    g, e = gs
    v = conductance_weighted_potential(g, e)
    assert e[g > 0].min() - 1e-12 <= v <= e[g > 0].max() + 1e-12


@given(gs=weighted_sets())
def test_ohmic_currents_sum_to_zero(gs):
    g, e = gs
    v = conductance_weighted_potential(g, e)
    assert np.sum(g * (v - e)) == pytest.approx(0.0, abs=1e-9 * np.sum(g))


def test_outward_pump_current_hyperpolarises():
    assert pump_shifted_potential(-0.070, 20e-12, 5e-9) == pytest.approx(-0.074)
    assert pump_shifted_potential(-0.070, 0.0, 5e-9) == -0.070


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: conductance_weighted_potential([1.0], [0.0, 1.0]), "g"),
        (lambda: conductance_weighted_potential([-1.0, 2.0], [0.0, 1.0]), "g"),
        (lambda: conductance_weighted_potential([0.0, 0.0], [0.0, 1.0]), "g"),
        (lambda: conductance_weighted_potential([1.0], [np.nan]), "e"),
        (lambda: pump_shifted_potential(-0.07, 1e-12, 0.0), "g_total"),
        (lambda: pump_shifted_potential(np.inf, 1e-12, 1e-9), "v_weighted"),
        (lambda: pump_shifted_potential(-0.07, None, 1e-9), "i_pump"),
    ],
)
def test_bad_input_names_the_argument(call, name):
    with pytest.raises(ValueError, match=name):
        call()
