"""The Na+/K+ pump: its saturating rate and the Mullins-Noda steady-state potential.

Each pump cycle moves 3 Na+ out and 2 K+ in, a net charge of +e outward, so the
net pump current density equals F times the cycle rate per unit area.
"""

import numpy as np

from widgets import validation as check
from widgets.constants import BODY_TEMPERATURE, FARADAY
from widgets.physics.nernst import thermal_voltage

NA_PER_CYCLE = 3  # Na+ ions moved out per pump cycle (one ATP)
K_PER_CYCLE = 2  # K+ ions moved in per pump cycle
COUPLING_RATIO = NA_PER_CYCLE / K_PER_CYCLE  # r = 3/2, dimensionless

# Half-activation constants and Hill coefficients of the pump current of
# Luo & Rudy (1994), Circ Res 74:1071 (a ventricular myocyte model).
PUMP_K_NA = 10.0  # mol/m^3 (= mM), internal Na+ for half activation (luo1994)
PUMP_HILL_NA = 1.5  # dimensionless, Hill coefficient for internal Na+ (luo1994)
PUMP_K_K = 1.5  # mol/m^3 (= mM), external K+ for half activation (luo1994)
PUMP_HILL_K = 1.0  # dimensionless, Michaelis-Menten in external K+ (luo1994)


def pump_activation(na_in, k_out, k_na=PUMP_K_NA, k_k=PUMP_K_K):
    """Return the fraction of its maximal rate at which the Na+/K+ pump runs.

    Parameters
    ----------
    na_in : float or array_like
        Intracellular Na+ concentration in mol/m^3 (= mM); positive.
    k_out : float or array_like
        Extracellular K+ concentration in mol/m^3 (= mM); positive.
    k_na, k_k : float, optional
        Half-activation concentrations for internal Na+ and external K+ in
        mol/m^3 (defaults 10 mM and 1.5 mM, Luo and Rudy 1994); positive.

    Returns
    -------
    float or numpy.ndarray
        Activation between 0 and 1 (dimensionless).

    Raises
    ------
    ValueError
        If a concentration or half-activation constant is not positive and finite.

    Notes
    -----
    Hill saturation in each substrate, with the coefficients :math:`n_{Na} = 1.5`,
    :math:`n_K = 1` of Luo and Rudy (1994); their voltage factor is left out, so the
    rate here depends on concentrations only:

    .. math::
        a = \\frac{1}{1 + (K_{Na}/[\\mathrm{Na}]_i)^{n_{Na}}}
            \\cdot \\frac{1}{1 + (K_K/[\\mathrm{K}]_o)^{n_K}}

    Examples
    --------
    >>> round(pump_activation(12.0, 5.0), 4)
    0.4369
    """
    na_in = check.positive("na_in", na_in)
    k_out = check.positive("k_out", k_out)
    k_na = check.positive("k_na", k_na)
    k_k = check.positive("k_k", k_k)
    return check.scalar_or_array(_activation(na_in, k_out, k_na, k_k))


def _activation(na_in, k_out, k_na, k_k):
    """Unchecked kernel of :func:`pump_activation`, for callers that validated once."""
    na_term = 1.0 / (1.0 + (k_na / na_in) ** PUMP_HILL_NA)
    k_term = 1.0 / (1.0 + (k_k / k_out) ** PUMP_HILL_K)
    return na_term * k_term


def pump_current_density(na_in, k_out, i_max, k_na=PUMP_K_NA, k_k=PUMP_K_K):
    """Return the net outward current density of the 3Na+/2K+ pump.

    Parameters
    ----------
    na_in : float or array_like
        Intracellular Na+ concentration in mol/m^3 (= mM); positive.
    k_out : float or array_like
        Extracellular K+ concentration in mol/m^3 (= mM); positive.
    i_max : float or array_like
        Maximal net pump current density in A/m^2; non-negative (0 = pump blocked,
        as by ouabain).
    k_na, k_k : float, optional
        Half-activation concentrations in mol/m^3 (see :func:`pump_activation`).

    Returns
    -------
    float or numpy.ndarray
        Net pump current density in A/m^2, outward positive. The pump's Na+
        current is ``3 *`` this value and its K+ current ``-2 *`` this value.

    Raises
    ------
    ValueError
        If ``i_max`` is negative or not finite, or a concentration is not positive.

    Notes
    -----
    One net elementary charge leaves per cycle, so with cycle rate :math:`J`
    (mol m^-2 s^-1)

    .. math:: I_\\mathrm{pump} = F J = I_\\mathrm{max}\\, a([\\mathrm{Na}]_i, [\\mathrm{K}]_o)

    with the activation :math:`a` of :func:`pump_activation` (Luo and Rudy 1994).

    Examples
    --------
    >>> round(pump_current_density(12.0, 5.0, 0.01) * 1e3, 3)  # mA/m^2
    4.369
    """
    i_max = check.non_negative("i_max", i_max)
    return check.scalar_or_array(i_max * pump_activation(na_in, k_out, k_na, k_k))


def pump_cycle_rate(i_pump):
    """Return the pump's cycle rate (ATP hydrolysed per unit area and time).

    Parameters
    ----------
    i_pump : float or array_like
        Net pump current density in A/m^2 (or current in A).

    Returns
    -------
    float or numpy.ndarray
        Cycle rate in mol/(m^2 s) (or mol/s for a current in A).

    Raises
    ------
    ValueError
        If ``i_pump`` is not finite.

    Notes
    -----
    One cycle moves one net charge and hydrolyses one ATP:

    .. math:: J = I_\\mathrm{pump} / F

    Examples
    --------
    >>> round(pump_cycle_rate(FARADAY * 1e-8) * 1e8, 12)
    1.0
    """
    i_pump = check.finite("i_pump", i_pump)
    return check.scalar_or_array(i_pump / FARADAY)


def mullins_noda_potential(
    p_k, p_na, k_out, k_in, na_out, na_in, r=COUPLING_RATIO, T=BODY_TEMPERATURE
):
    """Return the steady-state potential of a cell whose pump couples r Na+ to 1 K+.

    Parameters
    ----------
    p_k, p_na : float or array_like
        K+ and Na+ permeabilities in m/s (only their ratio matters); non-negative,
        not both zero.
    k_out, k_in, na_out, na_in : float or array_like
        Extracellular and intracellular K+ and Na+ concentrations in mol/m^3 (= mM);
        positive.
    r : float or array_like, optional
        Pump coupling ratio, Na+ out per K+ in (default 3/2); positive. ``r = 1``
        is an electroneutral pump and gives the GHK potential without Cl-.
    T : float, optional
        Absolute temperature in K (default 310.15 K).

    Returns
    -------
    float or numpy.ndarray
        Membrane potential in V.

    Raises
    ------
    ValueError
        If a permeability is negative, both are zero, a concentration or ``r`` is
        not positive, or ``T`` is not above 0 K.

    Notes
    -----
    At steady state the passive (GHK) Na+ influx equals the pumped efflux and the
    passive K+ efflux the pumped influx, so :math:`I_{Na} = -r I_K`; any Cl- is at
    equilibrium and carries no net current. Solving for V gives

    .. math::
        V = \\frac{RT}{F} \\ln \\frac{r P_K [\\mathrm{K}]_o + P_{Na} [\\mathrm{Na}]_o}
                                    {r P_K [\\mathrm{K}]_i + P_{Na} [\\mathrm{Na}]_i}

    (Mullins and Noda 1963).

    Examples
    --------
    >>> round(mullins_noda_potential(1.0, 0.05, 5.0, 140.0, 145.0, 12.0) * 1e3, 2)
    -71.06
    """
    p_k = check.non_negative("p_k", p_k)
    p_na = check.non_negative("p_na", p_na)
    if np.any(p_k + p_na <= 0):
        raise ValueError(f"p_k and p_na must not both be zero; got p_k={p_k!r}, p_na={p_na!r}")
    k_out = check.positive("k_out", k_out)
    k_in = check.positive("k_in", k_in)
    na_out = check.positive("na_out", na_out)
    na_in = check.positive("na_in", na_in)
    r = check.positive("r", r)
    inward = r * p_k * k_out + p_na * na_out
    outward = r * p_k * k_in + p_na * na_in
    return check.scalar_or_array(thermal_voltage(T) * np.log(inward / outward))
