"""The applications chapter's cells: cited, physically sensible, and apart from PRESETS."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from widgets.constants import concentration_to_ph, ph_to_concentration
from widgets.data import ALL_PRESETS, APPLICATION_PRESETS, IONS, PRESETS, get_preset
from widgets.figures.palette import ION_COLOURS
from widgets.physics import nernst_potential

BIB = open("references.bib", encoding="utf-8").read()


def cited(keys):
    return all(f"{{{key.strip()}," in BIB for key in keys.split(","))


@pytest.mark.parametrize("key", list(APPLICATION_PRESETS))
def test_every_application_preset_is_cited_with_its_temperature(key):
    preset = get_preset(key)
    assert preset.ions, f"{key} has no ion with both concentrations"
    assert cited(preset.source), f"{key} cites {preset.source!r}, not all in references.bib"
    assert preset.note, f"{key} must say how its values were chosen"
    assert 273.15 <= preset.T <= 313.15, f"{key}: T must be a living temperature in K"
    for ion in preset.ions:
        assert ion in IONS and ion in ION_COLOURS
        assert preset.c_out[ion] > 0 and preset.c_in[ion] > 0
    if preset.v_rest is not None:
        assert cited(preset.v_rest_source)
    if preset.permeability:
        assert cited(preset.permeability_source)


def test_presets_of_the_earlier_chapters_keep_k_na_and_cl():
    # The GHK and pump-leak models of the earlier chapters need all three in every PRESETS cell.
    for preset in PRESETS.values():
        assert {"K", "Na", "Cl"} <= set(preset.ions), preset.key
    assert set(ALL_PRESETS) == set(PRESETS) | set(APPLICATION_PRESETS)
    assert not set(PRESETS) & set(APPLICATION_PRESETS)


def test_cardiac_myocyte_is_luo_and_rudys_cell():
    cell = get_preset("cardiac_myocyte")
    assert (cell.c_out["K"], cell.c_in["K"]) == (5.4, 145.0)
    assert (cell.c_out["Na"], cell.c_in["Na"]) == (140.0, 10.0)
    assert (cell.c_out["Ca"], cell.c_in["Ca"]) == (1.8, 1.2e-4)
    e_k = nernst_potential(cell.c_out["K"], cell.c_in["K"], 1, cell.T)
    assert -0.090 < e_k < -0.085, "E_K of a ventricular cell is near -88 mV"


def test_plant_root_cell_holds_k_near_equilibrium_and_anions_far_from_it():
    cell = get_preset("plant_root_cell")
    assert cell.v_rest == -0.110 and cell.v_rest < -0.100, "well below -100 mV"
    e = {
        ion: nernst_potential(cell.c_out[ion], cell.c_in[ion], IONS[ion].z, cell.T)
        for ion in cell.ions
    }
    assert abs(e["K"] - cell.v_rest) < 0.002, "Higinbotham et al.: only K+ fits the Nernst equation"
    assert e["Cl"] - cell.v_rest > 0.150, "Cl- is accumulated far above its equilibrium"
    assert concentration_to_ph(cell.c_out["H"]) == pytest.approx(6.0)
    assert concentration_to_ph(cell.c_in["H"]) == pytest.approx(7.3)


def test_e_coli_has_an_alkaline_inside_and_a_negative_potential():
    cell = get_preset("e_coli")
    assert cell.ions == ["H"]
    assert concentration_to_ph(cell.c_in["H"]) - concentration_to_ph(
        cell.c_out["H"]
    ) == pytest.approx(0.7)
    assert cell.v_rest == -0.120


def test_h_is_an_ion_like_the_others():
    assert IONS["H"].z == 1 and IONS["H"].label == "H⁺"


@given(st.floats(min_value=-2.0, max_value=16.0))
def test_ph_and_concentration_are_inverse(ph):
    assert concentration_to_ph(ph_to_concentration(ph)) == pytest.approx(ph, abs=1e-12)


def test_ph_conversion_values_and_errors():
    assert ph_to_concentration(7.0) == 1e-4  # 100 nM in mM
    assert ph_to_concentration(0.0) == 1000.0  # 1 M
    assert math.isclose(concentration_to_ph(1.0), 3.0)  # 1 mM
    with pytest.raises(ValueError, match="ph must be finite"):
        ph_to_concentration(float("nan"))
    with pytest.raises(ValueError, match="c must be a positive"):
        concentration_to_ph(0.0)
