"""The membrane as a capacitor: tiny charges, large voltages, and where the voltage drops.

A lipid bilayer is a few nanometres of insulating hydrocarbon between two
conducting salt solutions, so it behaves as a parallel-plate capacitor. Moving
a minute fraction of the cell's ions across it sets up the whole resting
potential and a field of millions of volts per metre.
"""

import numpy as np

from widgets import validation as check
from widgets.constants import AVOGADRO, ELEMENTARY_CHARGE, VACUUM_PERMITTIVITY

# F/m^2, 1 uF/cm^2: the textbook specific capacitance of biological membranes (Hille 2001,
# ch. 1); Gentet, Stuart & Clements (2000, Biophys J 79:314) measured about 0.9 uF/cm^2
# in three classes of neurons.
MEMBRANE_CAPACITANCE = 1e-2
# dimensionless: a hydrocarbon's relative permittivity, the value Parsegian (1969, Nature
# 221:844) used for the interior of a lipid bilayer.
HYDROCARBON_PERMITTIVITY_RELATIVE = 2.0
# m, about 1.77 nm: the thickness of a hydrocarbon slab whose capacitance is
# MEMBRANE_CAPACITANCE (d = eps_r eps0 / C), the membrane of the one-slab models.
MEMBRANE_EQUIVALENT_THICKNESS = (
    HYDROCARBON_PERMITTIVITY_RELATIVE * VACUUM_PERMITTIVITY / MEMBRANE_CAPACITANCE
)


def specific_capacitance(eps_r, thickness):
    """Return the capacitance per area of a parallel-plate dielectric slab.

    Parameters
    ----------
    eps_r : float or array_like
        Relative permittivity of the slab (dimensionless); positive.
    thickness : float or array_like
        Slab thickness in m; positive.

    Returns
    -------
    float or numpy.ndarray
        Specific capacitance in F/m^2 (1 uF/cm^2 = 1e-2 F/m^2).

    Raises
    ------
    ValueError
        If ``eps_r`` or ``thickness`` is not positive and finite.

    Notes
    -----
    .. math:: C = \\frac{\\varepsilon_r \\varepsilon_0}{d}

    A 5 nm slab with the permittivity of a hydrocarbon (2) gives only
    0.35 uF/cm^2, well below the measured 0.9-1 uF/cm^2 (Gentet et al. 2000);
    see :func:`series_capacitance` for why.

    Examples
    --------
    >>> round(specific_capacitance(2.0, 5e-9) * 1e2, 3)  # uF/cm^2
    0.354
    """
    eps_r = check.positive("eps_r", eps_r)
    thickness = check.positive("thickness", thickness)
    return check.scalar_or_array(eps_r * VACUUM_PERMITTIVITY / thickness)


def membrane_charge(v, area, c_specific=MEMBRANE_CAPACITANCE):
    """Return the charge on the inner face of a membrane held at potential ``v``.

    Parameters
    ----------
    v : float or array_like
        Membrane potential phi_in - phi_out in V.
    area : float or array_like
        Membrane area in m^2; positive.
    c_specific : float or array_like, optional
        Specific capacitance in F/m^2 (default 1e-2 F/m^2 = 1 uF/cm^2).

    Returns
    -------
    float or numpy.ndarray
        Charge on the inner face in C, signed: negative when the inside is
        negative. The outer face carries the opposite charge.

    Raises
    ------
    ValueError
        If ``v`` is not finite or ``area`` or ``c_specific`` is not positive.

    Notes
    -----
    .. math:: Q_\\mathrm{in} = C_m A V

    Examples
    --------
    >>> f"{membrane_charge(-0.070, 1e-9):.2e}"  # C, 1000 um^2 at -70 mV
    '-7.00e-13'
    """
    v = check.finite("v", v)
    area = check.positive("area", area)
    c_specific = check.positive("c_specific", c_specific)
    return check.scalar_or_array(c_specific * area * v)


def ions_to_charge(v, area, z=1, c_specific=MEMBRANE_CAPACITANCE):
    """Return how many ions must cross a membrane to charge it to ``v``.

    Parameters
    ----------
    v : float or array_like
        Membrane potential phi_in - phi_out in V.
    area : float or array_like
        Membrane area in m^2; positive.
    z : int or array_like, optional
        Valence of the ion that carries the charge (default 1); non-zero.
    c_specific : float or array_like, optional
        Specific capacitance in F/m^2 (default 1e-2 F/m^2).

    Returns
    -------
    float or numpy.ndarray
        Number of ions (dimensionless, non-negative).

    Raises
    ------
    ValueError
        If ``v`` is not finite, ``area`` or ``c_specific`` is not positive, or ``z`` is zero.

    Notes
    -----
    .. math:: N = \\frac{|C_m A V|}{|z| e}

    Examples
    --------
    >>> round(ions_to_charge(-0.070, sphere_area(10e-6)) / 1e6, 2)  # millions, 10 um radius
    5.49
    """
    charge = membrane_charge(v, area, c_specific)
    z = check.nonzero("z", z)
    return check.scalar_or_array(np.abs(charge) / (np.abs(z) * ELEMENTARY_CHARGE))


def sphere_area(radius):
    """Return the surface area of a sphere.

    Parameters
    ----------
    radius : float or array_like
        Radius in m; positive.

    Returns
    -------
    float or numpy.ndarray
        Area in m^2, :math:`4 \\pi r^2`.

    Raises
    ------
    ValueError
        If ``radius`` is not positive and finite.

    Examples
    --------
    >>> round(sphere_area(10e-6) * 1e12)  # um^2
    1257
    """
    radius = check.positive("radius", radius)
    return check.scalar_or_array(4.0 * np.pi * radius**2)


def sphere_volume(radius):
    """Return the volume of a sphere.

    Parameters
    ----------
    radius : float or array_like
        Radius in m; positive.

    Returns
    -------
    float or numpy.ndarray
        Volume in m^3, :math:`\\frac{4}{3} \\pi r^3` (1 um^3 = 1e-18 m^3 = 1 fL).

    Raises
    ------
    ValueError
        If ``radius`` is not positive and finite.

    Examples
    --------
    >>> round(sphere_volume(10e-6) * 1e18)  # um^3
    4189
    """
    radius = check.positive("radius", radius)
    return check.scalar_or_array(4.0 / 3.0 * np.pi * radius**3)


def charged_ion_fraction(v, radius, c_in, z=1, c_specific=MEMBRANE_CAPACITANCE):
    """Return the fraction of a spherical cell's ions that must cross to charge its membrane.

    Parameters
    ----------
    v : float or array_like
        Membrane potential phi_in - phi_out in V.
    radius : float or array_like
        Cell radius in m; positive.
    c_in : float or array_like
        Intracellular concentration of the ion that carries the charge, in mol/m^3 (= mM);
        positive.
    z : int or array_like, optional
        Valence of that ion (default 1); non-zero.
    c_specific : float or array_like, optional
        Specific capacitance in F/m^2 (default 1e-2 F/m^2).

    Returns
    -------
    float or numpy.ndarray
        Ions moved divided by the ions of that species inside (dimensionless).

    Raises
    ------
    ValueError
        If an argument is out of range (see :func:`ions_to_charge`) or ``c_in`` is not positive.

    Notes
    -----
    The charge grows with the area and the ion content with the volume, so

    .. math::
        \\frac{N_\\mathrm{moved}}{N_\\mathrm{inside}}
        = \\frac{C_m\\, 4\\pi r^2 |V| / (|z| e)}{c_\\mathrm{in}\\, \\tfrac{4}{3}\\pi r^3 N_A}
        = \\frac{3 C_m |V|}{|z| F c_\\mathrm{in} r},

    which falls as the cell grows.

    Examples
    --------
    >>> f"{charged_ion_fraction(-0.070, 10e-6, 140.0):.2e}"  # K+ in a 10 um-radius cell
    '1.55e-05'
    """
    moved = ions_to_charge(v, sphere_area(radius), z, c_specific)
    c_in = check.positive("c_in", c_in)
    inside = c_in * sphere_volume(radius) * AVOGADRO
    return check.scalar_or_array(moved / inside)


def membrane_field(v, thickness):
    """Return the magnitude of the electric field inside a uniform membrane.

    Parameters
    ----------
    v : float or array_like
        Voltage across the membrane (or across one layer of it) in V.
    thickness : float or array_like
        Thickness across which ``v`` drops, in m; positive.

    Returns
    -------
    float or numpy.ndarray
        Field strength in V/m (non-negative).

    Raises
    ------
    ValueError
        If ``v`` is not finite or ``thickness`` is not positive.

    Notes
    -----
    .. math:: |E| = \\frac{|V|}{d}

    Examples
    --------
    >>> f"{membrane_field(-0.070, 5e-9):.1e}"  # 14 million V/m
    '1.4e+07'
    """
    v = check.finite("v", v)
    thickness = check.positive("thickness", thickness)
    return check.scalar_or_array(np.abs(v) / thickness)


def charging_time_constant(c_specific, g_specific):
    """Return the time constant with which a membrane patch charges through its conductance.

    Parameters
    ----------
    c_specific : float or array_like
        Specific capacitance in F/m^2; positive.
    g_specific : float or array_like
        Specific membrane conductance in S/m^2; positive (1/R_m, with R_m in Ohm m^2).

    Returns
    -------
    float or numpy.ndarray
        Time constant in s.

    Raises
    ------
    ValueError
        If either argument is not positive and finite.

    Notes
    -----
    .. math:: \\tau_m = \\frac{C_m}{g_m} = R_m C_m

    The area cancels, so the time constant is a property of the membrane, not of
    the cell's size (Hille 2001, ch. 1).

    Examples
    --------
    >>> round(charging_time_constant(1e-2, 1.0) * 1e3, 3)  # ms, R_m = 1 Ohm m^2
    10.0
    """
    c_specific = check.positive("c_specific", c_specific)
    g_specific = check.positive("g_specific", g_specific)
    return check.scalar_or_array(c_specific / g_specific)


def _layers(eps_r, thickness):
    """Validate per-layer permittivities and thicknesses; return d_i / eps_i in m."""
    eps_r, thickness = check.per_ion(
        eps_r=check.positive("eps_r", eps_r), thickness=check.positive("thickness", thickness)
    )
    return thickness / eps_r


def series_capacitance(eps_r, thickness):
    """Return the specific capacitance of dielectric layers stacked in series.

    Parameters
    ----------
    eps_r : sequence of float
        Relative permittivity of each layer (dimensionless); positive.
    thickness : sequence of float
        Thickness of each layer in m; positive, one per entry of ``eps_r``.

    Returns
    -------
    float
        Specific capacitance in F/m^2.

    Raises
    ------
    ValueError
        If the sequences differ in length or an entry is not positive and finite.

    Notes
    -----
    In series the same charge density sits on every interface, so the
    reciprocal capacitances add:

    .. math:: \\frac{1}{C} = \\sum_i \\frac{d_i}{\\varepsilon_i \\varepsilon_0}

    Treating a whole 5 nm bilayer as hydrocarbon (eps 2) gives 0.35 uF/cm^2,
    far below the measured ~0.9 uF/cm^2 (Gentet et al. 2000). Only the
    hydrocarbon core, roughly half the bilayer, has so low a permittivity;
    the polar head groups are far more polarisable and add little
    :math:`d/\\varepsilon`. An illustrative bilayer of a 3 nm core (eps 2)
    between two 1 nm head-group layers (eps 20) gives about 0.55 uF/cm^2; a
    2.5 nm core alone 0.71 uF/cm^2. Layers in series can only lower C, so
    the measured value needs :math:`\\sum d_i/\\varepsilon_i \\approx 1` nm, a
    thinner or more polarisable core than these round numbers (the layer
    values here are illustrative, not measured).

    Examples
    --------
    >>> round(series_capacitance([20.0, 2.0, 20.0], [1e-9, 3e-9, 1e-9]) * 1e2, 3)  # uF/cm^2
    0.553
    """
    return float(VACUUM_PERMITTIVITY / np.sum(_layers(eps_r, thickness)))


def series_layer_voltages(v, eps_r, thickness):
    """Return the voltage across each of several dielectric layers stacked in series.

    Parameters
    ----------
    v : float
        Voltage across the whole stack in V.
    eps_r : sequence of float
        Relative permittivity of each layer (dimensionless); positive.
    thickness : sequence of float
        Thickness of each layer in m; positive, one per entry of ``eps_r``.

    Returns
    -------
    numpy.ndarray
        Voltage across each layer in V, in the order given; they sum to ``v``.

    Raises
    ------
    ValueError
        If ``v`` is not a finite number, the sequences differ in length, or an
        entry is not positive and finite.

    Notes
    -----
    The displacement :math:`D = \\varepsilon_i \\varepsilon_0 E_i` is the same in
    every layer (no free charge between them), so each layer's field is
    :math:`D/\\varepsilon_i\\varepsilon_0` and its voltage

    .. math:: V_i = V \\frac{d_i/\\varepsilon_i}{\\sum_j d_j/\\varepsilon_j}.

    The low-permittivity hydrocarbon core therefore carries almost all of the
    drop (see :func:`series_capacitance` for the illustrative layer values).

    Examples
    --------
    >>> np.round(series_layer_voltages(-0.070, [20.0, 2.0, 20.0], [1e-9, 3e-9, 1e-9]) * 1e3, 2)
    array([ -2.19, -65.62,  -2.19])
    """
    v = check.finite("v", v)
    if v.ndim != 0:
        raise ValueError(f"v must be a single voltage for the whole stack; got {v!r}")
    d_over_eps = _layers(eps_r, thickness)
    return float(v) * d_over_eps / np.sum(d_over_eps)
