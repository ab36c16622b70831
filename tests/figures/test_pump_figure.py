"""The pump-leak figure draws the simulation, conserves what it should, updates in place."""

import dataclasses
import io

import matplotlib.pyplot as plt
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from widgets.constants import FARADAY
from widgets.figures import PumpFigure, render_png
from widgets.figures.pump import BASELINE, DURATIONS_H, HOUR, N_POINTS, RTOL
from widgets.physics import (
    PumpLeakParams,
    intervention_params,
    leak_potential,
    pump_electrogenic_contribution,
    simulate_intervention,
)
from widgets.physics.pump_leak import VALENCE, simulate, steady_state

NEURON = PumpLeakParams()
REST = steady_state(NEURON)


def pixels(png):
    return np.asarray(Image.open(io.BytesIO(png)))


def independent_run(pump_percent, k_out, block_minutes, duration_h):
    """The run the figure should draw, built from simulate() itself."""
    after = intervention_params(NEURON, pump_percent / 100, k_out)
    duration, block = duration_h * HOUR, block_minutes * 60.0
    first = dataclasses.replace(after, pump_max=0.0) if block > 0 else after
    protocol = [(block, {"pump_max": after.pump_max})] if 0 < block < duration else []
    run = simulate(
        first,
        (0.0, duration),
        protocol=protocol,
        initial=REST,
        t_eval=np.linspace(0.0, duration, N_POINTS),
        rtol=RTOL,
    )
    return after, run


def drawn(figure, name):
    """The trace of panel ``name`` as drawn, without the resting stretch before t = 0."""
    x, y = figure.lines[name].get_data()
    return np.asarray(x)[1:], np.asarray(y)[1:]


SETTINGS = [
    (100.0, 5.0, 0.0, 2.0),
    (0.0, 5.0, 0.0, 12.0),
    (10.0, 5.0, 0.0, 12.0),
    (100.0, 10.0, 0.0, 2.0),
    (100.0, 5.0, 30.0, 4.0),
    (55.0, 2.5, 15.0, 0.5),
]


@pytest.mark.parametrize("setting", SETTINGS)
def test_traces_are_the_simulation(setting):
    figure = PumpFigure(*setting)
    after, run = independent_run(*setting)
    t_h, v = drawn(figure, "v")
    np.testing.assert_allclose(t_h, run.t / HOUR, rtol=1e-12)
    np.testing.assert_allclose(v, run.v * 1e3, rtol=1e-9, err_msg="V is not simulate()'s")
    np.testing.assert_allclose(drawn(figure, "na")[1], run.c_in[:, 0], rtol=1e-9)
    np.testing.assert_allclose(drawn(figure, "k")[1], run.c_in[:, 1], rtol=1e-9)
    np.testing.assert_allclose(
        drawn(figure, "volume")[1], 100 * run.volume / REST.volume, rtol=1e-9
    )
    # Before t = 0 the cell rests: the first point is the resting state, BASELINE of the run early.
    x, y = figure.lines["v"].get_data()
    assert (x[0], y[0]) == pytest.approx((-BASELINE * setting[3], REST.v * 1e3))


@pytest.mark.parametrize("setting", SETTINGS)
def test_steady_state_lines_are_the_steady_state(setting):
    figure = PumpFigure(*setting)
    target = steady_state(intervention_params(NEURON, setting[0] / 100, setting[1]))
    expected = {
        "v": target.v * 1e3,
        "na": target.c_in[0],
        "k": target.c_in[1],
        "volume": 100 * target.volume / REST.volume,
    }
    for name, value in expected.items():
        x, y = figure.steady_lines[name].get_data()
        assert y == pytest.approx([value, value], rel=1e-9), f"{name} steady state misdrawn"
        assert x == pytest.approx([-BASELINE * setting[3], setting[3]])


@pytest.mark.parametrize("setting", SETTINGS)
def test_drawn_data_conserve_charge_and_osmoles(setting):
    # V, [Na+], [K+] and volume as drawn, with Cl- from the run (not drawn): V must be the
    # capacitor charge of the ions inside, and the cell isosmotic with its bath.
    figure = PumpFigure(*setting)
    after, run = independent_run(*setting)
    volume = drawn(figure, "volume")[1] / 100 * REST.volume
    n_na, n_k = drawn(figure, "na")[1] * volume, drawn(figure, "k")[1] * volume
    n_cl = run.amounts[:, 2]
    charge = FARADAY * (n_na + n_k - n_cl + NEURON.z_x * NEURON.n_x)
    v_from_charge = charge / (NEURON.cm * REST.area)
    np.testing.assert_allclose(drawn(figure, "v")[1] * 1e-3, v_from_charge, atol=2e-6)
    osmolarity = (n_na + n_k + n_cl + NEURON.n_x) / volume
    np.testing.assert_allclose(osmolarity, after.osmolarity_out, rtol=1e-9)


def test_drawn_k_changes_by_the_integrated_k_flux():
    figure = PumpFigure(0.0, duration_h=2.0)
    _, run = independent_run(0.0, 5.0, 0.0, 2.0)
    t = drawn(figure, "k")[0] * HOUR
    n_k = drawn(figure, "k")[1] * drawn(figure, "volume")[1] / 100 * REST.volume
    flux = -run.i_ion[:, 1] * run.area / (VALENCE[1] * FARADAY)  # mol/s into the cell
    moved = np.sum(0.5 * (flux[1:] + flux[:-1]) * np.diff(t))
    assert n_k[-1] - n_k[0] == pytest.approx(moved, rel=2e-3), "K+ appeared or vanished"


def test_band_spans_v_and_the_leaks_own_potential():
    figure = PumpFigure(100.0, block_minutes=30.0, duration_h=4.0)
    after, run = independent_run(100.0, 5.0, 30.0, 4.0)
    leak_mV = leak_potential(after, run.c_in) * 1e3
    np.testing.assert_allclose(figure.leak_line.get_ydata()[1:], leak_mV, rtol=1e-12)
    band = figure.share_band.get_xy()
    n = len(figure.time_h())
    np.testing.assert_allclose(band[:n, 1], figure.lines["v"].get_ydata())
    np.testing.assert_allclose(band[n : 2 * n, 1], figure.leak_line.get_ydata()[::-1])
    # At rest the band is the electrogenic share, a few mV.
    rest_share = figure.lines["v"].get_ydata()[0] - figure.leak_line.get_ydata()[0]
    assert rest_share == pytest.approx(pump_electrogenic_contribution(NEURON) * 1e3, abs=1e-9)


def test_block_span_covers_the_block():
    figure = PumpFigure(100.0, block_minutes=30.0, duration_h=4.0)
    assert figure.block_span.get_width() == pytest.approx(0.5)
    assert figure.block_span.get_x() == 0.0
    figure.update(block_minutes=0.0)
    assert figure.block_span.get_width() == 0.0


def test_cursor_reads_the_traces():
    figure = PumpFigure(0.0, duration_h=12.0, cursor_h=1.0)
    for name in ("v", "na", "k", "volume"):
        t_h, y = drawn(figure, name)
        (x,), (point,) = figure.cursor_points[name].get_data()
        assert x == 1.0 and point == pytest.approx(np.interp(1.0, t_h, y))
    assert list(figure.cursor_line.get_xdata()) == [1.0, 1.0]
    values = figure.values_at(1.0)
    assert f"At 1.00 h: V = {values['v']:.1f} mV".replace("-", "−") in figure.summary()
    assert f"[K⁺] {values['k']:.1f} mM" in figure.summary()


def test_cursor_can_hide_and_follows_a_shorter_run():
    figure = PumpFigure(duration_h=4.0, cursor_h=3.0)
    figure.update(duration_h=2.0)
    assert figure.cursor_h == 2.0, "the cursor must stay inside a shorter run"
    figure.update(cursor_h=None)
    assert not figure.cursor_line.get_visible() and not figure.cursor_points["v"].get_visible()
    assert "At " not in figure.summary()


def test_readouts_state_the_results():
    blocked = PumpFigure(0.0, duration_h=2.0)
    half = blocked.parameters()["time to lose half the K⁺ gradient"]
    assert half.endswith(" min") and 20 < float(half.split()[0]) < 45
    normal = PumpFigure()
    assert normal.parameters()["time to lose half the K⁺ gradient"].startswith("never")
    share = pump_electrogenic_contribution(NEURON) * 1e3
    assert f"electrogenic share −{abs(share):.1f} mV" in normal.summary()
    assert normal.parameters()["ATP per second at steady state"] == "3.9 × 10⁷"


def test_alt_text_describes_the_panels_and_numbers():
    text = PumpFigure(0.0, duration_h=12.0, cursor_h=1.0).alt_text()
    for fragment in ("Four panels", "pump at 0 %", "V = −64.1 mV", "electrogenic share", "1.00 h"):
        assert fragment in text, f"alt text lacks {fragment!r}: {text}"


def artists(figure):
    return [figure.fig, *figure.fig.axes, *[line for ax in figure.fig.axes for line in ax.lines]]


def test_update_changes_data_not_artists():
    figure = PumpFigure(cursor_h=1.0)
    before = artists(figure)
    figure.png()
    for change in (
        {"pump_percent": 0.0},
        {"duration_h": 24.0},
        {"k_out": 12.5},
        {"block_minutes": 60.0},
        {"cursor_h": 3.0},
    ):
        figure.update(**change)
        figure.png()
        assert artists(figure) == before, f"update({change}) replaced an artist"
    assert plt.get_fignums() == [], "the figure must stay unknown to pyplot"


@pytest.mark.parametrize(
    ("change", "name"),
    [
        ({"pump_percent": 250.0}, "pump_percent"),
        ({"k_out": 0.5}, "k_out"),
        ({"block_minutes": -5.0}, "block_minutes"),
        ({"duration_h": 3.0}, "duration_h"),
        ({"cursor_h": 5.0}, "cursor_h"),
        ({"k_out": [5.0, 6.0]}, "k_out"),
    ],
)
def test_invalid_update_raises_and_draws_nothing(change, name):
    figure = PumpFigure(duration_h=2.0, cursor_h=1.0)
    v = figure.lines["v"].get_ydata().copy()
    with pytest.raises(ValueError, match=name):
        figure.update(**change)
    np.testing.assert_array_equal(figure.lines["v"].get_ydata(), v)
    assert (figure.pump_percent, figure.k_out, figure.cursor_h) == (100.0, 5.0, 1.0)


def test_failed_simulation_is_a_value_error(monkeypatch):
    from widgets.figures import pump

    def fail(**_settings):
        raise RuntimeError("LSODA gave up")

    figure = PumpFigure()
    monkeypatch.setattr(pump, "pump_run", fail)
    with pytest.raises(ValueError, match="simulation failed"):
        figure.update(pump_percent=50.0)
    assert figure.pump_percent == 100.0


CHANGES = [
    {"cursor_h": 1.0},
    {"pump_percent": 0.0},
    {"duration_h": 12.0},
    {"cursor_h": 6.0},
    {"pump_percent": 100.0, "block_minutes": 30.0, "duration_h": 4.0},
    {"k_out": 10.0},
    {"pump_percent": 0.0, "duration_h": 12.0},  # back to a volume axis drawn before
    {"cursor_h": None},
    {"duration_h": 0.5, "cursor_h": 0.25},
]


def test_blitted_png_equals_a_full_render():
    figure = PumpFigure()
    figure.png()
    for step, change in enumerate(CHANGES):
        figure.update(**change)
        np.testing.assert_array_equal(
            pixels(figure.png()),
            pixels(render_png(figure.fig)),
            err_msg=f"stale background after step {step}, {change}: is every static "
            "change part of PumpFigure._static_state?",
        )


def test_png_is_opaque_white_640_by_600():
    image = Image.open(io.BytesIO(PumpFigure().png()))
    assert image.format == "PNG" and image.mode == "RGB" and image.size == (640, 600)
    assert image.getpixel((0, 0)) == (255, 255, 255)


@settings(max_examples=25, deadline=None)
@given(
    pump=st.integers(0, 40).map(lambda k: 5.0 * k),
    k_out=st.integers(2, 40).map(lambda k: 0.5 * k),
    block=st.integers(0, 24).map(lambda k: 5.0 * k),
    duration=st.sampled_from(DURATIONS_H),
)
def test_every_setting_stays_inside_the_axes(pump, k_out, block, duration):
    figure = PumpFigure(pump, k_out, block, duration)
    for name, ax in figure.axes.items():
        bottom, top = ax.get_ylim()
        for line in (figure.lines[name], figure.steady_lines[name]):
            y = np.asarray(line.get_ydata())
            assert bottom <= y.min() and y.max() <= top, f"{name} leaves its axis at {pump, k_out}"


@pytest.mark.parametrize("setting", [(0.0, 5.0, 0.0, 24.0), (100.0, 5.0, 30.0, 4.0)])
def test_figure_tolerance_changes_nothing_visible(setting):
    # The figure integrates at rtol = 1e-4 for speed; simulate()'s default is 1e-5.
    figure = PumpFigure(*setting)
    after, run = independent_run(*setting)
    fine = simulate_intervention(
        NEURON, setting[0] / 100, setting[1], setting[2] * 60, setting[3] * HOUR,
        t_eval=run.t, rtol=1e-7,
    )  # fmt: skip
    assert np.abs(drawn(figure, "v")[1] - fine.v * 1e3).max() < 0.05  # mV, shown to 0.1
    assert np.abs(drawn(figure, "k")[1] - fine.c_in[:, 1]).max() < 0.05  # mM, shown to 0.1
