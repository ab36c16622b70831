"""Tests for the 1-D Poisson-Boltzmann solver across bath | membrane | cytosol.

The reference is the exact solution of the same continuous problem: the membrane
and the two Gouy-Chapman layers are capacitors in series, the layers obeying the
Grahame equation, so the charge per area Q on the cytosol side solves

    Q = C_m [V + psi_in(Q) - psi_out(Q)],  psi_out = grahame(Q, c_out), psi_in = grahame(-Q, c_in).
"""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import brentq

from widgets.physics.electrostatics import (
    MEMBRANE_CAPACITANCE,
    MEMBRANE_EQUIVALENT_THICKNESS,
    specific_capacitance,
)
from widgets.physics.poisson_boltzmann import solve_membrane_pb
from widgets.physics.screening import (
    diffuse_layer_capacitance,
    gouy_chapman_potential,
    grahame_surface_potential,
)

V_REST = -0.070  # V
SALT = 150.0  # mol/m^3, physiological ionic strength on both sides


def exact_charge(v, c_out, c_in, c_membrane=MEMBRANE_CAPACITANCE):
    """Charge per area (C/m^2) on the cytosol side of the semi-infinite problem."""

    def mismatch(q):
        drop = v + grahame_surface_potential(-q, c_in) - grahame_surface_potential(q, c_out)
        return q - c_membrane * drop

    bound = c_membrane * abs(v) + 1e-12
    return brentq(mismatch, -bound, bound, xtol=1e-16, rtol=1e-14)


def series_capacitance_of(c_out, c_in, c_membrane=MEMBRANE_CAPACITANCE):
    """Membrane and both linear diffuse layers in series, F/m^2."""
    inverse = 1 / c_membrane + 1 / diffuse_layer_capacitance(c_out)
    return 1 / (inverse + 1 / diffuse_layer_capacitance(c_in))


@pytest.fixture(scope="module")
def rest():
    return solve_membrane_pb(V_REST, SALT, SALT)


def bath_distance(p):
    """Distances from the outer face (m) and the bath potentials, face first."""
    nodes = slice(p.outer_index, None, -1)
    return p.x[p.outer_index] - p.x[nodes], p.phi[nodes]


def cytosol_distance(p):
    nodes = slice(p.inner_index, None)
    return p.x[nodes] - p.x[p.inner_index], p.phi[nodes] - p.v


# (1) where the voltage drops


def test_membrane_carries_the_series_capacitor_share_of_the_voltage(rest):
    share = rest.membrane_voltage / rest.v
    expected = series_capacitance_of(SALT, SALT) / MEMBRANE_CAPACITANCE
    assert share == pytest.approx(expected, abs=1e-4), (
        "the membrane share should be C_series / C_m; check the face permittivities"
    )
    assert share > 0.97, f"membrane should carry almost all of the voltage, got {share:.4f}"


def test_a_lower_capacitance_membrane_carries_over_99_percent():
    # 5 nm at eps 2 (0.35 uF/cm^2): the diffuse layers take an even smaller share.
    p = solve_membrane_pb(V_REST, SALT, SALT, thickness=5e-9, eps_membrane=2.0)
    c_m = specific_capacitance(2.0, 5e-9)
    assert p.membrane_voltage / p.v > 0.99
    assert p.membrane_voltage / p.v == pytest.approx(
        series_capacitance_of(SALT, SALT, c_m) / c_m, abs=1e-4
    )


def test_potential_falls_monotonically_from_bath_to_cytosol(rest):
    assert np.all(np.diff(rest.phi) <= 0), "for V < 0 phi must fall from bath to cytosol"
    assert rest.phi[0] == 0.0
    assert rest.phi[-1] == pytest.approx(V_REST, abs=1e-15)


# (2) where the charge sits


def test_charge_per_area_is_series_capacitance_times_voltage(rest):
    c_series = series_capacitance_of(SALT, SALT)
    assert rest.charge_in == pytest.approx(c_series * V_REST, rel=1e-3), (
        "cytosol charge should be C_series V (negative at rest)"
    )
    assert rest.charge_out == pytest.approx(-rest.charge_in, rel=1e-5)
    assert rest.charge_in == pytest.approx(MEMBRANE_CAPACITANCE * V_REST, rel=0.03), (
        "diffuse layers are ~80x the membrane's capacitance, so C_series is close to C_m"
    )


def test_charge_matches_exact_semi_infinite_solution(rest):
    assert rest.charge_in == pytest.approx(exact_charge(V_REST, SALT, SALT), rel=1e-4)


def test_charge_lives_within_a_few_debye_lengths(rest):
    within_out, within_in = rest.charge_within(5 * rest.debye_length_out)
    assert within_out / rest.charge_out > 0.99
    assert within_in / rest.charge_in > 0.99


@pytest.mark.parametrize("n_debye", [1.0, 2.0, 4.0, 6.0])
def test_charge_tail_decays_as_debye_hueckel_exponential(rest, n_debye):
    assert rest.charge_fraction_beyond(n_debye) == pytest.approx(np.exp(-n_debye), rel=0.02)


# (3) electroneutral bulk


def test_bulk_is_neutral(rest):
    assert rest.charge_fraction_beyond(10.0) < 1e-4, "charge left in the bulk"
    net = rest.charge_out + rest.charge_in
    assert abs(net) < 1e-5 * abs(rest.charge_in), "bath and cytosol charges must cancel"
    for end in (0, -1):
        imbalance = abs(rest.cation[end] - rest.anion[end]) / (rest.cation[end] + rest.anion[end])
        assert imbalance < 1e-6
        assert rest.cation[end] == pytest.approx(SALT, rel=1e-6)


def test_even_at_the_face_the_ion_imbalance_is_a_few_percent(rest):
    i = rest.outer_index
    imbalance = (rest.cation[i] - rest.anion[i]) / (rest.cation[i] + rest.anion[i])
    assert 0.0 < imbalance < 0.05, "cations should be in slight excess just outside at rest"


def test_no_ions_inside_the_membrane(rest):
    core = slice(rest.outer_index + 1, rest.inner_index)
    assert np.all(rest.cation[core] == 0) and np.all(rest.charge_density[core] == 0)


# (4) validation against analytic profiles


@pytest.mark.parametrize(
    ("v", "c_out", "c_in"),
    [(V_REST, SALT, SALT), (V_REST, 1.0, 1.0), (1.0, 1.0, 1.0), (-0.1, 10.0, 300.0)],
)
def test_diffuse_layers_follow_gouy_chapman_and_grahame(v, c_out, c_in):
    p = solve_membrane_pb(v, c_out, c_in)
    for (s, psi), c, psi0, q in [
        (bath_distance(p), c_out, p.surface_potential_out, p.charge_in),
        (cytosol_distance(p), c_in, p.surface_potential_in, -p.charge_in),
    ]:
        expected = gouy_chapman_potential(s, psi0, c)
        np.testing.assert_allclose(psi, expected, atol=1e-4 * abs(psi0))
        assert grahame_surface_potential(q, c) == pytest.approx(psi0, rel=5e-4)


def test_strongly_nonlinear_layer_is_not_debye_hueckel():
    # 1 V across a membrane in 1 mM salt: psi0 ~ 3 RT/F, so the linear profile is far off.
    p = solve_membrane_pb(1.0, 1.0, 1.0)
    assert p.surface_potential_out > 0.075, "expected a surface potential of about 3 RT/F"
    s, psi = bath_distance(p)
    at_one_lambda = np.interp(p.debye_length_out, s, psi)
    linear = p.surface_potential_out * np.exp(-1)
    assert abs(at_one_lambda) < 0.9 * abs(linear), "GC should fall faster than DH here"


def test_small_voltage_matches_linear_debye_hueckel():
    v = 1e-3
    p = solve_membrane_pb(v, SALT, SALT)
    c_series = series_capacitance_of(SALT, SALT)
    psi0 = c_series * v / diffuse_layer_capacitance(SALT)
    s, psi = bath_distance(p)
    np.testing.assert_allclose(psi, psi0 * np.exp(-s / p.debye_length_out), atol=1e-4 * psi0)
    assert p.charge_in == pytest.approx(c_series * v, rel=1e-4)


# (5) fixed surface charge and very different sides


def exact_charged(v, c_out, c_in, sigma_out, sigma_in, c_membrane=MEMBRANE_CAPACITANCE):
    """Membrane charge q (C/m^2) with charged faces: Gauss at each face, Grahame in each layer."""

    def mismatch(q):
        psi_out = grahame_surface_potential(sigma_out + q, c_out)
        psi_in = grahame_surface_potential(sigma_in - q, c_in)
        return q - c_membrane * (v + psi_in - psi_out)

    bound = c_membrane * abs(v) + abs(sigma_out) + abs(sigma_in) + 1e-12
    return brentq(mismatch, -bound, bound, xtol=1e-16, rtol=1e-14)


@pytest.mark.parametrize(
    ("v", "sigma_out", "sigma_in"),
    [(V_REST, 0.0, -0.05), (0.0, -0.02, -0.05), (0.05, 0.03, 0.0)],
)
def test_fixed_surface_charge_enters_gauss_law_at_its_face(v, sigma_out, sigma_in):
    p = solve_membrane_pb(v, SALT, SALT, sigma_out=sigma_out, sigma_in=sigma_in)
    q = exact_charged(v, SALT, SALT, sigma_out, sigma_in)
    scale = 1e-4 * (abs(q) + abs(sigma_out) + abs(sigma_in))  # of the charges involved
    assert p.charge_out == pytest.approx(-(sigma_out + q), abs=scale)
    assert p.charge_in == pytest.approx(q - sigma_in, abs=scale)
    assert p.charge_out + p.charge_in + sigma_out + sigma_in == pytest.approx(0.0, abs=1e-8)
    assert p.surface_potential_in == pytest.approx(
        grahame_surface_potential(sigma_in - q, SALT), rel=1e-3, abs=1e-7
    )


def test_a_dilute_bath_leaves_the_cytosol_layer_resolved():
    # Each side's grid spans 20 of its own Debye lengths: a bath 1e6 times more dilute
    # (Debye length 1000 times longer) must not coarsen the cytosol's layer.
    p = solve_membrane_pb(V_REST, 1e-4, SALT)
    q = exact_charged(V_REST, 1e-4, SALT, 0.0, 0.0)
    assert p.charge_in == pytest.approx(q, rel=1e-3)
    s, psi = cytosol_distance(p)
    expected = gouy_chapman_potential(s, p.surface_potential_in, SALT)
    np.testing.assert_allclose(psi, expected, atol=1e-3 * abs(p.surface_potential_in))
    assert s[1] < 0.1 * p.debye_length_in, "the first cytosol cell is coarser than its layer"


# (6) convergence


def test_second_order_convergence_under_refinement():
    exact = exact_charge(V_REST, SALT, SALT)
    errors = [
        abs(solve_membrane_pb(V_REST, SALT, SALT, n_points=n).charge_in - exact)
        for n in (201, 401, 801)
    ]
    ratios = [errors[0] / errors[1], errors[1] / errors[2]]
    assert all(3.5 < r < 4.5 for r in ratios), f"error ratios per halving {ratios}, expected ~4"


# symmetry and limits


@settings(max_examples=40, deadline=None)
@given(
    st.floats(-0.2, 0.2).filter(lambda v: abs(v) > 1e-4),
    st.floats(1.0, 500.0),
    st.floats(1.0, 500.0),
)
def test_swapping_sides_and_sign_mirrors_the_solution(v, c_out, c_in):
    p = solve_membrane_pb(v, c_out, c_in)
    mirror = solve_membrane_pb(-v, c_in, c_out)
    assert np.sign(p.charge_in) == np.sign(v)
    assert mirror.charge_in == pytest.approx(p.charge_out, rel=1e-4)
    assert mirror.surface_potential_out == pytest.approx(p.surface_potential_in, rel=1e-4)
    assert p.charge_in == pytest.approx(exact_charge(v, c_out, c_in), rel=1e-3)


def test_zero_voltage_gives_no_charge_and_flat_potential():
    p = solve_membrane_pb(0.0, SALT, SALT)
    assert np.all(p.phi == 0.0) and p.charge_in == 0.0
    assert p.charge_fraction_beyond(5.0) == 0.0


def test_default_membrane_has_the_textbook_capacitance():
    p = solve_membrane_pb(V_REST, 1e4, 1e4)  # 10 M salt: diffuse layers negligible
    assert p.x[p.inner_index] - p.x[p.outer_index] == pytest.approx(MEMBRANE_EQUIVALENT_THICKNESS)
    assert p.charge_in == pytest.approx(MEMBRANE_CAPACITANCE * V_REST, rel=0.01)


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"v": np.nan}, "v"),
        ({"v": [0.0, 0.1]}, "v"),
        ({"c_salt_out": 0.0}, "c_salt_out"),
        ({"c_salt_in": -1.0}, "c_salt_in"),
        ({"thickness": 0.0}, "thickness"),
        ({"eps_membrane": -2.0}, "eps_membrane"),
        ({"eps_water": 0.0}, "eps_water"),
        ({"T": 0.0}, "T"),
        ({"extent": -1e-9}, "extent"),
        ({"n_points": 10}, "n_points"),
        ({"n_points": 400.0}, "n_points"),
        ({"sigma_out": np.nan}, "sigma_out"),
        ({"sigma_in": [0.0, 0.1]}, "sigma_in"),
    ],
)
def test_bad_input_names_the_argument(kwargs, name):
    args = {"v": V_REST, "c_salt_out": SALT, "c_salt_in": SALT} | kwargs
    with pytest.raises(ValueError, match=name):
        solve_membrane_pb(**args)
