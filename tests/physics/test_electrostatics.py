"""Tests for the membrane-as-capacitor physics: charge, ion counts, fields, series layers."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from widgets.constants import (
    AVOGADRO,
    ELEMENTARY_CHARGE,
    FARADAY,
    GAS_CONSTANT,
    VACUUM_PERMITTIVITY,
)
from widgets.physics.electrostatics import (
    HYDROCARBON_PERMITTIVITY_RELATIVE,
    MEMBRANE_CAPACITANCE,
    MEMBRANE_EQUIVALENT_THICKNESS,
    born_energy,
    born_radius,
    born_transfer_energy,
    charged_ion_fraction,
    charging_time_constant,
    ions_to_charge,
    membrane_charge,
    membrane_field,
    radius_for_ion_count,
    radius_for_ion_fraction,
    series_capacitance,
    series_layer_voltages,
    slab_thickness,
    specific_capacitance,
    sphere_area,
    sphere_volume,
)

UF_PER_CM2 = 1e-2  # F/m^2 in one uF/cm^2
V_REST = -0.070  # V

# Illustrative bilayer (not measured values): head groups 1 nm at eps 20, core 3 nm at eps 2.
BILAYER_EPS = [20.0, 2.0, 20.0]
BILAYER_D = [1e-9, 3e-9, 1e-9]

voltages = st.floats(-0.2, 0.2, allow_nan=False)
radii = st.floats(1e-6, 100e-6)
permittivities = st.floats(1.5, 100.0)
thicknesses = st.floats(0.2e-9, 10e-9)
layer_lists = st.integers(1, 5).flatmap(
    lambda n: st.tuples(
        st.lists(permittivities, min_size=n, max_size=n),
        st.lists(thicknesses, min_size=n, max_size=n),
    )
)


def test_membrane_capacitance_is_one_microfarad_per_cm2():
    assert MEMBRANE_CAPACITANCE == pytest.approx(1.0 * UF_PER_CM2), "1 uF/cm^2 is 1e-2 F/m^2"


def test_five_nm_hydrocarbon_slab_gives_0354_uf_per_cm2():
    c = specific_capacitance(2.0, 5e-9) / UF_PER_CM2
    assert c == pytest.approx(0.354, abs=5e-4), (
        f"eps 2, 5 nm should give 0.354 uF/cm^2, got {c}; check eps0 or the unit conversion"
    )
    assert c < 0.9, "a whole-bilayer hydrocarbon slab must fall short of the measured 0.9 uF/cm^2"


def test_equivalent_thickness_reproduces_the_membrane_capacitance():
    c = specific_capacitance(HYDROCARBON_PERMITTIVITY_RELATIVE, MEMBRANE_EQUIVALENT_THICKNESS)
    assert c == pytest.approx(MEMBRANE_CAPACITANCE, rel=1e-12)
    assert MEMBRANE_EQUIVALENT_THICKNESS == pytest.approx(1.77e-9, rel=1e-3)


def test_inner_charge_is_negative_at_rest():
    q = membrane_charge(V_REST, 1e-9)
    assert q == pytest.approx(-7e-13, rel=1e-12), "Q_in = C A V: sign follows V = phi_in - phi_out"


@given(voltages, st.floats(1e-12, 1e-6), st.floats(1e-3, 1e-1))
def test_charge_is_linear_in_voltage_and_area(v, area, c):
    assert membrane_charge(v, area, c) == pytest.approx(c * area * v, rel=1e-12, abs=1e-30)
    assert membrane_charge(-v, 2 * area, c) == pytest.approx(-2 * membrane_charge(v, area, c))


def test_ten_micron_cell_moves_about_five_million_ions():
    n = ions_to_charge(V_REST, sphere_area(10e-6))
    expected = MEMBRANE_CAPACITANCE * 4 * np.pi * (10e-6) ** 2 * 0.070 / ELEMENTARY_CHARGE
    assert n == pytest.approx(expected, rel=1e-12)
    assert n == pytest.approx(5.49e6, rel=1e-3)


def test_two_million_charges_correspond_to_a_six_micron_soma():
    # The seed's "about 2 million charges at -70 mV" implies a radius of about 6 um.
    radius = np.sqrt(2e6 * ELEMENTARY_CHARGE / (MEMBRANE_CAPACITANCE * 0.070 * 4 * np.pi))
    assert radius == pytest.approx(6.04e-6, rel=1e-2)
    assert ions_to_charge(V_REST, sphere_area(radius)) == pytest.approx(2e6, rel=1e-9)
    fraction = charged_ion_fraction(V_REST, radius, 140.0)
    assert 1e-5 < fraction < 1e-4, f"fraction of K+ moved should be of order 1e-5, got {fraction}"


def test_divalent_ions_halve_the_count():
    area = sphere_area(5e-6)
    assert ions_to_charge(V_REST, area, z=2) == pytest.approx(ions_to_charge(V_REST, area) / 2)
    assert ions_to_charge(V_REST, area, z=-1) == pytest.approx(ions_to_charge(V_REST, area))


def test_sphere_geometry():
    assert sphere_area(1.0) == pytest.approx(4 * np.pi)
    assert sphere_volume(3.0) == pytest.approx(36 * np.pi)


def test_fraction_matches_closed_form_for_ten_micron_cell():
    f = charged_ion_fraction(V_REST, 10e-6, 140.0)
    expected = 3 * MEMBRANE_CAPACITANCE * 0.070 / (FARADAY * 140.0 * 10e-6)
    assert f == pytest.approx(expected, rel=1e-12), "area/volume bookkeeping is off"
    assert f == pytest.approx(1.55e-5, rel=1e-2)


@given(voltages.filter(lambda v: abs(v) > 1e-6), radii, st.floats(1.0, 500.0))
def test_fraction_falls_as_one_over_radius(v, r, c_in):
    assert charged_ion_fraction(v, 2 * r, c_in) == pytest.approx(
        charged_ion_fraction(v, r, c_in) / 2, rel=1e-9
    )


def test_field_across_a_membrane_is_millions_of_volts_per_metre():
    assert membrane_field(V_REST, 5e-9) == pytest.approx(1.4e7, rel=1e-12)
    assert membrane_field(-V_REST, 5e-9) == membrane_field(V_REST, 5e-9), "field is a magnitude"


def test_time_constant_of_textbook_membrane_is_ten_ms():
    # 1 uF/cm^2 with R_m = 10^4 Ohm cm^2 = 1 Ohm m^2
    assert charging_time_constant(MEMBRANE_CAPACITANCE, 1.0) == pytest.approx(10e-3)


@given(voltages, layer_lists)
def test_layer_voltages_sum_to_total_and_share_one_displacement(v, layers):
    eps, d = layers
    drops = series_layer_voltages(v, eps, d)
    assert np.sum(drops) == pytest.approx(v, abs=1e-15)
    displacement = np.array(eps) * VACUUM_PERMITTIVITY * drops / np.array(d)
    np.testing.assert_allclose(displacement, displacement[0], rtol=1e-9, atol=1e-20)
    # the same D is the charge per area: C_series * v
    assert displacement[0] == pytest.approx(series_capacitance(eps, d) * v, rel=1e-9, abs=1e-20)


@given(permittivities, thicknesses)
def test_slab_thickness_inverts_the_capacitance(eps, d):
    assert slab_thickness(specific_capacitance(eps, d), eps) == pytest.approx(d, rel=1e-12)


def test_slab_matching_the_measured_capacitance_is_about_two_nm():
    # eps0 * 2 / (0.9 uF/cm^2) = 8.854e-12 * 2 / 9e-3 m = 1.968 nm
    assert slab_thickness(0.9 * UF_PER_CM2, 2.0) == pytest.approx(1.968e-9, rel=1e-3)


@given(permittivities, thicknesses)
def test_one_layer_series_is_the_plain_slab(eps, d):
    assert series_capacitance([eps], [d]) == pytest.approx(specific_capacitance(eps, d))


def test_drop_sits_in_the_hydrocarbon_core():
    drops = series_layer_voltages(V_REST, BILAYER_EPS, BILAYER_D)
    share = drops[1] / V_REST
    # core d/eps = 1.5 nm of a total 1.6 nm (0.05 nm per head-group layer)
    assert share == pytest.approx(1.5 / 1.6, rel=1e-12)
    assert share > 0.85, "the low-eps core should carry most of the voltage"


def test_head_groups_in_series_lower_capacitance_below_the_core_alone():
    core = specific_capacitance(2.0, 3e-9)
    layered = series_capacitance(BILAYER_EPS, BILAYER_D)
    assert layered < core, "layers in series can only lower the capacitance"
    assert layered / UF_PER_CM2 == pytest.approx(0.553, abs=1e-3)
    assert specific_capacitance(2.0, 2.5e-9) / UF_PER_CM2 == pytest.approx(0.708, abs=1e-3)


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: specific_capacitance(2.0, -5e-9), "thickness"),
        (lambda: specific_capacitance(0.0, 5e-9), "eps_r"),
        (lambda: membrane_charge(np.nan, 1e-9), "v"),
        (lambda: membrane_charge(V_REST, 0.0), "area"),
        (lambda: ions_to_charge(V_REST, 1e-9, z=0), "z"),
        (lambda: charged_ion_fraction(V_REST, 10e-6, -1.0), "c_in"),
        (lambda: sphere_area(-1.0), "radius"),
        (lambda: charging_time_constant(1e-2, 0.0), "g_specific"),
        (lambda: series_layer_voltages(V_REST, [2.0, 20.0], [1e-9]), "eps_r"),
        (lambda: series_layer_voltages([V_REST, 0.0], [2.0], [1e-9]), "v"),
        (lambda: series_capacitance([2.0], [0.0]), "thickness"),
        (lambda: slab_thickness(0.0, 2.0), "c_specific"),
        (lambda: radius_for_ion_count(0.0, V_REST), "n_ions"),
        (lambda: radius_for_ion_count(2e6, 0.0), "v"),
        (lambda: radius_for_ion_fraction(1e-5, V_REST, 0.0), "c_in"),
        (lambda: radius_for_ion_fraction(-1e-5, V_REST, 140.0), "fraction"),
        (lambda: born_energy(0.0, 2.0), "radius"),
        (lambda: born_energy(2e-10, -2.0), "eps_r"),
        (lambda: born_energy(2e-10, 2.0, z=0), "z"),
        (lambda: born_transfer_energy(2e-10, 0.0, 2.0), "eps_from"),
        (lambda: born_transfer_energy(2e-10, 80.0, np.inf), "eps_to"),
        (lambda: born_radius(295e3, 78.3), "solvation_energy"),
        (lambda: born_radius(-295e3, 1.0), "eps_r"),
    ],
)
def test_bad_input_names_the_argument(call, name):
    with pytest.raises(ValueError, match=name):
        call()


@given(st.floats(1e2, 1e12), voltages.filter(lambda v: abs(v) > 1e-4), st.floats(1e-3, 1e-1))
def test_radius_for_ion_count_inverts_the_count(n, v, c):
    radius = radius_for_ion_count(n, v, c_specific=c)
    assert ions_to_charge(v, sphere_area(radius), c_specific=c) == pytest.approx(n, rel=1e-9)


@given(st.floats(1e-9, 1e-2), voltages.filter(lambda v: abs(v) > 1e-4), st.floats(1.0, 500.0))
def test_radius_for_ion_fraction_inverts_the_fraction(f, v, c_in):
    radius = radius_for_ion_fraction(f, v, c_in)
    assert charged_ion_fraction(v, radius, c_in) == pytest.approx(f, rel=1e-9)


def test_seed_claims_hold_for_cells_of_six_and_sixteen_micrometres():
    # "about two million" at -70 mV with 1 uF/cm^2: r = sqrt(N e / (4 pi C |V|)) = 6.04 um;
    # "0.001 %" of 140 mM K+: r = 3 C |V| / (F c f) = 15.5 um.
    assert radius_for_ion_count(2e6, V_REST) == pytest.approx(6.04e-6, rel=1e-3)
    assert radius_for_ion_fraction(1e-5, V_REST, 140.0) == pytest.approx(15.55e-6, rel=1e-3)


# Born energies. Hand value: e^2 N_A / (8 pi eps0) = 166.0 kcal/mol for a = 1 angstrom, half
# the textbook Coulomb constant 332.06 kcal angstrom/mol.
KCAL = 4184.0  # J (thermochemical calorie)
ANGSTROM = 1e-10  # m
ion_radii = st.floats(0.5e-10, 5e-10)
valences = st.sampled_from([-3, -2, -1, 1, 2, 3])


def test_born_energy_of_one_angstrom_in_vacuum_is_166_kcal_per_mol():
    assert born_energy(ANGSTROM, 1.0) / KCAL == pytest.approx(332.06 / 2, rel=1e-4)


def test_born_energy_by_hand():
    # K+ with Pauling's 1.33 angstrom in water at 25 degC (eps 78.3): 694.68 / 1.33 / 78.3 kJ/mol
    by_hand = AVOGADRO * ELEMENTARY_CHARGE**2 / (8 * np.pi * VACUUM_PERMITTIVITY * 1.33e-10 * 78.3)
    assert born_energy(1.33e-10, 78.3) == pytest.approx(by_hand, rel=1e-12)
    assert born_energy(1.33e-10, 78.3) / 1e3 == pytest.approx(6.671, abs=1e-3)


def test_k_cost_into_hydrocarbon_is_tens_of_kT():
    # Born radius from Marcus's -295 kJ/mol (2.32 angstrom), water (74.15, 37 degC) to eps 2:
    # 694.68 / 2.3248 * (1/2 - 1/74.15) = 145.4 kJ/mol, 56 RT at 310.15 K.
    radius = born_radius(-295e3, 78.303)
    assert radius / ANGSTROM == pytest.approx(2.3248, abs=1e-3)
    cost = born_transfer_energy(radius, 74.15, HYDROCARBON_PERMITTIVITY_RELATIVE)
    assert cost / 1e3 == pytest.approx(145.4, abs=0.1)
    assert cost / (GAS_CONSTANT * 310.15) == pytest.approx(56.4, abs=0.1)


@given(ion_radii, st.floats(1.0, 100.0), valences)
def test_born_energy_scales_as_z_squared(a, eps, z):
    assert born_energy(a, eps, z) == pytest.approx(z**2 * born_energy(a, eps), rel=1e-12)


@given(ion_radii, st.floats(1.0, 100.0), st.floats(0.1, 10.0))
def test_born_energy_falls_as_one_over_radius(a, eps, k):
    assert born_energy(k * a, eps) == pytest.approx(born_energy(a, eps) / k, rel=1e-12)


@given(ion_radii, st.floats(1.0, 100.0), valences)
def test_transfer_between_equal_dielectrics_costs_nothing(a, eps, z):
    assert born_transfer_energy(a, eps, eps, z) == 0.0


@given(ion_radii, st.floats(1.0, 100.0), st.floats(1.0, 100.0), valences)
def test_transfer_is_antisymmetric_and_costs_into_the_less_polarisable_medium(a, e1, e2, z):
    there = born_transfer_energy(a, e1, e2, z)
    assert born_transfer_energy(a, e2, e1, z) == pytest.approx(-there, rel=1e-12, abs=1e-9)
    assert there == pytest.approx(born_energy(a, e2, z) - born_energy(a, e1, z), rel=1e-9, abs=1e-6)
    if e2 < e1:
        assert there > 0, "entering a less polarisable medium must cost energy"


@given(ion_radii, st.floats(1.5, 100.0), valences)
def test_born_radius_inverts_the_born_hydration_energy(a, eps, z):
    hydration = born_transfer_energy(a, 1.0, eps, z)
    assert born_radius(hydration, eps, z) == pytest.approx(a, rel=1e-9)
