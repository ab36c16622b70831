"""Tests for ionic strength, the Debye length and the Gouy-Chapman diffuse layer."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from widgets.constants import (
    BODY_TEMPERATURE,
    FARADAY,
    GAS_CONSTANT,
    VACUUM_PERMITTIVITY,
    ZERO_CELSIUS,
)
from widgets.physics.nernst import thermal_voltage
from widgets.physics.screening import (
    WATER_PERMITTIVITY_RELATIVE,
    boltzmann_concentration,
    debye_length,
    diffuse_layer_capacitance,
    gouy_chapman_potential,
    grahame_surface_potential,
    grahame_surface_potential_mixed,
    ionic_strength,
    water_relative_permittivity,
)

EPS_WATER = WATER_PERMITTIVITY_RELATIVE * VACUUM_PERMITTIVITY  # F/m
V_T = thermal_voltage(BODY_TEMPERATURE)

salts = st.floats(1.0, 1000.0)
potentials = st.floats(-0.2, 0.2, allow_nan=False)


def grahame_charge(psi0, c):
    """The Grahame equation in its published direction: sigma from psi0."""
    return np.sqrt(8 * EPS_WATER * GAS_CONSTANT * BODY_TEMPERATURE * c) * np.sinh(psi0 / (2 * V_T))


def test_water_permittivity_matches_malmberg_maryott():
    assert water_relative_permittivity(ZERO_CELSIUS + 25.0) == pytest.approx(78.30, abs=0.01), (
        "Malmberg & Maryott report 78.30 at 25 degC; check the fit coefficients"
    )
    assert water_relative_permittivity(ZERO_CELSIUS) == pytest.approx(87.74, abs=1e-9)
    assert WATER_PERMITTIVITY_RELATIVE == pytest.approx(74.15, abs=0.01)


def test_water_permittivity_outside_the_fit_range_raises():
    with pytest.raises(ValueError, match="T must lie between"):
        water_relative_permittivity(ZERO_CELSIUS + 120.0)


def test_ionic_strength_counts_valence_squared():
    assert ionic_strength([150.0, 150.0], [1, -1]) == pytest.approx(150.0)
    assert ionic_strength([10.0, 20.0], [2, -1]) == pytest.approx(30.0), "CaCl2: I = 3c"
    assert ionic_strength([10.0, 10.0], [2, -2]) == pytest.approx(40.0), "MgSO4: I = 4c"


def test_debye_length_in_body_fluid_is_under_a_nanometre():
    lam = debye_length(150.0)
    assert lam == pytest.approx(0.779e-9, rel=1e-3), f"got {lam * 1e9:.3f} nm at 150 mM, 37 degC"


def test_debye_length_matches_textbook_rule_at_25_celsius():
    # For a 1:1 salt in water at 25 degC, lambda_D = 0.304 nm / sqrt(c in M)
    # (Israelachvili, Intermolecular and Surface Forces).
    lam = debye_length(100.0, T=ZERO_CELSIUS + 25.0, eps_r=78.3)
    assert lam == pytest.approx(0.304e-9 / np.sqrt(0.1), rel=5e-3)


@given(st.floats(0.1, 1000.0), st.floats(1.01, 100.0))
def test_debye_length_scales_as_inverse_root_ionic_strength(i, factor):
    assert debye_length(i * factor) == pytest.approx(debye_length(i) / np.sqrt(factor))


@given(potentials, salts)
def test_grahame_inverts_the_published_equation(psi0, c):
    assert grahame_surface_potential(grahame_charge(psi0, c), c) == pytest.approx(psi0, abs=1e-12)


@given(st.floats(-1e-4, 1e-4), salts)
def test_grahame_small_charge_is_a_debye_length_capacitor(sigma, c):
    linear = sigma * debye_length(c) / EPS_WATER
    assert grahame_surface_potential(sigma, c) == pytest.approx(linear, rel=1e-3, abs=1e-15)


def test_gouy_chapman_starts_at_the_surface_potential_and_decays_to_zero():
    assert gouy_chapman_potential(0.0, -0.05, 150.0) == pytest.approx(-0.05, rel=1e-12)
    assert abs(gouy_chapman_potential(50 * debye_length(150.0), -0.05, 150.0)) < 1e-20


@given(st.floats(-1e-3, 1e-3), salts, st.floats(0.0, 5.0))
def test_gouy_chapman_small_potential_is_debye_hueckel(psi0, c, n_lambda):
    lam = debye_length(c)
    dh = psi0 * np.exp(-n_lambda)
    assert gouy_chapman_potential(n_lambda * lam, psi0, c) == pytest.approx(dh, rel=1e-3, abs=1e-15)


def test_large_potential_decays_faster_than_debye_hueckel():
    lam = debye_length(150.0)
    psi = gouy_chapman_potential(lam, 0.1, 150.0)
    assert psi < 0.85 * 0.1 * np.exp(-1), "nonlinear screening must beat the linear estimate"


@given(potentials.filter(lambda p: abs(p) > 1e-3), salts)
def test_gouy_chapman_solves_poisson_boltzmann(psi0, c):
    lam = debye_length(c)
    x = np.linspace(0.2, 3.0, 281) * lam
    h = x[1] - x[0]
    psi = gouy_chapman_potential(x, psi0, c)
    curvature = (psi[2:] - 2 * psi[1:-1] + psi[:-2]) / h**2
    source = 2 * FARADAY * c * np.sinh(psi[1:-1] / V_T) / EPS_WATER
    np.testing.assert_allclose(curvature, source, rtol=1e-3)


@given(potentials, salts)
def test_wall_field_carries_the_grahame_charge(psi0, c):
    # Gauss at the wall: sigma = -eps dpsi/dx(0)
    h = 1e-6 * debye_length(c)
    slope = (gouy_chapman_potential(h, psi0, c) - gouy_chapman_potential(0.0, psi0, c)) / h
    assert -EPS_WATER * slope == pytest.approx(grahame_charge(psi0, c), rel=1e-4, abs=1e-9)


def test_diffuse_capacitance_at_zero_potential_is_eps_over_debye_length():
    c_d = diffuse_layer_capacitance(150.0)
    assert c_d == pytest.approx(EPS_WATER / debye_length(150.0), rel=1e-12)
    assert c_d / 1e-2 == pytest.approx(84.3, abs=0.1), "about 84 uF/cm^2 at 150 mM"


@given(potentials, salts)
def test_diffuse_capacitance_is_derivative_of_grahame_charge(psi0, c):
    dpsi = 1e-6
    slope = (grahame_charge(psi0 + dpsi, c) - grahame_charge(psi0 - dpsi, c)) / (2 * dpsi)
    assert diffuse_layer_capacitance(c, psi0) == pytest.approx(slope, rel=1e-6)


@given(st.floats(-0.2, 0.2), salts)
def test_mixed_grahame_for_a_single_salt_is_the_one_to_one_equation(sigma, c):
    mixed = grahame_surface_potential_mixed(sigma, [c, c], [1, -1])
    assert mixed == pytest.approx(grahame_surface_potential(sigma, c), rel=1e-9, abs=1e-15)


def mixed_charge(psi0, c, z):
    """The general Grahame equation in its published direction: sigma from psi0."""
    c, z = np.asarray(c), np.asarray(z)
    total = np.sum(c * (np.exp(-z * psi0 / V_T) - 1))
    return np.sign(psi0) * np.sqrt(2 * EPS_WATER * GAS_CONSTANT * BODY_TEMPERATURE * total)


@given(st.floats(-0.15, 0.15).filter(lambda p: abs(p) > 1e-6), st.floats(0.0, 20.0))
def test_mixed_grahame_inverts_the_published_equation(psi0, calcium):
    c, z = [140.0, calcium, 140.0 + 2 * calcium], [1, 2, -1]
    sigma = mixed_charge(psi0, c, z)
    assert grahame_surface_potential_mixed(sigma, c, z) == pytest.approx(psi0, rel=1e-9)


@given(st.floats(-0.2, -1e-3), st.floats(0.1, 20.0))
def test_divalent_counter_ions_screen_a_surface_more_than_their_ionic_strength(sigma, calcium):
    # Replace some NaCl by CaCl2 at equal ionic strength (I = 3 c_Ca): |psi0| still falls,
    # because Ca2+ gathers at a negative surface with the square of the Boltzmann factor.
    salt = 150.0 - 3 * calcium
    with_calcium = grahame_surface_potential_mixed(
        sigma, [salt, calcium, salt + 2 * calcium], [1, 2, -1]
    )
    assert abs(with_calcium) < abs(grahame_surface_potential(sigma, 150.0))


def test_mixed_grahame_refuses_a_charged_bulk():
    with pytest.raises(ValueError, match="neutral"):
        grahame_surface_potential_mixed(-0.05, [150.0, 140.0], [1, -1])


@given(st.floats(0.0, 1000.0), st.sampled_from([-2, -1, 1, 2]), potentials)
def test_boltzmann_concentration_keeps_the_electrochemical_potential(c, z, psi):
    # RT ln c + z F psi is the same at the surface and in the bulk (psi = 0).
    local = boltzmann_concentration(c, z, psi)
    assert local * np.exp(z * psi / V_T) == pytest.approx(c, rel=1e-12)


def test_cations_gather_and_anions_leave_a_negative_surface():
    assert (
        boltzmann_concentration(140.0, 1, -0.030)
        > 140.0
        > boltzmann_concentration(140.0, -1, -0.030)
    )
    assert boltzmann_concentration(2.0, 2, -0.030) / 2.0 == pytest.approx(
        (boltzmann_concentration(140.0, 1, -0.030) / 140.0) ** 2
    ), "a divalent ion's factor is the square of a monovalent one's"


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: ionic_strength([150.0, -1.0], [1, -1]), "c"),
        (lambda: ionic_strength([150.0, 150.0], [1, 0]), "z"),
        (lambda: ionic_strength([150.0], [1, -1]), "one entry per ion"),
        (lambda: debye_length(0.0), "ionic_strength"),
        (lambda: debye_length(150.0, T=-1.0), "T"),
        (lambda: debye_length(150.0, eps_r=0.0), "eps_r"),
        (lambda: grahame_surface_potential(np.inf, 150.0), "sigma"),
        (lambda: grahame_surface_potential(0.01, 0.0), "c_salt"),
        (lambda: gouy_chapman_potential(-1e-9, 0.01, 150.0), "x"),
        (lambda: gouy_chapman_potential(1e-9, 0.01, -150.0), "c_salt"),
        (lambda: gouy_chapman_potential(1e-9, np.nan, 150.0), "psi0"),
        (lambda: diffuse_layer_capacitance(0.0), "c_salt"),
        (lambda: grahame_surface_potential_mixed(np.nan, [1.0, 1.0], [1, -1]), "sigma"),
        (lambda: grahame_surface_potential_mixed(0.01, [1.0, -1.0], [1, -1]), "c"),
        (lambda: grahame_surface_potential_mixed(0.01, [1.0, 1.0], [1, 0]), "z"),
        (lambda: grahame_surface_potential_mixed(0.01, [1.0, 1.0], [1, -1], T=0), "T"),
        (lambda: boltzmann_concentration(-1.0, 1, 0.0), "c_bulk"),
        (lambda: boltzmann_concentration(1.0, 0, 0.0), "z"),
        (lambda: boltzmann_concentration(1.0, 1, np.inf), "psi"),
    ],
)
def test_bad_input_names_the_argument(call, name):
    with pytest.raises(ValueError, match=name):
        call()
