"""Timings of the channels explorers' updates against a redraw-everything baseline.

Both explorers evaluate formulas (the rest explorer also finds the zeros of the
I-V curve), so the target is one 60 Hz frame, 16.7 ms (shared/BOOK.md). The
naive baseline is what a first notebook would do: a new pyplot figure per change,
a layout engine, savefig, close.
"""

import dataclasses
import itertools

import matplotlib.pyplot as plt
import numpy as np
from timing import measure, naive_png, report

from widgets.explorers import rest_explorer, selectivity_explorer
from widgets.figures.channels import MS_PER_CM2, SQUID, k_leak_conductance
from widgets.physics import (
    membrane_currents,
    permeability_from_conductance,
    rest_points,
    transfer_free_energy,
)
from widgets.physics.channels import HH_V_REST
from widgets.physics.selectivity import ANGSTROM, IONIC_RADIUS

UPDATE_TARGET_MS = 16.7
REPEAT = 40


def naive_selectivity(site_radius, n_ligands):
    """Compute and draw the selectivity figure from scratch; return PNG bytes."""
    sites = np.linspace(1.9, 3.5, 321) * ANGSTROM
    fig, ax = plt.subplots(figsize=(6.4, 3.6), dpi=100)
    for ion, radius in IONIC_RADIUS.items():
        ax.plot(sites / ANGSTROM, transfer_free_energy(radius, sites, n_ligands) / 1e3, label=ion)
        energy = transfer_free_energy(radius, site_radius * ANGSTROM, n_ligands) / 1e3
        ax.plot([site_radius], [energy], "o")
    ax.axvline(site_radius, linestyle="--")
    ax.set_ylim(-100, 200)
    ax.set_xlabel("site radius (Å)")
    ax.set_ylabel("ΔG (kJ/mol)")
    ax.legend(ncols=5)
    return naive_png(fig)


def naive_rest(g_k_leak, g_na_max, g_k_max):
    """Compute and draw the rest figure from scratch (conductances in mS/cm^2); return PNG."""
    p_k = permeability_from_conductance(
        g_k_leak * MS_PER_CM2, HH_V_REST, SQUID.c_out["K"], SQUID.c_in["K"], 1, SQUID.T
    )
    membrane = dataclasses.replace(
        SQUID,
        p_leak={**SQUID.p_leak, "K": p_k},
        g_na_max=g_na_max * MS_PER_CM2,
        g_k_max=g_k_max * MS_PER_CM2,
    )
    v = np.linspace(-0.1, 0.02, 241)
    fig, ax = plt.subplots(figsize=(6.4, 3.6), dpi=100)
    for name, current in membrane_currents(v, membrane).items():
        ax.plot(v * 1e3, current * 100, label=name)
    ax.plot(v * 1e3, sum(membrane_currents(v, membrane).values()) * 100, "k", label="total")
    for point in rest_points(membrane):
        ax.plot([point.v * 1e3], [0], "o", mfc="k" if point.stable else "w", mec="k")
    ax.set_ylim(-12, 12)
    ax.set_xlabel("V (mV)")
    ax.set_ylabel("I (µA/cm²)")
    ax.legend()
    return naive_png(fig)


def _setter(control, values):
    """Return a callable that sets the next of ``values`` (cycling), so each call changes it."""
    cycle = itertools.cycle(values)

    def set_next():
        control.value = next(cycle)

    return set_next


def main():
    """Print median and p90 of each explorer update next to its naive baseline."""
    plt.switch_backend("Agg")  # headless, as in the tests
    sites = itertools.cycle(np.round(np.linspace(2.3, 3.1, 9), 2))
    report(
        "naive selectivity: plt.subplots + tight_layout + savefig",
        measure(lambda: naive_selectivity(next(sites), 8), repeat=REPEAT),
    )
    selectivity = selectivity_explorer()
    report(
        "selectivity explorer: site radius slider",
        measure(
            _setter(selectivity.controls["site_radius"], np.round(np.linspace(2.3, 3.1, 9), 2)),
            repeat=REPEAT,
        ),
        UPDATE_TARGET_MS,
    )
    report(
        "selectivity explorer: oxygens slider (curves recomputed)",
        measure(_setter(selectivity.controls["n_ligands"], [6, 7, 8, 9]), repeat=REPEAT),
        UPDATE_TARGET_MS,
    )
    squid_leak = k_leak_conductance(SQUID.p_leak["K"]) / MS_PER_CM2
    leaks = np.linspace(0.05, 0.3, 11)
    leak_cycle = itertools.cycle(leaks)
    report(
        "naive rest: plt.subplots + tight_layout + savefig",
        measure(lambda: naive_rest(next(leak_cycle), 120.0, 36.0), repeat=REPEAT),
    )
    rest = rest_explorer()
    report(
        "rest explorer: K+ leak slider (squid, one rest point)",
        measure(_setter(rest.controls["g_k_leak"], leaks), repeat=REPEAT),
        UPDATE_TARGET_MS,
    )
    rest.set(g_na_max=350.0, g_k_leak=squid_leak)
    report(
        "rest explorer: K+ leak slider (Na+-rich, three points)",
        measure(_setter(rest.controls["g_k_leak"], np.linspace(0.13, 0.2, 8)), repeat=REPEAT),
        UPDATE_TARGET_MS,
    )
    report(
        "rest explorer: Na+ channel slider",
        measure(_setter(rest.controls["g_na_max"], np.linspace(100.0, 400.0, 7)), repeat=REPEAT),
        UPDATE_TARGET_MS,
    )


if __name__ == "__main__":
    main()
