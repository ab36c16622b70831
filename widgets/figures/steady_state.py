"""Static figures of the pump chapter: the pump's saturation and the current budget at rest.

Each function returns a figure drawn once (Agg, fixed margins), for a chapter to show
with :func:`~widgets.figures.agg.render_png` and a test to read its drawn data.
"""

import numpy as np

from widgets.figures.agg import new_figure
from widgets.figures.palette import ION_COLOURS, MUTED_COLOUR, NEUTRAL_COLOUR
from widgets.physics.pump import PUMP_K_K, PUMP_K_NA, pump_activation
from widgets.physics.pump_leak import ION_ORDER, PUMP_STOICHIOMETRY

DPI = 150  # book figures are drawn once: sharper than an explorer's live image
PA_PER_A = 1e12
ION_LABELS = {"Na": "Na⁺", "K": "K⁺", "Cl": "Cl⁻"}


def plot_pump_activation(na_in, k_out, na_max=60.0, k_max=20.0):
    """Draw the pump's rate against internal Na⁺ and against external K⁺, rest marked.

    Parameters
    ----------
    na_in, k_out : float
        The resting cell's [Na⁺]in and [K⁺]out in mol/m³ (= mM), marked in both panels.
    na_max, k_max : float, optional
        Right ends of the two concentration axes in mM.

    Returns
    -------
    matplotlib.figure.Figure
        Two axes: activation (fraction of the maximal rate) against [Na⁺]in at the
        resting [K⁺]out, and against [K⁺]out at the resting [Na⁺]in (Luo and Rudy 1994
        constants, :func:`~widgets.physics.pump_activation`).
    """
    fig = new_figure(
        figsize=(6.4, 3.0),
        dpi=DPI,
        margins={"left": 0.10, "right": 0.98, "bottom": 0.17, "top": 0.90, "wspace": 0.28},
    )
    panels = fig.subplots(1, 2, sharey=True)
    rest = pump_activation(na_in, k_out)
    cases = (
        (panels[0], np.linspace(0.2, na_max, 300), "Na", PUMP_K_NA, na_in, "[Na⁺] inside (mM)"),
        (panels[1], np.linspace(0.05, k_max, 300), "K", PUMP_K_K, k_out, "[K⁺] outside (mM)"),
    )
    for ax, axis, ion, half, resting, label in cases:
        rate = pump_activation(axis, k_out) if ion == "Na" else pump_activation(na_in, axis)
        ax.plot(axis, rate, color=ION_COLOURS[ion], linewidth=2.0)
        ax.axvline(half, color=MUTED_COLOUR, linestyle=":", linewidth=1.0)
        ax.text(half, 0.02, f" half-activation\n {half:g} mM", fontsize=7.5, color=MUTED_COLOUR)
        ax.plot([resting], [rest], "o", color=NEUTRAL_COLOUR, markersize=6)
        ax.annotate(
            f"rest: {rest:.2f}",
            (resting, rest),
            xytext=(8, 10),
            textcoords="offset points",
            fontsize=8,
        )
        ax.set_xlabel(label, fontsize=9)
        ax.set_xlim(0.0, axis[-1])
        ax.grid(True, color="#e4e4e4", linewidth=0.6)
        ax.tick_params(labelsize=8)
    panels[0].set_ylim(0.0, 1.0)
    panels[0].set_ylabel("pump rate\n(fraction of maximum)", fontsize=9)
    panels[0].set_title(f"at [K⁺] outside = {k_out:g} mM", fontsize=9)
    panels[1].set_title(f"at [Na⁺] inside = {na_in:g} mM", fontsize=9)
    return fig


def plot_current_budget(state):
    """Draw the steady state's currents per ion: leak against pump, and their totals.

    Parameters
    ----------
    state : PumpLeakState
        A steady state (:func:`~widgets.physics.pump_leak.steady_state`): leak current
        densities and the pump current density in A/m², the membrane area in m².

    Returns
    -------
    matplotlib.figure.Figure
        Horizontal bars in pA, outward positive: for Na⁺, K⁺ and Cl⁻ the leak and the
        pump's share (3 and −2 times its net current), then the sums over ions.
        ``fig.budget`` holds the drawn values: ``{row: (leak, pump)}`` in pA.
    """
    leak = state.i_leak * state.area * PA_PER_A
    pump = PUMP_STOICHIOMETRY * state.i_pump * state.area * PA_PER_A
    rows = {ION_LABELS[ion]: (leak[k], pump[k]) for k, ion in enumerate(ION_ORDER)}
    rows["all ions"] = (leak.sum(), pump.sum())
    fig = new_figure(
        figsize=(6.4, 3.2),
        dpi=DPI,
        margins={"left": 0.14, "right": 0.97, "bottom": 0.16, "top": 0.97},
    )
    ax = fig.add_subplot()
    colours = [*(ION_COLOURS[ion] for ion in ION_ORDER), NEUTRAL_COLOUR]
    y = np.arange(len(rows))[::-1]
    height = 0.36
    limit = 1.45 * max(abs(value) for pair in rows.values() for value in pair)
    for row, (name, (leak_pA, pump_pA)) in enumerate(rows.items()):
        colour = colours[row]
        ax.barh(
            y[row] + height / 2, leak_pA, height, color=colour, label="leak" if row == 0 else None
        )
        ax.barh(
            y[row] - height / 2, pump_pA, height, color="white", edgecolor=colour, hatch="///",
            label="pump" if row == 0 else None,
        )  # fmt: skip
        for value, offset in ((leak_pA, height / 2), (pump_pA, -height / 2)):
            text = "0 pA" if abs(value) < 0.05 else f"{value:+.1f} pA".replace("-", "−")
            ax.text(
                value + np.copysign(0.02 * limit, value if value else 1.0),
                y[row] + offset,
                text,
                va="center",
                ha="left" if value >= 0 else "right",
                fontsize=7.5,
            )
        if name == "all ions":
            total = leak_pA + pump_pA
            ax.text(limit * 0.98, y[row], f"net: {abs(total):.1f} pA", ha="right", va="center",
                    fontsize=8, color=NEUTRAL_COLOUR)  # fmt: skip
    ax.axvline(0.0, color=NEUTRAL_COLOUR, linewidth=0.8)
    ax.set_yticks(y, list(rows))
    ax.set_xlim(-limit, limit)
    ax.set_xlabel("current (pA): inward ←  → outward", fontsize=9)
    ax.tick_params(labelsize=8)
    legend = ax.legend(loc="lower left", fontsize=8, frameon=False)
    legend.legend_handles[0].set_color(MUTED_COLOUR)
    legend.legend_handles[1].set_edgecolor(MUTED_COLOUR)
    fig.budget = rows
    return fig
