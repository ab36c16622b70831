import dataclasses

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from widgets.constants import FARADAY
from widgets.data import get_preset
from widgets.physics.channels import slope_conductance
from widgets.physics.ghk import ghk_voltage
from widgets.physics.nernst import nernst_potential
from widgets.physics.pump import mullins_noda_potential
from widgets.physics.pump_leak import (
    ION_ORDER,
    PUMP_STOICHIOMETRY,
    VALENCE,
    PumpLeakParams,
    params_from_preset,
    pump_electrogenic_contribution,
    simulate,
    steady_state,
)

NEURON = PumpLeakParams()
REST = steady_state(NEURON)
BLOCK = {"pump_max": 0.0}


def preset_c_in(key):
    return np.array([get_preset(key).c_in[ion] for ion in ION_ORDER])


def net_charge(params, amounts):
    """F (sum z n + z_X n_X), in C, for amounts of shape (..., 3)."""
    return FARADAY * (amounts @ VALENCE + params.z_x * params.n_x)


def trapezoid(t, y):
    return np.sum(0.5 * (y[1:] + y[:-1]) * np.diff(t, axis=0)[:, None], axis=0)


# --- steady state ------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["mammalian_neuron", "skeletal_muscle", "squid_axon"])
def test_calibrated_steady_state_is_the_preset(key):
    params = params_from_preset(key)
    state = steady_state(params)
    assert state.c_in == pytest.approx(preset_c_in(key), rel=1e-9), (
        "the calibration (P_Na, pump_max, n_x, z_x) no longer reproduces the preset"
    )
    cell = get_preset(key)
    e_cl = nernst_potential(cell.c_out["Cl"], cell.c_in["Cl"], -1, cell.T)
    assert state.v == pytest.approx(e_cl, abs=1e-9), "with passive Cl- the rest must be E_Cl"


def test_default_params_are_the_mammalian_neuron():
    assert NEURON == params_from_preset("mammalian_neuron")
    # Resting V = E_Cl of the neuron preset (Alberts 2015 concentrations): -64.09 mV at 37 degC.
    assert REST.v * 1e3 == pytest.approx(-64.09, abs=0.01)
    assert REST.volume == pytest.approx(4 / 3 * np.pi * NEURON.radius**3, rel=1e-9)


def test_default_membrane_time_constant_is_neuron_like():
    # P_K was chosen for a specific resistance of order 10 kOhm cm^2, i.e. tau_m near 10 ms.
    g = np.sum(
        slope_conductance(REST.v, NEURON.permeabilities, NEURON.c_out, REST.c_in, VALENCE, NEURON.T)
    )
    assert 5e-3 < NEURON.cm / g < 30e-3


param_changes = st.fixed_dictionaries(
    {
        "k_out": st.floats(1.0, 40.0),
        "p_na": st.floats(0.1, 10.0).map(lambda f: f * NEURON.p_na),
        "p_cl": st.floats(0.01, 100.0).map(lambda f: f * NEURON.p_cl),
        "pump_max": st.floats(0.01, 100.0).map(lambda f: f * NEURON.pump_max),
    }
)


@settings(max_examples=60, deadline=None)
@given(changes=param_changes)
def test_steady_state_balances_every_flux_and_obeys_mullins_noda(changes):
    params = dataclasses.replace(NEURON, na_out=150.0 - changes["k_out"], **changes)
    state = steady_state(params)
    net = state.i_leak + PUMP_STOICHIOMETRY * state.i_pump
    assert np.max(np.abs(net)) <= 1e-9 * np.max(np.abs(state.i_leak)) + 1e-15, (
        "pumped and leaked fluxes do not balance"
    )
    na_in, k_in, _ = state.c_in
    v_mn = mullins_noda_potential(params.p_k, params.p_na, params.k_out, k_in, params.na_out, na_in)
    # Mullins & Noda (1963), J Gen Physiol 47:117: steady state with a 3:2 pump.
    assert state.v == pytest.approx(v_mn, abs=1e-9)
    osmoles = np.sum(state.c_in) + params.n_x / state.volume
    assert osmoles == pytest.approx(params.osmolarity_out, rel=1e-12), "cell is not isosmotic"
    charge = net_charge(params, state.c_in * state.volume)
    assert charge / (params.cm * params.area) == pytest.approx(state.v, abs=1e-9), "V != Q/C"


def test_blocked_pump_steady_state_is_the_donnan_equilibrium():
    state = steady_state(dataclasses.replace(NEURON, **BLOCK))
    c_out = NEURON.c_out
    e = nernst_potential(c_out, state.c_in, VALENCE, NEURON.T)
    assert e == pytest.approx(np.full(3, state.v), abs=1e-9), "every ion must be at equilibrium"
    assert state.volume > 2 * REST.volume, "without the pump the cell must swell (Donnan)"


def test_steady_state_rejects_zero_permeability_and_wrong_type():
    with pytest.raises(ValueError, match="p_cl"):
        steady_state(dataclasses.replace(NEURON, p_cl=0.0))
    with pytest.raises(ValueError, match="params"):
        steady_state({"k_out": 5.0})


@pytest.mark.parametrize(
    ("field", "value"),
    [("radius", -1e-6), ("k_out", 0.0), ("pump_max", -1.0), ("z_x", 0.5), ("T", 0.0)],
)
def test_params_reject_bad_values_naming_the_field(field, value):
    with pytest.raises(ValueError, match=field):
        PumpLeakParams(**{field: value})


# --- electrogenic share ------------------------------------------------------------------


def test_pump_electrogenic_contribution_is_a_few_mv_hyperpolarising():
    dv = pump_electrogenic_contribution(NEURON)
    # A few mV, hyperpolarising: the direct electrogenic share of rest in neurons.
    assert -10e-3 < dv < -1e-3
    # Linear estimate: -I_pump / G_m with G_m the leaks' slope conductance at rest.
    g = np.sum(
        slope_conductance(REST.v, NEURON.permeabilities, NEURON.c_out, REST.c_in, VALENCE, NEURON.T)
    )
    assert dv == pytest.approx(-REST.i_pump / g, rel=0.1)


def test_pump_block_removes_the_electrogenic_share_within_a_second():
    run = simulate(NEURON, (0.0, 2.0), protocol=[(1.0, BLOCK)], t_eval=[0.5, 2.0])
    ghk = ghk_voltage(NEURON.permeabilities, NEURON.c_out, REST.c_in, VALENCE, NEURON.T)
    assert run.v[0] == pytest.approx(REST.v, abs=1e-7), "the cell drifted before the block"
    assert run.v[1] == pytest.approx(ghk, abs=5e-5), (
        "1 s after the block V should sit at the GHK potential of the unchanged gradients"
    )


# --- simulations ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pump_block():
    """One hour of ouabain from t = 60 s, sampled densely through the fast transient, solved
    tightly so that the bookkeeping, not the tolerance, is what is tested."""
    t_eval = np.unique(
        np.concatenate([np.linspace(0.0, 60.0, 7), 60.0 + np.logspace(-6, np.log10(3540.0), 400)])
    )
    return simulate(NEURON, (0.0, 3600.0), protocol=[(60.0, BLOCK)], t_eval=t_eval, rtol=1e-8)


def test_voltage_is_capacitor_charge_at_every_instant(pump_block):
    run = pump_block
    assert run.v == pytest.approx(run.charge / (NEURON.cm * run.area), rel=1e-12)
    # The charge reported must be the ions' net charge, F (sum z n + z_X n_X).
    q_ions = net_charge(NEURON, run.amounts)
    assert q_ions == pytest.approx(run.charge, rel=1e-6, abs=1e-18)


def after_block(run):
    """The run from the switch on: the output at t = 60 s already shows the blocked pump, so
    a trapezoid from the last point before it would smear the current's jump over 10 s."""
    keep = run.t >= 60.0
    return run.t[keep], run.i_ion[keep], run.amounts[keep], run.charge[keep]


def test_amounts_change_only_by_their_integrated_fluxes(pump_block):
    t, i_ion, amounts, _ = after_block(pump_block)
    moved = -pump_block.area * trapezoid(t, i_ion) / (VALENCE * FARADAY)
    assert amounts[-1] - amounts[0] == pytest.approx(moved, rel=1e-4), "an ion appeared or vanished"


def test_charge_change_is_the_integrated_net_current(pump_block):
    # The net current, C dV/dt, is ~1e-5 of each ionic current: the ionic fluxes must cancel
    # to the charge on the capacitor, transient included. (At the default rtol = 1e-5 the
    # sampled net current is known only to a few per cent; the fixture solves at 1e-8.)
    t, i_ion, _, charge = after_block(pump_block)
    delivered = -pump_block.area * trapezoid(t, np.sum(i_ion, axis=1)[:, None])[0]
    assert charge[-1] - charge[0] == pytest.approx(delivered, rel=1e-3)
    assert charge[-1] - charge[0] == pytest.approx(
        NEURON.cm * pump_block.area * (pump_block.v[-1] - REST.v), rel=1e-9
    )


def test_an_hour_of_pump_block_runs_down_the_gradients(pump_block):
    run = pump_block
    na, k, _ = run.c_in.T
    assert na[-1] > 5 * na[0], "Na+ must accumulate without the pump"
    assert k[-1] < 0.5 * k[0], "K+ must leak away without the pump"
    assert run.v[-1] > run.v[0] + 20e-3, "the cell must depolarise"
    assert run.volume[-1] > run.volume[0], "the cell must swell"
    after = run.t > 61.0
    assert np.all(np.diff(run.v[after]) > 0), "the slow rundown depolarises monotonically"


def test_no_protocol_stays_at_rest():
    run = simulate(NEURON, (0.0, 3600.0))
    assert np.ptp(run.v) < 1e-6
    assert run.c_in == pytest.approx(np.tile(REST.c_in, (run.t.size, 1)), rel=1e-6)


def test_hyperkalemia_settles_at_the_new_steady_state():
    high_k = {"k_out": 10.0, "na_out": 140.0}  # Na+ replaced equimolar: bath osmolarity kept
    run = simulate(NEURON, (0.0, 10 * 3600.0), protocol=[(60.0, high_k)])
    target = steady_state(dataclasses.replace(NEURON, **high_k))
    assert run.v[np.searchsorted(run.t, 60.0)] > REST.v + 3e-3, "high K_o must depolarise at once"
    assert run.v[-1] == pytest.approx(target.v, abs=1e-5)
    assert run.c_in[-1] == pytest.approx(target.c_in, rel=1e-4)


def test_pump_recovers_the_original_rest_after_unblocking():
    protocol = [(60.0, BLOCK), (1860.0, {"pump_max": NEURON.pump_max})]
    run = simulate(NEURON, (0.0, 10 * 3600.0), protocol=protocol)
    during = (run.t > 60.0) & (run.t < 1860.0)
    assert run.v[during].max() > REST.v + 10e-3, "30 min of block should depolarise > 10 mV"
    assert run.v[-1] == pytest.approx(REST.v, abs=1e-5)
    assert run.volume[-1] == pytest.approx(REST.volume, rel=1e-5)


def test_long_block_approaches_the_donnan_state():
    donnan = steady_state(dataclasses.replace(NEURON, **BLOCK))
    run = simulate(NEURON, (0.0, 72 * 3600.0), protocol=[(60.0, BLOCK)], t_eval=[72 * 3600.0])
    assert run.v[-1] == pytest.approx(donnan.v, abs=0.5e-3)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"protocol": [(10.0, {"radius": 1e-6})]}, "protocol"),
        ({"protocol": [(7200.0, BLOCK)]}, "protocol"),
        ({"protocol": [(20.0, BLOCK), (10.0, BLOCK)]}, "protocol"),
        ({"t_eval": [-1.0, 10.0]}, "t_eval"),
        ({"t_span": (10.0, 0.0)}, "t_span"),
        ({"rtol": 0.0}, "rtol"),
    ],
)
def test_simulate_rejects_bad_protocols(kwargs, message):
    with pytest.raises(ValueError, match=message):
        simulate(NEURON, **({"t_span": (0.0, 3600.0)} | kwargs))
