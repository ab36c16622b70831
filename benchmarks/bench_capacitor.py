"""Timings of a capacitor explorer update against a redraw-everything baseline.

The explorer evaluates formulas, so its target is one 60 Hz frame, 16.7 ms
(shared/BOOK.md). The naive baseline is what a first notebook would do: a new
pyplot figure with both panels per change, a layout engine, savefig, close.
"""

import io
import itertools

import matplotlib.pyplot as plt
import numpy as np
from timing import measure, report, setter

from widgets.explorers import capacitor_explorer
from widgets.explorers.capacitor import SCENARIOS
from widgets.figures import CapacitorFigure
from widgets.physics import ions_to_charge, specific_capacitance, sphere_area

UPDATE_TARGET_MS = 16.7
REPEAT = 40
NM, UM = 1e-9, 1e-6


def naive_redraw(thickness_nm, eps_r, v_mV, radius_um):
    """Redraw both panels from scratch and return PNG bytes: the baseline to beat."""
    c = specific_capacitance(eps_r, thickness_nm * NM)
    v = v_mV / 1e3
    fig, (ax_profile, ax_ions) = plt.subplots(1, 2, figsize=(6.4, 3.6), dpi=100)
    ax_profile.axvspan(0.0, thickness_nm, color="#E69F00", alpha=0.35)
    ax_profile.plot([-4.0, 0.0, thickness_nm, 14.0], [0.0, 0.0, v_mV, v_mV], color="black")
    ax_profile.set_xlabel("position across the membrane (nm)")
    ax_profile.set_ylabel("electric potential (mV)")
    radii = np.logspace(0, 3, 61)
    ax_ions.loglog(radii, ions_to_charge(v, sphere_area(radii * UM), c_specific=c))
    n = ions_to_charge(v, sphere_area(radius_um * UM), c_specific=c)
    ax_ions.loglog([radius_um], [n], "o")
    ax_ions.set_xlabel("cell radius (µm)")
    ax_ions.set_ylabel("ions on each face")
    ax_profile.set_title(f"C = {c / 1e-2:.3g} µF/cm²")
    ax_ions.set_title(f"{n / 1e6:.3g} million ions per face")
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    return buffer.getvalue()


def main():
    """Print median and p90 of explorer updates next to the naive baseline."""
    plt.switch_backend("Agg")  # headless, as in the tests
    values = itertools.cycle([(1.77, 2.0, -70.0, 10.0), (2.0, 2.0, -70.0, 10.0)])
    report(
        "naive: plt.subplots(1, 2) + tight_layout + savefig + close",
        measure(lambda: naive_redraw(*next(values)), repeat=REPEAT),
    )
    explorer = capacitor_explorer()
    controls = explorer.controls
    rows = (
        ("thickness slider", "thickness_nm", np.linspace(1.5, 2.5, 11)),
        ("permittivity slider", "eps_r", np.linspace(1.5, 2.5, 11)),
        ("potential slider", "v_mV", np.linspace(-80.0, -60.0, 11)),
        ("radius slider", "radius_um", np.geomspace(5.0, 20.0, 11)),
        ("thickness slider, across its range", "thickness_nm", np.linspace(1.0, 10.0, 19)),
        ("cell dropdown", "preset", list(SCENARIOS)),
    )
    for label, name, options in rows:
        report(
            f"explorer update: {label}",
            measure(setter(controls[name], options), repeat=REPEAT),
            UPDATE_TARGET_MS,
        )
    report("building a capacitor explorer", measure(capacitor_explorer, repeat=10, warmup=1))
    figure = CapacitorFigure(1.77e-9, 2.0, -0.070, 10e-6, 140.0)
    radii = itertools.cycle(np.geomspace(5e-6, 20e-6, 11))
    report(
        "CapacitorFigure.update + png (no widgets)",
        measure(lambda: (figure.update(radius=next(radii)), figure.png()), repeat=REPEAT),
        UPDATE_TARGET_MS,
    )


if __name__ == "__main__":
    main()
