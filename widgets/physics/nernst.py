"""The Nernst equilibrium potential of one ion species."""

import numpy as np

from widgets import validation as check
from widgets.constants import BODY_TEMPERATURE, FARADAY, GAS_CONSTANT


def thermal_voltage(T=BODY_TEMPERATURE):
    """Return the thermal voltage RT/F.

    Parameters
    ----------
    T : float or array_like, optional
        Absolute temperature in K (default 310.15 K, 37 degC).

    Returns
    -------
    float or numpy.ndarray
        RT/F in V (about 26.7 mV at 37 degC).

    Raises
    ------
    ValueError
        If ``T`` is not finite or not above 0 K.

    Notes
    -----
    .. math:: V_T = \\frac{RT}{F}

    Examples
    --------
    >>> round(thermal_voltage(310.15) * 1e3, 3)
    26.727
    """
    T = check.temperature(T)
    return check.scalar_or_array(GAS_CONSTANT * T / FARADAY)


def nernst_potential(c_out, c_in, z, T=BODY_TEMPERATURE):
    """Return the Nernst (equilibrium) potential of an ion, V = phi_in - phi_out.

    Parameters
    ----------
    c_out : float or array_like
        Extracellular concentration in mol/m^3 (numerically mM); positive, finite.
    c_in : float or array_like
        Intracellular concentration in mol/m^3 (numerically mM); positive, finite.
    z : int or array_like
        Valence of the ion (dimensionless), non-zero: +1 for K+, -1 for Cl-, +2 for Ca2+.
    T : float or array_like, optional
        Absolute temperature in K (default 310.15 K, 37 degC).

    Returns
    -------
    float or numpy.ndarray
        Equilibrium potential in V; arguments broadcast against each other.

    Raises
    ------
    ValueError
        If a concentration is not positive and finite, ``z`` is zero or not finite,
        or ``T`` is not above 0 K.

    Notes
    -----
    Equal electrochemical potentials inside and outside give

    .. math:: E = \\frac{RT}{zF} \\ln \\frac{c_\\mathrm{out}}{c_\\mathrm{in}}

    (Hille 2001, ch. 1).

    Examples
    --------
    >>> round(nernst_potential(5.0, 140.0, 1) * 1e3, 2)
    -89.06
    """
    c_out = check.positive("c_out", c_out)
    c_in = check.positive("c_in", c_in)
    z = check.nonzero("z", z)
    v_t = thermal_voltage(T)
    return check.scalar_or_array(v_t / z * np.log(c_out / c_in))


def nernst_slope(T=BODY_TEMPERATURE, z=1):
    """Return the change of the Nernst potential per ten-fold concentration ratio.

    Parameters
    ----------
    T : float or array_like, optional
        Absolute temperature in K (default 310.15 K, 37 degC).
    z : int or array_like, optional
        Valence of the ion (dimensionless), non-zero (default +1).

    Returns
    -------
    float or numpy.ndarray
        Slope in V per decade of c_out/c_in (about 61.5 mV at 37 degC for z = +1);
        negative for anions.

    Raises
    ------
    ValueError
        If ``z`` is zero or not finite, or ``T`` is not above 0 K.

    Notes
    -----
    With :math:`\\ln x = \\ln 10 \\cdot \\log_{10} x`, the Nernst equation reads

    .. math:: E = \\frac{RT \\ln 10}{zF} \\log_{10} \\frac{c_\\mathrm{out}}{c_\\mathrm{in}}

    Examples
    --------
    >>> round(nernst_slope() * 1e3, 2)
    61.54
    >>> round(nernst_slope(293.15, z=2) * 1e3, 2)
    29.08
    """
    z = check.nonzero("z", z)
    return check.scalar_or_array(thermal_voltage(T) * np.log(10.0) / z)


def equilibrium_ratio(v, z=1, T=BODY_TEMPERATURE):
    """Return the inside-to-outside concentration ratio at which an ion is at equilibrium.

    Parameters
    ----------
    v : float or array_like
        Membrane potential phi_in - phi_out in V.
    z : int or array_like, optional
        Valence of the ion (dimensionless), non-zero (default +1).
    T : float or array_like, optional
        Absolute temperature in K (default 310.15 K, 37 degC).

    Returns
    -------
    float or numpy.ndarray
        c_in / c_out (dimensionless): the most a cation can be accumulated by the
        membrane potential alone, with no transporter spending energy on it.

    Raises
    ------
    ValueError
        If ``v`` is not finite, ``z`` is zero or not finite, or ``T`` is not above 0 K.

    Notes
    -----
    The Nernst equation solved for the concentration ratio:

    .. math:: \\frac{c_\\mathrm{in}}{c_\\mathrm{out}} = e^{-zFV/RT}

    Examples
    --------
    >>> round(equilibrium_ratio(-0.089), 1)  # K+ at -89 mV and 37 degC
    27.9
    """
    v = check.finite("v", v)
    z = check.nonzero("z", z)
    return check.scalar_or_array(np.exp(-z * v / thermal_voltage(T)))
