"""Static figures of the Nernst chapter: equilibrium potentials, the energy balance, temperature.

Each function draws on an ``Axes`` it is given (or a new figure) and returns the
figure, so a chapter can glue it and a test can read the drawn data.
"""

import numpy as np

from widgets.constants import BODY_TEMPERATURE, ZERO_CELSIUS
from widgets.data import IONS
from widgets.figures.agg import new_figure
from widgets.figures.palette import ION_COLOURS, MUTED_COLOUR, NEUTRAL_COLOUR
from widgets.formatting import MV_PER_V, format_number
from widgets.physics import nernst_potential, nernst_slope

DPI = 150  # book figures are drawn once: sharper than an explorer's live image


def _new_axes(figsize, margins):
    fig = new_figure(figsize=figsize, dpi=DPI, margins=margins)
    return fig, fig.add_subplot()


def equilibrium_range(preset, ion):
    """Return the range of an ion's Nernst potential over the preset's published ranges.

    Parameters
    ----------
    preset : widgets.data.CellPreset
        Concentrations (mol/m^3), their published ranges and the temperature (K).
    ion : str
        One of ``preset.ions``.

    Returns
    -------
    tuple of float
        ``(low, high)`` in V; equal where the source gives single values.

    Examples
    --------
    >>> from widgets.data import get_preset
    >>> low, high = equilibrium_range(get_preset("mammalian_neuron"), "Cl")
    >>> round(low * 1e3, 1), round(high * 1e3, 1)
    (-82.6, -53.3)
    """
    c_out, c_in = preset.concentration_range(ion)
    corners = nernst_potential(
        np.array(c_out)[:, None], np.array(c_in)[None, :], IONS[ion].z, preset.T
    )
    return float(corners.min()), float(corners.max())


def plot_equilibrium_potentials(preset, v_rest=None):
    """Draw each ion's Nernst potential for a cell preset on a vertical mV scale.

    Where the source gives a range of concentrations, a pale band spans the Nernst
    potentials over that range, so the figure carries the uncertainty of the data.

    Parameters
    ----------
    preset : widgets.data.CellPreset
        Concentrations (mol/m^3), their ranges and temperature (K) of one cell type.
    v_rest : float, optional
        A resting potential in V to mark for comparison.

    Returns
    -------
    matplotlib.figure.Figure
        One horizontal tick per ion at E_ion (mV), labelled with its value, and a band
        (a ``Rectangle`` patch) per ion with a range.
    """
    fig, ax = _new_axes((5.6, 4.2), {"left": 0.16, "right": 0.66, "top": 0.95, "bottom": 0.05})
    for ion in preset.ions:
        e_mV = MV_PER_V * nernst_potential(
            preset.c_out[ion], preset.c_in[ion], IONS[ion].z, preset.T
        )
        low, high = (MV_PER_V * e for e in equilibrium_range(preset, ion))
        label = f"$E$({IONS[ion].label}) = {format_number(e_mV, 0, signed=True)} mV"
        if high > low:
            ax.axhspan(low, high, xmin=0.1, xmax=0.9, color=ION_COLOURS[ion], alpha=0.2, lw=0)
            label += f"\n({_signed(low)} to {_signed(high)})"
        ax.hlines(e_mV, 0.1, 0.9, colors=ION_COLOURS[ion], linewidth=3)
        ax.text(
            0.95,
            e_mV,
            label,
            va="center",
            color=ION_COLOURS[ion],
            transform=ax.get_yaxis_transform(),
            fontsize=10,
        )
    ax.axhline(0.0, color=MUTED_COLOUR, linewidth=0.8)
    if v_rest is not None:  # stops short of the labels on the right
        ax.hlines(MV_PER_V * v_rest, 0.0, 0.92, colors=NEUTRAL_COLOUR, linestyles="--", lw=1.2)
        ax.text(
            0.5,
            MV_PER_V * v_rest - 6,
            f"typical rest {format_number(MV_PER_V * v_rest, 0)} mV",
            ha="center",
            va="top",
            fontsize=9,
        )
    ax.set_xlim(0, 1)
    ax.set_xticks([])
    ax.set_ylabel("membrane potential (mV)")
    for side in ("top", "right", "bottom"):
        ax.spines[side].set_visible(False)
    return fig


def _signed(value_mV):
    return format_number(value_mV, 0, signed=True)


def plot_energy_balance(c_out, c_in, z=1, T=BODY_TEMPERATURE, v_range=(-0.15, 0.05)):
    """Draw the two terms of the energy an ion gains by leaving the cell, per unit charge.

    An ion that moves from inside to outside changes its electrochemical potential by
    :math:`\\tilde\\mu_\\mathrm{out} - \\tilde\\mu_\\mathrm{in}`; divided by :math:`zF`, the
    energy it releases per unit of the charge it carries is a voltage (1 mV = 1 mJ/C) with
    two terms: the chemical term :math:`(RT/zF)\\ln(c_\\mathrm{in}/c_\\mathrm{out}) = -E`,
    which does not depend on V, and the electrical term :math:`V`. Their sum :math:`V - E`
    vanishes at the Nernst potential; where it is positive a cation tends to leave (an
    anion, whose charge is negative, tends to enter).

    Parameters
    ----------
    c_out, c_in : float
        Concentrations in mol/m^3 (= mM).
    z : int, optional
        Valence (default +1).
    T : float, optional
        Temperature in K.
    v_range : tuple of float, optional
        Potential range in V.

    Returns
    -------
    matplotlib.figure.Figure
        Lines ``chemical``, ``electrical`` and ``net`` (in that order) on one axes, in mV.
    """
    e = nernst_potential(c_out, c_in, z, T)
    v = np.linspace(*v_range, 201)
    chemical = np.full_like(v, -e)  # (RT/zF) ln(c_in/c_out) = -E
    electrical = v
    fig, ax = _new_axes((6.0, 3.8), {"left": 0.13, "right": 0.97, "top": 0.95, "bottom": 0.15})
    ax.plot(
        MV_PER_V * v,
        MV_PER_V * chemical,
        color=ION_COLOURS.get("K"),
        label="chemical term (RT/zF) ln(c_in/c_out)",
    )
    ax.plot(
        MV_PER_V * v,
        MV_PER_V * electrical,
        color=ION_COLOURS.get("Na"),
        linestyle="--",
        label="electrical term V",
    )
    ax.plot(
        MV_PER_V * v,
        MV_PER_V * (chemical + electrical),
        color=NEUTRAL_COLOUR,
        label="sum V − E",
    )
    ax.axhline(0.0, color=MUTED_COLOUR, linewidth=0.8)
    ax.axvline(MV_PER_V * e, color=MUTED_COLOUR, linestyle=":")
    ax.annotate(
        f"equilibrium\nV = E = {format_number(MV_PER_V * e, 0)} mV",
        (MV_PER_V * e, 0.0),
        xytext=(12, -40),
        textcoords="offset points",
        fontsize=9,
        arrowprops={"arrowstyle": "->", "color": MUTED_COLOUR},
    )
    ax.set_xlabel("membrane potential V (mV)")
    ax.set_ylabel("energy per unit charge (mV = mJ/C)")
    ax.legend(loc="upper left", fontsize=8, frameon=False)
    return fig


def plot_temperature_dependence(t_celsius_range=(0.0, 45.0), marks_celsius=(20.0, 37.0)):
    """Draw the Nernst slope per tenfold concentration change against temperature.

    Parameters
    ----------
    t_celsius_range : tuple of float, optional
        Temperatures in degC.
    marks_celsius : sequence of float, optional
        Temperatures in degC to mark and label.

    Returns
    -------
    matplotlib.figure.Figure
        One line of (RT/F) ln 10 in mV against temperature in degC.
    """
    t_c = np.linspace(*t_celsius_range, 91)
    slope_mV = MV_PER_V * nernst_slope(t_c + ZERO_CELSIUS)
    fig, ax = _new_axes((5.6, 3.4), {"left": 0.14, "right": 0.97, "top": 0.95, "bottom": 0.17})
    ax.plot(t_c, slope_mV, color=NEUTRAL_COLOUR)
    for mark in marks_celsius:
        s = MV_PER_V * nernst_slope(mark + ZERO_CELSIUS)
        ax.plot([mark], [s], "o", color=ION_COLOURS["K"])
        ax.annotate(
            f"{s:.1f} mV at {mark:.0f} °C",
            (mark, s),
            xytext=(-10, 10),
            textcoords="offset points",
            ha="right",
            fontsize=9,
        )
    ax.set_xlabel("temperature (°C)")
    ax.set_ylabel("mV per tenfold change\n(monovalent ion)")
    return fig
