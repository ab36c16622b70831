"""Changing the pump-leak cell: interventions, the rundown they start and the way back.

A resting cell (:func:`~widgets.physics.pump_leak.steady_state`) has its pump scaled
at t = 0 (ouabain blocks it, ATP depletion slows it) and, if asked, its bath K+
changed; the pump may also be blocked for a while first and then restarted. The
functions here simulate that, read how long the K+ gradient takes to halve and when V
passes a level (the depolarisation of ischaemia), give the
potential the leaks alone would set (the pump's current removed) and the time
constants with which the cell returns to its steady state.
"""

import dataclasses

import numpy as np

from widgets import validation as check
from widgets.physics.pump_leak import (
    RTOL,
    _checked,
    _rates,
    simulate,
    steady_state,
)

# Relative step of the central differences that linearise the cell about its steady state.
_JACOBIAN_STEP = 1e-6

# Illustrative: a neuron whose resting potential has risen above about -50 mV no longer
# rests near its firing threshold (in the channels chapter's sodium-rich membrane the
# threshold lies near -56 mV and the depolarised rest point near -49 mV).
DEPOLARISED_LEVEL = -0.050  # V


def intervention_params(params=None, pump_fraction=1.0, k_out=None):
    """Return a cell's parameters after its pump is scaled and its bath K+ changed.

    Parameters
    ----------
    params : PumpLeakParams, optional
        The cell before the change (default: the mammalian neuron).
    pump_fraction : float, optional
        Pump capacity as a fraction of ``params.pump_max`` (dimensionless; 0 = blocked
        by ouabain, 0.1 = ATP depleted to a tenth, 1 = unchanged); non-negative.
    k_out : float, optional
        New bath K+ concentration in mol/m^3 (= mM); positive and below the bath's
        K+ + Na+. Default: unchanged.

    Returns
    -------
    PumpLeakParams
        ``pump_max`` scaled; K+ raised or lowered in exchange for Na+, mole for mole,
        so the bath's osmolarity and charge stay as they were.

    Raises
    ------
    ValueError
        If ``params`` is not a :class:`~widgets.physics.pump_leak.PumpLeakParams`,
        ``pump_fraction`` is negative or not a number, or ``k_out`` is not positive
        or would leave no Na+ in the bath.

    Notes
    -----
    .. math:: I_\\mathrm{max}' = f\\, I_\\mathrm{max}, \\qquad
              [\\mathrm{Na}]_o' = [\\mathrm{Na}]_o + [\\mathrm{K}]_o - [\\mathrm{K}]_o'

    Examples
    --------
    >>> after = intervention_params(pump_fraction=0.1, k_out=10.0)
    >>> after.k_out, after.na_out
    (10.0, 140.0)
    """
    params = _checked(params)
    pump_fraction = check.scalar("pump_fraction", pump_fraction)
    check.non_negative("pump_fraction", pump_fraction)
    changes = {"pump_max": pump_fraction * params.pump_max}
    if k_out is not None:
        k_out = check.scalar("k_out", check.positive("k_out", k_out))
        cations = params.na_out + params.k_out
        if k_out >= cations:
            raise ValueError(
                f"k_out must be below the bath's Na+ + K+ ({cations:g} mM), as K+ replaces "
                f"Na+ mole for mole; got {k_out!r}"
            )
        changes |= {"k_out": k_out, "na_out": cations - k_out}
    return dataclasses.replace(params, **changes)


def simulate_intervention(
    params=None,
    pump_fraction=1.0,
    k_out=None,
    block_time=0.0,
    duration=3600.0,
    t_eval=None,
    rtol=RTOL,
):
    """Simulate a resting cell whose pump (and bath K+) change at t = 0.

    Parameters
    ----------
    params : PumpLeakParams, optional
        The cell, which starts at its steady state (default: the mammalian neuron).
    pump_fraction : float, optional
        Pump capacity after the change, as a fraction of normal (dimensionless; see
        :func:`intervention_params`).
    k_out : float, optional
        Bath K+ after the change in mol/m^3 (= mM); default unchanged.
    block_time : float, optional
        The pump is blocked from t = 0 to this time in s, then runs at
        ``pump_fraction`` (default 0: no block); non-negative.
    duration : float, optional
        Length of the run in s (default one hour); positive.
    t_eval : array_like, optional
        Output times in s within ``(0, duration)`` (default 301 evenly spaced).
    rtol : float, optional
        Relative tolerance of the integrator (default as :func:`simulate`).

    Returns
    -------
    PumpLeakTrajectory
        From the resting state at t = 0.

    Raises
    ------
    ValueError
        For a bad argument (named in the message).
    RuntimeError
        If the integrator fails.

    Notes
    -----
    The run is :func:`~widgets.physics.pump_leak.simulate` of the changed cell from
    the old steady state, with the restart as a protocol step:
    ``simulate(blocked, (0, duration), [(block_time, {"pump_max": ...})], initial=rest)``.

    Examples
    --------
    >>> run = simulate_intervention(pump_fraction=0.0, duration=3600.0)
    >>> round(float(run.v[-1]) * 1e3, 1), round(float(run.c_in[-1, 1]), 1)
    (-32.4, 36.3)
    """
    params = _checked(params)
    duration = check.scalar("duration", check.positive("duration", duration))
    block_time = check.scalar("block_time", check.non_negative("block_time", block_time))
    after = intervention_params(params, pump_fraction, k_out)
    first, protocol = after, ()
    if block_time > 0:
        first = dataclasses.replace(after, pump_max=0.0)
        if block_time < duration:
            protocol = [(block_time, {"pump_max": after.pump_max})]
    return simulate(
        first,
        (0.0, duration),
        protocol=protocol,
        initial=steady_state(params),
        t_eval=t_eval,
        rtol=rtol,
    )


def leak_potential(params, c_in):
    """Return the potential at which the leak currents alone add up to zero.

    Parameters
    ----------
    params : PumpLeakParams
        The cell (permeabilities in m/s, bath in mol/m^3, temperature in K).
    c_in : array_like
        Intracellular Na+, K+, Cl- in mol/m^3, shape (3,) or (N, 3) (order
        ``ION_ORDER``); positive.

    Returns
    -------
    float or numpy.ndarray
        Potential in V, one per row of ``c_in``.

    Raises
    ------
    ValueError
        If ``params`` is not a PumpLeakParams or ``c_in`` is not positive with 3
        columns.

    Notes
    -----
    The pump current removed, V is the GHK voltage of the leaks (Hodgkin and Katz
    1949), all three ions being monovalent:

    .. math:: V_\\mathrm{leak} = \\frac{RT}{F} \\ln
        \\frac{P_{Na}[\\mathrm{Na}]_o + P_K[\\mathrm{K}]_o + P_{Cl}[\\mathrm{Cl}]_i}
             {P_{Na}[\\mathrm{Na}]_i + P_K[\\mathrm{K}]_i + P_{Cl}[\\mathrm{Cl}]_o}

    Along a run, :math:`V - V_\\mathrm{leak}` is the pump's electrogenic share at each
    instant: what V would lose within milliseconds if the pump stopped then.

    Examples
    --------
    >>> from widgets.physics.pump_leak import PumpLeakParams
    >>> round(leak_potential(PumpLeakParams(), [12.0, 140.0, 10.0]) * 1e3, 2)
    -58.7
    """
    params = _checked(params)
    c_in = check.positive("c_in", c_in)
    if c_in.shape[-1:] != (3,):
        raise ValueError(f"c_in must hold Na+, K+, Cl- in its last axis; got shape {c_in.shape}")
    p_na, p_k, p_cl = params.permeabilities
    inward = p_na * params.na_out + p_k * params.k_out + p_cl * c_in[..., 2]
    outward = p_na * c_in[..., 0] + p_k * c_in[..., 1] + p_cl * params.cl_out
    return check.scalar_or_array(params.v_t * np.log(inward / outward))


def gradient_half_time(t, c_in, c_out):
    """Return the first time at which a concentration gradient has fallen to half.

    Parameters
    ----------
    t : array_like
        Times in s, increasing, shape (N,).
    c_in : array_like
        Intracellular concentration of one ion in mol/m^3 at those times, shape (N,).
    c_out : float
        Its bath concentration in mol/m^3 during the run.

    Returns
    -------
    float
        Time in s, linearly interpolated between samples, at which
        :math:`|c_\\mathrm{in} - c_\\mathrm{out}|` first reaches half its value at
        ``t[0]``; ``nan`` if it never does within the samples.

    Raises
    ------
    ValueError
        If the arrays differ in length, have fewer than two samples, are not finite,
        or ``t`` does not increase.

    Examples
    --------
    >>> gradient_half_time([0.0, 10.0, 20.0], [140.0, 90.0, 40.0], 5.0)
    13.5
    """
    t, c_in = _time_series("t", t, "c_in", c_in)
    c_out = check.scalar("c_out", c_out)
    gradient = np.abs(c_in - c_out)
    if gradient[0] == 0:
        return float("nan")
    # The gradient falls: its negative rises past minus half its start.
    return _first_reach(t, -gradient, -0.5 * gradient[0])


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
        ``level``; ``t[0]`` if it starts there; ``nan`` if it never does.

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
    t, v = _time_series("t", t, "v", v)
    return _first_reach(t, v, check.scalar("level", level))


def _time_series(t_name, t, y_name, y):
    """Return (t, y) as 1-D float arrays of one length >= 2, t increasing."""
    t, y = check.finite(t_name, t), check.finite(y_name, y)
    if t.ndim != 1 or t.shape != y.shape or t.size < 2:
        raise ValueError(
            f"{t_name} and {y_name} must be 1-D of one length >= 2; got shapes {t.shape}, {y.shape}"
        )
    if np.any(np.diff(t) <= 0):
        raise ValueError(f"{t_name} must increase; got {t!r}")
    return t, y


def _first_reach(t, y, target):
    """Return the first time y reaches target from below, interpolated; nan if never."""
    reached = np.flatnonzero(y >= target)
    if reached.size == 0:
        return float("nan")
    k = reached[0]
    if k == 0:
        return float(t[0])
    fraction = (target - y[k - 1]) / (y[k] - y[k - 1])
    return float(t[k - 1] + fraction * (t[k] - t[k - 1]))


def relaxation_times(params=None):
    """Return the time constants with which a pump-leak cell returns to its steady state.

    Parameters
    ----------
    params : PumpLeakParams, optional
        The cell (default: the mammalian neuron); all permeabilities positive.

    Returns
    -------
    numpy.ndarray
        Three time constants in s, shortest first: the membrane's (V settling at
        fixed concentrations, milliseconds) and two slow ones of the concentrations
        and volume (minutes).

    Raises
    ------
    ValueError, RuntimeError
        As :func:`~widgets.physics.pump_leak.steady_state`; RuntimeError also if the
        steady state is not stable.

    Notes
    -----
    Close to the steady state :math:`y^*` a small deviation obeys
    :math:`\\dot{\\delta y} = J \\delta y`, with :math:`J` the Jacobian of the
    model's rates (:func:`~widgets.physics.pump_leak.simulate`) in its state
    (V, n_Na, n_Cl), here by central differences. Each eigenvalue
    :math:`\\lambda_k < 0` of J gives a time constant :math:`\\tau_k = -1/\\lambda_k`;
    after any small disturbance, such as a short pump block, the deviation decays
    as a sum of :math:`e^{-t/\\tau_k}`.

    Examples
    --------
    >>> taus = relaxation_times()
    >>> round(float(taus[0]) * 1e3, 1), [round(float(tau) / 60, 1) for tau in taus[1:]]
    (11.3, [6.9, 13.5])
    """
    params = _checked(params)
    state = steady_state(params)
    scale = state.volume
    amounts = state.c_in * state.volume
    y = np.array([state.v, amounts[0] / scale, amounts[2] / scale])
    jacobian = np.empty((3, 3))
    for j, step in enumerate(_JACOBIAN_STEP * np.abs(y)):
        up, down = y.copy(), y.copy()
        up[j] += step
        down[j] -= step
        jacobian[:, j] = (_rates(0.0, up, params, scale) - _rates(0.0, down, params, scale)) / (
            2.0 * step
        )
    rates = np.linalg.eigvals(jacobian).real
    if np.any(rates >= 0):
        raise RuntimeError(f"the steady state of {params!r} is not stable: rates {rates}")
    return np.sort(-1.0 / rates)
