"""The view's Python side, for every explorer: specs the view can draw, values it sends back."""

import ipywidgets as widgets
import pytest
from explorer_catalog import EXPLORERS, build

from widgets.explorers.view import ExplorerView, control_spec, decimals_of


@pytest.fixture(params=EXPLORERS)
def explorer(request):
    return build(request.param)


def send(explorer, name, value, seq):
    """What the view sends when the learner changes control ``name``."""
    explorer.widget._receive(explorer.widget, {"seq": seq, "name": name, "value": value}, [])


def test_every_control_has_a_spec_with_a_name(explorer):
    specs = {spec["name"]: spec for spec in explorer.widget.controls}
    assert set(specs) == set(explorer.controls)
    for name, spec in specs.items():
        assert spec["label"].strip(), f"{name} has no accessible name"
        if spec["kind"] == "slider":
            assert spec["unit"], f"slider {name} ({spec['label']!r}) has no '(unit)' at its end"
    assert specs["reset"] == {**specs["reset"], "kind": "button", "label": "Reset"}


def test_view_starts_with_the_figure_and_readout(explorer):
    view = explorer.widget
    assert view.image == explorer.image.value and view.image.startswith(b"\x89PNG")
    assert view.alt == explorer.figure.alt_text()
    assert view.status == explorer.figure.summary() and not view.invalid
    assert view.title == explorer.title
    assert [name for row in view.rows for name in row if name in explorer.controls]


def test_each_control_moved_in_the_view_is_drawn(explorer):
    names = [s["name"] for s in explorer.widget.controls if s["kind"] != "button"]
    for seq, name in enumerate(names, start=1):
        # The spec as the view shows it now: a choice made earlier may have disabled this
        # control (a slider that does not apply to the chosen cell), and a disabled control
        # cannot be moved in the view.
        spec = next(s for s in explorer.widget.controls if s["name"] == name)
        if spec["disabled"]:
            continue
        before = explorer.image.value
        value = moved(spec)
        send(explorer, name, value, seq)
        assert explorer.widget.ack["seq"] == seq, f"{name}: the view got no answer"
        if explorer.widget.invalid:
            continue  # e.g. a valence of 0: explained in the readout, the figure kept
        control = explorer.controls[name]
        by_index = spec["kind"] == "choice" or spec.get("scale") == "grid"
        shown = control.index if by_index else control.value
        assert shown == pytest.approx(value), f"{name} did not take the value the view sent"
        if spec["kind"] == "slider":
            assert explorer.image.value != before, f"moving {name} in the view did not redraw"
        assert explorer.widget.image == explorer.image.value
        assert explorer.widget.status == explorer.figure.summary()


def moved(spec):
    """A valid value of the control other than its current one."""
    if spec["kind"] == "choice":
        return (spec["index"] + 1) % len(spec["options"])
    if spec["kind"] == "slider" and spec["scale"] == "grid":  # a SelectionSlider: an index
        return (spec["value"] + 1) % len(spec["values"])
    if spec["kind"] == "slider" and spec["scale"] == "log":
        return spec["base"] ** ((spec["min"] + spec["max"]) / 2)
    low, high = spec["min"], spec["max"]
    value = spec["value"]
    target = low + (high - low) / 3 if value != low + (high - low) / 3 else low
    return round(target) if spec["integer"] else target


def test_reset_in_the_view_restores_the_start(explorer):
    start = explorer.values()
    slider = next(s for s in explorer.widget.controls if s["kind"] == "slider")
    send(explorer, slider["name"], moved(slider), 1)
    send(explorer, "reset", True, 2)
    assert explorer.values() == start
    assert explorer.widget.ack["seq"] == 2


def test_stale_and_foreign_messages_are_dropped(explorer):
    slider = next(s for s in explorer.widget.controls if s["kind"] == "slider")
    send(explorer, slider["name"], moved(slider), 10)
    applied = explorer.values()[slider["name"]]
    send(explorer, slider["name"], slider["value"], 9)  # older than the one applied
    assert explorer.values()[slider["name"]] == applied
    assert explorer.widget.ack["seq"] == 10
    explorer.widget._receive(explorer.widget, {"name": slider["name"], "value": 1}, [])
    assert explorer.widget.ack["seq"] == 10, "a message without seq is not the view's"


def test_a_value_the_control_refuses_is_answered_not_raised(explorer):
    choice = next((s for s in explorer.widget.controls if s["kind"] == "choice"), None)
    if choice is None:
        pytest.skip("no choice control")
    send(explorer, choice["name"], len(choice["options"]) + 5, 1)  # no such option
    assert explorer.widget.ack["seq"] == 1
    assert explorer.controls[choice["name"]].index == choice["index"]


def test_ack_carries_the_kernel_phases(explorer):
    slider = next(s for s in explorer.widget.controls if s["kind"] == "slider")
    send(explorer, slider["name"], moved(slider), 1)
    ack = explorer.widget.ack
    assert ack["received"] <= ack["sent"]
    assert ack["apply_ms"] >= 0 and ack["png_ms"] > 0


def test_changes_from_code_reach_the_view(explorer):
    slider = next(s for s in explorer.widget.controls if s["kind"] == "slider")
    explorer.set(**{slider["name"]: moved(slider)})
    spec = next(s for s in explorer.widget.controls if s["name"] == slider["name"])
    assert spec["value"] == pytest.approx(moved(slider))
    assert explorer.widget.alt == explorer.figure.alt_text()


@pytest.mark.parametrize(
    ("control", "expected"),
    [
        (
            widgets.FloatLogSlider(value=5.0, min=-5, max=3, description="[K⁺] outside (mM)"),
            {"kind": "slider", "scale": "log", "unit": "mM", "min": -5, "max": 3, "value": 5.0},
        ),
        (
            widgets.IntSlider(value=3, min=1, max=9, description="Charges (e)"),
            {"kind": "slider", "scale": "linear", "unit": "e", "integer": True, "decimals": 0},
        ),
        (
            widgets.Dropdown(options=[("Potassium", "K"), ("Sodium", "Na")], description="Ion"),
            {"kind": "choice", "style": "select", "unit": "", "index": 0},
        ),
        (
            widgets.ToggleButtons(options=["rest", "spike"], description="State"),
            {
                "kind": "choice",
                "style": "radio",
                "options": [
                    {"label": "rest", "value": "rest"},
                    {"label": "spike", "value": "spike"},
                ],
            },
        ),
        (
            widgets.BoundedFloatText(value=2.0, min=0.5, max=9.0, description="Radius (µm)"),
            {"kind": "number", "unit": "µm", "min": 0.5, "max": 9.0, "integer": False},
        ),
        (
            widgets.SelectionSlider(options=[("1", 1.0), ("6", 6.0)], description="Time (h)"),
            {"kind": "slider", "scale": "grid", "values": [1.0, 6.0], "labels": ["1", "6"]},
        ),
        (
            widgets.Button(description="Reset"),
            {"kind": "button", "label": "Reset"},
        ),
    ],
)
def test_control_spec_of_each_kind(control, expected):
    spec = control_spec("name", control)
    assert spec == {**spec, **expected}


def test_control_spec_names_what_it_cannot_show():
    with pytest.raises(ValueError, match="'notes'.*Textarea"):
        control_spec("notes", widgets.Textarea(description="Notes"))


def test_decimals_follow_the_step():
    assert [decimals_of(step) for step in (1, 0.1, 0.25, 0.001, 0)] == [0, 1, 2, 3, 0]


def test_view_module_is_the_anywidget_front_end():
    esm = str(ExplorerView._esm)
    assert "export function render" in esm and "export default" in esm
    assert "</script" not in esm, "the module is inlined into pages: it must not end a script"
    assert "data-lm-suppress-shortcuts" in esm
