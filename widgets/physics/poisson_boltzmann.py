"""A 1-D Poisson-Boltzmann model of bath | membrane | cytosol at a set membrane potential.

The model shows where the charge behind the resting potential sits: in two
diffuse layers a Debye length thick on either face of the membrane, while both
bulk solutions stay neutral and the membrane's low-permittivity core carries
almost all of the voltage.
"""

from dataclasses import dataclass

import numpy as np
from scipy.integrate import cumulative_trapezoid
from scipy.linalg import solve_banded

from widgets import validation as check
from widgets.constants import BODY_TEMPERATURE, FARADAY, VACUUM_PERMITTIVITY
from widgets.physics.electrostatics import (
    HYDROCARBON_PERMITTIVITY_RELATIVE,
    MEMBRANE_EQUIVALENT_THICKNESS,
)
from widgets.physics.nernst import thermal_voltage
from widgets.physics.screening import WATER_PERMITTIVITY_RELATIVE, debye_length

# Each far boundary sits this many Debye lengths (of its own side) from its face. The field
# still leaving there, a fraction 1/sinh(20) ~ 4e-9 of the charge, is what cutting loses.
_EXTENT_DEBYE_LENGTHS = 20.0
# Water spacing grows smoothly (exponential map) by a factor e^4 = 55 from face to far end,
# so the grid is fine where the potential bends and the scheme stays second order.
_GRID_STRETCH = 4.0
# Share of grid intervals inside the membrane, where the potential is exactly linear.
_MEMBRANE_SHARE = 0.05
_MIN_POINTS = 21
# Newton works in units of the thermal voltage RT/F. A step is scaled down to at most
# one thermal voltage so that the exponential Boltzmann terms cannot overshoot.
_MAX_STEP = 1.0
_TOLERANCE = 1e-12
_MAX_ITERATIONS = 100


@dataclass(frozen=True)
class MembraneProfile:
    """Solution of :func:`solve_membrane_pb`: potential and ions across bath, membrane, cytosol.

    Attributes
    ----------
    x : numpy.ndarray
        Position in m, increasing from the bath to the cytosol; the membrane is
        centred on 0.
    phi : numpy.ndarray
        Electric potential in V (0 in the bulk bath, ``v`` in the bulk cytosol).
    cation, anion : numpy.ndarray
        Concentrations of the salt's cation and anion in mol/m^3 (zero inside the
        membrane; at a face node, the value on the water side).
    charge_density : numpy.ndarray
        Net charge density of the mobile ions in C/m^3 (fixed surface charges
        excluded).
    v : float
        Imposed membrane potential phi_in - phi_out in V.
    outer_index, inner_index : int
        Indices of the outer (bath) and inner (cytosol) faces in ``x``.
    debye_length_out, debye_length_in : float
        Debye lengths of the bath and the cytosol in m.
    """

    x: np.ndarray
    phi: np.ndarray
    cation: np.ndarray
    anion: np.ndarray
    charge_density: np.ndarray
    v: float
    outer_index: int
    inner_index: int
    debye_length_out: float
    debye_length_in: float

    @property
    def membrane_voltage(self):
        """Voltage across the membrane itself, phi(inner face) - phi(outer face), in V."""
        return float(self.phi[self.inner_index] - self.phi[self.outer_index])

    @property
    def surface_potential_out(self):
        """Potential of the outer face relative to the bulk bath, in V."""
        return float(self.phi[self.outer_index])

    @property
    def surface_potential_in(self):
        """Potential of the inner face relative to the bulk cytosol, in V."""
        return float(self.phi[self.inner_index] - self.v)

    def _cumulative_charge(self, side):
        """Return distance from the face (m) and the charge per area within it (C/m^2).

        ``side`` is "out" (bath) or "in" (cytosol). The trapezoid rule over a water
        region is the scheme's own lumped charge, so the totals obey the discrete
        Gauss law exactly.
        """
        if side == "out":
            nodes = slice(self.outer_index, None, -1)
            distance = self.x[self.outer_index] - self.x[nodes]
        else:
            nodes = slice(self.inner_index, None)
            distance = self.x[nodes] - self.x[self.inner_index]
        return distance, cumulative_trapezoid(self.charge_density[nodes], distance, initial=0.0)

    def charge_within(self, distance):
        """Return the net charge per area within ``distance`` of each face.

        Parameters
        ----------
        distance : float
            Distance from the face into the water in m; non-negative.

        Returns
        -------
        tuple of float
            (bath side, cytosol side) in C/m^2.

        Raises
        ------
        ValueError
            If ``distance`` is negative or not finite.
        """
        distance = float(check.non_negative("distance", distance))
        return tuple(
            float(np.interp(distance, *self._cumulative_charge(side))) for side in ("out", "in")
        )

    @property
    def charge_out(self):
        """Net ionic charge per area in the bath, in C/m^2 (positive for a negative ``v``)."""
        return float(self._cumulative_charge("out")[1][-1])

    @property
    def charge_in(self):
        """Net ionic charge per area in the cytosol, in C/m^2 (same sign as ``v``)."""
        return float(self._cumulative_charge("in")[1][-1])

    def charge_fraction_beyond(self, n_debye):
        """Return the fraction of the separated charge lying in the bulk.

        Parameters
        ----------
        n_debye : float
            The bulk starts this many Debye lengths (of its own side) from each face;
            non-negative.

        Returns
        -------
        float
            Net charge farther than ``n_debye`` Debye lengths from the faces, both
            sides, over the total charge of both sides (dimensionless); 0 when no
            charge is separated (``v`` = 0). In the linear (Debye-Hueckel) regime it
            is :math:`e^{-n}`.

        Raises
        ------
        ValueError
            If ``n_debye`` is negative or not finite.
        """
        n_debye = float(check.non_negative("n_debye", n_debye))
        total_out, total_in = self.charge_out, self.charge_in
        near_out = self.charge_within(n_debye * self.debye_length_out)[0]
        near_in = self.charge_within(n_debye * self.debye_length_in)[1]
        total = abs(total_out) + abs(total_in)
        if total == 0.0:
            return 0.0
        return (abs(total_out - near_out) + abs(total_in - near_in)) / total


def _water_distances(extent, n_intervals):
    """Return distances from a face, 0 to ``extent`` in m, dense near the face."""
    t = np.linspace(0.0, 1.0, n_intervals + 1)
    return extent * np.expm1(_GRID_STRETCH * t) / np.expm1(_GRID_STRETCH)


def _grid(thickness, extent_out, extent_in, n_points):
    """Return node positions in m and the indices of the outer and inner faces."""
    n_membrane = max(2, round(_MEMBRANE_SHARE * n_points))
    n_bath = (n_points - 1 - n_membrane) // 2
    n_cytosol = n_points - 1 - n_membrane - n_bath
    outer, inner = -0.5 * thickness, 0.5 * thickness
    x = np.concatenate(
        [
            outer - _water_distances(extent_out, n_bath)[::-1],
            np.linspace(outer, inner, n_membrane + 1)[1:-1],
            inner + _water_distances(extent_in, n_cytosol),
        ]
    )
    return x, n_bath, n_bath + n_membrane


def _control_volumes(h, first, last):
    """Return each node's share (m) of the grid intervals ``first`` to ``last - 1``."""
    half = np.zeros(h.size)
    half[first:last] = 0.5 * h[first:last]
    volume = np.zeros(h.size + 1)
    volume[:-1] += half
    volume[1:] += half
    return volume


def _newton(u, coupling, salt_out, salt_in, u_v, fixed):
    """Solve the discrete Poisson-Boltzmann equations for the interior nodes of ``u``.

    ``u`` is the potential in thermal voltages with its two boundary values set;
    ``coupling`` is eps/h per interval (F/m^2); ``salt_out`` and ``salt_in`` are
    2 F c w / (RT/F) per node (F/m^2), w being the node's control volume on that side;
    ``fixed`` is the fixed surface charge per node over RT/F (F/m^2, non-zero at the
    faces). Each residual is Gauss's law for one control volume, in units of RT/F:
    displacement out minus displacement in equals the charge enclosed.
    """
    bands = np.zeros((3, u.size - 2))
    bands[0, 1:] = bands[2, :-1] = coupling[1:-1]  # d residual_i / d u_(i+1) and u_(i-1)
    for _ in range(_MAX_ITERATIONS):
        flux = coupling * np.diff(u)
        charge = fixed - (salt_out * np.sinh(u) + salt_in * np.sinh(u - u_v))
        d_charge = -(salt_out * np.cosh(u) + salt_in * np.cosh(u - u_v))
        residual = flux[1:] - flux[:-1] + charge[1:-1]
        bands[1] = d_charge[1:-1] - (coupling[1:] + coupling[:-1])
        step = solve_banded((1, 1), bands, -residual, check_finite=False)
        largest = np.max(np.abs(step))
        u[1:-1] += step * (_MAX_STEP / max(largest, _MAX_STEP))
        if largest < _TOLERANCE:
            return u
    raise RuntimeError(
        f"Poisson-Boltzmann Newton iteration did not converge in {_MAX_ITERATIONS} iterations"
    )


def solve_membrane_pb(
    v,
    c_salt_out,
    c_salt_in,
    thickness=MEMBRANE_EQUIVALENT_THICKNESS,
    eps_membrane=HYDROCARBON_PERMITTIVITY_RELATIVE,
    eps_water=WATER_PERMITTIVITY_RELATIVE,
    T=BODY_TEMPERATURE,
    extent=None,
    n_points=400,
    sigma_out=0.0,
    sigma_in=0.0,
):
    """Solve the Poisson-Boltzmann equation across bath, membrane and cytosol.

    Parameters
    ----------
    v : float
        Membrane potential phi_in - phi_out in V, imposed between the two bulks.
    c_salt_out, c_salt_in : float
        Concentrations of a 1:1 salt in the bath and the cytosol in mol/m^3 (= mM);
        positive.
    thickness : float, optional
        Membrane thickness in m (default 1.77 nm: the hydrocarbon slab with a
        capacitance of 1 uF/cm^2).
    eps_membrane : float, optional
        Relative permittivity of the membrane (default 2, hydrocarbon); the
        membrane holds no ions.
    eps_water : float, optional
        Relative permittivity of both solutions (default 74.15, water at 37 degC).
    T : float, optional
        Absolute temperature in K (default 310.15 K).
    extent : float or None, optional
        Width of each water region in m; default 20 Debye lengths of that side's
        own salt, so that a dilute bath does not coarsen the grid of the cytosol.
    n_points : int, optional
        Number of grid nodes (default 400); at least 21.
    sigma_out, sigma_in : float, optional
        Fixed charge per area of the outer and inner faces (the lipid head groups)
        in C/m^2 (default 0); 1 e/nm^2 is 0.160 C/m^2.

    Returns
    -------
    MembraneProfile
        Potential, ion concentrations and charge density on the grid, with the
        membrane voltage, surface potentials and charge per area of each side.

    Raises
    ------
    ValueError
        If ``v`` or a surface charge is not a finite number, a concentration,
        thickness, permittivity or ``extent`` is not positive, ``T`` is not above
        0 K, or ``n_points`` is not an integer of at least 21.
    RuntimeError
        If Newton's method fails to converge (not seen for any physical input).

    Notes
    -----
    Each water region holds a 1:1 salt in Boltzmann equilibrium with its own
    bulk, so each bulk is neutral; with :math:`u = F\\phi/RT`,

    .. math::
        \\frac{d}{dx}\\left(\\varepsilon(x) \\frac{d\\phi}{dx}\\right) =
        \\begin{cases}
          2 F c_\\mathrm{out} \\sinh u & \\text{bath} \\\\
          0 & \\text{membrane} \\\\
          2 F c_\\mathrm{in} \\sinh(u - FV/RT) & \\text{cytosol}
        \\end{cases}

    with :math:`\\phi = 0` far in the bath and :math:`\\phi = V` far in the
    cytosol; a fixed surface charge makes the displacement jump by
    :math:`\\sigma` at its face. The conservative finite-volume scheme places
    the membrane faces on grid nodes, so every interval lies in one material and
    the flux :math:`\\varepsilon (\\phi_{i+1}-\\phi_i)/h_i` uses that material's
    permittivity: the displacement is continuous across the faces exactly as
    with a harmonic-mean face permittivity, without averaging across a jump.
    The charge in each control volume is lumped at its node. The grid is
    smoothly stretched, finest at the faces, and the nonlinear system is
    solved by damped Newton iteration on its tridiagonal Jacobian. The scheme
    is second order: 400 nodes give the charge per area to a relative 1e-6 in
    physiological salt (2e-5 for a strongly nonlinear layer) in about a
    millisecond.

    The result is the Gouy-Chapman picture of a membrane (McLaughlin 1989):
    the membrane and the two diffuse layers are capacitors in series, so the
    charge per area is :math:`C V` with
    :math:`1/C = 1/C_m + 1/C_{d,\\mathrm{out}} + 1/C_{d,\\mathrm{in}}`.

    Examples
    --------
    >>> p = solve_membrane_pb(-0.070, 150.0, 150.0)
    >>> round(p.membrane_voltage / p.v, 3)  # share of the voltage across the membrane
    0.977
    >>> round(p.charge_in / p.v * 1e2, 3)  # charge per area per volt, uF/cm^2
    0.977
    """
    v = check.finite("v", v)
    if v.ndim != 0:
        raise ValueError(f"v must be a single membrane potential; got {v!r}")
    c_out = float(check.positive("c_salt_out", c_salt_out))
    c_in = float(check.positive("c_salt_in", c_salt_in))
    thickness = float(check.positive("thickness", thickness))
    eps_membrane = float(check.positive("eps_membrane", eps_membrane))
    eps_water = float(check.positive("eps_water", eps_water))
    n_points = check.integer("n_points", n_points, minimum=_MIN_POINTS)
    sigma_out = check.scalar("sigma_out", sigma_out)
    sigma_in = check.scalar("sigma_in", sigma_in)
    lambda_out = float(debye_length(c_out, T, eps_water))
    lambda_in = float(debye_length(c_in, T, eps_water))
    if extent is None:
        extent_out, extent_in = _EXTENT_DEBYE_LENGTHS * np.array([lambda_out, lambda_in])
    else:
        extent_out = extent_in = float(check.positive("extent", extent))

    x, outer, inner = _grid(thickness, extent_out, extent_in, n_points)
    h = np.diff(x)
    eps = np.full(h.size, eps_water)
    eps[outer:inner] = eps_membrane
    v_t = float(thermal_voltage(T))
    u_v = float(v) / v_t

    # Start from the bare capacitor: no diffuse layers, the whole drop in the membrane.
    u = np.concatenate(
        [
            np.zeros(outer),
            np.linspace(0.0, u_v, inner - outer + 1),
            np.full(x.size - inner - 1, u_v),
        ]
    )
    weight = 2.0 * FARADAY / v_t
    fixed = np.zeros(x.size)
    fixed[[outer, inner]] = sigma_out / v_t, sigma_in / v_t
    u = _newton(
        u,
        eps * VACUUM_PERMITTIVITY / h,
        weight * c_out * _control_volumes(h, 0, outer),
        weight * c_in * _control_volumes(h, inner, h.size),
        u_v,
        fixed,
    )
    return _profile(x, u, v_t, float(v), outer, inner, c_out, c_in, lambda_out, lambda_in)


def _profile(x, u, v_t, v, outer, inner, c_out, c_in, lambda_out, lambda_in):
    """Assemble the :class:`MembraneProfile` from the solved potential."""
    bath, cytosol = np.arange(x.size) <= outer, np.arange(x.size) >= inner
    u_bulk = np.where(cytosol, v / v_t, 0.0)
    c_bulk = np.where(bath, c_out, np.where(cytosol, c_in, 0.0))
    cation = c_bulk * np.exp(-(u - u_bulk))
    anion = c_bulk * np.exp(u - u_bulk)
    return MembraneProfile(
        x=x,
        phi=u * v_t,
        cation=cation,
        anion=anion,
        charge_density=FARADAY * (cation - anion),
        v=v,
        outer_index=outer,
        inner_index=inner,
        debye_length_out=lambda_out,
        debye_length_in=lambda_in,
    )
