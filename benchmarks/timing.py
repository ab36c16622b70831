"""Timing helpers shared by every benchmark: run a callable, report median and p90."""

import io
import itertools
import time

import numpy as np


def measure(func, repeat=30, warmup=3):
    """Call ``func()`` ``warmup + repeat`` times; return the timed durations in ms."""
    for _ in range(warmup):
        func()
    durations = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        durations.append((time.perf_counter() - start) * 1e3)
    return np.array(durations)


def report(label, durations_ms, target_ms=None):
    """Print one row: label, median and p90 in ms, and the target if there is one."""
    median, p90 = np.median(durations_ms), np.percentile(durations_ms, 90)
    target = f"  (target <= {target_ms:g} ms)" if target_ms is not None else ""
    print(f"{label:<58s} median {median:8.2f} ms   p90 {p90:8.2f} ms{target}")
    return median, p90


def setter(control, values):
    """Return a callable that sets the next of ``values`` (cycling), so each call changes it."""
    cycle = itertools.cycle(values)

    def set_next():
        control.value = next(cycle)

    return set_next


def naive_png(fig):
    """Lay out a pyplot figure, save it as PNG and close it, as a first notebook would."""
    import matplotlib.pyplot as plt  # only the naive baselines use pyplot

    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    return buffer.getvalue()
