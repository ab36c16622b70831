"""Timings of the pump-leak cell: steady-state solves and hour-long simulations."""

import dataclasses

from timing import measure, report

from widgets.physics.channels import rest_points
from widgets.physics.pump_leak import PumpLeakParams, simulate, steady_state

STEADY_STATE_TARGET_MS = 5.0
ONE_HOUR_TARGET_MS = 50.0


def main():
    """Print median and p90 of each timed call."""
    neuron = PumpLeakParams()
    report(
        "steady_state, mammalian neuron",
        measure(lambda: steady_state(neuron)),
        STEADY_STATE_TARGET_MS,
    )
    far = dataclasses.replace(neuron, k_out=20.0, na_out=130.0, pump_max=0.1 * neuron.pump_max)
    report(
        "steady_state, K_o 20 mM and pump at 10 %",
        measure(lambda: steady_state(far)),
        STEADY_STATE_TARGET_MS,
    )
    block = [(60.0, {"pump_max": 0.0})]
    report(
        "simulate, 1 h pump block (ouabain at 60 s), 301 outputs",
        measure(lambda: simulate(neuron, (0.0, 3600.0), protocol=block), repeat=15),
        ONE_HOUR_TARGET_MS,
    )
    recovery = [*block, (1860.0, {"pump_max": neuron.pump_max})]
    report(
        "simulate, 30 min block then 3.5 h recovery",
        measure(lambda: simulate(neuron, (0.0, 4 * 3600.0), protocol=recovery), repeat=15),
    )
    high_k = [(60.0, {"k_out": 10.0, "na_out": 140.0})]
    report(
        "simulate, 1 h after K_o 5 -> 10 mM",
        measure(lambda: simulate(neuron, (0.0, 3600.0), protocol=high_k), repeat=15),
        ONE_HOUR_TARGET_MS,
    )
    report("rest_points, squid membrane with HH channels", measure(rest_points, repeat=15))


if __name__ == "__main__":
    main()
