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
    leak_permeability_for_rest,
    membrane_chord_conductance,
    membrane_current_density,
    membrane_currents,
    membrane_slope_conductance,
    membrane_slope_conductances,
    permeabilities_for_conductance,
    permeability_from_conductance,
    rest_loss,
    rest_points,
    slope_conductance,
)
from widgets.physics.conductance import conductance_weighted_potential
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


# --- more on gates, slopes and stability --------------------------------------------------


@given(v=voltage, dv=st.floats(1e-4, 0.05), v_half=voltage, slope=st.floats(1e-3, 0.03))
def test_open_probability_lies_in_0_1_and_rises_with_depolarisation(v, dv, v_half, slope):
    low = boltzmann_open_probability(v, v_half, slope)
    high = boltzmann_open_probability(v + dv, v_half, slope)
    assert 0.0 <= low <= high <= 1.0
    closing = boltzmann_open_probability([v, v + dv], v_half, -slope)
    assert closing[0] >= closing[1], "a negative slope factor closes the gate on depolarisation"


def test_hh_resting_open_probabilities_are_small_but_not_zero():
    m, h, n = hh_steady_state_gates(HH_V_REST)
    # Hodgkin & Huxley (1952) resting gates: m^3 h about 9e-5, n^4 about 0.010.
    assert m**3 * h == pytest.approx(8.84e-5, rel=1e-2)
    assert n**4 == pytest.approx(0.01018, rel=1e-2)


@given(g=st.floats(0.0, 100.0), v=voltage, c_out=concentration, c_in=concentration, z=valence)
def test_permeability_from_conductance_inverts_slope_conductance(g, v, c_out, c_in, z):
    p = permeability_from_conductance(g, v, c_out, c_in, z)
    assert p >= 0
    assert slope_conductance(v, p, c_out, c_in, z) == pytest.approx(g, rel=1e-9, abs=1e-12)


def test_permeability_from_conductance_rejects_negative_conductance():
    with pytest.raises(ValueError, match="^g "):
        permeability_from_conductance(-1.0, -0.065, 20.0, 400.0, 1)


def test_slope_of_each_current_sums_to_the_total_and_gated_tails_pull_opposite_ways():
    v = np.linspace(-0.09, -0.04, 6)
    slopes = membrane_slope_conductances(v, MEMBRANE)
    assert set(slopes) == set(membrane_currents(v, MEMBRANE))
    assert sum(slopes.values()) == pytest.approx(membrane_slope_conductance(v, MEMBRANE))
    at_rest = membrane_slope_conductances(HH_V_REST, MEMBRANE)
    g_na, g_k = hh_resting_conductances(HH_V_REST)
    # Below E_Na, Na+ channels that open on depolarisation add inward current: negative slope.
    assert at_rest["Na gated"] < 0 < g_na
    # Above E_K, K+ channels that open on depolarisation add outward current: slope above chord.
    assert at_rest["K gated"] > g_k > 0


SODIUM_RICH = dataclasses.replace(MEMBRANE, g_na_max=3500.0)


@pytest.mark.parametrize("membrane", [MEMBRANE, SODIUM_RICH], ids=["squid", "sodium-rich"])
def test_a_rest_point_is_stable_iff_a_small_push_decays(membrane):
    # C dV/dt = -I(V): after a push dv, V returns if -I(V0 + dv) has the opposite sign of dv.
    points = rest_points(membrane)
    assert points
    for point in points:
        for push in (-1e-4, 1e-4):
            restoring = -membrane_current_density(point.v + push, membrane) * push < 0
            assert restoring == point.stable == (point.slope_conductance > 0), point


@pytest.mark.parametrize("membrane", [MEMBRANE, SODIUM_RICH], ids=["squid", "sodium-rich"])
def test_leak_needed_for_rest_makes_the_current_zero_and_falls_on_stable_branches(membrane):
    v = np.linspace(-0.074, -0.045, 59)
    p = leak_permeability_for_rest(v, membrane)
    for v0, p0 in zip(v[p >= 0], p[p >= 0], strict=True):
        adjusted = dataclasses.replace(membrane, p_leak={**membrane.p_leak, "K": p0})
        assert abs(membrane_current_density(v0, adjusted)) < 1e-12
        stable = membrane_slope_conductance(v0, adjusted) > 0
        falling = leak_permeability_for_rest(v0 + 1e-6, membrane) < p0
        assert stable == falling, f"at {v0 * 1e3:.1f} mV: stable iff P(V) falls"


def test_leak_needed_for_rest_is_the_actual_leak_at_the_actual_rest():
    (rest,) = rest_points(MEMBRANE)
    assert leak_permeability_for_rest(rest.v, MEMBRANE) == pytest.approx(MEMBRANE.p_leak["K"])
    assert leak_permeability_for_rest(rest.v, MEMBRANE, ion="Cl") == pytest.approx(
        MEMBRANE.p_leak["Cl"]
    )
    with pytest.raises(ValueError, match="ion"):
        leak_permeability_for_rest(rest.v, MEMBRANE, ion="Ca")


def test_squid_keeps_a_stable_rest_with_no_k_leak_at_all():
    assert rest_loss(MEMBRANE) is None
    no_leak = dataclasses.replace(MEMBRANE, p_leak={**MEMBRANE.p_leak, "K": 0.0})
    (rest,) = rest_points(no_leak)
    (normal,) = rest_points(MEMBRANE)
    # Losing the K+ leak depolarises by under 2 mV: the gated K+ tail holds rest.
    assert rest.stable and 0 < rest.v - normal.v < 0.002


def test_sodium_rich_membrane_loses_rest_at_the_fold():
    loss = rest_loss(SODIUM_RICH)
    assert 0 < loss.p_leak < SODIUM_RICH.p_leak["K"]

    def lower_points(scale):
        leak = {**SODIUM_RICH.p_leak, "K": loss.p_leak * scale}
        points = rest_points(dataclasses.replace(SODIUM_RICH, p_leak=leak), n_grid=4601)
        return [p for p in points if p.v < loss.v + 0.003]

    above = lower_points(1.01)
    assert [p.stable for p in above] == [True, False], "rest and threshold, both near the fold"
    assert abs(above[0].v - loss.v) < 0.003 and abs(above[1].v - loss.v) < 0.003
    assert lower_points(0.99) == [], "below the fold leak there is no rest point near it"
    assert membrane_slope_conductance(
        loss.v, dataclasses.replace(SODIUM_RICH, p_leak={**SODIUM_RICH.p_leak, "K": loss.p_leak})
    ) == pytest.approx(0.0, abs=1e-3), "at the fold the I-V curve touches zero with zero slope"


def test_rest_loss_rejects_a_range_below_the_equilibrium_potential():
    with pytest.raises(ValueError, match="v_max"):
        rest_loss(MEMBRANE, v_max=-0.1)


@pytest.mark.parametrize("membrane", [MEMBRANE, SODIUM_RICH], ids=["squid", "sodium-rich"])
def test_rest_is_the_chord_conductance_weighted_average_of_reversal_potentials(membrane):
    # At a zero of I = sum g_j (V - E_j), V = sum g_j E_j / sum g_j (Hille 2001, ch. 1).
    for point in rest_points(membrane):
        v = point.v
        g, e = [], []
        for ion, p in membrane.p_leak.items():
            args = (membrane.c_out[ion], membrane.c_in[ion], IONS[ion].z, membrane.T)
            g.append(chord_conductance(v, p, *args))
            e.append(nernst_potential(*args))
        g_na, g_k = hh_resting_conductances(v, membrane.g_na_max, membrane.g_k_max)
        g += [g_na, g_k]
        e += [
            nernst_potential(membrane.c_out[i], membrane.c_in[i], 1, membrane.T)
            for i in ("Na", "K")
        ]
        assert membrane_chord_conductance(v, membrane) == pytest.approx(sum(g))
        assert conductance_weighted_potential(g, e) == pytest.approx(v, abs=1e-9)
        assert membrane_chord_conductance(v, membrane) > 0


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
