import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from widgets.constants import FARADAY
from widgets.physics.ghk import ghk_voltage
from widgets.physics.nernst import nernst_potential
from widgets.physics.pump import (
    COUPLING_RATIO,
    PUMP_K_K,
    PUMP_K_NA,
    mullins_noda_potential,
    pump_activation,
    pump_current_density,
    pump_cycle_rate,
)

concentration = st.floats(min_value=0.1, max_value=500.0)
permeability = st.floats(min_value=1e-10, max_value=1e-6)


def test_pump_stoichiometry_and_luo_rudy_constants():
    # 3 Na+ out, 2 K+ in per cycle; half-activation 10 mM Na_i and 1.5 mM K_o (Luo & Rudy 1994,
    # Circ Res 74:1071). A change here silently changes every pump-leak default.
    assert COUPLING_RATIO == 1.5
    assert (PUMP_K_NA, PUMP_K_K) == (10.0, 1.5), "pump half-activation constants drifted from LR94"


def test_activation_is_one_quarter_at_both_half_activation_constants():
    assert pump_activation(PUMP_K_NA, PUMP_K_K) == pytest.approx(0.25, rel=1e-12)


@given(na_in=concentration, k_out=concentration, factor=st.floats(1.01, 10.0))
def test_activation_rises_with_internal_na_and_external_k_and_saturates(na_in, k_out, factor):
    a = pump_activation(na_in, k_out)
    assert 0.0 < a < 1.0
    assert pump_activation(na_in * factor, k_out) > a, "more Na_i must speed the pump"
    assert pump_activation(na_in, k_out * factor) > a, "more K_o must speed the pump"
    assert pump_activation(1e9, 1e9) == pytest.approx(1.0, abs=1e-6), "the pump must saturate"


def test_pump_current_scales_with_i_max_and_stops_when_blocked():
    assert pump_current_density(12.0, 5.0, 0.02) == pytest.approx(
        2 * pump_current_density(12.0, 5.0, 0.01), rel=1e-12
    )
    assert pump_current_density(12.0, 5.0, 0.0) == 0.0, "ouabain (i_max = 0) must stop the pump"


def test_cycle_rate_is_current_over_faraday():
    assert pump_cycle_rate(FARADAY) == pytest.approx(1.0, rel=1e-15)


@given(
    p_k=permeability,
    p_na=permeability,
    k_out=concentration,
    k_in=concentration,
    na_out=concentration,
    na_in=concentration,
)
def test_electroneutral_pump_gives_ghk_without_chloride(p_k, p_na, k_out, k_in, na_out, na_in):
    # r = 1: the pump's Na+ and K+ currents cancel, so V is the GHK potential of K+ and Na+.
    v = mullins_noda_potential(p_k, p_na, k_out, k_in, na_out, na_in, r=1.0)
    expected = ghk_voltage([p_k, p_na], [k_out, na_out], [k_in, na_in], [1, 1])
    assert v == pytest.approx(expected, abs=1e-12)


@given(
    p_k=permeability,
    p_na=permeability,
    k_out=concentration,
    k_in=concentration,
    na_out=concentration,
    na_in=concentration,
)
def test_electrogenic_pump_hyperpolarises_with_normal_gradients(
    p_k, p_na, k_out, k_in, na_out, na_in
):
    # dV/dr has the sign of K_o Na_i - Na_o K_i: negative when both gradients point the usual way.
    assume(k_out * na_in < 0.99 * na_out * k_in)
    v_3_2 = mullins_noda_potential(p_k, p_na, k_out, k_in, na_out, na_in)
    v_1_1 = mullins_noda_potential(p_k, p_na, k_out, k_in, na_out, na_in, r=1.0)
    assert v_3_2 < v_1_1


def test_strong_coupling_drives_v_to_e_k():
    # r -> infinity: the pump's K+ leg dominates and V -> E_K.
    v = mullins_noda_potential(1.0, 0.05, 5.0, 140.0, 145.0, 12.0, r=1e12)
    assert v == pytest.approx(nernst_potential(5.0, 140.0, 1), abs=1e-9)


def test_mullins_noda_vectorises():
    v = mullins_noda_potential(1.0, np.array([0.01, 0.05, 0.2]), 5.0, 140.0, 145.0, 12.0)
    assert v.shape == (3,)
    assert np.all(np.diff(v) > 0), "more Na+ permeability must depolarise"


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"r": 0.0}, "r"),
        ({"k_in": -1.0}, "k_in"),
        ({"p_k": 0.0, "p_na": 0.0}, "p_k"),
        ({"T": 0.0}, "T"),
    ],
)
def test_mullins_noda_rejects_bad_input_naming_it(kwargs, name):
    args = dict(p_k=1.0, p_na=0.05, k_out=5.0, k_in=140.0, na_out=145.0, na_in=12.0) | kwargs
    with pytest.raises(ValueError, match=name):
        mullins_noda_potential(**args)


def test_pump_rejects_negative_i_max_and_zero_sodium():
    with pytest.raises(ValueError, match="i_max"):
        pump_current_density(12.0, 5.0, -1.0)
    with pytest.raises(ValueError, match="na_in"):
        pump_activation(0.0, 5.0)
