import dataclasses

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from widgets.constants import FARADAY, GAS_CONSTANT
from widgets.data import IONS
from widgets.physics.channels import (
    HH_G_LEAK,
    HH_V_REST,
    RestingMembrane,
    boltzmann_open_probability,
    chord_conductance,
    gated_conductance,
    hh_rate_constants,
    hh_resting_conductances,
    hh_steady_state_gates,
    membrane_current_density,
    membrane_currents,
    membrane_slope_conductance,
    permeabilities_for_conductance,
    rest_points,
    slope_conductance,
)
from widgets.physics.ghk import ghk_current_density, ghk_voltage
from widgets.physics.nernst import nernst_potential

voltage = st.floats(min_value=-0.15, max_value=0.1)
concentration = st.floats(min_value=0.1, max_value=500.0)
permeability = st.floats(min_value=1e-10, max_value=1e-6)
valence = st.sampled_from([-2, -1, 1, 2])
temperature = st.floats(min_value=270.0, max_value=320.0)


# --- Boltzmann gates -------------------------------------------------------------------------


@given(v_half=voltage, slope=st.floats(1e-3, 0.03), x=st.floats(0.0, 0.2))
def test_boltzmann_is_half_at_v_half_and_symmetric(v_half, slope, x):
    assert boltzmann_open_probability(v_half, v_half, slope) == pytest.approx(0.5)
    up = boltzmann_open_probability(v_half + x, v_half, slope)
    down = boltzmann_open_probability(v_half - x, v_half, slope)
    assert up + down == pytest.approx(1.0, abs=1e-12)


def test_boltzmann_slope_sign_sets_direction_and_extremes_stay_finite():
    v = np.array([-1.0, 0.0, 1.0])
    opening = boltzmann_open_probability(v, 0.0, 0.001)
    closing = boltzmann_open_probability(v, 0.0, -0.001)
    assert opening == pytest.approx([0.0, 0.5, 1.0], abs=1e-12)
    assert closing == pytest.approx([1.0, 0.5, 0.0], abs=1e-12)


def test_gated_conductance_is_g_max_times_p_to_the_power():
    p = boltzmann_open_probability(-0.06, -0.04, 0.008)
    assert gated_conductance(-0.06, 50.0, -0.04, 0.008, power=3) == pytest.approx(50.0 * p**3)
    with pytest.raises(ValueError, match="power"):
        gated_conductance(-0.06, 50.0, -0.04, 0.008, power=0)
    with pytest.raises(ValueError, match="slope"):
        boltzmann_open_probability(-0.06, -0.04, 0.0)


# --- Hodgkin-Huxley gates at rest ------------------------------------------------------------


def test_hh_resting_gates_match_hodgkin_huxley_1952():
    # Hodgkin & Huxley (1952) J Physiol 117:500, resting values: m0 = 0.0529, h0 = 0.596,
    # n0 = 0.318 (their 0.31768).
    m, h, n = hh_steady_state_gates(HH_V_REST)
    assert (m, h, n) == pytest.approx((0.0529, 0.5961, 0.3177), abs=1e-4), (
        "HH rate constants or the -65 mV rest offset changed"
    )


def test_hh_resting_conductances_match_hodgkin_huxley_1952():
    # Hodgkin & Huxley (1952): at rest g_K = 0.367 and g_Na = 0.011 mS/cm^2 (S/m^2 = 10 x mS/cm^2).
    g_na, g_k = hh_resting_conductances(HH_V_REST)
    assert g_k == pytest.approx(3.67, abs=0.01)
    assert g_na == pytest.approx(0.11, abs=0.005)
    assert g_k > HH_G_LEAK, "in HH the K+ tail at rest exceeds the whole leak conductance"


def test_hh_rates_are_finite_at_their_removable_singularities():
    # alpha_m has 0/0 at V = -40 mV, alpha_n at -55 mV; the limits are 1 and 0.1 per ms.
    assert hh_rate_constants(-0.040)["alpha_m"] == pytest.approx(1e3, rel=1e-12)
    assert hh_rate_constants(-0.055)["alpha_n"] == pytest.approx(1e2, rel=1e-12)


# --- chord and slope conductance ---------------------------------------------------------


@given(v=voltage, p=permeability, c=concentration, z=valence, T=temperature)
def test_equal_concentrations_make_ghk_ohmic(v, p, c, z, T):
    ohmic = p * z**2 * FARADAY**2 * c / (GAS_CONSTANT * T)
    assert slope_conductance(v, p, c, c, z, T) == pytest.approx(ohmic, rel=1e-9)
    # I/(V - E) cancels digits as V -> E: at |V - E| = 1 nV about 1e-16 / (zV/V_T) ~ 1e-9 remain.
    assert chord_conductance(v, p, c, c, z, T) == pytest.approx(ohmic, rel=1e-6)


@given(v=voltage, p=permeability, c_out=concentration, c_in=concentration, z=valence)
def test_slope_conductance_is_the_derivative_of_the_ghk_current(v, p, c_out, c_in, z):
    h = 1e-6
    numeric = (
        ghk_current_density(v + h, p, c_out, c_in, z)
        - ghk_current_density(v - h, p, c_out, c_in, z)
    ) / (2 * h)
    scale = p * z**2 * FARADAY**2 * max(c_out, c_in) / (GAS_CONSTANT * 310.15)
    assert slope_conductance(v, p, c_out, c_in, z) == pytest.approx(numeric, abs=1e-6 * scale)


@given(p=permeability, c_out=concentration, c_in=concentration, z=valence, T=temperature)
def test_chord_tends_to_slope_at_the_reversal_potential(p, c_out, c_in, z, T):
    e = nernst_potential(c_out, c_in, z, T)
    slope = slope_conductance(e, p, c_out, c_in, z, T)
    assert chord_conductance(e, p, c_out, c_in, z, T) == pytest.approx(slope, rel=1e-12)
    assert chord_conductance(e + 1e-7, p, c_out, c_in, z, T) == pytest.approx(slope, rel=1e-4)


def test_potassium_channel_rectifies_outward():
    # More K+ inside than out: outward current flows more easily, so both conductances grow
    # with depolarisation and the chord/slope ratio departs from 1 away from E_K.
    v = np.array([-0.1, -0.07, 0.0, 0.05])
    chord = chord_conductance(v, 1e-8, 5.0, 140.0, 1)
    slope = slope_conductance(v, 1e-8, 5.0, 140.0, 1)
    assert np.all(np.diff(chord) > 0) and np.all(np.diff(slope) > 0)
    assert slope[-1] / chord[-1] > 1.0


# --- the resting membrane's I-V curve ------------------------------------------------------


MEMBRANE = RestingMembrane()


def test_default_leaks_give_the_hodgkin_huxley_leak_conductance():
    # Hodgkin & Huxley (1952): leak conductance 0.3 mS/cm^2 = 3 S/m^2; ratios 1 : 0.04 : 0.45
    # (Hodgkin & Katz 1949).
    g = sum(
        slope_conductance(
            HH_V_REST, p, MEMBRANE.c_out[ion], MEMBRANE.c_in[ion], IONS[ion].z, MEMBRANE.T
        )
        for ion, p in MEMBRANE.p_leak.items()
    )
    assert g == pytest.approx(3.0, rel=1e-9)
    assert MEMBRANE.p_leak["Na"] / MEMBRANE.p_leak["K"] == pytest.approx(0.04)


def test_squid_membrane_rests_near_hodgkin_huxley_rest_and_is_stable():
    points = rest_points(MEMBRANE)
    assert len(points) == 1
    (rest,) = points
    assert rest.v == pytest.approx(HH_V_REST, abs=3e-3), "should rest within 3 mV of HH's -65 mV"
    assert rest.stable and rest.slope_conductance > 0
    assert abs(membrane_current_density(rest.v, MEMBRANE)) < 1e-12


def test_total_current_is_the_sum_of_its_parts_and_slope_its_derivative():
    v = np.linspace(-0.1, 0.0, 11)
    parts = membrane_currents(v, MEMBRANE)
    assert set(parts) == {"K leak", "Na leak", "Cl leak", "Na gated", "K gated"}
    assert membrane_current_density(v, MEMBRANE) == pytest.approx(sum(parts.values()))
    fine = np.linspace(-0.1, 0.0, 20001)
    numeric = np.gradient(membrane_current_density(fine, MEMBRANE), fine)[::2000]
    assert membrane_slope_conductance(v, MEMBRANE) == pytest.approx(numeric, rel=1e-3)


def test_strong_sodium_conductance_makes_an_n_shaped_curve_with_an_unstable_middle():
    # About 3x HH's g_Na: the Na+ window current bends the I-V curve into an N.
    bistable = dataclasses.replace(MEMBRANE, g_na_max=3500.0)
    points = rest_points(bistable)
    assert [p.stable for p in points] == [True, False, True]
    assert points[1].slope_conductance < 0 < points[0].slope_conductance


def test_rest_points_reject_a_bad_range():
    with pytest.raises(ValueError, match="v_max"):
        rest_points(MEMBRANE, v_min=0.0, v_max=-0.1)


def test_membrane_rejects_missing_or_bad_concentrations():
    with pytest.raises(ValueError, match="Ca"):
        RestingMembrane(p_leak={"Ca": 1e-9})
    with pytest.raises(ValueError, match="g_na_max"):
        RestingMembrane(g_na_max=-1.0)


# --- permeabilities scaled to a resting conductance ----------------------------------------


@given(
    relative=st.tuples(st.floats(1e-3, 10.0), st.floats(0.0, 10.0), st.floats(0.0, 10.0)),
    g_total=st.floats(0.01, 100.0),
    k_out=concentration,
    T=temperature,
)
def test_scaled_permeabilities_keep_ratios_and_give_the_conductance(relative, g_total, k_out, T):
    c_out, c_in, z = [k_out, 145.0, 110.0], [140.0, 12.0, 10.0], [1, 1, -1]
    p = permeabilities_for_conductance(relative, g_total, c_out, c_in, z, T)
    assert p == pytest.approx(p[0] * np.array(relative) / relative[0], rel=1e-12)
    v = ghk_voltage(relative, c_out, c_in, z, T)  # the default: at the GHK rest
    assert np.sum(slope_conductance(v, p, c_out, c_in, z, T)) == pytest.approx(g_total, rel=1e-9)


def test_scaled_permeabilities_at_a_given_voltage_and_bad_input():
    p = permeabilities_for_conductance([1.0], HH_G_LEAK, [5.0], [140.0], [1], v=-0.080)
    assert slope_conductance(-0.080, p[0], 5.0, 140.0, 1) == pytest.approx(HH_G_LEAK)
    with pytest.raises(ValueError, match="g_total"):
        permeabilities_for_conductance([1.0], 0.0, [5.0], [140.0], [1])
    with pytest.raises(ValueError, match="relative"):
        permeabilities_for_conductance([1.0, -1.0], 1.0, [5.0, 1.0], [140.0, 1.0], [1, 1])
