"""The scenario explorer: every control drives the physics into the figure and readout."""

import matplotlib
import numpy as np
import pytest

from widgets.explorers import ScenarioExplorer, scenario_explorer
from widgets.explorers.applications import K_OUT_DECADES, PUMP_RANGE, SCENARIOS
from widgets.figures.applications import CELLS
from widgets.physics import ghk_rest, simulate_intervention
from widgets.physics.pump_leak import steady_state

matplotlib.use("Agg")


@pytest.fixture(scope="module")
def explorer():
    return scenario_explorer()


def test_default_is_the_neuron_at_rest(explorer):
    explorer.reset()
    assert isinstance(explorer, ScenarioExplorer)
    assert explorer.values() == {
        "cell": "mammalian_neuron",
        "scenario": "rest",
        "k_out": 5.0,
        "pump_percent": 100.0,
    }
    assert explorer.figure.v == pytest.approx(steady_state().v)
    assert "steady state at V = −64.1 mV" in explorer.readout.value
    assert bytes(explorer.image.value).startswith(b"\x89PNG")


@pytest.mark.parametrize("cell", CELLS)
@pytest.mark.parametrize("scenario", ["first", "each"])
def test_every_scenario_of_every_cell_loads_its_values(explorer, cell, scenario):
    keys = list(SCENARIOS[cell]) if scenario == "each" else [next(iter(SCENARIOS[cell]))]
    for key in keys:
        explorer.set(cell=cell, scenario=key)
        _, k_out, pump = SCENARIOS[cell][key]
        values = explorer.values()
        assert values["cell"] == cell and values["scenario"] == key
        if k_out is not None:
            assert values["k_out"] == pytest.approx(k_out)
            assert explorer.figure.k_out == pytest.approx(k_out)
        if pump is not None:
            assert explorer.figure.pump_fraction == pytest.approx(pump / 100)
        assert explorer.controls["k_out"].disabled == (
            cell not in ("mammalian_neuron", "cardiac_myocyte")
        )
        assert explorer.controls["pump_percent"].disabled == (cell != "mammalian_neuron")
        assert explorer.figure.summary() in explorer.readout.value


def test_k_out_slider_draws_the_heart_rest(explorer):
    explorer.set(cell="cardiac_myocyte")
    for k_out in (4.0, 6.5, 9.0):
        explorer.controls["k_out"].value = k_out
        assert explorer.figure.v == pytest.approx(ghk_rest("cardiac_myocyte", k_out))
        assert explorer.figure.heart_point.get_xdata()[0] == pytest.approx(k_out)
    assert explorer.values()["scenario"] is None, "own values: no scenario shown"
    explorer.controls["k_out"].value = 7.0
    assert explorer.values()["scenario"] == "severe", "the matching scenario is shown"


def test_pump_slider_simulates_the_neuron(explorer):
    explorer.set(cell="mammalian_neuron")
    explorer.controls["pump_percent"].value = 10.0
    run = simulate_intervention(pump_fraction=0.1, t_eval=np.linspace(0, 3600, 121), rtol=1e-4)
    np.testing.assert_allclose(explorer.figure.time_v.get_ydata(), run.v * 1e3)
    assert "the pump drops to 10 %" in explorer.readout.value


def test_invalid_values_give_a_message_not_a_traceback():
    explorer = scenario_explorer()
    before = explorer.image.value
    explorer.controls["k_out"].max = 3  # allow 1000 mM: more K+ than the bath's K+ and Na+
    explorer.controls["k_out"].value = 500.0
    assert 'role="alert"' in explorer.readout.value
    assert "k_out must be below the bath" in explorer.readout.value
    assert explorer.image.value == before, "the figure keeps the last valid values"


def test_site_grid_values_are_valid_control_values(explorer):
    grid = explorer.site_grid()
    assert set(grid) == {"cell", "k_out"}
    assert grid["cell"] == list(CELLS)
    low, high = 10.0 ** np.array(K_OUT_DECADES)
    assert all(low <= k <= high for k in grid["k_out"])
    assert len(grid["cell"]) * len(grid["k_out"]) <= 80
    for cell in grid["cell"]:
        for k_out in grid["k_out"][::5]:
            explorer.set(cell=cell, k_out=k_out)
            assert explorer.values()["k_out"] == pytest.approx(k_out)
    assert any(np.isclose(k, 7.0) for k in grid["k_out"]), "severe hyperkalaemia is a frame"


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"cell": "frog"}, "cell must be one of"),
        ({"scenario": "severe"}, "scenario must be one of"),
        ({"k_out": 500.0}, "k_out must be a single number from 1 to 100"),
        ({"pump_percent": 120.0}, "pump_percent"),
    ],
)
def test_bad_arguments_are_named(kwargs, words):
    with pytest.raises(ValueError, match=words):
        scenario_explorer(**kwargs)


def test_scenarios_are_complete():
    for cell, scenarios in SCENARIOS.items():
        assert cell in CELLS and "rest" in scenarios
        for label, k_out, pump in scenarios.values():
            assert label
            assert k_out is None or 1.0 <= k_out <= 100.0
            assert pump is None or PUMP_RANGE[0] <= pump <= PUMP_RANGE[1]
