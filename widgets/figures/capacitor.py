"""The capacitor figure: the potential across the membrane and the ions that charge it.

Panel (a) draws the electric potential across bath | membrane | cytosol in the
two-compartment picture: flat in each well-mixed solution, a straight drop inside
the dielectric slab, and the separated charge as two thin layers of symbols at the
faces (more symbols for a larger charge density). Panel (b) draws the number of
monovalent ions on each face of a spherical cell against its radius on log-log
axes, a straight line of slope 2, with the current cell marked.
"""

import numpy as np
from matplotlib.colors import to_rgb
from matplotlib.patches import Rectangle

from widgets import validation as check
from widgets.figures.agg import AggRenderer, new_figure
from widgets.figures.palette import (
    ACCENT_COLOUR,
    MEMBRANE_COLOUR,
    MUTED_COLOUR,
    NEUTRAL_COLOUR,
)
from widgets.formatting import MINUS, MV_PER_V, format_millivolts, format_number, format_significant
from widgets.physics import (
    charged_ion_fraction,
    ions_to_charge,
    membrane_field,
    specific_capacitance,
    sphere_area,
)

# Display formats shared by the figures (widgets.formatting).
_number = format_significant
_mV = format_millivolts

NM = 1e-9  # m
UM = 1e-6  # m
UF_PER_CM2 = 1e-2  # F/m^2 in one uF/cm^2
UC_PER_CM2 = 1e-2  # C/m^2 in one uC/cm^2
MV_PER_M = 1e6  # V/m in one MV/m

PROFILE_LIMITS_NM = (-4.0, 14.0)  # bath from -4 nm to the outer face at 0; room for 10 nm
PROFILE_LIMITS_MV = (-200.0, 80.0)  # room below -150 mV for the region labels
FACE_OFFSET_NM = 0.45  # the charge layers are drawn just outside each face
SYMBOLS_PER_UC_CM2 = 100.0  # one symbol per 0.01 uC/cm^2 ...
MAX_SYMBOLS = 16  # ... up to a full column
RADIUS_DECADES = (0, 3)  # panel (b): 1 um to 1 mm
CURVE_POINTS = 61
TWO_MILLION = 2e6  # ions: the seed's "about two million charges"
SOMA_RADIUS = 10e-6  # m: the Nernst chapter's illustrative cell body
MIN_Y_DECADES = 7  # panel (b) spans at least seven powers of ten
MEMBRANE_TINT = 0.35  # the slab is drawn at this strength of the membrane colour
SYMBOL_PITCH = 0.055  # fraction of the panel height between two charge symbols


class ProfilePanel:
    """Panel (a): the potential across bath, membrane and cytosol, drawn on ``ax``.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        An empty axes; the panel sets its limits, labels and artists.

    Attributes
    ----------
    profile : matplotlib.lines.Line2D
        Potential in mV against position in nm: 0 in the bath, a straight drop
        inside the membrane, V in the cytosol.
    membrane : matplotlib.patches.Rectangle
        The dielectric slab, from the outer face at 0 nm to the inner face.
    plus, minus : matplotlib.lines.Line2D
        Columns of + and - symbols at the faces: the separated charge.
    """

    def __init__(self, ax):
        self.ax = ax
        ax.set_xlim(PROFILE_LIMITS_NM)
        ax.set_ylim(PROFILE_LIMITS_MV)
        ax.axhline(0.0, color=MUTED_COLOUR, linewidth=0.8, zorder=1)
        self.membrane = Rectangle(
            (0.0, 0.0), 1.0, 1.0, transform=ax.get_xaxis_transform(), zorder=2
        )
        # An opaque tint of the membrane colour: alpha blending costs ~1 ms per update.
        tint = MEMBRANE_TINT * np.array(to_rgb(MEMBRANE_COLOUR)) + (1.0 - MEMBRANE_TINT)
        self.membrane.set(facecolor=tint, edgecolor="none")
        ax.add_patch(self.membrane)
        (self.profile,) = ax.plot([], [], color=NEUTRAL_COLOUR, linewidth=2.2, zorder=4)
        symbols = {"linestyle": "none", "markersize": 8, "markeredgewidth": 2.0, "zorder": 3}
        transform = ax.get_xaxis_transform()  # x in nm, y as a fraction of the height
        (self.plus,) = ax.plot(
            [], [], marker="+", color=NEUTRAL_COLOUR, transform=transform, **symbols
        )
        (self.minus,) = ax.plot(
            [], [], marker="_", color=NEUTRAL_COLOUR, transform=transform, **symbols
        )
        for x, label in ((-2.4, "bath\n(outside)"), (12.0, "cytosol\n(inside)")):
            ax.text(
                x,
                0.03,
                label,
                ha="center",
                va="bottom",
                fontsize=8,
                color=MUTED_COLOUR,
                transform=transform,
            )
        ax.set_xlabel("position across the membrane (nm)")
        ax.set_ylabel("electric potential (mV)")

    @property
    def artists(self):
        """The artists :meth:`update` changes (tuple)."""
        return self.membrane, self.profile, self.plus, self.minus

    def update(self, v, thickness, sigma):
        """Draw potential ``v`` (V) across a slab ``thickness`` (m) holding charge ``sigma``.

        Parameters
        ----------
        v : float
            Membrane potential phi_in - phi_out in V.
        thickness : float
            Slab thickness in m.
        sigma : float
            Charge density on the inner face in C/m^2 (sign of ``v``).
        """
        d_nm = thickness / NM
        lo, hi = PROFILE_LIMITS_NM
        v_mV = v * MV_PER_V
        self.membrane.set_width(d_nm)
        self.profile.set_data([lo, 0.0, d_nm, hi], [0.0, 0.0, v_mV, v_mV])
        n = symbol_count(sigma)
        heights = 0.5 + (np.arange(n) - (n - 1) / 2) * SYMBOL_PITCH  # a centred column
        outer, inner = -FACE_OFFSET_NM, d_nm + FACE_OFFSET_NM
        plus_x, minus_x = (outer, inner) if v < 0 else (inner, outer)
        self.plus.set_data(np.full(n, plus_x), heights)
        self.minus.set_data(np.full(n, minus_x), heights)

    def describe(self, v, thickness, eps_r, sigma):
        """Return panel (a) in words, for the alt text."""
        n = symbol_count(sigma)
        faces = "outer face and as many − signs on the inner face"
        if v > 0:
            faces = "inner face and as many − signs on the outer face"
        charges = f"{n} + signs on the {faces}" if n else "no charge at the faces"
        return (
            f"(a) Electric potential against position across bath, membrane and cytosol, "
            f"from {format_number(PROFILE_LIMITS_NM[0], 0)} to {PROFILE_LIMITS_NM[1]:g} nm: "
            "0 mV in the bath, "
            f"a straight drop across the {_number(thickness / NM)} nm membrane (relative "
            f"permittivity {_number(eps_r)}) to {_mV(v)} in the cytosol, flat again there; "
            f"{charges}."
        )


def symbol_count(sigma):
    """Return how many charge symbols stand for the charge density ``sigma`` (C/m^2).

    One per 0.01 uC/cm^2, at least one for any charge and at most :data:`MAX_SYMBOLS`.

    Examples
    --------
    >>> symbol_count(7e-4), symbol_count(0.0), symbol_count(1.0)
    (7, 0, 16)
    """
    if sigma == 0:
        return 0
    return int(np.clip(round(abs(sigma) / UC_PER_CM2 * SYMBOLS_PER_UC_CM2), 1, MAX_SYMBOLS))


class CapacitorFigure:
    """The capacitor explorer's figure, built once and updated in place.

    Parameters
    ----------
    thickness : float
        Thickness of the dielectric slab in m; positive.
    eps_r : float
        Its relative permittivity (dimensionless); positive.
    v : float
        Membrane potential phi_in - phi_out in V.
    radius : float
        Radius of the spherical cell in m; positive.
    c_in : float
        Intracellular K+ concentration in mol/m^3 (= mM), for the fraction moved; positive.

    Attributes
    ----------
    fig : matplotlib.figure.Figure
        6.4 x 3.6 in, white, unknown to pyplot.
    panel : ProfilePanel
        Panel (a) on ``ax_profile``.
    ax_profile, ax_ions : matplotlib.axes.Axes
        Panel (a) and panel (b): ions per face against radius, log-log.
    curve, point : matplotlib.lines.Line2D
        Panel (b): ions against radius in um, and the current cell.
    capacitance_text, field_text, ions_text : matplotlib.text.Text
        The numbers in the panels' titles: C in µF/cm², |E| in MV/m, ions per face.
    thickness, eps_r, v, radius, c_in : float
        The values drawn (SI units); change them through :meth:`update`.
    c_specific, field, sigma, n_ions, fraction : float
        What they give: F/m^2, V/m, C/m^2 on the inner face, ions per face, and the
        ions moved as a fraction of the K+ inside.

    Raises
    ------
    ValueError
        If a value is not a single finite number in its range (positive, except ``v``).

    Notes
    -----
    .. math:: C = \\frac{\\varepsilon_r \\varepsilon_0}{d}, \\quad |E| = \\frac{|V|}{d},
        \\quad \\sigma = C V, \\quad N = \\frac{4 \\pi r^2 |\\sigma|}{e}

    computed by :mod:`widgets.physics.electrostatics`.

    Examples
    --------
    >>> figure = CapacitorFigure(5e-9, 2.0, -0.070, 10e-6, 140.0)
    >>> figure.summary()  # doctest: +NORMALIZE_WHITESPACE
    'C = 0.354 µF/cm², |E| = 14.0 MV/m, σ_in = −0.0248 µC/cm², 1.94 million ions per face,
     0.000551 % of the K⁺ inside'
    >>> figure.update(thickness=2.5e-9)
    >>> round(figure.n_ions / 1e6, 2)
    3.89
    """

    def __init__(self, thickness, eps_r, v, radius, c_in):
        self.fig = new_figure(
            margins={"left": 0.12, "right": 0.97, "bottom": 0.15, "top": 0.88, "wspace": 0.42}
        )
        self.ax_profile, self.ax_ions = self.fig.subplots(1, 2)
        self.panel = ProfilePanel(self.ax_profile)
        self._build_ions_panel()
        self.thickness = self.eps_r = self.v = self.radius = self.c_in = None
        self._draw(thickness, eps_r, v, radius, c_in)
        self._renderer = AggRenderer(
            self.fig,
            [*self.panel.artists, self.curve, self.point, *self.values],
            state=self.ax_ions.get_ylim,
        )

    def update(self, thickness=None, eps_r=None, v=None, radius=None, c_in=None):
        """Draw new values; an argument left as None keeps its current value.

        Parameters
        ----------
        thickness, eps_r, v, radius, c_in : float, optional
            As for the constructor (SI units).

        Raises
        ------
        ValueError
            For an invalid value; nothing drawn changes then.
        """
        new = {"thickness": thickness, "eps_r": eps_r, "v": v, "radius": radius, "c_in": c_in}
        self._draw(
            **{name: getattr(self, name) if value is None else value for name, value in new.items()}
        )

    def png(self):
        """Return the figure as PNG bytes (640 x 360 px), redrawing only what changed."""
        return self._renderer.png()

    def summary(self):
        """Return the readout as one line of text, e.g. ``'C = 1.00 µF/cm², ...'``."""
        return (
            f"C = {_capacitance(self.c_specific)}, |E| = {_field(self.field)}, "
            f"σ_in = {_charge_density(self.sigma)}, {count_words(self.n_ions)} ions per face, "
            f"{_percent(self.fraction)} of the K⁺ inside"
        )

    def parameters(self):
        """Return the values drawn and what they give, as display strings by name."""
        return {
            "membrane thickness": f"{_number(self.thickness / NM)} nm",
            "relative permittivity": _number(self.eps_r),
            "membrane potential": _mV(self.v),
            "cell radius": f"{_number(self.radius / UM)} µm",
            "K⁺ inside": f"{_number(self.c_in)} mM",
            "specific capacitance C": _capacitance(self.c_specific),
            "field in the membrane |E|": _field(self.field),
            "charge density σ (inner face)": _charge_density(self.sigma),
            "ions per face": count_words(self.n_ions),
            "fraction of the K⁺ inside moved": _percent(self.fraction),
        }

    def alt_text(self):
        """Describe both panels and the current numbers in words, for screen readers."""
        low, high = self.ax_ions.get_ylim()
        if self.n_ions > 0:
            r_um = self.curve.get_xdata()
            n = self.curve.get_ydata()
            line = (
                f"a straight line of slope 2 (ions grow as the radius squared), from "
                f"{count_words(n[0])} at {_number(r_um[0])} µm to {count_words(n[-1])} at "
                f"{_number(r_um[-1])} µm; the current cell, radius {_number(self.radius / UM)} "
                f"µm, needs {count_words(self.n_ions)} ions"
            )
        else:
            line = "no line, because at 0 mV no charge is separated"
        return (
            f"Two panels. {self.panel.describe(self.v, self.thickness, self.eps_r, self.sigma)} "
            f"(b) Monovalent ions on each face against cell radius, log-log, radius 1 to "
            f"1000 µm, ions {low:.0e} to {high:.0e}: {line}. Dotted guides mark two million "
            f"ions and a 10 µm radius. {self.summary()}."
        )

    def _build_ions_panel(self):
        ax = self.ax_ions
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlim(10.0 ** np.array(RADIUS_DECADES))
        ax.grid(True, which="major", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
        guide = {"color": MUTED_COLOUR, "linestyle": ":", "linewidth": 1.2, "zorder": 1}
        ax.axhline(TWO_MILLION, **guide)
        ax.axvline(SOMA_RADIUS / UM, **guide)
        ax.text(600.0, TWO_MILLION * 1.3, "2 million", ha="right", fontsize=8, color=MUTED_COLOUR)
        ax.text(
            SOMA_RADIUS / UM * 1.15,
            0.04,
            "10 µm",
            fontsize=8,
            color=MUTED_COLOUR,
            transform=ax.get_xaxis_transform(),
        )
        (self.curve,) = ax.plot([], [], color=NEUTRAL_COLOUR, linewidth=2.2, zorder=3)
        (self.point,) = ax.plot(
            [],
            [],
            linestyle="none",
            marker="o",
            markersize=9,
            markerfacecolor=ACCENT_COLOUR,
            markeredgecolor=NEUTRAL_COLOUR,
            markeredgewidth=1.5,
            zorder=4,
            clip_on=False,
        )
        ax.set_xlabel("cell radius (µm)")
        ax.set_ylabel("ions on each face")
        # The titles carry the numbers. Text costs ~0.1 ms per character at every update,
        # so the labels are static and only the values are redrawn.
        self.capacitance_text = _value_after(self.ax_profile, 0.0, "(a) C =")
        self.field_text = _value_after(self.ax_profile, 0.64, "|E| =")
        self.ions_text = _value_after(ax, 0.0, "(b) ions per face:")
        self.values = (self.capacitance_text, self.field_text, self.ions_text)

    def _draw(self, thickness, eps_r, v, radius, c_in):
        thickness, eps_r, v, radius, c_in = (
            check.scalar(name, value)
            for name, value in (
                ("thickness", thickness),
                ("eps_r", eps_r),
                ("v", v),
                ("radius", radius),
                ("c_in", c_in),
            )
        )
        c_specific = specific_capacitance(eps_r, thickness)  # validates both
        field = membrane_field(v, thickness)
        n_ions = ions_to_charge(v, sphere_area(radius), c_specific=c_specific)
        fraction = charged_ion_fraction(v, radius, c_in, c_specific=c_specific)
        radii = np.logspace(*RADIUS_DECADES, CURVE_POINTS) * UM
        curve = ions_to_charge(v, sphere_area(radii), c_specific=c_specific)
        # Every input is valid: only now change what is drawn.
        self.thickness, self.eps_r, self.v, self.radius, self.c_in = (
            thickness,
            eps_r,
            v,
            radius,
            c_in,
        )
        self.c_specific, self.field, self.n_ions, self.fraction = (
            c_specific,
            field,
            n_ions,
            fraction,
        )
        self.sigma = c_specific * v
        self.panel.update(v, thickness, self.sigma)
        if n_ions > 0:
            self.curve.set_data(radii / UM, curve)
            self.point.set_data([radius / UM], [n_ions])
            _set_ylim_if_changed(self.ax_ions, _decades(curve))
        else:  # 0 mV: nothing to draw on a log axis
            self.curve.set_data([], [])
            self.point.set_data([], [])
        self.capacitance_text.set_text(_capacitance(c_specific))
        self.field_text.set_text(_field(field))
        self.ions_text.set_text(count_words(n_ions))


def _value_after(ax, x, label, y=1.04, fontsize=9):
    """Write a static ``label`` above ``ax`` at ``x`` (axes fraction); return the value after it.

    The value is an empty Text on the same baseline, one space after the label.
    """
    static = ax.text(x, y, f"{label} ", fontsize=fontsize, transform=ax.transAxes)
    renderer = ax.figure.canvas.get_renderer()
    right = static.get_window_extent(renderer).x1
    x_value = ax.transAxes.inverted().transform((right, 0.0))[0]
    return ax.text(x_value, y, "", fontsize=fontsize, transform=ax.transAxes)


def count_words(n):
    """Return a count as people say it: ``'5.49 million'``, ``'2.08 billion'``, ``'54 900'``.

    Examples
    --------
    >>> count_words(5.49e6), count_words(2e9), count_words(549.4)
    ('5.49 million', '2.00 billion', '549')
    """
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if n >= size:
            return f"{_result(n / size)} {word}"
    return _number(n) if n < 1 else f"{n:,.0f}".replace(",", "\N{THIN SPACE}")


def _decades(values):
    """Return (low, high) powers of ten around positive ``values``, at least MIN_Y_DECADES."""
    lo = int(np.floor(np.log10(values.min())))
    hi = max(int(np.ceil(np.log10(values.max()))), lo + MIN_Y_DECADES)
    return 10.0**lo, 10.0**hi


def _set_ylim_if_changed(ax, ylim):
    # Setting a limit, even to the same value, marks the figure stale (full redraw).
    if not np.allclose(ax.get_ylim(), ylim):
        ax.set_ylim(ylim)


def _result(value):
    """Format a computed value: three significant digits kept: 1.00, 0.354, 140, −0.0700."""
    text = np.format_float_positional(value, precision=3, unique=False, fractional=False, trim="k")
    return text.rstrip(".").replace("-", MINUS)


def _capacitance(c_specific):
    return f"{_result(c_specific / UF_PER_CM2)} µF/cm²"


def _field(field):
    return f"{format_number(field / MV_PER_M, 1)} MV/m"


def _charge_density(sigma):
    return f"{_result(sigma / UC_PER_CM2)} µC/cm²"


def _percent(fraction):
    return f"{_result(100.0 * fraction)} %"
