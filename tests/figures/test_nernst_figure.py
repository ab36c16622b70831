"""The Nernst figure draws the physics, updates in place and renders what a full draw would."""

import io

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from widgets.constants import BODY_TEMPERATURE, ZERO_CELSIUS
from widgets.data import IONS, get_preset
from widgets.figures import NernstFigure, render_png
from widgets.figures.palette import ION_COLOURS
from widgets.physics import nernst_potential

matplotlib.use("Agg")  # headless; the figures under test never touch pyplot anyway

NEURON = get_preset("mammalian_neuron")
# RT/F ln(5/140) at 310.15 K; the textbook E_K of a mammalian neuron is about -89 mV.
E_K_NEURON_MV = -89.06


def pixels(png):
    return np.asarray(Image.open(io.BytesIO(png)))


def artists(figure):
    """Every artist a test could see, by identity."""
    ax = figure.ax
    return [figure.fig, *figure.fig.axes, *ax.lines, *figure.fig.texts, ax.get_legend()]


def test_default_curve_is_the_nernst_equation():
    figure = NernstFigure("K")
    ratio, e_mV = figure.curve.get_data()
    expected = nernst_potential(ratio * 140.0, 140.0, 1, BODY_TEMPERATURE) * 1e3
    np.testing.assert_allclose(e_mV, expected, rtol=1e-12, err_msg="curve is not nernst_potential")
    assert ratio.min() <= 1e-3 and ratio.max() >= 1e3, "ratio axis must span 1e-3..1e3"


def test_default_point_is_the_mammalian_neuron_potassium_value():
    figure = NernstFigure("K")
    (x,), (y,) = figure.point.get_data()
    assert x == pytest.approx(5.0 / 140.0)
    assert y == pytest.approx(E_K_NEURON_MV, abs=0.005), "E_K of 5/140 mM at 37 degC moved"
    assert figure.reference.get_data()[1][0] == pytest.approx(y), "reference not at the preset"
    assert figure.reference.get_visible()


@pytest.mark.parametrize("ion", NEURON.ions)
def test_reference_marks_the_preset_value_in_the_ion_colour(ion):
    figure = NernstFigure(ion, c_out=1.0, c_in=1.0)
    expected = nernst_potential(NEURON.c_out[ion], NEURON.c_in[ion], IONS[ion].z, NEURON.T)
    (x,), (y,) = figure.reference.get_data()
    assert x == pytest.approx(NEURON.c_out[ion] / NEURON.c_in[ion])
    assert y == pytest.approx(expected * 1e3)
    assert figure.curve.get_color() == ION_COLOURS[ion], "the ion's palette colour changed"
    assert figure.reference.get_markerfacecolor() == ION_COLOURS[ion]
    low, high = figure.ax.get_xlim()
    assert low <= x <= high, f"the {ion} reference is off the ratio axis"


def test_readouts_and_legend_state_the_numbers():
    figure = NernstFigure("K")
    assert figure.symbol_text.get_text() == r"$E_\mathrm{K}$ = "
    assert figure.readout_text.get_text() == "−89.1 mV at 37.0 °C"
    assert figure.concentration_text.get_text() == "5 mM outside, 140 mM inside"
    assert figure.summary() == "E_K = −89.1 mV at 37.0 °C"
    labels = [text.get_text() for text in figure.legend.get_texts()]
    assert labels[0] == "Nernst curve, K⁺ (potassium)"
    assert labels[2] == "Typical mammalian cell, 37.0 °C: −89.1 mV"


def test_alt_text_describes_the_axes_and_numbers():
    text = NernstFigure("K").alt_text()
    for fragment in ("K⁺", "37.0 °C", "0.001", "1000", "c_out = 5 mM", "c_in = 140 mM", "−89.1 mV"):
        assert fragment in text, f"alt text lacks {fragment!r}: {text}"
    # (RT/F) ln 10 at 37 degC: the textbook 61.5 mV per tenfold change.
    assert "rises by 61.5 mV for each tenfold" in text


def test_parameters_for_a_custom_ion():
    figure = NernstFigure("custom", c_out=10.0, c_in=1.0, T=ZERO_CELSIUS + 20.0, z=-2)
    assert figure.parameters() == {
        "ion": "a custom ion of valence −2",
        "valence z": "−2",
        "c_out (outside)": "10 mM",
        "c_in (inside)": "1 mM",
        "ratio c_out / c_in": "10",
        "temperature": "20.0 °C",
        "E (Nernst potential)": "−29.1 mV",
    }
    assert not figure.reference.get_visible(), "a custom ion has no measured value to mark"
    assert "Diamond" not in figure.alt_text()


def test_update_changes_data_not_artists():
    figure = NernstFigure("K")
    before = artists(figure)
    counts = (len(figure.fig.axes), len(figure.ax.lines), len(figure.fig.texts))
    figure.png()
    for change in (
        {"c_out": 20.0},
        {"T": ZERO_CELSIUS + 10.0},
        {"ion": "Cl"},
        {"ion": "Ca"},
        {"ion": "custom", "z": 3, "c_in": 1e-5},
    ):
        figure.update(**change)
        figure.png()
        assert artists(figure) == before, f"update({change}) replaced an artist"
        assert (len(figure.fig.axes), len(figure.ax.lines), len(figure.fig.texts)) == counts
    assert plt.get_fignums() == [], "the figure must stay unknown to pyplot"


def test_update_keeps_unspecified_values():
    figure = NernstFigure("K")
    figure.update(T=ZERO_CELSIUS + 20.0)
    figure.update(ion="Na")  # concentrations are the explorer's business: kept here
    assert (figure.c_out, figure.c_in, figure.z) == (5.0, 140.0, 1)
    assert figure.E == pytest.approx(nernst_potential(5.0, 140.0, 1, ZERO_CELSIUS + 20.0))
    figure.update(ion="Cl")
    figure.update(ion="custom")
    assert figure.z == -1, "switching to a custom ion should keep the valence"


@pytest.mark.parametrize(
    ("change", "name"),
    [
        ({"c_out": -1.0}, "c_out"),
        ({"c_in": 0.0}, "c_in"),
        ({"c_in": [1.0, 2.0]}, "c_in"),
        ({"T": 0.0}, "T"),
        ({"z": 2}, "z"),
        ({"ion": "Xe"}, "ion"),
        ({"ion": "custom", "z": 0}, "z"),
    ],
)
def test_invalid_update_raises_and_draws_nothing(change, name):
    figure = NernstFigure("K")
    curve = figure.curve.get_ydata().copy()
    with pytest.raises(ValueError, match=name):
        figure.update(**change)
    np.testing.assert_array_equal(figure.curve.get_ydata(), curve)
    assert (figure.ion, figure.z, figure.c_out, figure.c_in) == ("K", 1, 5.0, 140.0)


def test_constructor_rejects_missing_or_contradictory_values():
    with pytest.raises(ValueError, match="z must be given"):
        NernstFigure("custom", c_out=1.0, c_in=2.0)
    with pytest.raises(ValueError, match="c_out must be given"):
        NernstFigure("custom", z=1)
    with pytest.raises(ValueError, match="c_out must be given"):
        NernstFigure("Ca", reference="squid_axon")  # the squid table has no calcium
    with pytest.raises(ValueError, match="z must be −1"):
        NernstFigure("Cl", z=1)


def test_axes_adapt_to_extreme_ratios():
    figure = NernstFigure("Ca")  # 2 mM / 100 nM: ratio 2e4
    assert figure.ax.get_xlim() == pytest.approx((1e-3, 1e5))
    figure.update(ion="custom", z=1, c_out=1e3, c_in=1e-5)  # ratio 1e8, E = +493 mV
    low, high = figure.ax.get_xlim()
    bottom, top = figure.ax.get_ylim()
    assert high >= 1e8 and top >= figure.E * 1e3 and bottom == -top


def test_legend_moves_to_the_empty_corner():
    figure = NernstFigure("K")
    assert figure.legend._loc == 2, "cation curves climb: legend upper left"
    figure.update(ion="Cl")
    assert figure.legend._loc == 1, "anion curves fall: legend upper right"


def count_draws(monkeypatch, figure):
    """Return a list that grows by one at every full draw of ``figure``'s canvas."""
    draws = []
    real_draw = figure.fig.canvas.draw
    monkeypatch.setattr(figure.fig.canvas, "draw", lambda: draws.append(1) or real_draw())
    return draws


def test_slider_like_update_reuses_the_background(monkeypatch):
    figure = NernstFigure("K")
    figure.png()
    draws = count_draws(monkeypatch, figure)
    figure.update(c_out=7.0, c_in=100.0, T=ZERO_CELSIUS + 30.0)
    figure.png()
    assert draws == [], "a data-only update redrew the whole background"
    figure.update(ion="Na")
    figure.png()
    assert draws == [1], "a new ion (legend, colours) must redraw the background once"
    for ion in ("K", "Na", "K"):
        figure.update(ion=ion)
        figure.png()
    assert draws == [1], "returning to an ion drawn before must restore its background"


def test_prerendered_ions_switch_without_drawing_a_background(monkeypatch):
    figure = NernstFigure("K")
    figure.prerender()
    before = pixels(figure.png())
    cell = figure.reference_preset
    for ion in cell.ions:
        figure.update(ion=ion, c_out=cell.c_out[ion], c_in=cell.c_in[ion])
        draws = count_draws(monkeypatch, figure)
        blitted = pixels(figure.png())
        assert draws == [], f"{ion}: drawn up front, yet its background was drawn again"
        monkeypatch.undo()
        np.testing.assert_array_equal(blitted, pixels(render_png(figure.fig)))
    figure.update(ion="K", c_out=cell.c_out["K"], c_in=cell.c_in["K"])
    np.testing.assert_array_equal(pixels(figure.png()), before)


def test_a_change_outside_the_state_redraws_every_background(monkeypatch):
    figure = NernstFigure("K")
    figure.update(ion="Na")
    figure.png()
    figure.update(ion="K")
    figure.png()
    draws = count_draws(monkeypatch, figure)
    figure.ax.set_title("changed")  # static, and not part of the figure's state
    figure.png()
    figure.update(ion="Na")
    blitted = pixels(figure.png())
    assert draws == [1, 1], "a background kept from before the change was reused"
    np.testing.assert_array_equal(blitted, pixels(render_png(figure.fig)))


# Each switch changes the static part: legend text and colours, symbol, legend corner
# (anions), the reference diamond (hidden for a custom ion), the axis limits (Ca, and
# the extreme ratio); ions come back, so kept backgrounds are restored too.
ION_SWITCHES = [
    {"c_out": 50.0},
    {"ion": "Cl"},
    {"T": ZERO_CELSIUS + 5.0},
    {"ion": "Ca", "c_out": 2.0, "c_in": 1e-4},
    {"ion": "K", "c_out": 5.0, "c_in": 140.0},
    {"c_in": 0.5},
    {"ion": "Na", "c_in": 12.0},
    {"ion": "custom", "z": -2},
    {"z": 3},
    {"ion": "Cl", "c_out": 110.0, "c_in": 10.0},
    {"ion": "Ca", "c_out": 2.0, "c_in": 1e-4},
    {"ion": "K", "c_out": 1e3, "c_in": 1e-5},
    {"ion": "K", "c_out": 5.0, "c_in": 140.0},
    {"ion": "custom", "z": -2},
    {"ion": "Cl"},
]


def test_blitted_png_equals_a_full_render():
    figure = NernstFigure("K")
    figure.png()
    for step, change in enumerate(ION_SWITCHES):
        figure.update(**change)
        blitted = pixels(figure.png())
        np.testing.assert_array_equal(
            blitted,
            pixels(render_png(figure.fig)),
            err_msg=f"stale background after step {step}, {change}: is every static "
            "change part of NernstFigure._static_state?",
        )


def test_png_is_opaque_white_640_by_360():
    image = Image.open(io.BytesIO(NernstFigure("K").png()))
    assert image.format == "PNG" and image.mode == "RGB" and image.size == (640, 360)
    assert image.getpixel((0, 0)) == (255, 255, 255), "a white figure stays readable in dark mode"


@settings(max_examples=40, deadline=None)
@given(
    c_out=st.floats(1e-5, 1e3),
    c_in=st.floats(1e-5, 1e3),
    z=st.sampled_from([-3, -2, -1, 1, 2, 3]),
    t_celsius=st.floats(0.0, 45.0),
)
def test_point_lies_on_the_curve_inside_the_axes(c_out, c_in, z, t_celsius):
    figure = NernstFigure("custom", c_out=c_out, c_in=c_in, z=z, T=t_celsius + ZERO_CELSIUS)
    (x,), (y,) = figure.point.get_data()
    ratio, e_mV = figure.curve.get_data()
    # E is linear in log(ratio), so interpolating the curve in log space is exact.
    assert y == pytest.approx(np.interp(np.log(x), np.log(ratio), e_mV), abs=1e-9)
    assert np.interp(0.0, np.log(ratio), e_mV) == pytest.approx(0.0, abs=1e-9), (
        "equal concentrations must give 0 mV"
    )
    low, high = figure.ax.get_xlim()
    bottom, top = figure.ax.get_ylim()
    assert low < x < high and bottom < y < top, "the current point left the axes"


def test_render_png_draws_a_figure_built_without_a_canvas():
    from matplotlib.figure import Figure

    fig = Figure(figsize=(2.0, 1.0), dpi=100)  # as the chapters' static figures are built
    fig.add_subplot().plot([0, 1], [1, 0])
    image = Image.open(io.BytesIO(render_png(fig)))
    assert image.size == (200, 100)
    assert (np.asarray(image) < 128).any(), "nothing was drawn"
