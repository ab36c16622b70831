"""The chord-conductance (weighted-average) potential and the pump's shift of it."""

import numpy as np

from widgets import validation as check


def conductance_weighted_potential(g, e):
    """Return the conductance-weighted average of reversal potentials.

    Parameters
    ----------
    g : sequence of float
        Conductance of each ion in S (or S/m^2; only ratios matter); non-negative,
        not all zero.
    e : sequence of float
        Reversal (Nernst) potential of each ion in V.

    Returns
    -------
    float
        The chord-conductance potential in V.

    Raises
    ------
    ValueError
        If the sequences differ in length, a conductance is negative or not finite,
        all conductances are zero, or a potential is not finite.

    Notes
    -----
    Setting the total ohmic current :math:`\\sum_i g_i (V - E_i)` to zero gives

    .. math:: V_\\mathrm{WA} = \\frac{\\sum_i g_i E_i}{\\sum_i g_i}

    (Hodgkin and Huxley 1952; Hille 2001, ch. 1).

    Examples
    --------
    >>> round(conductance_weighted_potential([10.0, 0.5], [-0.089, 0.066]) * 1e3, 2)
    -81.62
    """
    g, e = check.per_ion(g=check.non_negative("g", g), e=check.finite("e", e))
    total = np.sum(g)
    if total <= 0:
        raise ValueError(f"g must have at least one positive conductance; got {g!r}")
    return float(np.sum(g * e) / total)


def pump_shifted_potential(v_weighted, i_pump, g_total):
    """Return the resting potential shifted by an electrogenic pump current.

    Parameters
    ----------
    v_weighted : float or array_like
        Conductance-weighted potential in V (see :func:`conductance_weighted_potential`).
    i_pump : float or array_like
        Net pump current, outward positive, in A (or A/m^2).
    g_total : float or array_like
        Total membrane conductance in S (or S/m^2, matching ``i_pump``); positive.

    Returns
    -------
    float or numpy.ndarray
        Resting potential in V.

    Raises
    ------
    ValueError
        If an argument is not finite or ``g_total`` is not positive.

    Notes
    -----
    Zero total current, :math:`g_\\mathrm{tot}(V - V_\\mathrm{WA}) + I_\\mathrm{pump} = 0`, gives

    .. math:: V_\\mathrm{rest} = V_\\mathrm{WA} - \\frac{I_\\mathrm{pump}}{g_\\mathrm{tot}}

    so an outward pump current makes the inside more negative.

    Examples
    --------
    >>> round(pump_shifted_potential(-0.070, 20e-12, 5e-9) * 1e3, 3)
    -74.0
    """
    v_weighted = check.finite("v_weighted", v_weighted)
    i_pump = check.finite("i_pump", i_pump)
    g_total = check.positive("g_total", g_total)
    return check.scalar_or_array(v_weighted - i_pump / g_total)
