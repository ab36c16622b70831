"""Energy failure in a pump-leak cell: what happens to V when ATP runs short.

Ischaemia (no blood flow) and anoxia cut the supply of ATP; the Na⁺/K⁺ pump slows or
stops while the leaks go on. :func:`pump_failure` simulates a resting cell whose pump
drops to a fraction of its capacity at t = 0, and :func:`depolarisation_time` reads
from the run when V first passes a level.
"""

import dataclasses

import numpy as np

from widgets import validation as check
from widgets.physics.pump_leak import RTOL, PumpLeakParams, simulate, steady_state

# Illustrative: a neuron whose resting potential has risen above about -50 mV no longer
# rests near its firing threshold (in the channels chapter's sodium-rich membrane the
# threshold lies near -56 mV and the depolarised rest point near -49 mV).
DEPOLARISED_LEVEL = -0.050  # V


def pump_failure(pump_fraction=0.0, duration=3600.0, params=None, t_eval=None, rtol=RTOL):
    """Simulate a resting pump-leak cell whose pump capacity drops at t = 0.

    Parameters
    ----------
    pump_fraction : float, optional
        Pump capacity after t = 0 as a fraction of normal (dimensionless, 0 to 1;
        default 0, a pump stopped by the lack of ATP).
    duration : float, optional
        Length of the run in s (default one hour); positive.
    params : PumpLeakParams, optional
        The cell before the failure (default: the mammalian neuron soma); it starts at
        its steady state.
    t_eval : array_like, optional
        Output times in s within ``(0, duration)`` (default 301 evenly spaced).
    rtol : float, optional
        Relative tolerance of the integrator (default as
        :func:`~widgets.physics.pump_leak.simulate`).

    Returns
    -------
    PumpLeakTrajectory
        From the resting state at t = 0.

    Raises
    ------
    ValueError
        If ``params`` is not a PumpLeakParams, ``pump_fraction`` is outside 0 to 1,
        ``duration`` is not positive, or ``t_eval`` or ``rtol`` is invalid.
    RuntimeError
        If the integrator fails.

    Notes
    -----
    The run is :func:`~widgets.physics.pump_leak.simulate` of the cell with
    :math:`I_\\mathrm{max}' = f\\, I_\\mathrm{max}`, started from the steady state of
    the intact cell. The bath is fixed: a cell in a large volume of saline, not in
    the narrow extracellular space of a tissue.

    Examples
    --------
    >>> run = pump_failure(duration=1800.0)
    >>> round(float(run.v[0]) * 1e3, 1), round(float(run.v[-1]) * 1e3, 1)
    (-64.1, -45.2)
    """
    params = PumpLeakParams() if params is None else params
    if not isinstance(params, PumpLeakParams):
        raise ValueError(f"params must be a PumpLeakParams; got {params!r}")
    fraction = check.scalar("pump_fraction", pump_fraction)
    if not 0.0 <= fraction <= 1.0:
        raise ValueError(f"pump_fraction must lie between 0 and 1; got {pump_fraction!r}")
    duration = check.scalar("duration", check.positive("duration", duration))
    failed = dataclasses.replace(params, pump_max=fraction * params.pump_max)
    return simulate(failed, (0.0, duration), initial=steady_state(params), t_eval=t_eval, rtol=rtol)


def depolarisation_time(t, v, level=DEPOLARISED_LEVEL):
    """Return the first time at which a membrane potential rises past a level.

    Parameters
    ----------
    t : array_like
        Times in s, increasing, shape (N,).
    v : array_like
        Membrane potential in V at those times, shape (N,).
    level : float, optional
        The potential in V to pass (default ``DEPOLARISED_LEVEL``, -50 mV).

    Returns
    -------
    float
        Time in s, linearly interpolated between samples, at which V first reaches
        ``level`` from below; 0 if it starts there; ``nan`` if it never does.

    Raises
    ------
    ValueError
        If the arrays differ in shape, hold fewer than two samples or are not finite,
        ``t`` does not increase, or ``level`` is not finite.

    Examples
    --------
    >>> round(depolarisation_time([0.0, 60.0, 120.0], [-0.064, -0.054, -0.044]), 9)
    84.0
    """
    t, v = check.finite("t", t), check.finite("v", v)
    level = check.scalar("level", level)
    if t.ndim != 1 or t.shape != v.shape or t.size < 2:
        raise ValueError(f"t and v must be 1-D of one length >= 2; got shapes {t.shape}, {v.shape}")
    if np.any(np.diff(t) <= 0):
        raise ValueError(f"t must increase; got {t!r}")
    above = np.flatnonzero(v >= level)
    if above.size == 0:
        return float("nan")
    k = above[0]
    if k == 0:
        return float(t[0])
    fraction = (level - v[k - 1]) / (v[k] - v[k - 1])
    return float(t[k - 1] + fraction * (t[k] - t[k - 1]))
