"""Static figures of the applications chapter: hyperkalaemia, pump failure, demyelination, plants.

Each ``plot_*`` function returns a new figure drawn once, so the chapter can show it and
a test can read what was drawn. The ``draw_*`` helpers draw one panel into given axes;
the scenario explorer's figure uses them too, so each panel is drawn by one piece of code.
"""

import numpy as np
from matplotlib.ticker import NullFormatter

from widgets.data.applications import HYPERKALAEMIA_CLASSES
from widgets.data.ions import IONS, get_preset
from widgets.figures.agg import new_figure
from widgets.figures.palette import ION_COLOURS, MUTED_COLOUR, NEUTRAL_COLOUR
from widgets.formatting import MV_PER_V, format_number
from widgets.physics.cardiac import cardiac_sodium_availability
from widgets.physics.cells import ghk_rest
from widgets.physics.demyelination import SAFETY_FACTOR, conduction_margin
from widgets.physics.nernst import equilibrium_ratio, nernst_potential
from widgets.physics.rundown import DEPOLARISED_LEVEL, depolarisation_time, simulate_intervention

DPI = 150  # book figures are drawn once: sharper than an explorer's live image
HEART = "cardiac_myocyte"
PLANT = "plant_root_cell"
PLASMA_K_RANGE = (2.0, 20.0)  # mM: below normal plasma to far above severe hyperkalaemia
PLASMA_K_POINTS = 121
HEART_V_LIMITS_MV = (-105.0, -45.0)
# Shades of grey for the classes of hyperkalaemia, darker for more severe.
CLASS_SHADES = {"mild": "#eeeeee", "moderate": "#dddddd", "severe": "#c8c8c8"}
PUMP_FRACTIONS = (0.0, 0.25, 0.5, 1.0)  # the runs of the pump-failure figure
PUMP_STYLES = ("-", "--", "-.", ":")
FAILURE_MINUTES = 60.0
EXPOSED_K_RANGE = (0.0, 8.0)  # exposed K+ permeability in units of the node's P_K
K_BLOCK = 0.5  # illustrative: the share of exposed channels 4-aminopyridine blocks
ACCUMULATED_IONS = ("K", "Na", "Cl")


def _new_axes(figsize, margins):
    fig = new_figure(figsize=figsize, dpi=DPI, margins=margins)
    return fig, fig.add_subplot()


def plasma_potassium_curves(k_range=PLASMA_K_RANGE, n=PLASMA_K_POINTS):
    """Return the heart cell's V, E_K and Na⁺ channel availability against plasma K⁺.

    Parameters
    ----------
    k_range : tuple of float, optional
        Lowest and highest plasma K⁺ in mM (default 2 to 20 mM).
    n : int, optional
        Number of points, log-spaced (default 121).

    Returns
    -------
    dict of str to numpy.ndarray
        ``k`` (mM), ``v`` and ``e_k`` (V), ``availability`` (0 to 1).
    """
    cell = get_preset(HEART)
    k = np.geomspace(*k_range, n)
    v = ghk_rest(HEART, k)
    return {
        "k": k,
        "v": v,
        "e_k": nernst_potential(k, cell.c_in["K"], IONS["K"].z, cell.T),
        "availability": cardiac_sodium_availability(v),
    }


def draw_hyperkalaemia_classes(ax, label=True):
    """Shade the classes of hyperkalaemia on an axes whose x axis is plasma K⁺ in mM.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        The axes; its x limits must already be set.
    label : bool, optional
        Write each class's name at the top of its band (default True).

    Returns
    -------
    list of matplotlib.patches.Polygon
        One band per class, mildest first.
    """
    right = ax.get_xlim()[1]
    bands = []
    for name, low, high in HYPERKALAEMIA_CLASSES:
        bands.append(
            ax.axvspan(low, min(high, right), color=CLASS_SHADES[name], zorder=0, linewidth=0)
        )
        if label:
            centre = np.sqrt(low * min(high, right))  # the middle on a log axis
            ax.text(
                centre,
                0.98,
                name,
                transform=ax.get_xaxis_transform(),
                ha="center",
                va="top",
                fontsize=7,
                rotation=90 if high < right else 0,
                color="#444444",
            )
    return bands


def draw_plasma_potassium(ax, curves, label_classes=True, ticks=(2, 3, 4, 5, 6, 8, 10, 15, 20)):
    """Draw V and E_K of the heart cell against plasma K⁺, classes of hyperkalaemia shaded.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        The axes (a logarithmic x axis is set).
    curves : dict
        As returned by :func:`plasma_potassium_curves`.
    label_classes : bool, optional
        Name each class at the top of its band (default True).
    ticks : sequence of float, optional
        Plasma K⁺ values in mM to mark on the axis.

    Returns
    -------
    tuple of matplotlib.lines.Line2D
        ``(v_line, e_k_line)``, in mV.
    """
    ax.set_xscale("log")
    ax.set_xlim(curves["k"][0], curves["k"][-1])
    draw_hyperkalaemia_classes(ax, label=label_classes)
    (v_line,) = ax.plot(
        curves["k"], curves["v"] * MV_PER_V, color=NEUTRAL_COLOUR, linewidth=2.2, label="V (GHK)"
    )
    (e_k_line,) = ax.plot(
        curves["k"],
        curves["e_k"] * MV_PER_V,
        color=ION_COLOURS["K"],
        linestyle="--",
        linewidth=1.5,
        label="E_K",
    )
    ax.set_ylim(*HEART_V_LIMITS_MV)
    ax.set_xticks(ticks, [f"{t:g}" for t in ticks])
    ax.xaxis.set_minor_formatter(NullFormatter())
    ax.set_ylabel("membrane potential (mV)")
    return v_line, e_k_line


def plot_hyperkalaemia():
    """Draw a ventricular cell's resting potential and Na⁺ channel availability against plasma K⁺.

    Returns
    -------
    matplotlib.figure.Figure
        Axes 0: V and E_K in mV against plasma K⁺ (log, mM), classes of hyperkalaemia
        shaded; axes 1 (twin): the available fraction of Na⁺ channels in %.
    """
    fig, ax = _new_axes((6.4, 3.6), {"left": 0.12, "right": 0.88, "top": 0.95, "bottom": 0.15})
    curves = plasma_potassium_curves()
    draw_plasma_potassium(ax, curves)
    ax.set_xlabel("plasma K⁺ (mM)")
    twin = ax.twinx()
    twin.plot(
        curves["k"],
        100 * curves["availability"],
        color=ION_COLOURS["Na"],
        linewidth=1.8,
        label="Na⁺ channels available",
    )
    twin.set_ylim(0, 105)
    twin.set_ylabel("Na⁺ channels available (%)", color=ION_COLOURS["Na"])
    handles = ax.get_lines() + twin.get_lines()
    ax.legend(handles, [h.get_label() for h in handles], loc="lower right", fontsize=8)
    return fig


def plot_pump_failure(fractions=PUMP_FRACTIONS, minutes=FAILURE_MINUTES):
    """Draw a neuron soma's V and volume after its pump drops to given capacities.

    Parameters
    ----------
    fractions : sequence of float, optional
        Pump capacities after t = 0 as fractions of normal (default 0, 0.25, 0.5, 1).
    minutes : float, optional
        Length of the runs in minutes (default 60).

    Returns
    -------
    matplotlib.figure.Figure
        Axes 0: V (mV) against time (min), one line per capacity, the depolarised level
        dotted and each crossing marked; axes 1: volume in % of the resting volume.
    """
    fig = new_figure(figsize=(7.0, 3.4), dpi=DPI, margins={"bottom": 0.16, "top": 0.95})
    ax_v, ax_vol = fig.subplots(1, 2, gridspec_kw={"wspace": 0.32})
    t_eval = np.linspace(0.0, minutes * 60.0, 241)
    for fraction, style in zip(fractions, PUMP_STYLES, strict=False):
        run = simulate_intervention(pump_fraction=fraction, duration=minutes * 60.0, t_eval=t_eval)
        label = f"pump at {format_number(100 * fraction, 0)} %"
        ax_v.plot(run.t / 60, run.v * MV_PER_V, NEUTRAL_COLOUR, linestyle=style, label=label)
        ax_vol.plot(run.t / 60, 100 * run.volume / run.volume[0], NEUTRAL_COLOUR, linestyle=style)
        crossing = depolarisation_time(run.t, run.v)
        if np.isfinite(crossing):
            ax_v.plot([crossing / 60], [DEPOLARISED_LEVEL * MV_PER_V], "o", color=NEUTRAL_COLOUR)
    ax_v.axhline(DEPOLARISED_LEVEL * MV_PER_V, color=MUTED_COLOUR, linestyle=":", linewidth=1)
    ax_v.set_xlim(0, minutes)
    ax_v.set_ylim(-70, -20)
    ax_v.set_xlabel("time after the pump fails (min)")
    ax_v.set_ylabel("membrane potential (mV)")
    ax_v.legend(fontsize=7, loc="upper left")
    ax_vol.set_xlim(0, minutes)
    ax_vol.set_xlabel("time after the pump fails (min)")
    ax_vol.set_ylabel("cell volume (% of rest)")
    return fig


def plot_conduction_margin(k_block=K_BLOCK, exposed_range=EXPOSED_K_RANGE):
    """Draw what exposed K⁺ channels do to a node's rest and to its safety factor.

    Parameters
    ----------
    k_block : float, optional
        Share of the exposed channels blocked in the second curve (default 0.5).
    exposed_range : tuple of float, optional
        Exposed K⁺ permeability in units of the node's P_K (default 0 to 8).

    Returns
    -------
    matplotlib.figure.Figure
        Axes 0: safety factor against exposed K⁺ permeability, unblocked (solid) and
        with ``k_block`` blocked (dashed), failure at 1 dotted; axes 1: resting
        potential (mV) against the same, E_K dashed.
    """
    fig = new_figure(figsize=(7.0, 3.4), dpi=DPI, margins={"bottom": 0.16, "top": 0.95})
    ax_sf, ax_v = fig.subplots(1, 2, gridspec_kw={"wspace": 0.35})
    exposed = np.linspace(*exposed_range, 81)
    plain = [conduction_margin(m) for m in exposed]
    blocked = [conduction_margin(m, k_block) for m in exposed]
    ax_sf.plot(
        exposed, [m.safety_factor for m in plain], NEUTRAL_COLOUR, label="exposed channels open"
    )
    ax_sf.plot(
        exposed,
        [m.safety_factor for m in blocked],
        NEUTRAL_COLOUR,
        linestyle="--",
        label=f"{format_number(100 * k_block, 0)} % blocked (4-AP)",
    )
    ax_sf.axhline(
        1.0, color=ION_COLOURS["Na"], linestyle=":", linewidth=1.2, label="conduction fails"
    )
    ax_sf.set_xlim(*exposed_range)
    ax_sf.set_ylim(0, SAFETY_FACTOR + 0.5)
    ax_sf.set_xlabel("exposed K⁺ channels (× node's P_K)")
    ax_sf.set_ylabel("safety factor")
    ax_sf.legend(fontsize=7)
    cell = get_preset("mammalian_neuron")
    e_k = nernst_potential(cell.c_out["K"], cell.c_in["K"], 1, cell.T)
    ax_v.plot(exposed, [m.v_rest * MV_PER_V for m in plain], NEUTRAL_COLOUR, label="V at rest")
    ax_v.axhline(e_k * MV_PER_V, color=ION_COLOURS["K"], linestyle="--", label="E_K")
    ax_v.set_xlim(*exposed_range)
    ax_v.set_ylim(-95, -60)
    ax_v.set_xlabel("exposed K⁺ channels (× node's P_K)")
    ax_v.set_ylabel("resting potential (mV)")
    ax_v.legend(fontsize=7)
    return fig


def accumulation(key=PLANT, ions=ACCUMULATED_IONS):
    """Return a cell's measured internal concentrations and those its V alone would hold.

    Parameters
    ----------
    key : str, optional
        A preset with a measured ``v_rest`` (default the pea root cell).
    ions : sequence of str, optional
        Ions of the preset (default K⁺, Na⁺, Cl⁻).

    Returns
    -------
    dict of str to numpy.ndarray
        ``measured`` and ``at_equilibrium``, in mM, one per ion:
        :math:`c_\\mathrm{in} = c_\\mathrm{out}\\, e^{-zFV/RT}`.
    """
    cell = get_preset(key)
    measured = np.array([cell.c_in[ion] for ion in ions])
    at_equilibrium = np.array(
        [cell.c_out[ion] * equilibrium_ratio(cell.v_rest, IONS[ion].z, cell.T) for ion in ions]
    )
    return {"measured": measured, "at_equilibrium": at_equilibrium}


def draw_accumulation(ax, key=PLANT, ions=ACCUMULATED_IONS):
    """Draw measured internal concentrations beside those the membrane potential would hold.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        The axes (a logarithmic y axis is set).
    key : str, optional
        The cell (default the pea root cell).
    ions : sequence of str, optional
        Ions to draw (default K⁺, Na⁺, Cl⁻).

    Returns
    -------
    tuple of matplotlib.container.BarContainer
        ``(measured, at_equilibrium)``.
    """
    values = accumulation(key, ions)
    x = np.arange(len(ions))
    colours = [ION_COLOURS[ion] for ion in ions]
    measured = ax.bar(x - 0.2, values["measured"], 0.4, color=colours, label="measured inside")
    predicted = ax.bar(
        x + 0.2,
        values["at_equilibrium"],
        0.4,
        color="white",
        edgecolor=colours,
        hatch="///",
        label="what V alone holds",
    )
    cell = get_preset(key)
    ax.axhline(cell.c_out[ions[0]], color=MUTED_COLOUR, linestyle=":", linewidth=1)
    ax.set_yscale("log")
    ax.set_ylim(1e-3, 1e3)
    ax.set_xticks(x, [IONS[ion].label for ion in ions])
    ax.set_ylabel("inside (mM)")
    return measured, predicted


def plot_plant_accumulation(key=PLANT):
    """Draw a plant cell's measured ion contents beside the Nernst prediction at its V.

    Parameters
    ----------
    key : str, optional
        The cell (default the pea root cell, 1 mM of each ion outside).

    Returns
    -------
    matplotlib.figure.Figure
        One axes: filled bars measured, hatched bars :math:`c_o e^{-zFV/RT}`, log scale.
    """
    fig, ax = _new_axes((5.6, 3.4), {"left": 0.14, "right": 0.97, "top": 0.95, "bottom": 0.12})
    draw_accumulation(ax, key)
    ax.legend(fontsize=8, loc="upper right")
    cell = get_preset(key)
    ax.text(
        0.02,
        0.93,
        f"V = {format_number(cell.v_rest * MV_PER_V, 0)} mV; dotted: 1 mM outside",
        transform=ax.transAxes,
        fontsize=8,
    )
    return fig
