"""The applications chapter's static figures draw the physics they claim to."""

import numpy as np
import pytest

from widgets.data.applications import HYPERKALAEMIA_CLASSES
from widgets.figures.case_studies import (
    accumulation,
    plasma_potassium_curves,
    plot_conduction_margin,
    plot_hyperkalaemia,
    plot_plant_accumulation,
    plot_pump_failure,
)
from widgets.physics import (
    cardiac_sodium_availability,
    conduction_margin,
    depolarisation_time,
    ghk_rest,
    simulate_intervention,
)


def test_hyperkalaemia_figure_draws_ghk_rest_and_availability():
    fig = plot_hyperkalaemia()
    ax, twin = fig.axes
    v_line, e_k_line = ax.get_lines()
    k = v_line.get_xdata()
    np.testing.assert_allclose(v_line.get_ydata(), ghk_rest("cardiac_myocyte", k) * 1e3)
    assert np.all(e_k_line.get_ydata() < v_line.get_ydata()), "V lies above E_K"
    (availability,) = twin.get_lines()
    np.testing.assert_allclose(
        availability.get_ydata(), 100 * cardiac_sodium_availability(ghk_rest("cardiac_myocyte", k))
    )
    assert len(ax.patches) == len(HYPERKALAEMIA_CLASSES), "one shaded band per class"


def test_curves_span_normal_to_far_above_severe():
    curves = plasma_potassium_curves()
    assert curves["k"][0] <= 3.5 and curves["k"][-1] >= 10.0
    assert np.all(np.diff(curves["v"]) > 0), "V rises with plasma K+"
    assert np.all(np.diff(curves["availability"]) <= 0)


def test_pump_failure_figure_draws_each_capacity():
    fig = plot_pump_failure(fractions=(0.0, 1.0), minutes=30.0)
    ax_v, ax_vol = fig.axes
    blocked, intact = ax_v.get_lines()[:2]
    run = simulate_intervention(
        pump_fraction=0.0, duration=1800.0, t_eval=np.linspace(0.0, 1800.0, 241)
    )
    np.testing.assert_allclose(blocked.get_ydata(), run.v * 1e3)
    assert np.ptp(intact.get_ydata()) < 1e-3, "an intact pump keeps V still"
    marker = [line for line in ax_v.get_lines() if line.get_marker() == "o"]
    assert marker[0].get_xdata()[0] == pytest.approx(depolarisation_time(run.t, run.v) / 60)
    assert ax_vol.get_lines()[0].get_ydata()[-1] > 100.0


def test_conduction_margin_figure():
    fig = plot_conduction_margin()
    ax_sf, ax_v = fig.axes
    plain, blocked = ax_sf.get_lines()[:2]
    m = plain.get_xdata()
    assert plain.get_ydata()[10] == pytest.approx(conduction_margin(m[10]).safety_factor)
    assert blocked.get_ydata()[10] == pytest.approx(conduction_margin(m[10], 0.5).safety_factor)
    assert np.all(blocked.get_ydata() >= plain.get_ydata() - 1e-12), "blocking restores margin"


def test_plant_figure_compares_measured_and_equilibrium_contents():
    fig = plot_plant_accumulation()
    (ax,) = fig.axes
    values = accumulation()
    heights = [bar.get_height() for bar in ax.patches]
    assert heights[:3] == pytest.approx(list(values["measured"]))
    assert heights[3:6] == pytest.approx(list(values["at_equilibrium"]))
    k_measured, k_equilibrium = values["measured"][0], values["at_equilibrium"][0]
    assert k_equilibrium == pytest.approx(k_measured, rel=0.05), "K+ sits near equilibrium"
