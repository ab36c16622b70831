"""The GHK figure draws the physics, updates in place and renders what a full draw would."""

import io

import matplotlib.pyplot as plt
import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from PIL import Image

from widgets.constants import ZERO_CELSIUS
from widgets.data import PRESETS, get_preset
from widgets.figures import GHKFigure, render_png
from widgets.figures.leaks import (
    plot_ghk_currents,
    plot_potassium_leak_loss,
    plot_v_against_k_out,
)
from widgets.figures.palette import ION_COLOURS
from widgets.physics import (
    chord_conductance,
    ghk_current_density,
    ghk_voltage,
    nernst_potential,
)
from widgets.physics.leak import (
    HODGKIN_KATZ,
    ION_KEYS,
    preset_arrays,
    resting_permeabilities,
)

NEURON = get_preset("mammalian_neuron")
RATIOS = np.array([HODGKIN_KATZ[ion] for ion in ION_KEYS])


def physics(preset="mammalian_neuron", p_na=0.04, p_cl=0.45, k_out=None, T=None):
    """V, E, currents (A/m^2) and chord conductances as widgets.physics gives them."""
    cell = get_preset(preset)
    c_out, c_in, z = preset_arrays(cell)
    c_out[0] = cell.c_out["K"] if k_out is None else k_out
    T = cell.T if T is None else T
    p = resting_permeabilities(preset)[0] * np.array([1.0, p_na, p_cl])
    v = ghk_voltage(p, c_out, c_in, z, T)
    return {
        "V": v,
        "E": nernst_potential(c_out, c_in, z, T),
        "I": ghk_current_density(v, p, c_out, c_in, z, T),
        "g": chord_conductance(v, p, c_out, c_in, z, T),
        "c_in": c_in,
        "T": T,
    }


def drawn(figure):
    """What the figure draws, in its display units (mV, uA/cm^2)."""
    return {
        "V": figure.v_line.get_ydata()[0],
        "E": [figure.e_ticks[ion].get_ydata()[0] for ion in ION_KEYS],
        "I": [figure.bars[ion].get_height() for ion in ION_KEYS],
        "sum": figure.bars["sum"].get_height(),
        "arrows": [figure.arrows[ion]._posA_posB for ion in ION_KEYS],
        "point": (figure.point.get_xdata()[0], figure.point.get_ydata()[0]),
    }


def test_default_is_the_neuron_with_hodgkin_katz_ratios():
    figure = GHKFigure()
    expected = physics()
    shown = drawn(figure)
    # 1 : 0.04 : 0.45 on 5/140 K+, 145/12 Na+, 110/10 Cl- at 37 degC: -67.3 mV.
    assert shown["V"] == pytest.approx(-67.33, abs=0.01)
    assert shown["V"] == pytest.approx(expected["V"] * 1e3, rel=1e-12)
    assert shown["E"] == pytest.approx(expected["E"] * 1e3, rel=1e-12)
    assert shown["I"] == pytest.approx(expected["I"] * 100, rel=1e-12)
    assert shown["sum"] == pytest.approx(0.0, abs=1e-9), "the currents at rest must cancel"
    assert shown["point"] == pytest.approx((5.0, expected["V"] * 1e3))
    for (start, end), e in zip(shown["arrows"], expected["E"], strict=True):
        assert start[1] == pytest.approx(expected["V"] * 1e3) and end[1] == pytest.approx(e * 1e3)


def test_curves_are_the_physics():
    figure = GHKFigure()
    k_out, v_mV = figure.ghk_curve.get_data()
    c_out, c_in, z = preset_arrays(NEURON)
    rows = np.repeat(c_out[None, :], k_out.size, axis=0)
    rows[:, 0] = k_out
    np.testing.assert_allclose(v_mV, ghk_voltage(RATIOS, rows, c_in, z) * 1e3, rtol=1e-12)
    ends, e_mV = figure.nernst_line.get_data()
    np.testing.assert_allclose(e_mV, nernst_potential(ends, 140.0, 1) * 1e3, rtol=1e-12)
    assert k_out.min() <= 0.1 and k_out.max() >= 1000.0


@settings(max_examples=25, deadline=None)
@given(
    preset=st.sampled_from(list(PRESETS)),
    p_na=st.floats(1e-4, 100.0),
    p_cl=st.floats(1e-4, 100.0),
    k_out=st.floats(0.1, 1000.0),
    t_celsius=st.floats(0.0, 45.0),
)
# The most negative E of all: the squid axon's E_K with 0.1 mM outside at 45 degC.
@example(preset="squid_axon", p_na=1.0, p_cl=1.0, k_out=0.1, t_celsius=45.0)
def test_every_setting_draws_the_physics(preset, p_na, p_cl, k_out, t_celsius):
    figure = FIGURE
    T = ZERO_CELSIUS + t_celsius
    figure.update(preset=preset, p_na_ratio=p_na, p_cl_ratio=p_cl, k_out=k_out, T=T)
    expected = physics(preset, p_na, p_cl, k_out, T)
    shown = drawn(figure)
    assert shown["V"] == pytest.approx(expected["V"] * 1e3, rel=1e-9)
    assert shown["I"] == pytest.approx(expected["I"] * 100, rel=1e-9)
    assert abs(shown["sum"]) <= 1e-9 * max(1.0, np.abs(shown["I"]).max())
    assert figure.v_weighted == pytest.approx(expected["V"], abs=1e-9)
    assert figure.g_chord == pytest.approx(expected["g"], rel=1e-9)
    low, high = figure.ax_currents.get_ylim()
    assert low <= min(shown["I"]) and max(shown["I"]) <= high, "a bar leaves its axis"
    bottom, top = figure.ax_potentials.get_ylim()
    assert (
        bottom <= min(e * 1e3 for e in expected["E"]) and max(e * 1e3 for e in expected["E"]) <= top
    )


FIGURE = GHKFigure()


def test_summary_parameters_and_alt_text_state_the_numbers():
    figure = GHKFigure()
    summary = figure.summary()
    for fragment in ("V_GHK = −67.3 mV", "K⁺ +3.29", "Na⁺ −3.02", "Cl⁻ −0.27", "sum 0.00"):
        assert fragment in summary, summary
    assert "weighted average of E = −67.3 mV" in summary
    assert "K⁺ 0.151" in summary, "chord conductance of K+ in mS/cm^2"
    params = figure.parameters()
    assert params["P_K : P_Na : P_Cl"] == "1 : 0.04 : 0.45"
    assert params["[K⁺] outside"] == "5 mM" and params["temperature"] == "37.0 °C"
    assert params["sum of the currents"] == "0.00 µA/cm²"
    text = figure.alt_text()
    for fragment in ("potassium −89.1 mV", "sodium +66.6 mV", "−67.3 mV", "61.5 mV", "outward"):
        assert fragment in text, f"alt text lacks {fragment!r}"


def test_update_changes_data_not_artists():
    figure = GHKFigure()
    before = [
        *figure.fig.axes,
        *figure.fig.texts,
        *(line for ax in figure.fig.axes for line in ax.lines),
    ]
    figure.png()
    for change in (
        {"k_out": 20.0},
        {"p_na_ratio": 1.0},
        {"T": ZERO_CELSIUS + 10.0},
        {"preset": "squid_axon"},
    ):
        figure.update(**change)
        figure.png()
        after = [
            *figure.fig.axes,
            *figure.fig.texts,
            *(line for ax in figure.fig.axes for line in ax.lines),
        ]
        assert after == before, f"update({change}) replaced an artist"
    assert plt.get_fignums() == []


@pytest.mark.parametrize(
    ("change", "name"),
    [
        ({"k_out": -1.0}, "k_out"),
        ({"k_out": float("nan")}, "k_out"),
        ({"p_na_ratio": -0.1}, "p_na_ratio"),
        ({"p_cl_ratio": [1.0, 2.0]}, "p_cl_ratio"),
        ({"T": 0.0}, "T"),
        ({"preset": "frog"}, "key"),
    ],
)
def test_invalid_update_raises_and_draws_nothing(change, name):
    figure = GHKFigure()
    v = figure.V
    with pytest.raises(ValueError, match=name):
        figure.update(**change)
    assert figure.V == v and figure.v_line.get_ydata()[0] == pytest.approx(v * 1e3)
    assert figure.preset == "mammalian_neuron" and figure.k_out == 5.0


def pixels(png):
    return np.asarray(Image.open(io.BytesIO(png)))


def test_blitted_png_equals_a_full_redraw():
    figure = GHKFigure()
    figure.png()
    for change in ({"k_out": 12.0}, {"p_na_ratio": 30.0}, {"preset": "skeletal_muscle"}):
        figure.update(**change)
        fast = pixels(figure.png())
        np.testing.assert_array_equal(fast, pixels(render_png(figure.fig)), err_msg=str(change))


def test_slider_like_update_reuses_the_background(monkeypatch):
    figure = GHKFigure()
    figure.png()
    draws = []
    real_draw = figure.fig.canvas.draw
    monkeypatch.setattr(figure.fig.canvas, "draw", lambda: draws.append(1) or real_draw())
    figure.update(k_out=6.0, T=ZERO_CELSIUS + 30.0)
    figure.png()
    assert draws == [], "a data-only update redrew the whole background"
    figure.update(p_na_ratio=50.0)  # big currents: a new current axis
    figure.png()
    assert draws == [1]
    figure.update(p_na_ratio=0.04)
    figure.png()
    assert draws == [1], "returning to a current axis drawn before must restore its background"


def test_ion_colours():
    figure = GHKFigure()
    for ion in ION_KEYS:
        assert figure.e_ticks[ion].get_color() == ION_COLOURS[ion]
        assert figure.bars[ion].get_facecolor()[:3] == pytest.approx(
            tuple(int(ION_COLOURS[ion][i : i + 2], 16) / 255 for i in (1, 3, 5))
        )


# --- the chapter's static figures ---------------------------------------------------------


def test_current_figure_sums_to_zero_at_the_ghk_voltage():
    p = resting_permeabilities("mammalian_neuron")
    fig = plot_ghk_currents(NEURON, p, area=1e-9)
    ax = fig.axes[0]
    k, na, cl, total = ax.lines[:4]
    v_mV, i_total = total.get_data()
    c_out, c_in, z = preset_arrays(NEURON)
    expected = ghk_current_density(v_mV[:, None] / 1e3, p, c_out, c_in, z) * 100
    np.testing.assert_allclose(k.get_ydata(), expected[:, 0], rtol=1e-12)
    np.testing.assert_allclose(i_total, expected.sum(axis=1), rtol=1e-9, atol=1e-12)
    crossing = np.interp(0.0, i_total, v_mV)  # the sum rises with V
    assert crossing == pytest.approx(ghk_voltage(p, c_out, c_in, z) * 1e3, abs=0.05)
    assert len(ax.child_axes) == 1, "the per-cell axis is missing"


def test_k_out_figure_draws_nernst_and_both_ghk_curves():
    fig = plot_v_against_k_out(NEURON, RATIOS)
    nernst, fixed, passive = fig.axes[0].lines[:3]
    k_out, e_mV = nernst.get_data()
    np.testing.assert_allclose(e_mV, nernst_potential(k_out, 140.0, 1) * 1e3, rtol=1e-12)
    # Cl- at equilibrium drops out: the K+/Na+ GHK potential.
    _, v_passive = passive.get_data()
    expected = [
        ghk_voltage(RATIOS[:2], [k, 145.0], [140.0, 12.0], [1, 1]) * 1e3 for k in k_out[::40]
    ]
    np.testing.assert_allclose(v_passive[::40], expected, rtol=1e-12)
    _, v_fixed = fixed.get_data()
    assert v_fixed[0] > e_mV[0] + 40, "at low [K+]out the GHK curve lies far above E_K"


def test_leak_loss_figure_ends_at_the_seed_s_minus_42_mV():
    fig = plot_potassium_leak_loss(NEURON, RATIOS)
    ax = fig.axes[0]
    left, v_mV = ax.lines[0].get_data()
    assert v_mV[left.argmax()] == pytest.approx(-67.33, abs=0.01)
    assert ax.lines[1].get_ydata()[0] == pytest.approx(-42.21, abs=0.01)
    assert np.all(np.diff(v_mV[np.argsort(left)]) < 0), "V falls as more K+ leak is left"
