"""Energy failure in the pump-leak cell: when V passes the depolarised level."""

import numpy as np
import pytest

from widgets.physics import depolarisation_time, gradient_half_time, simulate_intervention
from widgets.physics.rundown import DEPOLARISED_LEVEL

T_EVAL = np.linspace(0.0, 3600.0, 361)


def run(fraction):
    return simulate_intervention(pump_fraction=fraction, t_eval=T_EVAL)


def test_less_pump_depolarises_sooner_and_swells_the_cell():
    times = [depolarisation_time(r.t, r.v) for r in (run(0.0), run(0.1), run(0.2))]
    assert times[0] < times[1] < times[2], "less pump capacity must depolarise sooner"
    assert 10 * 60 < times[0] < 30 * 60, "a blocked soma takes tens of minutes to reach -50 mV"
    blocked = run(0.0)
    assert blocked.volume[-1] > 1.05 * blocked.volume[0], "without a pump the cell swells"
    assert blocked.v[1] > blocked.v[0] + 0.004, "the pump's electrogenic share goes at once"
    assert np.isnan(depolarisation_time(*(lambda r: (r.t, r.v))(run(1.0))))


def test_depolarisation_time_interpolates_and_reports_none():
    assert depolarisation_time([0.0, 10.0], [-0.06, -0.04]) == pytest.approx(5.0)
    assert depolarisation_time([0.0, 10.0], [-0.04, -0.03]) == 0.0
    assert np.isnan(depolarisation_time([0.0, 10.0], [-0.07, -0.06]))
    t, v = [0.0, 1.0, 2.0], [-0.06, -0.05, -0.02]
    assert depolarisation_time(t, v, level=-0.03) == pytest.approx(1.0 + 2.0 / 3.0)
    assert DEPOLARISED_LEVEL == -0.050


def test_depolarisation_and_half_gradient_share_one_crossing_rule():
    # A falling gradient reaching half is a rising negative gradient reaching minus half.
    t, c_in = np.array([0.0, 10.0, 20.0]), np.array([140.0, 90.0, 40.0])
    gradient = c_in - 5.0
    assert gradient_half_time(t, c_in, 5.0) == pytest.approx(
        depolarisation_time(t, -gradient, level=-0.5 * gradient[0])
    )


def test_depolarisation_time_rejects_bad_input():
    with pytest.raises(ValueError, match="t must increase"):
        depolarisation_time([1.0, 0.0], [-0.06, -0.04])
    with pytest.raises(ValueError, match="one length"):
        depolarisation_time([0.0, 1.0], [-0.06])
    with pytest.raises(ValueError, match="level must be finite"):
        depolarisation_time([0.0, 1.0], [-0.06, -0.05], level=float("nan"))
