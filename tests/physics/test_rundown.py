import dataclasses

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from widgets.constants import FARADAY
from widgets.physics.channels import slope_conductance
from widgets.physics.ghk import ghk_voltage
from widgets.physics.pump_leak import (
    VALENCE,
    PumpLeakParams,
    pump_electrogenic_contribution,
    simulate,
    steady_state,
)
from widgets.physics.rundown import (
    gradient_half_time,
    intervention_params,
    leak_potential,
    relaxation_times,
    simulate_intervention,
)

NEURON = PumpLeakParams()
REST = steady_state(NEURON)
HOUR = 3600.0


# --- interventions ---------------------------------------------------------------------------


def test_intervention_scales_the_pump_and_swaps_k_for_na():
    after = intervention_params(NEURON, pump_fraction=0.1, k_out=10.0)
    assert after.pump_max == pytest.approx(0.1 * NEURON.pump_max, rel=1e-15)
    assert (after.k_out, after.na_out) == (10.0, NEURON.na_out - 5.0)
    assert after.osmolarity_out == pytest.approx(NEURON.osmolarity_out, rel=1e-15), (
        "K+ must replace Na+ mole for mole, keeping the bath isosmotic"
    )
    assert intervention_params(NEURON) == NEURON, "no change asked, none made"


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"pump_fraction": -0.5}, "pump_fraction"),
        ({"pump_fraction": [1.0, 2.0]}, "pump_fraction"),
        ({"k_out": 0.0}, "k_out"),
        ({"k_out": 150.0}, "k_out"),
        ({"params": "neuron"}, "params"),
    ],
)
def test_intervention_rejects_bad_input_naming_it(kwargs, name):
    with pytest.raises(ValueError, match=name):
        intervention_params(**kwargs)


def test_unchanged_cell_stays_at_rest():
    run = simulate_intervention(NEURON, duration=HOUR)
    assert np.ptp(run.v) < 1e-6
    assert run.c_in == pytest.approx(np.tile(REST.c_in, (run.t.size, 1)), rel=1e-6)


def test_intervention_is_simulate_from_the_old_rest():
    t_eval = np.linspace(0.0, 2 * HOUR, 41)
    run = simulate_intervention(
        NEURON, 0.5, 8.0, block_time=600.0, duration=2 * HOUR, t_eval=t_eval
    )
    changed = intervention_params(NEURON, 0.5, 8.0)
    blocked = dataclasses.replace(changed, pump_max=0.0)
    direct = simulate(
        blocked,
        (0.0, 2 * HOUR),
        protocol=[(600.0, {"pump_max": changed.pump_max})],
        initial=REST,
        t_eval=t_eval,
    )
    np.testing.assert_array_equal(run.v, direct.v)
    np.testing.assert_array_equal(run.amounts, direct.amounts)
    assert run.v[0] == REST.v, "the run must start from the resting state"


def test_block_longer_than_the_run_never_restarts_the_pump():
    run = simulate_intervention(NEURON, 1.0, block_time=2 * HOUR, duration=HOUR)
    assert np.all(run.i_pump == 0.0)


def test_intervention_rejects_bad_times():
    with pytest.raises(ValueError, match="duration"):
        simulate_intervention(duration=0.0)
    with pytest.raises(ValueError, match="block_time"):
        simulate_intervention(block_time=-1.0)


# --- the potential of the leaks alone -------------------------------------------------------

concentration = st.floats(min_value=0.5, max_value=300.0)


@settings(max_examples=50)
@given(na=concentration, k=concentration, cl=concentration)
def test_leak_potential_is_the_ghk_voltage(na, k, cl):
    c_in = np.array([na, k, cl])
    expected = ghk_voltage(NEURON.permeabilities, NEURON.c_out, c_in, VALENCE, NEURON.T)
    assert leak_potential(NEURON, c_in) == pytest.approx(expected, abs=1e-12)


def test_leak_potential_along_a_run_gives_the_electrogenic_share():
    run = simulate_intervention(NEURON, 0.0, duration=HOUR, t_eval=[0.0, 60.0, HOUR])
    share = run.v - leak_potential(NEURON, run.c_in)
    assert share[0] == pytest.approx(pump_electrogenic_contribution(NEURON), abs=1e-12)
    # Once the pump has stopped, V follows the leaks' own potential within microvolts.
    assert np.abs(share[1:]).max() < 1e-5


def test_leak_potential_rejects_bad_shapes():
    with pytest.raises(ValueError, match="c_in"):
        leak_potential(NEURON, [12.0, 140.0])
    with pytest.raises(ValueError, match="c_in"):
        leak_potential(NEURON, [12.0, -1.0, 10.0])


# --- half time of a gradient ------------------------------------------------------------------


@given(rate=st.floats(1e-4, 1.0), c_out=st.floats(0.0, 10.0), gradient=st.floats(1.0, 200.0))
def test_half_time_of_a_linear_decay_is_exact(rate, c_out, gradient):
    t = np.linspace(0.0, 2.0 / rate, 7)
    c_in = c_out + gradient * (1.0 - rate * t)  # falls to zero gradient at t = 1 / rate
    assert gradient_half_time(t, c_in, c_out) == pytest.approx(0.5 / rate, rel=1e-9)


def test_half_time_of_an_exponential_is_tau_ln2():
    tau = 1800.0
    t = np.linspace(0.0, 5 * tau, 20001)
    c_in = 5.0 + 135.0 * np.exp(-t / tau)
    assert gradient_half_time(t, c_in, 5.0) == pytest.approx(tau * np.log(2), rel=1e-6)


def test_half_time_is_nan_when_the_gradient_holds():
    assert np.isnan(gradient_half_time([0.0, 1.0, 2.0], [140.0, 130.0, 120.0], 5.0))


def test_pump_block_halves_the_k_gradient_in_about_half_an_hour():
    run = simulate_intervention(
        NEURON, 0.0, duration=2 * HOUR, t_eval=np.linspace(0, 2 * HOUR, 721)
    )
    half = gradient_half_time(run.t, run.c_in[:, 1], NEURON.k_out)
    assert 20 * 60 < half < 45 * 60
    # Linear extrapolation of the resting K+ efflux would empty the cell later: the efflux
    # speeds up as the cell depolarises, but halving needs only half the K+.
    k_content_time = REST.c_in[1] * REST.volume / (REST.i_leak[1] * REST.area / FARADAY)
    assert half < k_content_time


@pytest.mark.parametrize(
    ("t", "c_in", "name"),
    [
        ([0.0, 1.0], [1.0], "t and c_in"),
        ([0.0], [1.0], "t and c_in"),
        ([1.0, 0.0], [2.0, 1.0], "t"),
    ],
)
def test_half_time_rejects_bad_input(t, c_in, name):
    with pytest.raises(ValueError, match=name):
        gradient_half_time(t, c_in, 0.0)


# --- relaxation -----------------------------------------------------------------------------


def test_fastest_relaxation_is_the_membrane_time_constant():
    taus = relaxation_times(NEURON)
    g = np.sum(
        slope_conductance(REST.v, NEURON.permeabilities, NEURON.c_out, REST.c_in, VALENCE, NEURON.T)
    )
    # V settles at fixed concentrations with tau_m = C_m / G_m (the slope conductance).
    assert taus[0] == pytest.approx(NEURON.cm / g, rel=1e-3)
    assert 60.0 < taus[1] < taus[2] < 3600.0, "concentrations recover over minutes"


def test_late_recovery_decays_with_the_slowest_time_constant():
    # A 5 min block, then the pump again: deviations from rest must end as e^(-t/tau_slow).
    t_eval = np.linspace(0.0, 4 * HOUR, 481)
    run = simulate_intervention(NEURON, 1.0, block_time=300.0, duration=4 * HOUR, t_eval=t_eval)
    tau = relaxation_times(NEURON)[-1]
    late = (run.t > 1.5 * HOUR) & (run.t < 2.5 * HOUR)
    deviation = np.abs(run.volume[late] - REST.volume)
    slope = np.polyfit(run.t[late], np.log(deviation), 1)[0]
    assert -1.0 / slope == pytest.approx(tau, rel=0.05)


def test_blocked_cell_relaxes_to_donnan_far_more_slowly():
    blocked = dataclasses.replace(NEURON, pump_max=0.0)
    assert relaxation_times(blocked)[-1] > 2 * relaxation_times(NEURON)[-1]
