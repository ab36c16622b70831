"""The Nernst explorer: choose an ion, set its concentrations and the temperature, read E."""

import ipywidgets as widgets
import numpy as np

from widgets.constants import celsius_to_kelvin, kelvin_to_celsius
from widgets.data.ions import ION_NAMES, IONS, PRESETS, get_preset
from widgets.explorers.base import Explorer, check_range
from widgets.figures.nernst import CUSTOM, NernstFigure

CONCENTRATION_DECADES = (-5, 3)  # slider range, 10 nM to 1000 mM: Ca2+ inside to squid Cl- outside
TEMPERATURE_RANGE = (0.0, 45.0)  # degC: ice water to fever
VALENCE_RANGE = (-3, 3)
REFERENCE = "mammalian_neuron"  # the cell marked in the figure, and the default preset
# On the static site [ion] outside steps in thirds of a doubling (about a tenth of a decade,
# so doubling it is three key presses) up to three doublings either way of its start.
SITE_STEPS_PER_DOUBLING = 3
SITE_DOUBLINGS = 3
_WIDE = {"description_width": "11em"}


class NernstExplorer(Explorer):
    """The Nernst explorer; build it with :func:`nernst_explorer`.

    Controls (names in ``controls``): ``ion``, ``z`` (valence, typed, used by the
    custom ion), ``c_out`` and ``c_in`` (mM, log sliders), ``T_celsius`` (degC),
    ``preset`` (a cell of :data:`widgets.data.ions.PRESETS`; blank when the values
    are your own) and ``reset``.
    """

    title = "Nernst explorer"

    def __init__(self, ion, z, c_out, c_in, T_celsius, preset):
        figure = NernstFigure(
            ion=ion,
            z=z,
            c_out=c_out,
            c_in=c_in,
            T=celsius_to_kelvin(T_celsius),
            reference=REFERENCE,
        )
        figure.prerender()  # so that switching ion is as fast as moving a slider
        controls = _make_controls(figure, T_celsius, preset)
        rows = [["ion", "z"], ["preset", "reset"], ["c_out"], ["c_in"], ["T_celsius"]]
        super().__init__(figure, controls, rows)

    def react(self, name, new):
        """Load a cell's values when it is chosen, and an ion's when the ion changes.

        A new ion's concentrations come from the chosen cell, or from the mammalian
        neuron when the values on display are the learner's own.
        """
        if name == "preset" and new is not None:
            self._load(get_preset(new), self.controls["ion"].value, temperature=True)
        elif name == "ion" and new != CUSTOM:
            preset = self.controls["preset"].value or REFERENCE
            self._load(get_preset(preset), new, temperature=False)

    def apply(self, values):
        """Draw ``values``; keep the labels, valence box and preset choice in line."""
        ion = values["ion"]
        self._label_controls(ion)
        self.figure.update(
            ion=ion,
            z=values["z"] if ion == CUSTOM else None,
            c_out=values["c_out"],
            c_in=values["c_in"],
            T=celsius_to_kelvin(values["T_celsius"]),
        )
        self.show("z", int(self.figure.z))
        self.show("preset", self._matching_preset(values))

    def invalid_message(self, error):
        """Explain a zero valence in physical terms; other errors keep their message."""
        if self.controls["ion"].value == CUSTOM and self.controls["z"].value == 0:
            return (
                "Valence z = 0: an uncharged particle feels no electrical force, so no "
                "membrane potential balances its concentration difference and the Nernst "
                "equation has no solution. Type a non-zero valence from −3 to 3."
            )
        return f"These values cannot be drawn: {error}."

    def site_grid(self):
        """On the static site: the ion, and its outside concentration around its start.

        Each ion's list runs from an eighth to eight times the concentration it starts
        at (its cell's value, or the starting one), in :data:`SITE_STEPS_PER_DOUBLING`
        steps per doubling, within the slider's range: 75 frames for the mammalian neuron.

        Returns
        -------
        dict
            ``{"ion": [...], "c_out": {ion: [c_out in mM, ...]}}``.
        """
        start = self.initial
        cell = get_preset(start["preset"] or REFERENCE)
        ions = [ion for ion in [*IONS, CUSTOM] if ion == start["ion"] or ion in cell.ions]
        low, high = 10.0 ** np.array(CONCENTRATION_DECADES)
        steps = SITE_STEPS_PER_DOUBLING * SITE_DOUBLINGS
        c_out = {}
        for ion in ions:
            centre = start["c_out"] if ion == start["ion"] else cell.c_out[ion]
            factors = 2.0 ** (np.arange(-steps, steps + 1) / SITE_STEPS_PER_DOUBLING)
            c_out[ion] = [float(c) for c in centre * factors if low <= c <= high]
        return {"ion": ions, "c_out": c_out}

    def _load(self, preset, ion, temperature):
        if ion in preset.ions:
            self.controls["c_out"].value = preset.c_out[ion]
            self.controls["c_in"].value = preset.c_in[ion]
        if temperature:
            self.controls["T_celsius"].value = _celsius(preset.T)

    def _label_controls(self, ion):
        label = IONS[ion].label if ion in IONS else "ion"
        self.controls["c_out"].description = f"[{label}] outside (mM)"
        self.controls["c_in"].description = f"[{label}] inside (mM)"
        self.controls["z"].disabled = ion != CUSTOM

    def _matching_preset(self, values):
        """Return the key of the cell whose values are on display (the chosen one first)."""
        chosen = values["preset"]
        candidates = sorted(PRESETS.values(), key=lambda preset: preset.key != chosen)
        return next((preset.key for preset in candidates if _shows(preset, values)), None)


def nernst_explorer(
    ion="K", c_out=None, c_in=None, T_celsius=None, preset="mammalian_neuron", z=None
):
    """Return the Nernst explorer: E of one ion against its concentration ratio.

    Choose an ion (or type a valence), set the concentrations on logarithmic
    sliders and the temperature, and read the equilibrium potential; the figure
    marks the ion's value in a mammalian neuron. On the book's static website the
    ion and the outside concentration stay live, along precomputed values
    (:meth:`NernstExplorer.site_grid`).

    Parameters
    ----------
    ion : str, optional
        ``"K"``, ``"Na"``, ``"Cl"``, ``"Ca"`` or ``"custom"`` (default ``"K"``).
    c_out, c_in : float, optional
        Extracellular and intracellular concentrations in mM (= mol/m^3), from 1e-5
        to 1000; default: the ``preset`` cell's values for ``ion`` (required for a
        custom ion).
    T_celsius : float, optional
        Temperature in degC, from 0 to 45; default: the ``preset`` cell's
        temperature (37 degC for a mammalian neuron, 20 degC for the squid axon).
    preset : str, optional
        Key of :data:`widgets.data.ions.PRESETS` giving the default values
        (default ``"mammalian_neuron"``).
    z : int, optional
        Valence of a custom ion, a non-zero integer from -3 to 3 (default +1).

    Returns
    -------
    NernstExplorer
        With public ``controls``, ``figure`` (a :class:`~widgets.figures.NernstFigure`),
        ``image``, ``readout``, ``widget`` and ``set(**values)``.

    Raises
    ------
    ValueError
        If ``ion`` or ``preset`` is unknown, a value lies outside its control's
        range, ``z`` contradicts ``ion``, or a custom ion lacks a concentration.

    Notes
    -----
    .. math:: E = \\frac{RT}{zF} \\ln \\frac{c_\\mathrm{out}}{c_\\mathrm{in}}

    computed by :func:`widgets.physics.nernst_potential` (Hille 2001, ch. 1).

    Examples
    --------
    >>> explorer = nernst_explorer("K")
    >>> explorer.figure.summary()
    'E_K = −89.1 mV at 37.0 °C'
    >>> explorer.set(T_celsius=20.0)
    >>> explorer.figure.summary()
    'E_K = −84.2 mV at 20.0 °C'
    """
    cell = get_preset(preset)
    if ion == CUSTOM:
        z = 1 if z is None else z
        if c_out is None or c_in is None:
            raise ValueError(
                f"c_out and c_in must be given for ion={CUSTOM!r}; got {c_out!r}, {c_in!r}"
            )
        if check_range("z", z, *VALENCE_RANGE, "(valence)") != int(z):
            raise ValueError(f"z must be an integer; got {z!r}")
    elif ion in cell.ions:
        c_out = cell.c_out[ion] if c_out is None else c_out
        c_in = cell.c_in[ion] if c_in is None else c_in
    low, high = 10.0 ** np.array(CONCENTRATION_DECADES)
    for name, value in (("c_out", c_out), ("c_in", c_in)):
        if value is not None:
            check_range(name, value, low, high, "mM")
    T_celsius = _celsius(cell.T) if T_celsius is None else T_celsius
    check_range("T_celsius", T_celsius, *TEMPERATURE_RANGE, "degC")
    return NernstExplorer(ion, z, c_out, c_in, T_celsius, preset)


def _make_controls(figure, T_celsius, preset):
    ion_options = [(f"{IONS[key].label} ({ION_NAMES[key]})", key) for key in IONS]
    return {
        "ion": widgets.Dropdown(
            options=[*ion_options, ("custom: type a valence", CUSTOM)],
            value=figure.ion,
            description="Ion",
            tooltip="The ion; choosing one loads its concentrations in the chosen cell",
            style=_WIDE,
            layout=widgets.Layout(width="26em"),
        ),
        "z": widgets.BoundedIntText(
            value=int(figure.z),
            min=VALENCE_RANGE[0],
            max=VALENCE_RANGE[1],
            description="Valence z",
            tooltip="Charge number of the ion, a non-zero integer from −3 to 3 "
            "(choose 'custom' as the ion to type one)",
            layout=widgets.Layout(width="12em"),
        ),
        "preset": widgets.Dropdown(
            options=[(cell.label, key) for key, cell in PRESETS.items()],
            value=preset,
            description="Cell",
            tooltip="Load the measured concentrations and temperature of a cell; "
            "blank when the values are your own",
            style=_WIDE,
            layout=widgets.Layout(width="26em"),
        ),
        "c_out": _concentration_slider(figure.c_out, "Extracellular"),
        "c_in": _concentration_slider(figure.c_in, "Intracellular"),
        "T_celsius": widgets.FloatSlider(
            value=T_celsius,
            min=TEMPERATURE_RANGE[0],
            max=TEMPERATURE_RANGE[1],
            step=0.1,
            readout_format=".1f",
            description="Temperature (°C)",
            tooltip="Temperature in degrees Celsius",
            style=_WIDE,
            layout=widgets.Layout(width="36em"),
        ),
    }


def _concentration_slider(value, where):
    return widgets.FloatLogSlider(
        value=value,
        base=10.0,
        min=CONCENTRATION_DECADES[0],
        max=CONCENTRATION_DECADES[1],
        # No step: the browser snaps a value to the step grid and sends it back, which
        # would turn a preset's 5 mM into 5.01 mM the moment the slider is shown. Arrow
        # keys then move in coarse steps; an exact value is typed into the readout.
        step=None,
        readout_format=".4",  # d3 default type trims zeros: "5" and "1000", not "5.00", "1.00e+3"
        description="",  # "[K⁺] outside (mM)", written by apply() for the ion shown
        tooltip=f"{where} concentration in mM, logarithmic scale from 0.00001 to 1000 mM",
        style=_WIDE,
        layout=widgets.Layout(width="36em"),
    )


def _shows(preset, values):
    """Tell whether the controls hold the preset's values (for a custom ion: its T)."""
    ion = values["ion"]
    if not np.isclose(_celsius(preset.T), values["T_celsius"]):
        return False
    if ion == CUSTOM:
        return True
    return ion in preset.ions and np.allclose(
        (values["c_out"], values["c_in"]), (preset.c_out[ion], preset.c_in[ion])
    )


def _celsius(T):
    # Presets store kelvin; 310.15 K - 273.15 is 36.99999999999997, shown as 37.0 anyway.
    return round(kelvin_to_celsius(T), 2)
