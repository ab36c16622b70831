"""The Nernst explorer: each control drives the physics into the figure, readout and PNG."""

import base64
import re
from html.parser import HTMLParser

import matplotlib
import matplotlib.pyplot as plt
import pytest

from widgets.constants import celsius_to_kelvin
from widgets.data import IONS, get_preset
from widgets.explorers import nernst_explorer
from widgets.figures.palette import ION_COLOURS
from widgets.physics import nernst_potential

matplotlib.use("Agg")  # headless; the explorer never touches pyplot anyway

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
NEURON = get_preset("mammalian_neuron")


@pytest.fixture
def explorer():
    return nernst_explorer()


def drawn_mV(explorer):
    """The potential the figure marks, in mV."""
    return explorer.figure.point.get_ydata()[0]


def expected_mV(ion, c_out, c_in, t_celsius, z=None):
    z = IONS[ion].z if z is None else z
    return nernst_potential(c_out, c_in, z, celsius_to_kelvin(t_celsius)) * 1e3


def test_default_is_potassium_in_a_mammalian_neuron(explorer):
    assert explorer.values() == {
        "ion": "K",
        "z": 1,
        "preset": "mammalian_neuron",
        "c_out": 5.0,
        "c_in": 140.0,
        "T_celsius": 37.0,
    }
    # RT/F ln(5/140) at 37 degC: the textbook E_K of about -89 mV.
    assert drawn_mV(explorer) == pytest.approx(-89.06, abs=0.005)
    assert "E_K = −89.1 mV at 37.0 °C" in explorer.readout.value
    assert bytes(explorer.image.value).startswith(b"\x89PNG"), "the Image holds no PNG"


@pytest.mark.parametrize(
    ("control", "value", "expected"),
    [
        ("c_out", 20.0, ("K", 20.0, 140.0, 37.0)),
        ("c_in", 70.0, ("K", 5.0, 70.0, 37.0)),
        ("T_celsius", 20.0, ("K", 5.0, 140.0, 20.0)),
        ("ion", "Na", ("Na", 145.0, 12.0, 37.0)),
        ("ion", "Cl", ("Cl", 110.0, 10.0, 37.0)),
        ("ion", "Ca", ("Ca", 2.0, 1e-4, 37.0)),
        ("preset", "squid_axon", ("K", 20.0, 400.0, 20.0)),
        ("preset", "skeletal_muscle", ("K", 4.0, 155.0, 37.0)),
    ],
)
def test_each_control_draws_the_physics(explorer, control, value, expected):
    before = explorer.image.value
    explorer.controls[control].value = value
    ion, c_out, c_in, t_celsius = expected
    e_mV = expected_mV(ion, c_out, c_in, t_celsius)
    assert drawn_mV(explorer) == pytest.approx(e_mV), f"{control}={value!r} drew the wrong E"
    ratio, curve = explorer.figure.curve.get_data()
    assert curve == pytest.approx(expected_mV(ion, ratio * c_in, c_in, t_celsius))
    summary = explorer.figure.summary()
    assert summary.startswith(f"E_{ion} = ") and f"at {t_celsius:.1f} °C" in summary
    assert summary in explorer.readout.value, "the readout does not show the new result"
    assert explorer.image.value != before, "the PNG was not re-rendered"


def test_ion_choice_sets_valence_labels_and_colour(explorer):
    explorer.controls["ion"].value = "Cl"
    z = explorer.controls["z"]
    assert (z.value, z.disabled) == (-1, True), "a named ion brings its own valence"
    assert explorer.controls["c_out"].description == "[Cl⁻] outside (mM)"
    assert explorer.controls["c_in"].description == "[Cl⁻] inside (mM)"
    assert explorer.figure.curve.get_color() == ION_COLOURS["Cl"]


def test_custom_valence_is_typed(explorer):
    explorer.set(ion="custom", z=2)
    assert not explorer.controls["z"].disabled
    assert explorer.figure.z == 2
    assert drawn_mV(explorer) == pytest.approx(expected_mV("K", 5.0, 140.0, 37.0, z=2))
    assert "E (z = +2) = −44.5 mV at 37.0 °C" in explorer.readout.value


def test_zero_valence_explains_and_keeps_the_last_figure(explorer):
    explorer.set(ion="custom", z=-1)
    png, curve = explorer.image.value, explorer.figure.curve.get_ydata().copy()
    explorer.controls["z"].value = 0  # must not raise
    assert 'role="alert"' in explorer.readout.value
    assert "uncharged" in explorer.readout.value and "non-zero valence" in explorer.readout.value
    assert explorer.image.value == png and (explorer.figure.curve.get_ydata() == curve).all()
    assert explorer.figure.z == -1, "the figure must keep its last valid valence"
    explorer.controls["z"].value = 3
    assert explorer.figure.z == 3 and 'role="alert"' not in explorer.readout.value


def test_reset_button_restores_the_start(explorer):
    start_png = explorer.image.value
    explorer.set(ion="custom", z=-3, c_out=1e-3, T_celsius=4.0)
    explorer.controls["reset"].click()
    assert explorer.values()["ion"] == "K" and explorer.values()["T_celsius"] == 37.0
    assert drawn_mV(explorer) == pytest.approx(-89.06, abs=0.005)
    assert explorer.image.value == start_png, "reset should redraw the very same figure"


def test_own_values_blank_the_preset_until_one_is_chosen_again(explorer):
    explorer.controls["c_out"].value = 7.0
    assert explorer.controls["preset"].value is None, "7 mM is nobody's preset"
    explorer.controls["preset"].value = "mammalian_neuron"
    assert explorer.values()["c_out"] == 5.0


def test_squid_axon_reproduces_kandel_table():
    # Kandel et al. (2013), Principles of Neural Science, 5th ed., Table 6-1:
    # E_K = -75, E_Na = +55, E_Cl = -60 mV for the squid giant axon.
    explorer = nernst_explorer(preset="squid_axon")
    assert explorer.values()["T_celsius"] == 20.0, "the squid preset lives at 20 degC"
    for ion, published_mV in (("K", -75.0), ("Na", 55.0), ("Cl", -60.0)):
        explorer.controls["ion"].value = ion
        assert drawn_mV(explorer) == pytest.approx(published_mV, abs=1.0), (
            f"E_{ion} of the squid axon preset no longer matches the published table"
        )


def test_set_changes_several_controls_with_one_render(explorer, monkeypatch):
    renders = []
    real_png = explorer.figure.png
    monkeypatch.setattr(explorer.figure, "png", lambda: renders.append(1) or real_png())
    explorer.set(c_out=10.0, c_in=100.0, T_celsius=25.0)
    assert len(renders) == 1
    explorer.controls["preset"].value = "squid_axon"  # loads three values
    assert len(renders) == 2, "a preset should re-render once, not once per loaded value"
    assert drawn_mV(explorer) == pytest.approx(expected_mV("K", 20.0, 400.0, 20.0))


def test_set_rejects_unknown_controls(explorer):
    with pytest.raises(ValueError, match="reset"):
        explorer.set(reset=True)  # a button, not a value


def test_no_figures_accumulate_over_many_updates(explorer):
    fignums = plt.get_fignums()
    lines = len(explorer.figure.ax.lines)
    for step in range(50):
        explorer.controls["c_out"].value = 1.0 + step
    assert plt.get_fignums() == fignums
    assert len(explorer.figure.ax.lines) == lines and len(explorer.figure.fig.axes) == 1


def test_every_control_is_described_with_its_unit(explorer):
    for name, control in explorer.controls.items():
        assert control.description and control.tooltip, f"{name} has no accessible description"
    assert explorer.controls["c_out"].description.endswith("(mM)")
    assert explorer.controls["T_celsius"].description == "Temperature (°C)"


class _Tags(HTMLParser):
    """Collects start tags and checks that elements close in order."""

    VOID = {"img", "br", "hr", "meta", "input"}

    def __init__(self):
        super().__init__()
        self.open, self.seen = [], []

    def handle_starttag(self, tag, attrs):
        self.seen.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        assert self.open and self.open.pop() == tag, f"</{tag}> closes the wrong element"


def test_mimebundle_offers_the_widget_and_an_honest_snapshot(explorer):
    bundle = explorer._repr_mimebundle_()
    assert WIDGET_VIEW in bundle, "JupyterLab needs the widget view"
    assert bundle["text/plain"] == "Nernst explorer (snapshot): E_K = −89.1 mV at 37.0 °C"
    page = bundle["text/html"]
    parser = _Tags()
    parser.feed(page)
    assert parser.open == [], "unclosed elements in the snapshot"
    tags = [tag for tag, _ in parser.seen]
    assert tags[0] == "figure" and "figcaption" in tags
    assert not {"input", "select", "button", "script"} & set(tags), "no dead controls"
    (img,) = [attrs for tag, attrs in parser.seen if tag == "img"]
    assert base64.b64decode(img["src"].removeprefix("data:image/png;base64,")) == (
        explorer.image.value
    ), "the snapshot must show the current PNG"
    assert "−89.1 mV" in img["alt"] and "5 mM" in img["alt"]
    for value in ("K⁺ (potassium)", "+1", "5 mM", "140 mM", "37.0 °C", "−89.1 mV"):
        assert value in page, f"the caption does not list {value!r}"
    assert "Binder" in page and "JupyterLab" in page and "rocket" in page
    assert not re.search(r"https?://", page), "the snapshot must be self-contained"


def test_mimebundle_honours_include_and_exclude(explorer):
    assert set(explorer._repr_mimebundle_(include=["text/html"])) == {"text/html"}
    assert WIDGET_VIEW not in explorer._repr_mimebundle_(exclude=[WIDGET_VIEW])


def test_snapshot_shows_the_last_valid_values(explorer):
    explorer.set(ion="custom", z=2)
    explorer.controls["z"].value = 0
    page = explorer._repr_mimebundle_()["text/html"]
    assert "valence z: +2" in page, "the caption must describe the figure shown, not the input"


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"ion": "Xe"}, "ion"),
        ({"preset": "frog"}, "key"),
        ({"T_celsius": 60.0}, "T_celsius"),
        ({"c_out": 5e3}, "c_out"),
        ({"c_in": 0.0}, "c_in"),
        ({"ion": "custom", "c_out": 1.0}, "c_in"),
        ({"ion": "custom", "c_out": 1.0, "c_in": 1.0, "z": 4}, "z"),
        ({"ion": "custom", "c_out": 1.0, "c_in": 1.0, "z": 1.5}, "z"),
        ({"ion": "custom", "c_out": 1.0, "c_in": 1.0, "z": 0}, "z"),
        ({"ion": "Cl", "z": 1}, "z"),
    ],
)
def test_factory_rejects_values_the_controls_cannot_show(kwargs, name):
    with pytest.raises(ValueError, match=name):
        nernst_explorer(**kwargs)


def test_factory_defaults_follow_the_preset():
    explorer = nernst_explorer("Na", preset="squid_axon", T_celsius=6.3)
    assert explorer.values()["c_out"] == 440.0 and explorer.values()["c_in"] == 50.0
    assert explorer.figure.T == pytest.approx(celsius_to_kelvin(6.3))
    assert explorer.values()["preset"] is None, "6.3 degC is not the squid preset's temperature"


def test_concentration_sliders_have_no_step_grid(explorer):
    # With a step, the browser snaps 5 mM to 10**0.70 = 5.01 mM on display and sends it
    # back: the preset's E_K would read -89.2 mV in JupyterLab (seen in a browser check).
    assert explorer.controls["c_out"].step is None and explorer.controls["c_in"].step is None
