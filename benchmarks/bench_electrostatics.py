"""Timings of the screening functions and of the Poisson-Boltzmann profile behind a slider."""

import numpy as np
from timing import measure, report

from widgets.physics.poisson_boltzmann import solve_membrane_pb
from widgets.physics.screening import debye_length, gouy_chapman_potential

FIGURE_POINTS = 400  # nodes of the profile a figure draws
SLIDER_TARGET_MS = 50.0


def main():
    """Print median and p90 of each timed call."""
    report(
        f"solve_membrane_pb, -70 mV, 150 mM, {FIGURE_POINTS} points",
        measure(lambda: solve_membrane_pb(-0.070, 150.0, 150.0, n_points=FIGURE_POINTS)),
        SLIDER_TARGET_MS,
    )
    report(
        f"solve_membrane_pb, +1 V, 1 mM (nonlinear), {FIGURE_POINTS} points",
        measure(lambda: solve_membrane_pb(1.0, 1.0, 1.0, n_points=FIGURE_POINTS)),
        SLIDER_TARGET_MS,
    )
    strengths = np.linspace(1.0, 500.0, 1000)
    report("debye_length, 1000 ionic strengths", measure(lambda: debye_length(strengths)))
    x = np.linspace(0.0, 5e-9, 1000)
    report(
        "gouy_chapman_potential, 1000 points",
        measure(lambda: gouy_chapman_potential(x, -0.05, 150.0)),
    )


if __name__ == "__main__":
    main()
