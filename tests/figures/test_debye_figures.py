"""The screening chapter's static figures draw the physics they are captioned with."""

import matplotlib
import numpy as np
import pytest

from widgets.figures.debye import plot_debye_lengths, plot_membrane_profile, plot_surface_charge
from widgets.figures.screening import E_PER_NM2
from widgets.physics import (
    debye_length,
    gouy_chapman_potential,
    grahame_surface_potential_mixed,
    solve_membrane_pb,
    water_relative_permittivity,
)

matplotlib.use("Agg")

NM = 1e-9


def line(fig, gid):
    return next(drawn for ax in fig.axes for drawn in ax.lines if drawn.get_gid() == gid)


def test_debye_line_and_points_are_the_formula():
    fluids = {"plasma": (149.5, 310.15), "sea": (697.0, 293.15), "pure": (1e-4, 298.15)}
    fig = plot_debye_lengths(fluids, cell_radius=10e-6)
    strength, length_nm = line(fig, "debye").get_data()
    np.testing.assert_allclose(length_nm, debye_length(strength) / NM, rtol=1e-12)
    for label, (ionic, T) in fluids.items():
        (x,), (y,) = line(fig, label).get_data()
        assert x == ionic
        assert y == pytest.approx(debye_length(ionic, T, water_relative_permittivity(T)) / NM)
    texts = " ".join(t.get_text() for t in fig.axes[0].texts)
    assert "plasma: 0.78 nm" in texts and "pure: 961 nm" in texts and "10 µm" in texts


def test_membrane_profile_draws_the_solution_and_the_ions_relative_excess():
    profile = solve_membrane_pb(-0.070, 150.0, 150.0)
    fig = plot_membrane_profile(profile)
    x_nm, phi_mV = line(fig, "phi").get_data()
    np.testing.assert_allclose(phi_mV, profile.phi * 1e3)
    _, excess = line(fig, "cation").get_data()
    face = profile.outer_index
    assert excess[face] == pytest.approx(100 * (profile.cation[face] / 150.0 - 1))
    assert np.all(np.isnan(excess[face + 1 : profile.inner_index])), "no ions in the membrane"
    assert fig.axes[1].get_xlim() == pytest.approx((-5.0, 5.0))


def test_surface_charge_panels_are_gouy_chapman_and_mixed_grahame():
    sigma = -0.3 * E_PER_NM2
    fig = plot_surface_charge(sigma, 145.0, [2.5, 0.5])
    s_nm, psi_mV = line(fig, "gouy_chapman").get_data()
    eps = water_relative_permittivity(310.15)
    psi0 = grahame_surface_potential_mixed(sigma, [145.0, 145.0], [1, -1], 310.15, eps)
    expected = gouy_chapman_potential(s_nm * NM, psi0, 145.0, 310.15, eps) * 1e3
    np.testing.assert_allclose(psi_mV, expected)
    _, linear_mV = line(fig, "debye_hueckel").get_data()
    assert linear_mV[0] < psi_mV[0] < 0, "the exact layer screens harder than the linear one"
    for calcium in (2.5, 0.5):
        density, potential = line(fig, f"calcium {calcium:g}").get_data()
        i = 10
        c, z = [145.0, calcium, 145.0 + 2 * calcium], [1, 2, -1]
        assert potential[i] == pytest.approx(
            1e3 * grahame_surface_potential_mixed(density[i] * E_PER_NM2, c, z, 310.15, eps)
        )
    high, low = (line(fig, f"calcium {c:g}").get_ydata()[0] for c in (2.5, 0.5))
    assert low < high < 0, "less calcium screens less: a more negative surface"
