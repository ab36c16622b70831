"""What the resting potential costs: ATP for the Na+/K+ pump, in molecules and watts.

At steady state every Na+ ion that leaks in must be pumped out again, three per
ATP. From a cell's resting Na+ influx follow its ATP use and, with the free
energy of ATP hydrolysis, its power; scaled by the number of neurons this gives
a whole-brain figure to set beside published energy budgets.
"""

from widgets import validation as check
from widgets.constants import FARADAY
from widgets.physics.pump import K_PER_CYCLE, NA_PER_CYCLE

# The free energy released by hydrolysing ATP: 30.5 kJ/mol under standard conditions,
# far more at the ATP, ADP and phosphate levels of living cells (nelson2008, section 13.3).
DELTA_G_ATP_STANDARD = 30.5e3  # J/mol (nelson2008)
DELTA_G_ATP_RANGE = (50e3, 60e3)  # J/mol, a typical range in cells (nelson2008)
DELTA_G_ATP = 0.5 * sum(DELTA_G_ATP_RANGE)  # J/mol, the middle of that range: 55 kJ/mol

HUMAN_BRAIN_NEURONS = 86.1e9  # adult male human brain, azevedo2009 (86.1 +- 8.1 billion)
BRAIN_MASS_SHARE = 0.02  # of body mass, adult human (raichle2002)
BRAIN_ENERGY_SHARE = 0.20  # of the body's oxygen and so energy use (raichle2002)

# Shares of the signalling energy of rodent grey matter at 4 Hz mean firing
# (attwell2001, abstract); the rest goes to smaller items.
SIGNALLING_ENERGY_SHARES = {
    "action potentials": 0.47,
    "postsynaptic glutamate": 0.34,
    "resting potentials": 0.13,
    "glutamate recycling": 0.03,
}


def atp_rate_from_sodium_influx(na_influx, na_per_atp=NA_PER_CYCLE):
    """Return the rate of ATP use that pumps a steady Na+ influx back out.

    Parameters
    ----------
    na_influx : float or array_like
        Passive Na+ influx in mol/s per cell (or mol/(m^2 s) per membrane area);
        non-negative.
    na_per_atp : float, optional
        Na+ ions pumped per ATP hydrolysed (default 3, the Na+/K+ pump).

    Returns
    -------
    float or numpy.ndarray
        ATP use in the unit of ``na_influx`` (mol/s, or mol/(m^2 s)); multiply by
        Avogadro's number for molecules per second.

    Raises
    ------
    ValueError
        If ``na_influx`` is negative or not finite, or ``na_per_atp`` is not positive.

    Notes
    -----
    At steady state the pump removes exactly what leaks in:

    .. math:: \\dot n_\\mathrm{ATP} = \\frac{J_{Na}^\\mathrm{leak}}{3}

    since the Na+/K+ pump hydrolyses one ATP per 3 Na+ it expels.

    Examples
    --------
    >>> atp_rate_from_sodium_influx(3e-16)  # mol/s
    1e-16
    """
    na_influx = check.non_negative("na_influx", na_influx)
    na_per_atp = check.positive("na_per_atp", na_per_atp)
    return check.scalar_or_array(na_influx / na_per_atp)


def metabolic_power(atp_rate, delta_g_atp=DELTA_G_ATP):
    """Return the power drawn from ATP hydrolysis at a given rate.

    Parameters
    ----------
    atp_rate : float or array_like
        ATP use in mol/s (or mol/(m^2 s)); non-negative.
    delta_g_atp : float, optional
        Free energy released per mole of ATP hydrolysed, in J/mol, as a positive
        number (default 55 kJ/mol, the middle of the 50-60 kJ/mol typical of cells;
        Nelson and Cox 2008, section 13.3).

    Returns
    -------
    float or numpy.ndarray
        Power in W (or W/m^2).

    Raises
    ------
    ValueError
        If ``atp_rate`` is negative or ``delta_g_atp`` is not positive.

    Notes
    -----
    .. math:: P = \\dot n_\\mathrm{ATP}\\, |\\Delta G_\\mathrm{ATP}|

    Examples
    --------
    >>> round(metabolic_power(1e-16) * 1e12, 2)  # pW
    5.5
    """
    atp_rate = check.non_negative("atp_rate", atp_rate)
    delta_g_atp = check.positive("delta_g_atp", delta_g_atp)
    return check.scalar_or_array(atp_rate * delta_g_atp)


def pump_cycle_free_energy(v, e_na, e_k):
    """Return the least free energy one 3Na+/2K+ pump cycle needs, per mole of cycles.

    Parameters
    ----------
    v : float or array_like
        Membrane potential in V.
    e_na, e_k : float or array_like
        Na+ and K+ equilibrium (Nernst) potentials in V.

    Returns
    -------
    float or numpy.ndarray
        Free energy in J/mol; the pump can run only while ATP supplies more.

    Raises
    ------
    ValueError
        If an argument is not finite.

    Notes
    -----
    Moving one Na+ out costs :math:`F(E_{Na} - V)`, one K+ in :math:`F(V - E_K)`:

    .. math:: \\Delta G_\\mathrm{cycle} = F\\,[3(E_{Na} - V) + 2(V - E_K)]
              = F\\,(3E_{Na} - 2E_K - V)

    Dividing by the free energy of ATP hydrolysis gives the pump's thermodynamic
    efficiency.

    Examples
    --------
    >>> round(pump_cycle_free_energy(-0.070, 0.066, -0.089) / 1e3, 1)  # kJ/mol
    43.0
    """
    v = check.finite("v", v)
    e_na = check.finite("e_na", e_na)
    e_k = check.finite("e_k", e_k)
    return check.scalar_or_array(FARADAY * (NA_PER_CYCLE * (e_na - v) + K_PER_CYCLE * (v - e_k)))


def brain_resting_power(
    atp_rate_per_neuron, n_neurons=HUMAN_BRAIN_NEURONS, delta_g_atp=DELTA_G_ATP
):
    """Return the power a whole brain spends pumping its neurons' resting Na+ influx.

    Parameters
    ----------
    atp_rate_per_neuron : float or array_like
        Resting ATP use of one neuron in mol/s; non-negative.
    n_neurons : float, optional
        Number of neurons (default 86.1e9, the adult human brain, Azevedo et al.
        2009); positive.
    delta_g_atp : float, optional
        Free energy per mole of ATP in J/mol (default 55 kJ/mol, the middle of the
        50-60 kJ/mol typical of cells).

    Returns
    -------
    float or numpy.ndarray
        Power in W.

    Raises
    ------
    ValueError
        If an argument is negative or not finite, or ``n_neurons`` is not positive.

    Notes
    -----
    .. math:: P_\\mathrm{brain} = N\\, \\dot n_\\mathrm{ATP}\\, |\\Delta G_\\mathrm{ATP}|

    A chapter can set this beside the brain's share of the body's energy use
    (``BRAIN_ENERGY_SHARE``, about 20 % for 2 % of the mass; Raichle and Gusnard
    2002) and the resting potential's share of signalling energy
    (``SIGNALLING_ENERGY_SHARES``; Attwell and Laughlin 2001). A soma-only model
    neuron underestimates the cost: most of a real neuron's membrane is dendrite
    and axon, and glia are left out.

    Examples
    --------
    >>> round(brain_resting_power(1e-16), 3)  # W
    0.474
    """
    n_neurons = check.positive("n_neurons", n_neurons)
    return check.scalar_or_array(n_neurons * metabolic_power(atp_rate_per_neuron, delta_g_atp))
