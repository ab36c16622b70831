"""Pump failure in the pump-leak cell and the time at which V passes a level."""

import dataclasses

import numpy as np
import pytest

from widgets.physics import PumpLeakParams, depolarisation_time, pump_failure
from widgets.physics.ischaemia import DEPOLARISED_LEVEL
from widgets.physics.pump_leak import simulate, steady_state

CELL = PumpLeakParams()
T_EVAL = np.linspace(0.0, 3600.0, 361)


def test_full_pump_keeps_the_steady_state():
    run = pump_failure(pump_fraction=1.0, t_eval=T_EVAL)
    np.testing.assert_allclose(run.v, steady_state(CELL).v, atol=1e-6)


def test_pump_failure_is_simulate_from_the_intact_steady_state():
    run = pump_failure(pump_fraction=0.3, t_eval=T_EVAL)
    blocked = dataclasses.replace(CELL, pump_max=0.3 * CELL.pump_max)
    direct = simulate(blocked, (0.0, 3600.0), initial=steady_state(CELL), t_eval=T_EVAL)
    np.testing.assert_allclose(run.v, direct.v)


def test_less_pump_depolarises_sooner_and_swells_the_cell():
    times = [
        depolarisation_time(r.t, r.v)
        for r in (pump_failure(f, t_eval=T_EVAL) for f in (0.0, 0.1, 0.2))
    ]
    assert times[0] < times[1] < times[2], "less pump capacity must depolarise sooner"
    assert 10 * 60 < times[0] < 30 * 60, "a blocked soma takes tens of minutes to reach -50 mV"
    run = pump_failure(0.0, t_eval=T_EVAL)
    assert run.volume[-1] > 1.05 * run.volume[0], "without a pump the cell swells"
    assert run.v[1] > run.v[0] + 0.004, "the pump's electrogenic share goes at once"


def test_depolarisation_time_interpolates_and_reports_none():
    assert depolarisation_time([0.0, 10.0], [-0.06, -0.04]) == pytest.approx(5.0)
    assert depolarisation_time([0.0, 10.0], [-0.04, -0.03]) == 0.0
    assert np.isnan(depolarisation_time([0.0, 10.0], [-0.07, -0.06]))
    assert depolarisation_time(
        [0.0, 1.0, 2.0], [-0.06, -0.05, -0.02], level=-0.03
    ) == pytest.approx(1.0 + 2.0 / 3.0)
    assert DEPOLARISED_LEVEL == -0.050


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"pump_fraction": 1.5}, "pump_fraction must lie between 0 and 1"),
        ({"pump_fraction": -0.1}, "pump_fraction must lie between 0 and 1"),
        ({"duration": 0.0}, "duration must be positive"),
        ({"params": "neuron"}, "params must be a PumpLeakParams"),
    ],
)
def test_pump_failure_rejects_bad_input(kwargs, message):
    with pytest.raises(ValueError, match=message):
        pump_failure(**kwargs)


def test_depolarisation_time_rejects_bad_input():
    with pytest.raises(ValueError, match="t must increase"):
        depolarisation_time([1.0, 0.0], [-0.06, -0.04])
    with pytest.raises(ValueError, match="one length"):
        depolarisation_time([0.0, 1.0], [-0.06])
