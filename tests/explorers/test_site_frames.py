"""Explorers on the static site: every frame is what the explorer itself draws, for every explorer.

Drawing an explorer's frames takes seconds: the tests that do are marked slow.
"""

import io
import json
import re

import numpy as np
import pytest
from explorer_catalog import EXPLORERS, build
from PIL import Image

from widgets.explorers import nernst_explorer, site
from widgets.explorers.view import VIEW_JS

MAX_FRAME_BYTES = 900_000  # of the 1 MB an explorer may add to its page (scripts, texts too)


@pytest.fixture(scope="module", params=EXPLORERS)
def drawn(request):
    """An explorer and its frames (drawn once per module: a few seconds each, so slow tests)."""
    explorer = build(request.param)
    return request.param, explorer, site.site_frames(explorer)


def pixels(data):
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGB"))


def frame_bytes(frame):
    return site.base64.b64decode(frame["src"].split(",", 1)[1])


def live_values(data, frame):
    return {name: frame["values"][name] for name in data["live"]}


def declared_values(data, key):
    """The grid's values at frame ``key`` ("i" or "i,j"), as site_grid() declared them."""
    indices = [int(i) for i in key.split(",")]
    values = [data["grid"][0][indices[0]]]
    if len(indices) == 2:
        values.append(data["grid"][1][indices[0]][indices[1]])
    return dict(zip(data["live"], values, strict=True))


@pytest.mark.slow
def test_every_frame_is_what_the_explorer_draws(drawn):
    factory, _, data = drawn
    fresh = build(factory)  # an explorer that never drew frames
    for key, frame in data["frames"].items():
        with fresh.hold():
            fresh.reset()
            fresh.set(**declared_values(data, key))
        assert frame["status"] == fresh.widget.status, f"frame {key}: another readout"
        assert frame["alt"] == fresh.figure.alt_text(), f"frame {key}: another alt text"
        assert frame["parameters"] == [list(p) for p in fresh.figure.parameters().items()]
        assert (pixels(frame_bytes(frame)) == pixels(site.frame_image(fresh.image.value))).all(), (
            f"frame {key} differs from the explorer's figure for {declared_values(data, key)}"
        )


@pytest.mark.slow
def test_frames_fit_the_page_budget(drawn):
    factory, explorer, data = drawn
    total = sum(len(frame_bytes(frame)) for frame in data["frames"].values())
    print(f"{factory}: {len(data['frames'])} frames, {total / 1e3:.0f} kB")  # see -rP
    assert total <= MAX_FRAME_BYTES, f"{factory}: frames weigh {total} bytes; trim site_grid"


@pytest.mark.slow
def test_grid_starts_where_the_explorer_starts(drawn):
    _, explorer, data = drawn
    start = data["frames"][",".join(map(str, data["start"]))]
    assert live_values(data, start) == {name: explorer.initial[name] for name in data["live"]}
    assert start["status"] == explorer.figure.summary()


@pytest.mark.slow
def test_frames_cover_the_grid_and_name_each_control(drawn):
    _, explorer, data = drawn
    first, *second = data["grid"]
    for i in range(len(first)):
        for j in range(len(second[0][i]) if second else 1):
            key = f"{i},{j}" if second else f"{i}"
            frame = data["frames"][key]
            assert frame["src"].startswith(f"data:{site.FRAME_MIME};base64,")
            assert set(frame["labels"]) == set(data["live"])
    specs = {spec["name"]: spec for spec in data["controls"]}
    assert set(specs) == {*data["live"], "reset"}, "only live controls and Reset are shown"
    assert {name for row in data["rows"] for name in row} == {*data["live"], "reset"}
    assert "computed when the book was built" in data["note"]
    assert "launch button" in data["note"] and "Binder" in data["note"]


@pytest.mark.slow
def test_explorer_is_left_as_it_was_found():
    explorer = nernst_explorer(ion="Na")
    explorer.set(c_out=200.0)
    before, png = explorer.values(), explorer.image.value
    site.site_frames(explorer)
    assert explorer.values() == before and explorer.image.value == png


@pytest.mark.slow
def test_site_html_is_a_snapshot_plus_data_plus_the_view():
    explorer = nernst_explorer()
    page = site.site_html(explorer)
    scripts = re.findall(r"<script[^>]*>(.*?)</script>", page, flags=re.S)
    assert len(scripts) == 2, "the frames and the view, nothing else"
    data = json.loads(scripts[0])
    assert data["live"] == ["ion", "c_out"]
    assert VIEW_JS.read_text(encoding="utf-8") in scripts[1] and "mountStatic(" in scripts[1]
    without_scripts = re.sub(r"<script.*?</script>", "", page, flags=re.S)
    assert not re.search(r"<(input|select|button|textarea)", without_scripts), (
        "with JavaScript off the page must show no control that does nothing"
    )
    assert 'class="explorer-snapshot"' in without_scripts and "alt=" in without_scripts
    assert not re.search(r"(src|href)=\"https?://", page), "the site must be self-contained"


@pytest.mark.slow
def test_mimebundle_gives_the_site_its_frames_only_when_the_book_is_built(monkeypatch):
    explorer = nernst_explorer()
    monkeypatch.delenv(site.SITE_FRAMES_ENV, raising=False)
    assert "rp-explorer-data" not in explorer._repr_mimebundle_()["text/html"]
    monkeypatch.setenv(site.SITE_FRAMES_ENV, "1")
    assert "rp-explorer-data" in explorer._repr_mimebundle_()["text/html"]


def test_frame_image_is_a_small_faithful_palette_image():
    explorer = nernst_explorer()
    png = explorer.image.value
    webp = site.frame_image(png)
    assert webp[8:12] == b"WEBP" and len(webp) < len(png) / 3
    # 32 colours: the antialiased edges lose a little, the figure none of its content.
    difference = np.abs(pixels(webp).astype(int) - pixels(png).astype(int))
    assert difference.mean() < 2.0


def test_nernst_grid_doubles_the_outside_concentration_in_three_steps():
    grid = nernst_explorer().site_grid()
    assert grid["ion"] == ["K", "Na", "Cl", "Ca"]
    potassium = grid["c_out"]["K"]
    for value in (5.0, 10.0, 20.0, 2.5):  # the chapter's "raise 5 to 10 mM", and halving
        assert any(np.isclose(value, potassium)), f"{value} mM missing from the K+ grid"
    assert np.allclose(np.diff(np.log2(potassium)), 1 / 3)
    assert sum(len(values) for values in grid["c_out"].values()) <= 80


@pytest.mark.slow
def test_nernst_ion_choice_lands_on_the_neuron_concentrations():
    data = site.site_frames(nernst_explorer())
    for i, ion in enumerate(data["grid"][0]):
        landed = data["frames"][f"{i},{data['landing'][i]}"]
        assert landed["values"]["c_out"] == pytest.approx(
            {"K": 5.0, "Na": 145.0, "Cl": 110.0, "Ca": 2.0}[ion]
        )


@pytest.mark.parametrize(
    ("grid", "message"),
    [
        ({"ion": ["K"], "c_out": [5.0], "c_in": [140.0]}, "one or two controls"),
        ({"reset": [True]}, "one or two controls"),
        ({"c_out": []}, "no values"),
        ({"c_out": [5.0, 5000.0]}, "outside the control's range"),
        ({"c_out": [5.0, 7.0], "preset": ["squid_axon"]}, "list a choice"),
    ],
)
def test_a_grid_the_explorer_cannot_show_is_refused(grid, message):
    explorer = nernst_explorer()
    explorer.site_grid = lambda: grid
    with pytest.raises(ValueError, match=message):
        site.site_frames(explorer)
