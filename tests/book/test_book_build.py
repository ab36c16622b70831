"""Build the whole book from scratch, warnings as errors, and check what a reader gets."""

import importlib.util
import json
import re
from pathlib import Path

import pytest
from explorer_catalog import notebook_explorers

from widgets.data.ions import get_preset
from widgets.explorers.site import SITE_FRAMES_ENV
from widgets.physics import ions_to_charge, sphere_area

ROOT = Path(__file__).resolve().parents[2]
EXPLORER_BUDGET_BYTES = 1_000_000  # what one explorer may add to its page (issue 14)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site(book_build):
    log = book_build.log
    assert book_build.returncode == 0, f"book build failed:\n{log[-6000:]}"
    # Sphinx warnings read "WARNING: ..."; the kernel's "[IPKernelApp] WARNING | ..." is not one.
    assert "WARNING: " not in log, f"the build printed warnings:\n{log[-6000:]}"
    return book_build.html


def read(site, page):
    return (site / page).read_text(encoding="utf-8")


def test_every_toc_page_is_built(site):
    toc = (ROOT / "_toc.yml").read_text(encoding="utf-8")
    pages = re.findall(r"file:\s*(\S+)", toc) + [re.search(r"root:\s*(\S+)", toc)[1]]
    for page in pages:
        assert (site / f"{page}.html").is_file(), f"{page} missing from the site"


def test_nernst_page_has_numbers_figures_math_and_citations(site):
    html = read(site, "chapters/nernst.html")
    inserted = re.findall(r'<span class="output text_plain">(.*?)</span>', html)
    assert "−89" in inserted, "the computed E_K (to whole mV, as the data justify) is missing"
    prose = re.sub(r"<pre>.*?</pre>", "", html, flags=re.S)  # code may mention the roles
    assert "{glue" not in prose and "{eval" not in prose, "a computed number was not inserted"
    figures = re.findall(r'<figure[^>]*id="fig-[^"]+"', html)
    assert len(figures) >= 3, "expected at least three numbered, captioned figures"
    # Figures and explorer snapshots (the theme's own logos are not ours to describe).
    alts = re.findall(r'<img[^>]+src="(?:\.\./_images/|data:image)[^"]*"[^>]*alt="([^"]*)"', html)
    assert alts and all(len(alt) > 20 for alt in alts), f"figure without alt text: {alts}"
    assert 'class="math' in html, "no math was rendered"
    assert "references.html#id" in html, "no citation links to the bibliography"
    assert "Fig. " in html, "figures are not cross-referenced by number"


def test_capacitor_page_has_numbers_figures_and_an_explorer_snapshot(site):
    html = read(site, "chapters/capacitor.html")
    soma = ions_to_charge(get_preset("mammalian_neuron").v_rest, sphere_area(10e-6)) / 1e6
    # uF/cm^2; millions at rest and at E_K; um for "two million" at the seeds' -70 mV
    for number in ("0.354", f"{soma:.2f}", "7.0", "6.0"):
        assert number in html, f"the computed number {number} is missing from the prose"
    figures = re.findall(r'<figure[^>]*id="fig-[^"]+"', html)
    assert len(figures) >= 4, "expected the four numbered, captioned figures"
    outputs = cell_outputs(html)
    assert any("explorer-snapshot" in out for out in outputs), "no explorer snapshot"
    assert "widget-view+json" not in html
    assert 'href="nernst.html#chapter-nernst"' in html, "no link to the Nernst chapter"


def test_computed_numbers_read_as_typeset_text(site):
    # An {eval} value is its repr without quotes: escapes such as "\\u2009" must not leak.
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        inserted = re.findall(r'<span class="output text_plain">(.*?)</span>', html)
        leaks = [text for text in inserted if "\\" in text or text[:1] in "'\""]
        assert not leaks, f"{page.relative_to(site)} shows raw reprs: {leaks}"
    html = read(site, "chapters/nernst.html")
    assert "96\N{THIN SPACE}485" in html, "the Faraday constant lost its digit grouping"


def cell_outputs(html):
    """Return the HTML of each code cell's output block (up to the next cell or section)."""
    starts = [m.start() for m in re.finditer(r'<div class="cell_output', html)]
    return [re.split(r'<div class="cell |<section', html[i + 1 :])[0] for i in starts]


def explorers_by_page():
    pages = {}
    for cell in notebook_explorers():
        pages.setdefault(cell.page, []).append(cell)
    return pages


def site_explorers(html):
    """Return each explorer's static HTML on a page: snapshot, frames (JSON), view script."""
    return re.findall(r'<div class="rp-explorer-site".*?</script></div>', html, flags=re.S)


def explorer_data(block):
    return json.loads(re.search(r'class="rp-explorer-data">(.*?)</script>', block, re.S)[1])


def frame_files(site, page, block):
    """The frame files an explorer's page loads, as paths in the built site."""
    sources = {frame["src"] for frame in explorer_data(block)["frames"].values()}
    return {(site / page).parent / src for src in sources}


def test_every_explorer_responds_on_the_site_with_its_frames(site):
    # The static page has no kernel: the view swaps frames the explorer drew at build time.
    for page, cells in explorers_by_page().items():
        html = read(site, f"{page}.html")
        assert "widget-view+json" not in html, f"{page}: a dead widget view was embedded"
        blocks = site_explorers(html)
        assert len(blocks) == len(cells), f"{page}: {len(cells)} explorers, {len(blocks)} live"
        for block in blocks:
            data = explorer_data(block)
            assert data["live"], f"{page}: an explorer declares no live control (site_grid)"
            files = frame_files(site, f"{page}.html", block)
            assert all(path.is_file() for path in files), f"{page}: frame files missing"
            assert all(path.parent.name == "_explorer_frames" for path in files)
            assert "mountStatic(" in block


def test_without_javascript_explorers_show_a_snapshot_and_no_dead_controls(site):
    for page in explorers_by_page():
        for out in cell_outputs(read(site, f"{page}.html")):
            static = re.sub(r"<script.*?</script>", "", out, flags=re.S)  # what shows without JS
            assert not re.search(r"<(input|select|button|textarea)", static), (
                f"{page}: a control that does nothing without JavaScript"
            )
        for block in site_explorers(read(site, f"{page}.html")):
            assert "explorer-snapshot" in block and "Binder" in block
            assert re.search(r'<img src="data:image/webp;base64,[^"]+" alt="[^"]{20,}"', block)


def test_each_explorer_adds_at_most_1_MB_to_its_page(site):
    for page in explorers_by_page():
        for block in site_explorers(read(site, f"{page}.html")):
            files = frame_files(site, f"{page}.html", block)
            weight = len(block.encode()) + sum(path.stat().st_size for path in files)
            print(f"{page}: explorer adds {weight / 1e6:.2f} MB ({len(files)} frame files)")
            assert weight <= EXPLORER_BUDGET_BYTES, f"{page}: an explorer adds {weight} bytes"


def test_book_build_asks_kernels_for_frames_under_the_explorers_name():
    # _ext/explorer_frames.py writes the name out so the build need not import the explorers.
    spec = importlib.util.spec_from_file_location(
        "explorer_frames", ROOT / "_ext/explorer_frames.py"
    )
    extension = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(extension)
    assert extension.SITE_FRAMES_ENV == SITE_FRAMES_ENV


def test_pages_load_nothing_from_third_party_hosts(site):
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        external = re.findall(r'<(?:script|link)[^>]+(?:src|href)="(https?://[^"]+)"', html)
        assert not external, f"{page.relative_to(site)} loads {external}"
    assert (site / "_static" / "mathjax" / "tex-chtml.js").is_file(), "MathJax is not self-hosted"


def test_launch_buttons_point_at_the_chapter_notebook(site):
    html = read(site, "chapters/nernst.html")
    binder = re.findall(r'href="(https://mybinder\.org/[^"]+)"', html)
    assert binder, "no Binder launch button"
    assert "chapters/nernst.ipynb" in binder[0].replace("%2F", "/")
    assert "urlpath=lab" in binder[0], "Binder should open JupyterLab"


def test_applications_page_has_numbers_figures_and_citations(site):
    from widgets.constants import concentration_to_ph
    from widgets.data import get_preset
    from widgets.formatting import format_number
    from widgets.physics import ghk_rest, proton_motive_force

    html = read(site, "chapters/applications.html")
    prose = re.sub(r"<pre>.*?</pre>", "", html, flags=re.S)
    assert "{eval" not in prose, "a computed number was not inserted"
    coli = get_preset("e_coli")
    dph = concentration_to_ph(coli.c_in["H"]) - concentration_to_ph(coli.c_out["H"])
    for value, what in (
        (ghk_rest("cardiac_myocyte", 8.0), "the heart cell's V at 8 mM K+"),
        (proton_motive_force(coli.v_rest, dph, coli.T), "E. coli's proton-motive force"),
    ):
        assert format_number(value * 1e3, 1) in html, f"{what} is missing from the prose"
    figures = re.findall(r'<figure[^>]*id="fig-[^"]+"', html)
    assert len(figures) >= 4, "expected the four numbered, captioned figures"
    alts = re.findall(r'<img[^>]+src="(?:\.\./_images/|data:image)[^"]*"[^>]*alt="([^"]*)"', html)
    assert alts and all(len(alt) > 20 for alt in alts), f"figure without alt text: {alts}"
    assert "explorer-snapshot" in html, "the scenario explorer's snapshot is missing"
    for link in ("channels.html", "pump.html", "nernst.html", "references.html#id"):
        assert link in html, f"no link to {link}"
