"""The Nernst figure: an ion's equilibrium potential against its concentration ratio.

E (mV) is drawn against c_out / c_in on a logarithmic axis, where the Nernst
equation is a straight line through (1, 0 mV) with a slope of (RT/zF) ln 10 per
tenfold change: valence and temperature show as slope, the ratio as position.
A point marks the current values and a diamond the ion in a real cell.
"""

from functools import partial

import numpy as np
from matplotlib.ticker import LogLocator, NullFormatter

from widgets import validation as check
from widgets.constants import kelvin_to_celsius
from widgets.data.ions import ION_NAMES, IONS, get_preset
from widgets.figures.agg import MARGINS, AggRenderer, new_figure
from widgets.figures.palette import ACCENT_COLOUR, ION_COLOURS, MUTED_COLOUR, NEUTRAL_COLOUR
from widgets.formatting import MV_PER_V, format_millivolts, format_number, format_significant
from widgets.physics import nernst_potential, nernst_slope

# Display formats shared by the figures (widgets.formatting).
_number = format_significant
_mV = partial(format_millivolts, signed=True)

CUSTOM = "custom"  # the ``ion`` of a particle known only by its valence
MIN_DECADES = (-3, 3)  # the ratio axis spans at least 1e-3 to 1e3
# |E| <= 190 mV for |z| >= 1 at <= 45 degC over MIN_DECADES: the axis rarely has to move.
MIN_Y_LIMIT_MV = 200.0
CURVE_POINTS = 241
READOUT_BASELINE = 0.925  # figure fraction, in the margin above the axes


class NernstFigure:
    """The Nernst plot of one ion, built once and updated in place.

    Parameters
    ----------
    ion : str, optional
        A key of :data:`widgets.data.ions.IONS` (``"K"``, ``"Na"``, ``"Cl"``, ``"Ca"``)
        or ``"custom"`` for a particle given by its valence ``z`` (default ``"K"``).
    c_out, c_in : float, optional
        Extracellular and intracellular concentrations in mol/m^3 (= mM); default:
        the ``reference`` cell's values for ``ion``.
    T : float, optional
        Absolute temperature in K; default: the ``reference`` cell's temperature.
    z : int, optional
        Valence (dimensionless); required for ``ion="custom"``, otherwise it must be
        the ion's own valence or None.
    reference : str, optional
        Key of :data:`widgets.data.ions.PRESETS` whose measured value of the ion is
        marked (default ``"mammalian_neuron"``).

    Attributes
    ----------
    fig : matplotlib.figure.Figure
        The figure, white, 6.4 x 3.6 in, unknown to pyplot.
    ax : matplotlib.axes.Axes
        The axes: ratio (log scale) against E in mV.
    curve, point, reference : matplotlib.lines.Line2D
        The Nernst curve (E in mV over a log-spaced ratio), the current values
        and the reference cell's value.
    symbol_text, readout_text, concentration_text : matplotlib.text.Text
        The readout above the axes, e.g. ``$E_\\mathrm{K}$ =`` then
        ``−89.1 mV at 37.0 °C``, and the concentrations.
    legend : matplotlib.legend.Legend
        Names the three lines.
    ion, z, c_out, c_in, T, E : str, float, float, float, float, float
        The values drawn (mM, K, V); read them, change them through :meth:`update`.

    Raises
    ------
    ValueError
        If ``ion`` or ``reference`` is unknown, ``z`` contradicts ``ion``, a
        concentration is missing, not a single positive number, or ``T`` is not
        above 0 K.

    Notes
    -----
    .. math:: E = \\frac{RT}{zF} \\ln \\frac{c_\\mathrm{out}}{c_\\mathrm{in}}

    computed by :func:`widgets.physics.nernst_potential` (Hille 2001, ch. 1).

    Examples
    --------
    >>> nernst = NernstFigure("K")  # 5 and 140 mM at 37 degC, the mammalian neuron
    >>> nernst.summary()
    'E_K = −89.1 mV at 37.0 °C'
    >>> nernst.update(c_out=20.0)
    >>> round(float(nernst.point.get_ydata()[0]), 2)
    -52.01
    """

    def __init__(
        self, ion="K", c_out=None, c_in=None, T=None, z=None, reference="mammalian_neuron"
    ):
        self.reference_preset = get_preset(reference)
        ion, z = _ion_and_valence(ion, z)
        self.fig = new_figure()
        self.ax = self.fig.add_subplot()
        self._build_artists()
        self.ion = self.z = None  # nothing drawn yet: the first _draw styles the ion
        self._draw(
            ion,
            z,
            self._default("c_out", c_out, ion),
            self._default("c_in", c_in, ion),
            self.reference_preset.T if T is None else T,
        )
        self._renderer = AggRenderer(
            self.fig,
            [self.curve, self.point, self.readout_text, self.concentration_text],
            state=self._static_state,
        )

    def update(self, ion=None, z=None, c_out=None, c_in=None, T=None):
        """Draw new values; an argument left as None keeps its current value.

        Parameters
        ----------
        ion : str, optional
            A key of ``IONS`` or ``"custom"``; a named ion brings its own valence.
        z : int, optional
            Valence (dimensionless) of a custom ion; kept when switching to ``"custom"``.
        c_out, c_in : float, optional
            Concentrations in mol/m^3 (= mM).
        T : float, optional
            Absolute temperature in K.

        Raises
        ------
        ValueError
            For an invalid value; nothing drawn changes then.
        """
        ion = self.ion if ion is None else ion
        if z is None and ion == CUSTOM:
            z = self.z  # keep the valence when switching to a custom ion
        ion, z = _ion_and_valence(ion, z)
        self._draw(
            ion,
            z,
            self.c_out if c_out is None else c_out,
            self.c_in if c_in is None else c_in,
            self.T if T is None else T,
        )

    def prerender(self):
        """Draw and keep the background of each ion of the reference cell, then restore.

        A background costs about 40 ms to draw; drawing them once up front (an
        explorer does it when it is built) makes a learner's first switch to one of
        these ions as fast as a slider move.
        """
        shown = {"ion": self.ion, "z": self.z, "c_out": self.c_out, "c_in": self.c_in}
        cell = self.reference_preset
        for ion in cell.ions:
            self.update(ion=ion, c_out=cell.c_out[ion], c_in=cell.c_in[ion])
            self.png()
        self.update(**shown)

    def png(self):
        """Return the figure as PNG bytes (640 x 360 px), redrawing only what changed.

        Returns
        -------
        bytes
            An RGB PNG image.
        """
        return self._renderer.png()

    def summary(self):
        """Return the readout as plain text, e.g. ``'E_K = −89.1 mV at 37.0 °C'``.

        Returns
        -------
        str
            Symbol, potential and temperature.
        """
        symbol = f"E_{self.ion}" if self.ion in IONS else f"E (z = {_signed(self.z)})"
        return f"{symbol} = {_mV(self.E)} at {_celsius(self.T)}"

    def parameters(self):
        """Return the values drawn as display strings, keyed by their names.

        Returns
        -------
        dict of str to str
            Ion, valence, concentrations in mM, their ratio, temperature in degC and E in mV.
        """
        return {
            "ion": _ion_name(self.ion, self.z),
            "valence z": _signed(self.z),
            "c_out (outside)": f"{_number(self.c_out)} mM",
            "c_in (inside)": f"{_number(self.c_in)} mM",
            "ratio c_out / c_in": _number(self.c_out / self.c_in),
            "temperature": _celsius(self.T),
            "E (Nernst potential)": _mV(self.E),
        }

    def alt_text(self):
        """Describe the figure and its current numbers in words, for screen readers.

        Returns
        -------
        str
            A few sentences: axes, the shape of the curve, the marked points.
        """
        lo, hi = self.ax.get_xlim()
        y_max = self.ax.get_ylim()[1]
        per_decade = nernst_slope(self.T, self.z)
        trend = "rises" if per_decade > 0 else "falls"
        text = (
            f"Nernst plot for {_ion_name(self.ion, self.z)} at {_celsius(self.T)}: "
            f"equilibrium potential E from −{y_max:.0f} to +{y_max:.0f} mV against the "
            f"concentration ratio c_out/c_in on a logarithmic axis from {_number(lo)} to "
            f"{_number(hi)}. The curve is a straight line on this axis: E is 0 mV at a "
            f"ratio of 1 and {trend} by {abs(per_decade) * MV_PER_V:.1f} mV for each "
            f"tenfold increase of the ratio. Marked point: c_out = {_number(self.c_out)} mM, "
            f"c_in = {_number(self.c_in)} mM (ratio {_number(self.c_out / self.c_in)}), "
            f"E = {_mV(self.E)}."
        )
        reference = self._reference_point(self.ion, self.z)
        if reference is not None:
            preset = self.reference_preset
            text += (
                f" Diamond: {preset.label.lower()}, ratio {_number(reference[0])}, "
                f"E = {_mV(reference[1])} at {_celsius(preset.T)}."
            )
        return text

    def _default(self, name, value, ion):
        if value is not None:
            return value
        concentrations = getattr(self.reference_preset, name)
        if ion not in concentrations:
            raise ValueError(
                f"{name} must be given for ion {ion!r}: preset "
                f"{self.reference_preset.key!r} has no value for it"
            )
        return concentrations[ion]

    def _build_artists(self):
        ax = self.ax
        ax.set_xscale("log")
        # Minor ticks at 2x and 5x only: readable, and each tick costs draw time.
        ax.xaxis.set_minor_locator(LogLocator(subs=(2.0, 5.0)))
        ax.xaxis.set_minor_formatter(NullFormatter())
        ax.grid(True, which="major", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
        ax.axhline(0.0, color=MUTED_COLOUR, linewidth=0.8, zorder=1)
        ax.axvline(1.0, color=MUTED_COLOUR, linewidth=0.8, linestyle=":", zorder=1)
        # zorders: the animated curve and point are painted last, so they stay on top.
        (self.reference,) = ax.plot(
            [], [], linestyle="none", marker="D", markersize=13, markeredgecolor=NEUTRAL_COLOUR
        )
        (self.curve,) = ax.plot([], [], linewidth=2.2, zorder=3)
        (self.point,) = ax.plot(
            [],
            [],
            linestyle="none",
            marker="o",
            markersize=9,  # smaller than the diamond, which shows around it when they meet
            markerfacecolor=ACCENT_COLOUR,
            markeredgecolor=NEUTRAL_COLOUR,
            markeredgewidth=1.5,
            zorder=4,
            clip_on=False,  # stays whole when it sits on the edge of the axes
        )
        # The symbol is mathtext, which takes ~10 ms to lay out per new string: it changes
        # only with the ion. The numbers that change at every update are plain text.
        self.symbol_text = self.fig.text(0.015, READOUT_BASELINE, "", fontsize=12)
        self.readout_text = self.fig.text(0.1, READOUT_BASELINE, "", fontsize=12)
        self.concentration_text = self.fig.text(
            MARGINS["right"], READOUT_BASELINE, "", ha="right", fontsize=10
        )
        ax.set_xlabel(r"concentration ratio  $c_\mathrm{out}\,/\,c_\mathrm{in}$  (log scale)")
        ax.set_ylabel("equilibrium potential E (mV)")
        self.legend = ax.legend(
            [self.curve, self.point, self.reference],
            ["Nernst curve", "current values", "reference cell"],
            fontsize=9,
            framealpha=0.9,
        )
        self.legend.legend_handles[2].set_markersize(9)  # the legend row needs no halo

    def _draw(self, ion, z, c_out, c_in, T):
        c_out, c_in, T = (
            check.scalar("c_out", c_out),
            check.scalar("c_in", c_in),
            check.scalar("T", T),
        )
        E = nernst_potential(c_out, c_in, z, T)  # validates every value
        reference = self._reference_point(ion, z)
        ratios = [c_out / c_in] if reference is None else [c_out / c_in, reference[0]]
        lo, hi = _decades(ratios)
        ratio_axis = np.logspace(lo, hi, CURVE_POINTS)
        curve_mV = nernst_potential(ratio_axis * c_in, c_in, z, T) * MV_PER_V
        # Every input is valid: only now change what is drawn.
        if (ion, z) != (self.ion, self.z):
            self._style_ion(ion, z, reference)
        self.ion, self.z, self.c_out, self.c_in, self.T, self.E = ion, z, c_out, c_in, T, E
        self.curve.set_data(ratio_axis, curve_mV)
        self.point.set_data([c_out / c_in], [E * MV_PER_V])
        self.readout_text.set_text(f"{_mV(E)} at {_celsius(T)}")
        self.concentration_text.set_text(f"{_number(c_out)} mM outside, {_number(c_in)} mM inside")
        y_limit = max(MIN_Y_LIMIT_MV, 100.0 * np.ceil(np.abs(curve_mV).max() / 100.0))
        _set_limits_if_changed(self.ax, (10.0**lo, 10.0**hi), (-y_limit, y_limit))

    def _style_ion(self, ion, z, reference):
        # Changes only with the ion (or a custom valence): marks the background stale.
        colour = ION_COLOURS.get(ion, NEUTRAL_COLOUR)
        curve_handle, _, reference_handle = self.legend.legend_handles
        texts = self.legend.get_texts()
        for line in (self.curve, curve_handle):
            line.set_color(colour)
        texts[0].set_text(f"Nernst curve, {_ion_name(ion, z)}")
        for line in (self.reference, reference_handle):
            line.set_markerfacecolor(colour)
            line.set_visible(reference is not None)
        if reference is None:
            self.reference.set_data([], [])
            texts[2].set_text("(no measured value for a custom ion)")
        else:
            preset = self.reference_preset
            self.reference.set_data([reference[0]], [reference[1] * MV_PER_V])
            texts[2].set_text(f"{preset.label}, {_celsius(preset.T)}: {_mV(reference[1])}")
        # The curve climbs for cations, falls for anions: keep the legend in the empty corner.
        self.legend.set_loc("upper left" if z > 0 else "upper right")
        self._place_readout(ion, z)

    def _place_readout(self, ion, z):
        symbol = rf"$E_\mathrm{{{ion}}}$" if ion in IONS else f"E (z = {_signed(z)})"
        self.symbol_text.set_text(f"{symbol} = ")
        # The numbers follow the symbol, on the same baseline.
        right = self.symbol_text.get_window_extent(self.fig.canvas.get_renderer()).x1
        self.readout_text.set_x(self.fig.transFigure.inverted().transform((right, 0.0))[0])

    def _static_state(self):
        # Everything the static artists depend on: _style_ion sets them from (ion, z)
        # (the reference cell is fixed), _draw the limits. Switching back to an ion
        # then restores its background instead of drawing it again (~40 ms).
        return self.ion, self.z, self.ax.get_xlim(), self.ax.get_ylim()

    def _reference_point(self, ion, z):
        """Return (ratio, E in V) of ``ion`` in the reference cell, or None."""
        preset = self.reference_preset
        if ion not in preset.ions:
            return None
        c_out, c_in = preset.c_out[ion], preset.c_in[ion]
        return c_out / c_in, nernst_potential(c_out, c_in, z, preset.T)


def _ion_and_valence(ion, z):
    if ion == CUSTOM:
        if z is None:
            raise ValueError(f"z must be given for ion={CUSTOM!r}; got None")
        return ion, check.scalar("z", check.nonzero("z", z))
    if ion not in IONS:
        raise ValueError(f"ion must be one of {[*IONS, CUSTOM]}; got {ion!r}")
    if z is not None and z != IONS[ion].z:
        raise ValueError(
            f"z must be {_signed(IONS[ion].z)} for {IONS[ion].label} "
            f"(or use ion={CUSTOM!r}); got {z!r}"
        )
    return ion, IONS[ion].z


def _decades(ratios):
    """Return the powers of ten spanned by the ratio axis, with room around each point."""
    logs = np.log10(ratios)
    lo = min(MIN_DECADES[0], np.floor(logs.min() - 0.3))
    hi = max(MIN_DECADES[1], np.ceil(logs.max() + 0.3))
    return int(lo), int(hi)


def _set_limits_if_changed(ax, xlim, ylim):
    # Setting a limit, even to the same value, marks the figure stale (full redraw).
    if not np.allclose(ax.get_xlim(), xlim):
        ax.set_xlim(xlim)
    if not np.allclose(ax.get_ylim(), ylim):
        ax.set_ylim(ylim)


def _ion_name(ion, z):
    if ion in IONS:
        return f"{IONS[ion].label} ({ION_NAMES[ion]})"
    return f"a custom ion of valence {_signed(z)}"


def _signed(z):
    return format_number(z, 0, signed=True)


def _celsius(T):
    return f"{format_number(kelvin_to_celsius(T), 1)} °C"
