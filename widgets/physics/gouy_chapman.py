"""Exact Gouy-Chapman layers on both faces of a membrane, matched through its capacitance.

In a 1:1 salt the Poisson-Boltzmann equation of a plane diffuse layer has a
closed-form solution (the Gouy-Chapman profile), and the layer's charge follows
from its surface potential (the Grahame equation). Across a membrane the two
layers and the membrane between them are tied together by Gauss's law at each
face, which leaves one equation in one unknown, the charge on the membrane's
capacitor. It is solved in microseconds, where the grid solver
:func:`~widgets.physics.poisson_boltzmann.solve_membrane_pb` takes a millisecond,
and the potential is then known in closed form at any position: this is what an
explorer redraws at every slider step.
"""

from dataclasses import dataclass

import numpy as np
from scipy.optimize import brentq

from widgets import validation as check
from widgets.constants import BODY_TEMPERATURE, VACUUM_PERMITTIVITY
from widgets.physics.electrostatics import (
    HYDROCARBON_PERMITTIVITY_RELATIVE,
    MEMBRANE_EQUIVALENT_THICKNESS,
)
from widgets.physics.nernst import thermal_voltage
from widgets.physics.screening import (
    WATER_PERMITTIVITY_RELATIVE,
    debye_length,
    gouy_chapman_potential,
)

# Relative tolerance on the membrane's charge: far below anything drawn or printed.
_RTOL = 1e-13


@dataclass(frozen=True)
class GouyChapmanMembrane:
    """Solution of :func:`membrane_gouy_chapman`: a membrane between two diffuse layers.

    Positions ``x`` are in m, increasing from the bath to the cytosol, with the
    membrane centred on 0 (as in :class:`~widgets.physics.MembraneProfile`).

    Attributes
    ----------
    v : float
        Membrane potential phi_in - phi_out between the two bulks, in V.
    c_salt_out, c_salt_in : float
        Bulk 1:1 salt concentrations of bath and cytosol in mol/m^3 (= mM).
    sigma_out, sigma_in : float
        Fixed charge per area of the outer and inner faces in C/m^2.
    thickness : float
        Membrane thickness in m.
    eps_water : float
        Relative permittivity of both solutions (dimensionless).
    T : float
        Absolute temperature in K.
    surface_potential_out : float
        Potential of the outer face relative to the bulk bath, in V.
    surface_potential_in : float
        Potential of the inner face relative to the bulk cytosol, in V.
    membrane_charge : float
        Charge per area on the membrane's capacitor, :math:`C_m` times the voltage
        across the membrane itself, in C/m^2 (negative when the inner face is
        the lower).
    debye_length_out, debye_length_in : float
        Debye lengths of bath and cytosol in m.
    """

    v: float
    c_salt_out: float
    c_salt_in: float
    sigma_out: float
    sigma_in: float
    thickness: float
    eps_water: float
    T: float
    surface_potential_out: float
    surface_potential_in: float
    membrane_charge: float
    debye_length_out: float
    debye_length_in: float

    @property
    def membrane_voltage(self):
        """Voltage across the membrane itself, phi(inner face) - phi(outer face), in V."""
        return self.v + self.surface_potential_in - self.surface_potential_out

    @property
    def charge_out(self):
        """Net ionic charge per area of the bath's diffuse layer, in C/m^2."""
        return -(self.sigma_out + self.membrane_charge)

    @property
    def charge_in(self):
        """Net ionic charge per area of the cytosol's diffuse layer, in C/m^2."""
        return self.membrane_charge - self.sigma_in

    def potential(self, x):
        """Return the electric potential at positions ``x``.

        Parameters
        ----------
        x : float or array_like
            Positions in m (membrane centred on 0, bath at negative ``x``).

        Returns
        -------
        float or numpy.ndarray
            Potential in V: 0 in the bulk bath, ``v`` in the bulk cytosol, linear
            inside the membrane.

        Raises
        ------
        ValueError
            If ``x`` is not finite.
        """
        return self.profile(x)[0]

    def profile(self, x):
        """Return the potential and the salt's ion concentrations at positions ``x``.

        Parameters
        ----------
        x : float or array_like
            Positions in m (membrane centred on 0, bath at negative ``x``).

        Returns
        -------
        tuple of float or numpy.ndarray
            (potential in V, cation and anion concentrations in mol/m^3). Each
            concentration is its own side's bulk value times the Boltzmann factor
            of the potential relative to that bulk; both are 0 inside the
            membrane, which holds no ions.

        Raises
        ------
        ValueError
            If ``x`` is not finite.
        """
        phi, bath, cytosol = self._regions(x)
        excess = np.where(cytosol, phi - self.v, phi) / thermal_voltage(self.T)
        bulk = np.where(bath, self.c_salt_out, np.where(cytosol, self.c_salt_in, 0.0))
        shape = np.shape(x)
        return tuple(
            check.scalar_or_array(values.reshape(shape))
            for values in (phi, bulk * np.exp(-excess), bulk * np.exp(excess))
        )

    def _regions(self, x):
        """Return the potential at ``x`` (flattened) and the masks of bath and cytosol."""
        x = check.finite("x", x).ravel()
        outer, inner = -0.5 * self.thickness, 0.5 * self.thickness
        bath, cytosol = x <= outer, x >= inner
        phi = self.surface_potential_out + (x - outer) / self.thickness * self.membrane_voltage
        phi[bath] = gouy_chapman_potential(
            outer - x[bath], self.surface_potential_out, self.c_salt_out, self.T, self.eps_water
        )
        phi[cytosol] = self.v + gouy_chapman_potential(
            x[cytosol] - inner, self.surface_potential_in, self.c_salt_in, self.T, self.eps_water
        )
        return phi, bath, cytosol


def membrane_gouy_chapman(
    v,
    c_salt_out,
    c_salt_in,
    sigma_out=0.0,
    sigma_in=0.0,
    thickness=MEMBRANE_EQUIVALENT_THICKNESS,
    eps_membrane=HYDROCARBON_PERMITTIVITY_RELATIVE,
    eps_water=WATER_PERMITTIVITY_RELATIVE,
    T=BODY_TEMPERATURE,
):
    """Solve bath | membrane | cytosol exactly, with a Gouy-Chapman layer on each face.

    Parameters
    ----------
    v : float
        Membrane potential phi_in - phi_out between the two bulks, in V.
    c_salt_out, c_salt_in : float
        Concentrations of a 1:1 salt in the bath and the cytosol in mol/m^3 (= mM);
        positive.
    sigma_out, sigma_in : float, optional
        Fixed charge per area of the outer and inner faces (lipid head groups) in
        C/m^2 (default 0); 1 e/nm^2 is 0.160 C/m^2.
    thickness : float, optional
        Membrane thickness in m (default 1.77 nm, the hydrocarbon slab with
        1 uF/cm^2).
    eps_membrane : float, optional
        Relative permittivity of the membrane (default 2, hydrocarbon).
    eps_water : float, optional
        Relative permittivity of both solutions (default 74.15, water at 37 degC).
    T : float, optional
        Absolute temperature in K (default 310.15 K).

    Returns
    -------
    GouyChapmanMembrane
        Surface potentials, charges per area and the profiles as functions of x.

    Raises
    ------
    ValueError
        If ``v`` or a surface charge is not a single finite number, a
        concentration, thickness or permittivity is not positive, or ``T`` is not
        above 0 K.

    Notes
    -----
    Each diffuse layer is a semi-infinite Gouy-Chapman layer (Gouy 1910;
    Chapman 1913; McLaughlin 1989) whose surface potential :math:`\\psi` and
    charge obey the Grahame equation,
    :math:`S(\\psi) = 2 C_0 V_T \\sinh(\\psi / 2V_T)` with :math:`C_0 =
    \\varepsilon_w/\\lambda_D` and :math:`V_T = RT/F`. With :math:`q` the charge
    per area on the membrane's capacitance :math:`C_m = \\varepsilon_m/d`,
    Gauss's law at the two faces gives

    .. math::
        S(\\psi_\\mathrm{out}) = \\sigma_\\mathrm{out} + q, \\qquad
        S(\\psi_\\mathrm{in}) = \\sigma_\\mathrm{in} - q, \\qquad
        q = C_m (V + \\psi_\\mathrm{in} - \\psi_\\mathrm{out}),

    one increasing equation in :math:`q`, bracketed from the linear (series
    capacitor) estimate and solved by Brent's method. The bath's layer then
    carries :math:`-(\\sigma_\\mathrm{out} + q)` and the cytosol's
    :math:`q - \\sigma_\\mathrm{in}`. This is the continuous problem that
    :func:`~widgets.physics.poisson_boltzmann.solve_membrane_pb` discretises.

    Examples
    --------
    >>> m = membrane_gouy_chapman(-0.070, 150.0, 150.0)
    >>> round(m.membrane_voltage / m.v, 4)  # share of the voltage across the membrane
    0.9768
    >>> round(m.surface_potential_in * 1e3, 2)  # mV, inner face above the cytosol
    0.81
    """
    v = check.scalar("v", v)
    sigma_out = check.scalar("sigma_out", sigma_out)
    sigma_in = check.scalar("sigma_in", sigma_in)
    c_out = float(check.positive("c_salt_out", c_salt_out))
    c_in = float(check.positive("c_salt_in", c_salt_in))
    thickness = float(check.positive("thickness", thickness))
    eps_membrane = float(check.positive("eps_membrane", eps_membrane))
    eps_water = float(check.positive("eps_water", eps_water))
    T = check.scalar("T", check.temperature(T))
    v_t = float(thermal_voltage(T))
    lambda_out = float(debye_length(c_out, T, eps_water))
    lambda_in = float(debye_length(c_in, T, eps_water))
    c_m = eps_membrane * VACUUM_PERMITTIVITY / thickness
    plate_out = eps_water * VACUUM_PERMITTIVITY / lambda_out  # C_0 of each layer, F/m^2
    plate_in = eps_water * VACUUM_PERMITTIVITY / lambda_in

    def psi_out(q):
        return 2.0 * v_t * np.arcsinh((sigma_out + q) / (2.0 * plate_out * v_t))

    def psi_in(q):
        return 2.0 * v_t * np.arcsinh((sigma_in - q) / (2.0 * plate_in * v_t))

    def mismatch(q):
        return q - c_m * (v + psi_in(q) - psi_out(q))

    q = _root(mismatch, _linear_charge(v, sigma_out, sigma_in, c_m, plate_out, plate_in))
    return GouyChapmanMembrane(
        v=v,
        c_salt_out=c_out,
        c_salt_in=c_in,
        sigma_out=sigma_out,
        sigma_in=sigma_in,
        thickness=thickness,
        eps_water=eps_water,
        T=T,
        surface_potential_out=float(psi_out(q)),
        surface_potential_in=float(psi_in(q)),
        membrane_charge=q,
        debye_length_out=lambda_out,
        debye_length_in=lambda_in,
    )


def _linear_charge(v, sigma_out, sigma_in, c_m, plate_out, plate_in):
    """Return q when both layers are linear capacitors (psi = S / C_0): the first guess."""
    drive = v + sigma_in / plate_in - sigma_out / plate_out
    return c_m * drive / (1.0 + c_m / plate_in + c_m / plate_out)


def _root(mismatch, guess):
    """Return the root of an increasing ``mismatch`` whose slope is at least 1.

    With a slope of at least 1 the root lies within ``|mismatch(guess)|`` of the
    guess, on the side the sign points to: that interval brackets it.
    """
    miss = mismatch(guess)
    if miss == 0.0:
        return float(guess)
    ends = sorted((guess, guess - miss))
    xtol = max(_RTOL * (abs(guess) + abs(miss)), np.finfo(float).tiny)
    return float(brentq(mismatch, *ends, xtol=xtol, rtol=4 * np.finfo(float).eps))
