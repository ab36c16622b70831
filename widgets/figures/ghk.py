"""The GHK figure: the resting potential of a leaky membrane, its currents and its K⁺ dependence.

Three panels, built once and updated in place:

- potentials: each ion's Nernst potential (a coloured tick in its column), the GHK
  potential V (a black line across) and each ion's driving force V − E (an arrow
  from V towards E, the way that ion's current pulls V);
- currents at rest: each ion's GHK current density at V and their sum, which is zero
  (outward positive);
- V against [K⁺]out on a logarithmic axis: the K⁺ Nernst line and the GHK curve,
  with the current point marked.
"""

from functools import partial

import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch
from matplotlib.ticker import LogLocator, NullFormatter

from widgets import validation as check
from widgets.constants import kelvin_to_celsius
from widgets.data.ions import ION_NAMES, IONS, PRESETS, get_preset
from widgets.figures.agg import AggRenderer, new_figure
from widgets.figures.palette import ACCENT_COLOUR, ION_COLOURS, MUTED_COLOUR, NEUTRAL_COLOUR
from widgets.formatting import (
    MS_PER_CM2,
    MV_PER_V,
    UA_PER_CM2,
    format_millivolts,
    format_number,
    format_significant,
)
from widgets.physics import (
    chord_conductance,
    conductance_weighted_potential,
    ghk_current_density,
    ghk_voltage,
    nernst_potential,
    nernst_slope,
)
from widgets.physics.leak import HODGKIN_KATZ, ION_KEYS, preset_arrays, resting_permeabilities

# Display formats shared by the figures (widgets.formatting).
_number = format_significant
_mV = partial(format_millivolts, signed=True)

K_OUT_DECADES = (-1, 3)  # the [K+]out axis, 0.1 to 1000 mM
# Every E at 0-45 degC over K_OUT_DECADES (the squid axon's E_K reaches -227 mV), and room
# above +70 mV for the legend of the potentials panel.
POTENTIAL_LIMITS_MV = (-240.0, 190.0)
CURVE_POINTS = 161
FIGSIZE = (8.0, 3.7)  # in
MIN_CURRENT_LIMIT = 1.0  # uA/cm^2: the current axis never zooms in further
READOUT_BASELINE = 0.92  # figure fraction
AXES_BOTTOM, AXES_TOP = 0.14, 0.76  # figure fractions


class GHKFigure:
    """The GHK explorer's figure, built once and updated in place.

    Parameters
    ----------
    preset : str, optional
        Key of :data:`widgets.data.ions.PRESETS` giving [K⁺]in, the Na⁺ and Cl⁻
        concentrations and the absolute P_K (default ``"mammalian_neuron"``).
    p_na_ratio, p_cl_ratio : float, optional
        P_Na / P_K and P_Cl / P_K (dimensionless; defaults 0.04 and 0.45, Hodgkin
        and Katz 1949); non-negative.
    k_out : float, optional
        [K⁺]out in mol/m^3 (= mM); default: the cell's.
    T : float, optional
        Absolute temperature in K; default: the cell's.

    Attributes
    ----------
    fig : matplotlib.figure.Figure
        The figure, white, 8.4 x 3.9 in, unknown to pyplot.
    ax_potentials, ax_currents, ax_k_out : matplotlib.axes.Axes
        The three panels.
    e_ticks, arrows : dict of str to artist
        Per ion: the Nernst-potential tick and the driving-force arrow (mV).
    v_line : matplotlib.lines.Line2D
        V across the potentials panel.
    bars : dict of str to matplotlib.patches.Rectangle
        Per ion and ``"sum"``: the current-density bar in uA/cm^2.
    nernst_line, ghk_curve, point : matplotlib.lines.Line2D
        E_K and V (mV) against [K⁺]out (mM), and the current point.
    readout_text, cell_text : matplotlib.text.Text
        V and the temperature, and the cell's name, above the panels.
    preset, p_na_ratio, p_cl_ratio, k_out, T : str, float, float, float, float
        The values drawn (mM, K).
    p : numpy.ndarray
        Permeabilities in m/s (K⁺, Na⁺, Cl⁻).
    V, v_weighted : float
        GHK potential and the chord-conductance average of the E's, in V.
    E, current, g_chord : numpy.ndarray
        Per ion: Nernst potential (V), GHK current density at V (A/m^2, outward
        positive) and chord conductance at V (S/m^2).

    Raises
    ------
    ValueError
        If the preset is unknown, a ratio is negative or both are zero with no K⁺,
        or a value is not a single finite number (T above 0 K).

    Notes
    -----
    V solves :math:`\\sum_i I_i(V) = 0` with the GHK currents of
    :func:`widgets.physics.ghk_current_density` (Hodgkin and Katz 1949).

    Examples
    --------
    >>> figure = GHKFigure()
    >>> round(figure.V * 1e3, 2)
    -67.33
    >>> figure.update(k_out=10.0)
    >>> round(float(figure.point.get_ydata()[0]), 2)
    -59.77
    """

    def __init__(
        self, preset="mammalian_neuron", p_na_ratio=None, p_cl_ratio=None, k_out=None, T=None
    ):
        cell = get_preset(preset)
        self.fig = new_figure(figsize=FIGSIZE)
        self._build_axes()
        self._build_artists()
        self.preset = self.current_limit = None  # nothing drawn yet
        self._draw(
            preset,
            HODGKIN_KATZ["Na"] if p_na_ratio is None else p_na_ratio,
            HODGKIN_KATZ["Cl"] if p_cl_ratio is None else p_cl_ratio,
            cell.c_out["K"] if k_out is None else k_out,
            cell.T if T is None else T,
        )
        dynamic = [
            *self.e_ticks.values(),
            *self.arrows.values(),
            self.v_line,
            *self.bars.values(),
            self.nernst_line,
            self.ghk_curve,
            self.point,
            self.readout_text,
        ]
        self._renderer = AggRenderer(self.fig, dynamic, state=self._static_state)

    def update(self, preset=None, p_na_ratio=None, p_cl_ratio=None, k_out=None, T=None):
        """Draw new values; an argument left as None keeps its current value.

        Parameters
        ----------
        preset : str, optional
            A key of ``PRESETS``: its concentrations and P_K (its [K⁺]out and T
            only where ``k_out`` and ``T`` are not given either).
        p_na_ratio, p_cl_ratio : float, optional
            Permeability ratios to K⁺ (dimensionless).
        k_out : float, optional
            [K⁺]out in mol/m^3 (= mM).
        T : float, optional
            Absolute temperature in K.

        Raises
        ------
        ValueError
            For an invalid value; nothing drawn changes then.
        """
        self._draw(
            self.preset if preset is None else preset,
            self.p_na_ratio if p_na_ratio is None else p_na_ratio,
            self.p_cl_ratio if p_cl_ratio is None else p_cl_ratio,
            self.k_out if k_out is None else k_out,
            self.T if T is None else T,
        )

    def prerender(self):
        """Draw and keep the background of each cell's current axis, then restore.

        A background costs tens of milliseconds to draw; drawing each cell's once
        when an explorer is built makes a learner's first switch as fast as a slider.
        """
        shown = self._values()
        for key in PRESETS:
            cell = get_preset(key)
            self.update(preset=key, k_out=cell.c_out["K"], T=cell.T)
            self.png()
        self.update(**shown)

    def png(self):
        """Return the figure as PNG bytes (800 x 370 px), redrawing only what changed.

        Returns
        -------
        bytes
            An RGB PNG image.
        """
        return self._renderer.png()

    def summary(self):
        """Return the readout as plain text: V, each current and their sum, conductances.

        Returns
        -------
        str
            For example ``'V_GHK = −67.3 mV. Currents at rest (µA/cm², outward +): ...'``.
        """
        currents = ", ".join(
            f"{IONS[ion].label} {_signed(i * UA_PER_CM2, 2)}"
            for ion, i in zip(ION_KEYS, self.current, strict=True)
        )
        conductances = ", ".join(
            f"{IONS[ion].label} {g * MS_PER_CM2:.3f}"
            for ion, g in zip(ION_KEYS, self.g_chord, strict=True)
        )
        return (
            f"V_GHK = {_mV(self.V)}. Currents at rest (µA/cm², outward +): {currents}; "
            f"sum {_signed(np.sum(self.current) * UA_PER_CM2, 2)}. Chord conductances "
            f"(mS/cm²): {conductances}; their weighted average of E = {_mV(self.v_weighted)}."
        )

    def parameters(self):
        """Return the values drawn as display strings, keyed by their names.

        Returns
        -------
        dict of str to str
            Cell, ratios, [K⁺]out, temperature, V, each E, current and chord conductance.
        """
        values = {
            "cell": get_preset(self.preset).label,
            "P_K : P_Na : P_Cl": f"1 : {_ratio(self.p_na_ratio)} : {_ratio(self.p_cl_ratio)}",
            "[K⁺] outside": f"{_number(self.k_out)} mM",
            "temperature": _celsius(self.T),
            "V_GHK (resting potential)": _mV(self.V),
        }
        for index, ion in enumerate(ION_KEYS):
            label = IONS[ion].label
            values[f"E of {label}"] = _mV(self.E[index])
            values[f"{label} current at rest"] = (
                f"{_signed(self.current[index] * UA_PER_CM2, 2)} µA/cm²"
            )
            values[f"{label} chord conductance"] = f"{self.g_chord[index] * MS_PER_CM2:.3f} mS/cm²"
        values["sum of the currents"] = f"{_signed(np.sum(self.current) * UA_PER_CM2, 2)} µA/cm²"
        values["chord-conductance average of E"] = _mV(self.v_weighted)
        return values

    def alt_text(self):
        """Describe the figure and its current numbers in words, for screen readers.

        Returns
        -------
        str
            A few sentences: each panel, what it shows and its values.
        """
        es = ", ".join(
            f"{ION_NAMES[ion]} {_mV(e)}" for ion, e in zip(ION_KEYS, self.E, strict=True)
        )
        flows = ", ".join(
            f"{ION_NAMES[ion]} {_signed(i * UA_PER_CM2, 2)} µA/cm² ({_direction(i)})"
            for ion, i in zip(ION_KEYS, self.current, strict=True)
        )
        nearest = ION_KEYS[int(np.argmin(np.abs(self.V - self.E)))]
        slope = nernst_slope(self.T) * MV_PER_V
        return (
            f"GHK figure for the {get_preset(self.preset).label.lower()} at {_celsius(self.T)} "
            f"with P_K : P_Na : P_Cl = 1 : {_ratio(self.p_na_ratio)} : {_ratio(self.p_cl_ratio)} "
            f"and {_number(self.k_out)} mM K⁺ outside. Left panel, a voltage axis: the "
            f"equilibrium potentials are {es}; the resting potential V_GHK is {_mV(self.V)}, "
            f"closest to that of {ION_NAMES[nearest]}, with an arrow from V towards each "
            f"equilibrium potential. Middle panel, bars of the currents at rest, outward "
            f"positive: {flows}; their sum is zero. Right panel: potential against [K⁺] outside "
            f"on a logarithmic axis from 0.1 to 1000 mM; the K⁺ Nernst line rises "
            f"{slope:.1f} mV per tenfold increase, the GHK curve bends away from it towards "
            f"a floor at low [K⁺] outside; the marked point is V_GHK = {_mV(self.V)} at "
            f"{_number(self.k_out)} mM."
        )

    def _values(self):
        return {
            "preset": self.preset,
            "p_na_ratio": self.p_na_ratio,
            "p_cl_ratio": self.p_cl_ratio,
            "k_out": self.k_out,
            "T": self.T,
        }

    def _build_axes(self):
        height = AXES_TOP - AXES_BOTTOM
        self.ax_potentials = self.fig.add_axes((0.09, AXES_BOTTOM, 0.16, height))
        self.ax_currents = self.fig.add_axes((0.36, AXES_BOTTOM, 0.15, height))
        self.ax_k_out = self.fig.add_axes((0.6, AXES_BOTTOM, 0.37, height))

    def _build_artists(self):
        self._build_potentials()
        self._build_currents()
        self._build_k_out()
        # Glyphs cost draw time: the text redrawn at every update is short; the cell's
        # name changes only with the cell, so it belongs to the background.
        self.readout_text = self.fig.text(0.015, READOUT_BASELINE, "", fontsize=11)
        self.cell_text = self.fig.text(0.985, READOUT_BASELINE, "", fontsize=10, ha="right")

    def _build_potentials(self):
        ax = self.ax_potentials
        ax.set_xlim(-0.6, len(ION_KEYS) - 0.4)
        ax.set_ylim(POTENTIAL_LIMITS_MV)
        ax.set_xticks(range(len(ION_KEYS)), [IONS[ion].label for ion in ION_KEYS])
        ax.axhline(0.0, color=MUTED_COLOUR, linewidth=0.8, zorder=1)
        ax.grid(True, axis="y", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
        ax.set_ylabel("potential (mV)")
        ax.set_title("(a) E of each ion and V", fontsize=10, loc="left")
        self.e_ticks, self.arrows = {}, {}
        for x, ion in enumerate(ION_KEYS):
            (self.e_ticks[ion],) = ax.plot([], [], color=ION_COLOURS[ion], linewidth=4, zorder=3)
            self.arrows[ion] = ax.add_patch(
                FancyArrowPatch(
                    (x, 0.0),
                    (x, 0.0),
                    arrowstyle="-|>",
                    mutation_scale=11,
                    color=ION_COLOURS[ion],
                    linewidth=1.6,
                    shrinkA=0,
                    shrinkB=0,
                    zorder=4,
                )
            )
        (self.v_line,) = ax.plot(
            [-0.6, len(ION_KEYS) - 0.4], [0.0, 0.0], color=NEUTRAL_COLOUR, linewidth=1.6, zorder=5
        )
        e_handle = Line2D([], [], color=MUTED_COLOUR, linewidth=4)
        arrow_handle = Line2D([], [], color=MUTED_COLOUR, marker="^", markersize=5)
        ax.legend(
            [self.v_line, e_handle, arrow_handle],
            ["V (GHK)", "E (Nernst)", "V → E"],
            loc="upper right",
            fontsize=7.5,
            framealpha=0.9,
        )

    def _build_currents(self):
        ax = self.ax_currents
        labels = [*(IONS[ion].label for ion in ION_KEYS), "sum"]
        colours = [*(ION_COLOURS[ion] for ion in ION_KEYS), NEUTRAL_COLOUR]
        container = ax.bar(range(len(labels)), np.zeros(len(labels)), width=0.6, color=colours)
        self.bars = dict(zip([*ION_KEYS, "sum"], container.patches, strict=True))
        for bar in self.bars.values():
            bar.set_zorder(3)
        # The sum is zero: an outlined bar shows it as a line on the axis instead of nothing.
        self.bars["sum"].set(edgecolor=NEUTRAL_COLOUR, linewidth=2.5)
        ax.set_xticks(range(len(labels)), labels)
        ax.axhline(0.0, color=NEUTRAL_COLOUR, linewidth=0.8, zorder=2)
        ax.grid(True, axis="y", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
        ax.set_ylabel("current at rest (µA/cm²)")
        ax.set_title("currents at V", fontsize=10, loc="left")
        ax.text(0.97, 0.97, "outward ↑", transform=ax.transAxes, ha="right", va="top", fontsize=8)
        ax.text(0.97, 0.03, "inward ↓", transform=ax.transAxes, ha="right", va="bottom", fontsize=8)

    def _build_k_out(self):
        ax = self.ax_k_out
        ax.set_xscale("log")
        ax.set_xlim(10.0 ** np.array(K_OUT_DECADES))
        ax.set_ylim(POTENTIAL_LIMITS_MV)
        ax.xaxis.set_minor_locator(LogLocator(subs=(2.0, 5.0)))
        ax.xaxis.set_minor_formatter(NullFormatter())
        ax.grid(True, which="major", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
        ax.axhline(0.0, color=MUTED_COLOUR, linewidth=0.8, zorder=1)
        (self.nernst_line,) = ax.plot(
            [], [], color=ION_COLOURS["K"], linewidth=1.6, linestyle="--", zorder=3
        )
        (self.ghk_curve,) = ax.plot([], [], color=NEUTRAL_COLOUR, linewidth=2.0, zorder=3)
        (self.point,) = ax.plot(
            [],
            [],
            linestyle="none",
            marker="o",
            markersize=8,
            markerfacecolor=ACCENT_COLOUR,
            markeredgecolor=NEUTRAL_COLOUR,
            markeredgewidth=1.5,
            zorder=4,
            clip_on=False,
        )
        ax.set_xlabel("[K⁺] outside (mM, log scale)")
        ax.set_ylabel("potential (mV)")
        ax.set_title("(b) V against [K⁺] outside", fontsize=10, loc="left")
        ax.legend(
            [self.nernst_line, self.ghk_curve, self.point],
            ["E_K (Nernst)", "V (GHK)", "current values"],
            loc="upper left",
            fontsize=8,
            framealpha=0.9,
        )

    def _draw(self, preset, p_na_ratio, p_cl_ratio, k_out, T):
        cell = get_preset(preset)
        p_na_ratio = check.scalar("p_na_ratio", check.non_negative("p_na_ratio", p_na_ratio))
        p_cl_ratio = check.scalar("p_cl_ratio", check.non_negative("p_cl_ratio", p_cl_ratio))
        k_out = check.scalar("k_out", check.positive("k_out", k_out))
        T = check.scalar("T", check.temperature(T))
        c_out, c_in, z = preset_arrays(cell)
        c_out[0] = k_out
        # The cell's absolute P_K stays; the ratios set P_Na and P_Cl.
        p = resting_permeabilities(preset)[0] * np.array([1.0, p_na_ratio, p_cl_ratio])
        V = ghk_voltage(p, c_out, c_in, z, T)  # validates the rest
        E = nernst_potential(c_out, c_in, z, T)
        current = ghk_current_density(V, p, c_out, c_in, z, T)
        g_chord = chord_conductance(V, p, c_out, c_in, z, T)
        grid = np.logspace(*K_OUT_DECADES, CURVE_POINTS)
        rows = np.repeat(c_out[None, :], CURVE_POINTS, axis=0)
        rows[:, 0] = grid
        curve = ghk_voltage(p, rows, c_in, z, T)
        # Every input is valid: only now change what is drawn.
        self.preset, self.p_na_ratio, self.p_cl_ratio, self.k_out, self.T = (
            preset,
            p_na_ratio,
            p_cl_ratio,
            k_out,
            T,
        )
        self.p, self.V, self.E, self.current, self.g_chord = p, V, E, current, g_chord
        self.v_weighted = conductance_weighted_potential(g_chord, E)
        self._draw_potentials()
        self._draw_currents()
        # E_K is a straight line on the log axis: its two ends draw it exactly.
        ends = grid[[0, -1]]
        self.nernst_line.set_data(ends, nernst_potential(ends, c_in[0], 1, T) * MV_PER_V)
        self.ghk_curve.set_data(grid, curve * MV_PER_V)
        self.point.set_data([k_out], [V * MV_PER_V])
        self.readout_text.set_text(f"V_GHK = {_mV(V)} at {_celsius(T)}")
        if self.cell_text.get_text() != cell.label:
            self.cell_text.set_text(cell.label)

    def _draw_potentials(self):
        v_mV = self.V * MV_PER_V
        self.v_line.set_ydata([v_mV, v_mV])
        for x, ion in enumerate(ION_KEYS):
            e_mV = self.E[x] * MV_PER_V
            self.e_ticks[ion].set_data([x - 0.32, x + 0.32], [e_mV, e_mV])
            self.arrows[ion].set_positions((x, v_mV), (x, e_mV))

    def _draw_currents(self):
        values = [*(self.current * UA_PER_CM2), np.sum(self.current) * UA_PER_CM2]
        for bar, value in zip(self.bars.values(), values, strict=True):
            bar.set_height(value)
        limit = _nice_limit(max(np.max(np.abs(values)) * 1.15, MIN_CURRENT_LIMIT))
        if limit != self.current_limit:
            self.current_limit = limit
            self.ax_currents.set_ylim(-limit, limit)

    def _static_state(self):
        # What the static artists show: the cell's name and the current axis' range.
        return self.preset, self.current_limit


def _nice_limit(value):
    """Return the smallest of 1, 2, 5 x 10^n that is at least ``value`` (> 0)."""
    power = 10.0 ** np.floor(np.log10(value))
    return next(step * power for step in (1.0, 2.0, 5.0, 10.0) if step * power >= value)


def _direction(current):
    if abs(current) * UA_PER_CM2 < 0.005:
        return "none"
    return "outward" if current > 0 else "inward"


def _ratio(value):
    return "0" if value == 0 else f"{value:.3g}"


def _signed(value, decimals):
    return format_number(value, decimals, signed=True)


def _celsius(T):
    return f"{format_number(kelvin_to_celsius(T), 1)} °C"
