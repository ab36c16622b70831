"""Pure, vectorised physics of the resting potential, in SI units.

Volts, mol/m^3 (numerically mM), kelvin, metres, F/m^2, A/m^2 and m/s throughout;
V is always phi_in - phi_out and currents are outward positive. The pump-leak cell
model's ``steady_state`` and ``simulate`` are used as ``widgets.physics.pump_leak.simulate``.
"""

from widgets.physics.cardiac import cardiac_sodium_availability, lr91_inactivation_gates
from widgets.physics.cells import ghk_permeabilities, ghk_rest
from widgets.physics.channels import (
    RestingMembrane,
    boltzmann_open_probability,
    chord_conductance,
    gated_conductance,
    hh_resting_conductances,
    hh_steady_state_gates,
    leak_permeability_for_rest,
    membrane_chord_conductance,
    membrane_current_density,
    membrane_currents,
    membrane_slope_conductance,
    membrane_slope_conductances,
    permeability_from_conductance,
    rest_loss,
    rest_points,
    slope_conductance,
)
from widgets.physics.conductance import conductance_weighted_potential, pump_shifted_potential
from widgets.physics.demyelination import ConductionMargin, axon_permeabilities, conduction_margin
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
from widgets.physics.energy import (
    atp_rate_from_sodium_influx,
    brain_resting_power,
    metabolic_power,
    pump_cycle_free_energy,
)
from widgets.physics.ghk import ghk_current_density, ghk_voltage
from widgets.physics.gouy_chapman import GouyChapmanMembrane, membrane_gouy_chapman
from widgets.physics.nernst import (
    equilibrium_ratio,
    nernst_potential,
    nernst_slope,
    thermal_voltage,
)
from widgets.physics.poisson_boltzmann import MembraneProfile, solve_membrane_pb
from widgets.physics.proton_motive import proton_free_energy, proton_motive_force
from widgets.physics.pump import mullins_noda_potential, pump_activation, pump_current_density
from widgets.physics.pump_leak import (
    PumpLeakParams,
    params_from_preset,
    pump_electrogenic_contribution,
)
from widgets.physics.rundown import (
    depolarisation_time,
    gradient_half_time,
    intervention_params,
    leak_potential,
    relaxation_times,
    simulate_intervention,
)
from widgets.physics.screening import (
    WATER_PERMITTIVITY_RELATIVE,
    boltzmann_concentration,
    debye_length,
    diffuse_layer_capacitance,
    fluid_ionic_strength,
    gouy_chapman_potential,
    grahame_surface_potential,
    grahame_surface_potential_mixed,
    ionic_strength,
    water_relative_permittivity,
)
from widgets.physics.selectivity import (
    hydration_free_energy,
    selectivity_free_energy,
    selectivity_ratio,
    site_free_energy,
    transfer_free_energy,
)

__all__ = [
    "ConductionMargin",
    "GouyChapmanMembrane",
    "MEMBRANE_CAPACITANCE",
    "MembraneProfile",
    "PumpLeakParams",
    "RestingMembrane",
    "WATER_PERMITTIVITY_RELATIVE",
    "atp_rate_from_sodium_influx",
    "axon_permeabilities",
    "boltzmann_concentration",
    "boltzmann_open_probability",
    "brain_resting_power",
    "cardiac_sodium_availability",
    "charged_ion_fraction",
    "charging_time_constant",
    "chord_conductance",
    "conductance_weighted_potential",
    "conduction_margin",
    "debye_length",
    "depolarisation_time",
    "diffuse_layer_capacitance",
    "equilibrium_ratio",
    "fluid_ionic_strength",
    "gated_conductance",
    "ghk_current_density",
    "ghk_permeabilities",
    "ghk_rest",
    "ghk_voltage",
    "gouy_chapman_potential",
    "gradient_half_time",
    "grahame_surface_potential",
    "grahame_surface_potential_mixed",
    "hh_resting_conductances",
    "hh_steady_state_gates",
    "hydration_free_energy",
    "intervention_params",
    "ionic_strength",
    "ions_to_charge",
    "leak_permeability_for_rest",
    "leak_potential",
    "lr91_inactivation_gates",
    "membrane_charge",
    "membrane_chord_conductance",
    "membrane_current_density",
    "membrane_currents",
    "membrane_field",
    "membrane_gouy_chapman",
    "membrane_slope_conductance",
    "membrane_slope_conductances",
    "metabolic_power",
    "mullins_noda_potential",
    "nernst_potential",
    "nernst_slope",
    "params_from_preset",
    "permeability_from_conductance",
    "proton_free_energy",
    "proton_motive_force",
    "pump_activation",
    "pump_current_density",
    "pump_cycle_free_energy",
    "pump_electrogenic_contribution",
    "pump_shifted_potential",
    "relaxation_times",
    "rest_loss",
    "rest_points",
    "selectivity_free_energy",
    "selectivity_ratio",
    "series_capacitance",
    "series_layer_voltages",
    "simulate_intervention",
    "site_free_energy",
    "slope_conductance",
    "solve_membrane_pb",
    "specific_capacitance",
    "sphere_area",
    "sphere_volume",
    "thermal_voltage",
    "transfer_free_energy",
    "water_relative_permittivity",
]
