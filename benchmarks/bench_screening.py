"""Timings of the screening explorer's update, solve included, against a redraw-everything baseline.

The target is one 60 Hz frame (16.7 ms) for an update that includes the solve of the
Poisson-Boltzmann problem. The naive baseline is what a first notebook would do: solve
on a grid (:func:`widgets.physics.solve_membrane_pb`), then a new pyplot figure, a
layout engine, savefig, close. The solve alone is timed both ways too: the grid solver
and the exact two-layer Gouy-Chapman solution evaluated on the explorer's grid.
"""

import io
import itertools

import matplotlib.pyplot as plt
import numpy as np
from timing import measure, report, setter

from widgets.explorers import screening_explorer
from widgets.figures import ScreeningFigure
from widgets.figures.screening import NEAR_HALF_WIDTH_NM, NM, _positions
from widgets.physics import fluid_ionic_strength, membrane_gouy_chapman, solve_membrane_pb

UPDATE_TARGET_MS = 16.7
REPEAT = 40
C_CYTO = fluid_ionic_strength("cytoplasm")


def naive_redraw(v, c_salt):
    """Solve on a grid and redraw everything from scratch; return PNG bytes."""
    p = solve_membrane_pb(v, c_salt, C_CYTO)
    fig, (ax_phi, ax_ions) = plt.subplots(2, 1, figsize=(6.4, 4.4), dpi=100, sharex=True)
    ax_phi.plot(p.x / NM, p.phi * 1e3, color="black")
    ax_ions.semilogy(p.x / NM, np.where(p.cation > 0, p.cation, np.nan), label="cations")
    ax_ions.semilogy(p.x / NM, np.where(p.anion > 0, p.anion, np.nan), label="anions")
    ax_ions.set_xlim(-NEAR_HALF_WIDTH_NM, NEAR_HALF_WIDTH_NM)
    ax_phi.set_title(f"membrane carries {100 * p.membrane_voltage / p.v:.1f} % of {v * 1e3:.0f} mV")
    ax_phi.set_ylabel("φ (mV)")
    ax_ions.set_ylabel("c (mM)")
    ax_ions.set_xlabel("x (nm)")
    ax_ions.legend()
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    return buffer.getvalue()


def _exact_solve(voltages):
    grid = _positions(1.77e-9, NEAR_HALF_WIDTH_NM * NM)

    def solve():
        membrane_gouy_chapman(next(voltages), 149.5, C_CYTO).profile(grid)

    return solve


def main():
    """Print median and p90 of explorer updates next to the naive baseline and the solves."""
    plt.switch_backend("Agg")
    voltages = itertools.cycle(np.linspace(-0.09, -0.05, 11))
    report(
        "naive: grid solve + plt.subplots + tight_layout + savefig",
        measure(lambda: naive_redraw(next(voltages), 149.5), repeat=REPEAT),
    )
    report(
        "solve only, naive: solve_membrane_pb (400 nodes)",
        measure(lambda: solve_membrane_pb(next(voltages), 149.5, C_CYTO), repeat=REPEAT),
    )
    report(
        "solve only, exact Gouy-Chapman + profile on 481 points",
        measure(_exact_solve(voltages), repeat=REPEAT),
    )
    explorer = screening_explorer()
    controls = explorer.controls
    rows = (
        ("membrane potential slider", "v_mV", np.linspace(-90.0, -50.0, 11)),
        ("inner-face charge slider", "sigma_in", np.linspace(-0.1, 0.0, 11)),
        ("temperature slider", "T_celsius", np.linspace(30.0, 40.0, 11)),
        ("bath salt slider (axes rescale)", "c_salt", np.logspace(1.5, 2.5, 11)),
        ("fluid dropdown (loads salt and T)", "fluid", ["saline", "blood_plasma"]),
    )
    for label, name, values in rows:
        report(
            f"explorer update: {label}",
            measure(setter(controls[name], values), repeat=REPEAT),
            UPDATE_TARGET_MS,
        )
    figure = ScreeningFigure(c_cytosol=C_CYTO)
    report(
        "ScreeningFigure.update + png (no widgets)",
        measure(lambda: (figure.update(v=next(voltages)), figure.png()), repeat=REPEAT),
        UPDATE_TARGET_MS,
    )


if __name__ == "__main__":
    main()
