"""The resting potentials of the book's cells as their presets describe them.

Two models serve the applications chapter. A cell whose preset publishes relative
permeabilities (the squid axon, the ventricular myocyte) rests at the GHK voltage of
those leaks, :func:`ghk_rest`. The mammalian neuron is the pump-leak cell of
:mod:`widgets.physics.pump_leak`, changed by :mod:`widgets.physics.rundown`.
"""

import numpy as np

from widgets import validation as check
from widgets.data.ions import IONS, get_preset
from widgets.physics.ghk import ghk_voltage
from widgets.physics.pump_leak import RESTING_P_K


def ghk_permeabilities(key):
    """Return the leak permeabilities of a preset with published permeability ratios.

    Parameters
    ----------
    key : str
        A preset of :mod:`widgets.data.ions` whose ``permeability`` is given.

    Returns
    -------
    dict of str to float
        Permeability in m/s per ion: the preset's ratios times the book's illustrative
        P_K (5e-9 m/s, the pump-leak neuron's), which sets the size of the currents and
        never the voltage.

    Raises
    ------
    ValueError
        If ``key`` is unknown or its preset publishes no permeabilities.

    Examples
    --------
    >>> {ion: f"{p:.1e}" for ion, p in ghk_permeabilities("cardiac_myocyte").items()}
    {'K': '5.0e-09', 'Na': '5.0e-11'}
    """
    preset = get_preset(key)
    if not preset.permeability:
        raise ValueError(f"key must name a preset with permeability ratios; {key!r} has none")
    return {ion: RESTING_P_K * ratio for ion, ratio in preset.permeability.items()}


def ghk_rest(key, k_out=None):
    """Return the GHK resting potential of a preset, optionally at another bath K⁺.

    Parameters
    ----------
    key : str
        A preset with permeability ratios (``"cardiac_myocyte"``, ``"squid_axon"``).
    k_out : float or array_like, optional
        Extracellular K⁺ in mol/m^3 (= mM), positive; default: the preset's. Other
        concentrations stay as they are (plasma K⁺ rises without Na⁺ falling).

    Returns
    -------
    float or numpy.ndarray
        Membrane potential in V, one per ``k_out``.

    Raises
    ------
    ValueError
        If ``key`` has no permeabilities or ``k_out`` is not positive.

    Notes
    -----
    With the preset's ions and ratios, all monovalent here,

    .. math:: V = \\frac{RT}{F} \\ln
        \\frac{\\sum_+ P_i [i]_o + \\sum_- P_j [j]_i}{\\sum_+ P_i [i]_i + \\sum_- P_j [j]_o}

    (Hodgkin and Katz 1949).

    Examples
    --------
    >>> [round(float(v) * 1e3, 1) for v in ghk_rest("cardiac_myocyte", [5.4, 8.0])]
    [-81.8, -73.1]
    """
    preset = get_preset(key)
    p = ghk_permeabilities(key)
    ions = list(p)
    k_values = preset.c_out["K"] if k_out is None else k_out
    k_values = check.positive("k_out", k_values)
    c_in = [preset.c_in[ion] for ion in ions]
    z = [IONS[ion].z for ion in ions]
    rest = [
        ghk_voltage(
            [p[ion] for ion in ions],
            [k if ion == "K" else preset.c_out[ion] for ion in ions],
            c_in,
            z,
            preset.T,
        )
        for k in np.ravel(k_values)
    ]
    return check.scalar_or_array(np.reshape(rest, np.shape(k_values)))
