import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import constants as si

from widgets.physics.selectivity import (
    ANGSTROM,
    HYDRATION_FREE_ENERGY,
    IONIC_RADIUS,
    K_SITE_RADIUS,
    KCAL,
    NA_SITE_RADIUS,
    OXYGEN_RADIUS,
    hydration_free_energy,
    selectivity_free_energy,
    selectivity_ratio,
    site_free_energy,
    transfer_free_energy,
)

radius = st.floats(min_value=0.5 * ANGSTROM, max_value=2.0 * ANGSTROM)


def test_hydration_reproduces_marcus_values_at_pauling_radii():
    # Marcus (1991) J Chem Soc Faraday Trans 87:2995: Na+ -365, K+ -295 kJ/mol;
    # Pauling (1960) radii 0.95 and 1.33 angstrom.
    assert hydration_free_energy(0.95e-10) == pytest.approx(-365e3, rel=1e-12)
    assert hydration_free_energy(1.33e-10) == pytest.approx(-295e3, rel=1e-12)
    assert HYDRATION_FREE_ENERGY["Na"] == -365e3 and HYDRATION_FREE_ENERGY["K"] == -295e3


@pytest.mark.parametrize(
    ("ion", "radius", "marcus"),
    # Pauling (1960) radii in angstrom; Marcus (1991) hydration free energies in kJ/mol.
    [("Li", 0.60, -475.0), ("Rb", 1.48, -275.0), ("Cs", 1.69, -250.0)],
)
def test_hydration_curve_fitted_to_na_and_k_predicts_the_other_alkali_ions(ion, radius, marcus):
    assert IONIC_RADIUS[ion] == pytest.approx(radius * ANGSTROM)
    assert HYDRATION_FREE_ENERGY[ion] == pytest.approx(marcus * 1e3)
    predicted = hydration_free_energy(IONIC_RADIUS[ion]) / 1e3
    assert predicted == pytest.approx(marcus, abs=8.5), f"the Born-like curve misses {ion}+"


def test_alkali_ions_are_listed_smallest_first():
    radii = list(IONIC_RADIUS.values())
    assert list(IONIC_RADIUS) == ["Li", "Na", "K", "Rb", "Cs"] and radii == sorted(radii)
    assert set(HYDRATION_FREE_ENERGY) == set(IONIC_RADIUS)


@given(r=radius)
def test_smaller_ions_hold_water_harder_but_less_than_bare_born(r):
    assert hydration_free_energy(0.9 * r) < hydration_free_energy(r) < 0
    # Born with the crystal radius and an infinite dielectric bounds the magnitude from above:
    # real ions are hydrated far less strongly (Latimer, Pitzer & Slansky 1939).
    born_bound = si.N_A * si.e**2 / (8 * np.pi * si.epsilon_0 * r)
    assert -hydration_free_energy(r) < born_bound


@given(r=radius)
def test_a_site_grips_an_ion_best_when_it_fits(r):
    fit = r + OXYGEN_RADIUS
    sites = fit * np.linspace(0.8, 1.25, 451)
    energies = site_free_energy(r, sites)
    assert sites[np.argmin(energies)] == pytest.approx(fit, rel=2e-3)


def test_k_site_binds_k_exactly_as_water_does():
    # Calibration of the illustrative ligand strength (the filter "mimics" K+'s water shell).
    assert transfer_free_energy(IONIC_RADIUS["K"], K_SITE_RADIUS) == pytest.approx(0, abs=1e-6)


def test_k_sized_site_selects_k_over_na_by_several_kcal_per_mol():
    # KcsA: free-energy simulations give a K+ preference of about 5-6 kcal/mol (Noskov,
    # Berneche & Roux 2004, Nature 431:830). The teaching model need only land in "several".
    ddg = selectivity_free_energy(K_SITE_RADIUS) / KCAL
    assert 3.0 < ddg < 10.0


def test_na_sized_site_reverses_the_selectivity():
    assert selectivity_free_energy(NA_SITE_RADIUS) < 0, "a snug Na+ site must prefer Na+"
    assert selectivity_free_energy(NA_SITE_RADIUS, ion="Na", over="K") > 0


def test_selectivity_is_antisymmetric_and_vectorised():
    sites = np.linspace(NA_SITE_RADIUS, K_SITE_RADIUS, 5)
    forward = selectivity_free_energy(sites)
    assert forward.shape == (5,)
    assert selectivity_free_energy(sites, ion="Na", over="K") == pytest.approx(-forward)
    assert np.all(np.diff(forward) > 0), "growing the site from Na+ to K+ size favours K+"


def test_bad_inputs_are_named():
    with pytest.raises(ValueError, match="ion"):
        selectivity_free_energy(K_SITE_RADIUS, ion="Ca")
    with pytest.raises(ValueError, match="over"):
        selectivity_free_energy(K_SITE_RADIUS, over="Cl")
    with pytest.raises(ValueError, match="site_radius"):
        site_free_energy(IONIC_RADIUS["K"], -1.0)
    with pytest.raises(ValueError, match="n_ligands"):
        site_free_energy(IONIC_RADIUS["K"], K_SITE_RADIUS, n_ligands=0)


# --- from a free-energy difference to a selectivity ratio ------------------------------------


@given(ddg=st.floats(-50e3, 50e3), T=st.floats(270.0, 320.0))
def test_selectivity_ratio_is_a_boltzmann_factor(ddg, T):
    ratio = selectivity_ratio(ddg, T)
    assert ratio > 0
    assert ratio * selectivity_ratio(-ddg, T) == pytest.approx(1.0, rel=1e-12), "swap the ions"
    assert np.log(ratio) == pytest.approx(ddg / (si.R * T), rel=1e-12, abs=1e-12)


@given(ddg=st.floats(1.0, 50e3), T=st.floats(270.0, 320.0))
def test_a_larger_preference_gives_a_larger_ratio_and_heat_blurs_it(ddg, T):
    assert selectivity_ratio(ddg * 1.1, T) > selectivity_ratio(ddg, T) > 1.0
    assert selectivity_ratio(ddg, T + 10.0) < selectivity_ratio(ddg, T)


def test_k_site_ratio_is_about_ten_thousand_at_body_temperature():
    # 5.78 kcal/mol over RT = 2.579 kJ/mol at 37 degC: e^9.38, about 1.2e4.
    ratio = selectivity_ratio(selectivity_free_energy(K_SITE_RADIUS))
    assert ratio == pytest.approx(np.exp(5.779 * 4184 / (si.R * 310.15)), rel=1e-3)
    with pytest.raises(ValueError, match="^T "):
        selectivity_ratio(1.0, T=-1.0)
    with pytest.raises(ValueError, match="delta_delta_g"):
        selectivity_ratio(float("nan"))
