"""The scenario explorer: a neuron, a heart cell, a plant cell or a bacterium, in a situation.

Choose the cell, then a scenario where it applies: the neuron at rest or with its
Na⁺/K⁺ pump failing (ischaemia), the heart cell at a level of plasma K⁺
(hyperkalaemia), the plant cell and E. coli as measured. Two sliders set the K⁺ outside
(neuron and heart) and the pump's capacity (neuron); the figure shows V with each ion's
Nernst potential, the currents at rest (or, for the plant and the bacterium, the
driving forces and the two parts of the proton-motive force) and the scenario.
"""

import ipywidgets as widgets
import numpy as np

from widgets.explorers.base import Explorer, check_range
from widgets.explorers.controls import log_slider
from widgets.figures.applications import (
    BACTERIUM,
    CELL_LABELS,
    CELLS,
    HEART,
    NEURON,
    PLANT,
    ScenarioFigure,
)

K_OUT_DECADES = (0, 2)  # slider range, 1 to 100 mM: hypokalaemia to the K+ of anoxic tissue
PUMP_RANGE = (0.0, 100.0)  # percent of the normal capacity
_WIDE = {"description_width": "14em"}
_SLIDER_WIDTH = "36em"

# Named situations per cell: label, K+ outside (mM) and pump capacity (%); None keeps the
# slider where it is (the plant cell and E. coli use neither).
SCENARIOS = {
    NEURON: {
        "rest": ("At rest", 5.0, 100.0),
        "pump_stopped": ("Ischaemia: pump stopped", 5.0, 0.0),
        "pump_quarter": ("Ischaemia: pump at a quarter", 5.0, 25.0),
        "high_k": ("K⁺ outside raised to 10 mM", 10.0, 100.0),
    },
    HEART: {
        "rest": ("Luo–Rudy bath, 5.4 mM K⁺", 5.4, None),
        "mild": ("Mild hyperkalaemia, 5.7 mM", 5.7, None),
        "moderate": ("Moderate hyperkalaemia, 6.2 mM", 6.2, None),
        "severe": ("Severe hyperkalaemia, 7 mM", 7.0, None),
        "far": ("Far above: 10 mM", 10.0, None),
    },
    PLANT: {"rest": ("As measured (pea root)", None, None)},
    BACTERIUM: {"rest": ("Grown at pH 7", None, None)},
}
# K+ values drawn on the website: log-spaced from 1 to 100 mM with the scenarios' values.
SITE_K_OUT = [1.0, 1.5, 2.0, 3.0, 4.0, 5.0, 5.4, 5.7, 6.2, 7.0, 8.0, 10.0, 13.0, 20.0, 30.0, 50.0]


class ScenarioExplorer(Explorer):
    """The scenario explorer; build it with :func:`scenario_explorer`.

    Controls (names in ``controls``): ``cell``, ``scenario`` (a named situation of the
    cell; blank when the values are your own), ``k_out`` (K⁺ outside, mM, log slider;
    neuron and heart), ``pump_percent`` (Na⁺/K⁺ pump capacity, %; neuron) and ``reset``.
    """

    title = "Scenario explorer"

    def __init__(self, cell, scenario, k_out, pump_percent):
        figure = ScenarioFigure(cell=cell, k_out=k_out, pump_fraction=pump_percent / 100.0)
        figure.prerender()  # so that switching cell is as fast as moving a slider
        controls = {
            "cell": _dropdown(
                [(CELL_LABELS[key], key) for key in CELLS],
                cell,
                "Cell",
                "The cell; choosing one loads its first scenario",
            ),
            "scenario": _dropdown(
                _scenario_options(cell),
                scenario,
                "Scenario",
                "A named situation of this cell; blank when the values are your own",
            ),
            "k_out": log_slider(
                k_out,
                K_OUT_DECADES,
                "K⁺ outside (mM)",
                "Bath K⁺ of the neuron or plasma K⁺ of the heart, logarithmic, 1 to 100 mM",
                _WIDE,
                _SLIDER_WIDTH,
                readout_format=".3",
            ),
            "pump_percent": widgets.FloatSlider(
                value=pump_percent,
                min=PUMP_RANGE[0],
                max=PUMP_RANGE[1],
                step=5.0,
                readout_format=".0f",
                description="Na⁺/K⁺ pump capacity (%)",
                tooltip="The neuron's pump after t = 0, in percent of normal (0 = no ATP)",
                style=_WIDE,
                layout=widgets.Layout(width=_SLIDER_WIDTH, max_width="100%"),
            ),
        }
        rows = [["cell", "reset"], ["scenario"], ["k_out"], ["pump_percent"]]
        super().__init__(figure, controls, rows)

    def react(self, name, new):
        """Offer a new cell's scenarios and load the first; load a chosen scenario's values."""
        if name == "cell":
            scenario = self.controls["scenario"]
            self.show("scenario", None)  # the old cell's key may not exist for the new one
            scenario.options = _scenario_options(new)
            scenario.value = next(iter(SCENARIOS[new]))
        elif name == "scenario" and new is not None:
            _, k_out, pump = SCENARIOS[self.controls["cell"].value][new]
            if k_out is not None:
                self.controls["k_out"].value = k_out
            if pump is not None:
                self.controls["pump_percent"].value = pump

    def apply(self, values):
        """Draw ``values``; enable the sliders that apply and show the matching scenario."""
        cell = values["cell"]
        self.figure.update(
            cell=cell, k_out=values["k_out"], pump_fraction=values["pump_percent"] / 100.0
        )
        self.controls["k_out"].disabled = cell not in (NEURON, HEART)
        self.controls["pump_percent"].disabled = cell != NEURON
        self.show("scenario", _matching_scenario(values))

    def invalid_message(self, error):
        """Say which values cannot be drawn and why."""
        return f"These values cannot be drawn: {error}."

    def site_grid(self):
        """Return the cells and K⁺ values precomputed for the website.

        Returns
        -------
        dict of str to list
            ``{"cell": [4 cells], "k_out": [16 values, mM]}``: 64 frames, the heart's
            classes of hyperkalaemia and the neuron's raised K⁺ among them.
        """
        return {"cell": list(CELLS), "k_out": list(SITE_K_OUT)}


def _dropdown(options, value, description, tooltip):
    return widgets.Dropdown(
        options=options,
        value=value,
        description=description,
        tooltip=tooltip,
        style=_WIDE,
        layout=widgets.Layout(width="30em", max_width="100%"),
    )


def _scenario_options(cell):
    return [(label, key) for key, (label, *_) in SCENARIOS[cell].items()]


def _matching_scenario(values):
    """Return the key of the cell's scenario whose values are on display (the chosen one first)."""
    scenarios = SCENARIOS[values["cell"]]
    chosen = values["scenario"]
    for key in sorted(scenarios, key=lambda key: key != chosen):
        _, k_out, pump = scenarios[key]
        if (k_out is None or np.isclose(values["k_out"], k_out)) and (
            pump is None or np.isclose(values["pump_percent"], pump)
        ):
            return key
    return None


def scenario_explorer(cell=NEURON, scenario=None, k_out=None, pump_percent=None):
    """Return the scenario explorer: a cell's potentials and currents in a situation.

    Parameters
    ----------
    cell : str, optional
        ``"mammalian_neuron"`` (default), ``"cardiac_myocyte"``, ``"plant_root_cell"`` or
        ``"e_coli"``.
    scenario : str, optional
        A key of ``SCENARIOS[cell]`` (default the cell's first, ``"rest"``); its values
        are the defaults of ``k_out`` and ``pump_percent``.
    k_out : float, optional
        K⁺ outside in mM, 1 to 100 (neuron: bath; heart: plasma).
    pump_percent : float, optional
        The neuron's Na⁺/K⁺ pump capacity after t = 0 in percent, 0 to 100.

    Returns
    -------
    ScenarioExplorer
        With public ``controls``, ``figure`` (a
        :class:`~widgets.figures.applications.ScenarioFigure`), ``image``, ``readout``,
        ``widget``, ``set(**values)`` and ``site_grid()``.

    Raises
    ------
    ValueError
        If ``cell`` or ``scenario`` is unknown or a value lies outside its control's range.

    Notes
    -----
    The neuron is the pump-leak soma (:mod:`widgets.physics.pump_leak`); a failing pump
    is simulated for an hour (:func:`widgets.physics.simulate_intervention`). The heart cell rests
    at the GHK voltage of its leaks (:func:`widgets.physics.ghk_rest`), with Luo and
    Rudy's Na⁺ channel availability. The plant cell and E. coli are drawn as measured,
    with the proton-motive force

    .. math:: \\Delta p = \\Delta\\psi - \\frac{RT \\ln 10}{F} \\Delta\\mathrm{pH}

    Examples
    --------
    >>> explorer = scenario_explorer("cardiac_myocyte", scenario="severe")
    >>> round(explorer.figure.v * 1e3, 1), round(explorer.figure.availability, 2)
    (-76.1, 0.83)
    >>> explorer.set(cell="e_coli")
    >>> explorer.values()["scenario"]
    'rest'
    """
    if cell not in CELLS:
        raise ValueError(f"cell must be one of {list(CELLS)}; got {cell!r}")
    scenario = next(iter(SCENARIOS[cell])) if scenario is None else scenario
    if scenario not in SCENARIOS[cell]:
        raise ValueError(
            f"scenario must be one of {list(SCENARIOS[cell])} for {cell}; got {scenario!r}"
        )
    _, scenario_k, scenario_pump = SCENARIOS[cell][scenario]
    neuron_k, neuron_pump = SCENARIOS[NEURON]["rest"][1:]
    k_out = (neuron_k if scenario_k is None else scenario_k) if k_out is None else k_out
    pump_percent = (
        (neuron_pump if scenario_pump is None else scenario_pump)
        if pump_percent is None
        else pump_percent
    )
    check_range("k_out", k_out, *(10.0 ** np.array(K_OUT_DECADES)), "mM")
    check_range("pump_percent", pump_percent, *PUMP_RANGE, "%")
    return ScenarioExplorer(cell, scenario, float(k_out), float(pump_percent))
