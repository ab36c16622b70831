"""The pump-leak simulator: every control drives simulate() and steady_state() into the figure."""

import base64
import itertools
import re

import numpy as np
import pytest

from widgets.explorers import pump_explorer
from widgets.explorers.pump import SCENARIOS, matching_scenario
from widgets.figures.pump import HOUR, N_POINTS, RTOL
from widgets.physics import PumpLeakParams, intervention_params, simulate_intervention
from widgets.physics.pump_leak import steady_state

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
NEURON = PumpLeakParams()
REST = steady_state(NEURON)


@pytest.fixture(scope="module")
def built():
    return pump_explorer()


@pytest.fixture
def explorer(built):
    """The explorer at its starting values (built once: a build draws every scenario)."""
    built.reset()
    return built


def settings(explorer):
    values = explorer.values()
    return values["pump_percent"], values["k_out"], values["block_minutes"], values["duration_h"]


def assert_draws_the_physics(explorer):
    """Drawn traces equal simulate_intervention; steady lines equal steady_state."""
    pump, k_out, block, duration_h = settings(explorer)
    run = simulate_intervention(
        NEURON,
        pump / 100,
        k_out,
        block_time=60.0 * block,
        duration=duration_h * HOUR,
        t_eval=np.linspace(0.0, duration_h * HOUR, N_POINTS),
        rtol=RTOL,
    )
    figure = explorer.figure
    np.testing.assert_allclose(figure.lines["v"].get_ydata()[1:], run.v * 1e3, rtol=1e-9)
    np.testing.assert_allclose(figure.lines["na"].get_ydata()[1:], run.c_in[:, 0], rtol=1e-9)
    np.testing.assert_allclose(figure.lines["k"].get_ydata()[1:], run.c_in[:, 1], rtol=1e-9)
    volume = 100 * run.volume / REST.volume
    np.testing.assert_allclose(figure.lines["volume"].get_ydata()[1:], volume, rtol=1e-9)
    target = steady_state(intervention_params(NEURON, pump / 100, k_out))
    assert figure.steady_lines["v"].get_ydata()[0] == pytest.approx(target.v * 1e3, rel=1e-12)
    assert figure.steady_lines["k"].get_ydata()[0] == pytest.approx(target.c_in[1], rel=1e-12)
    cursor = explorer.values()["cursor_h"]
    (point,) = figure.cursor_points["na"].get_ydata()
    assert point == pytest.approx(np.interp(cursor * HOUR, run.t, run.c_in[:, 0]))


def test_default_is_the_normal_cell_at_rest(explorer):
    assert explorer.values() == {
        "scenario": "normal",
        "pump_percent": 100,
        "k_out": 5.0,
        "block_minutes": 0,
        "duration_h": 2.0,
        "cursor_h": 1.0,
    }
    assert_draws_the_physics(explorer)
    # The calibrated neuron rests at E_Cl = -64.1 mV with 12 mM Na+ and 140 mM K+ inside.
    assert "Steady state: V = −64.1 mV" in explorer.readout.value
    assert "never" in explorer.readout.value, "a normal pump keeps the K+ gradient"
    assert bytes(explorer.image.value).startswith(b"\x89PNG")


@pytest.mark.parametrize("key", list(SCENARIOS))
def test_each_scenario_loads_and_draws_its_simulation(explorer, key):
    before = explorer.image.value
    explorer.controls["scenario"].value = key
    preset = SCENARIOS[key]
    assert settings(explorer) == (
        preset.pump_percent,
        preset.k_out,
        preset.block_minutes,
        preset.duration_h,
    )
    assert explorer.values()["cursor_h"] == preset.cursor_h
    assert explorer.values()["scenario"] == key, "a loaded scenario must stay selected"
    assert_draws_the_physics(explorer)
    assert explorer.figure.summary() in explorer.readout.value
    assert explorer.image.value != before or key == "normal", "the PNG was not re-rendered"


@pytest.mark.parametrize(
    ("control", "values"),
    [
        ("pump_percent", [0, 35, 200]),
        ("k_out", [1.0, 7.5, 20.0]),
        ("block_minutes", [5, 120]),
        ("duration_h", [0.5, 24.0]),
    ],
)
def test_each_slider_draws_the_physics(explorer, control, values):
    for value in values:
        explorer.controls[control].value = value
        assert (
            settings(explorer)[
                list(("pump_percent", "k_out", "block_minutes", "duration_h")).index(control)
            ]
            == value
        )
        assert_draws_the_physics(explorer)
        assert explorer.figure.summary() in explorer.readout.value


def test_time_cursor_moves_only_the_cursor(explorer):
    from widgets.figures import pump

    explorer.controls["scenario"].value = "blocked"
    simulated = pump.pump_run.cache_info().misses
    v_before = explorer.figure.lines["v"].get_ydata().copy()
    explorer.controls["cursor_h"].value = 6.0
    assert pump.pump_run.cache_info().misses == simulated, "the cursor must not simulate"
    assert explorer.figure.cursor_points["k"].get_xdata()[0] == 6.0
    np.testing.assert_array_equal(explorer.figure.lines["v"].get_ydata(), v_before)
    assert "At 6.00 h:" in explorer.readout.value
    assert_draws_the_physics(explorer)


def test_duration_sets_the_cursor_range(explorer):
    cursor = explorer.controls["cursor_h"]
    explorer.controls["duration_h"].value = 24.0
    assert cursor.max == 24.0 and cursor.step == pytest.approx(24.0 / (N_POINTS - 1))
    cursor.value = 20.0
    explorer.controls["duration_h"].value = 4.0
    assert cursor.max == 4.0 and cursor.value == 4.0, "the cursor must stay inside the run"
    assert explorer.figure.cursor_h == 4.0


def test_preset_cursor_times_lie_on_the_slider_grid():
    # The browser snaps a slider's value to its step grid and sends it back.
    for preset in SCENARIOS.values():
        steps = preset.cursor_h / (preset.duration_h / (N_POINTS - 1))
        assert steps == pytest.approx(round(steps), abs=1e-9), preset.label


def test_own_settings_blank_the_scenario_until_one_is_chosen(explorer):
    explorer.controls["pump_percent"].value = 55
    assert explorer.controls["scenario"].value is None, "55 % is nobody's scenario"
    explorer.controls["pump_percent"].value = 10
    assert explorer.controls["scenario"].value == "atp_depleted", "10 % is ATP depletion"
    explorer.controls["scenario"].value = "recovery"
    assert settings(explorer)[2] == 30


def test_matching_scenario_ignores_duration_and_cursor():
    values = {"pump_percent": 0, "k_out": 5.0, "block_minutes": 0, "duration_h": 0.5}
    assert matching_scenario(values) == "blocked"
    assert matching_scenario(values | {"k_out": 5.5}) is None


def test_reset_restores_the_start(explorer):
    start_png = pump_explorer().image.value
    explorer.set(scenario="blocked", k_out=12.0, cursor_h=7.0)
    explorer.controls["reset"].click()
    assert explorer.values()["scenario"] == "normal" and explorer.values()["cursor_h"] == 1.0
    assert explorer.image.value == start_png, "reset should redraw the very same figure"


def test_set_changes_several_controls_with_one_render(explorer, monkeypatch):
    renders = []
    real_png = explorer.figure.png
    monkeypatch.setattr(explorer.figure, "png", lambda: renders.append(1) or real_png())
    explorer.set(pump_percent=40, k_out=8.0, duration_h=8.0, cursor_h=2.0)
    assert len(renders) == 1
    explorer.controls["scenario"].value = "recovery"  # loads five values
    assert len(renders) == 2, "a scenario should render once, not once per loaded value"


def test_failed_simulation_shows_a_message_not_a_traceback(explorer, monkeypatch):
    from widgets.figures import pump

    def fail(**_settings):
        raise RuntimeError("LSODA gave up")

    png = explorer.image.value
    monkeypatch.setattr(pump, "pump_run", fail)
    explorer.controls["pump_percent"].value = 45  # must not raise
    assert 'role="alert"' in explorer.readout.value
    assert "cannot be simulated" in explorer.readout.value
    assert explorer.image.value == png and explorer.figure.pump_percent == 100


def test_readout_says_which_sliders_compute_on_release(explorer):
    assert "release" in explorer.readout.value
    for name in ("pump_percent", "k_out", "block_minutes", "duration_h"):
        assert explorer.controls[name].continuous_update is False, f"{name} would freeze a drag"
    assert explorer.controls["cursor_h"].continuous_update is True


def test_every_control_is_described_with_its_unit(explorer):
    units = {
        "pump_percent": "(% of normal)",
        "k_out": "(mM)",
        "block_minutes": "(min)",
        "duration_h": "(h)",
        "cursor_h": "(h)",
    }
    for name, control in explorer.controls.items():
        assert control.description and control.tooltip, f"{name} has no accessible description"
        if name in units:
            assert control.description.endswith(units[name]), control.description


def test_site_grid_holds_valid_values_in_few_frames(explorer):
    grid = explorer.site_grid()
    assert list(grid) == ["scenario", "pump_percent"]
    assert 15 <= len(grid["pump_percent"]) * len(grid["scenario"]) <= 80
    assert set(grid["scenario"]) == set(SCENARIOS)
    slider = explorer.controls["pump_percent"]
    assert all(slider.min <= v <= slider.max and v % slider.step == 0 for v in grid["pump_percent"])
    for scenario, pump in itertools.islice(itertools.product(*grid.values()), 0, None, 17):
        explorer.set(scenario=scenario, pump_percent=pump)
        assert explorer.values()["pump_percent"] == pump
        assert_draws_the_physics(explorer)


def test_mimebundle_offers_the_widget_and_an_honest_snapshot(explorer):
    bundle = explorer._repr_mimebundle_()
    assert WIDGET_VIEW in bundle
    assert bundle["text/plain"].startswith("Pump-leak simulator (snapshot): Steady state")
    page = bundle["text/html"]
    assert not re.search(r"<(input|select|button|script)", page), "no dead controls"
    src = re.search(r'src="data:image/png;base64,([^"]+)"', page)[1]
    assert base64.b64decode(src) == explorer.image.value
    for value in ("100 % of normal", "5 mM", "−64.1 mV", "3.9 × 10⁷", "[K⁺] 140.0 mM"):
        assert value in page, f"the caption does not list {value!r}"


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"scenario": "stroke"}, "scenario"),
        ({"pump_percent": 250}, "pump_percent"),
        ({"pump_percent": 33}, "pump_percent"),
        ({"k_out": 0.5}, "k_out"),
        ({"k_out": 5.25}, "k_out"),
        ({"block_minutes": 7}, "block_minutes"),
        ({"duration_h": 3.0}, "duration_h"),
        ({"cursor_h": 5.0}, "cursor_h"),
    ],
)
def test_factory_rejects_values_the_controls_cannot_show(kwargs, name):
    with pytest.raises(ValueError, match=name):
        pump_explorer(**kwargs)


def test_factory_defaults_follow_the_scenario():
    explorer = pump_explorer("recovery", duration_h=8.0)
    assert settings(explorer) == (100, 5.0, 30, 8.0)
    assert explorer.values()["scenario"] == "recovery"
    assert_draws_the_physics(explorer)
