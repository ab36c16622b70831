"""A pump-leak cell: GHK leaks, the 3Na+/2K+ pump, osmotic volume and V from charge.

The cell holds amounts of Na+, K+ and Cl- and a fixed amount of impermeant anions
(mean valence ``z_x``) in a large bath of fixed composition. Ions leak through the
membrane by the GHK current equation; the pump moves 3 Na+ out and 2 K+ in per
cycle. Water follows at once, so the cell is always isosmotic with the bath.

**Voltage from charge.** The membrane potential is never solved for: it is the
net charge inside over the membrane capacitance,

.. math:: V = \\frac{Q}{C_m A}, \\qquad
          Q = F \\left( n_{Na} + n_K - n_{Cl} + z_X n_X \\right),

the "charge-difference" formulation (Fraser and Huang 2004). A soma of radius
10 um at -64 mV carries a net charge of about 1e-5 of its ionic charge, so a
tiny imbalance sets V. Because V relaxes with the membrane time constant (ms)
while concentrations drift over minutes to hours, the equations are stiff.
Integrating all three amounts would make V the small difference of large,
separately rounded numbers; instead the state is ``(V, n_Na, n_Cl)`` and
``n_K`` follows from the charge identity above, so ``V = Q/C`` holds exactly at
every instant and every amount changes only by its own integrated flux. The
stiff system is integrated with ``solve_ivp``'s LSODA, which switches to the
implicit BDF formulas when stiffness demands: an hour of pump block takes
about 150 right-hand-side evaluations.

**Membrane area** is that of the resting sphere and stays fixed while the cell
swells or shrinks (neurons keep folds of spare membrane; a simplification).
"""

import dataclasses
from dataclasses import dataclass
from functools import cached_property

import numpy as np
from scipy.integrate import solve_ivp
from scipy.optimize import brentq

from widgets import validation as check
from widgets.constants import FARADAY
from widgets.data.ions import get_preset
from widgets.physics.ghk import _current_density, ghk_current_density, ghk_voltage
from widgets.physics.nernst import nernst_potential, thermal_voltage
from widgets.physics.pump import (
    K_PER_CYCLE,
    NA_PER_CYCLE,
    PUMP_K_K,
    PUMP_K_NA,
    _activation,
    pump_activation,
)

ION_ORDER = ("Na", "K", "Cl")  # order of the per-ion arrays below
VALENCE = np.array([1.0, 1.0, -1.0])  # of Na+, K+, Cl-
PUMP_STOICHIOMETRY = np.array([NA_PER_CYCLE, -K_PER_CYCLE, 0.0])  # ion charge out per pump charge

SPECIFIC_CAPACITANCE = 1e-2  # F/m^2 (1 uF/cm^2), textbook value (hille2001); gentet2000: 0.9
SOMA_RADIUS = 10e-6  # m, illustrative: a soma 20 um across
RESTING_P_K = 5e-9  # m/s, illustrative: gives a membrane resistance of order 10 kOhm cm^2

# Default relative tolerance of simulate(): against rtol = 1e-8, an hour of pump block
# or of high K_o stays within 0.2 uV in V and 2e-5 in every concentration.
RTOL = 1e-5
# Absolute tolerances of (V in V, amounts in mol/m^3 of the starting volume).
_ATOL = (1e-9, 1e-9, 1e-9)

# Grid on which the steady-state Na+ balance is first bracketed.
_SCAN_POINTS = 256

# Only these fields may change during a simulation: the bath and the membrane's
# transporters. The cell's contents (n_x, z_x) and geometry set its charge bookkeeping.
PROTOCOL_FIELDS = (
    "na_out",
    "k_out",
    "cl_out",
    "x_out",
    "p_na",
    "p_k",
    "p_cl",
    "pump_max",
    "pump_k_na",
    "pump_k_k",
)


def _sphere(radius):
    return 4.0 * np.pi * radius**2, 4.0 / 3.0 * np.pi * radius**3


def _read_only(values):
    array = np.array(values, dtype=float)
    array.flags.writeable = False
    return array


def _calibrate(key, p_k, p_cl, radius, cm, pump_k_na, pump_k_k):
    """Return the field values that make a preset's concentrations the steady state.

    Cl- is passive, so at steady state V = E_Cl. The K+ leak at that V fixes the
    pump rate (2 K+ in per cycle), the pump rate fixes the Na+ leak (3 Na+ out per
    cycle) and so P_Na; the impermeant anions make the cell isosmotic with the
    bath and leave exactly the charge C A V inside.
    """
    preset = get_preset(key)
    c_out, c_in, T = preset.c_out, preset.c_in, preset.T
    v = nernst_potential(c_out["Cl"], c_in["Cl"], -1, T)
    e_k, e_na = (nernst_potential(c_out[ion], c_in[ion], 1, T) for ion in ("K", "Na"))
    if not e_k < v < e_na:
        raise ValueError(
            f"key {key!r}: a pump-leak steady state with passive Cl- needs E_K < E_Cl < E_Na; "
            f"got E_K = {e_k * 1e3:.1f} mV, E_Cl = {v * 1e3:.1f} mV, E_Na = {e_na * 1e3:.1f} mV"
        )
    i_pump = ghk_current_density(v, p_k, c_out["K"], c_in["K"], 1, T) / K_PER_CYCLE
    i_na_per_p = ghk_current_density(v, 1.0, c_out["Na"], c_in["Na"], 1, T)
    p_na = -NA_PER_CYCLE * i_pump / i_na_per_p
    pump_max = i_pump / pump_activation(c_in["Na"], c_out["K"], pump_k_na, pump_k_k)
    # Impermeant bath ions (monovalent, osmotically ideal) balance the permeant ions' charge.
    x_out = abs(c_out["Na"] + c_out["K"] - c_out["Cl"])
    osm_out = c_out["Na"] + c_out["K"] + c_out["Cl"] + x_out
    area, volume = _sphere(radius)
    n_x = volume * (osm_out - c_in["Na"] - c_in["K"] - c_in["Cl"])
    free_charge = volume * (c_in["Na"] + c_in["K"] - c_in["Cl"])  # mol of elementary charge
    z_x = (cm * area * v / FARADAY - free_charge) / n_x
    return dict(
        na_out=c_out["Na"],
        k_out=c_out["K"],
        cl_out=c_out["Cl"],
        x_out=x_out,
        p_na=p_na,
        p_k=p_k,
        p_cl=p_cl,
        pump_max=pump_max,
        pump_k_na=pump_k_na,
        pump_k_k=pump_k_k,
        n_x=n_x,
        z_x=z_x,
        radius=radius,
        cm=cm,
        T=T,
    )


# Hodgkin and Katz's (1949) P_Cl/P_K of the squid axon stands in for a neuron's.
_NEURON = _calibrate(
    "mammalian_neuron",
    p_k=RESTING_P_K,
    p_cl=RESTING_P_K * get_preset("squid_axon").permeability["Cl"],
    radius=SOMA_RADIUS,
    cm=SPECIFIC_CAPACITANCE,
    pump_k_na=PUMP_K_NA,
    pump_k_k=PUMP_K_K,
)


@dataclass(frozen=True)
class PumpLeakParams:
    """Parameters of the pump-leak cell; the defaults describe a mammalian neuron soma.

    The defaults are calibrated so that the steady state reproduces the
    ``"mammalian_neuron"`` preset concentrations (:func:`params_from_preset`):
    ``p_k``, ``p_cl``, ``radius`` and ``cm`` are chosen, then ``p_na``,
    ``pump_max``, ``n_x`` and ``z_x`` are derived.

    Attributes
    ----------
    na_out, k_out, cl_out : float
        Bath Na+, K+ and Cl- concentrations in mol/m^3 (= mM).
    x_out : float
        Impermeant bath solute in mol/m^3; only its osmotic effect matters.
    p_na, p_k, p_cl : float
        Leak permeabilities in m/s. ``p_k`` is illustrative (5e-9 m/s);
        ``p_cl = 0.45 p_k`` borrows the squid-axon ratio (Hodgkin and Katz 1949).
    pump_max : float
        Maximal net pump current density in A/m^2 (0 = blocked by ouabain).
    pump_k_na, pump_k_k : float
        Pump half-activation by internal Na+ and external K+ in mol/m^3
        (Luo and Rudy 1994).
    n_x : float
        Amount of impermeant intracellular anions in mol.
    z_x : float
        Their mean valence (dimensionless, <= 0).
    radius : float
        Radius of the resting spherical cell in m; fixes the membrane area.
    cm : float
        Specific membrane capacitance in F/m^2 (1e-2 F/m^2 = 1 uF/cm^2).
    T : float
        Absolute temperature in K.
    """

    na_out: float = _NEURON["na_out"]
    k_out: float = _NEURON["k_out"]
    cl_out: float = _NEURON["cl_out"]
    x_out: float = _NEURON["x_out"]
    p_na: float = _NEURON["p_na"]
    p_k: float = _NEURON["p_k"]
    p_cl: float = _NEURON["p_cl"]
    pump_max: float = _NEURON["pump_max"]
    pump_k_na: float = _NEURON["pump_k_na"]
    pump_k_k: float = _NEURON["pump_k_k"]
    n_x: float = _NEURON["n_x"]
    z_x: float = _NEURON["z_x"]
    radius: float = _NEURON["radius"]
    cm: float = _NEURON["cm"]
    T: float = _NEURON["T"]

    def __post_init__(self):
        for name in ("na_out", "k_out", "cl_out", "pump_k_na", "pump_k_k", "n_x", "radius", "cm"):
            check.positive(name, getattr(self, name))
        for name in ("x_out", "p_na", "p_k", "p_cl", "pump_max"):
            check.non_negative(name, getattr(self, name))
        if check.finite("z_x", self.z_x) > 0:
            raise ValueError(f"z_x must be <= 0 (impermeant anions); got {self.z_x!r}")
        check.temperature(self.T)
        if self.p_na + self.p_k + self.p_cl <= 0:
            raise ValueError("p_na, p_k and p_cl must not all be zero; got all zero")

    # Cached: the integrator reads these in every right-hand-side call.
    @cached_property
    def area(self):
        """Membrane area in m^2 (of the resting sphere)."""
        return _sphere(self.radius)[0]

    @cached_property
    def osmolarity_out(self):
        """Bath osmolarity in mol/m^3 (ideal, all solutes counted once)."""
        return self.na_out + self.k_out + self.cl_out + self.x_out

    @cached_property
    def permeabilities(self):
        """Leak permeabilities of Na+, K+, Cl- in m/s (read-only numpy.ndarray)."""
        return _read_only([self.p_na, self.p_k, self.p_cl])

    @cached_property
    def c_out(self):
        """Bath concentrations of Na+, K+, Cl- in mol/m^3 (read-only numpy.ndarray)."""
        return _read_only([self.na_out, self.k_out, self.cl_out])

    @cached_property
    def v_t(self):
        """Thermal voltage RT/F in V."""
        return thermal_voltage(self.T)


def params_from_preset(
    key="mammalian_neuron", p_k=RESTING_P_K, p_cl_ratio=None, radius=SOMA_RADIUS
):
    """Return pump-leak parameters whose steady state is a preset's concentrations.

    Parameters
    ----------
    key : str, optional
        A preset of :mod:`widgets.data.ions` with K+, Na+ and Cl- (default
        ``"mammalian_neuron"``).
    p_k : float, optional
        K+ leak permeability in m/s (default 5e-9 m/s, illustrative); positive.
    p_cl_ratio : float, optional
        P_Cl / P_K (dimensionless); default 0.45, the squid-axon ratio of Hodgkin and
        Katz (1949); positive.
    radius : float, optional
        Radius of the spherical cell in m (default 10 um); positive.

    Returns
    -------
    PumpLeakParams
        With ``p_na``, ``pump_max``, ``n_x`` and ``z_x`` derived.

    Raises
    ------
    ValueError
        If ``key`` is unknown or lacks an ion, or a number is not positive.

    Notes
    -----
    With passive Cl-, steady state needs :math:`V = E_{Cl}`. There the K+ leak sets
    the pump rate, :math:`I_\\mathrm{pump} = I_K/2`, and the Na+ leak must carry
    :math:`-3 I_\\mathrm{pump}`:

    .. math:: P_{Na} = -\\frac{3 I_\\mathrm{pump}}{I_{Na}(V; P=1)}, \\qquad
              I_\\mathrm{max} = \\frac{I_\\mathrm{pump}}{a([\\mathrm{Na}]_i, [\\mathrm{K}]_o)}.

    The impermeant amount makes the cell isosmotic with a bath whose impermeant
    ions (``x_out``) make it electroneutral; ``z_x`` leaves the charge
    :math:`C_m A V` inside.

    Examples
    --------
    >>> params = params_from_preset()
    >>> round(params.p_na / params.p_k, 4), round(params.z_x, 3)
    (0.0805, -1.029)
    """
    p_k = float(check.positive("p_k", p_k))
    ratio = get_preset("squid_axon").permeability["Cl"] if p_cl_ratio is None else p_cl_ratio
    ratio = float(check.positive("p_cl_ratio", ratio))
    radius = float(check.positive("radius", radius))
    missing = [ion for ion in ION_ORDER if ion not in get_preset(key).ions]
    if missing:
        raise ValueError(f"key must name a preset with Na, K and Cl; {key!r} lacks {missing}")
    fields = _calibrate(key, p_k, p_k * ratio, radius, SPECIFIC_CAPACITANCE, PUMP_K_NA, PUMP_K_K)
    return PumpLeakParams(**fields)


@dataclass(frozen=True)
class PumpLeakState:
    """Steady state of a pump-leak cell.

    Attributes
    ----------
    v : float
        Membrane potential in V.
    c_in : numpy.ndarray
        Intracellular Na+, K+, Cl- concentrations in mol/m^3 (order ``ION_ORDER``).
    volume : float
        Cell volume in m^3.
    i_leak : numpy.ndarray
        Leak current densities of Na+, K+, Cl- in A/m^2, outward positive.
    i_pump : float
        Net pump current density in A/m^2, outward positive.
    area : float
        Membrane area in m^2.
    """

    v: float
    c_in: np.ndarray
    volume: float
    i_leak: np.ndarray
    i_pump: float
    area: float

    @property
    def na_influx(self):
        """Passive Na+ entry into the whole cell in mol/s (positive inward)."""
        return -self.i_leak[0] * self.area / FARADAY


def _leak_and_pump(params, v, c_in):
    """Return leak current densities (..., 3) and the pump current density (...)."""
    v = np.asarray(v, dtype=float)[..., np.newaxis]
    # The parameters were validated once in PumpLeakParams; the unchecked GHK and pump
    # kernels keep the integrator's many right-hand-side calls cheap.
    i_leak = _current_density(v, params.permeabilities, params.c_out, c_in, VALENCE, params.v_t)
    i_pump = params.pump_max * _activation(
        c_in[..., 0], params.k_out, params.pump_k_na, params.pump_k_k
    )
    return i_leak, i_pump


def _mullins_noda_state(params, v):
    """Return (c_in (..., 3), volume (...)) of a candidate steady state at potential v.

    Cl- at equilibrium (E_Cl = V) gives [Cl]_i; osmotic balance and the capacitor
    charge give the volume and [Na]_i + [K]_i; the Mullins-Noda relation (Na+ and
    K+ leaks in the pump's 3:2 ratio) splits that sum into Na+ and K+.
    """
    v_t = thermal_voltage(params.T)
    cl_in = params.cl_out * np.exp(v / v_t)
    charge = params.cm * params.area * v / FARADAY  # mol of elementary charge
    volume = (params.n_x * (1.0 - params.z_x) + charge) / (params.osmolarity_out - 2.0 * cl_in)
    cations = params.osmolarity_out - cl_in - params.n_x / volume
    # K_PER_CYCLE P_Na [Na] + NA_PER_CYCLE P_K [K] is the same inside and out, up to e^(-u).
    w_na, w_k = K_PER_CYCLE * params.p_na, NA_PER_CYCLE * params.p_k
    weighted = np.exp(-v / v_t) * (w_na * params.na_out + w_k * params.k_out)
    na_in = (weighted - w_k * cations) / (w_na - w_k)
    return np.stack([na_in, cations - na_in, cl_in], axis=-1), volume


def _na_imbalance(v, params):
    """Net Na+ current (leak + pump) in A/m^2 along the Mullins-Noda curve.

    Where the curve leaves the physical region the sign is kept: no Na+ inside
    means pure influx (-1), no K+ inside means net Na+ efflux (+1), so a sign
    change always brackets a true steady state.
    """
    c_in, _ = _mullins_noda_state(params, v)
    no_na, no_k = c_in[..., 0] <= 0, c_in[..., 1] <= 0
    physical = np.where((no_na | no_k)[..., np.newaxis], 1.0, c_in)
    i_leak, i_pump = _leak_and_pump(params, v, physical)
    imbalance = i_leak[..., 0] + NA_PER_CYCLE * i_pump
    return np.where(no_na, -1.0, np.where(no_k, 1.0, imbalance))


def _potential_bracket(params):
    """Return (lowest, highest) possible steady-state V in V.

    Below: Mullins-Noda with all internal cations (at most the bath osmolarity)
    as the more permeant one. Above: where 2 [Cl]_i reaches the bath osmolarity
    and the isosmotic volume diverges.
    """
    v_t = thermal_voltage(params.T)
    w_na, w_k = K_PER_CYCLE * params.p_na, NA_PER_CYCLE * params.p_k
    inward = w_na * params.na_out + w_k * params.k_out
    lowest = v_t * np.log(inward / (max(w_na, w_k) * params.osmolarity_out))
    highest = v_t * np.log(params.osmolarity_out / (2.0 * params.cl_out))
    return lowest - 1e-3, highest - 1e-9


def _checked(params):
    """Return ``params``, or the neuron's defaults for None; reject anything else."""
    if params is None:
        return PumpLeakParams()
    if not isinstance(params, PumpLeakParams):
        raise ValueError(f"params must be a PumpLeakParams; got {params!r}")
    return params


def steady_state(params=None):
    """Return the steady state of a pump-leak cell: every ion flux balanced.

    Parameters
    ----------
    params : PumpLeakParams, optional
        Cell parameters (default: the mammalian neuron, ``PumpLeakParams()``);
        all three leak permeabilities must be positive.

    Returns
    -------
    PumpLeakState

    Raises
    ------
    ValueError
        If ``params`` is not a :class:`PumpLeakParams` or a permeability is zero
        (then the steady state is not unique or does not exist).
    RuntimeError
        If no steady state is found.

    Notes
    -----
    Steady state means the pumped Na+ efflux equals the leaked Na+ influx, the
    pumped K+ influx the leaked K+ efflux, and the Cl- leak is zero (with the pump
    blocked, ``pump_max = 0``, this is the Donnan equilibrium):

    .. math::
        I_{Na} + 3 I_\\mathrm{pump} = 0, \\quad I_K - 2 I_\\mathrm{pump} = 0, \\quad
        I_{Cl} = 0 \\;(\\Rightarrow V = E_{Cl})

    Eliminating the pump from the first two gives the Mullins-Noda relation
    (Mullins and Noda 1963), linear in [Na]_i and [K]_i; with Cl- at equilibrium,
    osmotic balance and :math:`Q = C_m A V`, every quantity follows from V alone.
    The remaining Na+ balance is bracketed on a grid of V (one vectorised call)
    and solved with :func:`scipy.optimize.brentq`, in about a millisecond. (The
    reduction divides by :math:`2 P_{Na} - 3 P_K`, so ``p_na == 1.5 * p_k`` exactly
    is not allowed.)

    Examples
    --------
    >>> state = steady_state()
    >>> round(state.v * 1e3, 2), [round(float(c), 3) for c in state.c_in]
    (-64.09, [12.0, 140.0, 10.0])
    """
    params = _checked(params)
    for name in ("p_na", "p_k", "p_cl"):
        if getattr(params, name) <= 0:
            raise ValueError(f"steady_state needs {name} > 0; got {getattr(params, name)!r}")
    if K_PER_CYCLE * params.p_na == NA_PER_CYCLE * params.p_k:
        raise ValueError(f"steady_state needs p_na != 1.5 p_k; got p_na={params.p_na!r}")
    grid = np.linspace(*_potential_bracket(params), _SCAN_POINTS)
    sign = np.sign(_na_imbalance(grid, params))
    crossings = np.flatnonzero(sign[:-1] * sign[1:] <= 0)
    if crossings.size == 0:
        raise RuntimeError(f"no pump-leak steady state found for {params!r}")
    k = crossings[0]
    v = brentq(_na_imbalance, grid[k], grid[k + 1], args=(params,), xtol=1e-15)
    c_in, volume = _mullins_noda_state(params, v)
    i_leak, i_pump = _leak_and_pump(params, v, c_in)
    return PumpLeakState(float(v), c_in, float(volume), i_leak, float(i_pump), params.area)


def pump_electrogenic_contribution(params=None):
    """Return the pump's direct electrogenic share of the resting potential.

    Parameters
    ----------
    params : PumpLeakParams, optional
        Cell parameters (default: the mammalian neuron).

    Returns
    -------
    float
        V at steady state minus the GHK potential of the same leaks and gradients
        with no pump current, in V (negative: the pump hyperpolarises).

    Raises
    ------
    ValueError, RuntimeError
        As :func:`steady_state`.

    Notes
    -----
    Blocking the pump removes its outward current at once; V then settles within
    milliseconds, long before the gradients change, at the zero-current GHK
    potential

    .. math:: \\Delta V_\\mathrm{pump} = V_\\mathrm{ss}
        - V_\\mathrm{GHK}(P_i, [\\cdot]_o, [\\cdot]_{i,\\mathrm{ss}})
        \\approx -I_\\mathrm{pump} / G_m,

    the rest of the resting potential being the diffusion potential of the
    gradients that the pump built.

    Examples
    --------
    >>> round(pump_electrogenic_contribution() * 1e3, 2)
    -5.38
    """
    params = _checked(params)
    state = steady_state(params)
    v_no_pump = ghk_voltage(params.permeabilities, params.c_out, state.c_in, VALENCE, params.T)
    return state.v - v_no_pump


@dataclass(frozen=True)
class PumpLeakTrajectory:
    """Time course of a pump-leak cell, one row per output instant.

    Attributes
    ----------
    t : numpy.ndarray
        Times in s, shape (N,).
    v : numpy.ndarray
        Membrane potential in V, shape (N,); equal to ``charge / (cm * area)``.
    amounts : numpy.ndarray
        Intracellular Na+, K+, Cl- in mol, shape (N, 3).
    volume : numpy.ndarray
        Cell volume in m^3, shape (N,).
    charge : numpy.ndarray
        Net charge inside in C, shape (N,).
    i_leak : numpy.ndarray
        Leak current densities of Na+, K+, Cl- in A/m^2, outward positive, shape (N, 3).
    i_pump : numpy.ndarray
        Net pump current density in A/m^2, outward positive, shape (N,).
    area : float
        Membrane area in m^2.
    """

    t: np.ndarray
    v: np.ndarray
    amounts: np.ndarray
    volume: np.ndarray
    charge: np.ndarray
    i_leak: np.ndarray
    i_pump: np.ndarray
    area: float

    @property
    def c_in(self):
        """Intracellular Na+, K+, Cl- concentrations in mol/m^3, shape (N, 3)."""
        return self.amounts / self.volume[:, np.newaxis]

    @property
    def i_ion(self):
        """Net current density of each ion (leak plus pump) in A/m^2, shape (N, 3)."""
        return self.i_leak + PUMP_STOICHIOMETRY * self.i_pump[:, np.newaxis]


def _cell_contents(params, v, n_na, n_cl):
    """Return amounts (..., 3) in mol and volume (...) in m^3 from the state.

    K+ follows from the charge identity Q = C A V = F (n_Na + n_K - n_Cl + z_X n_X);
    the volume from isosmotic balance with the bath.
    """
    charge = params.cm * params.area * v / FARADAY  # mol of elementary charge
    n_k = charge - n_na + n_cl - params.z_x * params.n_x
    volume = (n_na + n_k + n_cl + params.n_x) / params.osmolarity_out
    return np.stack([n_na, n_k, n_cl], axis=-1), volume


def _rates(t, y, params, scale):
    """dy/dt of y = (V, n_Na/scale, n_Cl/scale); scale (m^3) keeps amounts near mM."""
    v, n_na, n_cl = y[0], y[1] * scale, y[2] * scale
    amounts, volume = _cell_contents(params, v, n_na, n_cl)
    i_leak, i_pump = _leak_and_pump(params, v, amounts / volume)
    i_ion = i_leak + PUMP_STOICHIOMETRY * i_pump
    # Outward current lowers the charge inside; dn/dt = -A I / (z F) for each ion.
    dn = -params.area * i_ion / (VALENCE * FARADAY)
    dv = -(np.sum(i_leak) + i_pump) / params.cm
    return np.array([dv, dn[0] / scale, dn[2] / scale])


def _apply_protocol(params, protocol, t_span):
    """Return the switch times and the parameters in force after each."""
    times, stages = [], [params]
    for time, changes in protocol:
        time = float(check.finite("protocol time", time))
        if not t_span[0] < time < t_span[1] or (times and time <= times[-1]):
            raise ValueError(
                f"protocol times must increase strictly inside t_span={t_span!r}; got {time!r}"
            )
        unknown = sorted(set(changes) - set(PROTOCOL_FIELDS))
        if unknown:
            raise ValueError(f"protocol may change only {PROTOCOL_FIELDS}; got {unknown}")
        times.append(time)
        stages.append(dataclasses.replace(stages[-1], **changes))
    return times, stages


def simulate(params=None, t_span=(0.0, 3600.0), protocol=(), initial=None, t_eval=None, rtol=RTOL):
    """Integrate a pump-leak cell through time, with changes at given instants.

    Parameters
    ----------
    params : PumpLeakParams, optional
        Parameters at the start (default: the mammalian neuron).
    t_span : tuple of float, optional
        Start and end time in s (default one hour).
    protocol : sequence of (float, dict), optional
        Changes ``(t, {field: value})`` applied at time ``t`` in s, in increasing
        order, to the fields in ``PROTOCOL_FIELDS``. Examples: pump block by
        ouabain ``(60.0, {"pump_max": 0.0})``; hyperkalemia with Na+ replaced
        equimolar ``(60.0, {"k_out": 10.0, "na_out": 140.0})``.
    initial : PumpLeakState, optional
        Starting state (default: the steady state of ``params``).
    t_eval : array_like, optional
        Output times in s within ``t_span`` (default 301 evenly spaced). At a
        switch time the output shows the new parameters.
    rtol : float, optional
        Relative tolerance of the integrator (default 1e-5, ample for figures;
        tighten it to check conservation laws to more digits).

    Returns
    -------
    PumpLeakTrajectory

    Raises
    ------
    ValueError
        For a bad ``params``, ``t_span``, protocol entry, ``initial``, ``t_eval`` or ``rtol``.
    RuntimeError
        If the integrator fails.

    Notes
    -----
    The state is (V, n_Na, n_Cl) with n_K from the charge identity (module notes):

    .. math::
        C_m \\frac{dV}{dt} = -\\sum_i I_i - I_\\mathrm{pump}, \\qquad
        \\frac{dn_i}{dt} = -\\frac{A\\, (I_i + s_i I_\\mathrm{pump})}{z_i F}

    with pump shares :math:`s = (3, -2, 0)` for (Na+, K+, Cl-). The membrane time
    constant (about 10 ms) against hours of drift makes this stiff; it is solved
    with LSODA (:func:`scipy.integrate.solve_ivp`), which switches to BDF when stiff.

    Examples
    --------
    >>> run = simulate(t_span=(0.0, 3600.0), protocol=[(60.0, {"pump_max": 0.0})])
    >>> round(float(run.v[0]) * 1e3, 1), round(float(run.v[-1]) * 1e3, 1)
    (-64.1, -32.8)
    """
    params = _checked(params)
    t0, t1 = (float(t) for t in check.finite("t_span", t_span))
    rtol = float(check.positive("rtol", rtol))
    if not t1 > t0:
        raise ValueError(f"t_span must be (start, end) with end > start; got {t_span!r}")
    times, stages = _apply_protocol(params, protocol, (t0, t1))
    t_out = (
        np.linspace(t0, t1, 301) if t_eval is None else np.unique(check.finite("t_eval", t_eval))
    )
    if t_out[0] < t0 or t_out[-1] > t1:
        raise ValueError(f"t_eval must lie within t_span={t_span!r}; got {t_eval!r}")
    state = steady_state(params) if initial is None else initial
    if not isinstance(state, PumpLeakState):
        raise ValueError(f"initial must be a PumpLeakState; got {initial!r}")
    scale = state.volume
    amounts0 = state.c_in * state.volume
    y = np.array([state.v, amounts0[0] / scale, amounts0[2] / scale])
    edges = [t0, *times, t1]
    rows = []
    for k, stage in enumerate(stages):
        a, b = edges[k], edges[k + 1]
        points = t_out[(t_out >= a) & (t_out < b)]
        # The end point is integrated to and carried on; it is output only at the very end.
        keep = len(points) + (k == len(stages) - 1 and t_out[-1] == t1)
        solution = solve_ivp(
            _rates,
            (a, b),
            y,
            method="LSODA",
            t_eval=np.append(points, b),
            args=(stage, scale),
            rtol=rtol,
            atol=_ATOL,
        )
        if not solution.success:
            raise RuntimeError(f"pump-leak integration failed at t={a}..{b} s: {solution.message}")
        y = solution.y[:, -1]
        rows.append(_outputs(stage, solution.t[:keep], solution.y[:, :keep], scale))
    return PumpLeakTrajectory(
        *(np.concatenate(parts) for parts in zip(*rows, strict=True)), area=params.area
    )


def _outputs(params, t, y, scale):
    """Return (t, v, amounts, volume, charge, i_leak, i_pump) at the given rows."""
    v = y[0]
    amounts, volume = _cell_contents(params, v, y[1] * scale, y[2] * scale)
    i_leak, i_pump = _leak_and_pump(params, v, amounts / volume[:, np.newaxis])
    charge = params.cm * params.area * v
    return t, v, amounts, volume, charge, i_leak, i_pump
