import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from widgets.constants import AVOGADRO
from widgets.physics.energy import (
    BRAIN_ENERGY_SHARE,
    BRAIN_MASS_SHARE,
    HUMAN_BRAIN_NEURONS,
    SIGNALLING_ENERGY_SHARES,
    atp_rate_from_sodium_influx,
    brain_resting_power,
    metabolic_power,
    pump_cycle_free_energy,
)
from widgets.physics.nernst import nernst_potential
from widgets.physics.pump import pump_cycle_rate
from widgets.physics.pump_leak import PumpLeakParams, steady_state

NEURON = PumpLeakParams()
REST = steady_state(NEURON)

rate = st.floats(min_value=0.0, max_value=1e-10)


@given(influx=rate, factor=st.floats(0.0, 100.0))
def test_atp_use_is_a_third_of_sodium_influx_and_power_is_linear(influx, factor):
    atp = atp_rate_from_sodium_influx(influx)
    assert atp == pytest.approx(influx / 3, rel=1e-15)
    assert metabolic_power(factor * atp) == pytest.approx(factor * metabolic_power(atp))


def test_resting_atp_use_equals_the_pump_cycle_rate():
    # At steady state the Na+ that leaks in is what the pump throws out, 3 per cycle and ATP.
    atp = atp_rate_from_sodium_influx(REST.na_influx)
    assert atp == pytest.approx(pump_cycle_rate(REST.i_pump) * REST.area, rel=1e-9)


def test_model_neuron_soma_uses_tens_of_millions_of_atp_per_second():
    molecules = atp_rate_from_sodium_influx(REST.na_influx) * AVOGADRO
    assert 1e6 < molecules < 1e9, "order of magnitude of the soma's resting ATP use changed"


def test_pump_cycle_needs_less_than_atp_supplies():
    cell = NEURON
    e_na = nernst_potential(cell.na_out, REST.c_in[0], 1, cell.T)
    e_k = nernst_potential(cell.k_out, REST.c_in[1], 1, cell.T)
    work = pump_cycle_free_energy(REST.v, e_na, e_k)
    # ATP hydrolysis in cells releases about 50-60 kJ/mol: the pump must need less, or stall.
    assert 0 < work < 50e3
    assert work / 50e3 > 0.5, "the pump works against most of ATP's free energy"


def test_cycle_free_energy_is_zero_when_every_ion_is_at_equilibrium():
    assert pump_cycle_free_energy(-0.02, -0.02, -0.02) == pytest.approx(0.0, abs=1e-9)


def test_brain_estimate_scales_with_neurons_and_sits_below_the_brain_budget():
    atp_per_neuron = atp_rate_from_sodium_influx(REST.na_influx)
    power = brain_resting_power(atp_per_neuron)
    assert brain_resting_power(atp_per_neuron, n_neurons=HUMAN_BRAIN_NEURONS / 2) == pytest.approx(
        power / 2
    )
    # Orders of magnitude only: the brain takes ~20 % of the body's energy at 2 % of its mass
    # (Raichle & Gusnard 2002, PNAS 99:10237), i.e. ~20 W of a ~100 W resting human (the 100 W
    # is an assumption of this test), and resting potentials take 13 % of rodent grey matter's
    # signalling energy (Attwell & Laughlin 2001). A soma-only neuron must cost less than that.
    assert BRAIN_ENERGY_SHARE / BRAIN_MASS_SHARE == pytest.approx(10.0)
    budget_for_resting = SIGNALLING_ENERGY_SHARES["resting potentials"] * BRAIN_ENERGY_SHARE * 100.0
    assert 0.01 < power < budget_for_resting


def test_energy_functions_reject_bad_input():
    with pytest.raises(ValueError, match="na_influx"):
        atp_rate_from_sodium_influx(-1.0)
    with pytest.raises(ValueError, match="delta_g_atp"):
        metabolic_power(1.0, delta_g_atp=0.0)
    with pytest.raises(ValueError, match="n_neurons"):
        brain_resting_power(1e-16, n_neurons=0)
    assert np.isfinite(metabolic_power(np.array([0.0, 1e-12]))).all()
