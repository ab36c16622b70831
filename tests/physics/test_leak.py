"""The resting leak of each cell: Hodgkin and Katz's ratios scaled to 0.3 mS/cm^2."""

import numpy as np
import pytest

from widgets.data import PRESETS, get_preset
from widgets.physics import ghk_voltage, slope_conductance
from widgets.physics.leak import (
    HODGKIN_KATZ,
    ION_KEYS,
    RESTING_CONDUCTANCE,
    preset_arrays,
    resting_permeabilities,
)


def test_hodgkin_katz_ratios_and_the_squid_leak_conductance():
    # Hodgkin & Katz (1949): P_K : P_Na : P_Cl = 1 : 0.04 : 0.45; Hodgkin & Huxley (1952):
    # the squid axon's leak conductance is 0.3 mS/cm^2 = 3 S/m^2.
    assert [HODGKIN_KATZ[ion] for ion in ION_KEYS] == [1.0, 0.04, 0.45]
    assert RESTING_CONDUCTANCE == pytest.approx(3.0)


def test_preset_arrays_hold_k_na_cl_in_order():
    c_out, c_in, z = preset_arrays(get_preset("mammalian_neuron"))
    assert c_out.tolist() == [5.0, 145.0, 110.0] and c_in.tolist() == [140.0, 12.0, 10.0]
    assert z.tolist() == [1.0, 1.0, -1.0], "chloride is an anion"


@pytest.mark.parametrize("key", PRESETS)
def test_leak_is_scaled_to_the_resting_conductance(key):
    cell = get_preset(key)
    c_out, c_in, z = preset_arrays(cell)
    p = resting_permeabilities(key)
    ratios = [HODGKIN_KATZ[ion] for ion in ION_KEYS]
    assert p / p[0] == pytest.approx(ratios), "the scale must keep Hodgkin and Katz's ratios"
    v = ghk_voltage(p, c_out, c_in, z, cell.T)
    g = slope_conductance(v, p, c_out, c_in, z, cell.T).sum()
    assert g == pytest.approx(RESTING_CONDUCTANCE), f"{key}: leak not at 0.3 mS/cm^2"


def test_each_call_returns_a_fresh_array():
    # The values are cached; a caller that changes its copy must not change the next one.
    first = resting_permeabilities("mammalian_neuron")
    first *= 10.0
    assert np.all(resting_permeabilities("mammalian_neuron") < first)


def test_unknown_cell_is_named():
    with pytest.raises(ValueError, match="nope"):
        resting_permeabilities("nope")
