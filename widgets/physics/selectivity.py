"""Why a K+ channel passes K+ but not the smaller Na+: a snug-fit teaching model.

An ion entering the selectivity filter sheds its water and is coordinated
instead by eight carbonyl oxygens lining a cavity of fixed size (Doyle et al.
1998). The transfer free energy is the site energy minus the hydration free
energy. Na+ holds its water more tightly than K+ (Marcus 1991), so unless the
site grips Na+ much harder than K+, Na+ pays more to enter.

What is cited and what is illustrative:

* cited: hydration free energies of Li+, Na+, K+, Rb+ and Cs+ (Marcus 1991);
  Pauling's ionic radii of those ions and of O2- (Pauling 1960); eight oxygen
  ligands per site (Doyle et al. 1998; Noskov et al. 2004);
* illustrative: the ion-oxygen pair energy, an ion-dipole attraction
  :math:`-a/d^2` plus a steep :math:`d^{-12}` repulsion whose minimum lies at
  contact, :math:`d = r_\\mathrm{ion} + r_O`; the ligand strength ``a``, chosen
  so that a K+-sized site binds K+ exactly as strongly as water does (the
  filter "mimics" K+'s hydration shell); the site is rigid.

The hydration curve is fitted to Na+ and K+ only; it reproduces Marcus's values
for Li+, Rb+ and Cs+ within 8 kJ/mol, a check that it holds across the series.

The model gives a K+ site that prefers K+ by about 6 kcal/mol, the size found in
free-energy simulations of KcsA (Noskov et al. 2004), and a smaller site that
prefers Na+. A rigid site exaggerates the effect of size; Noskov et al. showed
that the real filter is flexible and that the carbonyls' electrostatics matter.
"""

import numpy as np
from scipy import constants as _si

from widgets import validation as check
from widgets.constants import BODY_TEMPERATURE, GAS_CONSTANT

ANGSTROM = 1e-10  # m
KCAL = _si.calorie * 1e3  # J per kcal (thermochemical calorie, exact)

# The alkali-metal cations, smallest first: Pauling's (1960) crystal radii in m ...
IONIC_RADIUS = {
    "Li": 0.60 * ANGSTROM,
    "Na": 0.95 * ANGSTROM,
    "K": 1.33 * ANGSTROM,
    "Rb": 1.48 * ANGSTROM,
    "Cs": 1.69 * ANGSTROM,
}
OXYGEN_RADIUS = 1.40 * ANGSTROM  # m, Pauling (1960) radius of O2-, for the carbonyl oxygen
# ... and Marcus's (1991) hydration free energies in J/mol at 25 degC. The model's hydration
# curve passes through the Na+ and K+ values; the others check it.
HYDRATION_FREE_ENERGY = {"Li": -475e3, "Na": -365e3, "K": -295e3, "Rb": -275e3, "Cs": -250e3}
N_LIGANDS = 8  # carbonyl oxygens around each site of the KcsA filter (doyle1998, noskov2004)
_REPULSION_POWER = 12  # illustrative steepness of the ion-oxygen repulsion

# A site whose ion-oxygen distance is the contact distance of K+ (or of Na+).
K_SITE_RADIUS = IONIC_RADIUS["K"] + OXYGEN_RADIUS  # m
NA_SITE_RADIUS = IONIC_RADIUS["Na"] + OXYGEN_RADIUS  # m


def _fit_hydration():
    """Return (C, shift) of dG = -C / (r + shift) through Marcus's Na+ and K+ values."""
    (r_na, g_na), (r_k, g_k) = ((IONIC_RADIUS[i], HYDRATION_FREE_ENERGY[i]) for i in ("Na", "K"))
    shift = (g_k * r_k - g_na * r_na) / (g_na - g_k)
    return -g_na * (r_na + shift), shift


_HYDRATION_C, _HYDRATION_SHIFT = _fit_hydration()


def hydration_free_energy(radius):
    """Return the hydration free energy of a monovalent cation of a given radius.

    Parameters
    ----------
    radius : float or array_like
        Ionic (crystal) radius in m; positive.

    Returns
    -------
    float or numpy.ndarray
        Free energy of moving the ion from vacuum into water, in J/mol (negative).

    Raises
    ------
    ValueError
        If ``radius`` is not positive and finite.

    Notes
    -----
    The Born energy of a charge in a dielectric, with an effective radius larger
    than the crystal radius (Latimer, Pitzer and Slansky 1939), has the form

    .. math:: \\Delta G_\\mathrm{hyd}(r) = -\\frac{C}{r + \\delta}

    Here C and :math:`\\delta` are fixed so that the curve passes exactly through
    Marcus's (1991) values for Na+ (-365 kJ/mol) and K+ (-295 kJ/mol) at Pauling's
    radii: :math:`\\delta \\approx 0.65` angstrom and C is 0.85 of the Born value
    :math:`N_A e^2 (1 - 1/\\varepsilon_w)/(8 \\pi \\varepsilon_0)`. Between
    and near those ions it interpolates; far from them it is only indicative.

    Examples
    --------
    >>> round(hydration_free_energy(IONIC_RADIUS["K"]) / 1e3, 6)
    -295.0
    """
    radius = check.positive("radius", radius)
    return check.scalar_or_array(-_HYDRATION_C / (radius + _HYDRATION_SHIFT))


def _pair_energy_scaled(radius, site_radius):
    """Return the ion-oxygen pair energy in units of a / site_radius^2."""
    contact = (radius + OXYGEN_RADIUS) / site_radius
    return -(1.0 - 2.0 / _REPULSION_POWER * contact ** (_REPULSION_POWER - 2))


# Ligand strength a (J m^2/mol): a K+-sized site binds K+ as strongly as water does.
_LIGAND_STRENGTH = (
    HYDRATION_FREE_ENERGY["K"]
    * K_SITE_RADIUS**2
    / (N_LIGANDS * _pair_energy_scaled(IONIC_RADIUS["K"], K_SITE_RADIUS))
)


def site_free_energy(radius, site_radius, n_ligands=N_LIGANDS):
    """Return the energy of a monovalent cation coordinated in a rigid filter site.

    Parameters
    ----------
    radius : float or array_like
        Ionic radius in m; positive.
    site_radius : float or array_like
        Distance from the site's centre to the centres of its oxygens, in m; positive.
    n_ligands : int, optional
        Number of coordinating oxygens (default 8).

    Returns
    -------
    float or numpy.ndarray
        Free energy of moving the ion from vacuum into the site, in J/mol.

    Raises
    ------
    ValueError
        If a radius is not positive and finite, or ``n_ligands`` is not a positive
        integer.

    Notes
    -----
    Each oxygen attracts the ion as a dipole pointing at it and repels it sharply
    once their shells touch, at :math:`\\sigma = r_\\mathrm{ion} + r_O`:

    .. math::
        G_\\mathrm{site} = -N \\frac{a}{d^2}
            \\left[1 - \\frac{2}{12}\\left(\\frac{\\sigma}{d}\\right)^{10}\\right]

    which, for a given ion, is lowest when the site fits it (:math:`d = \\sigma`).
    An ion smaller than the cavity rattles in it, too far from the oxygens; a
    larger one is squeezed. The functional form and ``a`` are illustrative (module
    notes).

    Examples
    --------
    >>> round(site_free_energy(IONIC_RADIUS["K"], K_SITE_RADIUS) / 1e3, 6)
    -295.0
    """
    radius = check.positive("radius", radius)
    site_radius = check.positive("site_radius", site_radius)
    n_ligands = check.integer("n_ligands", n_ligands, minimum=1)
    energy = (
        n_ligands * _LIGAND_STRENGTH / site_radius**2 * _pair_energy_scaled(radius, site_radius)
    )
    return check.scalar_or_array(energy)


def transfer_free_energy(radius, site_radius, n_ligands=N_LIGANDS):
    """Return the free energy of moving a monovalent cation from water into a filter site.

    Parameters
    ----------
    radius : float or array_like
        Ionic radius in m; positive.
    site_radius : float or array_like
        Centre-to-oxygen distance of the site in m; positive.
    n_ligands : int, optional
        Number of coordinating oxygens (default 8).

    Returns
    -------
    float or numpy.ndarray
        Transfer free energy in J/mol; negative means the ion prefers the site.

    Raises
    ------
    ValueError
        As :func:`site_free_energy`.

    Notes
    -----
    .. math:: \\Delta G_\\mathrm{tr} = G_\\mathrm{site}(r, d) - \\Delta G_\\mathrm{hyd}(r)

    (see :func:`site_free_energy` and :func:`hydration_free_energy`).

    Examples
    --------
    >>> round(transfer_free_energy(IONIC_RADIUS["Na"], K_SITE_RADIUS) / KCAL, 2)  # kcal/mol
    5.78
    """
    return check.scalar_or_array(
        site_free_energy(radius, site_radius, n_ligands) - hydration_free_energy(radius)
    )


def selectivity_free_energy(site_radius, ion="K", over="Na", n_ligands=N_LIGANDS):
    """Return how much more favourable a filter site is for one ion than another.

    Parameters
    ----------
    site_radius : float or array_like
        Centre-to-oxygen distance of the site in m; positive.
    ion, over : str, optional
        Keys of ``IONIC_RADIUS`` (defaults ``"K"`` and ``"Na"``).
    n_ligands : int, optional
        Number of coordinating oxygens (default 8).

    Returns
    -------
    float or numpy.ndarray
        :math:`\\Delta\\Delta G` in J/mol; positive means the site selects ``ion``.

    Raises
    ------
    ValueError
        If an ion key is unknown, or as :func:`site_free_energy`.

    Notes
    -----
    .. math:: \\Delta\\Delta G = \\Delta G_\\mathrm{tr}(\\mathrm{over})
        - \\Delta G_\\mathrm{tr}(\\mathrm{ion})

    At equilibrium the site then holds ``ion`` over ``over`` (at equal bath
    concentrations) by the factor :math:`e^{\\Delta\\Delta G/RT}`.

    Examples
    --------
    >>> round(selectivity_free_energy(K_SITE_RADIUS) / KCAL, 2)  # kcal/mol
    5.78
    >>> bool(selectivity_free_energy(NA_SITE_RADIUS) < 0)
    True
    """
    for name, key in (("ion", ion), ("over", over)):
        if key not in IONIC_RADIUS:
            raise ValueError(f"{name} must be one of {sorted(IONIC_RADIUS)}; got {key!r}")
    return check.scalar_or_array(
        transfer_free_energy(IONIC_RADIUS[over], site_radius, n_ligands)
        - transfer_free_energy(IONIC_RADIUS[ion], site_radius, n_ligands)
    )


def selectivity_ratio(delta_delta_g, T=BODY_TEMPERATURE):
    """Return the Boltzmann factor by which a site prefers one ion to another.

    Parameters
    ----------
    delta_delta_g : float or array_like
        Free-energy preference in J/mol (positive: the first ion is preferred), as
        returned by :func:`selectivity_free_energy`.
    T : float, optional
        Absolute temperature in K (default 310.15 K).

    Returns
    -------
    float or numpy.ndarray
        The ratio of occupancies at equal bath concentrations (dimensionless, > 0).

    Raises
    ------
    ValueError
        If ``delta_delta_g`` is not finite or ``T`` is not above 0 K.

    Notes
    -----
    At equilibrium each ion occupies the site in proportion to
    :math:`e^{-\\Delta G_\\mathrm{tr}/RT}`, so

    .. math:: \\frac{p_\\mathrm{ion}}{p_\\mathrm{over}} = e^{\\Delta\\Delta G / RT}

    (the Boltzmann distribution). This is a binding preference; a permeability
    ratio measured from reversal potentials also depends on the barriers
    between sites.

    Examples
    --------
    >>> round(selectivity_ratio(selectivity_free_energy(K_SITE_RADIUS)), -2)
    11800.0
    >>> selectivity_ratio(0.0)
    1.0
    """
    delta_delta_g = check.finite("delta_delta_g", delta_delta_g)
    T = check.temperature(T)
    return check.scalar_or_array(np.exp(delta_delta_g / (GAS_CONSTANT * T)))
