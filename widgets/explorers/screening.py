"""The screening explorer: salt, voltage and surface charge set the ion clouds at a membrane."""

import ipywidgets as widgets
import numpy as np

from widgets.constants import celsius_to_kelvin, kelvin_to_celsius
from widgets.data.fluids import FLUIDS, get_fluid
from widgets.explorers.base import Explorer, check_range
from widgets.explorers.controls import log_slider
from widgets.figures.screening import E_PER_NM2, VIEWS, ScreeningFigure
from widgets.formatting import MV_PER_V
from widgets.physics import fluid_ionic_strength

SALT_DECADES = (-5, 3)  # bath salt slider, 1e-5 to 1000 mM: below pure water to above sea water
VOLTAGE_RANGE_MV = (-150.0, 150.0)
SURFACE_CHARGE_RANGE = (-0.5, 0.5)  # e/nm^2: about one charge per 2 nm^2, either sign
TEMPERATURE_RANGE = (0.0, 45.0)  # degC: ice water to fever
BATH_FLUIDS = ("blood_plasma", "saline", "sea_water", "fresh_water", "pure_water")
CYTOSOL = "cytoplasm"  # the fluid inside, fixed
SITE_GRID_POINTS = 21  # bath salt values precomputed for the static site
_WIDE = {"description_width": "15em"}  # room for "Outer-face charge (e/nm²)"
VIEW_LABELS = {"near": "±10 nm next to the membrane", "wide": "whole ion clouds (±6 λ_D)"}


class ScreeningExplorer(Explorer):
    """The screening explorer; build it with :func:`screening_explorer`.

    Controls (names in ``controls``): ``fluid`` (the bath, a fluid of
    :data:`widgets.data.FLUIDS`; blank when the values are your own), ``c_salt``
    (bath salt in mM, log slider), ``v_mV`` (membrane potential, mV),
    ``sigma_out`` and ``sigma_in`` (fixed charge of the outer and inner faces,
    e/nm^2), ``T_celsius`` (degC), ``view`` and ``reset``.
    """

    title = "Screening explorer"

    def __init__(self, c_salt, v_mV, sigma_out, sigma_in, T_celsius, view, fluid, c_cytosol):
        figure = ScreeningFigure(
            c_salt=c_salt,
            c_cytosol=c_cytosol,
            v=v_mV / MV_PER_V,
            sigma_out=sigma_out * E_PER_NM2,
            sigma_in=sigma_in * E_PER_NM2,
            T=celsius_to_kelvin(T_celsius),
            view=view,
        )
        controls = _make_controls(c_salt, v_mV, sigma_out, sigma_in, T_celsius, view, fluid)
        rows = [
            ["fluid", "reset"],
            ["c_salt"],
            ["v_mV"],
            ["sigma_out"],
            ["sigma_in"],
            ["T_celsius"],
            ["view"],
        ]
        super().__init__(figure, controls, rows)

    def react(self, name, new):
        """Load a fluid's ionic strength and temperature when it is chosen."""
        if name == "fluid" and new is not None:
            self.controls["c_salt"].value = fluid_ionic_strength(new)
            self.controls["T_celsius"].value = _celsius(get_fluid(new).T)

    def apply(self, values):
        """Draw ``values``; show the fluid whose values are on display, if any."""
        self.figure.update(
            c_salt=values["c_salt"],
            v=values["v_mV"] / MV_PER_V,
            sigma_out=values["sigma_out"] * E_PER_NM2,
            sigma_in=values["sigma_in"] * E_PER_NM2,
            T=celsius_to_kelvin(values["T_celsius"]),
            view=values["view"],
        )
        self.show("fluid", _matching_fluid(values))

    def invalid_message(self, error):
        """Say what cannot be drawn; the controls' ranges leave little that can fail."""
        return f"These values cannot be drawn: {error}."

    def site_grid(self):
        """Return the bath salt values to precompute for the static website.

        Returns
        -------
        dict of str to list of float
            ``{"c_salt": [...]}``: log-spaced from the slider's minimum to its maximum.
        """
        low, high = SALT_DECADES
        return {"c_salt": [float(c) for c in np.logspace(low, high, SITE_GRID_POINTS)]}


def screening_explorer(
    fluid="blood_plasma",
    c_salt=None,
    v_mV=-70.0,
    sigma_out=0.0,
    sigma_in=0.0,
    T_celsius=None,
    view="near",
    c_cytosol=None,
):
    """Return the screening explorer: potential and ion clouds across a membrane.

    Set the bath's salt (or choose a fluid), the membrane potential, a fixed
    charge on either face and the temperature; the figure draws the potential
    and the cation and anion concentrations across bath, membrane and cytosol,
    and the readout gives the Debye lengths, the voltage across the membrane
    itself, the surface potentials and the charge of each diffuse layer. Each
    solution is modelled as a 1:1 salt of its ionic strength. Displayed where no
    kernel runs (the static book), it shows a snapshot instead of dead sliders.

    Parameters
    ----------
    fluid : str or None, optional
        Bath fluid, one of ``"blood_plasma"`` (default), ``"saline"``,
        ``"sea_water"``, ``"fresh_water"``, ``"pure_water"``; it gives the
        default ``c_salt`` and ``T_celsius``. None starts from your own values.
    c_salt : float, optional
        Bath salt concentration (ionic strength) in mM, from 1e-5 to 1000.
    v_mV : float, optional
        Membrane potential phi_in - phi_out in mV, from -150 to 150 (default -70).
    sigma_out, sigma_in : float, optional
        Fixed charge of the outer and inner faces in elementary charges per nm^2,
        from -0.5 to 0.5 (default 0).
    T_celsius : float, optional
        Temperature in degC, from 0 to 45; default the fluid's (37 degC for body
        fluids, 20 degC for sea and fresh water, 25 degC for pure water).
    view : str, optional
        ``"near"`` (10 nm of water each side, default) or ``"wide"``.
    c_cytosol : float, optional
        The cytosol's ionic strength in mM, from 1e-5 to 1000; default that of
        the book's mammalian cytoplasm (about 152 mM).

    Returns
    -------
    ScreeningExplorer
        With public ``controls``, ``figure`` (a
        :class:`~widgets.figures.ScreeningFigure`), ``image``, ``readout``,
        ``widget`` and ``set(**values)``.

    Raises
    ------
    ValueError
        If ``fluid`` or ``view`` is unknown, a value lies outside its control's
        range, or neither ``fluid`` nor ``c_salt`` and ``T_celsius`` are given.

    Notes
    -----
    The profile is the exact solution of the Poisson-Boltzmann equation with a
    Gouy-Chapman layer on each face, joined through the membrane's capacitance
    (:func:`widgets.physics.membrane_gouy_chapman`; McLaughlin 1989).

    Examples
    --------
    >>> explorer = screening_explorer()
    >>> explorer.figure.summary()[:50]
    'Membrane itself: −68.4 mV of V = −70.0 mV (97.7 %)'
    >>> explorer.set(fluid="pure_water")
    >>> explorer.figure.summary()[:49]
    'Membrane itself: −5.93 mV of V = −70.0 mV (8.5 %)'
    """
    if fluid is not None and fluid not in BATH_FLUIDS:
        raise ValueError(f"fluid must be one of {[*BATH_FLUIDS, None]}; got {fluid!r}")
    if fluid is None and (c_salt is None or T_celsius is None):
        raise ValueError(
            f"c_salt and T_celsius must be given when fluid is None; got {c_salt!r}, {T_celsius!r}"
        )
    if view not in VIEWS:
        raise ValueError(f"view must be one of {list(VIEWS)}; got {view!r}")
    c_salt = fluid_ionic_strength(fluid) if c_salt is None else c_salt
    T_celsius = _celsius(get_fluid(fluid).T) if T_celsius is None else T_celsius
    c_cytosol = fluid_ionic_strength(CYTOSOL) if c_cytosol is None else c_cytosol
    low, high = 10.0 ** np.array(SALT_DECADES)
    values = {
        "c_salt": check_range("c_salt", c_salt, low, high, "mM"),
        "v_mV": check_range("v_mV", v_mV, *VOLTAGE_RANGE_MV, "mV"),
        "sigma_out": check_range("sigma_out", sigma_out, *SURFACE_CHARGE_RANGE, "e/nm^2"),
        "sigma_in": check_range("sigma_in", sigma_in, *SURFACE_CHARGE_RANGE, "e/nm^2"),
        "T_celsius": check_range("T_celsius", T_celsius, *TEMPERATURE_RANGE, "degC"),
    }
    c_cytosol = check_range("c_cytosol", c_cytosol, low, high, "mM")
    return ScreeningExplorer(**values, view=view, fluid=fluid, c_cytosol=c_cytosol)


def _make_controls(c_salt, v_mV, sigma_out, sigma_in, T_celsius, view, fluid):
    wide = widgets.Layout(width="36em")
    return {
        "fluid": widgets.Dropdown(
            options=[(FLUIDS[key].label, key) for key in BATH_FLUIDS],
            value=fluid,
            description="Bath fluid",
            tooltip="Load a fluid's ionic strength and temperature; blank when the values "
            "are your own",
            style=_WIDE,
            layout=widgets.Layout(width="30em"),
        ),
        "c_salt": log_slider(
            c_salt,
            SALT_DECADES,
            "Bath salt (mM)",
            "Ionic strength of the bath in mM (a 1:1 salt of that concentration), "
            "logarithmic scale from 0.00001 to 1000 mM",
            _WIDE,
            "36em",
        ),
        "v_mV": widgets.FloatSlider(
            value=v_mV,
            min=VOLTAGE_RANGE_MV[0],
            max=VOLTAGE_RANGE_MV[1],
            step=1.0,
            readout_format=".0f",
            description="Membrane potential (mV)",
            tooltip="Potential of the bulk cytosol minus that of the bulk bath, in mV",
            style=_WIDE,
            layout=wide,
        ),
        "sigma_out": _charge_slider(sigma_out, "Outer-face charge (e/nm²)", "outer"),
        "sigma_in": _charge_slider(sigma_in, "Inner-face charge (e/nm²)", "inner"),
        "T_celsius": widgets.FloatSlider(
            value=T_celsius,
            min=TEMPERATURE_RANGE[0],
            max=TEMPERATURE_RANGE[1],
            step=0.1,
            readout_format=".1f",
            description="Temperature (°C)",
            tooltip="Temperature in degrees Celsius; the permittivity of water follows it",
            style=_WIDE,
            layout=wide,
        ),
        "view": widgets.Dropdown(
            options=[(VIEW_LABELS[key], key) for key in VIEWS],
            value=view,
            description="View",
            tooltip="Show the nanometres next to the membrane or the whole ion clouds",
            style=_WIDE,
            layout=widgets.Layout(width="30em"),
        ),
    }


def _charge_slider(value, description, face):
    return widgets.FloatSlider(
        value=value,
        min=SURFACE_CHARGE_RANGE[0],
        max=SURFACE_CHARGE_RANGE[1],
        step=0.01,
        readout_format=".2f",
        description=description,
        tooltip=f"Fixed charge of the lipid head groups on the {face} face, in elementary "
        "charges per square nanometre (0.1 e/nm² = 16 mC/m²); anionic lipids make it negative",
        style=_WIDE,
        layout=widgets.Layout(width="36em"),
    )


def _matching_fluid(values):
    """Return the bath fluid whose ionic strength and temperature are on display, or None."""
    chosen = values["fluid"]
    candidates = sorted(BATH_FLUIDS, key=lambda key: key != chosen)
    return next(
        (
            key
            for key in candidates
            if np.isclose(values["c_salt"], fluid_ionic_strength(key), rtol=1e-6)
            and np.isclose(values["T_celsius"], _celsius(get_fluid(key).T))
        ),
        None,
    )


def _celsius(T):
    return round(kelvin_to_celsius(T), 2)
