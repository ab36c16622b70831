"""Pure, vectorised physics of the resting potential, in SI units.

Volts, mol/m^3 (numerically mM), kelvin, metres, F/m^2, A/m^2 and m/s throughout;
V is always phi_in - phi_out and currents are outward positive.
"""

from widgets.physics.conductance import conductance_weighted_potential, pump_shifted_potential
from widgets.physics.electrostatics import (
    MEMBRANE_CAPACITANCE,
    charged_ion_fraction,
    charging_time_constant,
    ions_to_charge,
    membrane_charge,
    membrane_field,
    series_capacitance,
    series_layer_voltages,
    specific_capacitance,
    sphere_area,
    sphere_volume,
)
from widgets.physics.ghk import ghk_current_density, ghk_voltage
from widgets.physics.nernst import nernst_potential, thermal_voltage
from widgets.physics.poisson_boltzmann import MembraneProfile, solve_membrane_pb
from widgets.physics.screening import (
    WATER_PERMITTIVITY_RELATIVE,
    debye_length,
    diffuse_layer_capacitance,
    gouy_chapman_potential,
    grahame_surface_potential,
    ionic_strength,
    water_relative_permittivity,
)

__all__ = [
    "MEMBRANE_CAPACITANCE",
    "MembraneProfile",
    "WATER_PERMITTIVITY_RELATIVE",
    "charged_ion_fraction",
    "charging_time_constant",
    "conductance_weighted_potential",
    "debye_length",
    "diffuse_layer_capacitance",
    "ghk_current_density",
    "ghk_voltage",
    "gouy_chapman_potential",
    "grahame_surface_potential",
    "ionic_strength",
    "ions_to_charge",
    "membrane_charge",
    "membrane_field",
    "nernst_potential",
    "pump_shifted_potential",
    "series_capacitance",
    "series_layer_voltages",
    "solve_membrane_pb",
    "specific_capacitance",
    "sphere_area",
    "sphere_volume",
    "thermal_voltage",
    "water_relative_permittivity",
]
