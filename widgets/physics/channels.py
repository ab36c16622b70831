"""Channels at rest: gating tails, chord and slope conductance, the resting I-V curve.

Voltage-gated channels are not all shut at rest: the tails of their open
probabilities add a resting conductance. Together with the GHK leaks they set
the steady-state current-voltage curve, whose zero crossings are the possible
resting potentials; a crossing with positive slope conductance is stable.
"""

from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import minimize_scalar
from scipy.special import exprel

from widgets import validation as check
from widgets.constants import BODY_TEMPERATURE, FARADAY
from widgets.data.ions import IONS, get_preset
from widgets.physics.ghk import ghk_current_density, ghk_voltage
from widgets.physics.nernst import nernst_potential, thermal_voltage

# Hodgkin and Huxley (1952), squid giant axon, converted to SI.
HH_G_NA_MAX = 1200.0  # S/m^2 (120 mS/cm^2), maximal Na+ conductance (hodgkin1952)
HH_G_K_MAX = 360.0  # S/m^2 (36 mS/cm^2), maximal K+ conductance (hodgkin1952)
HH_G_LEAK = 3.0  # S/m^2 (0.3 mS/cm^2), leak conductance (hodgkin1952)
# HH measured voltage from rest; the usual modern convention puts that rest at -65 mV.
HH_V_REST = -0.065  # V

# Below this |V - E| the chord conductance is replaced by its limit, the slope
# conductance at E: both then err by about sqrt(machine epsilon), relative.
_CHORD_LIMIT = np.sqrt(np.finfo(float).eps)  # in units of RT/F

# Central-difference step for the slope of the total membrane current, in V.
_SLOPE_STEP = 1e-6

# Zero crossings of the I-V curve are refined until the current there is this small
# (A/m^2; 1e-11 uA/cm^2, some 1e-14 V from the zero) or their bracket this narrow (V),
# within at most _ROOT_ITERATIONS vectorised false-position steps.
_CURRENT_TOLERANCE = 1e-13
_ROOT_TOLERANCE = 1e-14
_ROOT_ITERATIONS = 60


def boltzmann_open_probability(v, v_half, slope):
    """Return the steady-state open probability of a two-state voltage gate.

    Parameters
    ----------
    v : float or array_like
        Membrane potential in V.
    v_half : float or array_like
        Potential of half activation in V.
    slope : float or array_like
        Slope factor k in V; positive for a gate that opens on depolarisation,
        negative for one that closes (inactivation).

    Returns
    -------
    float or numpy.ndarray
        Open probability between 0 and 1 (dimensionless).

    Raises
    ------
    ValueError
        If an argument is not finite or ``slope`` is zero.

    Notes
    -----
    .. math:: p = \\frac{1}{1 + e^{-(V - V_{1/2})/k}}

    For a gating charge :math:`z_g`, :math:`k = RT/(z_g F)` (Hille 2001).

    Examples
    --------
    >>> boltzmann_open_probability(-0.040, -0.040, 0.005)
    0.5
    >>> round(boltzmann_open_probability(-0.070, -0.040, 0.005), 5)
    0.00247
    """
    v = check.finite("v", v)
    v_half = check.finite("v_half", v_half)
    slope = check.nonzero("slope", slope)
    # 1/(1 + e^-x) written with tanh stays finite for any x.
    x = (v - v_half) / slope
    return check.scalar_or_array(0.5 * (1.0 + np.tanh(0.5 * x)))


def gated_conductance(v, g_max, v_half, slope, power=1):
    """Return the conductance of channels with ``power`` identical Boltzmann gates.

    Parameters
    ----------
    v : float or array_like
        Membrane potential in V.
    g_max : float or array_like
        Conductance with every channel open, in S/m^2; non-negative.
    v_half, slope : float or array_like
        Half-activation potential and slope factor of one gate, in V
        (see :func:`boltzmann_open_probability`).
    power : int, optional
        Number of gates that must all be open (default 1); positive.

    Returns
    -------
    float or numpy.ndarray
        Conductance in S/m^2.

    Raises
    ------
    ValueError
        If ``g_max`` is negative, ``power`` is not a positive integer, or an
        argument is invalid for :func:`boltzmann_open_probability`.

    Notes
    -----
    .. math:: g = g_\\mathrm{max}\\, p(V)^n

    With several gates the conductance falls steeply below :math:`V_{1/2}`, so
    at rest only the far tail of the activation curve contributes.

    Examples
    --------
    >>> round(gated_conductance(-0.070, 100.0, -0.040, 0.005, power=4) * 1e9, 2)
    3.74
    """
    g_max = check.non_negative("g_max", g_max)
    power = check.integer("power", power, minimum=1)
    return check.scalar_or_array(g_max * boltzmann_open_probability(v, v_half, slope) ** power)


def hh_rate_constants(v):
    """Return the Hodgkin-Huxley opening and closing rates of the m, h and n gates.

    Parameters
    ----------
    v : float or array_like
        Membrane potential in V (rest at ``HH_V_REST`` = -65 mV).

    Returns
    -------
    dict of str to float or numpy.ndarray
        ``alpha_m, beta_m, alpha_h, beta_h, alpha_n, beta_n`` in 1/s, at 6.3 degC.

    Raises
    ------
    ValueError
        If ``v`` is not finite.

    Notes
    -----
    With :math:`u` the depolarisation from rest in mV (Hodgkin and Huxley 1952,
    written with depolarisation positive, as is usual today), rates in 1/ms:

    .. math::
        \\alpha_m = \\frac{0.1 (25 - u)}{e^{(25-u)/10} - 1},\\;
        \\beta_m = 4 e^{-u/18},\\;
        \\alpha_h = 0.07 e^{-u/20},\\;
        \\beta_h = \\frac{1}{e^{(30-u)/10} + 1},\\;
        \\alpha_n = \\frac{0.01 (10 - u)}{e^{(10-u)/10} - 1},\\;
        \\beta_n = 0.125 e^{-u/80}

    Temperature scales every rate by the same factor, so steady-state gates do
    not depend on it.

    Examples
    --------
    >>> rates = hh_rate_constants(HH_V_REST)
    >>> round(float(rates["alpha_n"]), 3), round(float(rates["beta_n"]), 3)
    (58.198, 125.0)
    """
    u = (check.finite("v", v) - HH_V_REST) * 1e3  # mV of depolarisation from rest
    per_ms = {
        # x / (e^x - 1) = 1 / exprel(x) has no 0/0 where x = 0.
        "alpha_m": 1.0 / exprel((25.0 - u) / 10.0),
        "beta_m": 4.0 * np.exp(-u / 18.0),
        "alpha_h": 0.07 * np.exp(-u / 20.0),
        "beta_h": 1.0 / (np.exp((30.0 - u) / 10.0) + 1.0),
        "alpha_n": 0.1 / exprel((10.0 - u) / 10.0),
        "beta_n": 0.125 * np.exp(-u / 80.0),
    }
    return {name: check.scalar_or_array(rate * 1e3) for name, rate in per_ms.items()}


def hh_steady_state_gates(v):
    """Return the steady-state values of the Hodgkin-Huxley m, h and n gates.

    Parameters
    ----------
    v : float or array_like
        Membrane potential in V.

    Returns
    -------
    tuple of float or numpy.ndarray
        ``(m_inf, h_inf, n_inf)``, each between 0 and 1 (dimensionless).

    Raises
    ------
    ValueError
        If ``v`` is not finite.

    Notes
    -----
    .. math:: x_\\infty = \\frac{\\alpha_x}{\\alpha_x + \\beta_x}

    (Hodgkin and Huxley 1952).

    Examples
    --------
    >>> [round(float(x), 4) for x in hh_steady_state_gates(HH_V_REST)]
    [0.0529, 0.5961, 0.3177]
    """
    r = hh_rate_constants(v)
    return tuple(
        check.scalar_or_array(r[f"alpha_{x}"] / (r[f"alpha_{x}"] + r[f"beta_{x}"])) for x in "mhn"
    )


def hh_resting_conductances(v, g_na_max=HH_G_NA_MAX, g_k_max=HH_G_K_MAX):
    """Return the steady-state Na+ and K+ conductances of Hodgkin-Huxley channels.

    Parameters
    ----------
    v : float or array_like
        Membrane potential in V.
    g_na_max, g_k_max : float, optional
        Maximal conductances in S/m^2 (defaults 1200 and 360 S/m^2, i.e. 120 and
        36 mS/cm^2, Hodgkin and Huxley 1952); non-negative.

    Returns
    -------
    tuple of float or numpy.ndarray
        ``(g_na, g_k)`` in S/m^2.

    Raises
    ------
    ValueError
        If ``v`` is not finite or a maximal conductance is negative.

    Notes
    -----
    .. math:: g_{Na} = \\bar g_{Na} m_\\infty^3 h_\\infty, \\qquad
              g_K = \\bar g_K n_\\infty^4

    At rest these tails are small fractions of the maxima, yet the K+ tail
    alone exceeds the leak conductance of the squid axon (Hodgkin and Huxley 1952).

    Examples
    --------
    >>> g_na, g_k = hh_resting_conductances(HH_V_REST)
    >>> round(float(g_na) * 0.1, 4), round(float(g_k) * 0.1, 4)  # mS/cm^2
    (0.0106, 0.3666)
    """
    g_na_max = check.non_negative("g_na_max", g_na_max)
    g_k_max = check.non_negative("g_k_max", g_k_max)
    m, h, n = hh_steady_state_gates(v)
    return check.scalar_or_array(g_na_max * m**3 * h), check.scalar_or_array(g_k_max * n**4)


def _bernoulli_derivative(u):
    """Return d/du [u / (e^u - 1)], using its Taylor series near u = 0."""
    u = np.asarray(u, dtype=float)
    b = 1.0 / exprel(u)
    small = np.abs(u) < 1e-2
    u_safe = np.where(small, 1.0, u)
    closed = b * ((1.0 - b) / u_safe - 1.0)
    series = -0.5 + u / 6.0 - u**3 / 180.0  # next term u^5/5040 < 2e-14 here
    return np.where(small, series, closed)


def slope_conductance(v, p, c_out, c_in, z, T=BODY_TEMPERATURE):
    """Return the slope conductance dI/dV of a GHK (constant-field) channel.

    Parameters
    ----------
    v : float or array_like
        Membrane potential in V.
    p : float or array_like
        Permeability in m/s; non-negative.
    c_out, c_in : float or array_like
        Extracellular and intracellular concentrations in mol/m^3 (= mM); positive.
    z : int or array_like
        Valence (dimensionless), non-zero.
    T : float, optional
        Absolute temperature in K (default 310.15 K).

    Returns
    -------
    float or numpy.ndarray
        Slope conductance in S/m^2.

    Raises
    ------
    ValueError
        As :func:`widgets.physics.ghk.ghk_current_density`.

    Notes
    -----
    With :math:`u = zFV/RT` and :math:`B(u) = u/(e^u - 1)`, the GHK current is
    :math:`I = P z F [c_\\mathrm{in} u + (c_\\mathrm{in} - c_\\mathrm{out}) B(u)]`
    (using :math:`B(-u) = u + B(u)`), so

    .. math::
        g_\\mathrm{slope} = \\frac{dI}{dV} = \\frac{P z^2 F^2}{RT}
            \\left[c_\\mathrm{in} + (c_\\mathrm{in} - c_\\mathrm{out}) B'(u)\\right]

    With equal concentrations the channel is ohmic, :math:`P z^2 F^2 c/RT`
    (Hille 2001).

    Examples
    --------
    >>> round(slope_conductance(0.0, 1e-8, 100.0, 100.0, 1), 4)
    3.6101
    """
    v = check.finite("v", v)
    # ghk_current_density validates p, the concentrations, z and T; at V = 0 it is
    # P z F (c_in - c_out), the factor of B'(u).
    at_zero = ghk_current_density(0.0, p, c_out, c_in, z, T)
    p, c_in, z = (np.asarray(x, dtype=float) for x in (p, c_in, z))
    v_t = thermal_voltage(T)
    u = z * v / v_t
    g = (z / v_t) * (p * z * FARADAY * c_in + at_zero * _bernoulli_derivative(u))
    return check.scalar_or_array(g)


def chord_conductance(v, p, c_out, c_in, z, T=BODY_TEMPERATURE):
    """Return the chord conductance I/(V - E) of a GHK (constant-field) channel.

    Parameters
    ----------
    v : float or array_like
        Membrane potential in V.
    p : float or array_like
        Permeability in m/s; non-negative.
    c_out, c_in : float or array_like
        Extracellular and intracellular concentrations in mol/m^3 (= mM); positive.
    z : int or array_like
        Valence (dimensionless), non-zero.
    T : float, optional
        Absolute temperature in K (default 310.15 K).

    Returns
    -------
    float or numpy.ndarray
        Chord conductance in S/m^2; at V = E its limit, the slope conductance there.

    Raises
    ------
    ValueError
        As :func:`widgets.physics.ghk.ghk_current_density`.

    Notes
    -----
    .. math:: g_\\mathrm{chord} = \\frac{I_\\mathrm{GHK}(V)}{V - E}

    with E the Nernst potential. A GHK channel rectifies: with more permeant ions
    inside than out (K+) the chord conductance grows with depolarisation, so an
    ohmic model with one fixed g fits it only near one voltage (Hille 2001).
    The chord conductance is what the weighted-average formula
    :func:`widgets.physics.conductance.conductance_weighted_potential` needs; the
    slope conductance is what a small test pulse measures.

    Examples
    --------
    >>> g_rest = chord_conductance(-0.070, 1e-8, 5.0, 140.0, 1)
    >>> g_depol = chord_conductance(0.0, 1e-8, 5.0, 140.0, 1)
    >>> round(g_rest, 3), round(g_depol, 3)
    (0.744, 1.463)
    """
    current = ghk_current_density(v, p, c_out, c_in, z, T)
    v = np.asarray(v, dtype=float)
    e = nernst_potential(c_out, c_in, z, T)
    offset = v - e
    at_e = np.abs(offset) < _CHORD_LIMIT * thermal_voltage(T)
    chord = current / np.where(at_e, 1.0, offset)
    return check.scalar_or_array(np.where(at_e, slope_conductance(e, p, c_out, c_in, z, T), chord))


def permeability_from_conductance(g, v, c_out, c_in, z, T=BODY_TEMPERATURE):
    """Return the GHK permeability whose slope conductance at v is g.

    Parameters
    ----------
    g : float or array_like
        Slope conductance in S/m^2; non-negative.
    v : float or array_like
        Membrane potential at which ``g`` is measured, in V.
    c_out, c_in : float or array_like
        Extracellular and intracellular concentrations in mol/m^3 (= mM); positive.
    z : int or array_like
        Valence (dimensionless), non-zero.
    T : float, optional
        Absolute temperature in K (default 310.15 K).

    Returns
    -------
    float or numpy.ndarray
        Permeability in m/s.

    Raises
    ------
    ValueError
        If ``g`` is negative, or as :func:`slope_conductance`.

    Notes
    -----
    The GHK current is proportional to P, so its slope conductance is too:

    .. math:: P = \\frac{g}{g_\\mathrm{slope}(V; P = 1\\,\\mathrm{m/s})}

    A permeability belongs to the channels; a conductance also depends on the
    concentrations and the voltage at which it is measured (Hille 2001).

    Examples
    --------
    >>> p = permeability_from_conductance(1.0, -0.065, 20.0, 400.0, 1, 293.15)
    >>> round(p * 1e9, 3)  # nm/s
    3.443
    >>> round(slope_conductance(-0.065, p, 20.0, 400.0, 1, 293.15), 12)
    1.0
    """
    g = check.non_negative("g", g)
    return check.scalar_or_array(g / slope_conductance(v, 1.0, c_out, c_in, z, T))


def permeabilities_for_conductance(relative, g_total, c_out, c_in, z, T=BODY_TEMPERATURE, v=None):
    """Return permeabilities in given ratios whose total slope conductance at v is g_total.

    The GHK voltage depends only on permeability ratios; currents need absolute
    permeabilities. This scales the ratios to a measured (or chosen) resting
    conductance, the quantity a small test pulse measures.

    Parameters
    ----------
    relative : array_like
        Relative permeability of each ion (dimensionless); non-negative, not all zero.
    g_total : float
        Total slope conductance at ``v`` in S/m^2; positive.
    c_out, c_in : array_like
        Extracellular and intracellular concentrations in mol/m^3 (= mM); positive.
    z : array_like of int
        Valence of each ion, non-zero.
    T : float, optional
        Absolute temperature in K (default 310.15 K).
    v : float, optional
        Membrane potential in V at which ``g_total`` holds; default: the GHK
        potential of these ions (:func:`widgets.physics.ghk.ghk_voltage`), the rest.

    Returns
    -------
    numpy.ndarray
        Permeability of each ion in m/s, in the ratios of ``relative``.

    Raises
    ------
    ValueError
        If ``g_total`` is not positive, the arguments differ in length, or an entry
        is invalid (see :func:`slope_conductance`).

    Notes
    -----
    The slope conductance is proportional to the permeability, so with
    :math:`P_i = \\lambda r_i`,

    .. math:: \\lambda = \\frac{g_\\mathrm{total}}
              {\\sum_i g_\\mathrm{slope}(V; r_i, c_{i,\\mathrm{out}}, c_{i,\\mathrm{in}}, z_i)}
              = \\frac{1}{\\sum_i r_i / P_i^*}

    where :math:`P_i^*` is the permeability with which ion *i* alone would carry
    :math:`g_\\mathrm{total}` (:func:`permeability_from_conductance`): the ions conduct
    in parallel, so their conductances add (Hodgkin and Huxley 1952 give 0.3 mS/cm^2
    for the squid axon's leak).

    Examples
    --------
    >>> p = permeabilities_for_conductance([1.0, 0.04], 3.0, [5.0, 145.0], [140.0, 12.0], [1, 1])
    >>> [f"{x:.3g}" for x in p]  # m/s
    ['2.77e-08', '1.11e-09']
    """
    relative, c_out, c_in, z = check.per_ion(
        relative=check.non_negative("relative", relative),
        c_out=check.positive("c_out", c_out),
        c_in=check.positive("c_in", c_in),
        z=check.nonzero("z", z),
    )
    g_total = check.scalar("g_total", check.positive("g_total", g_total))
    v = ghk_voltage(relative, c_out, c_in, z, T) if v is None else check.scalar("v", v)
    alone = permeability_from_conductance(g_total, v, c_out, c_in, z, T)
    return relative / np.sum(relative / alone)


def _squid_leak_permeabilities():
    """Return squid-axon leak permeabilities in m/s, keyed by ion.

    Hodgkin and Katz's (1949) ratios, scaled so that their slope conductance at
    rest is Hodgkin and Huxley's leak conductance, 0.3 mS/cm^2.
    """
    squid = get_preset("squid_axon")
    ions = list(squid.permeability)
    p = permeabilities_for_conductance(
        [squid.permeability[ion] for ion in ions],
        HH_G_LEAK,
        [squid.c_out[ion] for ion in ions],
        [squid.c_in[ion] for ion in ions],
        [IONS[ion].z for ion in ions],
        squid.T,
        v=HH_V_REST,
    )
    return {ion: float(x) for ion, x in zip(ions, p, strict=True)}


_SQUID = get_preset("squid_axon")


@dataclass(frozen=True)
class RestingMembrane:
    """A membrane with GHK leaks and Hodgkin-Huxley Na+ and K+ channels.

    The defaults describe the squid giant axon: the ``"squid_axon"`` preset
    concentrations and temperature, leak permeabilities in Hodgkin and Katz's
    (1949) ratio P_K : P_Na : P_Cl = 1 : 0.04 : 0.45 scaled to Hodgkin and
    Huxley's (1952) leak conductance at rest, and their gated channels.

    Attributes
    ----------
    c_out, c_in : dict of str to float
        Concentrations in mol/m^3 (= mM), keyed by ion (``"Na"``, ``"K"`` and every
        leak ion).
    p_leak : dict of str to float
        Leak permeabilities in m/s, keyed by ion.
    g_na_max, g_k_max : float
        Maximal conductances of the gated Na+ and K+ channels in S/m^2.
    T : float
        Absolute temperature in K.
    """

    c_out: dict = field(default_factory=lambda: dict(_SQUID.c_out))
    c_in: dict = field(default_factory=lambda: dict(_SQUID.c_in))
    p_leak: dict = field(default_factory=_squid_leak_permeabilities)
    g_na_max: float = HH_G_NA_MAX
    g_k_max: float = HH_G_K_MAX
    T: float = _SQUID.T

    def __post_init__(self):
        for ion in {"Na", "K", *self.p_leak}:
            if ion not in self.c_out or ion not in self.c_in or ion not in IONS:
                raise ValueError(f"c_out and c_in need a known ion {ion!r}; got {self.c_out!r}")
            check.positive(f"c_out[{ion!r}]", self.c_out[ion])
            check.positive(f"c_in[{ion!r}]", self.c_in[ion])
        for ion, p in self.p_leak.items():
            check.non_negative(f"p_leak[{ion!r}]", p)
        check.non_negative("g_na_max", self.g_na_max)
        check.non_negative("g_k_max", self.g_k_max)
        check.temperature(self.T)


def _default(membrane):
    if membrane is None:
        return RestingMembrane()
    if not isinstance(membrane, RestingMembrane):
        raise ValueError(f"membrane must be a RestingMembrane; got {membrane!r}")
    return membrane


def membrane_currents(v, membrane=None):
    """Return each steady-state current of a resting membrane at potential v.

    Parameters
    ----------
    v : float or array_like
        Membrane potential in V.
    membrane : RestingMembrane, optional
        Default: the squid giant axon.

    Returns
    -------
    dict of str to float or numpy.ndarray
        Current densities in A/m^2, outward positive: ``"<ion> leak"`` for each
        leak, ``"Na gated"`` and ``"K gated"``.

    Raises
    ------
    ValueError
        If ``v`` is not finite or ``membrane`` is not a :class:`RestingMembrane`.

    Notes
    -----
    Leaks follow GHK (:func:`widgets.physics.ghk.ghk_current_density`); the gated
    channels are ohmic, as Hodgkin and Huxley (1952) modelled them, with their gates
    at steady state:

    .. math:: I_{Na} = \\bar g_{Na} m_\\infty^3 h_\\infty (V - E_{Na}), \\qquad
              I_K = \\bar g_K n_\\infty^4 (V - E_K)

    Examples
    --------
    >>> currents = membrane_currents(-0.065)
    >>> round(float(currents["K gated"]), 4)  # A/m^2
    0.0391
    """
    m = _default(membrane)
    v = check.finite("v", v)
    currents = {
        f"{ion} leak": ghk_current_density(v, p, m.c_out[ion], m.c_in[ion], IONS[ion].z, m.T)
        for ion, p in m.p_leak.items()
    }
    g_na, g_k = hh_resting_conductances(v, m.g_na_max, m.g_k_max)
    for ion, g in (("Na", g_na), ("K", g_k)):
        e = nernst_potential(m.c_out[ion], m.c_in[ion], IONS[ion].z, m.T)
        currents[f"{ion} gated"] = check.scalar_or_array(g * (v - e))
    return currents


def membrane_current_density(v, membrane=None):
    """Return the total steady-state current density of a resting membrane.

    Parameters
    ----------
    v : float or array_like
        Membrane potential in V.
    membrane : RestingMembrane, optional
        Default: the squid giant axon.

    Returns
    -------
    float or numpy.ndarray
        Current density in A/m^2, outward positive.

    Raises
    ------
    ValueError
        As :func:`membrane_currents`.

    Notes
    -----
    .. math:: I(V) = \\sum_\\mathrm{leaks} I_\\mathrm{GHK} + I_{Na} + I_K

    the steady-state I-V curve, whose zeros are the possible resting potentials.

    Examples
    --------
    >>> round(float(membrane_current_density(-0.065)), 4)  # A/m^2
    0.0106
    """
    return check.scalar_or_array(sum(membrane_currents(v, membrane).values()))


def membrane_slope_conductance(v, membrane=None):
    """Return the slope dI/dV of the steady-state I-V curve of a resting membrane.

    Parameters
    ----------
    v : float or array_like
        Membrane potential in V.
    membrane : RestingMembrane, optional
        Default: the squid giant axon.

    Returns
    -------
    float or numpy.ndarray
        Slope conductance in S/m^2.

    Raises
    ------
    ValueError
        As :func:`membrane_currents`.

    Notes
    -----
    The sum of :func:`membrane_slope_conductances`.

    .. math:: g(V) = \\frac{dI}{dV} = \\sum_j \\frac{dI_j}{dV}

    Examples
    --------
    >>> round(float(membrane_slope_conductance(-0.065)), 2)  # S/m^2
    10.57
    """
    return check.scalar_or_array(sum(membrane_slope_conductances(v, membrane).values()))


def membrane_chord_conductance(v, membrane=None):
    """Return the total chord conductance of a resting membrane at potential v.

    Parameters
    ----------
    v : float or array_like
        Membrane potential in V.
    membrane : RestingMembrane, optional
        Default: the squid giant axon.

    Returns
    -------
    float or numpy.ndarray
        Conductance in S/m^2: the sum over leaks of :func:`chord_conductance` and
        the steady-state conductances of the gated channels.

    Raises
    ------
    ValueError
        As :func:`membrane_currents`.

    Notes
    -----
    .. math:: g_\\mathrm{chord} = \\sum_j \\frac{I_j(V)}{V - E_j}

    the conductance of all open channels, each weighed where it stands. Unlike the
    slope conductance it is never negative, and it says nothing about stability.

    Examples
    --------
    >>> round(float(membrane_chord_conductance(-0.065)) * 0.1, 3)  # mS/cm^2
    0.658
    """
    m = _default(membrane)
    v = check.finite("v", v)
    leaks = sum(
        chord_conductance(v, p, m.c_out[ion], m.c_in[ion], IONS[ion].z, m.T)
        for ion, p in m.p_leak.items()
    )
    return check.scalar_or_array(leaks + sum(hh_resting_conductances(v, m.g_na_max, m.g_k_max)))


def membrane_slope_conductances(v, membrane=None):
    """Return the slope dI/dV of each steady-state current of a resting membrane.

    Parameters
    ----------
    v : float or array_like
        Membrane potential in V.
    membrane : RestingMembrane, optional
        Default: the squid giant axon.

    Returns
    -------
    dict of str to float or numpy.ndarray
        Slope conductances in S/m^2, keyed as :func:`membrane_currents`.

    Raises
    ------
    ValueError
        As :func:`membrane_currents`.

    Notes
    -----
    A central difference with a 1 uV step; its truncation error, of order
    (step / 5 mV)^2, is below 1e-7 relative.

    .. math:: \\frac{dI_j}{dV} \\approx \\frac{I_j(V + h) - I_j(V - h)}{2h}

    For a gated channel, :math:`dI/dV = g + (V - E)\\, dg/dV`: the chord
    conductance plus a term from the gates' voltage dependence. Below
    :math:`E_\\mathrm{Na}`, Na+ channels that open with depolarisation make that
    term negative; K+ channels above :math:`E_K` make it positive.

    Examples
    --------
    >>> slopes = membrane_slope_conductances(-0.065)
    >>> {name: round(float(g) * 0.1, 3) for name, g in slopes.items()}  # mS/cm^2
    {'K leak': 0.154, 'Na leak': 0.031, 'Cl leak': 0.115, 'Na gated': -0.365, 'K gated': 1.122}
    """
    v = check.finite("v", v)
    # One evaluation at both ends: axis 0 holds V + h and V - h.
    ends = membrane_currents(np.stack([v + _SLOPE_STEP, v - _SLOPE_STEP]), membrane)
    return {
        name: check.scalar_or_array((up - down) / (2.0 * _SLOPE_STEP))
        for name, (up, down) in ends.items()
    }


@dataclass(frozen=True)
class RestPoint:
    """A zero crossing of the steady-state I-V curve.

    Attributes
    ----------
    v : float
        Potential in V at which the total current is zero.
    slope_conductance : float
        dI/dV there in S/m^2.
    stable : bool
        True if the slope is positive: a small depolarisation then drives an
        outward current that restores V.
    """

    v: float
    slope_conductance: float
    stable: bool


def rest_points(membrane=None, v_min=-0.15, v_max=0.08, n_grid=461):
    """Return every zero crossing of a resting membrane's I-V curve in a range.

    Parameters
    ----------
    membrane : RestingMembrane, optional
        Default: the squid giant axon.
    v_min, v_max : float, optional
        Range searched, in V (default -150 to +80 mV).
    n_grid : int, optional
        Points of the scan that brackets the crossings (default 461, 0.5 mV apart);
        crossings closer together than the spacing can be missed.

    Returns
    -------
    list of RestPoint
        In increasing V. One stable point is the usual case; an N-shaped curve
        gives two stable points with an unstable one between.

    Raises
    ------
    ValueError
        If ``v_max <= v_min``, ``n_grid < 2`` or ``membrane`` is invalid.

    Notes
    -----
    Each sign change of :math:`I(V)` on the grid is refined by false position
    (Illinois), all crossings at once. A rest point is stable when

    .. math:: \\left.\\frac{dI}{dV}\\right|_{V_0} > 0,

    since :math:`C\\, dV/dt = -I(V)`. This treats the gates as instantaneous;
    slow gating can still destabilise a point with positive slope (oscillations).

    Examples
    --------
    >>> [(round(p.v * 1e3, 2), p.stable) for p in rest_points()]
    [(-66.1, True)]
    """
    membrane = _default(membrane)
    v_min, v_max = float(check.finite("v_min", v_min)), float(check.finite("v_max", v_max))
    if not v_max > v_min:
        raise ValueError(f"v_max must exceed v_min; got v_min={v_min!r}, v_max={v_max!r}")
    if int(n_grid) < 2:
        raise ValueError(f"n_grid must be at least 2; got {n_grid!r}")
    grid = np.linspace(v_min, v_max, int(n_grid))
    current = membrane_current_density(grid, membrane)
    brackets = np.flatnonzero(np.sign(current[:-1]) * np.sign(current[1:]) <= 0)
    # A grid point exactly at zero closes two brackets: keep the first.
    brackets = brackets[~np.isin(brackets - 1, brackets) | (current[brackets] != 0)]
    if brackets.size == 0:
        return []
    roots = _false_position(
        lambda v: membrane_current_density(v, membrane),
        grid[brackets],
        grid[brackets + 1],
        current[brackets],
        current[brackets + 1],
    )
    slopes = np.atleast_1d(membrane_slope_conductance(roots, membrane))
    return [
        RestPoint(v=float(v0), slope_conductance=float(g), stable=bool(g > 0))
        for v0, g in zip(roots, slopes, strict=True)
    ]


def _false_position(f, a, b, fa, fb):
    """Return a zero of ``f`` in each bracket [a, b] (arrays), f(a) f(b) <= 0.

    The Illinois variant of false position, applied to every bracket at once so
    that each step costs one vectorised evaluation of ``f``; it converges
    superlinearly and never leaves the bracket.
    """
    a, b, fa, fb = (np.array(x, dtype=float) for x in (a, b, fa, fb))
    for _ in range(_ROOT_ITERATIONS):
        done = (np.abs(b - a) <= _ROOT_TOLERANCE) | (np.abs(fb) <= _CURRENT_TOLERANCE)
        if np.all(done):
            break
        span = np.where(done, 1.0, fb - fa)
        c = np.where(done, b, b - fb * (b - a) / np.where(span == 0, 1.0, span))
        fc = np.where(done, fb, f(c))
        crossed = np.sign(fc) != np.sign(fb)
        # The old b becomes the far end if the sign changed; otherwise halve f at the far
        # end (Illinois), so that it does not stay put for ever.
        a, fa = np.where(crossed, b, a), np.where(crossed, fb, fa / 2)
        b, fb = c, fc
    return np.where(np.abs(fb) <= np.abs(fa), b, a)  # the end nearer the zero


def leak_permeability_for_rest(v, membrane=None, ion="K"):
    """Return the permeability of one leak that would make v a resting potential.

    Every other current of the membrane is kept; only the leak of ``ion`` is
    chosen so that the total current at ``v`` is zero.

    Parameters
    ----------
    v : float or array_like
        Membrane potential in V.
    membrane : RestingMembrane, optional
        Default: the squid giant axon.
    ion : str, optional
        A key of the membrane's ``p_leak`` (default ``"K"``).

    Returns
    -------
    float or numpy.ndarray
        Permeability in m/s; negative where no leak of ``ion`` can make ``v`` a
        rest point, infinite at the ion's equilibrium potential.

    Raises
    ------
    ValueError
        If ``ion`` has no leak in ``membrane``, or as :func:`membrane_currents`.

    Notes
    -----
    The leak's GHK current is :math:`P\\,j(V)`, with :math:`j` the current per
    unit permeability, so the total current vanishes where

    .. math:: P(V) = -\\frac{I(V) - I_\\mathrm{leak}(V)}{j(V)}

    Read the other way round, :math:`P(V)` is the resting potential as a function
    of the leak. Above the ion's equilibrium potential :math:`j > 0`, and a rest
    point is stable where :math:`P(V)` falls with :math:`V`, since there
    :math:`dI/dV = -j\\, dP/dV`. A minimum of :math:`P(V)` is where a stable and
    an unstable rest point meet: below that leak the rest point is gone.

    Examples
    --------
    >>> membrane = RestingMembrane()
    >>> rest = rest_points(membrane)[0].v
    >>> round(leak_permeability_for_rest(rest, membrane) / membrane.p_leak["K"], 6)
    1.0
    """
    m = _default(membrane)
    if ion not in m.p_leak:
        raise ValueError(f"ion must be one of the membrane's leaks {sorted(m.p_leak)}; got {ion!r}")
    currents = membrane_currents(v, m)
    others = sum(current for name, current in currents.items() if name != f"{ion} leak")
    unit = ghk_current_density(v, 1.0, m.c_out[ion], m.c_in[ion], IONS[ion].z, m.T)
    with np.errstate(divide="ignore", invalid="ignore"):
        return check.scalar_or_array(-others / unit)


@dataclass(frozen=True)
class RestLoss:
    """The leak at which the lowest rest point of a membrane disappears.

    Attributes
    ----------
    p_leak : float
        Permeability of the leak in m/s at which the stable rest point and the
        unstable one above it meet.
    v : float
        Potential in V where they meet.
    """

    p_leak: float
    v: float


def rest_loss(membrane=None, ion="K", v_max=0.0, n_grid=601):
    """Return the leak below which the membrane's lowest rest point is lost, if any.

    Parameters
    ----------
    membrane : RestingMembrane, optional
        Default: the squid giant axon. Its own leak of ``ion`` is ignored.
    ion : str, optional
        The leak that shrinks (default ``"K"``).
    v_max : float, optional
        Highest potential searched, in V (default 0 V).
    n_grid : int, optional
        Points of the scan above the ion's equilibrium potential (default 601).

    Returns
    -------
    RestLoss or None
        None if the rest point survives down to no leak at all.

    Raises
    ------
    ValueError
        If ``v_max`` is not above the ion's equilibrium potential, if the rest of
        the membrane does not draw an inward current just above it (then a large
        leak gives no rest point near it), or as :func:`leak_permeability_for_rest`.

    Notes
    -----
    Starting just above :math:`E_\\mathrm{ion}`, where an infinite leak would
    hold the membrane, :math:`P(V)` of :func:`leak_permeability_for_rest` falls
    along the stable branch. Its first minimum is the fold: the stable rest point
    and the unstable threshold above it meet and vanish together
    (a saddle-node). If :math:`P(V)` reaches zero first, a membrane with no leak
    still rests stably there.

    Examples
    --------
    >>> rest_loss() is None  # squid: the K+ channels' resting tail holds rest
    True
    >>> import dataclasses
    >>> sodium_rich = dataclasses.replace(RestingMembrane(), g_na_max=3500.0)
    >>> loss = rest_loss(sodium_rich)
    >>> round(loss.p_leak / sodium_rich.p_leak["K"], 3), round(loss.v * 1e3, 1)
    (0.909, -58.3)
    """
    m = _default(membrane)
    if ion not in m.p_leak:
        raise ValueError(f"ion must be one of the membrane's leaks {sorted(m.p_leak)}; got {ion!r}")
    e = nernst_potential(m.c_out[ion], m.c_in[ion], IONS[ion].z, m.T)
    v_max = float(check.finite("v_max", v_max))
    if not v_max > e:
        raise ValueError(f"v_max must lie above E_{ion} = {e * 1e3:.1f} mV; got {v_max!r}")
    n_grid = check.integer("n_grid", n_grid, minimum=3)
    grid = np.linspace(e, v_max, n_grid)[1:]  # P is infinite at E itself
    p = leak_permeability_for_rest(grid, m, ion)
    if p[0] <= 0:
        raise ValueError(
            f"the membrane without its {ion} leak draws no inward current just above "
            f"E_{ion} = {e * 1e3:.1f} mV, so no {ion} leak gives a rest point near it"
        )
    rising = np.flatnonzero(np.diff(p) > 0)
    if rising.size == 0 or p[rising[0]] <= 0:
        return None  # P(V) reaches zero, or the range ends, before any fold
    k = rising[0]
    low, high = grid[max(k - 1, 0)], grid[k + 1]
    fold = minimize_scalar(
        lambda v: leak_permeability_for_rest(v, m, ion),
        bounds=(low, high),
        method="bounded",
        options={"xatol": 1e-9},
    )
    if fold.fun <= 0:
        return None
    return RestLoss(p_leak=float(fold.fun), v=float(fold.x))
