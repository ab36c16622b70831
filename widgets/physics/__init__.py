"""Pure, vectorised physics of the resting potential, in SI units.

Volts, mol/m^3 (numerically mM), kelvin, metres, F/m^2, A/m^2 and m/s throughout;
V is always phi_in - phi_out and currents are outward positive.
"""

from widgets.physics.conductance import conductance_weighted_potential, pump_shifted_potential
from widgets.physics.ghk import ghk_current_density, ghk_voltage
from widgets.physics.nernst import nernst_potential, thermal_voltage

__all__ = [
    "conductance_weighted_potential",
    "ghk_current_density",
    "ghk_voltage",
    "nernst_potential",
    "pump_shifted_potential",
    "thermal_voltage",
]
