"""The capacitor explorer: set the membrane slab, the voltage and the cell; count the ions."""

from dataclasses import dataclass

import ipywidgets as widgets
import numpy as np

from widgets.data.ions import get_preset
from widgets.explorers.base import Explorer, check_range
from widgets.explorers.controls import log_slider
from widgets.figures.capacitor import NM, UM, CapacitorFigure
from widgets.formatting import MV_PER_V, format_number
from widgets.physics import nernst_potential, radius_for_ion_count, radius_for_ion_fraction
from widgets.physics.electrostatics import (
    HYDROCARBON_PERMITTIVITY_RELATIVE,
    MEMBRANE_EQUIVALENT_THICKNESS,
    specific_capacitance,
)

THICKNESS_RANGE_NM = (1.0, 10.0)
THICKNESS_STEP_NM = 0.01
PERMITTIVITY_RANGE = (1.0, 10.0)
PERMITTIVITY_STEP = 0.1
VOLTAGE_RANGE_MV = (-150.0, 60.0)
VOLTAGE_STEP_MV = 0.1
RADIUS_DECADES_UM = (0, 3)  # 1 um to 1 mm
NEURON = get_preset("mammalian_neuron")  # its K+ inside is what the fraction counts
SOMA_RADIUS_UM = 10.0  # the Nernst chapter's illustrative cell body
TWO_MILLION = 2e6  # the seeds' "about two million" charges
CLAIMED_FRACTION = 1e-5  # the seeds' "0.001 %"
_WIDE = {"description_width": "15em"}
SLIDER_WIDTH = "36em"


@dataclass(frozen=True)
class Scenario:
    """A cell the chapter discusses: its membrane slab, voltage and radius (display units)."""

    label: str
    thickness_nm: float
    eps_r: float
    v_mV: float
    radius_um: float


def _scenarios():
    """Return the chapter's cells, all with a slab of the measured 1 uF/cm^2.

    The slab is the hydrocarbon (eps_r 2) of the equivalent thickness, rounded to the
    slider step; the seeds' claims set the radii of the last two cells.
    """
    eps_r = HYDROCARBON_PERMITTIVITY_RELATIVE
    thickness_nm = round(MEMBRANE_EQUIVALENT_THICKNESS / NM, 2)
    c_specific = specific_capacitance(eps_r, thickness_nm * NM)
    v_rest = round(NEURON.v_rest * MV_PER_V, 1)
    e_k = nernst_potential(NEURON.c_out["K"], NEURON.c_in["K"], 1, NEURON.T)
    e_k_mV = round(e_k * MV_PER_V, 1)
    v = v_rest / MV_PER_V
    r_count = radius_for_ion_count(TWO_MILLION, v, c_specific=c_specific) / UM
    r_fraction = (
        radius_for_ion_fraction(CLAIMED_FRACTION, v, NEURON.c_in["K"], c_specific=c_specific) / UM
    )
    rows = {
        "soma_rest": (
            f"Neuron soma, 10 µm, at rest ({format_number(v_rest, 0)} mV)",
            v_rest,
            SOMA_RADIUS_UM,
        ),
        "soma_ek": (
            f"Neuron soma, 10 µm, at E_K ({format_number(e_k_mV, 1)} mV)",
            e_k_mV,
            SOMA_RADIUS_UM,
        ),
        "two_million": ("Cell needing two million ions at rest", v_rest, r_count),
        "fraction": ("Cell moving 0.001 % of its K⁺ at rest", v_rest, r_fraction),
    }
    return {
        key: Scenario(label, thickness_nm, eps_r, v_mV, radius_um)
        for key, (label, v_mV, radius_um) in rows.items()
    }


SCENARIOS = _scenarios()
CONTROL_NAMES = ("thickness_nm", "eps_r", "v_mV", "radius_um")


class CapacitorExplorer(Explorer):
    """The capacitor explorer; build it with :func:`capacitor_explorer`.

    Controls (names in ``controls``): ``preset`` (a cell of :data:`SCENARIOS`; blank
    when the values are your own), ``thickness_nm`` (nm), ``eps_r`` (relative
    permittivity), ``v_mV`` (mV), ``radius_um`` (um, log slider) and ``reset``.
    """

    title = "Capacitor explorer"

    def __init__(self, thickness_nm, eps_r, v_mV, radius_um, preset):
        figure = CapacitorFigure(
            thickness_nm * NM, eps_r, v_mV / MV_PER_V, radius_um * UM, NEURON.c_in["K"]
        )
        controls = _make_controls(thickness_nm, eps_r, v_mV, radius_um, preset)
        rows = [["preset", "reset"], ["thickness_nm"], ["eps_r"], ["v_mV"], ["radius_um"]]
        super().__init__(figure, controls, rows)

    def react(self, name, new):
        """Load a cell's values when it is chosen."""
        if name == "preset" and new is not None:
            scenario = SCENARIOS[new]
            for control in CONTROL_NAMES:
                self.controls[control].value = getattr(scenario, control)

    def apply(self, values):
        """Draw ``values`` (display units) and show which cell, if any, they are."""
        self.figure.update(
            thickness=values["thickness_nm"] * NM,
            eps_r=values["eps_r"],
            v=values["v_mV"] / MV_PER_V,
            radius=values["radius_um"] * UM,
        )
        self.show("preset", _matching_scenario(values))

    def invalid_message(self, error):
        """Say which value cannot be drawn (the sliders keep every value in range)."""
        return f"These values cannot be drawn: {error}."

    def site_grid(self):
        """Return the frames for the static website: each cell, then thickness in 0.5 nm steps.

        Returns
        -------
        dict of str to list
            ``preset``: every cell (set first: a cell loads its thickness);
            ``thickness_nm``: 1 to 10 nm in 0.5 nm steps and the cells' own
            thickness, so choosing a cell on the site shows its numbers (80 frames).
        """
        low, high = THICKNESS_RANGE_NM
        steps = np.arange(low, high + 0.25, 0.5)
        cells = [scenario.thickness_nm for scenario in SCENARIOS.values()]
        return {
            "preset": list(SCENARIOS),
            "thickness_nm": sorted({float(d) for d in (*steps, *cells)}),
        }


def capacitor_explorer(
    thickness_nm=None, eps_r=None, v_mV=None, radius_um=None, preset="soma_rest"
):
    """Return the capacitor explorer: the potential across the membrane and the ions it takes.

    Set the thickness and relative permittivity of the membrane's insulating slab,
    the membrane potential and the radius of a spherical cell, or choose one of the
    chapter's cells; read the specific capacitance, the field, the charge density,
    the ions on each face and the fraction of the cell's K+ (140 mM, the mammalian
    neuron) they represent. Displayed where no kernel runs (the static book), it
    shows a snapshot of its figure instead of dead sliders.

    Parameters
    ----------
    thickness_nm : float, optional
        Slab thickness in nm, from 1 to 10; default: the ``preset`` cell's.
    eps_r : float, optional
        Relative permittivity of the slab (dimensionless), from 1 to 10; default: the
        ``preset`` cell's (2, a hydrocarbon).
    v_mV : float, optional
        Membrane potential phi_in - phi_out in mV, from -150 to 60; default: the
        ``preset`` cell's.
    radius_um : float, optional
        Cell radius in um, from 1 to 1000; default: the ``preset`` cell's.
    preset : str, optional
        Key of :data:`SCENARIOS` giving the default values (default ``"soma_rest"``:
        a 10 um soma at the neuron preset's resting potential, -65 mV, with the
        1.77 nm slab of 1 uF/cm^2).

    Returns
    -------
    CapacitorExplorer
        With public ``controls``, ``figure`` (a
        :class:`~widgets.figures.capacitor.CapacitorFigure`), ``image``, ``readout``,
        ``widget`` and ``set(**values)``.

    Raises
    ------
    ValueError
        If ``preset`` is unknown or a value lies outside its control's range.

    Notes
    -----
    .. math:: C = \\frac{\\varepsilon_r \\varepsilon_0}{d}, \\qquad
        N = \\frac{4 \\pi r^2 C |V|}{e}

    computed by :mod:`widgets.physics.electrostatics`.

    Examples
    --------
    >>> explorer = capacitor_explorer()
    >>> explorer.figure.summary()  # doctest: +NORMALIZE_WHITESPACE
    'C = 1.00 µF/cm², |E| = 36.7 MV/m, σ_in = −0.0650 µC/cm², 5.10 million ions per face,
     0.00144 % of the K⁺ inside'
    >>> explorer.set(thickness_nm=5.0)
    >>> round(explorer.figure.n_ions / 1e6, 2)
    1.81
    """
    if preset not in SCENARIOS:
        raise ValueError(f"preset must be one of {sorted(SCENARIOS)}; got {preset!r}")
    cell = SCENARIOS[preset]
    given = {"thickness_nm": thickness_nm, "eps_r": eps_r, "v_mV": v_mV, "radius_um": radius_um}
    values = {name: getattr(cell, name) if v is None else v for name, v in given.items()}
    radius_range = tuple(10.0**d for d in RADIUS_DECADES_UM)
    for name, low_high, unit in (
        ("thickness_nm", THICKNESS_RANGE_NM, "nm"),
        ("eps_r", PERMITTIVITY_RANGE, "(relative permittivity)"),
        ("v_mV", VOLTAGE_RANGE_MV, "mV"),
        ("radius_um", radius_range, "um"),
    ):
        values[name] = check_range(name, values[name], *low_high, unit)
    return CapacitorExplorer(preset=preset, **values)


def _make_controls(thickness_nm, eps_r, v_mV, radius_um, preset):
    return {
        "preset": widgets.Dropdown(
            options=[(scenario.label, key) for key, scenario in SCENARIOS.items()],
            value=preset,
            description="Cell",
            tooltip="Load a cell the chapter discusses; blank when the values are your own",
            style=_WIDE,
            layout=widgets.Layout(width="30em"),
        ),
        "thickness_nm": _slider(
            thickness_nm,
            THICKNESS_RANGE_NM,
            THICKNESS_STEP_NM,
            "Membrane thickness (nm)",
            "Thickness of the insulating slab in nanometres",
        ),
        "eps_r": _slider(
            eps_r,
            PERMITTIVITY_RANGE,
            PERMITTIVITY_STEP,
            "Permittivity (× ε₀)",
            "Relative permittivity of the slab: 1 for vacuum, about 2 for a hydrocarbon",
        ),
        "v_mV": _slider(
            v_mV,
            VOLTAGE_RANGE_MV,
            VOLTAGE_STEP_MV,
            "Membrane potential (mV)",
            "Inside minus outside, in millivolts",
        ),
        "radius_um": log_slider(
            radius_um,
            RADIUS_DECADES_UM,
            "Cell radius (µm)",
            "Radius of the spherical cell in micrometres, logarithmic scale",
            _WIDE,
            SLIDER_WIDTH,
            readout_format=".3",
        ),
    }


def _slider(value, low_high, step, description, tooltip):
    """Return a linear slider showing as many decimals as its step has."""
    decimals = max(0, -int(np.floor(np.log10(step))))
    return widgets.FloatSlider(
        value=value,
        min=low_high[0],
        max=low_high[1],
        step=step,
        readout_format=f".{decimals}f",
        description=description,
        tooltip=tooltip,
        style=_WIDE,
        layout=widgets.Layout(width=SLIDER_WIDTH),
    )


def _matching_scenario(values):
    """Return the key of the cell whose values are on display (the chosen one first)."""
    chosen = values["preset"]
    keys = sorted(SCENARIOS, key=lambda key: key != chosen)
    return next(
        (
            key
            for key in keys
            if np.allclose(
                [values[name] for name in CONTROL_NAMES],
                [getattr(SCENARIOS[key], name) for name in CONTROL_NAMES],
            )
        ),
        None,
    )
