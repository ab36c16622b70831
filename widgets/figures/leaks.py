"""Static figures of the GHK chapter: currents at rest, V against [K⁺]out, losing the K⁺ leak.

Each function draws one figure from :mod:`widgets.physics` and returns it, so a
chapter can show it and a test can read the drawn data. Every function works on
K⁺, Na⁺ and Cl⁻ of a cell preset, in the order of :data:`widgets.physics.leak.ION_KEYS`.
"""

import numpy as np
from matplotlib.ticker import LogLocator, NullFormatter

from widgets.data.ions import IONS
from widgets.figures.agg import new_figure
from widgets.figures.palette import ION_COLOURS, MUTED_COLOUR, NEUTRAL_COLOUR
from widgets.formatting import MV_PER_V, UA_PER_CM2, format_number
from widgets.physics import ghk_current_density, ghk_voltage, nernst_potential
from widgets.physics.leak import ION_KEYS, preset_arrays

DPI = 150  # book figures are drawn once: sharper than an explorer's live image
PA_PER_A = 1e12


def _new_axes(figsize, margins):
    fig = new_figure(figsize=figsize, dpi=DPI, margins=margins)
    return fig, fig.add_subplot()


def plot_ghk_currents(preset, p, v_range=(-0.12, -0.02), area=None):
    """Draw each ion's GHK current against V and their sum, which crosses zero at rest.

    Parameters
    ----------
    preset : widgets.data.CellPreset
        Concentrations (mol/m^3) and temperature (K).
    p : array_like
        Permeabilities of K⁺, Na⁺ and Cl⁻ in m/s.
    v_range : tuple of float, optional
        Membrane potentials in V (default -120 to -20 mV).
    area : float, optional
        A cell's membrane area in m^2: adds a right-hand axis in pA per cell.

    Returns
    -------
    matplotlib.figure.Figure
        Lines ``K``, ``Na``, ``Cl`` and ``sum`` (in that order) of current density in
        uA/cm^2 (outward positive) against V in mV.
    """
    c_out, c_in, z = preset_arrays(preset)
    v = np.linspace(*v_range, 401)
    currents = ghk_current_density(v[:, None], p, c_out, c_in, z, preset.T) * UA_PER_CM2
    v_rest = ghk_voltage(p, c_out, c_in, z, preset.T)
    fig, ax = _new_axes((6.4, 4.0), {"left": 0.13, "right": 0.86, "top": 0.95, "bottom": 0.13})
    for index, ion in enumerate(ION_KEYS):
        ax.plot(
            v * MV_PER_V,
            currents[:, index],
            color=ION_COLOURS[ion],
            label=f"{IONS[ion].label}",
        )
    ax.plot(v * MV_PER_V, currents.sum(axis=1), color=NEUTRAL_COLOUR, linewidth=2.4, label="sum")
    ax.axhline(0.0, color=MUTED_COLOUR, linewidth=0.8)
    ax.axvline(v_rest * MV_PER_V, color=NEUTRAL_COLOUR, linestyle=":", linewidth=1.2)
    ax.annotate(
        f"rest: V = {format_number(v_rest * MV_PER_V, 1)} mV,\nthe sum is zero",
        (v_rest * MV_PER_V, 0.0),
        xytext=(-110, 60),
        textcoords="offset points",
        fontsize=9,
        arrowprops={"arrowstyle": "->", "color": MUTED_COLOUR},
    )
    # Zoomed on the resting currents: the curves leave the axes where they grow large.
    at_rest = ghk_current_density(v_rest, p, c_out, c_in, z, preset.T) * UA_PER_CM2
    span = 3.0 * np.abs(at_rest).max()
    ax.set_ylim(-span, span)
    ax.set_xlim(v_range[0] * MV_PER_V, v_range[1] * MV_PER_V)
    ax.set_xlabel("membrane potential V (mV)")
    ax.set_ylabel("current density (µA/cm², outward +)")
    ax.legend(loc="lower right", fontsize=9, frameon=False)
    if area is not None:
        per_cell = area * 1e4 * 1e-6 * PA_PER_A  # uA/cm^2 -> A per cell -> pA
        right = ax.secondary_yaxis(
            "right", functions=(lambda i: i * per_cell, lambda i: i / per_cell)
        )
        right.set_ylabel("current per cell (pA)")
    return fig


def plot_v_against_k_out(preset, ratios, marks=(1.0, 5.0, 20.0, 100.0), k_range=(0.3, 300.0)):
    """Draw V against [K⁺]out beside the K⁺ Nernst line, with and without a fixed Cl⁻ gradient.

    Parameters
    ----------
    preset : widgets.data.CellPreset
        Concentrations (mol/m^3) and temperature (K); [K⁺]out is varied.
    ratios : array_like
        Relative permeabilities of K⁺, Na⁺ and Cl⁻ (dimensionless).
    marks : sequence of float, optional
        [K⁺]out values in mM at which the gap between the curves is marked.
    k_range : tuple of float, optional
        The [K⁺]out axis in mM.

    Returns
    -------
    matplotlib.figure.Figure
        Lines ``Nernst``, ``GHK`` and ``GHK, Cl⁻ at equilibrium`` (in that order) in mV
        against [K⁺]out in mM on a logarithmic axis.
    """
    c_out, c_in, z = preset_arrays(preset)
    k_out = np.logspace(*np.log10(k_range), 241)
    rows = np.repeat(c_out[None, :], k_out.size, axis=0)
    rows[:, 0] = k_out
    e_k = nernst_potential(k_out, c_in[0], 1, preset.T) * MV_PER_V
    v_fixed = ghk_voltage(ratios, rows, c_in, z, preset.T) * MV_PER_V
    # Chloride free to redistribute reaches equilibrium (E_Cl = V) and carries no current.
    v_passive = ghk_voltage(ratios[:2], rows[:, :2], c_in[:2], z[:2], preset.T) * MV_PER_V
    fig, ax = _new_axes((6.4, 4.0), {"left": 0.12, "right": 0.97, "top": 0.95, "bottom": 0.13})
    ax.set_xscale("log")
    ax.xaxis.set_minor_locator(LogLocator(subs=(2.0, 5.0)))
    ax.xaxis.set_minor_formatter(NullFormatter())
    ax.plot(k_out, e_k, color=ION_COLOURS["K"], linestyle="--", label="Nernst: $E_K$")
    ax.plot(k_out, v_fixed, color=NEUTRAL_COLOUR, linewidth=2.2, label="GHK, Cl⁻ gradient fixed")
    ax.plot(
        k_out,
        v_passive,
        color=ION_COLOURS["Cl"],
        linestyle="-.",
        label="GHK, Cl⁻ at equilibrium",
    )
    for mark in marks:
        row = c_out.copy()
        row[0] = mark
        v_mV = ghk_voltage(ratios, row, c_in, z, preset.T) * MV_PER_V
        e_mV = nernst_potential(mark, c_in[0], 1, preset.T) * MV_PER_V
        ax.plot([mark, mark], [e_mV, v_mV], color=MUTED_COLOUR, linewidth=1.0)
        ax.plot([mark], [v_mV], "o", color=NEUTRAL_COLOUR, markersize=4)
        ax.annotate(  # below and right of the lower end, clear of both curves
            f"{format_number(v_mV - e_mV, 1, signed=True)} mV",
            (mark, min(v_mV, e_mV)),
            xytext=(4, -6),
            textcoords="offset points",
            fontsize=8,
            va="top",
        )
    ax.axhline(0.0, color=MUTED_COLOUR, linewidth=0.8)
    ax.grid(True, which="major", color="#dddddd", linewidth=0.6)
    ax.set_xlim(k_range)
    ax.set_xlabel("[K⁺] outside (mM, log scale)")
    ax.set_ylabel("membrane potential (mV)")
    ax.legend(loc="upper left", fontsize=9, frameon=False)
    return fig


def plot_potassium_leak_loss(preset, ratios, fractions=(1e-3, 1.0)):
    """Draw V as P_K falls (P_Na and P_Cl unchanged), with what is left when it is gone.

    Parameters
    ----------
    preset : widgets.data.CellPreset
        Concentrations (mol/m^3) and temperature (K).
    ratios : array_like
        Relative permeabilities of K⁺, Na⁺ and Cl⁻ (dimensionless) of the intact membrane.
    fractions : tuple of float, optional
        Range of the fraction of P_K left (dimensionless, log axis).

    Returns
    -------
    matplotlib.figure.Figure
        Line ``V`` in mV against the fraction of P_K left, and a dashed line at V
        with no K⁺ permeability.
    """
    c_out, c_in, z = preset_arrays(preset)
    ratios = np.asarray(ratios, dtype=float)
    left = np.logspace(*np.log10(fractions), 241)
    p = np.repeat(ratios[None, :], left.size, axis=0)
    p[:, 0] *= left
    v = ghk_voltage(p, c_out, c_in, z, preset.T) * MV_PER_V
    v_without = ghk_voltage([0.0, *ratios[1:]], c_out, c_in, z, preset.T) * MV_PER_V
    e = nernst_potential(c_out, c_in, z, preset.T) * MV_PER_V
    fig, ax = _new_axes((6.4, 3.8), {"left": 0.12, "right": 0.80, "top": 0.95, "bottom": 0.14})
    ax.set_xscale("log")
    ax.plot(left, v, color=NEUTRAL_COLOUR, linewidth=2.2, label="V (GHK)")
    ax.axhline(v_without, color=NEUTRAL_COLOUR, linestyle="--", linewidth=1.0)
    for index in (0, 2):  # K+ and Cl-; E_Na is far above the axis
        ion = ION_KEYS[index]
        ax.axhline(e[index], color=ION_COLOURS[ion], linestyle=":", linewidth=1.4)
    labels = [
        (v_without, f"no K⁺ leak: {format_number(v_without, 1)} mV"),
        (e[0], f"$E_K$ = {format_number(e[0], 1)} mV"),
        (e[2], f"$E_\\mathrm{{Cl}}$ = {format_number(e[2], 1)} mV"),
    ]
    for y, text in labels:
        ax.text(1.01, y, text, transform=ax.get_yaxis_transform(), va="center", fontsize=8)
    ax.set_xlim(fractions[1], fractions[0])  # P_K falls from left to right
    decades = 10.0 ** np.arange(np.log10(fractions[0]), 0.5)
    ax.set_xticks(decades, [f"{100 * d:g} %" for d in decades])
    ax.xaxis.set_minor_formatter(NullFormatter())
    ax.set_ylim(e[0] - 8.0, v_without + 8.0)
    ax.grid(True, which="major", color="#dddddd", linewidth=0.6)
    ax.set_xlabel("K⁺ permeability left, in % of its normal value (log scale)")
    ax.set_ylabel("membrane potential (mV)")
    return fig
