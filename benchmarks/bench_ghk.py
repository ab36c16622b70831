"""Timings of a GHK explorer update next to a redraw-everything baseline, in the same run.

The explorer standard asks for a median update of at most 16.7 ms (one 60 Hz frame):
physics (the GHK voltage, currents and a 161-point curve of V against [K+]out),
artists and the PNG. The naive baseline is what a first notebook would do: a new pyplot
figure with three panels per change, a layout engine, savefig, close.
"""

import itertools

import matplotlib.pyplot as plt
import numpy as np
from timing import measure, naive_png, report, setter

from widgets.constants import celsius_to_kelvin
from widgets.data import PRESETS, get_preset
from widgets.explorers import ghk_explorer
from widgets.figures import GHKFigure
from widgets.physics import ghk_current_density, ghk_voltage, nernst_potential
from widgets.physics.leak import ION_KEYS, preset_arrays, resting_permeabilities

UPDATE_TARGET_MS = 16.7
REPEAT = 40


def naive_redraw(k_out, p_na_ratio=0.04, p_cl_ratio=0.45, T_celsius=37.0):
    """Compute and draw everything from scratch, one GHK call per curve point; return PNG bytes."""
    cell = get_preset("mammalian_neuron")
    T = celsius_to_kelvin(T_celsius)
    c_out, c_in, z = preset_arrays(cell)
    c_out[0] = k_out
    p = resting_permeabilities(cell.key)[0] * np.array([1.0, p_na_ratio, p_cl_ratio])
    v = ghk_voltage(p, c_out, c_in, z, T)
    e = nernst_potential(c_out, c_in, z, T)
    currents = ghk_current_density(v, p, c_out, c_in, z, T) * 100
    grid = np.logspace(-1, 3, 161)
    curve = [ghk_voltage(p, [k, *c_out[1:]], c_in, z, T) * 1e3 for k in grid]
    fig, (ax_e, ax_i, ax_k) = plt.subplots(1, 3, figsize=(8.0, 3.7), dpi=100)
    ax_e.hlines(e * 1e3, np.arange(3) - 0.3, np.arange(3) + 0.3)
    ax_e.axhline(v * 1e3, color="k")
    ax_i.bar([*ION_KEYS, "sum"], [*currents, currents.sum()])
    ax_k.semilogx(grid, nernst_potential(grid, c_in[0], 1, T) * 1e3, "--", label="E_K")
    ax_k.semilogx(grid, curve, label="V (GHK)")
    ax_k.plot([k_out], [v * 1e3], "o")
    ax_k.legend()
    fig.suptitle(f"V_GHK = {v * 1e3:.1f} mV")
    return naive_png(fig)


def main():
    """Print median and p90 of each kind of GHK explorer update next to the naive baseline."""
    plt.switch_backend("Agg")
    k_values = itertools.cycle(np.logspace(0.3, 1.3, 11))
    report(
        "naive: 3 panels, GHK per point, tight_layout, savefig",
        measure(lambda: naive_redraw(next(k_values)), repeat=REPEAT),
    )
    explorer = ghk_explorer()
    controls = explorer.controls
    rows = [
        ("explorer update: [K+]out slider", "k_out", np.logspace(0.3, 1.3, 11)),
        ("explorer update: P_Na/P_K slider", "p_na_ratio", np.logspace(-2, -1, 11)),
        ("explorer update: P_Cl/P_K slider", "p_cl_ratio", np.logspace(-1, 0, 11)),
        ("explorer update: temperature slider", "T_celsius", np.linspace(20.0, 40.0, 11)),
        ("explorer update: cell dropdown (backgrounds kept)", "preset", [*reversed(PRESETS)]),
    ]
    for label, name, values in rows:
        report(
            label,
            measure(setter(controls[name], list(values)), repeat=REPEAT),
            UPDATE_TARGET_MS,
        )
    report(
        "building a GHK explorer (draws each cell's background)",
        measure(ghk_explorer, repeat=5, warmup=1),
    )
    figure = GHKFigure()
    k_figure = itertools.cycle(np.logspace(0.3, 1.3, 11))
    report(
        "GHKFigure.update + png (no widgets)",
        measure(lambda: (figure.update(k_out=next(k_figure)), figure.png()), repeat=REPEAT),
        UPDATE_TARGET_MS,
    )
    report(
        "GHKFigure.update alone (physics + artists, no PNG)",
        measure(lambda: figure.update(k_out=next(k_figure)), repeat=REPEAT),
    )


if __name__ == "__main__":
    main()
