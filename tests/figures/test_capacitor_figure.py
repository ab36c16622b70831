"""The capacitor figure draws the physics, updates in place and renders what a full draw would."""

import io

import matplotlib
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from widgets.figures import CapacitorFigure, render_png
from widgets.figures.capacitor import (
    MAX_SYMBOLS,
    PROFILE_LIMITS_NM,
    count_words,
    symbol_count,
)
from widgets.physics import (
    charged_ion_fraction,
    ions_to_charge,
    membrane_field,
    specific_capacitance,
    sphere_area,
)

matplotlib.use("Agg")  # headless; the figure never touches pyplot anyway

NM, UM = 1e-9, 1e-6
K_IN = 140.0  # mM
DEFAULT = {"thickness": 5e-9, "eps_r": 2.0, "v": -0.070, "radius": 10e-6, "c_in": K_IN}


@pytest.fixture
def figure():
    return CapacitorFigure(**DEFAULT)


def pixels(png):
    return np.asarray(Image.open(io.BytesIO(png)))


def assert_draws(figure, thickness, eps_r, v, radius):
    """Every dynamic artist holds what widgets.physics gives for these values."""
    c = specific_capacitance(eps_r, thickness)
    lo, hi = PROFILE_LIMITS_NM
    x, y = figure.panel.profile.get_data()
    np.testing.assert_allclose(x, [lo, 0.0, thickness / NM, hi])
    np.testing.assert_allclose(y, [0.0, 0.0, v * 1e3, v * 1e3], err_msg="profile is not 0 | V")
    assert figure.panel.membrane.get_width() == pytest.approx(thickness / NM)
    r_um, n = figure.curve.get_data()
    np.testing.assert_allclose(n, ions_to_charge(v, sphere_area(r_um * UM), c_specific=c))
    (r_point,), (n_point,) = figure.point.get_data()
    assert r_point == pytest.approx(radius / UM)
    assert n_point == pytest.approx(ions_to_charge(v, sphere_area(radius), c_specific=c))
    assert figure.c_specific == pytest.approx(c)
    assert figure.field == pytest.approx(membrane_field(v, thickness))
    assert figure.sigma == pytest.approx(c * v)
    fraction = charged_ion_fraction(v, radius, K_IN, c_specific=c)
    assert figure.fraction == pytest.approx(fraction)
    low, high = figure.ax_ions.get_ylim()
    assert low <= n.min() and n.max() <= high, "the ion curve leaves panel (b)"


def test_default_is_a_five_nanometre_hydrocarbon_slab(figure):
    assert_draws(figure, **{k: v for k, v in DEFAULT.items() if k != "c_in"})
    # eps0 * 2 / 5 nm = 0.354 uF/cm^2; 14 MV/m; 1.94 million ions on a 10 um sphere at -70 mV
    assert figure.c_specific / 1e-2 == pytest.approx(0.3542, abs=1e-4)
    assert figure.field == pytest.approx(1.4e7)
    assert figure.n_ions == pytest.approx(1.944e6, rel=1e-3)
    assert figure.capacitance_text.get_text() == "0.354 µF/cm²"
    assert figure.field_text.get_text() == "14.0 MV/m"
    assert figure.ions_text.get_text() == "1.94 million"


@pytest.mark.parametrize(
    "change",
    [
        {"thickness": 2.5e-9},
        {"eps_r": 4.0},
        {"v": -0.089},
        {"v": 0.040},
        {"radius": 300e-6},
        {"thickness": 1e-9, "eps_r": 10.0, "v": -0.150, "radius": 1e-6},
    ],
)
def test_update_draws_the_physics(figure, change):
    figure.update(**change)
    values = {**DEFAULT, **change}
    values.pop("c_in")
    assert_draws(figure, **values)


def test_charges_sit_at_the_faces_and_swap_with_the_sign_of_v(figure):
    d_nm = DEFAULT["thickness"] / NM
    plus_x, minus_x = figure.panel.plus.get_xdata(), figure.panel.minus.get_xdata()
    n = symbol_count(figure.sigma)
    assert len(plus_x) == len(minus_x) == n == 2, "0.0248 uC/cm^2 is two symbols"
    assert np.all(plus_x < 0) and np.all(minus_x > d_nm), "inside negative: - on the inner face"
    figure.update(v=0.050)
    assert np.all(figure.panel.plus.get_xdata() > d_nm), "inside positive: + on the inner face"
    assert np.all(figure.panel.minus.get_xdata() < 0)


def test_symbol_count_follows_the_charge_density():
    assert symbol_count(0.0) == 0
    assert symbol_count(1e-6) == 1, "any charge shows at least one symbol"
    assert symbol_count(-7e-4) == 7, "0.07 uC/cm^2 is seven symbols of 0.01"
    assert symbol_count(1.0) == MAX_SYMBOLS


def test_zero_volts_draws_no_charge_and_no_line(figure):
    figure.update(v=0.0)
    assert len(figure.curve.get_xdata()) == len(figure.point.get_xdata()) == 0
    assert len(figure.panel.plus.get_xdata()) == len(figure.panel.minus.get_xdata()) == 0
    assert figure.n_ions == 0 and figure.fraction == 0
    assert "no charge is separated" in figure.alt_text()
    assert figure.png().startswith(b"\x89PNG")


@pytest.mark.parametrize(
    ("change", "name"),
    [
        ({"thickness": 0.0}, "thickness"),
        ({"eps_r": -2.0}, "eps_r"),
        ({"v": float("nan")}, "v"),
        ({"radius": -1e-6}, "radius"),
        ({"c_in": 0.0}, "c_in"),
        ({"v": [0.1, 0.2]}, "v"),
    ],
)
def test_bad_values_name_the_argument_and_change_nothing(figure, change, name):
    before = figure.curve.get_ydata().copy(), figure.summary()
    with pytest.raises(ValueError, match=name):
        figure.update(**change)
    assert (figure.curve.get_ydata() == before[0]).all() and figure.summary() == before[1]


def test_blitted_png_equals_a_full_redraw(figure):
    figure.png()
    for change in ({"radius": 20e-6}, {"thickness": 1.2e-9}, {"v": 0.03}, {"thickness": 5e-9}):
        figure.update(**change)
        assert np.array_equal(pixels(figure.png()), pixels(render_png(figure.fig))), change


def test_summary_parameters_and_alt_text_state_the_numbers(figure):
    summary = figure.summary()
    for fragment in ("0.354 µF/cm²", "14.0 MV/m", "−0.0248 µC/cm²", "1.94 million", "0.000551 %"):
        assert fragment in summary, f"summary lacks {fragment!r}: {summary}"
    parameters = figure.parameters()
    assert parameters["membrane thickness"] == "5 nm"
    assert parameters["membrane potential"] == "−70.0 mV"
    assert parameters["ions per face"] == "1.94 million"
    alt = figure.alt_text()
    for fragment in ("5 nm membrane", "−70.0 mV", "slope 2", "radius 10 µm", "1.94 million"):
        assert fragment in alt, f"alt text lacks {fragment!r}: {alt}"


def test_count_words():
    assert count_words(5.49e6) == "5.49 million"
    assert count_words(2e6) == "2.00 million"
    assert count_words(2.081e10) == "20.8 billion"
    assert count_words(54_900) == "54\N{THIN SPACE}900"
    assert count_words(0) == "0"


@settings(max_examples=25, deadline=None)
@given(
    thickness=st.floats(1e-9, 10e-9),
    eps_r=st.floats(1.0, 10.0),
    v=st.floats(-0.15, 0.06).filter(lambda v: abs(v) > 1e-4),
    radius=st.floats(1e-6, 1e-3),
)
def test_any_slider_setting_draws_the_physics(thickness, eps_r, v, radius):
    SHARED.update(thickness=thickness, eps_r=eps_r, v=v, radius=radius)
    assert_draws(SHARED, thickness, eps_r, v, radius)


SHARED = CapacitorFigure(**DEFAULT)  # built once: the property test only updates it
