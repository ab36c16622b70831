"""Timings of the pump-leak simulator: an update, simulation included, against a naive redraw.

The explorer integrates the pump-leak cell over hours at every new setting; the target
is a median of 50 ms per change, simulation included (BOOK.md, the explorer standard).
"Cold" rows clear the cache of simulations before each change, so every change
simulates; "warm" rows return to settings seen before. The naive baseline is what a
first notebook would do: simulate, then a new pyplot figure with a layout engine,
savefig and close.
"""

import io
import itertools

import matplotlib.pyplot as plt
import numpy as np
from timing import measure, report

from widgets.explorers import pump_explorer
from widgets.figures import pump as pump_figure
from widgets.figures.agg import _encode
from widgets.physics import simulate_intervention

UPDATE_TARGET_MS = 50.0
REPEAT = 30


def naive_redraw(pump_percent, k_out, duration_h):
    """Simulate and redraw everything from scratch; return PNG bytes: the baseline to beat."""
    duration = duration_h * 3600.0
    run = simulate_intervention(pump_fraction=pump_percent / 100, k_out=k_out, duration=duration)
    t_h = run.t / 3600.0
    fig, axes = plt.subplots(4, 1, sharex=True, figsize=(6.4, 6.0), dpi=100)
    axes[0].plot(t_h, run.v * 1e3)
    axes[1].plot(t_h, run.c_in[:, 0])
    axes[2].plot(t_h, run.c_in[:, 1])
    axes[3].plot(t_h, run.volume / run.volume[0] * 100)
    for ax, label in zip(axes, ["V (mV)", "[Na+] (mM)", "[K+] (mM)", "volume (%)"], strict=True):
        ax.set_ylabel(label)
    axes[3].set_xlabel("time (h)")
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    return buffer.getvalue()


def _setter(control, values, cold=False):
    """Return a callable that sets the next of ``values`` (cycling); ``cold`` forgets runs."""
    cycle = itertools.cycle(values)

    def set_next():
        if cold:
            pump_figure.pump_run.cache_clear()
        control.value = next(cycle)

    return set_next


def main():
    """Print median and p90 of each kind of change next to the naive baseline."""
    plt.switch_backend("Agg")
    settings = itertools.cycle([(100, 5.0, 2.0), (0, 5.0, 2.0), (50, 7.0, 2.0)])
    report(
        "naive: simulate + plt.subplots + tight_layout + savefig",
        measure(lambda: naive_redraw(*next(settings)), repeat=REPEAT),
    )
    report("building the explorer (simulates and draws every scenario)", _builds())
    explorer = pump_explorer("blocked")
    controls = explorer.controls
    pumps = list(range(5, 100, 5))
    report(
        "cold: pump capacity slider (new simulation each time)",
        measure(_setter(controls["pump_percent"], pumps, cold=True), repeat=REPEAT),
        UPDATE_TARGET_MS,
    )
    report(
        "cold: [K+] outside slider (new simulation each time)",
        measure(_setter(controls["k_out"], np.arange(5.5, 15.0, 0.5), cold=True), repeat=REPEAT),
        UPDATE_TARGET_MS,
    )
    report(
        "warm: pump capacity slider (settings seen before)",
        measure(_setter(controls["pump_percent"], [0, 10, 20, 30]), repeat=REPEAT),
        UPDATE_TARGET_MS,
    )
    report(
        "time cursor slider (no simulation)",
        measure(_setter(controls["cursor_h"], np.linspace(0.5, 11.5, 23)), repeat=REPEAT),
        UPDATE_TARGET_MS,
    )
    report(
        "scenario menu (drawn at build)",
        measure(_setter(controls["scenario"], ["normal", "blocked", "recovery"]), repeat=REPEAT),
        UPDATE_TARGET_MS,
    )
    report(
        "cold: scenario menu (simulations forgotten)",
        measure(_setter(controls["scenario"], ["normal", "blocked", "recovery"], True), REPEAT),
        UPDATE_TARGET_MS,
    )
    report(
        "duration slider (a new time axis: background drawn)",
        measure(_setter(controls["duration_h"], [0.5, 1.0, 2.0, 4.0, 8.0, 24.0]), repeat=12),
    )
    report("one simulation alone (pump_run, cache cleared)", _simulations())
    canvas = explorer.figure.fig.canvas
    report("PNG encode 640x600 RGB zlib 1 alone", measure(lambda: _encode(canvas), repeat=REPEAT))


def _builds(repeat=5):
    """Durations in ms of building an explorer with its caches empty."""

    def build():
        pump_figure.pump_run.cache_clear()
        pump_explorer()

    return measure(build, repeat=repeat, warmup=1)


def _simulations():
    values = itertools.cycle(range(5, 100, 5))

    def simulate_one():
        pump_figure.pump_run.cache_clear()
        pump_figure.pump_run(next(values), 5.0, 0.0, 12.0)

    return measure(simulate_one, repeat=REPEAT)


if __name__ == "__main__":
    main()
