"""The Nernst chapter's static figures draw what widgets.physics computes."""

import numpy as np
import pytest
from matplotlib.patches import Rectangle

from widgets.data import IONS, PRESETS, get_preset
from widgets.figures.equilibrium import (
    equilibrium_range,
    plot_energy_balance,
    plot_equilibrium_potentials,
)
from widgets.physics import nernst_potential

NEURON = get_preset("mammalian_neuron")


@pytest.mark.parametrize(("key", "ion"), [(k, i) for k, p in PRESETS.items() for i in p.ions])
def test_range_holds_the_representative_potential(key, ion):
    preset = PRESETS[key]
    low, high = equilibrium_range(preset, ion)
    e = nernst_potential(preset.c_out[ion], preset.c_in[ion], IONS[ion].z, preset.T)
    assert low <= e <= high
    if ion not in preset.c_out_range and ion not in preset.c_in_range:
        assert low == pytest.approx(high, abs=1e-15), "a single value has no range"


def test_chloride_range_runs_from_5_to_15_mM_inside():
    low, high = equilibrium_range(NEURON, "Cl")
    # An anion: the most chloride inside (15 mM) gives the least negative potential.
    assert low == pytest.approx(nernst_potential(110.0, 5.0, -1, NEURON.T))
    assert high == pytest.approx(nernst_potential(110.0, 15.0, -1, NEURON.T))


def test_ladder_draws_each_potential_and_a_band_per_range():
    fig = plot_equilibrium_potentials(NEURON, v_rest=NEURON.v_rest)
    ax = fig.axes[0]
    ticks = [c for c in ax.collections if len(c.get_segments()) == 1]
    levels = sorted(float(c.get_segments()[0][0][1]) for c in ticks)
    expected = [
        1e3 * nernst_potential(NEURON.c_out[i], NEURON.c_in[i], IONS[i].z, NEURON.T)
        for i in NEURON.ions
    ]
    assert np.allclose(sorted([*expected, 1e3 * NEURON.v_rest]), levels)
    bands = sorted(
        (p.get_y(), p.get_y() + p.get_height()) for p in ax.patches if isinstance(p, Rectangle)
    )
    ranged = [i for i in NEURON.ions if i in NEURON.c_in_range or i in NEURON.c_out_range]
    assert np.allclose(
        bands, sorted(tuple(1e3 * e for e in equilibrium_range(NEURON, i)) for i in ranged)
    )
    texts = " ".join(t.get_text() for t in ax.texts)
    assert "(−83 to −53)" in texts and "typical rest −65 mV" in texts


def test_energy_balance_lines_are_minus_e_v_and_their_sum():
    fig = plot_energy_balance(5.0, 140.0, 1, NEURON.T)
    chemical, electrical, net = fig.axes[0].get_lines()[:3]
    e_mV = 1e3 * nernst_potential(5.0, 140.0, 1, NEURON.T)
    v = electrical.get_xdata()
    assert np.allclose(chemical.get_ydata(), -e_mV)
    assert np.allclose(electrical.get_ydata(), v)
    assert np.allclose(net.get_ydata(), v - e_mV)
    assert "energy per unit charge" in fig.axes[0].get_ylabel()
    assert "force" not in " ".join(t.get_text() for t in fig.axes[0].get_legend().get_texts())
