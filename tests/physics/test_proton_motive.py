"""The proton-motive force and the equilibrium concentration ratio."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from widgets.constants import FARADAY, GAS_CONSTANT, ph_to_concentration
from widgets.physics import (
    equilibrium_ratio,
    nernst_potential,
    proton_free_energy,
    proton_motive_force,
)

potential = st.floats(min_value=-0.3, max_value=0.3)
ph_step = st.floats(min_value=-3.0, max_value=3.0)
kelvin = st.floats(min_value=250.0, max_value=350.0)


def test_e_coli_value_by_hand():
    # Δψ = -120 mV, ΔpH = 0.7 at 37 degC: 2.303 RT/F = 61.54 mV per pH unit.
    z = math.log(10) * GAS_CONSTANT * 310.15 / FARADAY
    assert proton_motive_force(-0.120, 0.7) == pytest.approx(-0.120 - z * 0.7, rel=1e-12)
    assert proton_motive_force(-0.120, 0.7) * 1e3 == pytest.approx(-163.08, abs=0.01)


@given(delta_psi=potential, ph_out=st.floats(4.0, 9.0), delta_ph=ph_step, T=kelvin)
def test_pmf_is_the_driving_force_on_a_proton(delta_psi, ph_out, delta_ph, T):
    # Δp = V - E_H, with E_H the Nernst potential of the two H+ concentrations.
    ph_in = ph_out + delta_ph
    e_h = nernst_potential(ph_to_concentration(ph_out), ph_to_concentration(ph_in), 1, T)
    assert proton_motive_force(delta_psi, delta_ph, T) == pytest.approx(delta_psi - e_h, abs=1e-12)


@given(delta_psi=potential, delta_ph=ph_step, T=kelvin)
def test_swapping_inside_and_outside_flips_the_sign(delta_psi, delta_ph, T):
    assert proton_motive_force(-delta_psi, -delta_ph, T) == pytest.approx(
        -proton_motive_force(delta_psi, delta_ph, T), abs=1e-15
    )


def test_limits_and_vectorisation():
    assert proton_motive_force(-0.1, 0.0) == -0.1, "no pH gradient: Δp is Δψ"
    slope = -proton_motive_force(0.0, 1.0)
    assert slope * 1e3 == pytest.approx(61.54, abs=0.01), "one pH unit is 61.5 mV at 37 degC"
    values = proton_motive_force(np.array([-0.1, -0.2]), np.array([0.5, 1.0]))
    assert values.shape == (2,)


@given(delta_p=st.floats(-0.3, 0.3))
def test_free_energy_is_faraday_times_pmf(delta_p):
    assert proton_free_energy(delta_p) == pytest.approx(-FARADAY * delta_p, abs=1e-9)


@pytest.mark.parametrize(
    ("args", "name"),
    [
        ((float("nan"), 0.5), "delta_psi"),
        ((-0.1, float("inf")), "delta_ph"),
        ((-0.1, 0.5, 0.0), "T"),
    ],
)
def test_bad_input_names_the_argument(args, name):
    with pytest.raises(ValueError, match=f"^{name} "):
        proton_motive_force(*args)


@given(v=potential, z=st.sampled_from([-2, -1, 1, 2]), T=kelvin)
def test_equilibrium_ratio_inverts_nernst(v, z, T):
    ratio = equilibrium_ratio(v, z, T)
    assert nernst_potential(1.0, ratio, z, T) == pytest.approx(v, abs=1e-12)


def test_equilibrium_ratio_of_a_plant_cell():
    # -110 mV at 25 degC holds a cation about 72 times more concentrated inside.
    assert equilibrium_ratio(-0.110, 1, 298.15) == pytest.approx(
        math.exp(0.110 * FARADAY / (GAS_CONSTANT * 298.15))
    )
    with pytest.raises(ValueError, match="^z "):
        equilibrium_ratio(-0.1, 0)
