"""The screening figure draws the exact two-layer solution, in place, as a full draw would."""

import io

import matplotlib
import numpy as np
import pytest
from PIL import Image

from widgets.figures import ScreeningFigure, render_png
from widgets.figures.screening import E_PER_NM2, NEAR_HALF_WIDTH_NM, WIDE_HALF_WIDTHS_NM
from widgets.physics import membrane_gouy_chapman, solve_membrane_pb, water_relative_permittivity

matplotlib.use("Agg")

NM = 1e-9
T_BODY = 310.15


def pixels(png):
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


def solution_of(figure):
    return membrane_gouy_chapman(
        figure.v,
        figure.c_salt,
        figure.c_cytosol,
        sigma_out=figure.sigma_out,
        sigma_in=figure.sigma_in,
        eps_water=water_relative_permittivity(figure.T),
        T=figure.T,
    )


def drawn(figure):
    x_nm, phi_mV = figure.phi_line.get_data()
    return np.asarray(x_nm) * NM, np.asarray(phi_mV) / 1e3


@pytest.mark.parametrize(
    "values",
    [
        {},
        {"c_salt": 1.0},
        {"v": 0.1, "sigma_in": -0.3 * E_PER_NM2},
        {"c_salt": 30.0, "c_cytosol": 300.0, "sigma_out": 0.2 * E_PER_NM2, "T": 280.0},
    ],
)
def test_drawn_profile_is_the_physics(values):
    figure = ScreeningFigure(**values)
    x, phi = drawn(figure)
    exact = solution_of(figure)
    np.testing.assert_allclose(phi, exact.potential(x), rtol=1e-12, atol=1e-15)
    _, cation, anion = exact.profile(x)
    water = np.abs(x) >= 0.5 * exact.thickness
    np.testing.assert_allclose(figure.cation_line.get_ydata()[water], cation[water], rtol=1e-12)
    np.testing.assert_allclose(figure.anion_line.get_ydata()[water], anion[water], rtol=1e-12)
    assert np.all(np.isnan(figure.cation_line.get_ydata()[~water])), "no ions in the membrane"


def test_drawn_profile_agrees_with_the_grid_solver():
    figure = ScreeningFigure(sigma_in=-0.3 * E_PER_NM2)
    x, phi = drawn(figure)
    grid = solve_membrane_pb(
        figure.v, 150.0, 150.0, n_points=1601, sigma_in=figure.sigma_in, eps_water=74.15220547
    )
    np.testing.assert_allclose(phi, np.interp(x, grid.x, grid.phi), atol=2e-4)


def test_small_voltage_in_the_bath_is_debye_hueckel():
    figure = ScreeningFigure(v=-1e-3)
    x, phi = drawn(figure)
    m = figure.solution
    bath = x <= -0.5 * m.thickness
    s = -0.5 * m.thickness - x[bath]
    linear = m.surface_potential_out * np.exp(-s / m.debye_length_out)
    np.testing.assert_allclose(phi[bath], linear, rtol=1e-3, atol=1e-9)


def test_debye_lengths_are_marked_from_each_face():
    figure = ScreeningFigure(c_salt=15.0)
    face = 0.5 * figure.solution.thickness / NM
    outer, inner = (line.get_xdata()[0] for line in figure.debye_lines)
    assert outer == pytest.approx(-face - figure.solution.debye_length_out / NM)
    assert inner == pytest.approx(face + figure.solution.debye_length_in / NM)
    assert figure.solution.debye_length_out > 3 * figure.solution.debye_length_in


def test_views_frame_the_membrane_or_the_whole_clouds():
    figure = ScreeningFigure(c_salt=1e-4)
    assert figure.ax_phi.get_xlim() == pytest.approx((-NEAR_HALF_WIDTH_NM, NEAR_HALF_WIDTH_NM))
    figure.update(view="wide")
    half = figure.ax_phi.get_xlim()[1]
    assert half in WIDE_HALF_WIDTHS_NM and half >= 6 * figure.solution.debye_length_out / NM
    x_nm = figure.phi_line.get_xdata()
    assert x_nm.min() == pytest.approx(-half) and x_nm.max() == pytest.approx(half)


def test_updates_reuse_the_artists_and_match_a_full_draw():
    figure = ScreeningFigure()
    artists = (figure.phi_line, figure.cation_line, figure.readout_text, *figure.debye_lines)
    for values in ({"v": -0.09}, {"c_salt": 2.0}, {"sigma_in": -0.05}, {"view": "wide"}, {}):
        figure.update(**values)
        fast = pixels(figure.png())
        assert (figure.phi_line, figure.cation_line, figure.readout_text, *figure.debye_lines) == (
            artists
        )
        np.testing.assert_array_equal(fast, pixels(render_png(figure.fig)))


def test_png_is_640_by_440():
    assert Image.open(io.BytesIO(ScreeningFigure().png())).size == (640, 440)


def test_invalid_values_raise_and_change_nothing():
    figure = ScreeningFigure()
    before = figure.phi_line.get_ydata().copy()
    for values, name in (
        ({"c_salt": -1.0}, "c_salt"),
        ({"T": 400.0}, "T"),
        ({"view": "sideways"}, "view"),
        ({"sigma_in": np.nan}, "sigma_in"),
        ({"voltage": 0.0}, "values must be among"),
    ):
        with pytest.raises(ValueError, match=name):
            figure.update(**values)
    np.testing.assert_array_equal(figure.phi_line.get_ydata(), before)
    assert figure.c_salt == 150.0


def test_texts_state_the_numbers():
    figure = ScreeningFigure()
    summary = figure.summary()
    assert "97.7 %" in summary and "0.779 nm" in summary and "−0.81 mV" in summary
    assert figure.readout_text.get_text().startswith("Membrane itself: −68.4 mV")
    alt = figure.alt_text()
    assert "−70.0 mV" in alt and "Debye length" in alt and "no ions inside the membrane" in alt
    params = figure.parameters()
    assert params["net ionic charge, bath layer"].startswith("+0.68 mC/m²")
    assert "4270 elementary charges per µm²" in params["net ionic charge, bath layer"]


def test_no_voltage_means_no_share():
    figure = ScreeningFigure(v=0.0, sigma_in=-0.2 * E_PER_NM2)
    assert np.isnan(figure.membrane_share)
    assert "(" not in figure.readout_text.get_text(), "no percentage of a zero voltage"
    assert figure.parameters()["voltage across the membrane itself"].endswith(
        "(no voltage to share)"
    )
