"""The channels explorers: the selectivity filter's energetics, and the stability of rest.

Two explorers, one per half of the channels chapter, each with its own factory
and precomputed grid for the website; :func:`channels_explorer` returns either.

* :func:`selectivity_explorer`: the size of a filter site and its number of
  oxygens -> the transfer free energies of Li+, Na+, K+, Rb+ and Cs+ and the
  K+/Na+ selectivity ratio.
* :func:`rest_explorer`: the K+ leak and the densities of voltage-gated Na+ and
  K+ channels -> the membrane's steady-state I-V curve and its rest points,
  stable or unstable.
"""

import inspect

import ipywidgets as widgets
import numpy as np

from widgets.explorers.base import Explorer, check_range
from widgets.figures.channels import (
    MS_PER_CM2,
    SITE_RANGE,
    SODIUM_RICH,
    SQUID,
    RestFigure,
    SelectivityFigure,
    k_leak_conductance,
)
from widgets.physics.selectivity import ANGSTROM, IONIC_RADIUS, N_LIGANDS, OXYGEN_RADIUS

_WIDE = {"description_width": "14em"}
_SLIDER_LAYOUT = {"width": "36em", "max_width": "100%"}
LIGAND_RANGE = (4, 10)  # oxygens: fewer than in K+ channels' sites (8) to more
SITE_STEP = 0.01  # angstrom


def _contact(ion):
    """Return the site radius (angstrom, on the slider's grid) that fits ``ion`` snugly."""
    return round((IONIC_RADIUS[ion] + OXYGEN_RADIUS) / ANGSTROM, 2)


# Named settings a learner can return to; a preset is blank when the values are their own.
SELECTIVITY_PRESETS = {
    "k_site": ("K⁺ channel site (8 oxygens at K⁺ contact)", _contact("K"), N_LIGANDS),
    "na_site": ("A site sized for Na⁺ (8 oxygens)", _contact("Na"), N_LIGANDS),
}
K_LEAK_SQUID = k_leak_conductance(SQUID.p_leak["K"]) / MS_PER_CM2  # mS/cm^2, about 0.154
_G_NA, _G_K, _G_NA_RICH = (
    g / MS_PER_CM2 for g in (SQUID.g_na_max, SQUID.g_k_max, SODIUM_RICH.g_na_max)
)
REST_PRESETS = {
    "squid": ("Squid axon (Hodgkin and Huxley)", K_LEAK_SQUID, _G_NA, _G_K),
    "no_k_leak": ("Squid axon without its K⁺ leak", 0.0, _G_NA, _G_K),
    "sodium_rich": (f"More Na⁺ channels: {_G_NA_RICH:g} mS/cm²", K_LEAK_SQUID, _G_NA_RICH, _G_K),
}
K_LEAK_RANGE = (0.0, 0.6)  # mS/cm^2: none to about four times the squid's
G_NA_RANGE = (0.0, 400.0)  # mS/cm^2: none to about three times Hodgkin and Huxley's
G_K_RANGE = (0.0, 100.0)  # mS/cm^2: none to about three times Hodgkin and Huxley's


class _PresetExplorer(Explorer):
    """An explorer whose ``preset`` dropdown loads named values and shows which are on display.

    Subclasses set ``presets`` (key -> (label, *values)) and ``preset_controls``
    (the control names of those values, in order).
    """

    presets = {}
    preset_controls = ()

    def react(self, name, new):
        """Load a preset's values when it is chosen."""
        if name == "preset" and new is not None:
            _, *values = self.presets[new]
            for control, value in zip(self.preset_controls, values, strict=True):
                self.controls[control].value = value

    def show_matching_preset(self, values):
        """Show the preset whose values are on display (the chosen one first), or blank."""
        chosen = values["preset"]
        for key in sorted(self.presets, key=lambda key: key != chosen):
            _, *preset_values = self.presets[key]
            shown = [values[control] for control in self.preset_controls]
            if np.allclose(shown, preset_values):
                self.show("preset", key)
                return
        self.show("preset", None)


def _preset_dropdown(presets, value):
    return widgets.Dropdown(
        options=[(label, key) for key, (label, *_) in presets.items()],
        value=value,
        description="Preset",
        tooltip="Load a named setting; blank when the values are your own",
        style=_WIDE,
        layout=widgets.Layout(width="30em", max_width="100%"),
    )


class SelectivityExplorer(_PresetExplorer):
    """The selectivity explorer; build it with :func:`selectivity_explorer`.

    Controls (names in ``controls``): ``site_radius`` (angstrom, centre to oxygen),
    ``n_ligands`` (coordinating oxygens), ``preset`` and ``reset``.
    """

    title = "Selectivity explorer"
    presets = SELECTIVITY_PRESETS
    preset_controls = ("site_radius", "n_ligands")

    def __init__(self, site_radius, n_ligands, preset):
        figure = SelectivityFigure(site_radius=site_radius * ANGSTROM, n_ligands=n_ligands)
        controls = {
            "preset": _preset_dropdown(self.presets, preset),
            "site_radius": widgets.FloatSlider(
                value=site_radius,
                min=round(SITE_RANGE[0] / ANGSTROM, 2),
                max=round(SITE_RANGE[1] / ANGSTROM, 2),
                step=SITE_STEP,
                readout_format=".2f",
                description="Site radius (Å)",
                tooltip="Distance from the centre of the site to its oxygens, in ångström",
                style=_WIDE,
                layout=widgets.Layout(**_SLIDER_LAYOUT),
            ),
            "n_ligands": widgets.IntSlider(
                value=n_ligands,
                min=LIGAND_RANGE[0],
                max=LIGAND_RANGE[1],
                description="Oxygens around the ion (count)",
                tooltip="Number of carbonyl oxygens that coordinate the ion in the site",
                style=_WIDE,
                layout=widgets.Layout(**_SLIDER_LAYOUT),
            ),
        }
        rows = [["preset", "reset"], ["site_radius"], ["n_ligands"]]
        super().__init__(figure, controls, rows)

    def apply(self, values):
        """Draw ``values`` and show which preset, if any, they are."""
        self.figure.update(
            site_radius=values["site_radius"] * ANGSTROM, n_ligands=values["n_ligands"]
        )
        self.show_matching_preset(values)

    def site_grid(self):
        """Return the site radii (angstrom) precomputed for the website: 2.0 to 3.4 and both fits.

        Returns
        -------
        dict of str to list
            ``{"site_radius": [...]}``, 17 values on the slider's grid, ascending.
        """
        radii = {round(r, 2) for r in np.arange(2.0, 3.41, 0.1)} | {_contact("Na"), _contact("K")}
        return {"site_radius": sorted(float(r) for r in radii)}


class RestExplorer(_PresetExplorer):
    """The rest explorer; build it with :func:`rest_explorer`.

    Controls (names in ``controls``): ``g_k_leak`` (K+ leak, mS/cm^2), ``g_na_max``
    and ``g_k_max`` (maximal conductances of the voltage-gated channels, mS/cm^2),
    ``preset`` and ``reset``.
    """

    title = "Rest explorer"
    presets = REST_PRESETS
    preset_controls = ("g_k_leak", "g_na_max", "g_k_max")

    def __init__(self, g_k_leak, g_na_max, g_k_max, preset):
        figure = RestFigure(
            g_k_leak=g_k_leak * MS_PER_CM2,
            g_na_max=g_na_max * MS_PER_CM2,
            g_k_max=g_k_max * MS_PER_CM2,
        )
        controls = {
            "preset": _preset_dropdown(self.presets, preset),
            "g_k_leak": _conductance_slider(
                g_k_leak,
                K_LEAK_RANGE,
                None,
                ".3f",
                "K⁺ leak channels (mS/cm²)",
                "Conductance of the always-open K⁺ channels, measured at −65 mV",
            ),
            "g_na_max": _conductance_slider(
                g_na_max,
                G_NA_RANGE,
                1.0,
                ".0f",
                "Na⁺ channels, ḡ_Na (mS/cm²)",
                "Conductance of the voltage-gated Na⁺ channels if all were open",
            ),
            "g_k_max": _conductance_slider(
                g_k_max,
                G_K_RANGE,
                1.0,
                ".0f",
                "K⁺ channels, ḡ_K (mS/cm²)",
                "Conductance of the voltage-gated K⁺ channels if all were open",
            ),
        }
        rows = [["preset", "reset"], ["g_k_leak"], ["g_na_max"], ["g_k_max"]]
        super().__init__(figure, controls, rows)

    def apply(self, values):
        """Draw ``values`` (mS/cm^2) and show which preset, if any, they are."""
        self.figure.update(
            g_k_leak=values["g_k_leak"] * MS_PER_CM2,
            g_na_max=values["g_na_max"] * MS_PER_CM2,
            g_k_max=values["g_k_max"] * MS_PER_CM2,
        )
        self.show_matching_preset(values)

    def site_grid(self):
        """Return the K+ leaks and Na+ channel densities precomputed for the website.

        Returns
        -------
        dict of str to list
            ``{"g_k_leak": [16 values, mS/cm^2], "g_na_max": [5 values, mS/cm^2]}``:
            80 frames, the squid's own leak and the fold of the sodium-rich membrane
            among them.
        """
        leaks = [0.0, 0.025, 0.05, 0.075, 0.1, 0.12, 0.13, 0.14, K_LEAK_SQUID, 0.17, 0.2, 0.25]
        return {
            "g_k_leak": [*leaks, 0.3, 0.4, 0.5, 0.6],
            "g_na_max": [120.0, 200.0, 300.0, 350.0, 400.0],
        }


def _conductance_slider(value, bounds, step, readout_format, description, tooltip):
    return widgets.FloatSlider(
        value=value,
        min=bounds[0],
        max=bounds[1],
        # No step for the leak: the browser would snap the squid's 0.1537 to the grid.
        step=step,
        readout_format=readout_format,
        description=description,
        tooltip=tooltip,
        style=_WIDE,
        layout=widgets.Layout(**_SLIDER_LAYOUT),
    )


def selectivity_explorer(site_radius=None, n_ligands=None, preset="k_site"):
    """Return the selectivity explorer: which alkali cation a filter site of a given size holds.

    Drag the site's radius (centre to oxygen) and the number of oxygens around it;
    the figure shows the free energy of moving Li+, Na+, K+, Rb+ and Cs+ from water
    into the site, and the readout the K+/Na+ preference and ratio at 37 degC.

    Parameters
    ----------
    site_radius : float, optional
        Centre-to-oxygen distance in angstrom, 1.9 to 3.5 (default: the ``preset``'s,
        2.73 angstrom for the K+ site).
    n_ligands : int, optional
        Coordinating oxygens, 4 to 10 (default: the ``preset``'s, 8).
    preset : str, optional
        ``"k_site"`` (default) or ``"na_site"``, a key of :data:`SELECTIVITY_PRESETS`.

    Returns
    -------
    SelectivityExplorer
        With public ``controls``, ``figure`` (a
        :class:`~widgets.figures.channels.SelectivityFigure`), ``image``, ``readout``,
        ``widget``, ``set(**values)`` and ``site_grid()``.

    Raises
    ------
    ValueError
        If ``preset`` is unknown or a value lies outside its control's range.

    Notes
    -----
    .. math:: \\frac{p_K}{p_{Na}} = e^{\\Delta\\Delta G/RT}, \\qquad
        \\Delta\\Delta G = \\Delta G_\\mathrm{Na} - \\Delta G_\\mathrm{K}

    computed by :mod:`widgets.physics.selectivity` (an illustrative snug-fit model
    with cited radii and hydration energies).

    Examples
    --------
    >>> explorer = selectivity_explorer()
    >>> explorer.figure.best_ion()
    'K'
    >>> explorer.set(preset="na_site")
    >>> explorer.figure.best_ion(), explorer.values()["site_radius"]
    ('Na', 2.35)
    """
    _, preset_radius, preset_ligands = _preset(SELECTIVITY_PRESETS, preset)
    site_radius = preset_radius if site_radius is None else site_radius
    n_ligands = preset_ligands if n_ligands is None else n_ligands
    check_range("site_radius", site_radius, *(r / ANGSTROM for r in SITE_RANGE), "angstrom")
    if check_range("n_ligands", n_ligands, *LIGAND_RANGE, "oxygens") != int(n_ligands):
        raise ValueError(f"n_ligands must be a whole number; got {n_ligands!r}")
    return SelectivityExplorer(float(site_radius), int(n_ligands), preset)


def rest_explorer(g_k_leak=None, g_na_max=None, g_k_max=None, preset="squid"):
    """Return the rest explorer: the membrane's I-V curve and whether it can rest.

    Set the conductance of the K+ leak channels and the densities (maximal
    conductances) of the voltage-gated Na+ and K+ channels of a squid axon
    membrane; the figure shows the steady-state current against voltage, its
    parts, and the rest points, stable (filled) or unstable (open).

    Parameters
    ----------
    g_k_leak : float, optional
        K+ leak conductance in mS/cm^2 (slope at -65 mV), 0 to 0.6; default: the
        ``preset``'s (0.154 mS/cm^2 for the squid axon).
    g_na_max, g_k_max : float, optional
        Maximal conductances in mS/cm^2, 0 to 400 and 0 to 100; defaults: the
        ``preset``'s (Hodgkin and Huxley's 120 and 36 mS/cm^2).
    preset : str, optional
        A key of :data:`REST_PRESETS`: ``"squid"`` (default), ``"no_k_leak"`` or
        ``"sodium_rich"``.

    Returns
    -------
    RestExplorer
        With public ``controls``, ``figure`` (a
        :class:`~widgets.figures.channels.RestFigure`), ``image``, ``readout``,
        ``widget``, ``set(**values)`` and ``site_grid()``.

    Raises
    ------
    ValueError
        If ``preset`` is unknown or a value lies outside its control's range.

    Notes
    -----
    A rest point is a zero of the steady-state current
    :math:`I(V) = \\sum I_\\mathrm{leak} + I_{Na} + I_K`; it is stable where
    :math:`dI/dV > 0` (:func:`widgets.physics.channels.rest_points`).

    Examples
    --------
    >>> explorer = rest_explorer()
    >>> explorer.figure.summary()
    'One rest point: −66.1 mV, stable (slope conductance +0.883 mS/cm²).'
    >>> explorer.set(g_na_max=350.0)
    >>> [point.stable for point in explorer.figure.points]
    [True, False, True]
    """
    _, *defaults = _preset(REST_PRESETS, preset)
    values = [
        default if value is None else value
        for value, default in zip((g_k_leak, g_na_max, g_k_max), defaults, strict=True)
    ]
    for name, value, bounds in zip(
        ("g_k_leak", "g_na_max", "g_k_max"),
        values,
        (K_LEAK_RANGE, G_NA_RANGE, G_K_RANGE),
        strict=True,
    ):
        check_range(name, value, *bounds, "mS/cm²")
    return RestExplorer(*(float(value) for value in values), preset)


def channels_explorer(view="selectivity", **values):
    """Return one of the channels chapter's explorers.

    Parameters
    ----------
    view : str, optional
        ``"selectivity"`` (default) for :func:`selectivity_explorer`, ``"rest"`` for
        :func:`rest_explorer`.
    **values
        Keyword arguments of that factory.

    Returns
    -------
    SelectivityExplorer or RestExplorer

    Raises
    ------
    ValueError
        If ``view`` is unknown, or as the factory.

    Examples
    --------
    >>> type(channels_explorer("rest")).__name__
    'RestExplorer'
    """
    factories = {"selectivity": selectivity_explorer, "rest": rest_explorer}
    if view not in factories:
        raise ValueError(f"view must be one of {sorted(factories)}; got {view!r}")
    known = list(inspect.signature(factories[view]).parameters)
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise ValueError(f"the {view} explorer takes {known}; got {unknown}")
    return factories[view](**values)


def _preset(presets, key):
    if key not in presets:
        raise ValueError(f"preset must be one of {sorted(presets)}; got {key!r}")
    return presets[key]
