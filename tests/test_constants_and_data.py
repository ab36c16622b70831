import pytest

from widgets.constants import (
    AVOGADRO,
    BODY_TEMPERATURE,
    BOLTZMANN,
    ELEMENTARY_CHARGE,
    FARADAY,
    GAS_CONSTANT,
    celsius_to_kelvin,
    kelvin_to_celsius,
)
from widgets.data import IONS, PRESETS, get_preset


def test_si_2019_exact_values():
    assert ELEMENTARY_CHARGE == 1.602176634e-19
    assert AVOGADRO == 6.02214076e23
    assert BOLTZMANN == 1.380649e-23
    assert FARADAY == pytest.approx(96485.33212, rel=1e-10)
    assert GAS_CONSTANT == pytest.approx(8.314462618, rel=1e-10)


def test_temperature_conversions():
    assert celsius_to_kelvin(37.0) == BODY_TEMPERATURE == 310.15
    assert kelvin_to_celsius(celsius_to_kelvin(20.0)) == pytest.approx(20.0)
    with pytest.raises(ValueError, match="t_celsius"):
        celsius_to_kelvin(-300.0)
    with pytest.raises(ValueError, match="^T "):
        kelvin_to_celsius(-1.0)


def test_presets_are_complete_and_cited():
    bib = open("references.bib", encoding="utf-8").read()
    for preset in PRESETS.values():
        assert preset.ions, f"{preset.key} has no ion with both concentrations"
        for key in preset.source.split(","):
            assert f"{{{key.strip()}," in bib, f"{preset.key} cites {key!r}, not in references.bib"
        for ion in preset.ions:
            assert ion in IONS
            assert preset.c_out[ion] > 0 and preset.c_in[ion] > 0


def test_unknown_preset_is_a_clear_error():
    with pytest.raises(ValueError, match="key must be one of"):
        get_preset("frog")


def test_representative_values_lie_inside_the_published_ranges():
    for preset in PRESETS.values():
        for ion in preset.ions:
            (out_low, out_high), (in_low, in_high) = preset.concentration_range(ion)
            assert out_low <= preset.c_out[ion] <= out_high, (preset.key, ion)
            assert in_low <= preset.c_in[ion] <= in_high, (preset.key, ion)
        assert set(preset.c_out_range) <= set(preset.ions) >= set(preset.c_in_range)


def test_the_neuron_preset_carries_the_source_ranges_and_name():
    neuron = get_preset("mammalian_neuron")
    assert neuron.label == "Typical mammalian cell", "say what the source calls the cell"
    assert neuron.concentration_range("Cl") == ((110.0, 110.0), (5.0, 15.0))
    assert neuron.concentration_range("Na")[1] == (5.0, 15.0)
    assert neuron.concentration_range("Ca")[0] == (1.0, 2.0)
    with pytest.raises(ValueError, match="ion must be one of"):
        neuron.concentration_range("Mg")
