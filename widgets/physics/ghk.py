"""Goldman-Hodgkin-Katz (constant-field) current and reversal potential."""

import numpy as np
from scipy.special import exprel

from widgets import validation as check
from widgets.constants import BODY_TEMPERATURE, FARADAY
from widgets.physics.nernst import nernst_potential, thermal_voltage

# Bisection halves the bracket each step; 80 steps shrink a 1 V bracket below 1e-24 V.
_BISECTION_STEPS = 80


def _bernoulli(u):
    """Return u / (exp(u) - 1), equal to 1 at u = 0 and never 0/0."""
    return 1.0 / exprel(u)


def ghk_current_density(v, p, c_out, c_in, z, T=BODY_TEMPERATURE):
    """Return the GHK current density of one or more ion species.

    Parameters
    ----------
    v : float or array_like
        Membrane potential phi_in - phi_out in V.
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
        Current density in A/m^2, outward positive. All arguments broadcast:
        scalars give one ion's current, sequences one current per ion.

    Raises
    ------
    ValueError
        For a negative permeability, a non-positive or non-finite concentration,
        ``z = 0``, a non-finite ``v`` or ``T`` at or below 0 K.

    Notes
    -----
    With :math:`u = zFV/RT`,

    .. math::
        I = P z F \\left[ c_\\mathrm{in} \\frac{-u}{e^{-u}-1}
            - c_\\mathrm{out} \\frac{u}{e^{u}-1} \\right]
        = P \\frac{z^2 F^2 V}{RT}
          \\frac{c_\\mathrm{in} - c_\\mathrm{out} e^{-u}}{1 - e^{-u}},

    written in the first form so that it is exact at V = 0, where it equals
    :math:`P z F (c_\\mathrm{in} - c_\\mathrm{out})` (Goldman 1943; Hodgkin and Katz 1949).

    Examples
    --------
    >>> ghk_current_density(0.0, 1e-8, 5.0, 140.0, 1)  # doctest: +ELLIPSIS
    0.1302...
    """
    v = check.finite("v", v)
    p = check.non_negative("p", p)
    c_out = check.positive("c_out", c_out)
    c_in = check.positive("c_in", c_in)
    z = check.nonzero("z", z)
    return check.scalar_or_array(_current_density(v, p, c_out, c_in, z, thermal_voltage(T)))


def _current_density(v, p, c_out, c_in, z, v_t):
    """Unchecked kernel of :func:`ghk_current_density` (``v_t = RT/F`` in V).

    For callers that validated their inputs once and call it many times, such as
    the right-hand side of an integrator.
    """
    u = z * v / v_t
    return p * z * FARADAY * (c_in * _bernoulli(-u) - c_out * _bernoulli(u))


def ghk_voltage(p, c_out, c_in, z, T=BODY_TEMPERATURE):
    """Return the GHK resting (reversal) potential of several ion species.

    Parameters
    ----------
    p : sequence of float
        Permeability of each ion in m/s, or relative permeabilities (only ratios
        matter); non-negative, not all zero.
    c_out, c_in : sequence of float
        Extracellular and intracellular concentrations in mol/m^3 (= mM); positive.
    z : sequence of int
        Valence of each ion, non-zero.
    T : float, optional
        Absolute temperature in K (default 310.15 K).

    Returns
    -------
    float
        The potential in V at which the total GHK current is zero.

    Raises
    ------
    ValueError
        If the sequences differ in length or any entry is invalid (see
        :func:`ghk_current_density`), or all permeabilities are zero.

    Notes
    -----
    When every permeant ion is monovalent the zero-current condition has the closed form

    .. math::
        V = \\frac{RT}{F} \\ln
            \\frac{\\sum_{+} P_i c_{i,\\mathrm{out}} + \\sum_{-} P_j c_{j,\\mathrm{in}}}
                 {\\sum_{+} P_i c_{i,\\mathrm{in}} + \\sum_{-} P_j c_{j,\\mathrm{out}}}

    (Hodgkin and Katz 1949). With any other valence (Ca2+) there is no log
    formula; the total current is monotonic in V, so its single root is found by
    bisection between the most negative and most positive Nernst potentials of
    the permeant ions.

    Examples
    --------
    >>> round(ghk_voltage([1.0, 0.04, 0.45], [20.0, 440.0, 560.0], [400.0, 50.0, 52.0],
    ...                   [1, 1, -1], T=293.15) * 1e3, 1)
    -59.9
    """
    p, c_out, c_in, z = check.per_ion(
        p=check.non_negative("p", p),
        c_out=check.positive("c_out", c_out),
        c_in=check.positive("c_in", c_in),
        z=check.nonzero("z", z),
    )
    if not np.any(p > 0):
        raise ValueError(f"p must have at least one positive permeability; got {p!r}")
    if np.all(np.abs(z) == 1):
        return _monovalent_ghk_voltage(p, c_out, c_in, z, T)
    return _root_of_total_current(p, c_out, c_in, z, T)


def _monovalent_ghk_voltage(p, c_out, c_in, z, T):
    cation = z > 0
    towards_in = np.sum(np.where(cation, p * c_out, p * c_in))
    towards_out = np.sum(np.where(cation, p * c_in, p * c_out))
    return float(thermal_voltage(T) * np.log(towards_in / towards_out))


def _root_of_total_current(p, c_out, c_in, z, T):
    permeant = p > 0
    e_rev = nernst_potential(c_out[permeant], c_in[permeant], z[permeant], T)
    lo, hi = float(np.min(e_rev)), float(np.max(e_rev))
    for _ in range(_BISECTION_STEPS):
        mid = 0.5 * (lo + hi)
        if np.sum(ghk_current_density(mid, p, c_out, c_in, z, T)) > 0:
            hi = mid
        else:
            lo = mid
    return 0.5 * (lo + hi)
