"""Timings of an explorer update (physics + artists + PNG) against a redraw-everything baseline.

Every explorer update runs in the kernel while a learner drags a slider; the
target is 35 ms. The naive baseline is what a first notebook would do: a new
pyplot figure per change, a layout engine, savefig, close.
"""

import io
import itertools
import time

import matplotlib.pyplot as plt
import numpy as np
from PIL import Image
from timing import measure, report, setter

from widgets.constants import celsius_to_kelvin
from widgets.data import IONS, get_preset
from widgets.explorers import nernst_explorer
from widgets.explorers.site import site_frames
from widgets.figures import NernstFigure
from widgets.physics import nernst_potential

UPDATE_TARGET_MS = 35.0
REPEAT = 40


def naive_redraw(ion, c_out, c_in, T_celsius):
    """Redraw everything from scratch and return PNG bytes: the baseline to beat."""
    z, T = IONS[ion].z, celsius_to_kelvin(T_celsius)
    cell = get_preset("mammalian_neuron")
    ratios = np.logspace(-3, 3, 241)
    fig, ax = plt.subplots(figsize=(6.4, 3.6), dpi=100)
    ax.plot(ratios, nernst_potential(ratios * c_in, c_in, z, T) * 1e3, label="Nernst curve")
    E_mV = nernst_potential(c_out, c_in, z, T) * 1e3
    ax.plot([c_out / c_in], [E_mV], "o", label="current values")
    E_ref_mV = nernst_potential(cell.c_out[ion], cell.c_in[ion], z, cell.T) * 1e3
    ax.plot([cell.c_out[ion] / cell.c_in[ion]], [E_ref_mV], "D", label=cell.label)
    ax.set_xscale("log")
    ax.set_xlabel("concentration ratio c_out / c_in")
    ax.set_ylabel("E (mV)")
    ax.set_title(f"E_{ion} = {E_mV:.1f} mV at {T_celsius:.1f} °C")
    ax.legend()
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    return buffer.getvalue()


def _first_ion_choices(repeat=15):
    """Durations in ms of choosing sodium in a new explorer (its background drawn at build)."""
    durations = []
    for _ in range(repeat):
        set_sodium = setter(nernst_explorer("K").controls["ion"], ["Na"])
        durations.append(measure(set_sodium, repeat=1, warmup=0)[0])
    return np.array(durations)


def _builds(repeat=10):
    """Durations in ms of building an explorer, the figure's pre-rendering included."""
    return measure(lambda: nernst_explorer("K"), repeat=repeat, warmup=1)


def _encode_rows():
    """PNG encoding alone, on one drawn frame of the Nernst figure, at two resolutions."""
    for dpi in (100, 150):
        figure = NernstFigure("K")
        figure.fig.set_dpi(dpi)
        canvas = figure.fig.canvas
        canvas.draw()
        width, height = canvas.get_width_height(physical=True)
        frame = Image.frombuffer("RGBA", (width, height), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
        for mode, level, what in (("RGBA", 6, "as print_png"), ("RGB", 1, "as agg.py")):

            def encode(frame=frame, mode=mode, level=level):
                buffer = io.BytesIO()
                image = frame if mode == "RGBA" else frame.convert(mode)
                image.save(buffer, format="png", compress_level=level)
                return buffer.getvalue()

            size_kB = len(encode()) / 1e3
            report(
                f"PNG encode {width}x{height} {mode} zlib {level} ({what}), {size_kB:.0f} kB",
                measure(encode, repeat=REPEAT),
            )


def main():
    """Print median and p90 of an explorer update next to the naive baseline."""
    plt.switch_backend("Agg")  # headless, as in the tests
    values = itertools.cycle([(4.0, 140.0), (6.0, 140.0), (5.0, 120.0)])
    report(
        "naive: plt.subplots + tight_layout + savefig + close",
        measure(lambda: naive_redraw("K", *next(values), 37.0), repeat=REPEAT),
    )
    explorer = nernst_explorer("K")
    controls = explorer.controls
    report(
        "explorer update: c_out slider set from code",
        measure(setter(controls["c_out"], np.linspace(3.0, 8.0, 11)), repeat=REPEAT),
        UPDATE_TARGET_MS,
    )
    report(
        "explorer update: temperature slider set from code",
        measure(setter(controls["T_celsius"], np.linspace(20.0, 40.0, 11)), repeat=REPEAT),
        UPDATE_TARGET_MS,
    )
    report(
        "explorer update: ion dropdown (backgrounds kept per ion)",
        measure(setter(controls["ion"], ["Na", "Cl", "Ca", "K"]), repeat=REPEAT),
        UPDATE_TARGET_MS,
    )
    report(
        "explorer update: first choice of an ion in a new explorer",
        _first_ion_choices(),
        UPDATE_TARGET_MS,
    )
    report("building a Nernst explorer (draws every ion's background)", _builds())
    figure = NernstFigure("K")
    concentrations = itertools.cycle(np.linspace(3.0, 8.0, 11))
    report(
        "NernstFigure.update + png (no widgets)",
        measure(lambda: (figure.update(c_out=next(concentrations)), figure.png()), repeat=REPEAT),
        UPDATE_TARGET_MS,
    )
    _encode_rows()
    _site_frames_row()


def _site_frames_row():
    """The book build's share for one explorer: drawing and encoding its static-site frames."""
    explorer = nernst_explorer("K")
    start = time.perf_counter()
    frames = site_frames(explorer)["frames"]
    elapsed = time.perf_counter() - start
    label = f"site frames of a Nernst explorer ({len(frames)}), drawn and encoded"
    print(f"{label:<58s} {elapsed:8.2f} s   ({elapsed / len(frames) * 1e3:.0f} ms a frame)")


if __name__ == "__main__":
    main()
