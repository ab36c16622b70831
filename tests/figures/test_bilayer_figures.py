"""The capacitor chapter's static figures draw what widgets.physics gives."""

import matplotlib
import numpy as np
import pytest

from widgets.constants import BODY_TEMPERATURE, GAS_CONSTANT
from widgets.figures.agg import render_png
from widgets.figures.bilayer import (
    plot_born_cost,
    plot_capacitance_against_thickness,
    plot_ions_against_radius,
    plot_two_compartments,
)
from widgets.physics import (
    born_transfer_energy,
    charged_ion_fraction,
    ions_to_charge,
    specific_capacitance,
    sphere_area,
)

matplotlib.use("Agg")

NM, UM, ANGSTROM = 1e-9, 1e-6, 1e-10
UF_CM2 = 1e-2


def test_capacitance_curve_is_the_slab_formula():
    fig = plot_capacitance_against_thickness(2.0, (0.9e-2, 1e-2), 5e-9)
    ax = fig.axes[0]
    curve, point = ax.lines[0], ax.lines[1]
    d_nm, c = curve.get_data()
    np.testing.assert_allclose(c, specific_capacitance(2.0, d_nm * NM) / UF_CM2)
    assert point.get_ydata()[0] == pytest.approx(0.354, abs=1e-3), "5 nm of eps 2: 0.354"
    segments = [seg for lines in ax.collections for seg in lines.get_segments()]
    crossings = sorted(seg[0][0] for seg in segments)
    assert crossings == pytest.approx([1.771, 1.968], abs=1e-3), "slabs matching 1 and 0.9"
    assert render_png(fig).startswith(b"\x89PNG")


def test_born_cost_curve_is_in_units_of_rt():
    marks = {"crystal": 1.33e-10, "Born": 2.32e-10}
    fig = plot_born_cost(74.15, 2.0, marks)
    ax = fig.axes[0]
    r_angstrom, cost = ax.lines[0].get_data()
    rt = GAS_CONSTANT * BODY_TEMPERATURE
    np.testing.assert_allclose(cost, born_transfer_energy(r_angstrom * ANGSTROM, 74.15, 2.0) / rt)
    points = [line.get_ydata()[0] for line in ax.lines[1:]]
    assert points == pytest.approx([98.5, 56.4], abs=0.1), "K+ at its crystal and Born radii"


def test_ions_and_fraction_against_radius():
    voltages = {"rest": -0.070, "E_K": -0.089}
    fig = plot_ions_against_radius(voltages, 140.0, 1e-2)
    ax_n, ax_f = fig.axes[:2]
    for (_, v), n_line, f_line in zip(voltages.items(), ax_n.lines[::2], ax_f.lines, strict=False):
        r_um, n = n_line.get_data()
        np.testing.assert_allclose(n, ions_to_charge(v, sphere_area(r_um * UM)))
        r_um, percent = f_line.get_data()
        np.testing.assert_allclose(percent, 100 * charged_ion_fraction(v, r_um * UM, 140.0))
    square = next(line for line in ax_n.lines if line.get_marker() == "s")
    assert square.get_xdata()[0] == pytest.approx(6.04, abs=0.01), "two million at 6.04 um"
    assert square.get_ydata()[0] == pytest.approx(2e6)
    fraction_marks = [line for line in ax_f.lines if line.get_marker() == "s"]
    assert fraction_marks[0].get_xdata()[0] == pytest.approx(15.55, abs=0.01), "0.001 %"
    assert all(ax.get_xscale() == ax.get_yscale() == "log" for ax in (ax_n, ax_f))


def test_two_compartments_drop_the_whole_voltage_across_the_membrane():
    fig = plot_two_compartments(-0.070, 5e-9, 1e-2)
    ax = fig.axes[0]
    profile = next(line for line in ax.lines if line.get_linewidth() > 2)
    x, y = profile.get_data()
    assert list(y) == pytest.approx([0.0, 0.0, -70.0, -70.0])
    assert list(x[1:3]) == pytest.approx([0.0, 5.0])
    texts = " ".join(text.get_text() for text in ax.texts)
    assert "V = −70 mV" in texts and "well mixed" in texts
