"""The heart's fast Na⁺ channels at rest: how much of them a resting potential leaves ready.

A ventricular cell fires when its Na⁺ channels open. Each channel also has two
inactivation gates, h (fast) and j (slow), that close with depolarisation and stay
closed while the membrane stays depolarised. The steady-state product h∞·j∞ at the
resting potential is the fraction of channels available for the next beat; Luo and
Rudy's (1991) model of the guinea-pig ventricular myocyte gives both gates.
"""

import numpy as np

from widgets import validation as check

# Below this potential (mV) Luo and Rudy's inactivation gates have their "recovery"
# rate equations; above it both closing rates dominate and h = j = 0 at steady state.
_LR91_SPLIT_MV = -40.0


def lr91_inactivation_gates(v):
    """Return the steady-state inactivation gates h∞ and j∞ of the cardiac Na⁺ current.

    Parameters
    ----------
    v : float or array_like
        Membrane potential in V.

    Returns
    -------
    tuple of float or numpy.ndarray
        ``(h_inf, j_inf)``, each between 0 and 1 (dimensionless).

    Raises
    ------
    ValueError
        If ``v`` is not finite.

    Notes
    -----
    :math:`x_\\infty = \\alpha_x / (\\alpha_x + \\beta_x)` with Luo and Rudy's (1991)
    rates in 1/ms, V in mV. For :math:`V < -40` mV:

    .. math::
        \\alpha_h = 0.135\\, e^{(80 + V)/-6.8}, \\qquad
        \\beta_h = 3.56\\, e^{0.079 V} + 3.1 \\times 10^5\\, e^{0.35 V},

        \\alpha_j = \\frac{(-1.2714 \\times 10^5\\, e^{0.2444 V}
            - 3.474 \\times 10^{-5}\\, e^{-0.04391 V})(V + 37.78)}
            {1 + e^{0.311 (V + 79.23)}}, \\qquad
        \\beta_j = \\frac{0.1212\\, e^{-0.01052 V}}{1 + e^{-0.1378 (V + 40.14)}}

    and for :math:`V \\ge -40` mV, :math:`\\alpha_h = \\alpha_j = 0`, so both gates are shut.

    Examples
    --------
    >>> [round(float(x), 4) for x in lr91_inactivation_gates(-0.0844)]
    [0.9827, 0.9892]
    """
    v_mV = np.asarray(check.finite("v", v), dtype=float) * 1e3
    low = v_mV < _LR91_SPLIT_MV
    u = np.where(low, v_mV, -90.0)  # any value below the split keeps the exponentials finite
    alpha_h = 0.135 * np.exp((80.0 + u) / -6.8)
    beta_h = 3.56 * np.exp(0.079 * u) + 3.1e5 * np.exp(0.35 * u)
    alpha_j = (
        (-1.2714e5 * np.exp(0.2444 * u) - 3.474e-5 * np.exp(-0.04391 * u))
        * (u + 37.78)
        / (1.0 + np.exp(0.311 * (u + 79.23)))
    )
    beta_j = 0.1212 * np.exp(-0.01052 * u) / (1.0 + np.exp(-0.1378 * (u + 40.14)))
    h_inf = np.where(low, alpha_h / (alpha_h + beta_h), 0.0)
    j_inf = np.where(low, alpha_j / (alpha_j + beta_j), 0.0)
    return check.scalar_or_array(h_inf), check.scalar_or_array(j_inf)


def cardiac_sodium_availability(v):
    """Return the fraction of cardiac Na⁺ channels not inactivated at a steady potential.

    Parameters
    ----------
    v : float or array_like
        Resting membrane potential in V.

    Returns
    -------
    float or numpy.ndarray
        h∞·j∞ (dimensionless, 0 to 1): the share of the fast Na⁺ conductance a beat
        can recruit from this potential.

    Raises
    ------
    ValueError
        If ``v`` is not finite.

    Notes
    -----
    .. math:: A(V) = h_\\infty(V)\\, j_\\infty(V)

    with the gates of :func:`lr91_inactivation_gates` (Luo and Rudy 1991). A cell held
    depolarised, as by a raised plasma K⁺, keeps fewer channels ready: its upstroke
    weakens and conduction slows.

    Examples
    --------
    >>> round(cardiac_sodium_availability(-0.085), 3), round(cardiac_sodium_availability(-0.065), 3)
    (0.976, 0.172)
    """
    h_inf, j_inf = lr91_inactivation_gates(v)
    return check.scalar_or_array(np.asarray(h_inf) * np.asarray(j_inf))
