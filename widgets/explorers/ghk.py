"""The GHK explorer: set permeability ratios, [K⁺]out, the cell and the temperature; read V."""

import ipywidgets as widgets
import numpy as np

from widgets.constants import celsius_to_kelvin
from widgets.data.ions import PRESETS, get_preset
from widgets.explorers.base import Explorer, check_range
from widgets.explorers.controls import (
    TEMPERATURE_RANGE,
    log_slider,
    preset_celsius,
    temperature_slider,
)
from widgets.figures.ghk import K_OUT_DECADES, GHKFigure
from widgets.physics.leak import HODGKIN_KATZ

RATIO_DECADES = (-4, 2)  # P_X / P_K from 1e-4 to 100: far below Hodgkin-Katz to a lost K+ leak
SITE_K_OUT_POINTS = 21  # frames of the [K+]out slider on the static site, per cell
_WIDE = {"description_width": "14em"}
_SLIDER_WIDTH = "36em"


class GHKExplorer(Explorer):
    """The GHK explorer; build it with :func:`ghk_explorer`.

    Controls (names in ``controls``): ``preset`` (a cell of
    :data:`widgets.data.ions.PRESETS`), ``p_na_ratio`` and ``p_cl_ratio`` (P_Na/P_K
    and P_Cl/P_K, log sliders), ``k_out`` ([K⁺]out in mM, log slider), ``T_celsius``
    (degC) and ``reset``.
    """

    title = "GHK explorer"

    def __init__(self, preset, p_na_ratio, p_cl_ratio, k_out, T_celsius):
        figure = GHKFigure(
            preset=preset,
            p_na_ratio=p_na_ratio,
            p_cl_ratio=p_cl_ratio,
            k_out=k_out,
            T=celsius_to_kelvin(T_celsius),
        )
        figure.prerender()  # so that switching cell is as fast as moving a slider
        controls = _make_controls(figure, T_celsius)
        rows = [["preset", "reset"], ["p_na_ratio"], ["p_cl_ratio"], ["k_out"], ["T_celsius"]]
        super().__init__(figure, controls, rows)

    def react(self, name, new):
        """Load a cell's [K⁺]out and temperature when it is chosen (the ratios stay)."""
        if name == "preset":
            cell = get_preset(new)
            self.controls["k_out"].value = cell.c_out["K"]
            self.controls["T_celsius"].value = preset_celsius(cell.T)

    def apply(self, values):
        """Draw ``values`` into the figure."""
        self.figure.update(
            preset=values["preset"],
            p_na_ratio=values["p_na_ratio"],
            p_cl_ratio=values["p_cl_ratio"],
            k_out=values["k_out"],
            T=celsius_to_kelvin(values["T_celsius"]),
        )

    def invalid_message(self, error):
        """Say which control holds a value that is not a number, in plain words."""
        return (
            f"These values cannot be drawn ({error}). Move the slider or type a number "
            "within its range."
        )

    def site_grid(self):
        """Return the controls live on the static website: the cell, then [K⁺]out.

        Returns
        -------
        dict
            ``preset``: every cell (listed first: choosing one loads its [K⁺]out and
            temperature); ``k_out``: per cell, log-spaced [K⁺]out over the slider's range
            (mM) with the cell's own value among them.
        """
        grid = np.logspace(*K_OUT_DECADES, SITE_K_OUT_POINTS)
        k_out = {}
        for key in PRESETS:
            values = {float(f"{value:.3g}") for value in grid} | {get_preset(key).c_out["K"]}
            k_out[key] = sorted(values)
        return {"preset": list(PRESETS), "k_out": k_out}


def ghk_explorer(
    preset="mammalian_neuron",
    p_na_ratio=HODGKIN_KATZ["Na"],
    p_cl_ratio=HODGKIN_KATZ["Cl"],
    k_out=None,
    T_celsius=None,
):
    """Return the GHK explorer: the resting potential of a membrane leaky to K⁺, Na⁺ and Cl⁻.

    Set the permeability ratios and [K⁺]out on logarithmic sliders, choose a cell
    and a temperature, and read V_GHK, each ion's current at rest and their sum,
    the chord conductances and their weighted average. The figure shows the
    potentials with each ion's driving force, the currents at rest, and V against
    [K⁺]out beside the K⁺ Nernst line. Displayed where no kernel runs (the static
    book), it shows a snapshot instead of dead sliders.

    Parameters
    ----------
    preset : str, optional
        Key of :data:`widgets.data.ions.PRESETS`: its concentrations, temperature
        and leak (default ``"mammalian_neuron"``).
    p_na_ratio, p_cl_ratio : float, optional
        P_Na / P_K and P_Cl / P_K (dimensionless), from 1e-4 to 100 (defaults 0.04
        and 0.45, Hodgkin and Katz 1949).
    k_out : float, optional
        [K⁺]out in mM (= mol/m^3), from 0.1 to 1000; default: the cell's.
    T_celsius : float, optional
        Temperature in degC, from 0 to 45; default: the cell's (37 degC for the
        mammalian cells, 20 degC for the squid axon).

    Returns
    -------
    GHKExplorer
        With public ``controls``, ``figure`` (a :class:`~widgets.figures.GHKFigure`),
        ``image``, ``readout``, ``widget``, ``set(**values)`` and ``site_grid()``.

    Raises
    ------
    ValueError
        If ``preset`` is unknown or a value lies outside its control's range.

    Notes
    -----
    .. math:: \\sum_i I_{\\mathrm{GHK},i}(V) = 0

    solved by :func:`widgets.physics.ghk_voltage` (Hodgkin and Katz 1949). The
    cell's P_K is fixed: Hodgkin and Katz's ratios scaled to a resting slope
    conductance of 0.3 mS/cm^2, so the ratios set P_Na and P_Cl.

    Examples
    --------
    >>> explorer = ghk_explorer()
    >>> explorer.figure.summary()[:17]
    'V_GHK = −67.3 mV.'
    >>> explorer.set(k_out=10.0)
    >>> explorer.figure.summary()[:17]
    'V_GHK = −59.8 mV.'
    """
    cell = get_preset(preset)
    low, high = 10.0 ** np.array(RATIO_DECADES)
    check_range("p_na_ratio", p_na_ratio, low, high, "(ratio)")
    check_range("p_cl_ratio", p_cl_ratio, low, high, "(ratio)")
    k_out = cell.c_out["K"] if k_out is None else k_out
    check_range("k_out", k_out, *(10.0 ** np.array(K_OUT_DECADES)), "mM")
    T_celsius = preset_celsius(cell.T) if T_celsius is None else T_celsius
    check_range("T_celsius", T_celsius, *TEMPERATURE_RANGE, "degC")
    return GHKExplorer(preset, p_na_ratio, p_cl_ratio, k_out, T_celsius)


def _make_controls(figure, T_celsius):
    return {
        "preset": widgets.Dropdown(
            options=[(cell.label, key) for key, cell in PRESETS.items()],
            value=figure.preset,
            description="Cell",
            tooltip="The cell's concentrations and leak; choosing one loads its [K⁺] outside "
            "and temperature",
            style=_WIDE,
            layout=widgets.Layout(width="30em"),
        ),
        "p_na_ratio": _ratio_slider(figure.p_na_ratio, "Na⁺"),
        "p_cl_ratio": _ratio_slider(figure.p_cl_ratio, "Cl⁻"),
        "k_out": log_slider(
            figure.k_out,
            K_OUT_DECADES,
            "[K⁺] outside (mM)",
            "Extracellular K⁺ concentration in mM, logarithmic scale from 0.1 to 1000",
            _WIDE,
            _SLIDER_WIDTH,
        ),
        "T_celsius": temperature_slider(T_celsius, _WIDE, _SLIDER_WIDTH),
    }


def _ratio_slider(value, ion):
    return log_slider(
        value,
        RATIO_DECADES,
        f"P({ion}) / P(K⁺) (ratio)",
        f"Permeability of {ion} relative to K⁺, logarithmic scale from 0.0001 to 100; "
        "the cell's P(K⁺) stays fixed",
        _WIDE,
        _SLIDER_WIDTH,
        readout_format=".3",
    )
