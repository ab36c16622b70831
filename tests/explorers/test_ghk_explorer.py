"""The GHK explorer: each control drives the physics into the figure, readout and PNG."""

import base64
import re

import matplotlib.pyplot as plt
import numpy as np
import pytest

from widgets.constants import celsius_to_kelvin
from widgets.data import PRESETS, get_preset
from widgets.explorers import ghk_explorer
from widgets.figures.ghk import K_OUT_DECADES
from widgets.physics import ghk_current_density, ghk_voltage, nernst_potential
from widgets.physics.leak import ION_KEYS, preset_arrays, resting_permeabilities

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


@pytest.fixture
def explorer():
    return ghk_explorer()


def expected(values):
    """V (mV), E (mV) and the currents (uA/cm^2) that widgets.physics gives for ``values``."""
    cell = get_preset(values["preset"])
    c_out, c_in, z = preset_arrays(cell)
    c_out[0] = values["k_out"]
    T = celsius_to_kelvin(values["T_celsius"])
    p = resting_permeabilities(values["preset"])[0] * np.array(
        [1.0, values["p_na_ratio"], values["p_cl_ratio"]]
    )
    v = ghk_voltage(p, c_out, c_in, z, T)
    return (
        v * 1e3,
        nernst_potential(c_out, c_in, z, T) * 1e3,
        ghk_current_density(v, p, c_out, c_in, z, T) * 100,
    )


def assert_draws_the_physics(explorer):
    v_mV, e_mV, currents = expected(explorer.values())
    figure = explorer.figure
    assert figure.v_line.get_ydata()[0] == pytest.approx(v_mV, rel=1e-12)
    assert [figure.e_ticks[i].get_ydata()[0] for i in ION_KEYS] == pytest.approx(e_mV, rel=1e-12)
    assert [figure.bars[i].get_height() for i in ION_KEYS] == pytest.approx(currents, rel=1e-12)
    assert figure.point.get_xydata()[0] == pytest.approx([explorer.values()["k_out"], v_mV])
    assert figure.summary() in explorer.readout.value, "the readout does not show the result"


def test_default_is_the_neuron_with_hodgkin_katz_ratios(explorer):
    assert explorer.values() == {
        "preset": "mammalian_neuron",
        "p_na_ratio": 0.04,
        "p_cl_ratio": 0.45,
        "k_out": 5.0,
        "T_celsius": 37.0,
    }
    assert_draws_the_physics(explorer)
    # Hodgkin & Katz's 1 : 0.04 : 0.45 on the neuron preset at 37 degC.
    assert "V_GHK = −67.3 mV" in explorer.readout.value
    assert bytes(explorer.image.value).startswith(b"\x89PNG")


@pytest.mark.parametrize(
    ("control", "value"),
    [
        ("k_out", 10.0),
        ("k_out", 0.3),
        ("p_na_ratio", 0.4),
        ("p_na_ratio", 1e-4),
        ("p_cl_ratio", 45.0),
        ("T_celsius", 20.0),
        ("preset", "squid_axon"),
        ("preset", "skeletal_muscle"),
    ],
)
def test_each_control_draws_the_physics(explorer, control, value):
    before = explorer.image.value
    explorer.controls[control].value = value
    assert explorer.values()[control] == value
    assert_draws_the_physics(explorer)
    assert explorer.image.value != before, "the PNG was not re-rendered"


def test_hyperkalemia_readout(explorer):
    explorer.set(k_out=10.0)
    assert "V_GHK = −59.8 mV" in explorer.readout.value


def test_cutting_the_k_leak_a_hundredfold_nears_minus_42_mV(explorer):
    explorer.set(p_na_ratio=4.0, p_cl_ratio=45.0)  # both ratios x 100: P_K / 100
    assert explorer.figure.V * 1e3 == pytest.approx(-42.8, abs=0.05)


def test_choosing_a_cell_loads_its_k_out_and_temperature_and_keeps_the_ratios(explorer):
    explorer.set(p_na_ratio=0.1, k_out=50.0)
    explorer.controls["preset"].value = "squid_axon"
    values = explorer.values()
    assert (values["k_out"], values["T_celsius"], values["p_na_ratio"]) == (20.0, 20.0, 0.1)
    # With the measured ratios the squid axon rests near -60 mV (Hodgkin & Katz 1949).
    explorer.set(p_na_ratio=0.04)
    assert explorer.figure.V * 1e3 == pytest.approx(-59.9, abs=0.05)


def test_not_a_number_gives_a_message_and_keeps_the_last_figure(explorer):
    png, v = explorer.image.value, explorer.figure.V
    explorer.controls["k_out"].value = float("nan")  # a slider passes nan through
    assert 'role="alert"' in explorer.readout.value and "k_out" in explorer.readout.value
    assert explorer.image.value == png and explorer.figure.V == v
    explorer.controls["k_out"].value = 7.0
    assert 'role="alert"' not in explorer.readout.value
    assert_draws_the_physics(explorer)


def test_reset_restores_the_start(explorer):
    start = explorer.image.value
    explorer.set(preset="skeletal_muscle", p_na_ratio=2.0, p_cl_ratio=1e-3, T_celsius=5.0)
    explorer.controls["reset"].click()
    assert explorer.values()["preset"] == "mammalian_neuron"
    assert explorer.image.value == start, "reset should redraw the very same figure"


def test_set_renders_once(explorer, monkeypatch):
    renders = []
    real_png = explorer.figure.png
    monkeypatch.setattr(explorer.figure, "png", lambda: renders.append(1) or real_png())
    explorer.set(k_out=8.0, p_na_ratio=0.05, T_celsius=30.0)
    assert len(renders) == 1
    explorer.controls["preset"].value = "squid_axon"  # loads two values
    assert len(renders) == 2


def test_site_grid_values_are_valid_control_values(explorer):
    grid = explorer.site_grid()
    assert list(grid) == ["preset", "k_out"], "the cell loads [K+]out: list it first"
    assert grid["preset"] == list(PRESETS)
    frames = sum(len(values) for values in grid["k_out"].values())
    assert frames <= 80, f"{frames} frames for the static site"
    low, high = (explorer.controls["k_out"].base ** e for e in K_OUT_DECADES)
    for key, values in grid["k_out"].items():
        assert get_preset(key).c_out["K"] in values, f"{key}: its own [K+]out is not a frame"
        assert all(low <= v <= high for v in values)
        assert np.all(np.diff(np.log10(values)) > 0), "log-spaced, ascending"
    explorer.set(preset="squid_axon", k_out=grid["k_out"]["squid_axon"][5])
    assert_draws_the_physics(explorer)


def test_every_control_is_described_with_its_unit(explorer):
    for name, control in explorer.controls.items():
        assert control.description and control.tooltip, f"{name} has no accessible description"
    units = {name: explorer.controls[name].description for name in explorer.values()}
    assert units["k_out"].endswith("(mM)") and units["T_celsius"].endswith("(°C)")
    assert units["p_na_ratio"].endswith("(ratio)") and units["p_cl_ratio"].endswith("(ratio)")
    for name in ("k_out", "p_na_ratio", "p_cl_ratio"):
        assert explorer.controls[name].step is None, f"{name}: a step grid would move presets"


def test_snapshot_is_honest_and_self_contained(explorer):
    bundle = explorer._repr_mimebundle_()
    assert WIDGET_VIEW in bundle
    page = bundle["text/html"]
    src = re.search(r'src="data:image/png;base64,([^"]+)"', page)[1]
    assert base64.b64decode(src) == explorer.image.value
    for value in ("1 : 0.04 : 0.45", "5 mM", "−67.3 mV", "+3.29 µA/cm²", "0.151 mS/cm²"):
        assert value in page, f"the snapshot does not list {value!r}"
    assert not re.search(r"<(input|select|button)", page) and "Binder" in page


def test_no_figures_accumulate(explorer):
    fignums = plt.get_fignums()
    for step in range(30):
        explorer.controls["k_out"].value = 1.0 + step
    assert plt.get_fignums() == fignums and len(explorer.figure.fig.axes) == 3


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"preset": "frog"}, "key"),
        ({"p_na_ratio": 0.0}, "p_na_ratio"),
        ({"p_cl_ratio": 1e3}, "p_cl_ratio"),
        ({"k_out": 2000.0}, "k_out"),
        ({"T_celsius": -5.0}, "T_celsius"),
    ],
)
def test_factory_rejects_values_the_controls_cannot_show(kwargs, name):
    with pytest.raises(ValueError, match=name):
        ghk_explorer(**kwargs)
