"""The channels figures draw the physics, update in place and render what a full draw would."""

import io

import matplotlib
import numpy as np
import pytest
from PIL import Image

from widgets.data import ALKALI_IONS
from widgets.figures import RestFigure, SelectivityFigure, render_png
from widgets.figures.channels import MS_PER_CM2, SODIUM_RICH, SQUID, k_leak_conductance
from widgets.figures.palette import ION_COLOURS
from widgets.figures.resting_channels import (
    plot_filter_energetics,
    plot_gate_tails,
    plot_iv_curves,
    plot_rest_against_leak,
)
from widgets.physics import (
    RestingMembrane,
    hh_steady_state_gates,
    hydration_free_energy,
    membrane_current_density,
    membrane_currents,
    rest_loss,
    rest_points,
    selectivity_free_energy,
    selectivity_ratio,
    site_free_energy,
    transfer_free_energy,
)
from widgets.physics.selectivity import ANGSTROM, IONIC_RADIUS, K_SITE_RADIUS, NA_SITE_RADIUS

matplotlib.use("Agg")  # headless; the figures under test never touch pyplot anyway


def pixels(png):
    return np.asarray(Image.open(io.BytesIO(png)))


# --- the selectivity figure -------------------------------------------------------------------


def test_selectivity_curves_are_the_transfer_free_energies():
    figure = SelectivityFigure()
    for ion, radius in IONIC_RADIUS.items():
        site, energy = figure.curves[ion].get_data()
        expected = transfer_free_energy(radius, site * ANGSTROM) / 1e3
        np.testing.assert_allclose(energy, expected, rtol=1e-12, err_msg=ion)
    assert figure.curves["K"].get_color() == ION_COLOURS["K"]
    assert figure.curves["Na"].get_color() == ION_COLOURS["Na"]


def test_k_site_prefers_k_by_the_physics_ratio():
    figure = SelectivityFigure()
    ddg = selectivity_free_energy(K_SITE_RADIUS)
    assert figure.delta_delta_g == pytest.approx(ddg)
    assert figure.ratio == pytest.approx(selectivity_ratio(ddg))
    assert figure.best_ion() == "K"
    assert "holds K⁺ over Na⁺ by 1.2 × 10⁴ to 1" in figure.summary()
    (x,), (y,) = figure.markers["Na"].get_data()
    assert x == pytest.approx(2.73) and y == pytest.approx(ddg / 1e3), "Na+ marker: K+ is at 0"


def test_moving_the_site_moves_only_the_marks_and_a_na_site_prefers_na():
    figure = SelectivityFigure()
    curves = {ion: line.get_ydata().copy() for ion, line in figure.curves.items()}
    figure.update(site_radius=NA_SITE_RADIUS)
    assert all(np.array_equal(curves[ion], figure.curves[ion].get_ydata()) for ion in curves)
    assert figure.site_line.get_xdata()[0] == pytest.approx(NA_SITE_RADIUS / ANGSTROM)
    assert figure.best_ion() == "Na" and figure.delta_delta_g < 0
    assert "holds Na⁺ over K⁺" in figure.summary()


def test_fewer_oxygens_raise_every_transfer_free_energy():
    figure = SelectivityFigure()
    before = dict(figure.transfer)
    figure.update(n_ligands=6)
    for ion, radius in IONIC_RADIUS.items():
        expected = site_free_energy(radius, K_SITE_RADIUS, 6) - hydration_free_energy(radius)
        assert figure.transfer[ion] == pytest.approx(expected)
        assert figure.transfer[ion] > before[ion]
    assert "it stays in the water" in figure.summary(), "K+ now pays to enter: say so"


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"site_radius": 1.0e-10}, "site_radius"),
        ({"site_radius": float("nan")}, "site_radius"),
        ({"n_ligands": 0}, "n_ligands"),
        ({"n_ligands": 2.5}, "n_ligands"),
    ],
)
def test_selectivity_figure_refuses_bad_values_and_keeps_its_state(change, words):
    figure = SelectivityFigure()
    state = (figure.site_radius, figure.n_ligands, dict(figure.transfer))
    with pytest.raises(ValueError, match=words):
        figure.update(**change)
    assert (figure.site_radius, figure.n_ligands, figure.transfer) == state


def test_selectivity_png_equals_a_full_redraw_after_updates():
    figure = SelectivityFigure()
    figure.png()
    figure.update(site_radius=2.5e-10, n_ligands=7)
    assert np.array_equal(pixels(figure.png()), pixels(render_png(figure.fig)))


def test_selectivity_words_name_every_ion_and_value():
    figure = SelectivityFigure()
    text = figure.alt_text()
    for ion in ALKALI_IONS.values():
        assert ion.label in text
    assert "+24.2" in text and "K⁺ enters most easily" in text
    params = figure.parameters()
    assert params["coordinating oxygens"] == "8" and params["K⁺ : Na⁺ ratio e^(ΔΔG/RT)"]


# --- the rest figure --------------------------------------------------------------------------


def test_rest_figure_draws_the_squid_currents_and_its_rest_point():
    figure = RestFigure()
    v_mV, total = figure.total.get_data()
    np.testing.assert_allclose(total, membrane_current_density(v_mV / 1e3, SQUID) * 100, rtol=1e-9)
    parts = membrane_currents(v_mV / 1e3, SQUID)
    np.testing.assert_allclose(figure.k_gated.get_ydata(), parts["K gated"] * 100)
    np.testing.assert_allclose(figure.na_gated.get_ydata(), parts["Na gated"] * 100)
    np.testing.assert_allclose(figure.k_leak.get_ydata(), parts["K leak"] * 100)
    (rest,) = rest_points(SQUID)
    assert figure.stable_points.get_xdata() == pytest.approx([rest.v * 1e3])
    assert len(figure.unstable_points.get_xdata()) == 0
    assert figure.g_k_leak == pytest.approx(k_leak_conductance(SQUID.p_leak["K"]))
    assert figure.summary() == "One rest point: −66.1 mV, stable (slope conductance +0.883 mS/cm²)."


def test_more_sodium_channels_fold_the_curve_with_an_unstable_threshold():
    figure = RestFigure()
    figure.update(g_na_max=SODIUM_RICH.g_na_max)
    expected = rest_points(SODIUM_RICH)
    assert [p.stable for p in figure.points] == [True, False, True]
    assert figure.unstable_points.get_xdata() == pytest.approx([expected[1].v * 1e3])
    assert figure.stable_points.get_xdata() == pytest.approx(
        [expected[0].v * 1e3, expected[2].v * 1e3]
    )
    assert "unstable (a threshold)" in figure.summary()


def test_the_k_leak_control_sets_the_membranes_k_permeability():
    figure = RestFigure()
    loss = rest_loss(SODIUM_RICH)
    g_fold = k_leak_conductance(loss.p_leak, SODIUM_RICH)
    figure.update(g_na_max=SODIUM_RICH.g_na_max, g_k_leak=0.99 * g_fold)
    assert figure.membrane.p_leak["K"] == pytest.approx(0.99 * loss.p_leak)
    assert len(figure.points) == 1 and figure.points[0].v > loss.v, "below the fold: rest lost"
    figure.update(g_k_leak=1.01 * g_fold)
    assert len(figure.points) == 3


def test_rest_points_off_the_plot_are_named():
    sodium_only = RestingMembrane(p_leak={"K": 1e-12, "Na": 1e-8}, g_na_max=0.0, g_k_max=0.0)
    figure = RestFigure(membrane=sodium_only)
    (point,) = figure.points
    assert point.v > 0.04 and "1 outside the plotted range" in figure.summary()
    assert len(figure.stable_points.get_xdata()) == 0


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"g_k_leak": -1.0}, "g_k_leak"),
        ({"g_na_max": -1.0}, "g_na_max"),
        ({"g_k_max": [1, 2]}, "g_k_max"),
    ],
)
def test_rest_figure_refuses_bad_values_and_keeps_its_state(change, words):
    figure = RestFigure()
    state = (figure.g_k_leak, figure.membrane, figure.points)
    with pytest.raises(ValueError, match=words):
        figure.update(**change)
    assert (figure.g_k_leak, figure.membrane, figure.points) == state


def test_rest_png_equals_a_full_redraw_after_updates():
    figure = RestFigure()
    figure.png()
    figure.update(g_na_max=3000.0, g_k_leak=0.5)
    assert np.array_equal(pixels(figure.png()), pixels(render_png(figure.fig)))


def test_rest_words_describe_the_state():
    figure = RestFigure(g_k_max=0.0)
    assert "ḡ_K 0 mS/cm²" in figure.alt_text()
    assert figure.summary() in figure.alt_text()
    assert figure.parameters()["rest points"].endswith("stable")


# --- the static figures -----------------------------------------------------------------------


def test_filter_ledger_bars_are_shed_bind_and_net():
    fig = plot_filter_energetics()
    for container, ion in zip(fig.axes[0].containers, ("Na", "K"), strict=True):
        heights = [bar.get_height() for bar in container]
        radius = IONIC_RADIUS[ion]
        shed = -hydration_free_energy(radius) / 1e3
        bind = site_free_energy(radius, K_SITE_RADIUS) / 1e3
        assert heights == pytest.approx([shed, bind, shed + bind])


def test_gate_tails_are_hodgkin_huxley_open_probabilities():
    fig = plot_gate_tails()
    na, k = fig.axes[0].lines[:2]
    v = na.get_xdata() / 1e3
    m, h, n = hh_steady_state_gates(v)
    np.testing.assert_allclose(na.get_ydata(), m**3 * h)
    np.testing.assert_allclose(k.get_ydata(), n**4)


def test_iv_curves_mark_each_rest_point_filled_or_open():
    fig = plot_iv_curves({"squid": SQUID, "rich": SODIUM_RICH})
    ax = fig.axes[0]
    curves = [
        line
        for line in ax.lines
        if len(line.get_xdata()) > 1 and line.get_label() in ("squid", "rich")
    ]
    for line, membrane in zip(curves, (SQUID, SODIUM_RICH), strict=True):
        v = line.get_xdata() / 1e3
        np.testing.assert_allclose(line.get_ydata(), membrane_current_density(v, membrane) * 100)
    marks = [line for line in ax.lines if len(line.get_xdata()) == 1]
    open_marks = [m for m in marks if m.get_markerfacecolor() == "white"]
    assert len(marks) == 4 and len(open_marks) == 1


def test_rest_against_leak_marks_the_fold_of_the_sodium_rich_membrane_only():
    fig = plot_rest_against_leak({"squid": SQUID, "rich": SODIUM_RICH})
    crosses = [line for line in fig.axes[0].lines if line.get_marker() == "x"]
    assert len(crosses) == 1
    loss = rest_loss(SODIUM_RICH)
    (g,), (v,) = crosses[0].get_data()
    assert g == pytest.approx(k_leak_conductance(loss.p_leak, SODIUM_RICH) / MS_PER_CM2)
    assert v == pytest.approx(loss.v * 1e3)
    solid = [
        line
        for line in fig.axes[0].lines
        if line.get_linestyle() == "-" and line.get_marker() == "None"
    ]
    for line in solid:  # stable branches: the leak falls as V rises
        g_line = line.get_xdata()
        assert np.all(np.diff(g_line) < 0) or len(g_line) < 3
    dashed = [line for line in fig.axes[0].lines if line.get_linestyle() == "--"]
    assert dashed, "the unstable branch is drawn dashed"
