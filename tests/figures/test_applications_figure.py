"""The scenario figure draws what widgets.physics computes, for every cell and scenario."""

import matplotlib
import numpy as np
import pytest

from widgets.constants import concentration_to_ph
from widgets.data import IONS, get_preset
from widgets.figures.applications import CELLS, ScenarioFigure
from widgets.figures.palette import ION_COLOURS
from widgets.physics import (
    PumpLeakParams,
    cardiac_sodium_availability,
    depolarisation_time,
    ghk_current_density,
    ghk_permeabilities,
    ghk_rest,
    nernst_potential,
    proton_motive_force,
    simulate_intervention,
)
from widgets.physics.pump_leak import steady_state

matplotlib.use("Agg")


@pytest.fixture(scope="module")
def figure():
    return ScenarioFigure()


def drawn_e(figure):
    """The E of each ion shown in panel (a), in mV."""
    return {
        ion: tick.get_ydata()[0]
        for ion, tick in figure.e_ticks.items()
        if len(tick.get_ydata()) and ion in figure.E
    }


def drawn_bars(figure):
    return [bar.get_height() for bar in figure.bars[: len(figure.bar_labels)]]


def test_neuron_at_rest_is_the_pump_leak_steady_state(figure):
    figure.update(cell="mammalian_neuron", k_out=5.0, pump_fraction=1.0)
    rest = steady_state(PumpLeakParams())
    assert figure.v == pytest.approx(rest.v)
    assert figure.v_line.get_ydata()[0] == pytest.approx(rest.v * 1e3)
    cell = PumpLeakParams()
    expected = nernst_potential(cell.c_out, rest.c_in, [1, 1, -1], cell.T) * 1e3
    drawn = drawn_e(figure)
    assert [drawn[ion] for ion in ("Na", "K", "Cl")] == pytest.approx(list(expected))
    currents = [*(rest.i_leak * 100), rest.i_pump * 100]
    assert drawn_bars(figure)[:4] == pytest.approx(currents)
    assert drawn_bars(figure)[4] == pytest.approx(0.0, abs=1e-9), "currents sum to zero at rest"
    assert figure.run is None and np.isnan(figure.depolarisation_time)
    assert figure.time_v.get_visible() and not figure.heart_point.get_visible()


@pytest.mark.parametrize(("k_out", "fraction"), [(5.0, 0.0), (10.0, 0.25)])
def test_failing_pump_draws_the_simulated_run(figure, k_out, fraction):
    figure.update(cell="mammalian_neuron", k_out=k_out, pump_fraction=fraction)
    run = simulate_intervention(
        pump_fraction=fraction, k_out=k_out, t_eval=np.linspace(0, 3600, 121), rtol=1e-4
    )
    np.testing.assert_allclose(figure.time_v.get_ydata(), run.v * 1e3)
    np.testing.assert_allclose(figure.time_v.get_xdata(), run.t / 60)
    assert figure.v == pytest.approx(run.v[-1])
    crossing = depolarisation_time(run.t, run.v)
    assert figure.depolarisation_time == pytest.approx(crossing, nan_ok=True)
    if np.isfinite(crossing):
        assert figure.crossing.get_xdata()[0] == pytest.approx(crossing / 60)
        assert f"after {crossing / 60:.1f} min" in figure.summary()


@pytest.mark.parametrize("k_out", [3.5, 5.4, 7.0, 12.0])
def test_heart_draws_ghk_rest_and_availability(figure, k_out):
    figure.update(cell="cardiac_myocyte", k_out=k_out)
    v = ghk_rest("cardiac_myocyte", k_out)
    assert figure.v == pytest.approx(v)
    assert figure.heart_point.get_data()[1][0] == pytest.approx(v * 1e3)
    assert figure.availability == pytest.approx(cardiac_sodium_availability(v))
    cell = get_preset("cardiac_myocyte")
    assert drawn_e(figure)["K"] == pytest.approx(nernst_potential(k_out, 145.0, 1, cell.T) * 1e3)
    p = ghk_permeabilities("cardiac_myocyte")
    i_k = ghk_current_density(v, p["K"], k_out, 145.0, 1, cell.T) * 100
    assert drawn_bars(figure)[0] == pytest.approx(i_k)
    assert drawn_bars(figure)[2] == pytest.approx(0.0, abs=1e-12)
    assert figure.heart_point.get_visible() and not figure.time_v.get_visible()
    assert figure.ax_scenario["cardiac_myocyte"].get_visible()


def test_plant_shows_driving_forces_at_the_measured_potential(figure):
    figure.update(cell="plant_root_cell")
    cell = get_preset("plant_root_cell")
    expected = [
        (cell.v_rest - nernst_potential(cell.c_out[i], cell.c_in[i], IONS[i].z, cell.T)) * 1e3
        for i in cell.ions
    ]
    assert drawn_bars(figure) == pytest.approx(expected)
    assert figure.bar_labels == [IONS[i].label for i in cell.ions]
    assert [bar.get_facecolor()[:3] for bar in figure.bars[: len(expected)]] == [
        matplotlib.colors.to_rgb(ION_COLOURS[i]) for i in cell.ions
    ]


def test_bacterium_splits_the_proton_motive_force(figure):
    figure.update(cell="e_coli")
    cell = get_preset("e_coli")
    dph = concentration_to_ph(cell.c_in["H"]) - concentration_to_ph(cell.c_out["H"])
    dp = proton_motive_force(cell.v_rest, dph, cell.T) * 1e3
    psi, ph_term, total = drawn_bars(figure)
    assert (psi, total) == pytest.approx((-120.0, dp))
    assert psi + ph_term == pytest.approx(total), "the two parts add up to Δp"
    assert "Δp = −163.1 mV" in figure.summary()


@pytest.mark.parametrize("cell", CELLS)
def test_words_describe_every_cell(figure, cell):
    figure.update(cell=cell)
    alt, summary, params = figure.alt_text(), figure.summary(), figure.parameters()
    assert summary in alt and "mV" in summary
    assert params["cell"] in alt
    assert bytes(figure.png()).startswith(b"\x89PNG")
    visible = [key for key, ax in figure.ax_scenario.items() if ax.get_visible()]
    assert visible == [cell], "only the cell's own scenario panel shows"


def test_png_matches_a_full_redraw_after_switching_cells():
    from widgets.figures.agg import render_png

    figure = ScenarioFigure()
    figure.prerender()
    for cell in ("cardiac_myocyte", "mammalian_neuron", "e_coli"):
        figure.update(cell=cell)
        assert figure.png() == render_png(figure.fig), f"stale background for {cell}"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"cell": "frog"}, "cell must be one of"),
        ({"k_out": -1.0}, "k_out must be positive"),
        ({"pump_fraction": 2.0}, "pump_fraction must lie between 0 and 1"),
        ({"cell": "mammalian_neuron", "k_out": 200.0}, "k_out must be below"),
    ],
)
def test_bad_values_leave_the_figure_unchanged(kwargs, message):
    figure = ScenarioFigure("cardiac_myocyte")
    before = figure.summary()
    with pytest.raises(ValueError, match=message):
        figure.update(**kwargs)
    assert figure.summary() == before
