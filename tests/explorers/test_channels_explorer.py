"""The channels explorers: each control drives the physics into the figure, readout and PNG."""

import itertools

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest

from widgets.explorers import (
    RestExplorer,
    SelectivityExplorer,
    channels_explorer,
    rest_explorer,
    selectivity_explorer,
)
from widgets.explorers.channels import REST_PRESETS, SELECTIVITY_PRESETS
from widgets.figures.channels import MS_PER_CM2, SQUID, k_leak_conductance
from widgets.physics import (
    RestingMembrane,
    membrane_current_density,
    permeability_from_conductance,
    rest_points,
    selectivity_ratio,
    transfer_free_energy,
)
from widgets.physics.channels import HH_V_REST
from widgets.physics.selectivity import ANGSTROM, IONIC_RADIUS

matplotlib.use("Agg")  # headless; the explorers never touch pyplot anyway


@pytest.fixture
def selectivity():
    return selectivity_explorer()


@pytest.fixture
def rest():
    return rest_explorer()


# --- the selectivity explorer -------------------------------------------------------------------


def test_selectivity_default_is_the_k_site(selectivity):
    assert selectivity.values() == {"preset": "k_site", "site_radius": 2.73, "n_ligands": 8}
    assert "holds K⁺ over Na⁺ by 1.2 × 10⁴ to 1" in selectivity.readout.value
    assert bytes(selectivity.image.value).startswith(b"\x89PNG")


def drawn_transfer(explorer):
    """The transfer free energies the figure marks, in J/mol, by ion."""
    return {ion: line.get_ydata()[0] * 1e3 for ion, line in explorer.figure.markers.items()}


@pytest.mark.parametrize(
    ("control", "value", "site", "ligands"),
    [
        ("site_radius", 2.35, 2.35, 8),
        ("site_radius", 3.1, 3.1, 8),
        ("n_ligands", 6, 2.73, 6),
        ("preset", "na_site", 2.35, 8),
    ],
)
def test_each_selectivity_control_draws_the_physics(selectivity, control, value, site, ligands):
    before = selectivity.image.value
    selectivity.controls[control].value = value
    expected = {
        ion: transfer_free_energy(radius, site * ANGSTROM, ligands)
        for ion, radius in IONIC_RADIUS.items()
    }
    drawn = drawn_transfer(selectivity)
    for ion, energy in expected.items():
        clipped = np.clip(energy, -100e3, 200e3)  # marks off the axes sit at its edge
        assert drawn[ion] == pytest.approx(clipped), ion
        assert selectivity.figure.transfer[ion] == pytest.approx(energy)
    ddg = expected["Na"] - expected["K"]
    with np.errstate(over="ignore"):
        assert selectivity.figure.ratio == pytest.approx(selectivity_ratio(ddg))
    assert selectivity.figure.log10_ratio == pytest.approx(
        ddg / (8.314462618 * 310.15 * np.log(10))
    )
    assert selectivity.figure.summary() in selectivity.readout.value
    assert selectivity.image.value != before, "the PNG was not re-rendered"


def test_selectivity_presets_follow_the_values(selectivity):
    selectivity.controls["site_radius"].value = 2.5
    assert selectivity.controls["preset"].value is None, "2.5 angstrom is nobody's preset"
    selectivity.controls["site_radius"].value = 2.35
    assert selectivity.controls["preset"].value == "na_site"
    selectivity.controls["reset"].click()
    assert selectivity.values() == {"preset": "k_site", "site_radius": 2.73, "n_ligands": 8}


# --- the rest explorer -------------------------------------------------------------------------


def membrane_for(values):
    """The membrane the rest explorer should draw for its control values (mS/cm^2)."""
    p_k = permeability_from_conductance(
        values["g_k_leak"] * MS_PER_CM2, HH_V_REST, SQUID.c_out["K"], SQUID.c_in["K"], 1, SQUID.T
    )
    return RestingMembrane(
        p_leak={**SQUID.p_leak, "K": p_k},
        g_na_max=values["g_na_max"] * MS_PER_CM2,
        g_k_max=values["g_k_max"] * MS_PER_CM2,
    )


def test_rest_default_is_the_squid_axon(rest):
    values = rest.values()
    assert values["preset"] == "squid"
    assert values["g_k_leak"] == pytest.approx(k_leak_conductance(SQUID.p_leak["K"]) / MS_PER_CM2)
    assert (values["g_na_max"], values["g_k_max"]) == (120.0, 36.0)
    assert "One rest point: −66.1 mV, stable" in rest.readout.value


@pytest.mark.parametrize(
    ("control", "value"),
    [
        ("g_k_leak", 0.0),
        ("g_k_leak", 0.45),
        ("g_na_max", 350.0),
        ("g_na_max", 0.0),
        ("g_k_max", 0.0),
        ("g_k_max", 90.0),
        ("preset", "no_k_leak"),
        ("preset", "sodium_rich"),
    ],
)
def test_each_rest_control_draws_the_physics(rest, control, value):
    before = rest.image.value
    rest.controls[control].value = value
    membrane = membrane_for(rest.values())
    v_mV, total = rest.figure.total.get_data()
    np.testing.assert_allclose(total, membrane_current_density(v_mV / 1e3, membrane) * 100)
    expected = rest_points(membrane)
    assert [p.v for p in rest.figure.points] == pytest.approx([p.v for p in expected])
    assert [p.stable for p in rest.figure.points] == [p.stable for p in expected]
    shown = np.concatenate(
        [rest.figure.stable_points.get_xdata(), rest.figure.unstable_points.get_xdata()]
    )
    assert sorted(shown) == pytest.approx(sorted(p.v * 1e3 for p in expected if p.v <= 0.02))
    assert rest.figure.summary() in rest.readout.value
    assert rest.image.value != before, "the PNG was not re-rendered"


def test_rest_preset_loads_its_values_and_blanks_for_own_values(rest):
    rest.controls["preset"].value = "sodium_rich"
    _, leak, g_na, g_k = REST_PRESETS["sodium_rich"]
    assert (rest.values()["g_k_leak"], rest.values()["g_na_max"], rest.values()["g_k_max"]) == (
        pytest.approx(leak),
        g_na,
        g_k,
    )
    assert [p.stable for p in rest.figure.points] == [True, False, True]
    rest.controls["g_na_max"].value = 200.0
    assert rest.controls["preset"].value is None
    rest.controls["reset"].click()
    assert rest.values()["preset"] == "squid" and len(rest.figure.points) == 1


def test_losing_the_k_channels_depolarises_the_squid_membrane(rest):
    rest.controls["g_k_max"].value = 0.0
    (point,) = rest.figure.points
    assert point.stable and point.v > -0.02, "without the K+ tail rest lies far from E_K"


# --- both --------------------------------------------------------------------------------------


@pytest.mark.parametrize("factory", [selectivity_explorer, rest_explorer])
def test_site_grid_values_are_valid_control_values_and_draw(factory):
    explorer = factory()
    grid = explorer.site_grid()
    assert 1 <= len(grid) <= 2
    assert np.prod([len(values) for values in grid.values()]) <= 80
    for name, values in grid.items():
        control = explorer.controls[name]
        assert values == sorted(values) and len(set(values)) == len(values)
        assert all(control.min <= value <= control.max for value in values), name
        if control.step is not None:
            steps = (np.array(values) - control.min) / control.step
            assert np.allclose(steps, np.round(steps)), f"{name}: values off the slider's grid"
        assert all(isinstance(value, float | int) for value in values)
    for combination in itertools.product(*grid.values()):
        explorer.set(**dict(zip(grid, combination, strict=True)))
        assert 'role="alert"' not in explorer.readout.value


@pytest.mark.parametrize("explorer", [selectivity_explorer(), rest_explorer()], ids=["sel", "rest"])
def test_every_control_is_described_with_its_unit(explorer):
    for name, control in explorer.controls.items():
        assert control.description and control.tooltip, f"{name} has no accessible description"
        if name not in ("preset", "reset"):
            assert control.description.endswith(")"), f"{name}: the unit belongs in parentheses"


@pytest.mark.parametrize("explorer", [selectivity_explorer(), rest_explorer()], ids=["sel", "rest"])
def test_snapshot_for_the_static_site_has_no_controls(explorer):
    page = explorer._repr_mimebundle_()["text/html"]
    assert "<input" not in page and "<select" not in page and "<button" not in page
    assert explorer.figure.summary() in explorer._repr_mimebundle_()["text/plain"]
    for value in explorer.figure.parameters().values():
        assert value in page


def test_no_figures_accumulate_over_many_updates(rest):
    fignums = plt.get_fignums()
    lines = len(rest.figure.ax.lines)
    for step in range(20):
        rest.controls["g_na_max"].value = 100.0 + 10 * step
    assert plt.get_fignums() == fignums and len(rest.figure.ax.lines) == lines


def test_channels_explorer_gives_either_view():
    assert isinstance(channels_explorer("selectivity"), SelectivityExplorer)
    assert isinstance(channels_explorer("rest", g_na_max=350.0), RestExplorer)
    with pytest.raises(ValueError, match="view must be one of"):
        channels_explorer("gates")
    with pytest.raises(ValueError, match="site_radius"):
        channels_explorer("rest", site_radius=2.0)


@pytest.mark.parametrize(
    ("factory", "kwargs", "words"),
    [
        (
            selectivity_explorer,
            {"site_radius": 1.0},
            "site_radius must be a single number from 1.9",
        ),
        (selectivity_explorer, {"n_ligands": 12}, "n_ligands"),
        (selectivity_explorer, {"n_ligands": 6.5}, "n_ligands must be a whole number"),
        (selectivity_explorer, {"preset": "ca_site"}, "preset must be one of"),
        (rest_explorer, {"g_k_leak": -0.1}, "g_k_leak"),
        (rest_explorer, {"g_na_max": 1000.0}, "g_na_max"),
        (rest_explorer, {"g_k_max": [36.0, 40.0]}, "g_k_max"),
        (rest_explorer, {"preset": "frog"}, "preset must be one of"),
    ],
)
def test_bad_arguments_are_named(factory, kwargs, words):
    with pytest.raises(ValueError, match=words):
        factory(**kwargs)


def test_presets_are_complete():
    for presets, controls in ((SELECTIVITY_PRESETS, 2), (REST_PRESETS, 3)):
        for label, *values in presets.values():
            assert label and len(values) == controls
