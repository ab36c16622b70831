"""Screening in salt water: ionic strength, the Debye length and the Gouy-Chapman layer.

Mobile ions gather around any charge and cancel its field within a Debye
length, under a nanometre in body fluids. This is why the bulk of the cytosol
and of the bath stays neutral while the membrane carries the separated charge.
"""

import numpy as np
from scipy.optimize import brentq

from widgets import validation as check
from widgets.constants import (
    BODY_TEMPERATURE,
    FARADAY,
    GAS_CONSTANT,
    VACUUM_PERMITTIVITY,
    ZERO_CELSIUS,
)
from widgets.data.fluids import get_fluid
from widgets.physics.nernst import thermal_voltage

# Malmberg & Maryott (1956, J Res NBS 56:1), eq. (3): eps_r(t) of pure water, t in degC,
# fitted to their measurements from 0 to 100 degC (78.30 at 25 degC).
_MALMBERG_MARYOTT = (87.740, -0.40008, 9.398e-4, -1.410e-6)
_MALMBERG_MARYOTT_RANGE = (ZERO_CELSIUS, ZERO_CELSIUS + 100.0)  # K


def water_relative_permittivity(T=BODY_TEMPERATURE):
    """Return the static relative permittivity of liquid water.

    Parameters
    ----------
    T : float or array_like, optional
        Absolute temperature in K, from 273.15 to 373.15 K (default 310.15 K, 37 degC).

    Returns
    -------
    float or numpy.ndarray
        Relative permittivity (dimensionless): 78.30 at 25 degC, 74.15 at 37 degC.

    Raises
    ------
    ValueError
        If ``T`` is not above 0 K or lies outside 0-100 degC, where the fit holds.

    Notes
    -----
    The cubic fit of Malmberg and Maryott (1956), with :math:`t` in degC:

    .. math::
        \\varepsilon_r = 87.740 - 0.40008\\, t + 9.398 \\times 10^{-4} t^2
                         - 1.410 \\times 10^{-6} t^3

    Examples
    --------
    >>> round(water_relative_permittivity(ZERO_CELSIUS + 25.0), 2)
    78.3
    """
    T = check.temperature(T)
    lo, hi = _MALMBERG_MARYOTT_RANGE
    if np.any(T < lo) or np.any(T > hi):
        raise ValueError(f"T must lie between {lo} and {hi} K (0-100 degC); got {T!r}")
    t = T - ZERO_CELSIUS
    a0, a1, a2, a3 = _MALMBERG_MARYOTT
    return check.scalar_or_array(a0 + t * (a1 + t * (a2 + t * a3)))


# dimensionless, about 74.15: water at 37 degC (Malmberg & Maryott 1956).
WATER_PERMITTIVITY_RELATIVE = water_relative_permittivity(BODY_TEMPERATURE)


def ionic_strength(c, z):
    """Return the ionic strength of a solution.

    Parameters
    ----------
    c : sequence of float
        Concentration of each ion species in mol/m^3 (= mM); non-negative.
    z : sequence of int
        Valence of each species, non-zero, one per entry of ``c``.

    Returns
    -------
    float
        Ionic strength in mol/m^3 (= mM).

    Raises
    ------
    ValueError
        If the sequences differ in length, a concentration is negative or not
        finite, or a valence is zero.

    Notes
    -----
    .. math:: I = \\tfrac{1}{2} \\sum_i c_i z_i^2

    A 1:1 salt at concentration c has I = c; divalent ions count four times.

    Examples
    --------
    >>> ionic_strength([2.0, 4.0], [2, -1])  # 2 mM CaCl2
    6.0
    """
    c, z = check.per_ion(c=check.non_negative("c", c), z=check.nonzero("z", z))
    return float(0.5 * np.sum(c * z**2))


def fluid_ionic_strength(key):
    """Return the ionic strength of fluid ``key`` of :data:`widgets.data.FLUIDS`, in mM.

    Parameters
    ----------
    key : str
        A fluid's key, e.g. ``"blood_plasma"``.

    Returns
    -------
    float
        Ionic strength in mol/m^3 (= mM), from the fluid's composition.

    Raises
    ------
    ValueError
        If ``key`` is not a known fluid.

    Examples
    --------
    >>> fluid_ionic_strength("blood_plasma")
    149.5
    """
    fluid = get_fluid(key)
    return ionic_strength(list(fluid.c.values()), list(fluid.z.values()))


def debye_length(ionic_strength, T=BODY_TEMPERATURE, eps_r=WATER_PERMITTIVITY_RELATIVE):
    """Return the Debye screening length of an electrolyte.

    Parameters
    ----------
    ionic_strength : float or array_like
        Ionic strength in mol/m^3 (= mM); positive.
    T : float or array_like, optional
        Absolute temperature in K (default 310.15 K).
    eps_r : float or array_like, optional
        Relative permittivity of the solvent (default 74.15, water at 37 degC).

    Returns
    -------
    float or numpy.ndarray
        Debye length in m (about 0.78 nm at 150 mM and 37 degC).

    Raises
    ------
    ValueError
        If ``ionic_strength`` or ``eps_r`` is not positive and finite, or ``T`` is
        not above 0 K.

    Notes
    -----
    Linearising the Poisson-Boltzmann equation gives an exponential screening
    length (Debye and Hueckel 1923; McLaughlin 1989):

    .. math:: \\lambda_D = \\sqrt{\\frac{\\varepsilon_r \\varepsilon_0 R T}{2 F^2 I}}

    Examples
    --------
    >>> round(debye_length(150.0) * 1e9, 3)  # nm
    0.779
    """
    ionic_strength = check.positive("ionic_strength", ionic_strength)
    eps_r = check.positive("eps_r", eps_r)
    T = check.temperature(T)
    permittivity = eps_r * VACUUM_PERMITTIVITY
    return check.scalar_or_array(
        np.sqrt(permittivity * GAS_CONSTANT * T / (2.0 * FARADAY**2 * ionic_strength))
    )


def _grahame_charge_scale(c_salt, T, eps_r):
    """Return sqrt(8 eps R T c) in C/m^2, the charge scale of the Grahame equation."""
    c_salt = check.positive("c_salt", c_salt)
    eps_r = check.positive("eps_r", eps_r)
    T = check.temperature(T)
    return np.sqrt(8.0 * eps_r * VACUUM_PERMITTIVITY * GAS_CONSTANT * T * c_salt)


def grahame_surface_potential(sigma, c_salt, T=BODY_TEMPERATURE, eps_r=WATER_PERMITTIVITY_RELATIVE):
    """Return the surface potential of a charged wall in a 1:1 electrolyte.

    Parameters
    ----------
    sigma : float or array_like
        Surface charge density of the wall in C/m^2; the diffuse layer carries -sigma.
    c_salt : float or array_like
        Bulk concentration of the 1:1 salt in mol/m^3 (= mM); positive.
    T : float or array_like, optional
        Absolute temperature in K (default 310.15 K).
    eps_r : float or array_like, optional
        Relative permittivity of the solvent (default 74.15, water at 37 degC).

    Returns
    -------
    float or numpy.ndarray
        Potential of the wall relative to the bulk solution, in V.

    Raises
    ------
    ValueError
        If ``sigma`` is not finite, ``c_salt`` or ``eps_r`` is not positive, or
        ``T`` is not above 0 K.

    Notes
    -----
    The Grahame equation (Grahame 1947; McLaughlin 1989) for the Gouy-Chapman layer,

    .. math::
        \\sigma = \\sqrt{8 \\varepsilon_r \\varepsilon_0 R T c}\\,
                  \\sinh\\frac{F \\psi_0}{2 R T},

    solved for :math:`\\psi_0`. For small charges it reduces to
    :math:`\\psi_0 = \\sigma \\lambda_D / \\varepsilon_r \\varepsilon_0`, a capacitor
    one Debye length thick.

    Examples
    --------
    >>> round(grahame_surface_potential(-0.05, 150.0) * 1e3, 1)  # mV, 1 e- per 3.2 nm^2
    -51.1
    """
    sigma = check.finite("sigma", sigma)
    scale = _grahame_charge_scale(c_salt, T, eps_r)
    return check.scalar_or_array(2.0 * thermal_voltage(T) * np.arcsinh(sigma / scale))


def grahame_surface_potential_mixed(
    sigma, c, z, T=BODY_TEMPERATURE, eps_r=WATER_PERMITTIVITY_RELATIVE
):
    """Return the surface potential of a charged wall in a mixture of electrolytes.

    Parameters
    ----------
    sigma : float
        Surface charge density of the wall in C/m^2; the diffuse layer carries -sigma.
    c : sequence of float
        Bulk concentration of each ion species in mol/m^3 (= mM); non-negative.
    z : sequence of int
        Valence of each species, non-zero, one per entry of ``c``; the bulk must
        be neutral (sum of c z = 0).
    T : float, optional
        Absolute temperature in K (default 310.15 K).
    eps_r : float, optional
        Relative permittivity of the solvent (default 74.15, water at 37 degC).

    Returns
    -------
    float
        Potential of the wall relative to the bulk solution, in V.

    Raises
    ------
    ValueError
        If ``sigma`` is not a finite number, the sequences differ in length, a
        concentration is negative, a valence is zero, the bulk is not neutral,
        ``eps_r`` is not positive or ``T`` is not above 0 K.

    Notes
    -----
    Integrating the Poisson-Boltzmann equation once across the layer gives the
    general Grahame equation (Grahame 1947; McLaughlin 1989),

    .. math::
        \\sigma^2 = 2 \\varepsilon_r \\varepsilon_0 RT \\sum_i c_i
        \\left(e^{-z_i F \\psi_0 / RT} - 1\\right),

    with :math:`\\psi_0` of the sign of :math:`\\sigma`; it is solved for
    :math:`\\psi_0` by Brent's method. For a 1:1 salt it is
    :func:`grahame_surface_potential`. Divalent counter-ions enter with
    :math:`e^{2|\\psi_0|F/RT}`: a few mM of Ca2+ screen a negative surface
    noticeably even in 150 mM NaCl.

    Examples
    --------
    >>> salt = ([150.0, 150.0], [1, -1])
    >>> round(grahame_surface_potential_mixed(-0.05, *salt) * 1e3, 1)  # = 1:1 Grahame
    -51.1
    >>> calcium = ([146.0, 2.0, 150.0], [1, 2, -1])  # 2 mM of the Na+ replaced by Ca2+
    >>> round(grahame_surface_potential_mixed(-0.05, *calcium) * 1e3, 1)
    -49.5
    """
    sigma = check.scalar("sigma", sigma)
    c, z = check.per_ion(c=check.non_negative("c", c), z=check.nonzero("z", z))
    if abs(np.sum(c * z)) > 1e-9 * np.sum(c * np.abs(z)):
        raise ValueError(f"c and z must describe a neutral bulk (sum of c z = 0); got {c!r}, {z!r}")
    eps_r = check.scalar("eps_r", check.positive("eps_r", eps_r))
    T = check.scalar("T", check.temperature(T))
    if sigma == 0.0:
        return 0.0
    scale = 2.0 * eps_r * VACUUM_PERMITTIVITY * GAS_CONSTANT * T

    def charge(u):  # the wall charge a layer at reduced potential u = F psi0 / RT holds
        return np.sign(u) * np.sqrt(scale * np.sum(c * np.expm1(-z * u)))

    bound = 1.0
    while abs(charge(np.sign(sigma) * bound)) < abs(sigma):
        bound *= 2.0
    ends = sorted((0.0, np.sign(sigma) * bound))
    return float(thermal_voltage(T) * brentq(lambda u: charge(u) - sigma, *ends, xtol=1e-14))


def boltzmann_concentration(c_bulk, z, psi, T=BODY_TEMPERATURE):
    """Return an ion's concentration where the potential is ``psi`` above its bulk.

    Parameters
    ----------
    c_bulk : float or array_like
        Concentration far away, in the bulk, in mol/m^3 (= mM); non-negative.
    z : int or array_like
        Valence of the ion (dimensionless), non-zero.
    psi : float or array_like
        Local potential relative to the bulk in V.
    T : float or array_like, optional
        Absolute temperature in K (default 310.15 K).

    Returns
    -------
    float or numpy.ndarray
        Local concentration in mol/m^3; arguments broadcast.

    Raises
    ------
    ValueError
        If ``c_bulk`` is negative or not finite, ``z`` is zero, ``psi`` is not
        finite or ``T`` is not above 0 K.

    Notes
    -----
    An ion in equilibrium has the same electrochemical potential everywhere
    (Hille 2001, ch. 1), so its concentration follows the Boltzmann factor of its
    electrical energy:

    .. math:: c = c_\\mathrm{bulk}\\, e^{-z F \\psi / RT}

    A cation gathers where the potential is low, an anion where it is high.

    Examples
    --------
    >>> round(boltzmann_concentration(140.0, 1, -0.030), 1)  # K+ at a -30 mV surface, mM
    430.1
    """
    c_bulk = check.non_negative("c_bulk", c_bulk)
    z = check.nonzero("z", z)
    psi = check.finite("psi", psi)
    return check.scalar_or_array(c_bulk * np.exp(-z * psi / thermal_voltage(T)))


def gouy_chapman_potential(x, psi0, c_salt, T=BODY_TEMPERATURE, eps_r=WATER_PERMITTIVITY_RELATIVE):
    """Return the potential in the diffuse layer next to a wall in a 1:1 electrolyte.

    Parameters
    ----------
    x : float or array_like
        Distance from the wall in m; non-negative.
    psi0 : float or array_like
        Potential of the wall relative to the bulk solution in V.
    c_salt : float or array_like
        Bulk concentration of the 1:1 salt in mol/m^3 (= mM); positive.
    T : float or array_like, optional
        Absolute temperature in K (default 310.15 K).
    eps_r : float or array_like, optional
        Relative permittivity of the solvent (default 74.15, water at 37 degC).

    Returns
    -------
    float or numpy.ndarray
        Potential relative to the bulk in V; arguments broadcast.

    Raises
    ------
    ValueError
        If ``x`` is negative or not finite, ``psi0`` is not finite, ``c_salt`` or
        ``eps_r`` is not positive, or ``T`` is not above 0 K.

    Notes
    -----
    The exact solution of the nonlinear Poisson-Boltzmann equation for a plane
    wall (Gouy 1910; Chapman 1913; McLaughlin 1989), with
    :math:`\\gamma = \\tanh(F\\psi_0/4RT)`:

    .. math::
        \\psi(x) = \\frac{2RT}{F}
        \\ln\\frac{1 + \\gamma e^{-x/\\lambda_D}}{1 - \\gamma e^{-x/\\lambda_D}}
        = \\frac{4RT}{F} \\operatorname{artanh}\\left(\\gamma e^{-x/\\lambda_D}\\right).

    When :math:`|\\psi_0| \\ll 2RT/F` it becomes the Debye-Hueckel profile
    :math:`\\psi_0 e^{-x/\\lambda_D}`; a large potential falls faster than that
    near the wall.

    Examples
    --------
    >>> round(gouy_chapman_potential(debye_length(150.0), -0.050, 150.0) * 1e3, 2)  # mV
    -17.31
    """
    x = check.non_negative("x", x)
    psi0 = check.finite("psi0", psi0)
    c_salt = check.positive("c_salt", c_salt)
    v_t = thermal_voltage(T)
    screening = np.exp(-x / debye_length(c_salt, T, eps_r))
    gamma = np.tanh(psi0 / (4.0 * v_t))
    return check.scalar_or_array(4.0 * v_t * np.arctanh(gamma * screening))


def diffuse_layer_capacitance(
    c_salt, psi0=0.0, T=BODY_TEMPERATURE, eps_r=WATER_PERMITTIVITY_RELATIVE
):
    """Return the differential capacitance per area of a Gouy-Chapman diffuse layer.

    Parameters
    ----------
    c_salt : float or array_like
        Bulk concentration of the 1:1 salt in mol/m^3 (= mM); positive.
    psi0 : float or array_like, optional
        Potential of the wall relative to the bulk in V (default 0).
    T : float or array_like, optional
        Absolute temperature in K (default 310.15 K).
    eps_r : float or array_like, optional
        Relative permittivity of the solvent (default 74.15, water at 37 degC).

    Returns
    -------
    float or numpy.ndarray
        Capacitance in F/m^2 (about 84 uF/cm^2 at 150 mM, 37 degC).

    Raises
    ------
    ValueError
        If ``psi0`` is not finite, ``c_salt`` or ``eps_r`` is not positive, or
        ``T`` is not above 0 K.

    Notes
    -----
    Differentiating the Grahame equation (see :func:`grahame_surface_potential`):

    .. math::
        C_d = \\frac{d\\sigma}{d\\psi_0}
            = \\frac{\\varepsilon_r \\varepsilon_0}{\\lambda_D}
              \\cosh\\frac{F\\psi_0}{2RT}

    It is about 80 times the membrane's 1 uF/cm^2, so in series with the
    membrane the two diffuse layers take only a few percent of the voltage.

    Examples
    --------
    >>> round(diffuse_layer_capacitance(150.0) * 1e2, 1)  # uF/cm^2
    84.3
    """
    psi0 = check.finite("psi0", psi0)
    c_salt = check.positive("c_salt", c_salt)
    eps_r = check.positive("eps_r", eps_r)
    plate = eps_r * VACUUM_PERMITTIVITY / debye_length(c_salt, T, eps_r)
    return check.scalar_or_array(plate * np.cosh(psi0 / (2.0 * thermal_voltage(T))))
