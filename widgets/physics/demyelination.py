"""A demyelinated stretch of axon: the K⁺ channels it exposes and the current they take.

Myelin covers K⁺ channels that sit beside the nodes of Ranvier and along the
internode. Where myelin is lost, those channels face the extracellular fluid. Their
extra K⁺ conductance pulls the resting potential towards E_K and, when the next node
is being depolarised towards threshold, carries outward current that the excitation
from the previous node must now also supply. This module puts illustrative numbers on
both with the leaky membrane of the GHK chapter: the mammalian neuron's concentrations
and Hodgkin and Katz's permeability ratios.
"""

from dataclasses import dataclass

import numpy as np

from widgets import validation as check
from widgets.data.ions import IONS, get_preset
from widgets.physics.ghk import ghk_current_density, ghk_voltage
from widgets.physics.pump_leak import RESTING_P_K

AXON_CELL = "mammalian_neuron"  # the preset whose concentrations the axon has
LEAK_IONS = ("K", "Na", "Cl")
# Illustrative: a healthy node delivers several times the current its neighbour needs
# to reach threshold; conduction fails when that margin falls to 1.
SAFETY_FACTOR = 5.0
# Illustrative: how far above rest a node must be brought to fire.
THRESHOLD_DEPOLARISATION = 0.015  # V


def axon_permeabilities(exposed_k=0.0, k_block=0.0):
    """Return the K⁺, Na⁺ and Cl⁻ permeabilities of a node with exposed K⁺ channels beside it.

    Parameters
    ----------
    exposed_k : float or array_like, optional
        Permeability of the exposed K⁺ channels in units of the node's own resting P_K
        (dimensionless, default 0: intact myelin); non-negative.
    k_block : float or array_like, optional
        Fraction of the exposed channels blocked, as by 4-aminopyridine (0 to 1,
        default 0).

    Returns
    -------
    numpy.ndarray
        Permeabilities in m/s, last axis in the order ``LEAK_IONS``.

    Raises
    ------
    ValueError
        If ``exposed_k`` is negative or ``k_block`` lies outside 0 to 1.

    Notes
    -----
    The node's leaks are in Hodgkin and Katz's (1949) ratios 1 : 0.04 : 0.45 with the
    book's illustrative P_K (5e-9 m/s); the exposed channels add

    .. math:: P_K' = P_K\\, [1 + m (1 - b)]

    for an exposed permeability :math:`m P_K` of which a fraction :math:`b` is blocked.

    Examples
    --------
    >>> [f"{p:.3g}" for p in axon_permeabilities(exposed_k=2.0)]
    ['1.5e-08', '2e-10', '2.25e-09']
    """
    exposed_k = check.non_negative("exposed_k", exposed_k)
    k_block = check.finite("k_block", k_block)
    if np.any((k_block < 0) | (k_block > 1)):
        raise ValueError(f"k_block must lie between 0 and 1; got {k_block!r}")
    ratios = get_preset("squid_axon").permeability
    k_factor = 1.0 + exposed_k * (1.0 - k_block)
    factors = np.stack(np.broadcast_arrays(k_factor, ratios["Na"], ratios["Cl"]), axis=-1)
    return RESTING_P_K * factors


def _axon_arrays():
    cell = get_preset(AXON_CELL)
    return (
        np.array([cell.c_out[ion] for ion in LEAK_IONS]),
        np.array([cell.c_in[ion] for ion in LEAK_IONS]),
        np.array([IONS[ion].z for ion in LEAK_IONS], dtype=float),
        cell.T,
    )


@dataclass(frozen=True)
class ConductionMargin:
    """What exposed K⁺ channels do to a node's rest and to its excitation.

    Attributes
    ----------
    v_rest : float
        Resting potential in V (GHK voltage of the leaks).
    v_threshold : float
        Threshold in V: the intact node's rest plus ``THRESHOLD_DEPOLARISATION``.
    current_needed : float
        Outward current density in A/m^2 that must be supplied to hold the node at
        threshold.
    exposed_current : float
        The part of it the exposed K⁺ channels carry, in A/m^2.
    safety_factor : float
        Current delivered over current needed (dimensionless); conduction fails below 1.
    """

    v_rest: float
    v_threshold: float
    current_needed: float
    exposed_current: float
    safety_factor: float


def conduction_margin(exposed_k=0.0, k_block=0.0, safety_factor=SAFETY_FACTOR):
    """Return the resting potential and excitation margin of a node beside exposed K⁺ channels.

    Parameters
    ----------
    exposed_k : float, optional
        Exposed K⁺ permeability in units of the node's resting P_K (default 0); non-negative.
    k_block : float, optional
        Fraction of the exposed channels blocked (0 to 1, default 0).
    safety_factor : float, optional
        Safety factor of the intact axon (default 5, illustrative); positive.

    Returns
    -------
    ConductionMargin

    Raises
    ------
    ValueError
        For a negative ``exposed_k``, a ``k_block`` outside 0 to 1 or a non-positive
        ``safety_factor``.

    Notes
    -----
    The upstream node delivers a fixed current, ``safety_factor`` times what the intact
    node needs to be held at threshold. With exposed channels the need grows by their
    GHK current at threshold, :math:`I_x = g_x^\\mathrm{chord} (V_\\mathrm{th} - E_K)`:

    .. math:: S = S_0 \\frac{\\sum_i I_i(V_\\mathrm{th}; 0)}
                          {\\sum_i I_i(V_\\mathrm{th}; m)}

    Capacitive charging and the gating of the channels are left out: a steady-state,
    illustrative picture.

    Examples
    --------
    >>> margin = conduction_margin(exposed_k=2.0)
    >>> round(margin.v_rest * 1e3, 1), round(margin.safety_factor, 2)
    (-78.1, 1.4)
    """
    safety_factor = check.scalar("safety_factor", check.positive("safety_factor", safety_factor))
    c_out, c_in, z, T = _axon_arrays()
    intact = axon_permeabilities()
    v_threshold = ghk_voltage(intact, c_out, c_in, z, T) + THRESHOLD_DEPOLARISATION
    p = axon_permeabilities(exposed_k, k_block)
    need_intact = np.sum(ghk_current_density(v_threshold, intact, c_out, c_in, z, T))
    need = np.sum(ghk_current_density(v_threshold, p, c_out, c_in, z, T))
    exposed = ghk_current_density(v_threshold, p[0] - intact[0], c_out[0], c_in[0], z[0], T)
    return ConductionMargin(
        v_rest=ghk_voltage(p, c_out, c_in, z, T),
        v_threshold=float(v_threshold),
        current_needed=float(need),
        exposed_current=float(exposed),
        safety_factor=float(safety_factor * need_intact / need),
    )
