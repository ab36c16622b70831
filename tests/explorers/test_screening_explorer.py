"""The screening explorer: each control drives the physics into the figure, readout and PNG."""

import itertools

import matplotlib
import numpy as np
import pytest

from widgets.constants import celsius_to_kelvin
from widgets.data import get_fluid
from widgets.explorers import screening_explorer
from widgets.explorers.screening import BATH_FLUIDS, SALT_DECADES
from widgets.figures.screening import E_PER_NM2
from widgets.physics import (
    fluid_ionic_strength,
    membrane_gouy_chapman,
    solve_membrane_pb,
    water_relative_permittivity,
)

matplotlib.use("Agg")

NM = 1e-9
C_PLASMA, C_CYTO = fluid_ionic_strength("blood_plasma"), fluid_ionic_strength("cytoplasm")


@pytest.fixture
def explorer():
    return screening_explorer()


def drawn(explorer):
    x_nm, phi_mV = explorer.figure.phi_line.get_data()
    return np.asarray(x_nm) * NM, np.asarray(phi_mV) / 1e3


def physics(values, c_cytosol=C_CYTO):
    """The exact solution for a dict of control values (display units)."""
    T = celsius_to_kelvin(values["T_celsius"])
    return membrane_gouy_chapman(
        values["v_mV"] / 1e3,
        values["c_salt"],
        c_cytosol,
        sigma_out=values["sigma_out"] * E_PER_NM2,
        sigma_in=values["sigma_in"] * E_PER_NM2,
        eps_water=water_relative_permittivity(T),
        T=T,
    )


def grid_solution(values, c_cytosol=C_CYTO):
    """The same problem on solve_membrane_pb's grid, independent of the closed form."""
    T = celsius_to_kelvin(values["T_celsius"])
    return solve_membrane_pb(
        values["v_mV"] / 1e3,
        values["c_salt"],
        c_cytosol,
        eps_water=water_relative_permittivity(T),
        T=T,
        n_points=1601,
        sigma_out=values["sigma_out"] * E_PER_NM2,
        sigma_in=values["sigma_in"] * E_PER_NM2,
    )


def test_default_is_blood_plasma_against_cytoplasm_at_rest(explorer):
    assert explorer.values() == {
        "fluid": "blood_plasma",
        "c_salt": pytest.approx(C_PLASMA),
        "v_mV": -70.0,
        "sigma_out": 0.0,
        "sigma_in": 0.0,
        "T_celsius": 37.0,
        "view": "near",
    }
    assert explorer.figure.c_cytosol == pytest.approx(C_CYTO)
    assert "Membrane itself: −68.4 mV of V = −70.0 mV (97.7 %)" in explorer.readout.value
    assert bytes(explorer.image.value).startswith(b"\x89PNG")


@pytest.mark.parametrize(
    ("control", "value"),
    [
        ("c_salt", 3.0),
        ("c_salt", 1e-3),
        ("v_mV", -120.0),
        ("v_mV", 40.0),
        ("sigma_out", -0.2),
        ("sigma_in", -0.31),
        ("sigma_in", 0.25),
        ("T_celsius", 5.0),
        ("view", "wide"),  # in 1 mM salt (below), where the clouds outgrow +-10 nm
        ("fluid", "sea_water"),
        ("fluid", "fresh_water"),
    ],
)
def test_each_control_draws_the_physics(explorer, control, value):
    if control == "view":
        explorer.set(c_salt=1.0)
    before = explorer.image.value
    explorer.controls[control].value = value
    values = explorer.values()
    x, phi = drawn(explorer)
    exact = physics(values)
    np.testing.assert_allclose(phi, exact.potential(x), rtol=1e-10, atol=1e-12)
    grid = grid_solution(values)
    scale = max(abs(values["v_mV"]) / 1e3, abs(exact.surface_potential_in), 1e-3)
    np.testing.assert_allclose(phi, np.interp(x, grid.x, grid.phi), atol=5e-3 * scale)
    assert explorer.figure.summary() in explorer.readout.value, "readout not updated"
    assert explorer.image.value != before, "the PNG was not re-rendered"


def test_linear_limit_is_debye_hueckel(explorer):
    explorer.set(v_mV=-1.0)
    x, phi = drawn(explorer)
    m = explorer.figure.solution
    cytosol = x >= 0.5 * m.thickness
    s = x[cytosol] - 0.5 * m.thickness
    expected = m.v + m.surface_potential_in * np.exp(-s / m.debye_length_in)
    np.testing.assert_allclose(phi[cytosol], expected, rtol=1e-4, atol=1e-9)


def test_choosing_a_fluid_loads_its_ionic_strength_and_temperature(explorer):
    for key in BATH_FLUIDS:
        explorer.controls["fluid"].value = key
        fluid = get_fluid(key)
        assert explorer.values()["c_salt"] == pytest.approx(fluid_ionic_strength(key), rel=1e-12)
        assert explorer.values()["T_celsius"] == pytest.approx(fluid.T - 273.15)
        assert explorer.values()["fluid"] == key, "the fluid's own values must keep it chosen"


def test_own_values_blank_the_fluid(explorer):
    explorer.controls["c_salt"].value = 40.0
    assert explorer.controls["fluid"].value is None
    explorer.controls["fluid"].value = "saline"
    assert explorer.values()["c_salt"] == pytest.approx(fluid_ionic_strength("saline"))


def test_pure_water_leaves_the_membrane_a_small_share(explorer):
    explorer.controls["fluid"].value = "pure_water"
    assert explorer.figure.membrane_share < 0.15
    assert "Pure water" in str(explorer.controls["fluid"].options)


def test_reset_restores_the_start(explorer):
    start = explorer.image.value
    explorer.set(fluid="pure_water", v_mV=50.0, sigma_in=-0.4, view="wide")
    explorer.controls["reset"].click()
    assert explorer.values()["fluid"] == "blood_plasma" and explorer.values()["view"] == "near"
    assert explorer.image.value == start, "reset should redraw the very same figure"


def test_one_render_per_preset(explorer, monkeypatch):
    renders = []
    real_png = explorer.figure.png
    monkeypatch.setattr(explorer.figure, "png", lambda: renders.append(1) or real_png())
    explorer.controls["fluid"].value = "sea_water"  # loads salt and temperature
    assert len(renders) == 1


def test_site_grid_values_are_valid_control_values(explorer):
    grid = explorer.site_grid()
    assert list(grid) == ["c_salt"]
    values = grid["c_salt"]
    assert 15 <= len(values) <= 25
    slider = explorer.controls["c_salt"]
    low, high = 10.0 ** np.array(SALT_DECADES)
    assert all(low <= v <= high for v in values)
    assert np.allclose(np.diff(np.log10(values)), np.diff(np.log10(values))[0]), "log-spaced"
    for value in values[::5]:
        slider.value = value
        assert slider.value == pytest.approx(value), "the slider clamped or snapped a grid value"
        assert 'role="alert"' not in explorer.readout.value


def test_every_corner_of_the_controls_draws_without_an_alert(explorer):
    corners = itertools.product(
        (1e-5, 1e3), (-150.0, 150.0), (-0.5, 0.5), (-0.5, 0.5), (0.0, 45.0), ("near", "wide")
    )
    for c_salt, v, s_out, s_in, t, view in corners:
        explorer.set(c_salt=c_salt, v_mV=v, sigma_out=s_out, sigma_in=s_in, T_celsius=t, view=view)
        assert 'role="alert"' not in explorer.readout.value, explorer.values()
        assert np.all(np.isfinite(explorer.figure.phi_line.get_ydata()))


def test_a_value_that_cannot_be_drawn_gives_a_message_not_a_traceback(explorer, monkeypatch):
    png = explorer.image.value

    def refuse(**values):
        raise ValueError("T must lie between 273.15 and 373.15 K (0-100 degC); got 500.0")

    monkeypatch.setattr(explorer.figure, "update", refuse)
    explorer.controls["v_mV"].value = -60.0  # must not raise
    assert 'role="alert"' in explorer.readout.value
    assert "cannot be drawn" in explorer.readout.value and "T must lie between" in (
        explorer.readout.value
    )
    assert explorer.image.value == png, "the figure keeps the last valid values"


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"fluid": "lemonade"}, "fluid"),
        ({"fluid": None}, "c_salt and T_celsius"),
        ({"c_salt": 0.0}, "c_salt"),
        ({"c_salt": 1e4}, "c_salt"),
        ({"v_mV": -200.0}, "v_mV"),
        ({"sigma_out": 1.0}, "sigma_out"),
        ({"sigma_in": np.nan}, "sigma_in"),
        ({"T_celsius": 60.0}, "T_celsius"),
        ({"view": "sideways"}, "view"),
        ({"c_cytosol": -1.0}, "c_cytosol"),
    ],
)
def test_factory_arguments_are_validated(kwargs, name):
    with pytest.raises(ValueError, match=name):
        screening_explorer(**kwargs)


def test_own_values_without_a_fluid():
    explorer = screening_explorer(fluid=None, c_salt=20.0, T_celsius=20.0, c_cytosol=100.0)
    assert explorer.values()["fluid"] is None
    assert explorer.figure.c_cytosol == 100.0 and explorer.figure.c_salt == 20.0
