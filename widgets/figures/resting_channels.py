"""Static figures of the channels chapter: the filter's energy ledger, gate tails, rest and leak.

Each function returns a new figure drawn once, so a chapter can show it and a test
can read the drawn data.
"""

import numpy as np

from widgets.data.ions import ALKALI_IONS
from widgets.figures.agg import new_figure
from widgets.figures.channels import (
    CURRENT_LIMIT_UA,
    KJ,
    MS_PER_CM2,
    SQUID,
    UA_PER_CM2,
    k_leak_conductance,
)
from widgets.figures.palette import ION_COLOURS, MUTED_COLOUR, NEUTRAL_COLOUR
from widgets.formatting import MV_PER_V, format_number, format_scientific
from widgets.physics.channels import (
    HH_V_REST,
    hh_steady_state_gates,
    leak_permeability_for_rest,
    membrane_current_density,
    rest_loss,
    rest_points,
)
from widgets.physics.nernst import nernst_potential
from widgets.physics.selectivity import (
    IONIC_RADIUS,
    K_SITE_RADIUS,
    hydration_free_energy,
    site_free_energy,
)

DPI = 150  # book figures are drawn once: sharper than an explorer's live image
LINESTYLES = ("-", "--", ":")  # one per membrane, in the order given


def _new_axes(figsize, margins):
    fig = new_figure(figsize=figsize, dpi=DPI, margins=margins)
    return fig, fig.add_subplot()


def plot_filter_energetics(site_radius=K_SITE_RADIUS, ions=("Na", "K")):
    """Draw the free-energy ledger of moving each ion from water into a filter site.

    Three bars per ion, in kJ/mol: shedding the water (the hydration free energy
    with its sign reversed), binding to the site's oxygens, and their sum, the
    transfer free energy.

    Parameters
    ----------
    site_radius : float, optional
        Centre-to-oxygen distance of the site in m (default: the K+ site).
    ions : sequence of str, optional
        Keys of :data:`widgets.physics.selectivity.IONIC_RADIUS` (default Na+, K+).

    Returns
    -------
    matplotlib.figure.Figure
        One bar container per ion, bars in the order shed, bind, net (kJ/mol).
    """
    fig, ax = _new_axes((6.0, 3.6), {"left": 0.13, "right": 0.98, "top": 0.93, "bottom": 0.2})
    steps = ("shed the water", "bind to the site", "net: water → site")
    width = 0.8
    for group, ion in enumerate(ions):
        radius = IONIC_RADIUS[ion]
        shed = -hydration_free_energy(radius) / KJ
        bind = site_free_energy(radius, site_radius) / KJ
        values = (shed, bind, shed + bind)
        x = group * (len(steps) + 1) + np.arange(len(steps))
        bars = ax.bar(
            x,
            values,
            width,
            color=ION_COLOURS[ion],
            edgecolor=NEUTRAL_COLOUR,
            label=ALKALI_IONS[ion].label,
        )
        for bar, alpha in zip(bars, (0.45, 0.45, 1.0), strict=True):
            bar.set_alpha(alpha)
        for xi, value in zip(x, values, strict=True):
            ax.annotate(
                format_number(value, 1, signed=True),
                (xi, value),
                xytext=(0, 3 if value >= 0 else -3),
                textcoords="offset points",
                ha="center",
                va="bottom" if value >= 0 else "top",
                fontsize=8,
            )
        ax.text(
            x[1],
            -0.24,
            ALKALI_IONS[ion].label,
            transform=ax.get_xaxis_transform(),
            ha="center",
            fontsize=11,
            color=ION_COLOURS[ion],
            weight="bold",
        )
    ticks = [g * (len(steps) + 1) + i for g in range(len(ions)) for i in range(len(steps))]
    ax.set_xticks(ticks, [step.replace(" ", "\n", 1) for step in steps] * len(ions), fontsize=8)
    ax.axhline(0.0, color=NEUTRAL_COLOUR, linewidth=0.8)
    ax.set_ylim(-450, 450)
    ax.set_ylabel("free energy (kJ/mol)")
    return fig


def plot_gate_tails(v_range=(-0.1, 0.04), v_rest=HH_V_REST):
    """Draw the steady-state open probabilities of Hodgkin-Huxley Na+ and K+ channels.

    On a logarithmic axis, so that the tails at rest show: :math:`m_\\infty^3 h_\\infty`
    for Na+ and :math:`n_\\infty^4` for K+ (Hodgkin and Huxley 1952).

    Parameters
    ----------
    v_range : tuple of float, optional
        Potentials in V (default -100 to +40 mV).
    v_rest : float, optional
        The resting potential to mark, in V (default -65 mV).

    Returns
    -------
    matplotlib.figure.Figure
        Lines ``Na`` and ``K`` (open probability against mV), in that order.
    """
    v = np.linspace(*v_range, 281)
    m, h, n = hh_steady_state_gates(v)
    fig, ax = _new_axes((6.0, 3.6), {"left": 0.13, "right": 0.97, "top": 0.95, "bottom": 0.15})
    ax.semilogy(v * MV_PER_V, m**3 * h, color=ION_COLOURS["Na"], label="Na⁺ channels, m³h")
    ax.semilogy(v * MV_PER_V, n**4, color=ION_COLOURS["K"], label="K⁺ channels, n⁴")
    m0, h0, n0 = hh_steady_state_gates(v_rest)
    ax.axvline(v_rest * MV_PER_V, color=MUTED_COLOUR, linestyle=":")
    for value, ion, offset in ((m0**3 * h0, "Na", (8, -14)), (n0**4, "K", (8, 4))):
        ax.plot([v_rest * MV_PER_V], [value], "o", color=ION_COLOURS[ion])
        ax.annotate(
            format_scientific(value, 2),
            (v_rest * MV_PER_V, value),
            xytext=offset,
            textcoords="offset points",
            fontsize=9,
            color=ION_COLOURS[ion],
        )
    ax.set_ylim(1e-7, 1.5)
    ax.set_xlabel("membrane potential V (mV)")
    ax.set_ylabel("open probability (log scale)")
    ax.legend(loc="lower right", fontsize=9)
    return fig


def plot_iv_curves(membranes, v_range=(-0.1, -0.02)):
    """Draw the steady-state I-V curves of several membranes with their rest points.

    Parameters
    ----------
    membranes : dict of str to RestingMembrane
        Label -> membrane, at most three.
    v_range : tuple of float, optional
        Potentials in V (default -100 to -20 mV).

    Returns
    -------
    matplotlib.figure.Figure
        One curve per membrane (uA/cm^2 against mV); rest points filled where
        stable, open where unstable.
    """
    v = np.linspace(*v_range, 321)
    fig, ax = _new_axes((6.0, 3.6), {"left": 0.13, "right": 0.97, "top": 0.95, "bottom": 0.15})
    ax.axhline(0.0, color=MUTED_COLOUR, linewidth=0.8)
    for (label, membrane), style in zip(membranes.items(), LINESTYLES, strict=False):
        current = membrane_current_density(v, membrane) / UA_PER_CM2
        ax.plot(v * MV_PER_V, current, color=NEUTRAL_COLOUR, linestyle=style, label=label)
        for point in rest_points(membrane):
            if v_range[0] <= point.v <= v_range[1]:
                ax.plot(
                    [point.v * MV_PER_V],
                    [0.0],
                    "o",
                    markersize=8,
                    color=NEUTRAL_COLOUR,
                    markerfacecolor=NEUTRAL_COLOUR if point.stable else "white",
                    markeredgewidth=1.8,
                    zorder=5,
                )
    ax.set_ylim(-CURRENT_LIMIT_UA, CURRENT_LIMIT_UA)
    ax.set_xlim(v_range[0] * MV_PER_V, v_range[1] * MV_PER_V)
    ax.set_xlabel("membrane potential V (mV)")
    ax.set_ylabel("steady current (µA/cm², outward +)")
    ax.legend(loc="upper left", fontsize=9, title="filled: stable, open: unstable")
    return fig


def plot_rest_against_leak(membranes, g_max=0.4 * MS_PER_CM2, v_max=-0.03):
    """Draw the rest points of membranes against the conductance of their K+ leak.

    Each curve is the K+ leak that makes V a rest point
    (:func:`widgets.physics.channels.leak_permeability_for_rest`), drawn with the
    leak across and V up: solid where the rest point is stable, dashed where it is
    unstable. A fold, where the two meet, is marked with a cross.

    Parameters
    ----------
    membranes : dict of str to RestingMembrane
        Label -> membrane (its own rest points are marked), each labelled on its curve.
    g_max : float, optional
        Largest leak drawn, in S/m^2 (default 0.4 mS/cm^2).
    v_max : float, optional
        Highest potential drawn, in V (default -30 mV).

    Returns
    -------
    matplotlib.figure.Figure
        Per membrane, line segments of (leak in mS/cm^2, V in mV).
    """
    fig, ax = _new_axes((6.0, 3.6), {"left": 0.13, "right": 0.97, "top": 0.95, "bottom": 0.15})
    top = -np.inf  # mV, the highest label
    for label, membrane in membranes.items():
        e_k = nernst_potential(membrane.c_out["K"], membrane.c_in["K"], 1, membrane.T)
        v = np.linspace(e_k, v_max, 1201)[1:]
        # The conductance is proportional to the permeability, which is negative where no
        # leak can make V a rest point.
        per_unit = k_leak_conductance(1.0, membrane) / MS_PER_CM2
        g = leak_permeability_for_rest(v, membrane) * per_unit
        stable = np.gradient(g, v) < 0
        shown = (g >= 0) & (g <= g_max / MS_PER_CM2)
        for piece in np.split(np.arange(v.size), np.flatnonzero(np.diff(stable)) + 1):
            piece = piece[shown[piece]]
            if piece.size > 1:
                ax.plot(
                    g[piece],
                    v[piece] * MV_PER_V,
                    color=NEUTRAL_COLOUR if stable[piece[0]] else MUTED_COLOUR,
                    linestyle="-" if stable[piece[0]] else "--",
                    linewidth=2.2 if stable[piece[0]] else 1.5,
                )
        g_own = k_leak_conductance(membrane.p_leak["K"], membrane) / MS_PER_CM2
        for point in rest_points(membrane):
            if point.v <= v_max:
                ax.plot(
                    [g_own],
                    [point.v * MV_PER_V],
                    "o",
                    color=NEUTRAL_COLOUR,
                    markerfacecolor=NEUTRAL_COLOUR if point.stable else "white",
                    markeredgewidth=1.5,
                    zorder=5,
                )
        fold = rest_loss(membrane)
        if fold is not None:
            g_fold = k_leak_conductance(fold.p_leak, membrane) / MS_PER_CM2
            ax.plot([g_fold], [fold.v * MV_PER_V], "x", color=ION_COLOURS["Na"], markersize=10)
        # The label sits above the curve where the leak is smallest: the curves fall to the
        # right there, away from the text.
        at = np.argmin(np.where(g >= 0, g, np.inf))
        ax.annotate(
            label,
            (g[at], v[at] * MV_PER_V),
            xytext=(4, 4),
            textcoords="offset points",
            ha="left",
            va="bottom",
            fontsize=9,
        )
        top = max(top, v[at] * MV_PER_V)
    ax.axvline(
        k_leak_conductance(SQUID.p_leak["K"]) / MS_PER_CM2, color=MUTED_COLOUR, linestyle=":"
    )
    ax.set_xlim(0.0, g_max / MS_PER_CM2)
    ax.set_ylim(top=top + 4.0)  # room for the label above
    ax.set_xlabel("K⁺ leak conductance (mS/cm², at −65 mV)")
    ax.set_ylabel("rest points V (mV)")
    return fig
