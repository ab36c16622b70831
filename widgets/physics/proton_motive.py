"""The proton-motive force: the electrochemical driving force on H⁺ across a membrane.

Bacteria, mitochondria and chloroplasts store the energy of respiration or light as a
proton gradient plus a membrane potential; plant and fungal cells build the same with
a proton pump in their plasma membrane. Both parts push protons the same way when the
inside is negative and alkaline, and the proton-motive force adds them in volts.
"""

import numpy as np

from widgets import validation as check
from widgets.constants import BODY_TEMPERATURE, FARADAY
from widgets.physics.nernst import nernst_slope


def proton_motive_force(delta_psi, delta_ph, T=BODY_TEMPERATURE):
    """Return the proton-motive force Δp across a membrane.

    Parameters
    ----------
    delta_psi : float or array_like
        Membrane potential Δψ = ψ_in − ψ_out in V (the book's V, inside minus outside).
    delta_ph : float or array_like
        pH difference ΔpH = pH_in − pH_out (dimensionless); positive when the inside is
        more alkaline.
    T : float or array_like, optional
        Absolute temperature in K (default 310.15 K, 37 degC).

    Returns
    -------
    float or numpy.ndarray
        Δp in V. Negative Δp drives protons into the cell; ``-F * Δp`` is the free
        energy in J/mol that one mole of protons releases flowing in.

    Raises
    ------
    ValueError
        If ``delta_psi`` or ``delta_ph`` is not finite, or ``T`` is not above 0 K.

    Notes
    -----
    The electrochemical potential difference of H⁺, divided by F (Mitchell's
    chemiosmotic theory; Nelson and Cox 2008, ch. 19):

    .. math:: \\Delta p = \\Delta\\psi - \\frac{RT \\ln 10}{F}\\, \\Delta\\mathrm{pH}

    With :math:`E_H = (RT \\ln 10 / F)\\, \\Delta\\mathrm{pH}`, the Nernst potential of
    H⁺, this is :math:`\\Delta p = V - E_H`: the driving force on a proton.

    Examples
    --------
    >>> round(proton_motive_force(-0.120, 0.7) * 1e3, 1)  # E. coli at pH 7, mV
    -163.1
    """
    delta_psi = check.finite("delta_psi", delta_psi)
    delta_ph = check.finite("delta_ph", delta_ph)
    return check.scalar_or_array(delta_psi - nernst_slope(T) * delta_ph)


def proton_free_energy(delta_p):
    """Return the free energy released per mole of protons that cross inwards.

    Parameters
    ----------
    delta_p : float or array_like
        Proton-motive force in V (see :func:`proton_motive_force`).

    Returns
    -------
    float or numpy.ndarray
        Free energy in J/mol, positive when inward flow releases energy (Δp < 0).

    Raises
    ------
    ValueError
        If ``delta_p`` is not finite.

    Notes
    -----
    .. math:: \\Delta G_{H^+} = -F\\, \\Delta p

    Dividing the free energy of ATP synthesis by it gives the least number of protons
    an ATP synthase must pass per ATP.

    Examples
    --------
    >>> round(proton_free_energy(-0.170) / 1e3, 2)  # kJ/mol
    16.4
    """
    delta_p = check.finite("delta_p", delta_p)
    return check.scalar_or_array(-FARADAY * np.asarray(delta_p))
