"""The pump chapter's static figures draw the physics they caption."""

import numpy as np
import pytest

from widgets.figures.steady_state import plot_current_budget, plot_pump_activation
from widgets.physics import pump_activation
from widgets.physics.pump import PUMP_K_K, PUMP_K_NA
from widgets.physics.pump_leak import steady_state

REST = steady_state()
NA_IN, K_OUT = REST.c_in[0], 5.0


def test_activation_curves_are_the_pump_law():
    fig = plot_pump_activation(NA_IN, K_OUT)
    na_axes, k_axes = fig.axes
    na, rate_na = na_axes.lines[0].get_data()
    np.testing.assert_allclose(rate_na, pump_activation(na, K_OUT), rtol=1e-12)
    k, rate_k = k_axes.lines[0].get_data()
    np.testing.assert_allclose(rate_k, pump_activation(NA_IN, k), rtol=1e-12)
    # The half-activation constants of Luo & Rudy (1994) are marked where the text says.
    assert (
        na_axes.lines[1].get_xdata()[0] == PUMP_K_NA and k_axes.lines[1].get_xdata()[0] == PUMP_K_K
    )
    for ax, x in ((na_axes, NA_IN), (k_axes, K_OUT)):
        (rest_x,), (rest_y,) = ax.lines[2].get_data()
        assert (rest_x, rest_y) == pytest.approx((x, pump_activation(NA_IN, K_OUT)))


def test_budget_bars_are_the_steady_state_currents():
    fig = plot_current_budget(REST)
    budget = fig.budget
    area_pA = REST.area * 1e12
    assert budget["Na⁺"] == pytest.approx((REST.i_leak[0] * area_pA, 3 * REST.i_pump * area_pA))
    assert budget["K⁺"] == pytest.approx((REST.i_leak[1] * area_pA, -2 * REST.i_pump * area_pA))
    leak, pumped = budget["all ions"]
    assert leak + pumped == pytest.approx(0.0, abs=1e-9), "the total current at rest is zero"
    for leak_pA, pump_pA in budget.values():
        assert leak_pA == pytest.approx(-pump_pA, abs=1e-9), "each ion's leak is pumped back"
    widths = sorted(abs(bar.get_width()) for bar in fig.axes[0].patches)
    expected = sorted(abs(value) for pair in budget.values() for value in pair)
    np.testing.assert_allclose(widths, expected, atol=1e-12)
