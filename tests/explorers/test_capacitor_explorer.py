"""The capacitor explorer: each control drives the physics into the figure, readout and PNG."""

import matplotlib
import numpy as np
import pytest

from widgets.data import get_preset
from widgets.explorers import capacitor_explorer
from widgets.explorers.capacitor import SCENARIOS
from widgets.physics import (
    charged_ion_fraction,
    ions_to_charge,
    membrane_field,
    specific_capacitance,
    sphere_area,
)

matplotlib.use("Agg")  # headless; the explorer never touches pyplot anyway

NM, UM = 1e-9, 1e-6
NEURON = get_preset("mammalian_neuron")
K_IN = NEURON.c_in["K"]  # mM, 140: the mammalian neuron's K+ inside
V_REST_MV = round(NEURON.v_rest * 1e3, 1)  # -65 mV (Kandel)
START = {
    "preset": "soma_rest",
    "thickness_nm": 1.77,
    "eps_r": 2.0,
    "v_mV": V_REST_MV,
    "radius_um": 10.0,
}
MAX_SITE_FRAMES = 80


@pytest.fixture(scope="module")
def explorer():
    return capacitor_explorer()


@pytest.fixture(autouse=True)
def start_each_test_from_the_start(explorer):
    explorer.reset()


def assert_draws(explorer, thickness_nm, eps_r, v_mV, radius_um):
    """The figure holds what widgets.physics gives for these control values."""
    figure = explorer.figure
    c = specific_capacitance(eps_r, thickness_nm * NM)
    v, radius = v_mV / 1e3, radius_um * UM
    assert figure.c_specific == pytest.approx(c)
    assert figure.field == pytest.approx(membrane_field(v, thickness_nm * NM))
    assert figure.n_ions == pytest.approx(ions_to_charge(v, sphere_area(radius), c_specific=c))
    assert figure.fraction == pytest.approx(charged_ion_fraction(v, radius, K_IN, c_specific=c))
    _, y = figure.panel.profile.get_data()
    assert y[-1] == pytest.approx(v_mV), "the cytosol is not drawn at V"
    assert figure.panel.membrane.get_width() == pytest.approx(thickness_nm)
    r_um, n = figure.curve.get_data()
    np.testing.assert_allclose(n, ions_to_charge(v, sphere_area(r_um * UM), c_specific=c))
    assert figure.point.get_xdata()[0] == pytest.approx(radius_um)
    assert figure.summary() in explorer.readout.value, "the readout does not show the state"


def test_starts_with_the_ten_micrometre_soma_at_rest(explorer):
    assert explorer.values() == START
    assert V_REST_MV == -65.0, "the preset's resting potential changed: update the numbers below"
    assert_draws(explorer, 1.77, 2.0, V_REST_MV, 10.0)
    # 1.77 nm of eps 2 is 1.00 uF/cm^2; at -65 mV: 36.7 MV/m, 5.10 million ions, 0.0014 % of
    # 140 mM K+ (the 10 um soma holds 3.5e10 K+ ions)
    summary = explorer.figure.summary()
    for fragment in ("C = 1.00 µF/cm²", "36.7 MV/m", "5.10 million ions", "0.00144 %"):
        assert fragment in summary, summary
    assert bytes(explorer.image.value).startswith(b"\x89PNG"), "the Image holds no PNG"


@pytest.mark.parametrize(
    ("control", "value"),
    [
        ("thickness_nm", 5.0),
        ("thickness_nm", 1.0),
        ("eps_r", 4.5),
        ("v_mV", -80.0),
        ("v_mV", 45.0),
        ("radius_um", 250.0),
        ("radius_um", 1.0),
    ],
)
def test_each_slider_draws_the_physics(explorer, control, value):
    before = explorer.image.value
    explorer.controls[control].value = value
    values = {name: v for name, v in explorer.values().items() if name != "preset"}
    assert values[control] == value
    assert_draws(explorer, **values)
    assert explorer.image.value != before, "the PNG was not re-rendered"
    assert explorer.values()["preset"] is None, "own values are nobody's preset"


@pytest.mark.parametrize("key", list(SCENARIOS))
def test_each_preset_loads_its_cell(explorer, key):
    explorer.controls["preset"].value = key
    cell = SCENARIOS[key]
    assert explorer.values()["preset"] == key
    assert_draws(explorer, cell.thickness_nm, cell.eps_r, cell.v_mV, cell.radius_um)


def test_presets_reproduce_the_chapters_numbers(explorer):
    explorer.controls["preset"].value = "soma_ek"
    assert explorer.figure.n_ions / 1e6 == pytest.approx(7.0, abs=0.05), "Nernst chapter: 7.0 M"
    explorer.controls["preset"].value = "two_million"
    assert explorer.figure.n_ions == pytest.approx(2e6, rel=1e-9)
    assert explorer.values()["radius_um"] == pytest.approx(6.26, abs=0.01), "2e6 e / (C |V| 4 pi)"
    explorer.controls["preset"].value = "fraction"
    assert explorer.figure.fraction == pytest.approx(1e-5, rel=1e-9)


def test_preset_loads_with_one_render(explorer, monkeypatch):
    renders = []
    real_png = explorer.figure.png
    monkeypatch.setattr(explorer.figure, "png", lambda: renders.append(1) or real_png())
    explorer.controls["preset"].value = "two_million"
    assert len(renders) == 1, "a preset should re-render once, not once per loaded value"


def test_reset_restores_the_start(explorer):
    start_png = explorer.image.value
    explorer.set(thickness_nm=8.0, eps_r=7.0, v_mV=30.0, radius_um=500.0)
    explorer.controls["reset"].click()
    assert explorer.values() == START
    assert explorer.image.value == start_png, "reset should redraw the very same figure"


def test_zero_volts_is_a_state_not_an_error(explorer):
    explorer.controls["v_mV"].value = 0.0
    assert 'role="alert"' not in explorer.readout.value
    assert "0 ions per face" in explorer.readout.value
    assert "no charge is separated" in explorer.readout.value


def test_a_value_the_figure_refuses_is_explained_in_the_readout(explorer, monkeypatch):
    png = explorer.image.value

    def refuse(**_values):
        raise ValueError("eps_r must be positive; got 0.0")

    monkeypatch.setattr(explorer.figure, "update", refuse)
    explorer.controls["eps_r"].value = 3.0  # must not raise
    assert 'role="alert"' in explorer.readout.value
    assert "cannot be drawn" in explorer.readout.value and "eps_r" in explorer.readout.value
    assert explorer.image.value == png, "the figure keeps the last valid values"


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"thickness_nm": 0.5}, "thickness_nm"),
        ({"eps_r": 80.0}, "eps_r"),
        ({"v_mV": -200.0}, "v_mV"),
        ({"radius_um": 0.1}, "radius_um"),
        ({"radius_um": "big"}, "radius_um"),
        ({"preset": "squid"}, "preset"),
    ],
)
def test_factory_rejects_values_outside_the_controls(kwargs, name):
    with pytest.raises(ValueError, match=name):
        capacitor_explorer(**kwargs)


def test_factory_values_override_the_preset():
    explorer = capacitor_explorer(thickness_nm=5.0, preset="two_million")
    assert explorer.values()["thickness_nm"] == 5.0
    assert explorer.values()["radius_um"] == pytest.approx(SCENARIOS["two_million"].radius_um)


def test_site_grid_holds_valid_control_values(explorer):
    grid = explorer.site_grid()
    assert 1 <= len(grid) <= 2
    frames = 1
    for name, values in grid.items():
        control = explorer.controls[name]
        frames *= len(values)
        if name == "preset":
            assert set(values) <= {key for _, key in control.options}
            continue
        assert 15 <= len(values) <= 25
        for value in values:
            assert control.min <= value <= control.max, f"{name}={value} is off the slider"
            steps = (value - control.min) / control.step
            assert steps == pytest.approx(round(steps)), f"{name}={value} is off the step grid"
    assert frames <= MAX_SITE_FRAMES
    for key in grid["preset"]:
        for thickness in grid["thickness_nm"]:
            explorer.set(preset=key, thickness_nm=thickness)
            assert 'role="alert"' not in explorer.readout.value


def test_controls_name_their_units(explorer):
    for name in ("thickness_nm", "v_mV", "radius_um"):
        description = explorer.controls[name].description
        assert description.endswith(")") and "(" in description, description
    assert explorer.controls["thickness_nm"].description == "Membrane thickness (nm)"


def test_static_snapshot_lists_the_values(explorer):
    html = explorer.static_html()
    assert "<input" not in html and "<select" not in html, "a control that does nothing"
    for fragment in ("membrane thickness: 1.77 nm", "ions per face: 5.10 million", "Binder"):
        assert fragment in html, fragment
