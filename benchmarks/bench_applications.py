"""Timings of the scenario explorer's updates against a redraw-everything baseline.

The heart cell's K⁺ slider and a change of cell evaluate formulas: one 60 Hz frame,
16.7 ms, is the target. The neuron's pump slider integrates the pump-leak cell over an
hour: 50 ms (shared/BOOK.md). "Cold" rows clear the cache of runs before each change, so
every change simulates; "warm" rows return to settings seen before. The naive baseline
is what a first notebook would do: compute, then a new pyplot figure with a layout
engine, savefig and close.
"""

import itertools

import matplotlib.pyplot as plt
import numpy as np
from timing import measure, naive_png, report, setter

from widgets.data import IONS, get_preset
from widgets.explorers import scenario_explorer
from widgets.figures import applications as scenario_figure
from widgets.physics import (
    cardiac_sodium_availability,
    ghk_rest,
    nernst_potential,
    simulate_intervention,
)

FORMULA_TARGET_MS = 16.7
SIMULATION_TARGET_MS = 50.0
REPEAT = 30
HEART_K = np.round(np.geomspace(3.0, 15.0, 9), 2)  # mM
PUMP_PERCENT = [0.0, 10.0, 25.0, 40.0, 60.0]


def naive_heart(k_out):
    """Compute the heart cell at a plasma K⁺ and draw three panels from scratch; return PNG."""
    cell = get_preset("cardiac_myocyte")
    e = [
        nernst_potential(k_out if i == "K" else cell.c_out[i], cell.c_in[i], IONS[i].z, cell.T)
        for i in cell.ions
    ]
    k = np.geomspace(2.0, 20.0, 121)
    curve = ghk_rest("cardiac_myocyte", k)
    v = ghk_rest("cardiac_myocyte", k_out)
    fig, axes = plt.subplots(1, 3, figsize=(8.0, 3.7), dpi=100)
    axes[0].hlines(np.array(e) * 1e3, np.arange(len(e)) - 0.3, np.arange(len(e)) + 0.3)
    axes[0].axhline(v * 1e3, color="k")
    axes[1].bar(["K", "Na", "sum"], [1.0, -1.0, 0.0])
    axes[2].semilogx(k, curve * 1e3, "k")
    axes[2].plot([k_out], [v * 1e3], "o")
    axes[2].set_title(f"available {100 * cardiac_sodium_availability(v):.0f} %")
    return naive_png(fig)


def naive_neuron(pump_percent):
    """Simulate the neuron's hour and draw it from scratch; return PNG bytes."""
    run = simulate_intervention(pump_fraction=pump_percent / 100, t_eval=np.linspace(0, 3600, 121))
    fig, axes = plt.subplots(1, 3, figsize=(8.0, 3.7), dpi=100)
    axes[0].axhline(run.v[-1] * 1e3, color="k")
    axes[1].bar(["Na", "K", "Cl"], run.i_leak[-1] * 100)
    axes[2].plot(run.t / 60, run.v * 1e3, "k")
    return naive_png(fig)


def _cold(control, values):
    """Return a callable that forgets every run, then sets the next of ``values``."""
    set_next = setter(control, values)

    def cold_set():
        scenario_figure._neuron_run.cache_clear()
        set_next()

    return cold_set


def main():
    """Print median and p90 of each kind of change next to its naive baseline."""
    plt.switch_backend("Agg")  # headless, as in the tests
    heart_k = itertools.cycle(HEART_K)
    report(
        "naive heart: compute + plt.subplots + tight_layout + savefig",
        measure(lambda: naive_heart(next(heart_k)), repeat=REPEAT),
    )
    explorer = scenario_explorer("cardiac_myocyte")
    report(
        "scenario explorer: heart, K+ slider",
        measure(setter(explorer.controls["k_out"], HEART_K), repeat=REPEAT),
        FORMULA_TARGET_MS,
    )
    report(
        "scenario explorer: change of cell (backgrounds kept)",
        measure(
            setter(explorer.controls["cell"], ["e_coli", "plant_root_cell", "cardiac_myocyte"]),
            repeat=REPEAT,
        ),
        FORMULA_TARGET_MS,
    )
    pumps = itertools.cycle(PUMP_PERCENT)
    report(
        "naive neuron: simulate + plt.subplots + savefig",
        measure(lambda: naive_neuron(next(pumps)), repeat=10),
    )
    explorer.set(cell="mammalian_neuron")
    report(
        "scenario explorer: neuron, pump slider, cold (simulates)",
        measure(_cold(explorer.controls["pump_percent"], PUMP_PERCENT), repeat=REPEAT),
        SIMULATION_TARGET_MS,
    )
    report(
        "scenario explorer: neuron, pump slider, warm",
        measure(setter(explorer.controls["pump_percent"], PUMP_PERCENT), repeat=REPEAT),
        FORMULA_TARGET_MS,
    )


if __name__ == "__main__":
    main()
