"""The pump-leak simulator's figure: a cell's V, [Na⁺]in, [K⁺]in and volume against time.

A resting neuron (:class:`~widgets.physics.pump_leak.PumpLeakParams`) has its pump
capacity and bath K⁺ changed at t = 0, its pump optionally blocked for a while first
(:func:`~widgets.physics.rundown.simulate_intervention`). Four panels share the time
axis; a short stretch before t = 0 shows the resting state. Dotted lines mark the
steady state the cell heads for; in the top panel a dashed line is the potential the
leaks alone would give, so the band between it and V is the pump's electrogenic
share. A cursor reads all four values at one time.

Simulations are cached by their settings, and the four axes have fixed limits (the
volume axis one of two), so moving the cursor or returning to a setting seen before
only repaints the lines.
"""

import functools
from dataclasses import dataclass

import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import Polygon, Rectangle
from matplotlib.transforms import blended_transform_factory

from widgets import validation as check
from widgets.constants import AVOGADRO
from widgets.figures.agg import AggRenderer, new_figure
from widgets.figures.palette import (
    ACCENT_COLOUR,
    ION_COLOURS,
    MEMBRANE_COLOUR,
    MUTED_COLOUR,
    NEUTRAL_COLOUR,
)
from widgets.formatting import MV_PER_V, format_millivolts, format_number, format_scientific
from widgets.physics import (
    PumpLeakParams,
    gradient_half_time,
    intervention_params,
    leak_potential,
    metabolic_power,
    simulate_intervention,
)
from widgets.physics.pump import pump_cycle_rate
from widgets.physics.pump_leak import steady_state

# Display formats shared by the figures (widgets.formatting).
_mV = format_millivolts

FIGSIZE = (6.4, 6.0)  # in: 640 x 600 px at 100 dpi
MARGINS = {"left": 0.13, "right": 0.97, "bottom": 0.085, "top": 0.885, "hspace": 0.14}
PUMP_RANGE = (0.0, 200.0)  # % of the normal pump capacity
K_OUT_RANGE = (1.0, 20.0)  # mM of bath K+
BLOCK_RANGE = (0.0, 120.0)  # min of pump block before the pump runs at capacity
DURATIONS_H = (0.5, 1.0, 2.0, 4.0, 8.0, 12.0, 24.0)  # run lengths offered, h
N_POINTS = 241  # output times per run, t = 0 included
BASELINE = 0.05  # the resting state is drawn over this fraction of the run before t = 0
HOUR = 3600.0  # s
# Fixed limits: every setting fits, so a new setting rarely needs a new background.
V_LIMITS_MV = (-90.0, 10.0)
CONCENTRATION_LIMITS = (0.0, 160.0)  # mM, for Na+ and K+ alike
VOLUME_LIMITS = ((80.0, 130.0), (50.0, 375.0))  # % of rest: near rest, or swollen
CACHE_SIZE = 64  # simulations kept
# Integrator tolerance: a third fewer steps than simulate()'s default (1e-5), for errors
# below 0.005 mV and 0.03 mM, under half the last digit shown (test_pump_figure.py).
RTOL = 1e-4

PANELS = ("v", "na", "k", "volume")
LABELS = {
    "v": "V (mV)",
    "na": "[Na⁺] inside\n(mM)",
    "k": "[K⁺] inside\n(mM)",
    "volume": "volume\n(% of rest)",
}
COLOURS = {
    "v": NEUTRAL_COLOUR,
    "na": ION_COLOURS["Na"],
    "k": ION_COLOURS["K"],
    "volume": MEMBRANE_COLOUR,
}


@dataclass(frozen=True)
class PumpRun:
    """One simulated intervention and what the figure reads from it.

    Attributes
    ----------
    params : PumpLeakParams
        The cell after the change (pump scaled, bath K⁺ swapped for Na⁺).
    trajectory : PumpLeakTrajectory
        From rest at t = 0 to the end of the run (s, V, mol, m³).
    leak_v : numpy.ndarray
        The leaks' own potential along the run in V (the pump current removed).
    steady : PumpLeakState
        The steady state of ``params``, which the cell approaches.
    share : float
        The pump's electrogenic share of that steady state in V.
    half_time : float
        Time in s at which the K⁺ gradient has halved; ``nan`` if not within the run.
    """

    params: PumpLeakParams
    trajectory: object
    leak_v: np.ndarray
    steady: object
    share: float
    half_time: float

    @property
    def atp_rate(self):
        """ATP the pump uses at the steady state, one per cycle, in mol/s."""
        return pump_cycle_rate(self.steady.i_pump * self.steady.area)


@functools.lru_cache(maxsize=CACHE_SIZE)
def pump_run(pump_percent, k_out, block_minutes, duration_h, params=None):
    """Return the :class:`PumpRun` of one setting, simulated once and then kept.

    Parameters
    ----------
    pump_percent : float
        Pump capacity after the change, % of normal.
    k_out : float
        Bath K⁺ after the change in mM (mol/m³).
    block_minutes : float
        Minutes during which the pump is blocked first.
    duration_h : float
        Length of the run in h.
    params : PumpLeakParams, optional
        The resting cell (default: the mammalian neuron).

    Returns
    -------
    PumpRun
    """
    params = PumpLeakParams() if params is None else params
    duration = duration_h * HOUR
    run = simulate_intervention(
        params,
        pump_fraction=pump_percent / 100.0,
        k_out=k_out,
        block_time=block_minutes * 60.0,
        duration=duration,
        t_eval=np.linspace(0.0, duration, N_POINTS),
        rtol=RTOL,
    )
    after = intervention_params(params, pump_percent / 100.0, k_out)
    steady = steady_state(after)
    return PumpRun(
        params=after,
        trajectory=run,
        leak_v=leak_potential(after, run.c_in),
        steady=steady,
        # As pump_electrogenic_contribution(after), without solving the steady state again.
        share=steady.v - leak_potential(after, steady.c_in),
        half_time=gradient_half_time(run.t, run.c_in[:, 1], after.k_out),
    )


class PumpFigure:
    """The pump-leak simulator's four panels, built once and updated in place.

    Parameters
    ----------
    pump_percent : float, optional
        Pump capacity from t = 0 (after any block), % of normal, 0 to 200 (default 100).
    k_out : float, optional
        Bath K⁺ from t = 0 in mM, 1 to 20 (default 5, the resting bath); K⁺ replaces
        Na⁺ mole for mole.
    block_minutes : float, optional
        Minutes, 0 to 120, during which the pump is blocked before it runs at
        ``pump_percent`` (default 0).
    duration_h : float, optional
        Length of the run in h, one of :data:`DURATIONS_H` (default 2).
    cursor_h : float or None, optional
        Time in h, 0 to ``duration_h``, at which the values are read; None (the
        default) hides the cursor.
    dpi : float, optional
        Resolution (default 100: 640 x 640 px).

    Attributes
    ----------
    fig : matplotlib.figure.Figure
        The figure, unknown to pyplot.
    axes : dict of str to matplotlib.axes.Axes
        ``"v"`` (mV), ``"na"``, ``"k"`` (mM) and ``"volume"`` (% of rest), sharing
        the time axis in h.
    lines : dict of str to matplotlib.lines.Line2D
        The traces, resting stretch before t = 0 included.
    leak_line : matplotlib.lines.Line2D
        The leaks' own potential (mV): V without the pump current.
    share_band : matplotlib.patches.Polygon
        The band between V and ``leak_line``: the pump's electrogenic share.
    steady_lines, cursor_points : dict of str to Line2D
        Per panel: the steady state, and the value the cursor reads.
    cursor_line : matplotlib.lines.Line2D
        The cursor, across all panels (x in h, y in figure fractions).
    block_span : matplotlib.patches.Rectangle
        The interval in which the pump is blocked first, across all panels.
    run : PumpRun
        The simulation drawn.
    pump_percent, k_out, block_minutes, duration_h, cursor_h : float
        The settings drawn; change them through :meth:`update`.

    Raises
    ------
    ValueError
        If a setting is outside its range.

    Examples
    --------
    >>> figure = PumpFigure(pump_percent=0.0, duration_h=1.0, cursor_h=1.0)
    >>> figure.summary()[:58]
    'Steady state: V = −0.1 mV, electrogenic share 0.0 mV (pump'
    >>> round(float(figure.cursor_points["k"].get_ydata()[0]), 1)
    36.3
    """

    def __init__(
        self,
        pump_percent=100.0,
        k_out=None,
        block_minutes=0.0,
        duration_h=2.0,
        cursor_h=None,
        dpi=100,
    ):
        self.rest_params = PumpLeakParams()
        self.rest = steady_state(self.rest_params)
        self.rest_leak_v = leak_potential(self.rest_params, self.rest.c_in)
        self.fig = new_figure(figsize=FIGSIZE, dpi=dpi, margins=MARGINS)
        self._build_artists()
        self.pump_percent = self.k_out = self.block_minutes = self.duration_h = None
        self.cursor_h = None
        self.update(
            pump_percent=pump_percent,
            k_out=self.rest_params.k_out if k_out is None else k_out,
            block_minutes=block_minutes,
            duration_h=duration_h,
            cursor_h=cursor_h,
        )
        dynamic = [
            *self.lines.values(),
            self.leak_line,
            self.share_band,
            *self.steady_lines.values(),
            self.block_span,
            self.cursor_line,
            *self.cursor_points.values(),
        ]
        self._renderer = AggRenderer(self.fig, dynamic, state=self._static_state)

    def update(
        self, pump_percent=None, k_out=None, block_minutes=None, duration_h=None, cursor_h=...
    ):
        """Draw new settings; an argument left out keeps its value.

        Parameters
        ----------
        pump_percent, k_out, block_minutes, duration_h : float, optional
            As in the constructor.
        cursor_h : float or None, optional
            Cursor time in h (None hides it); left out, it is kept, moved inside a
            shorter run if need be.

        Raises
        ------
        ValueError
            For a value outside its range, or a simulation that fails; nothing drawn
            changes then.
        """
        settings = {
            "pump_percent": _in_range("pump_percent", pump_percent, self.pump_percent, PUMP_RANGE),
            "k_out": _in_range("k_out", k_out, self.k_out, K_OUT_RANGE),
            "block_minutes": _in_range(
                "block_minutes", block_minutes, self.block_minutes, BLOCK_RANGE
            ),
            "duration_h": self.duration_h if duration_h is None else _duration(duration_h),
        }
        if cursor_h is ...:
            cursor_h = None if self.cursor_h is None else min(self.cursor_h, settings["duration_h"])
        elif cursor_h is not None:
            cursor_h = _in_range("cursor_h", cursor_h, None, (0.0, settings["duration_h"]))
        try:  # may fail: only then change what is drawn
            run = pump_run(**settings)
        except RuntimeError as error:  # the integrator or the steady-state search gave up
            raise ValueError(f"the simulation failed ({error})") from None
        moved_only = all(getattr(self, name) == value for name, value in settings.items())
        for name, value in settings.items():
            setattr(self, name, value)
        self.run, self.cursor_h = run, cursor_h
        if not moved_only:  # the cursor alone moved: the traces stay as drawn
            self._draw_run()
        self._draw_cursor()

    def png(self):
        """Return the figure as PNG bytes, repainting only what changed.

        Returns
        -------
        bytes
            An RGB PNG image (640 x 640 px at 100 dpi).
        """
        return self._renderer.png()

    def time_h(self):
        """Return the times drawn, in h: the resting stretch before t = 0, then the run."""
        t = self.run.trajectory.t / HOUR
        return np.concatenate([[-BASELINE * self.duration_h], t])

    def values_at(self, time_h):
        """Return V (mV), [Na⁺]in, [K⁺]in (mM) and volume (% of rest) at a time in h.

        Linear interpolation between the simulated times, as the cursor reads them.

        Parameters
        ----------
        time_h : float
            Time after the change in h, within the run.

        Returns
        -------
        dict of str to float
            Keyed ``"v"``, ``"na"``, ``"k"``, ``"volume"``.
        """
        t = self.run.trajectory.t / HOUR
        return {name: float(np.interp(time_h, t, trace)) for name, trace in self._traces().items()}

    def summary(self):
        """Return the readout in one paragraph: the steady state, the rundown, the cursor.

        Returns
        -------
        str
            Plain text with the numbers drawn.
        """
        text = f"{self._steady_sentence()} {self._gradient_sentence()}"
        if self.cursor_h is not None:
            text += f" {self._cursor_sentence()}"
        return text

    def parameters(self):
        """Return the settings and results as display strings, keyed by their names.

        Returns
        -------
        dict of str to str
        """
        steady = self.run.steady
        return {
            "pump capacity": f"{_number(self.pump_percent)} % of normal",
            "[K⁺] outside": f"{_number(self.k_out)} mM",
            "pump blocked first": f"{_number(self.block_minutes)} min",
            "duration": f"{_number(self.duration_h)} h",
            "cursor": "hidden" if self.cursor_h is None else f"{self.cursor_h:.2f} h",
            "values at the cursor": (
                "—" if self.cursor_h is None else _values_words(self.values_at(self.cursor_h))
            ),
            "steady-state V": _mV(steady.v),
            "electrogenic share of it": _mV(self.run.share),
            "time to lose half the K⁺ gradient": self._half_time_text(),
            "ATP per second at steady state": _count(self.run.atp_rate * AVOGADRO),
        }

    def alt_text(self):
        """Describe the four panels and their numbers in words, for screen readers.

        Returns
        -------
        str
        """
        start, end = self.values_at(0.0), self.values_at(self.duration_h)
        text = (
            f"Four panels against time, from the resting state to {_number(self.duration_h)} "
            f"h after the change (pump at {_number(self.pump_percent)} % of normal"
            f"{self._block_words()}, bath K⁺ {_number(self.k_out)} mM): membrane "
            "potential, Na⁺ and K⁺ inside the cell, and cell volume. At rest: "
            f"{_values_words(start)}. At the end: {_values_words(end)}. "
            f"{self._steady_sentence()} A dashed line in the top panel is the potential "
            "the leaks alone would give; the band between it and V is the pump's "
            "electrogenic share."
        )
        if self.cursor_h is not None:
            text += f" {self._cursor_sentence()}"
        return text

    # --- building and drawing ----------------------------------------------------------

    def _build_artists(self):
        axes = self.fig.subplots(len(PANELS), 1, sharex=True)
        self.axes = dict(zip(PANELS, axes, strict=True))
        self.lines, self.steady_lines, self.cursor_points = {}, {}, {}
        for name, ax in self.axes.items():
            ax.grid(True, color="#e4e4e4", linewidth=0.6)
            ax.set_axisbelow(True)
            ax.axvline(0.0, color=MUTED_COLOUR, linewidth=0.8, zorder=1)
            ax.set_ylabel(LABELS[name], fontsize=9)
            ax.tick_params(labelsize=8)
            (self.steady_lines[name],) = ax.plot(
                [], [], color=COLOURS[name], linestyle=":", linewidth=1.4, zorder=2
            )
            (self.lines[name],) = ax.plot([], [], color=COLOURS[name], linewidth=1.8, zorder=3)
            (self.cursor_points[name],) = ax.plot(
                [], [], linestyle="none", marker="o", markersize=5.5, zorder=5,
                markerfacecolor=ACCENT_COLOUR, markeredgecolor=NEUTRAL_COLOUR,
            )  # fmt: skip
        v_ax = self.axes["v"]
        v_ax.set_ylim(V_LIMITS_MV)
        # Distinct zorders: artists that overlap are painted in one order, blitted or not.
        (self.leak_line,) = v_ax.plot(
            [], [], color=MUTED_COLOUR, linestyle="--", linewidth=1.1, zorder=2.5
        )
        self.share_band = v_ax.add_patch(
            Polygon(
                np.zeros((1, 2)), facecolor=ACCENT_COLOUR, alpha=0.35, edgecolor="none", zorder=1.5
            )
        )
        for name in ("na", "k"):
            self.axes[name].set_ylim(CONCENTRATION_LIMITS)
        self.axes["volume"].set_xlabel("time after the change (h)", fontsize=9)
        # One cursor line and one block span cross all four panels: x in data (the panels
        # share it), y in figure fractions. Every artist repainted costs time at each update.
        across = blended_transform_factory(v_ax.transData, self.fig.transFigure)
        bottom, top = MARGINS["bottom"], MARGINS["top"]
        self.block_span = self.fig.add_artist(
            Rectangle((0.0, bottom), 0.0, top - bottom, transform=across,
                      facecolor="#bdbdbd", alpha=0.45, edgecolor="none", zorder=0.5)
        )  # fmt: skip
        self.cursor_line = self.fig.add_artist(
            Line2D([], [], transform=across, color=ACCENT_COLOUR, linewidth=1.2, zorder=4)
        )
        self.fig.legend(
            [self.lines["v"], self.share_band, self.steady_lines["v"],
             self.leak_line, self.block_span],
            ["simulated", "electrogenic share", "steady state (t → ∞)",
             "V of the leaks alone (no pump current)", "pump blocked"],
            loc="lower center",
            bbox_to_anchor=(0.55, MARGINS["top"] + 0.01),
            ncol=3,
            fontsize=7.5,
            frameon=False,
            handlelength=1.8,
            columnspacing=1.0,
        )  # fmt: skip

    def _traces(self):
        """Return the run's four traces in display units: mV, mM, mM, % of resting volume."""
        run = self.run.trajectory
        return {
            "v": run.v * MV_PER_V,
            "na": run.c_in[:, 0],
            "k": run.c_in[:, 1],
            "volume": 100.0 * run.volume / self.rest.volume,
        }

    def _steady_values(self):
        steady = self.run.steady
        return {
            "v": steady.v * MV_PER_V,
            "na": steady.c_in[0],
            "k": steady.c_in[1],
            "volume": 100.0 * steady.volume / self.rest.volume,
        }

    def _rest_values(self):
        return {
            "v": self.rest.v * MV_PER_V,
            "na": self.rest.c_in[0],
            "k": self.rest.c_in[1],
            "volume": 100.0,
        }

    def _draw_run(self):
        time_h = self.time_h()
        traces, rest, steady = self._traces(), self._rest_values(), self._steady_values()
        start, end = time_h[0], self.duration_h
        for name, line in self.lines.items():
            line.set_data(time_h, np.concatenate([[rest[name]], traces[name]]))
            self.steady_lines[name].set_data([start, end], [steady[name]] * 2)
        self.block_span.set_width(min(self.block_minutes / 60.0, self.duration_h))
        leak_mV = np.concatenate([[self.rest_leak_v], self.run.leak_v]) * MV_PER_V
        self.leak_line.set_data(time_h, leak_mV)
        v_mV = self.lines["v"].get_ydata()
        self.share_band.set_xy(
            np.column_stack([np.concatenate([time_h, time_h[::-1]]),
                             np.concatenate([v_mV, leak_mV[::-1]])])
        )  # fmt: skip
        for ax in self.axes.values():
            _set_xlim_if_changed(ax, (start, end))
        volumes = np.append(self.lines["volume"].get_ydata(), steady["volume"])
        _set_ylim_if_changed(self.axes["volume"], _volume_limits(volumes))

    def _draw_cursor(self):
        visible = self.cursor_h is not None
        for artist in (self.cursor_line, *self.cursor_points.values()):
            artist.set_visible(visible)
        if not visible:
            return
        self.cursor_line.set_data([self.cursor_h] * 2, [MARGINS["bottom"], MARGINS["top"]])
        for name, value in self.values_at(self.cursor_h).items():
            self.cursor_points[name].set_data([self.cursor_h], [value])

    def _static_state(self):
        # The static artists change only with the time axis and the volume axis.
        return self.axes["v"].get_xlim(), self.axes["volume"].get_ylim()

    # --- words -------------------------------------------------------------------------

    def _steady_sentence(self):
        atp_rate = self.run.atp_rate
        return (
            f"Steady state: V = {_mV(self.run.steady.v)}, electrogenic share "
            f"{_mV(self.run.share)} (pump {_count(atp_rate * AVOGADRO)} ATP/s, "
            f"{format_number(metabolic_power(atp_rate) * 1e12, 1)} pW)."
        )

    def _gradient_sentence(self):
        return f"Time to lose half the K⁺ gradient: {self._half_time_text()}."

    def _half_time_text(self):
        half = self.run.half_time
        if np.isfinite(half):
            return f"{format_number(half / 60.0, 1)} min"
        steady_gradient = self.run.steady.c_in[1] - self.run.params.k_out
        initial_gradient = self.rest.c_in[1] - self.run.params.k_out
        if steady_gradient > 0.5 * initial_gradient:
            kept = 100.0 * steady_gradient / initial_gradient
            return f"never (the steady state keeps {format_number(kept, 0)} % of it)"
        return f"more than the {_number(self.duration_h)} h shown"

    def _cursor_sentence(self):
        return f"At {self.cursor_h:.2f} h: {_values_words(self.values_at(self.cursor_h))}."

    def _block_words(self):
        if self.block_minutes <= 0:
            return ""
        return f" after {_number(self.block_minutes)} min blocked"


def _values_words(values):
    v, na, k = (format_number(values[name], 1) for name in ("v", "na", "k"))
    volume = format_number(values["volume"], 0)
    return f"V = {v} mV, [Na⁺] {na} mM, [K⁺] {k} mM, volume {volume} %"


def _volume_limits(volumes):
    near, swollen = VOLUME_LIMITS
    inside = np.all((volumes > near[0] + 2.0) & (volumes < near[1] - 2.0))
    return near if inside else swollen


def _in_range(name, value, current, limits):
    if value is None:
        return current
    number = check.scalar(name, value)
    low, high = limits
    if not low <= number <= high:
        raise ValueError(f"{name} must be from {low:g} to {high:g}; got {value!r}")
    return number


def _duration(value):
    number = check.scalar("duration_h", value)
    if number not in DURATIONS_H:
        raise ValueError(f"duration_h must be one of {DURATIONS_H} h; got {value!r}")
    return number


def _set_xlim_if_changed(ax, limits):
    # Setting a limit, even to the same value, marks the figure stale (full redraw).
    if not np.allclose(ax.get_xlim(), limits):
        ax.set_xlim(limits)


def _set_ylim_if_changed(ax, limits):
    if not np.allclose(ax.get_ylim(), limits):
        ax.set_ylim(limits)


def _count(value):
    """Return a rate of molecules as printed: 3.9 × 10⁷, or 0 for a blocked pump."""
    return format_scientific(value, 2) if value > 0 else "0"


def _number(value):
    return f"{value:g}"
