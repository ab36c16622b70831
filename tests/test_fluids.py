"""The fluids of the screening chapter: complete, cited, and neutral where the source is."""

import math

import pytest

from widgets.data import FLUIDS, get_fluid, get_preset
from widgets.physics import debye_length, ionic_strength, water_relative_permittivity

BIB = open("references.bib", encoding="utf-8").read()


def strength(fluid):
    return ionic_strength(list(fluid.c.values()), list(fluid.z.values()))


@pytest.mark.parametrize("fluid", FLUIDS.values(), ids=lambda f: f.key)
def test_every_fluid_is_complete_and_cited(fluid):
    assert fluid.c.keys() == fluid.z.keys() and fluid.c
    assert all(c >= 0 for c in fluid.c.values()) and all(z != 0 for z in fluid.z.values())
    for key in filter(None, (k.strip() for k in fluid.source.split(","))):
        assert f"{{{key}," in BIB, f"{fluid.key} cites {key!r}, not in references.bib"
    assert fluid.source or fluid.key == "saline", "only a definition may go without a source"


@pytest.mark.parametrize("key", ["saline", "cytoplasm", "pure_water"])
def test_compositions_built_here_are_neutral(key):
    fluid = get_fluid(key)
    assert sum(fluid.c[i] * fluid.z[i] for i in fluid.c) == pytest.approx(0.0, abs=1e-9)


@pytest.mark.parametrize(
    ("key", "relative_imbalance"),
    [("sea_water", 1e-4), ("fresh_water", 1e-2)],
)
def test_published_compositions_balance_their_charges(key, relative_imbalance):
    # A transcription error in one concentration would show up as unbalanced charge.
    fluid = get_fluid(key)
    net = sum(fluid.c[i] * fluid.z[i] for i in fluid.c)
    gross = sum(fluid.c[i] * abs(fluid.z[i]) for i in fluid.c)
    assert abs(net) < relative_imbalance * gross


def test_sea_water_matches_millero_ionic_strength():
    # Millero et al. (2008), eqs. (5.9) and (5.12): I = Z^2 m / 2 for sea salt of
    # S_R = 35.16504 g/kg, per kg of water; per kg of sea water multiply by (1 - S_R/1000).
    s_r, molar_mass, z2 = 35.16504, 0.0314038218, 1.2452898
    per_kg_water = 0.5 * z2 * s_r / (molar_mass * (1000 - s_r))
    assert per_kg_water == pytest.approx(0.7226, abs=1e-4)
    assert strength(get_fluid("sea_water")) / 1e3 == pytest.approx(
        per_kg_water * (1 - s_r / 1000), rel=1e-4
    )


def test_saline_is_nine_grams_of_nacl_per_litre():
    assert get_fluid("saline").c["Na⁺"] == pytest.approx(9.0 / 58.44 * 1e3, rel=1e-4)


def test_pure_water_holds_a_ten_millionth_molar_of_each_ion():
    c = get_fluid("pure_water").c
    assert c["H⁺"] == c["OH⁻"] == pytest.approx(1e-4, rel=0.01)  # mM = 1e-7 M
    assert math.log10(c["H⁺"] * 1e-3) == pytest.approx(-7.0, abs=0.01), "pH 7 at 25 degC"


def test_cytoplasm_is_the_neuron_preset_inside():
    fluid, cell = get_fluid("cytoplasm"), get_preset("mammalian_neuron")
    assert fluid.c["K⁺"] == cell.c_in["K"] and fluid.T == cell.T
    assert strength(fluid) == pytest.approx(150.0, rel=0.05), "about physiological"


def test_debye_lengths_span_four_decades():
    lengths = {
        key: debye_length(strength(f), f.T, water_relative_permittivity(f.T))
        for key, f in FLUIDS.items()
    }
    assert lengths["blood_plasma"] == pytest.approx(0.78e-9, abs=0.005e-9)
    assert lengths["sea_water"] < lengths["blood_plasma"] < lengths["fresh_water"]
    assert lengths["pure_water"] == pytest.approx(0.96e-6, rel=0.01), "about a micrometre"


def test_unknown_fluid_is_a_clear_error():
    with pytest.raises(ValueError, match="key must be one of"):
        get_fluid("lemonade")
