import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from widgets.constants import BODY_TEMPERATURE, FARADAY, GAS_CONSTANT, celsius_to_kelvin
from widgets.data import get_preset
from widgets.physics import nernst_potential, nernst_slope, thermal_voltage

concentration = st.floats(min_value=1e-4, max_value=1e3)
valence = st.sampled_from([-2, -1, 1, 2, 3])
temperature = st.floats(min_value=250.0, max_value=330.0)


def test_thermal_voltage_at_body_temperature():
    assert thermal_voltage(BODY_TEMPERATURE) == pytest.approx(26.7268e-3, rel=1e-5), (
        "RT/F at 37 degC should be 26.73 mV: check R, F or BODY_TEMPERATURE"
    )


def test_golden_potassium_potential():
    # K+ 140 mM in / 5 mM out at 37 degC: -89.06 mV (the golden value).
    e_k = nernst_potential(5.0, 140.0, 1, T=celsius_to_kelvin(37.0))
    assert e_k * 1e3 == pytest.approx(-89.06, abs=0.01), "E_K golden value moved"


@pytest.mark.parametrize(
    ("ion", "z", "expected_mV"),
    # Hille (2001), Table 1.1, mammalian skeletal muscle at 37 degC: E_Na +67, E_K -98, E_Cl -90,
    # E_Ca +129 mV (the source rounds to whole millivolts).
    [("Na", 1, 67.0), ("K", 1, -98.0), ("Cl", -1, -90.0), ("Ca", 2, 129.0)],
)
def test_published_skeletal_muscle_potentials(ion, z, expected_mV):
    cell = get_preset("skeletal_muscle")
    e = nernst_potential(cell.c_out[ion], cell.c_in[ion], z, T=cell.T)
    assert e * 1e3 == pytest.approx(expected_mV, abs=1.0), f"E_{ion} disagrees with Hille's table"


def test_sixty_one_millivolts_per_decade_at_body_temperature():
    per_decade = nernst_potential(10.0, 1.0, 1) - nernst_potential(1.0, 1.0, 1)
    assert per_decade * 1e3 == pytest.approx(61.54, abs=0.01)
    assert nernst_slope() * 1e3 == pytest.approx(61.54, abs=0.01)


@given(c_out=concentration, c_in=concentration, z=valence, T=temperature)
def test_slope_per_decade_is_the_log10_form_of_nernst(c_out, c_in, z, T):
    log10_form = nernst_slope(T, z) * np.log10(c_out / c_in)
    assert log10_form == pytest.approx(nernst_potential(c_out, c_in, z, T), rel=1e-12, abs=1e-15)


@pytest.mark.parametrize(("kwargs", "name"), [({"z": 0}, "z"), ({"T": 0.0}, "T")])
def test_slope_bad_input_names_the_argument(kwargs, name):
    with pytest.raises(ValueError, match=rf"^{name} "):
        nernst_slope(**kwargs)


def test_broadcasts_over_ions():
    e = nernst_potential([5.0, 145.0, 110.0], [140.0, 12.0, 10.0], [1, 1, -1])
    assert e.shape == (3,)
    assert np.all(np.sign(e) == [-1, 1, -1])


@given(c_out=concentration, c_in=concentration, z=valence, T=temperature)
def test_swapping_inside_and_outside_flips_the_sign(c_out, c_in, z, T):
    assert nernst_potential(c_in, c_out, z, T) == pytest.approx(
        -nernst_potential(c_out, c_in, z, T), abs=1e-15
    )


@given(c_out=concentration, c_in=concentration, T=temperature)
def test_anion_equals_cation_with_swapped_sides(c_out, c_in, T):
    assert nernst_potential(c_out, c_in, -1, T) == pytest.approx(
        nernst_potential(c_in, c_out, 1, T), abs=1e-15
    )


@given(c_out=concentration, c_in=concentration, z=valence, T=temperature)
def test_equal_electrochemical_potentials(c_out, c_in, z, T):
    # RT ln c_in + zF E = RT ln c_out: the definition of equilibrium.
    e = nernst_potential(c_out, c_in, z, T)
    lhs = GAS_CONSTANT * T * np.log(c_in) + z * FARADAY * e
    assert lhs == pytest.approx(GAS_CONSTANT * T * np.log(c_out), abs=1e-6 * GAS_CONSTANT * T)


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"c_out": 0.0, "c_in": 1.0, "z": 1}, "c_out"),
        ({"c_out": 1.0, "c_in": -3.0, "z": 1}, "c_in"),
        ({"c_out": np.nan, "c_in": 1.0, "z": 1}, "c_out"),
        ({"c_out": 1.0, "c_in": np.inf, "z": 1}, "c_in"),
        ({"c_out": 1.0, "c_in": 1.0, "z": 0}, "z"),
        ({"c_out": 1.0, "c_in": 1.0, "z": 1, "T": 0.0}, "T"),
        ({"c_out": 1.0, "c_in": 1.0, "z": 1, "T": -5.0}, "T"),
        ({"c_out": "five", "c_in": 1.0, "z": 1}, "c_out"),
    ],
)
def test_bad_input_names_the_argument(kwargs, name):
    with pytest.raises(ValueError, match=rf"^{name} "):
        nernst_potential(**kwargs)
