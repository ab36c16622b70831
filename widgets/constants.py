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
