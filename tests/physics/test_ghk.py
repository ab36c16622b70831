import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from widgets.constants import FARADAY
from widgets.data import IONS, get_preset
from widgets.physics import (
    chord_conductance,
    conductance_weighted_potential,
    ghk_current_density,
    ghk_voltage,
    nernst_potential,
)

concentration = st.floats(min_value=1e-3, max_value=1e3)
permeability = st.floats(min_value=1e-9, max_value=1e-5)
valence = st.sampled_from([-2, -1, 1, 2])
temperature = st.floats(min_value=270.0, max_value=320.0)


@st.composite
def ion_sets(draw, valences=valence):
    n = draw(st.integers(min_value=1, max_value=5))
    p = draw(st.lists(permeability, min_size=n, max_size=n))
    c_out = draw(st.lists(concentration, min_size=n, max_size=n))
    c_in = draw(st.lists(concentration, min_size=n, max_size=n))
    z = draw(st.lists(valences, min_size=n, max_size=n))
    return np.array(p), np.array(c_out), np.array(c_in), np.array(z, dtype=float)


def test_squid_axon_rest_with_hodgkin_katz_permeabilities():
    # Hodgkin & Katz (1949): P_K : P_Na : P_Cl = 1 : 0.04 : 0.45 gives a rest near -60 mV for
    # the squid axon; with Kandel's concentrations at 20 degC it is -59.9 mV.
    cell = get_preset("squid_axon")
    ions = ["K", "Na", "Cl"]
    v = ghk_voltage(
        [cell.permeability[i] for i in ions],
        [cell.c_out[i] for i in ions],
        [cell.c_in[i] for i in ions],
        [IONS[i].z for i in ions],
        T=cell.T,
    )
    assert v * 1e3 == pytest.approx(-59.93, abs=0.01)


def test_current_is_exact_at_zero_voltage():
    i0 = ghk_current_density(0.0, 1e-8, 5.0, 140.0, 1)
    assert i0 == pytest.approx(1e-8 * FARADAY * (140.0 - 5.0), rel=1e-12)
    near = ghk_current_density(1e-12, 1e-8, 5.0, 140.0, 1)
    assert near == pytest.approx(i0, rel=1e-9), "the V = 0 limit is not continuous"


def test_current_sign_convention_outward_positive():
    # At -100 mV, beyond E_K (-89 mV), K+ flows in: the current is negative.
    assert ghk_current_density(-0.100, 1e-8, 5.0, 140.0, 1) < 0
    assert ghk_current_density(-0.070, 1e-8, 5.0, 140.0, 1) > 0


def test_current_broadcasts_one_per_ion():
    i = ghk_current_density(-0.07, [1e-8, 4e-10], [5.0, 145.0], [140.0, 12.0], [1, 1])
    assert i.shape == (2,)
    assert i[0] > 0 > i[1]


def test_no_overflow_at_extreme_voltage():
    i = ghk_current_density(np.array([-20.0, 20.0]), 1e-8, 5.0, 140.0, 2)
    assert np.all(np.isfinite(i))


@given(p=permeability, c_out=concentration, c_in=concentration, z=valence, T=temperature)
def test_current_vanishes_at_the_nernst_potential(p, c_out, c_in, z, T):
    e = nernst_potential(c_out, c_in, z, T)
    scale = p * abs(z) * FARADAY * max(c_out, c_in)
    assert abs(ghk_current_density(e, p, c_out, c_in, z, T)) <= 1e-9 * scale


@given(
    p=st.lists(st.floats(0.0, 1.0), min_size=3, max_size=3),
    c_out=concentration,
    c_in=concentration,
    z=valence,
    T=temperature,
)
def test_one_permeant_ion_gives_its_nernst_potential(p, c_out, c_in, z, T):
    # Only the first ion is permeant; the others get arbitrary concentrations but p = 0.
    v = ghk_voltage([1.0, 0.0, 0.0], [c_out, 10.0, 30.0], [c_in, 100.0, 3.0], [z, 1, -1], T)
    assert v == pytest.approx(nernst_potential(c_out, c_in, z, T), abs=1e-12)


@given(ions=ion_sets(), T=temperature)
def test_voltage_lies_between_extreme_nernst_potentials(ions, T):
    p, c_out, c_in, z = ions
    v = ghk_voltage(p, c_out, c_in, z, T)
    e = nernst_potential(c_out, c_in, z, T)
    assert e.min() - 1e-12 <= v <= e.max() + 1e-12


@given(ions=ion_sets(), T=temperature)
def test_currents_sum_to_zero_at_the_ghk_voltage(ions, T):
    p, c_out, c_in, z = ions
    v = ghk_voltage(p, c_out, c_in, z, T)
    currents = ghk_current_density(v, p, c_out, c_in, z, T)
    scale = np.sum(np.abs(p * z * FARADAY) * np.maximum(c_out, c_in))
    assert abs(np.sum(currents)) <= 1e-8 * scale


@given(ions=ion_sets(), factor=st.floats(1e-3, 1e3), T=temperature)
def test_scaling_all_permeabilities_changes_nothing(ions, factor, T):
    p, c_out, c_in, z = ions
    assert ghk_voltage(factor * p, c_out, c_in, z, T) == pytest.approx(
        ghk_voltage(p, c_out, c_in, z, T), abs=1e-9
    )


@given(ions=ion_sets(), T=temperature)
def test_swapping_inside_and_outside_flips_the_sign(ions, T):
    p, c_out, c_in, z = ions
    assert ghk_voltage(p, c_in, c_out, z, T) == pytest.approx(
        -ghk_voltage(p, c_out, c_in, z, T), abs=1e-9
    )


@given(ions=ion_sets(valences=st.sampled_from([-1, 1])), T=temperature)
def test_log_formula_equals_the_root_of_the_total_current(ions, T):
    # Monovalent sets use the closed form; a negligible Ca2+ permeability forces the root finder.
    p, c_out, c_in, z = ions
    assume(np.ptp(nernst_potential(c_out, c_in, z, T)) > 1e-6)
    closed = ghk_voltage(p, c_out, c_in, z, T)
    rooted = ghk_voltage([*p, 0.0], [*c_out, 1.0], [*c_in, 1.0], [*z, 2], T)
    assert rooted == pytest.approx(closed, abs=1e-9)


@given(ions=ion_sets(), T=temperature, factor=st.floats(0.01, 100.0))
def test_one_call_over_rows_equals_one_call_per_row(ions, T, factor):
    # Two rows: the set as drawn and with every outside concentration scaled (Ca2+ included).
    p, c_out, c_in, z = ions
    rows = np.stack([c_out, factor * c_out])
    together = ghk_voltage(p, rows, c_in, z, T)
    apart = [ghk_voltage(p, row, c_in, z, T) for row in rows]
    assert together.shape == (2,)
    assert together == pytest.approx(apart, abs=1e-12)


@given(ions=ion_sets(), T=temperature)
def test_chord_conductance_average_at_the_ghk_voltage_is_the_ghk_voltage(ions, T):
    # Zero total current, sum g_i (V - E_i) = 0 with chord conductances g_i = I_i / (V - E_i),
    # is the weighted-average formula: the two descriptions agree at rest.
    p, c_out, c_in, z = ions
    v = ghk_voltage(p, c_out, c_in, z, T)
    g = chord_conductance(v, p, c_out, c_in, z, T)
    e = nernst_potential(c_out, c_in, z, T)
    assert conductance_weighted_potential(g, e) == pytest.approx(v, abs=1e-9)


def test_chord_conductance_ratios_differ_from_permeability_ratios():
    # Hodgkin & Katz's 1 : 0.04 on the mammalian neuron: g_Na/g_K is not 0.04 at rest.
    cell = get_preset("mammalian_neuron")
    ions = ["K", "Na", "Cl"]
    p = np.array([1.0, 0.04, 0.45])
    c_out, c_in = [cell.c_out[i] for i in ions], [cell.c_in[i] for i in ions]
    z = [IONS[i].z for i in ions]
    g = chord_conductance(ghk_voltage(p, c_out, c_in, z), p, c_out, c_in, z)
    assert g[1] / g[0] == pytest.approx(0.149, abs=0.001)


def test_neuron_rest_and_the_seed_s_minus_42_mV_without_the_k_leak():
    # 1 : 0.04 : 0.45 on 5/140 K+, 145/12 Na+, 110/10 Cl- at 37 degC; P_K = 0 leaves -42 mV.
    cell = get_preset("mammalian_neuron")
    ions = ["K", "Na", "Cl"]
    c_out, c_in = [cell.c_out[i] for i in ions], [cell.c_in[i] for i in ions]
    z = [IONS[i].z for i in ions]
    assert ghk_voltage([1.0, 0.04, 0.45], c_out, c_in, z) * 1e3 == pytest.approx(-67.33, abs=0.01)
    assert ghk_voltage([0.0, 0.04, 0.45], c_out, c_in, z) * 1e3 == pytest.approx(-42.21, abs=0.01)


def test_rows_with_a_different_number_of_ions_are_refused():
    with pytest.raises(ValueError, match="c_out has 2"):
        ghk_voltage([1.0, 0.04, 0.45], [[5.0, 145.0]], [140.0, 12.0, 10.0], [1, 1, -1])


def test_anion_needs_no_swapped_arguments():
    # Chloride alone, with c_out > c_in: the inside must be negative.
    v = ghk_voltage([1.0], [110.0], [10.0], [-1])
    assert v == pytest.approx(nernst_potential(110.0, 10.0, -1))
    assert v < 0


def test_divalent_calcium_shifts_the_rest_positive():
    cell = get_preset("mammalian_neuron")
    ions = ["K", "Na", "Ca"]
    c_out = [cell.c_out[i] for i in ions]
    c_in = [cell.c_in[i] for i in ions]
    z = [IONS[i].z for i in ions]
    without = ghk_voltage([1.0, 0.05, 0.0], c_out, c_in, z)
    with_ca = ghk_voltage([1.0, 0.05, 0.1], c_out, c_in, z)
    assert with_ca > without


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (([1.0, 1.0], [5.0], [140.0], [1]), "p"),
        (([1.0], [5.0, 1.0], [140.0], [1]), "c_out"),
        (([-1.0], [5.0], [140.0], [1]), "p"),
        (([0.0, 0.0], [5.0, 145.0], [140.0, 12.0], [1, 1]), "p"),
        (([1.0], [0.0], [140.0], [1]), "c_out"),
        (([1.0], [5.0], [np.nan], [1]), "c_in"),
        (([1.0], [5.0], [140.0], [0]), "z"),
    ],
)
def test_ghk_voltage_bad_input_names_the_argument(args, name):
    with pytest.raises(ValueError, match=name):
        ghk_voltage(*args)


def test_ghk_voltage_rejects_bad_temperature():
    with pytest.raises(ValueError, match="^T "):
        ghk_voltage([1.0], [5.0], [140.0], [1], T=0.0)


def test_current_rejects_negative_permeability():
    with pytest.raises(ValueError, match="^p "):
        ghk_current_density(0.0, -1e-8, 5.0, 140.0, 1)
