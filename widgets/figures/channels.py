"""The channels explorers' figures: the selectivity filter's energetics and the resting I-V curve.

:class:`SelectivityFigure` draws the free energy of moving each alkali cation from
water into a filter site against the site's size, with the chosen site marked.
:class:`RestFigure` draws the steady-state current-voltage curve of a membrane
with leak and voltage-gated channels, its parts, and its rest points, filled
when stable and open when unstable. Both are built once and updated in place.
"""

import dataclasses
from functools import partial

import numpy as np

from widgets import validation as check
from widgets.constants import BODY_TEMPERATURE, GAS_CONSTANT, kelvin_to_celsius
from widgets.data.ions import ALKALI_IONS, IONS
from widgets.figures.agg import AggRenderer, new_figure
from widgets.figures.palette import (
    ION_COLOURS,
    MUTED_COLOUR,
    NEUTRAL_COLOUR,
    OTHER_CATION_STYLES,
)
from widgets.formatting import MV_PER_V, format_millivolts, format_number, format_power_of_ten
from widgets.physics.channels import (
    HH_V_REST,
    RestingMembrane,
    membrane_currents,
    permeability_from_conductance,
    rest_points,
    slope_conductance,
)
from widgets.physics.selectivity import (
    ANGSTROM,
    IONIC_RADIUS,
    K_SITE_RADIUS,
    N_LIGANDS,
    OXYGEN_RADIUS,
    selectivity_ratio,
    transfer_free_energy,
)

# Display formats shared by the figures (widgets.formatting).
_mv = partial(format_millivolts, signed=True)

KJ = 1e3  # J per kJ
MS_PER_CM2 = 10.0  # S/m^2 per mS/cm^2
UA_PER_CM2 = 0.01  # A/m^2 per uA/cm^2
READOUT_BASELINE = 0.925  # figure fraction, in the margin above the axes

SITE_RANGE = (1.9 * ANGSTROM, 3.5 * ANGSTROM)  # m: from Li+ contact to wider than Cs+ contact
ENERGY_LIMITS_KJ = (-100.0, 200.0)  # kJ/mol: K+ in a K+ site with 4 to 10 ligands stays inside
SITE_POINTS = 321
MARKERS = {"Li": "s", "Rb": "^", "Cs": "D"}  # Na+ and K+ are told apart by colour, these by shape


def _kj(joules):
    return format_number(joules / KJ, 1, signed=True)


class SelectivityFigure:
    """Transfer free energies of Li+, Na+, K+, Rb+ and Cs+ into a filter site.

    Parameters
    ----------
    site_radius : float, optional
        Centre-to-oxygen distance of the site in m (default: K+ contact, 2.73 angstrom).
    n_ligands : int, optional
        Number of coordinating carbonyl oxygens (default 8).
    T : float, optional
        Absolute temperature in K for the selectivity ratio (default 310.15 K).

    Attributes
    ----------
    fig : matplotlib.figure.Figure
        The figure, white, 6.4 x 3.6 in, unknown to pyplot.
    ax : matplotlib.axes.Axes
        Site radius (angstrom) against transfer free energy (kJ/mol).
    curves, markers : dict of str to matplotlib.lines.Line2D
        Per ion: the transfer free energy against site radius, and its value at the
        chosen site.
    site_line : matplotlib.lines.Line2D
        A vertical line at the chosen site radius.
    ddg_text, ratio_text : matplotlib.text.Text
        The numbers of the readout above the axes, ``+24.2 kJ/mol`` and ``1.2 × 10⁴``,
        each after a label that does not change (only the numbers are redrawn).
    site_radius, n_ligands, T : float, int, float
        The values drawn (m, count, K).
    transfer : dict of str to float
        Transfer free energy of each ion into the chosen site, in J/mol.
    delta_delta_g, ratio, log10_ratio : float
        The K+ over Na+ preference in J/mol, its Boltzmann factor (0 or inf where it
        leaves the range of a float) and that factor's decimal logarithm.

    Raises
    ------
    ValueError
        If ``site_radius`` is outside 1.9 to 3.5 angstrom, ``n_ligands`` is not a
        positive integer or ``T`` is not above 0 K.

    Notes
    -----
    .. math:: \\Delta G_\\mathrm{tr} = G_\\mathrm{site}(r, d, N) - \\Delta G_\\mathrm{hyd}(r),
        \\qquad \\frac{p_K}{p_{Na}} = e^{(\\Delta G_\\mathrm{tr,Na} - \\Delta G_\\mathrm{tr,K})/RT}

    computed by :func:`widgets.physics.selectivity.transfer_free_energy` and
    :func:`~widgets.physics.selectivity.selectivity_ratio`.

    Examples
    --------
    >>> figure = SelectivityFigure()
    >>> figure.summary()
    'Site 2.73 Å with 8 oxygens: Na⁺ pays 24.2 kJ/mol more than K⁺ to enter, so the
    site holds K⁺ over Na⁺ by 1.2 × 10⁴ to 1 at 37 °C.'
    >>> figure.update(site_radius=2.35e-10)
    >>> round(figure.delta_delta_g / 1e3, 1)
    -206.8
    """

    def __init__(self, site_radius=K_SITE_RADIUS, n_ligands=N_LIGANDS, T=BODY_TEMPERATURE):
        self.fig = new_figure()
        self.ax = self.fig.add_subplot()
        self._site_axis = np.linspace(*SITE_RANGE, SITE_POINTS)
        self._build_artists()
        self.n_ligands = None  # nothing drawn yet
        self._draw(site_radius, n_ligands, T)
        self._renderer = AggRenderer(
            self.fig,
            [
                *self.curves.values(),
                self.site_line,
                *self.markers.values(),
                self.ddg_text,
                self.ratio_text,
            ],
        )

    def update(self, site_radius=None, n_ligands=None):
        """Draw new values; an argument left as None keeps its current value.

        Parameters
        ----------
        site_radius : float, optional
            Centre-to-oxygen distance in m.
        n_ligands : int, optional
            Number of coordinating oxygens.

        Raises
        ------
        ValueError
            For an invalid value; nothing drawn changes then.
        """
        self._draw(
            self.site_radius if site_radius is None else site_radius,
            self.n_ligands if n_ligands is None else n_ligands,
            self.T,
        )

    def png(self):
        """Return the figure as PNG bytes (640 x 360 px), redrawing only what changed."""
        return self._renderer.png()

    def best_ion(self):
        """Return the key of the ion with the lowest transfer free energy into the site."""
        return min(self.transfer, key=self.transfer.get)

    def summary(self):
        """Return the readout in words: the K+ over Na+ preference and its ratio."""
        site = f"Site {self.site_radius / ANGSTROM:.2f} Å with {self.n_ligands} oxygens: "
        k, na = ALKALI_IONS["K"].label, ALKALI_IONS["Na"].label
        if self.delta_delta_g < 0:
            k, na = na, k  # the site prefers Na+: say it that way round
        cost = format_number(abs(self.delta_delta_g) / KJ, 1)
        ratio = format_power_of_ten(abs(self.log10_ratio))
        temperature = format_number(kelvin_to_celsius(self.T), 0)
        text = (
            f"{site}{na} pays {cost} kJ/mol more than {k} to enter, so the site holds {k} "
            f"over {na} by {ratio} to 1 at {temperature} °C."
        )
        preferred = min(self.transfer["K"], self.transfer["Na"])
        if preferred > 0:
            text += f" But even {k} pays {_kj(preferred)} kJ/mol: it stays in the water."
        return text

    def parameters(self):
        """Return the values drawn as display strings, keyed by their names."""
        values = {
            "site radius (centre to oxygen)": f"{self.site_radius / ANGSTROM:.2f} Å",
            "coordinating oxygens": str(self.n_ligands),
        }
        for ion, energy in self.transfer.items():
            values[f"transfer free energy, {ALKALI_IONS[ion].label}"] = f"{_kj(energy)} kJ/mol"
        values["K⁺ over Na⁺, ΔΔG"] = f"{_kj(self.delta_delta_g)} kJ/mol"
        values["K⁺ : Na⁺ ratio e^(ΔΔG/RT)"] = format_power_of_ten(self.log10_ratio)
        return values

    def alt_text(self):
        """Describe the figure and its current numbers in words, for screen readers."""
        best = self.best_ion()
        energies = ", ".join(
            f"{ALKALI_IONS[ion].label} {_kj(energy)}" for ion, energy in self.transfer.items()
        )
        text = (
            "Transfer free energy from water into a filter site, in kJ/mol, against the "
            "site's centre-to-oxygen distance from "
            f"{SITE_RANGE[0] / ANGSTROM:.1f} to {SITE_RANGE[1] / ANGSTROM:.1f} Å, one curve "
            "per alkali cation. Each curve has its minimum where the site fits that ion "
            "snugly, larger ions further right. A vertical line marks the chosen site, "
            f"{self.site_radius / ANGSTROM:.2f} Å with {self.n_ligands} oxygens, where the "
            f"transfer free energies are: {energies} kJ/mol. "
            f"{ALKALI_IONS[best].label} enters most easily. {self.summary()}"
        )
        if self.transfer[best] > 0:
            text += " Every ion pays to enter: even the best fit stays in the water."
        return text

    def _build_artists(self):
        ax = self.ax
        ax.grid(True, color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
        ax.axhline(0.0, color=MUTED_COLOUR, linewidth=0.8, zorder=1)
        self.curves, self.markers = {}, {}
        for ion, spec in ALKALI_IONS.items():
            style = OTHER_CATION_STYLES.get(ion, {"color": ION_COLOURS.get(ion), "linestyle": "-"})
            width = 2.4 if ion in ION_COLOURS else 1.6
            (self.curves[ion],) = ax.plot(
                [], [], label=spec.label, linewidth=width, zorder=3, **style
            )
            (self.markers[ion],) = ax.plot(
                [],
                [],
                linestyle="none",
                marker=MARKERS.get(ion, "o"),
                markersize=8,
                markerfacecolor=style["color"],
                markeredgecolor="white",
                zorder=5,
                clip_on=False,
            )
        self.site_line = ax.axvline(SITE_RANGE[0] / ANGSTROM, color=NEUTRAL_COLOUR, linewidth=1)
        self.site_line.set_linestyle("--")
        self.site_line.set_zorder(4)
        for ion in ("Na", "K"):  # where the snug sites of the two ions of the chapter lie
            contact = (IONIC_RADIUS[ion] + OXYGEN_RADIUS) / ANGSTROM
            ax.annotate(
                f"{ALKALI_IONS[ion].label} fits",
                (contact, ENERGY_LIMITS_KJ[0]),
                xytext=(0, 4),
                textcoords="offset points",
                ha="center",
                fontsize=8,
                color=ION_COLOURS[ion],
            )
        # Glyphs cost time to draw: only the numbers change, after labels drawn once.
        self.ddg_text = _label_then_value(self.fig, 0.015, "ΔΔG(Na⁺ − K⁺) = ")
        self.ratio_text = _label_then_value(self.fig, 0.5, "K⁺ : Na⁺ = ")
        ax.set_xlim(SITE_RANGE[0] / ANGSTROM, SITE_RANGE[1] / ANGSTROM)
        ax.set_ylim(*ENERGY_LIMITS_KJ)
        ax.set_xlabel("site radius, centre to oxygen (Å)")
        ax.set_ylabel("water → site, ΔG (kJ/mol)")
        ax.legend(loc="upper right", fontsize=9, framealpha=0.9, ncols=5, handlelength=2.2)

    def _draw(self, site_radius, n_ligands, T):
        site_radius = check.scalar("site_radius", site_radius)
        if not SITE_RANGE[0] <= site_radius <= SITE_RANGE[1] * (1 + 1e-12):
            raise ValueError(
                f"site_radius must be from {SITE_RANGE[0]:.3g} to {SITE_RANGE[1]:.3g} m; "
                f"got {site_radius!r}"
            )
        n_ligands = check.integer("n_ligands", n_ligands, minimum=1)
        T = float(check.temperature(check.scalar("T", T)))
        radii = np.array(list(IONIC_RADIUS.values()))
        transfer = transfer_free_energy(radii, site_radius, n_ligands)
        # Every input is valid: only now change what is drawn.
        if n_ligands != self.n_ligands:
            curves = transfer_free_energy(radii[:, None], self._site_axis, n_ligands)
            for ion, curve in zip(IONIC_RADIUS, curves, strict=True):
                self.curves[ion].set_data(self._site_axis / ANGSTROM, curve / KJ)
        self.site_radius, self.n_ligands, self.T = site_radius, n_ligands, T
        self.transfer = dict(zip(IONIC_RADIUS, map(float, transfer), strict=True))
        self.delta_delta_g = self.transfer["Na"] - self.transfer["K"]
        with np.errstate(over="ignore"):  # inf beyond the range of a float: log10_ratio says it
            self.ratio = selectivity_ratio(self.delta_delta_g, T)
        self.log10_ratio = self.delta_delta_g / (GAS_CONSTANT * T * np.log(10.0))
        self.site_line.set_xdata([site_radius / ANGSTROM] * 2)
        low, high = ENERGY_LIMITS_KJ
        for ion, energy in self.transfer.items():
            # An energy off the axes is marked at its edge, so every ion stays visible.
            self.markers[ion].set_data([site_radius / ANGSTROM], [np.clip(energy / KJ, low, high)])
        self.ddg_text.set_text(f"{_kj(self.delta_delta_g)} kJ/mol")
        self.ratio_text.set_text(f"{format_power_of_ten(self.log10_ratio)} : 1")


# The rest explorer's membrane: the squid giant axon of widgets.physics.channels, and the
# same membrane with about three times Hodgkin and Huxley's Na+ channels (illustrative).
SQUID = RestingMembrane()
SODIUM_RICH = dataclasses.replace(SQUID, g_na_max=3500.0)
V_RANGE = (-0.100, 0.020)  # V, the potentials drawn
V_POINTS = 241  # 0.5 mV apart
CURRENT_LIMIT_UA = 12.0  # uA/cm^2, each way: the rest region, not the large currents far from it
REST_SCAN = (-0.15, 0.08)  # V, where rest points are sought (those off the plot are named)


def k_leak_conductance(p_k, membrane=SQUID):
    """Return the slope conductance of a K+ leak at -65 mV in S/m^2, the explorer's measure.

    Parameters
    ----------
    p_k : float
        K+ leak permeability in m/s.
    membrane : RestingMembrane, optional
        Its concentrations and temperature are used (default: the squid axon).

    Returns
    -------
    float
        Slope conductance in S/m^2.

    Examples
    --------
    >>> round(k_leak_conductance(SQUID.p_leak["K"]) / MS_PER_CM2, 4)  # mS/cm^2
    0.1537
    """
    c_out, c_in = membrane.c_out["K"], membrane.c_in["K"]
    return slope_conductance(HH_V_REST, p_k, c_out, c_in, IONS["K"].z, membrane.T)


def _current_ua(current):
    return current / UA_PER_CM2


def _ms(g, decimals=3):
    return f"{format_number(g / MS_PER_CM2, decimals)} mS/cm²"


class RestFigure:
    """The steady-state I-V curve of a membrane with leaks and voltage-gated channels.

    Parameters
    ----------
    g_k_leak : float, optional
        K+ leak conductance in S/m^2, as the slope conductance at -65 mV (default:
        the squid axon's, 1.54 S/m^2 = 0.154 mS/cm^2).
    g_na_max, g_k_max : float, optional
        Maximal conductances of the voltage-gated Na+ and K+ channels in S/m^2
        (defaults: Hodgkin and Huxley's 1200 and 360 S/m^2).
    membrane : RestingMembrane, optional
        Concentrations, temperature and the other leaks (default: the squid axon).

    Attributes
    ----------
    fig : matplotlib.figure.Figure
        The figure, white, 6.4 x 3.6 in, unknown to pyplot.
    ax : matplotlib.axes.Axes
        Membrane potential (mV) against current density (uA/cm^2, outward positive).
    total, k_leak, other_leaks, na_gated, k_gated : matplotlib.lines.Line2D
        The total steady-state current and its parts.
    stable_points, unstable_points : matplotlib.lines.Line2D
        The rest points: filled circles where stable, open circles where unstable.
    readout_text : matplotlib.text.Text
        The potentials of the rest points above the axes, after a fixed label.
    membrane : RestingMembrane
        The membrane drawn.
    points : list of widgets.physics.channels.RestPoint
        Its rest points from -150 to +80 mV.

    Raises
    ------
    ValueError
        If a conductance is negative or not a single number.

    Notes
    -----
    .. math:: I(V) = \\sum_\\mathrm{leaks} I_\\mathrm{GHK}(V)
        + \\bar g_{Na} m_\\infty^3 h_\\infty (V - E_{Na}) + \\bar g_K n_\\infty^4 (V - E_K) = 0

    at a rest point, which is stable where :math:`dI/dV > 0`
    (:func:`widgets.physics.channels.rest_points`).

    Examples
    --------
    >>> figure = RestFigure()
    >>> figure.summary()
    'One rest point: −66.1 mV, stable (slope conductance +0.883 mS/cm²).'
    >>> figure.update(g_na_max=3500.0)
    >>> [point.stable for point in figure.points]
    [True, False, True]
    """

    def __init__(self, g_k_leak=None, g_na_max=None, g_k_max=None, membrane=SQUID):
        if not isinstance(membrane, RestingMembrane):
            raise ValueError(f"membrane must be a RestingMembrane; got {membrane!r}")
        self.base = membrane
        self.fig = new_figure()
        self.ax = self.fig.add_subplot()
        self._v = np.linspace(*V_RANGE, V_POINTS)
        self._build_artists()
        self._draw(
            k_leak_conductance(membrane.p_leak["K"], membrane) if g_k_leak is None else g_k_leak,
            membrane.g_na_max if g_na_max is None else g_na_max,
            membrane.g_k_max if g_k_max is None else g_k_max,
        )
        self._renderer = AggRenderer(
            self.fig,
            [
                self.other_leaks,
                self.k_leak,
                self.na_gated,
                self.k_gated,
                self.total,
                self.stable_points,
                self.unstable_points,
                self.readout_text,
            ],
        )

    def update(self, g_k_leak=None, g_na_max=None, g_k_max=None):
        """Draw new conductances (S/m^2); an argument left as None keeps its value.

        Raises
        ------
        ValueError
            For an invalid value; nothing drawn changes then.
        """
        self._draw(
            self.g_k_leak if g_k_leak is None else g_k_leak,
            self.membrane.g_na_max if g_na_max is None else g_na_max,
            self.membrane.g_k_max if g_k_max is None else g_k_max,
        )

    def png(self):
        """Return the figure as PNG bytes (640 x 360 px), redrawing only what changed."""
        return self._renderer.png()

    def summary(self):
        """Return the rest points in words, e.g. ``'One rest point: −66.1 mV, stable ...'``."""
        if not self.points:
            scan = " and ".join(f"{v * MV_PER_V:+.0f} mV" for v in REST_SCAN)
            return (
                f"No rest point between {scan.replace('-', '−')}: the current never crosses zero."
            )
        if len(self.points) == 1:
            (point,) = self.points
            state = "stable" if point.stable else "unstable"
            slope = format_number(point.slope_conductance / MS_PER_CM2, 3, signed=True)
            text = f"One rest point: {_mv(point.v)}, {state} (slope conductance {slope} mS/cm²)"
        else:
            listed = ", ".join(
                f"{_mv(p.v)} {'stable' if p.stable else 'unstable (a threshold)'}"
                for p in self.points
            )
            text = f"{_count(len(self.points))} rest points: {listed}"
        off_plot = [p for p in self.points if not V_RANGE[0] <= p.v <= V_RANGE[1]]
        if off_plot:
            text += f"; {len(off_plot)} outside the plotted range"
        return text + "."

    def parameters(self):
        """Return the values drawn as display strings, keyed by their names."""
        return {
            "K⁺ leak conductance (at −65 mV)": _ms(self.g_k_leak),
            "Na⁺ channels, maximal conductance ḡ_Na": _ms(self.membrane.g_na_max, 0),
            "K⁺ channels, maximal conductance ḡ_K": _ms(self.membrane.g_k_max, 0),
            "rest points": "; ".join(
                f"{_mv(p.v)}, {'stable' if p.stable else 'unstable'}" for p in self.points
            ),
        }

    def alt_text(self):
        """Describe the figure and its current numbers in words, for screen readers."""
        return (
            "Steady-state current-voltage curve of a squid-axon membrane: current density in "
            f"µA/cm² (outward positive, axis cut at ±{CURRENT_LIMIT_UA:g}) against membrane "
            f"potential from {V_RANGE[0] * MV_PER_V:.0f} to {V_RANGE[1] * MV_PER_V:+.0f} mV. "
            "Thin lines show the parts: the K⁺ leak, the Na⁺ and Cl⁻ leaks, and the "
            "voltage-gated Na⁺ and K⁺ channels at their steady-state open probabilities; the "
            "thick black line is their sum. Where it crosses zero the membrane can rest: "
            "filled circles mark stable rest points, where the curve rises, open circles "
            f"unstable ones, where it falls. K⁺ leak {_ms(self.g_k_leak)}, "
            f"ḡ_Na {_ms(self.membrane.g_na_max, 0)}, ḡ_K {_ms(self.membrane.g_k_max, 0)}. "
            + self.summary()
        )

    def _build_artists(self):
        ax = self.ax
        ax.grid(True, color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
        ax.axhline(0.0, color=MUTED_COLOUR, linewidth=0.9, zorder=1)
        (self.other_leaks,) = ax.plot(
            [], [], color=MUTED_COLOUR, linestyle="--", linewidth=1.3, label="Na⁺, Cl⁻ leaks"
        )
        (self.k_leak,) = ax.plot(
            [], [], color=ION_COLOURS["K"], linestyle="--", linewidth=1.5, label="K⁺ leak"
        )
        (self.na_gated,) = ax.plot(
            [], [], color=ION_COLOURS["Na"], linewidth=1.5, label="gated Na⁺"
        )
        (self.k_gated,) = ax.plot([], [], color=ION_COLOURS["K"], linewidth=1.5, label="gated K⁺")
        (self.total,) = ax.plot([], [], color=NEUTRAL_COLOUR, linewidth=2.6, label="total")
        marker = {"linestyle": "none", "marker": "o", "markersize": 9, "zorder": 6}
        (self.stable_points,) = ax.plot([], [], color=NEUTRAL_COLOUR, label="stable rest", **marker)
        (self.unstable_points,) = ax.plot(
            [],
            [],
            markerfacecolor="white",
            markeredgecolor=NEUTRAL_COLOUR,
            markeredgewidth=2,
            label="unstable",
            **marker,
        )
        self.readout_text = _label_then_value(self.fig, 0.015, "rest points (mV): ")
        ax.set_xlim(V_RANGE[0] * MV_PER_V, V_RANGE[1] * MV_PER_V)
        ax.set_ylim(-CURRENT_LIMIT_UA, CURRENT_LIMIT_UA)
        ax.set_xlabel("membrane potential V (mV)")
        ax.set_ylabel("current (µA/cm², outward +)")
        ax.legend(loc="upper left", fontsize=8, framealpha=0.9, ncols=2)

    def _draw(self, g_k_leak, g_na_max, g_k_max):
        g_k_leak = float(check.non_negative("g_k_leak", check.scalar("g_k_leak", g_k_leak)))
        base = self.base
        p_k = permeability_from_conductance(
            g_k_leak, HH_V_REST, base.c_out["K"], base.c_in["K"], IONS["K"].z, base.T
        )
        membrane = dataclasses.replace(
            base,
            p_leak={**base.p_leak, "K": float(p_k)},
            g_na_max=check.scalar("g_na_max", g_na_max),
            g_k_max=check.scalar("g_k_max", g_k_max),
        )  # validates the conductances
        points = rest_points(membrane, *REST_SCAN)
        parts = membrane_currents(self._v, membrane)
        # Every input is valid: only now change what is drawn.
        self.g_k_leak, self.membrane, self.points = g_k_leak, membrane, points
        v_mV = self._v * MV_PER_V
        others = sum(parts[f"{ion} leak"] for ion in membrane.p_leak if ion != "K")
        for line, current in (
            (self.other_leaks, others),
            (self.k_leak, parts["K leak"]),
            (self.na_gated, parts["Na gated"]),
            (self.k_gated, parts["K gated"]),
            (self.total, sum(parts.values())),
        ):
            line.set_data(v_mV, _current_ua(current))
        shown = [p for p in points if V_RANGE[0] <= p.v <= V_RANGE[1]]
        for line, stable in ((self.stable_points, True), (self.unstable_points, False)):
            v_rest = [p.v * MV_PER_V for p in shown if p.stable == stable]
            line.set_data(v_rest, np.zeros(len(v_rest)))
        self.readout_text.set_text(
            ", ".join(format_number(p.v * MV_PER_V, 1) for p in points) or "none"
        )


def _label_then_value(fig, x, label):
    """Draw a fixed label above the axes; return the text that follows it, for a value."""
    label = fig.text(x, READOUT_BASELINE, label, fontsize=10)
    right = label.get_window_extent(fig.canvas.get_renderer()).x1
    x_value = fig.transFigure.inverted().transform((right, 0.0))[0]
    return fig.text(x_value, READOUT_BASELINE, "", fontsize=10)


def _count(n):
    return {2: "Two", 3: "Three", 4: "Four", 5: "Five"}.get(n, str(n))
