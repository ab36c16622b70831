"""Static figures of the capacitor chapter: the bilayer as a capacitor, seen four ways.

The two compartments and the voltage between them; the capacitance of a
dielectric slab against its thickness, beside the measured value; the Born cost of
moving an ion into the hydrocarbon; and the ions that charge a spherical cell, with
the fraction of its K+ they represent, against its radius. Each function returns a
figure drawn once, so a chapter can show it and a test can read the drawn data.
"""

import numpy as np

from widgets.constants import BODY_TEMPERATURE, GAS_CONSTANT
from widgets.figures.agg import new_figure
from widgets.figures.capacitor import NM, UF_PER_CM2, UM, ProfilePanel, count_words
from widgets.figures.equilibrium import DPI
from widgets.figures.palette import ION_COLOURS, MEMBRANE_COLOUR, MUTED_COLOUR, NEUTRAL_COLOUR
from widgets.formatting import MV_PER_V, format_number
from widgets.physics import (
    born_transfer_energy,
    charged_ion_fraction,
    ions_to_charge,
    radius_for_ion_count,
    radius_for_ion_fraction,
    slab_thickness,
    specific_capacitance,
    sphere_area,
)

ANGSTROM = 1e-10  # m
KJ = 1e3  # J
PERCENT = 100.0
LABEL = {"fontsize": 8, "color": NEUTRAL_COLOUR}


def _new_axes(figsize, margins):
    fig = new_figure(figsize=figsize, dpi=DPI, margins=margins)
    return fig, fig.add_subplot()


def plot_two_compartments(v, thickness, c_specific):
    """Draw the potential across bath, membrane and cytosol: two well-mixed compartments.

    Parameters
    ----------
    v : float
        Membrane potential phi_in - phi_out in V.
    thickness : float
        Membrane thickness in m, as drawn.
    c_specific : float
        Specific capacitance in F/m^2, for the charge density the symbols stand for.

    Returns
    -------
    matplotlib.figure.Figure
        The profile of :class:`~widgets.figures.capacitor.ProfilePanel` (its line,
        slab and charge columns), with the compartments and V labelled.
    """
    fig, ax = _new_axes((6.0, 3.6), {"left": 0.12, "right": 0.97, "top": 0.95, "bottom": 0.15})
    panel = ProfilePanel(ax)
    panel.update(v, thickness, c_specific * v)
    v_mV, d_nm = v * MV_PER_V, thickness / NM
    ax.text(-2.0, 25.0, "well mixed,\nneutral", ha="center", **LABEL)
    ax.text(9.0, v_mV - 45.0, "well mixed,\nneutral", ha="center", **LABEL)
    arrow_x = 12.8
    ax.annotate(
        "",
        (arrow_x, v_mV),
        (arrow_x, 0.0),
        arrowprops={"arrowstyle": "<->", "color": NEUTRAL_COLOUR, "shrinkA": 0, "shrinkB": 0},
    )
    ax.text(arrow_x - 0.3, 0.5 * v_mV, f"V = {format_number(v_mV, 0)} mV", ha="right", **LABEL)
    ax.text(d_nm / 2, 55.0, "membrane", ha="center", **LABEL)
    ax.text(
        d_nm + 0.9,
        0.9 * ax.get_ylim()[1],
        "excess charge in thin\nlayers at the faces",
        va="top",
        **LABEL,
    )
    return fig


def plot_capacitance_against_thickness(eps_r, measured, marked_thickness):
    """Draw the capacitance of a dielectric slab against its thickness, beside measured values.

    Parameters
    ----------
    eps_r : float
        Relative permittivity of the slab (dimensionless).
    measured : tuple of float
        Lowest and highest measured specific capacitance in F/m^2, drawn as a band.
    marked_thickness : float
        A thickness in m to mark on the curve (the whole bilayer).

    Returns
    -------
    matplotlib.figure.Figure
        Line ``C`` (uF/cm^2) against ``d`` (nm); the band of measured values; a point at
        ``marked_thickness``; the thicknesses at which the slab gives the measured values.
    """
    fig, ax = _new_axes((6.0, 3.6), {"left": 0.12, "right": 0.97, "top": 0.95, "bottom": 0.15})
    d = np.linspace(1.0, 8.0, 141) * NM
    ax.plot(d / NM, specific_capacitance(eps_r, d) / UF_PER_CM2, color=NEUTRAL_COLOUR, lw=2.2)
    low, high = (c / UF_PER_CM2 for c in measured)
    ax.axhspan(low, high, color=MUTED_COLOUR, alpha=0.25, lw=0)
    ax.text(7.9, high + 0.03, "measured in neurons", ha="right", va="bottom", **LABEL)
    c_marked = specific_capacitance(eps_r, marked_thickness) / UF_PER_CM2
    ax.plot(marked_thickness / NM, c_marked, "o", color=MEMBRANE_COLOUR, mec=NEUTRAL_COLOUR)
    ax.annotate(
        f"whole bilayer as hydrocarbon:\n{format_number(c_marked, 2)} µF/cm²",
        (marked_thickness / NM, c_marked),
        xytext=(0, 22),
        textcoords="offset points",
        ha="center",
        arrowprops={"arrowstyle": "->", "color": MUTED_COLOUR},
        **LABEL,
    )
    matching = [slab_thickness(c * UF_PER_CM2, eps_r) for c in (high, low)]
    for d_match in matching:
        ax.vlines(
            d_match / NM,
            0.0,
            specific_capacitance(eps_r, d_match) / UF_PER_CM2,
            colors=MUTED_COLOUR,
            linestyles=":",
        )
    ax.text(
        matching[1] / NM + 0.15,
        0.15,
        f"slabs of {format_number(matching[0] / NM, 2)}–{format_number(matching[1] / NM, 2)} nm"
        "\nmatch the measurements",
        **LABEL,
    )
    ax.set_xlim(1.0, 8.0)
    ax.set_ylim(0.0, 1.9)
    ax.set_xlabel("slab thickness d (nm)")
    ax.set_ylabel("specific capacitance (µF/cm²)")
    ax.text(
        5.2,
        1.5,
        f"$C = \\varepsilon_r \\varepsilon_0 / d$,  $\\varepsilon_r$ = {eps_r:g}",
        fontsize=10,
    )
    return fig


def plot_born_cost(eps_from, eps_to, marks, T=BODY_TEMPERATURE):
    """Draw the Born cost of moving a monovalent ion from water into a hydrocarbon.

    Parameters
    ----------
    eps_from, eps_to : float
        Relative permittivities of the water left and the hydrocarbon entered.
    marks : dict of str to float
        Label -> ion radius in m, each marked on the curve (e.g. crystal and Born radii).
    T : float, optional
        Absolute temperature in K for the thermal energy RT (default 310.15 K).

    Returns
    -------
    matplotlib.figure.Figure
        Line of the cost in units of RT (= kT per ion) against radius in angstrom, a
        second axis in kJ/mol, and one point per mark.
    """
    fig, ax = _new_axes((6.0, 3.6), {"left": 0.12, "right": 0.86, "top": 0.95, "bottom": 0.15})
    rt = GAS_CONSTANT * T  # J/mol
    radii = np.linspace(1.0, 4.0, 121) * ANGSTROM
    ax.plot(
        radii / ANGSTROM,
        born_transfer_energy(radii, eps_from, eps_to) / rt,
        color=ION_COLOURS["K"],
        lw=2.2,
    )
    for (label, radius), offset in zip(marks.items(), ((12, 14), (14, 18)), strict=False):
        cost = born_transfer_energy(radius, eps_from, eps_to)
        ax.plot(radius / ANGSTROM, cost / rt, "o", color=ION_COLOURS["K"], mec=NEUTRAL_COLOUR)
        ax.annotate(
            f"{label}: {format_number(cost / KJ, 0)} kJ/mol = {format_number(cost / rt, 0)} kT",
            (radius / ANGSTROM, cost / rt),
            xytext=offset,
            textcoords="offset points",
            **LABEL,
        )
    ax.set_xlim(1.0, 4.0)
    ax.set_ylim(0.0, None)
    ax.set_xlabel("ion radius (Å)")
    ax.set_ylabel(f"cost (kT at {format_number(T - 273.15, 0)} °C)")
    second = ax.secondary_yaxis("right", functions=(lambda y: y * rt / KJ, lambda y: y * KJ / rt))
    second.set_ylabel("cost (kJ/mol)")
    return fig


def plot_ions_against_radius(voltages, c_in, c_specific, two_million=2e6, fraction=1e-5):
    """Draw the ions that charge a spherical cell, and their share of its K+, against radius.

    Parameters
    ----------
    voltages : dict of str to float
        Label -> membrane potential in V; the first is the one the claims refer to.
    c_in : float
        Intracellular K+ in mol/m^3 (= mM).
    c_specific : float
        Specific capacitance in F/m^2.
    two_million : float, optional
        An ion count to mark on the first line (the seed's "about two million").
    fraction : float, optional
        A fraction of the K+ inside to mark on the first line (the seed's 0.001 %).

    Returns
    -------
    matplotlib.figure.Figure
        Two log-log panels against radius in um: ions per face (left) and percent of
        the K+ inside (right), one line per voltage, with the claims and a 10 um soma
        marked.
    """
    fig = new_figure(
        figsize=(7.2, 3.6),
        dpi=DPI,
        margins={"left": 0.1, "right": 0.98, "top": 0.93, "bottom": 0.15, "wspace": 0.32},
    )
    ax_n, ax_f = fig.subplots(1, 2)
    radii = np.logspace(0, 2, 81) * UM
    styles = ("-", "--", ":")
    soma = 10 * UM
    # Each line's label at the 10 um soma: below-right of the first, above-left of the others.
    offsets = ((8, -12), (-8, 4), (-8, 4))
    for (label, v), style, offset in zip(voltages.items(), styles, offsets, strict=False):
        ax_n.plot(
            radii / UM,
            ions_to_charge(v, sphere_area(radii), c_specific=c_specific),
            ls=style,
            color=NEUTRAL_COLOUR,
            label=label,
        )
        ax_f.plot(
            radii / UM,
            PERCENT * charged_ion_fraction(v, radii, c_in, c_specific=c_specific),
            ls=style,
            color=NEUTRAL_COLOUR,
            label=label,
        )
        n_soma = ions_to_charge(v, sphere_area(soma), c_specific=c_specific)
        ax_n.plot(soma / UM, n_soma, "o", color=ION_COLOURS["K"], mec=NEUTRAL_COLOUR)
        ax_n.annotate(
            count_words(n_soma),
            (soma / UM, n_soma),
            xytext=offset,
            textcoords="offset points",
            ha="left" if offset[0] > 0 else "right",
            **LABEL,
        )
    v_claim = next(iter(voltages.values()))
    r_count = radius_for_ion_count(two_million, v_claim, c_specific=c_specific)
    r_fraction = radius_for_ion_fraction(fraction, v_claim, c_in, c_specific=c_specific)
    ax_n.plot(r_count / UM, two_million, "s", color=MEMBRANE_COLOUR, mec=NEUTRAL_COLOUR)
    ax_n.annotate(
        f"{count_words(two_million)} at r = {format_number(r_count / UM, 1)} µm",
        (r_count / UM, two_million),
        xytext=(8, -12),
        textcoords="offset points",
        ha="left",
        **LABEL,
    )
    f_soma = PERCENT * charged_ion_fraction(v_claim, soma, c_in, c_specific=c_specific)
    f_count = PERCENT * charged_ion_fraction(v_claim, r_count, c_in, c_specific=c_specific)
    points = (
        (r_fraction, PERCENT * fraction, "s", MEMBRANE_COLOUR, (-6, -14)),
        (r_count, f_count, "s", MEMBRANE_COLOUR, (6, 6)),
        (soma, f_soma, "o", ION_COLOURS["K"], (-8, -14)),
    )
    for radius, percent, marker, colour, offset in points:
        ax_f.plot(radius / UM, percent, marker, color=colour, mec=NEUTRAL_COLOUR)
        ax_f.annotate(
            f"{_percent(percent)} % at {format_number(radius / UM, 1)} µm",
            (radius / UM, percent),
            xytext=offset,
            textcoords="offset points",
            ha="left" if offset[0] > 0 else "right",
            **LABEL,
        )
    for ax in (ax_n, ax_f):
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlim(1.0, 100.0)
        ax.grid(True, which="major", color="#dddddd", linewidth=0.6)
        ax.axvline(soma / UM, color=MUTED_COLOUR, ls=":", lw=1.0, zorder=0)
        ax.set_xlabel("cell radius (µm)")
    ax_n.set_ylabel("ions on each face")
    ax_f.set_ylabel("share of the K⁺ inside (%)")
    ax_n.legend(fontsize=8, frameon=False, loc="upper left")
    ax_n.set_title("(a) grows as r²", fontsize=10)
    ax_f.set_title("(b) falls as 1/r", fontsize=10)
    return fig


def _percent(value):
    """Two significant digits without e-notation: 0.0016, 0.001."""
    return np.format_float_positional(value, precision=2, unique=False, fractional=False, trim="-")
