"""The resting leak of a cell: its K⁺, Na⁺ and Cl⁻ permeabilities, from a cell preset.

The GHK chapter, its explorer and its exercises compute with one leak per cell:
Hodgkin and Katz's (1949) permeability ratios, scaled to a resting slope conductance
so that currents have a size. Only the ratios set the resting potential.
"""

from functools import cache

import numpy as np

from widgets.data.ions import IONS, get_preset
from widgets.physics.channels import HH_G_LEAK, permeabilities_for_conductance

ION_KEYS = ("K", "Na", "Cl")  # the permeant ions, in the order of every array here
# Hodgkin and Katz's (1949) resting permeability ratios of the squid axon, P_K = 1.
HODGKIN_KATZ = dict(get_preset("squid_axon").permeability)
# The resting slope conductance every cell's leak is scaled to: Hodgkin and Huxley's (1952)
# squid-axon leak, 0.3 mS/cm^2. It sets the size of the currents, never the voltage.
RESTING_CONDUCTANCE = HH_G_LEAK  # S/m^2


def preset_arrays(preset):
    """Return (c_out, c_in, z) of K⁺, Na⁺ and Cl⁻ in a cell, as arrays in ``ION_KEYS`` order.

    Parameters
    ----------
    preset : widgets.data.CellPreset
        The cell.

    Returns
    -------
    tuple of numpy.ndarray
        Concentrations in mol/m^3 (= mM) and valences (dimensionless).
    """
    c_out = np.array([preset.c_out[ion] for ion in ION_KEYS])
    c_in = np.array([preset.c_in[ion] for ion in ION_KEYS])
    z = np.array([IONS[ion].z for ion in ION_KEYS], dtype=float)
    return c_out, c_in, z


def resting_permeabilities(preset_key):
    """Return a cell's K⁺, Na⁺ and Cl⁻ leak permeabilities in m/s.

    Hodgkin and Katz's ratios 1 : 0.04 : 0.45, scaled so that the cell's resting
    slope conductance is :data:`RESTING_CONDUCTANCE` (0.3 mS/cm^2) at its own GHK
    potential, with its own concentrations and temperature.

    Parameters
    ----------
    preset_key : str
        A key of :data:`widgets.data.ions.PRESETS`.

    Returns
    -------
    numpy.ndarray
        Permeabilities in m/s, in ``ION_KEYS`` order (a new array each call).

    Examples
    --------
    >>> [f"{p:.3g}" for p in resting_permeabilities("mammalian_neuron")]
    ['1.98e-08', '7.93e-10', '8.92e-09']
    """
    return np.array(_resting_permeabilities(preset_key))


@cache
def _resting_permeabilities(preset_key):
    preset = get_preset(preset_key)
    ratios = [HODGKIN_KATZ[ion] for ion in ION_KEYS]
    p = permeabilities_for_conductance(
        ratios, RESTING_CONDUCTANCE, *preset_arrays(preset), preset.T
    )
    return tuple(float(x) for x in p)
