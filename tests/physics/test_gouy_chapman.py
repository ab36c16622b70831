"""The exact two-layer membrane against the grid solver, the Grahame equation and its limits."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from widgets.constants import VACUUM_PERMITTIVITY
from widgets.physics import (
    MEMBRANE_CAPACITANCE,
    diffuse_layer_capacitance,
    grahame_surface_potential,
    solve_membrane_pb,
    thermal_voltage,
)
from widgets.physics.gouy_chapman import membrane_gouy_chapman
from widgets.physics.screening import WATER_PERMITTIVITY_RELATIVE

E_NM2 = 0.1602176634  # C/m^2 per elementary charge per nm^2
V_REST = -0.070  # V
SALT = 150.0  # mM

# (v, c_out, c_in, sigma_out, sigma_in): rest, a dilute bath, charged faces, no voltage.
CASES = [
    (V_REST, SALT, SALT, 0.0, 0.0),
    (V_REST, 1.0, SALT, 0.0, 0.0),
    (V_REST, 1e-4, 152.0, 0.0, 0.0),
    (V_REST, SALT, SALT, 0.0, -0.3 * E_NM2),
    (0.0, SALT, 10.0, -0.1 * E_NM2, -0.3 * E_NM2),
    (0.1, 20.0, 300.0, 0.2 * E_NM2, -0.2 * E_NM2),
]


def edges(p):
    """Positions (m) of the outer and inner faces of a grid solution."""
    return p.x[p.outer_index], p.x[p.inner_index]


@pytest.mark.parametrize("case", CASES)
def test_agrees_with_the_grid_solver(case):
    v, c_out, c_in, sigma_out, sigma_in = case
    exact = membrane_gouy_chapman(v, c_out, c_in, sigma_out=sigma_out, sigma_in=sigma_in)
    grid = solve_membrane_pb(v, c_out, c_in, n_points=1601, sigma_out=sigma_out, sigma_in=sigma_in)
    scale = max(abs(v), abs(exact.surface_potential_out), abs(exact.surface_potential_in))
    np.testing.assert_allclose(exact.potential(grid.x), grid.phi, atol=1e-4 * scale)
    assert exact.surface_potential_out == pytest.approx(grid.surface_potential_out, rel=1e-3)
    assert exact.surface_potential_in == pytest.approx(grid.surface_potential_in, rel=1e-3)
    assert exact.charge_out == pytest.approx(grid.charge_out, rel=1e-3, abs=1e-9)
    assert exact.charge_in == pytest.approx(grid.charge_in, rel=1e-3, abs=1e-9)
    assert edges(grid) == pytest.approx((-exact.thickness / 2, exact.thickness / 2))
    cation, anion = exact.profile(grid.x)[1:]
    water = grid.cation > 0
    np.testing.assert_allclose(cation[water], grid.cation[water], rtol=1e-3)
    np.testing.assert_allclose(anion[water], grid.anion[water], rtol=1e-3)


def test_rest_in_saline_is_capacitors_in_series():
    m = membrane_gouy_chapman(V_REST, SALT, SALT)
    layer = diffuse_layer_capacitance(SALT)
    series = 1 / (1 / MEMBRANE_CAPACITANCE + 2 / layer)
    assert m.membrane_voltage / V_REST == pytest.approx(series / MEMBRANE_CAPACITANCE, abs=1e-5)
    assert m.charge_in == pytest.approx(series * V_REST, rel=1e-4)


@settings(max_examples=60, deadline=None)
@given(
    st.floats(-0.15, 0.15),
    st.floats(1e-3, 1e3),
    st.floats(1e-3, 1e3),
    st.floats(-0.1, 0.1),
    st.floats(-0.1, 0.1),
)
def test_whole_system_is_neutral_and_each_layer_obeys_grahame(v, c_out, c_in, s_out, s_in):
    m = membrane_gouy_chapman(v, c_out, c_in, sigma_out=s_out, sigma_in=s_in)
    total = m.charge_out + m.charge_in + s_out + s_in
    assert abs(total) <= 1e-12 * (abs(s_out) + abs(s_in) + abs(m.membrane_charge) + 1e-9)
    assert grahame_surface_potential(-m.charge_out, c_out) == pytest.approx(
        m.surface_potential_out, rel=1e-9, abs=1e-15
    )
    assert grahame_surface_potential(-m.charge_in, c_in) == pytest.approx(
        m.surface_potential_in, rel=1e-9, abs=1e-15
    )
    assert m.membrane_charge == pytest.approx(
        MEMBRANE_CAPACITANCE * m.membrane_voltage, rel=1e-9, abs=1e-15
    )


@settings(max_examples=40, deadline=None)
@given(st.floats(-0.15, 0.15), st.floats(1e-2, 1e3), st.floats(1e-2, 1e3), st.floats(-0.1, 0.1))
def test_swapping_sides_and_sign_mirrors_the_solution(v, c_out, c_in, sigma):
    m = membrane_gouy_chapman(v, c_out, c_in, sigma_out=sigma, sigma_in=0.0)
    mirror = membrane_gouy_chapman(-v, c_in, c_out, sigma_out=0.0, sigma_in=sigma)
    assert mirror.surface_potential_in == pytest.approx(m.surface_potential_out, abs=1e-12)
    assert mirror.charge_in == pytest.approx(m.charge_out, abs=1e-12)
    x = np.linspace(-30e-9, 30e-9, 61)
    np.testing.assert_allclose(mirror.potential(-x), m.potential(x) - v, atol=1e-12)


def test_small_voltage_is_debye_hueckel():
    v = 1e-4
    m = membrane_gouy_chapman(v, SALT, SALT)
    s = np.linspace(0.0, 5.0, 26) * m.debye_length_out
    bath = m.potential(-m.thickness / 2 - s)
    np.testing.assert_allclose(
        bath, m.surface_potential_out * np.exp(-s / m.debye_length_out), rtol=1e-4
    )


def test_nothing_happens_without_voltage_or_charge():
    m = membrane_gouy_chapman(0.0, SALT, 20.0)
    x = np.linspace(-10e-9, 10e-9, 21)
    phi, cation, anion = m.profile(x)
    assert np.all(phi == 0.0) and m.charge_in == 0.0 == m.charge_out
    water = np.abs(x) >= m.thickness / 2
    np.testing.assert_array_equal(cation[water], anion[water])


def test_a_charged_face_alone_is_a_grahame_wall_with_its_image_in_the_membrane():
    # A charged inner face at V = 0 sends part of its field into the membrane and
    # across to the bath: the Grahame wall of the cytosol sees less than sigma.
    sigma = -0.3 * E_NM2
    m = membrane_gouy_chapman(0.0, SALT, SALT, sigma_in=sigma)
    assert m.surface_potential_in < m.surface_potential_out < 0.0
    assert abs(m.charge_in) < abs(sigma), "the bath layer takes a share of the countercharge"
    thick = membrane_gouy_chapman(0.0, SALT, SALT, sigma_in=sigma, thickness=1e-3)
    assert thick.surface_potential_in == pytest.approx(grahame_surface_potential(sigma, SALT))


def test_ions_keep_their_bulk_electrochemical_potential():
    # Boltzmann equilibrium with each bulk: c e^{z phi'/V_T} is the bulk value everywhere.
    m = membrane_gouy_chapman(V_REST, 30.0, SALT, sigma_in=-0.3 * E_NM2)
    v_t = thermal_voltage(m.T)
    x = np.linspace(-5e-9, 5e-9, 101)
    phi, cation, anion = m.profile(x)
    bath, cytosol = x <= -m.thickness / 2, x >= m.thickness / 2
    np.testing.assert_allclose(cation[bath] * np.exp(phi[bath] / v_t), 30.0)
    np.testing.assert_allclose(anion[cytosol] * np.exp(-(phi[cytosol] - V_REST) / v_t), SALT)
    core = ~bath & ~cytosol
    assert np.all(cation[core] == 0) and np.all(anion[core] == 0)
    np.testing.assert_allclose(np.diff(phi[core], 2), 0.0, atol=1e-15)  # linear in the core


def test_membrane_default_is_the_one_microfarad_slab():
    m = membrane_gouy_chapman(V_REST, 1e4, 1e4)
    eps = 2.0 * VACUUM_PERMITTIVITY / m.thickness
    assert eps == pytest.approx(MEMBRANE_CAPACITANCE)
    assert m.eps_water == pytest.approx(WATER_PERMITTIVITY_RELATIVE)


def test_scalar_position_gives_scalars():
    m = membrane_gouy_chapman(V_REST, SALT, SALT)
    phi, cation, anion = m.profile(-m.thickness / 2)
    assert isinstance(phi, float) and phi == pytest.approx(m.surface_potential_out)
    assert cation > SALT > anion, "cations gather at the outer face at rest"


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"v": np.nan}, "v"),
        ({"v": [0.0, 0.1]}, "v"),
        ({"c_salt_out": 0.0}, "c_salt_out"),
        ({"c_salt_in": -1.0}, "c_salt_in"),
        ({"sigma_out": np.inf}, "sigma_out"),
        ({"sigma_in": "a lot"}, "sigma_in"),
        ({"thickness": 0.0}, "thickness"),
        ({"eps_membrane": -2.0}, "eps_membrane"),
        ({"eps_water": 0.0}, "eps_water"),
        ({"T": -3.0}, "T"),
    ],
)
def test_bad_input_names_the_argument(kwargs, name):
    args = {"v": V_REST, "c_salt_out": SALT, "c_salt_in": SALT} | kwargs
    with pytest.raises(ValueError, match=name):
        membrane_gouy_chapman(**args)


def test_bad_position_names_x():
    with pytest.raises(ValueError, match="x"):
        membrane_gouy_chapman(V_REST, SALT, SALT).profile([0.0, np.nan])
