"""The screening figure: potential and ions across bath, membrane and cytosol.

Two panels share a position axis in nanometres, bath on the left, cytosol on the
right, the membrane shaded between them. The top panel draws the potential
phi(x) with a dotted line one Debye length from each face; the bottom panel the
salt's cation and anion concentrations on a logarithmic axis (none inside the
membrane). The profile is the exact two-layer Gouy-Chapman solution
(:func:`widgets.physics.membrane_gouy_chapman`), evaluated on a grid that is
finest at the faces. The view is either the nanometres next to the membrane or
the whole ion clouds (a few Debye lengths of the more dilute side, rounded up to
one of a few fixed widths so that the axes rarely change).
"""

import numpy as np
from matplotlib.ticker import NullLocator

from widgets import validation as check
from widgets.constants import ELEMENTARY_CHARGE, kelvin_to_celsius
from widgets.figures.agg import AggRenderer, new_figure
from widgets.figures.palette import (
    ANION_COLOUR,
    CATION_COLOUR,
    MEMBRANE_COLOUR,
    MUTED_COLOUR,
    NEUTRAL_COLOUR,
)
from widgets.formatting import MV_PER_V, format_number
from widgets.physics import membrane_gouy_chapman, water_relative_permittivity

NM = 1e-9  # m per nm
E_PER_NM2 = ELEMENTARY_CHARGE / NM**2  # C/m^2 of one elementary charge per nm^2
VIEWS = ("near", "wide")
NEAR_HALF_WIDTH_NM = 10.0  # the "near" view: 10 nm of water on each side
# Half-widths (nm) the "wide" view may take; it picks the smallest that holds
# WIDE_DEBYE_LENGTHS of the more dilute side. Few steps: each is a new background.
WIDE_HALF_WIDTHS_NM = tuple(m * 10.0**k for k in range(1, 6) for m in (1, 3))
WIDE_DEBYE_LENGTHS = 6.0
POINTS_PER_SIDE = 240
GRID_STRETCH = 5.0  # spacing grows e^5-fold from the face outwards
PHI_STEP_MV = 50.0  # potential axis limits move in steps of this
MIN_PHI_LIMITS_MV = (-100.0, 50.0)
MAX_DECADES = 9  # the concentration axis spans at most this many decades
FIGSIZE = (6.4, 4.4)  # in: 640 x 440 px
MARGINS = {"left": 0.12, "right": 0.97, "bottom": 0.105, "top": 0.875, "hspace": 0.12}
READOUT_BASELINE = 0.945  # figure fraction of the readout line, above the panels


class ScreeningFigure:
    """Potential and ion concentrations across bath | membrane | cytosol, updated in place.

    Parameters
    ----------
    c_salt : float, optional
        Bath concentration of a 1:1 salt (or the ionic strength of the bath) in
        mol/m^3 (= mM); default 150.
    c_cytosol : float, optional
        The same for the cytosol, in mol/m^3 (default 150).
    v : float, optional
        Membrane potential phi_in - phi_out in V (default -0.070).
    sigma_out, sigma_in : float, optional
        Fixed charge per area of the outer and inner faces in C/m^2 (default 0).
    T : float, optional
        Absolute temperature in K, 273.15 to 373.15 K (default 310.15 K); the
        permittivity of water follows it.
    view : str, optional
        ``"near"`` (10 nm of water each side) or ``"wide"`` (the whole ion clouds).

    Attributes
    ----------
    fig : matplotlib.figure.Figure
        The figure, white, 6.4 x 4.4 in, unknown to pyplot.
    ax_phi, ax_ions : matplotlib.axes.Axes
        Top: potential in mV. Bottom: concentrations in mM (log scale). Both
        against position in nm, the membrane centred on 0.
    phi_line, cation_line, anion_line : matplotlib.lines.Line2D
        The drawn profiles (x in nm; mV; mM). Inside the membrane the
        concentrations are NaN (no line).
    debye_lines : tuple of matplotlib.lines.Line2D
        Dotted lines one Debye length from the outer and the inner face.
    solution : widgets.physics.GouyChapmanMembrane
        The solution drawn.
    c_salt, c_cytosol, v, sigma_out, sigma_in, T, view
        The values drawn; change them through :meth:`update`.

    Raises
    ------
    ValueError
        If a value is out of range (see :meth:`update`).

    Examples
    --------
    >>> figure = ScreeningFigure()
    >>> figure.summary()[:50]
    'Membrane itself: −68.4 mV of V = −70.0 mV (97.7 %)'
    >>> figure.update(c_salt=1.0)  # a dilute bath takes more of the voltage
    >>> round(figure.solution.membrane_voltage / figure.v, 3)
    0.865
    """

    def __init__(
        self,
        c_salt=150.0,
        c_cytosol=150.0,
        v=-0.070,
        sigma_out=0.0,
        sigma_in=0.0,
        T=310.15,
        view="near",
    ):
        self.fig = new_figure(figsize=FIGSIZE, margins=MARGINS)
        self.ax_phi, self.ax_ions = self.fig.subplots(2, 1, sharex=True)
        self.view = None
        self._build_artists()
        self._draw(c_salt, c_cytosol, v, sigma_out, sigma_in, T, view)
        self._renderer = AggRenderer(self.fig, self._dynamic(), state=self._static_state)

    # -- public ---------------------------------------------------------------------------

    def update(self, **values):
        """Draw new values; a value not given keeps its current value.

        Parameters
        ----------
        **values
            Any of ``c_salt``, ``c_cytosol`` (mol/m^3), ``v`` (V), ``sigma_out``,
            ``sigma_in`` (C/m^2), ``T`` (K) and ``view`` (``"near"`` or ``"wide"``).

        Raises
        ------
        ValueError
            For an unknown name or an invalid value; nothing drawn changes then.
        """
        unknown = sorted(set(values) - set(self._values()))
        if unknown:
            raise ValueError(f"values must be among {list(self._values())}; got {unknown}")
        self._draw(**(self._values() | values))

    def png(self):
        """Return the figure as PNG bytes (640 x 440 px), redrawing only what changed.

        Returns
        -------
        bytes
            An RGB PNG image.
        """
        return self._renderer.png()

    @property
    def membrane_share(self):
        """Share of ``v`` across the membrane itself (dimensionless), NaN when v = 0."""
        m = self.solution
        return m.membrane_voltage / m.v if m.v != 0.0 else float("nan")

    def summary(self):
        """Return the readout in one line of plain text.

        Returns
        -------
        str
            The membrane's share of the voltage, both Debye lengths, both surface
            potentials and the net charge of both diffuse layers.
        """
        m = self.solution
        return (
            f"{self._share_text()}; λ_D = {_length(m.debye_length_out)} (bath), "
            f"{_length(m.debye_length_in)} (cytosol); surface potentials "
            f"{_mV(m.surface_potential_out)} (outer face), {_mV(m.surface_potential_in)} "
            f"(inner face); diffuse layers {_charge(m.charge_out)} (bath), "
            f"{_charge(m.charge_in)} (cytosol)"
        )

    def parameters(self):
        """Return the values drawn and the results, as display strings keyed by name.

        Returns
        -------
        dict of str to str
        """
        m = self.solution
        return {
            "bath salt (ionic strength)": f"{_number(self.c_salt)} mM",
            "cytosol salt (ionic strength)": f"{_number(self.c_cytosol)} mM",
            "membrane potential V": _mV(self.v),
            "outer-face charge": _surface_charge(self.sigma_out),
            "inner-face charge": _surface_charge(self.sigma_in),
            "temperature": f"{format_number(kelvin_to_celsius(self.T), 1)} °C",
            "Debye length, bath": _length(m.debye_length_out),
            "Debye length, cytosol": _length(m.debye_length_in),
            "voltage across the membrane itself": f"{_mV(m.membrane_voltage)} ({self._share()})",
            "surface potential, outer face (vs bath)": _mV(m.surface_potential_out),
            "surface potential, inner face (vs cytosol)": _mV(m.surface_potential_in),
            "net ionic charge, bath layer": _charge(m.charge_out, ions=True),
            "net ionic charge, cytosol layer": _charge(m.charge_in, ions=True),
        }

    def alt_text(self):
        """Describe the figure and its current numbers in words, for screen readers.

        Returns
        -------
        str
            A few sentences: axes, the potential drops, the Debye lengths, the ions.
        """
        m = self.solution
        lo, hi = self.ax_phi.get_xlim()
        half = 0.5 * m.thickness / NM
        _, (c_out_face, c_in_face), (a_out_face, a_in_face) = m.profile([-half * NM, half * NM])
        return (
            f"Two panels against position from {_number(lo)} to {_number(hi)} nm: the bath "
            f"on the left, the membrane from {format_number(-half, 2)} to "
            f"{format_number(half, 2)} nm, the cytosol on the right. Top: the potential "
            f"falls from 0 mV in the bulk bath to {_mV(self.v)} in the bulk cytosol; "
            f"{_mV(-m.surface_potential_out)} of the change happens across the bath's diffuse "
            f"layer, {_mV(m.membrane_voltage)} across the membrane and "
            f"{_mV(-m.surface_potential_in)} across the cytosol's diffuse layer. Dotted lines "
            f"mark one Debye length from each face: {_length(m.debye_length_out)} in the bath, "
            f"{_length(m.debye_length_in)} in the cytosol. Bottom, on a logarithmic axis: "
            f"cations {_number(c_out_face)} mM and anions {_number(a_out_face)} mM at the outer "
            f"face (bulk {_number(self.c_salt)} mM); cations {_number(c_in_face)} mM and "
            f"anions {_number(a_in_face)} mM at the inner face (bulk "
            f"{_number(self.c_cytosol)} mM); no ions inside the membrane."
        )

    # -- building --------------------------------------------------------------------------

    def _build_artists(self):
        ax_phi, ax_ions = self.ax_phi, self.ax_ions
        for ax in (ax_phi, ax_ions):
            ax.grid(True, color="#e4e4e4", linewidth=0.6)
            ax.set_axisbelow(True)
            ax.axvspan(0, 0, color=MEMBRANE_COLOUR, alpha=0.25, lw=0)  # widened when drawn
        ax_phi.axhline(0.0, color=MUTED_COLOUR, linewidth=0.8, zorder=1)
        ax_ions.set_yscale("log")
        ax_phi.set_ylabel("potential φ (mV)")
        ax_ions.set_ylabel("concentration (mM)")
        ax_ions.set_xlabel("position x (nm): bath ← membrane → cytosol")
        (self.phi_line,) = ax_phi.plot([], [], color=NEUTRAL_COLOUR, linewidth=2.0, zorder=4)
        (self.v_guide,) = ax_phi.plot([], [], color=MUTED_COLOUR, linewidth=0.8, ls="--")
        self.debye_lines = tuple(
            ax_phi.plot([], [], color=MUTED_COLOUR, linewidth=1.2, ls=":", zorder=3)[0]
            for _ in range(2)
        )
        self.debye_labels = tuple(
            ax_phi.text(0, 0, r"$\lambda_D$", fontsize=10, color=MUTED_COLOUR, ha=ha, va="bottom")
            for ha in ("right", "left")
        )
        (self.cation_line,) = ax_ions.plot(
            [], [], color=CATION_COLOUR, linewidth=2.0, label="cations", zorder=4
        )
        (self.anion_line,) = ax_ions.plot(
            [], [], color=ANION_COLOUR, linewidth=2.0, ls="--", label="anions", zorder=4
        )
        # In the margin above the panels, where no curve can run under it.
        self.legend = self.fig.legend(
            handles=[self.cation_line, self.anion_line],
            loc="center right",
            bbox_to_anchor=(MARGINS["right"], READOUT_BASELINE + 0.01),
            ncols=2,
            fontsize=9,
            frameon=False,
        )
        self.region_labels = tuple(
            ax_phi.text(x, 1.02, text, transform=ax_phi.transAxes, ha=ha, fontsize=9)
            for x, text, ha in ((0.0, "bath (outside)", "left"), (1.0, "cytosol (inside)", "right"))
        )
        # Short: every glyph of a dynamic text is rendered again at each update.
        self.readout_text = self.fig.text(0.015, READOUT_BASELINE, "", fontsize=10)

    def _dynamic(self):
        return [
            self.phi_line,
            self.v_guide,
            *self.debye_lines,
            *self.debye_labels,
            self.cation_line,
            self.anion_line,
            self.readout_text,
        ]

    # -- drawing ---------------------------------------------------------------------------

    def _values(self):
        return {
            "c_salt": self.c_salt,
            "c_cytosol": self.c_cytosol,
            "v": self.v,
            "sigma_out": self.sigma_out,
            "sigma_in": self.sigma_in,
            "T": self.T,
            "view": self.view,
        }

    def _draw(self, c_salt, c_cytosol, v, sigma_out, sigma_in, T, view):
        if view not in VIEWS:
            raise ValueError(f"view must be one of {list(VIEWS)}; got {view!r}")
        solution = membrane_gouy_chapman(
            check.scalar("v", v),
            check.scalar("c_salt", c_salt),
            check.scalar("c_cytosol", c_cytosol),
            sigma_out=sigma_out,
            sigma_in=sigma_in,
            eps_water=water_relative_permittivity(check.scalar("T", T)),
            T=T,
        )
        half_width = _half_width_nm(view, solution)
        x = _positions(solution.thickness, half_width * NM)
        phi, cation, anion = solution.profile(x)
        # Every input is valid: only now change what is drawn.
        self.c_salt, self.c_cytosol, self.v = float(c_salt), float(c_cytosol), float(v)
        self.sigma_out, self.sigma_in = solution.sigma_out, solution.sigma_in
        self.T, self.view = float(T), view
        self.solution = solution
        core = np.abs(x) < 0.5 * solution.thickness
        x_nm, phi_mV = x / NM, phi * MV_PER_V
        self.phi_line.set_data(x_nm, phi_mV)
        self.cation_line.set_data(x_nm, np.where(core, np.nan, cation))
        self.anion_line.set_data(x_nm, np.where(core, np.nan, anion))
        self._set_limits(half_width, phi_mV, cation, anion, core)
        self._mark_debye_lengths(solution)
        self._write_readout()

    def _set_limits(self, half_width, phi_mV, cation, anion, core):
        ax_phi, ax_ions = self.ax_phi, self.ax_ions
        limits = (-half_width, half_width)
        face = 0.5 * self.solution.thickness / NM
        if not np.allclose(ax_phi.get_xlim(), limits):
            ax_phi.set_xlim(limits)
        self._membrane_band_at(face)
        lo = min(MIN_PHI_LIMITS_MV[0], PHI_STEP_MV * np.floor(phi_mV.min() / PHI_STEP_MV - 0.2))
        hi = max(MIN_PHI_LIMITS_MV[1], PHI_STEP_MV * np.ceil(phi_mV.max() / PHI_STEP_MV + 0.2))
        if not np.allclose(ax_phi.get_ylim(), (lo, hi)):
            ax_phi.set_ylim(lo, hi)
        water = np.concatenate([cation[~core], anion[~core]])
        limits = _log_limits(water.min(), water.max())
        if not np.allclose(ax_ions.get_ylim(), limits):
            ax_ions.set_ylim(limits)
            ticks = _log_ticks(*limits)
            ax_ions.set_yticks(ticks, [f"{t:g}".replace("-", "−") for t in ticks])
            ax_ions.yaxis.set_minor_locator(NullLocator())

    def _membrane_band_at(self, face):
        # One band per axes, built with zero width; widened once to the membrane.
        for ax in (self.ax_phi, self.ax_ions):
            band = ax.patches[0]
            if not np.isclose(band.get_x(), -face):
                band.set_x(-face)
                band.set_width(2 * face)

    def _mark_debye_lengths(self, solution):
        face = 0.5 * solution.thickness / NM
        lo, hi = self.ax_phi.get_ylim()
        ends = (-face - solution.debye_length_out / NM, face + solution.debye_length_in / NM)
        for line, label, x in zip(self.debye_lines, self.debye_labels, ends, strict=True):
            line.set_data([x, x], [lo, hi])
            label.set_position((x, lo + 0.04 * (hi - lo)))
            label.set_visible(abs(x) < self.ax_phi.get_xlim()[1])
        self.v_guide.set_data([face, self.ax_phi.get_xlim()[1]], [self.v * MV_PER_V] * 2)

    def _write_readout(self):
        # The explorer's readout below the controls gives every number; the figure
        # repeats the headline so that a saved image keeps it.
        self.readout_text.set_text(self._share_text())

    def _share(self):
        share = self.membrane_share
        return "no voltage to share" if np.isnan(share) else f"{format_number(100 * share, 1)} %"

    def _share_text(self):
        """Say how much of V the membrane itself carries (a share only without fixed charge)."""
        text = f"Membrane itself: {_mV(self.solution.membrane_voltage)} of V = {_mV(self.v)}"
        if self.sigma_out == 0.0 == self.sigma_in and self.v != 0.0:
            text += f" ({self._share()})"
        return text

    def _static_state(self):
        # The static artists depend only on the axis limits and the membrane's width.
        return (
            self.ax_phi.get_xlim(),
            self.ax_phi.get_ylim(),
            self.ax_ions.get_ylim(),
            self.ax_phi.patches[0].get_width(),
        )


def _half_width_nm(view, solution):
    """Return the half-width of the x axis in nm for ``view``."""
    if view == "near":
        return NEAR_HALF_WIDTH_NM
    longest = max(solution.debye_length_out, solution.debye_length_in) / NM
    needed = 0.5 * solution.thickness / NM + WIDE_DEBYE_LENGTHS * longest
    return next((w for w in WIDE_HALF_WIDTHS_NM if w >= needed), WIDE_HALF_WIDTHS_NM[-1])


def _log_limits(low, high):
    """Return limits on the 1-2-5 ladder around [low, high], at least a factor 2 apart.

    Few distinct limits keep the background cached; at most MAX_DECADES apart, so a
    nearly emptied side does not squeeze the rest of the panel.
    """
    ladder = lambda k: (1.0, 2.0, 5.0)[k % 3] * 10.0 ** (k // 3)  # noqa: E731
    k_high = int(np.ceil(3 * np.log10(high * 1.02))) - 1
    while ladder(k_high) < high * 1.02:
        k_high += 1
    k_low = int(np.floor(3 * np.log10(low / 1.02))) + 1
    while ladder(k_low) > low / 1.02:
        k_low -= 1
    k_low = min(k_low, k_high - 1)  # one rung at least: a factor of 2 or 2.5
    return max(ladder(k_low), ladder(k_high) / 10.0**MAX_DECADES), ladder(k_high)


def _log_ticks(low, high):
    """Return tick values for a log axis from ``low`` to ``high``: five to eight of them."""
    decades = np.arange(np.floor(np.log10(low)), np.ceil(np.log10(high)) + 1)
    for mantissas in ((1.0, 1.5, 2.0, 3.0, 5.0, 7.0), (1.0, 2.0, 5.0), (1.0,)):
        ticks = [m * 10.0**d for d in decades for m in mantissas]
        ticks = [t for t in ticks if low * (1 - 1e-9) <= t <= high * (1 + 1e-9)]
        if len(ticks) <= 8:
            return ticks
    step = int(np.ceil(len(ticks) / 8))
    return ticks[::step]


def _positions(thickness, half_width):
    """Return positions in m from -half_width to +half_width, finest at the two faces.

    The membrane's centre is included: the ion curves (NaN there) break across it.
    """
    face = 0.5 * thickness
    t = np.linspace(0.0, 1.0, POINTS_PER_SIDE)
    water = (half_width - face) * np.expm1(GRID_STRETCH * t) / np.expm1(GRID_STRETCH)
    return np.concatenate([-face - water[::-1], [0.0], face + water])


def _number(value):
    """Three significant digits, e-notation only beyond 1e±6: 150, 0.78, 1e-05."""
    if value != 0 and not 1e-6 <= abs(value) < 1e6:
        return f"{value:.3g}".replace("-", "−")
    text = np.format_float_positional(value, precision=3, unique=False, fractional=False)
    return text.rstrip(".").replace("-", "−")


def _length(metres):
    """Return a Debye length in nm, or in µm from 1000 nm on."""
    nm = metres / NM
    return f"{_number(nm / 1e3)} µm" if nm >= 1e3 else f"{_number(nm)} nm"


def _mV(volts):
    mV = volts * MV_PER_V
    return f"{format_number(mV, 2 if abs(mV) < 10 else 1, signed=True)} mV"


def _charge(c_per_m2, ions=False):
    """Return a charge per area in mC/m^2, with the elementary charges per µm^2."""
    text = f"{format_number(c_per_m2 * 1e3, 2 if abs(c_per_m2) < 0.01 else 1, signed=True)} mC/m²"
    if ions:
        per_um2 = c_per_m2 / ELEMENTARY_CHARGE * 1e-12
        text += f" ({_number(abs(per_um2))} elementary charges per µm²)"
    return text


def _surface_charge(c_per_m2):
    return f"{format_number(c_per_m2 / E_PER_NM2, 2, signed=True)} e/nm²"
