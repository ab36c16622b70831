"""Physical constants in SI units (exact SI-2019 values) and temperature helpers.

Derived constants are computed from the defining ones, never retyped, so they
stay exact to double precision. Source: the 2019 redefinition of the SI
(BIPM SI Brochure, 9th edition), via :mod:`scipy.constants` (CODATA 2018).
"""

import numpy as np
from scipy import constants as _si

ELEMENTARY_CHARGE = _si.e  # C, exact (SI 2019)
AVOGADRO = _si.N_A  # 1/mol, exact (SI 2019)
BOLTZMANN = _si.k  # J/K, exact (SI 2019)
GAS_CONSTANT = BOLTZMANN * AVOGADRO  # J/(mol K), R = k N_A
FARADAY = ELEMENTARY_CHARGE * AVOGADRO  # C/mol, F = e N_A
VACUUM_PERMITTIVITY = _si.epsilon_0  # F/m, CODATA 2018 measured value

ZERO_CELSIUS = 273.15  # K, exact by definition of the Celsius scale
BODY_TEMPERATURE = ZERO_CELSIUS + 37.0  # K, human core temperature (37 degC)
ROOM_TEMPERATURE = ZERO_CELSIUS + 20.0  # K, a typical bench temperature (20 degC)


def celsius_to_kelvin(t_celsius):
    """Convert a temperature from degrees Celsius to kelvin.

    Parameters
    ----------
    t_celsius : float or array_like
        Temperature in degC. Must be finite and above absolute zero (-273.15 degC).

    Returns
    -------
    float or numpy.ndarray
        Temperature in K.

    Raises
    ------
    ValueError
        If ``t_celsius`` is not finite or is at or below absolute zero.

    Examples
    --------
    >>> celsius_to_kelvin(37.0)
    310.15
    """
    t = np.asarray(t_celsius, dtype=float)
    if not np.all(np.isfinite(t)) or np.any(t <= -ZERO_CELSIUS):
        raise ValueError(
            f"t_celsius must be finite and above absolute zero (-273.15 degC); got {t_celsius!r}"
        )
    kelvin = t + ZERO_CELSIUS
    return float(kelvin) if kelvin.ndim == 0 else kelvin


def kelvin_to_celsius(T):
    """Convert a temperature from kelvin to degrees Celsius.

    Parameters
    ----------
    T : float or array_like
        Temperature in K. Must be finite and positive.

    Returns
    -------
    float or numpy.ndarray
        Temperature in degC.

    Raises
    ------
    ValueError
        If ``T`` is not finite or not positive.

    Examples
    --------
    >>> round(kelvin_to_celsius(310.15), 10)
    37.0
    """
    t = np.asarray(T, dtype=float)
    if not np.all(np.isfinite(t)) or np.any(t <= 0):
        raise ValueError(f"T must be a finite temperature above 0 K; got {T!r}")
    celsius = t - ZERO_CELSIUS
    return float(celsius) if celsius.ndim == 0 else celsius


MOLAR = 1e3  # mol/m^3 in one mol/L: pH is defined against a 1 M standard state


def ph_to_concentration(ph):
    """Return the H⁺ concentration of a solution of given pH.

    Parameters
    ----------
    ph : float or array_like
        pH (dimensionless); finite.

    Returns
    -------
    float or numpy.ndarray
        [H⁺] in mol/m^3 (= mM).

    Raises
    ------
    ValueError
        If ``ph`` is not finite.

    Notes
    -----
    .. math:: \\mathrm{pH} = -\\log_{10} \\frac{[\\mathrm{H^+}]}{1\\,\\mathrm{M}}
        \\quad\\Rightarrow\\quad [\\mathrm{H^+}] = 10^{-\\mathrm{pH}}\\,\\mathrm{M}

    (activities taken equal to concentrations, as everywhere in the book).

    Examples
    --------
    >>> ph_to_concentration(7.0)  # 100 nM
    0.0001
    """
    ph = np.asarray(ph, dtype=float)
    if not np.all(np.isfinite(ph)):
        raise ValueError(f"ph must be finite; got {ph!r}")
    c = 10.0 ** (np.log10(MOLAR) - ph)  # one power: 10 ** -4.0, not 1e3 * 1e-7 (rounded)
    return float(c) if c.ndim == 0 else c


def concentration_to_ph(c):
    """Return the pH of a solution with a given H⁺ concentration.

    Parameters
    ----------
    c : float or array_like
        [H⁺] in mol/m^3 (= mM); positive and finite.

    Returns
    -------
    float or numpy.ndarray
        pH (dimensionless).

    Raises
    ------
    ValueError
        If ``c`` is not positive and finite.

    Examples
    --------
    >>> round(concentration_to_ph(5.0e-5), 3)  # 50 nM
    7.301
    """
    c = np.asarray(c, dtype=float)
    if not np.all(np.isfinite(c)) or np.any(c <= 0):
        raise ValueError(f"c must be a positive, finite concentration; got {c!r}")
    ph = -np.log10(c / MOLAR)
    return float(ph) if ph.ndim == 0 else ph
