"""The built website as a reader's browser shows it, offline, in light and dark mode.

Each page is visited once per colour mode (``visits`` caches the observations);
every test checks one thing on one page. Screenshots of every visit are saved to
``artifacts/screenshots/site-<page>-<mode>.png``.
"""

import re
import subprocess

import harness
import pytest
import site_pages
import yaml

pytestmark = pytest.mark.browser

PAGES = site_pages.content_pages()
NOTEBOOK_PAGES = [page for page in PAGES if page.startswith(("chapters/", "exercises/"))]
MIN_CONTRAST = 4.5  # WCAG 2 AA for body text
MIN_FIGURE_BACKGROUND = 200  # 0-255 per channel: white, dimmed a little by the dark theme
FILENAME = re.compile(r"^[\w./-]+\.(png|jpe?g|gif|svg|webp)$", re.IGNORECASE)


@pytest.fixture(scope="session")
def visits(browser, site_url):
    cache = {}

    def get(page, dark=False):
        if (page, dark) not in cache:
            cache[page, dark] = site_pages.visit(browser, site_url, page, dark)
        return cache[page, dark]

    return get


def test_site_has_exactly_the_pages_visited_here(site_dir):
    built = {
        path.relative_to(site_dir).with_suffix("").as_posix()
        for path in site_dir.rglob("*.html")
        if path.relative_to(site_dir).parts[0] not in ("_static", "_sources")
    }
    assert built == {*PAGES, "index"}, "a page is built that these tests do not visit, or v.v."


def test_index_redirects_to_the_first_page(browser, site_url):
    context, offline = harness.offline_context(browser)
    try:
        tab = context.new_page()
        tab.goto(f"{site_url}index.html")
        tab.wait_for_url(f"{site_url}{PAGES[0]}.html")
    finally:
        context.close()
    assert not offline.blocked


@pytest.mark.parametrize("page", PAGES)
def test_page_requests_nothing_from_other_hosts(visits, page):
    blocked = visits(page).blocked + visits(page, dark=True).blocked
    assert not blocked, f"{page} needs the internet (aborted here): {blocked}"


@pytest.mark.parametrize("page", PAGES)
def test_every_request_succeeds(visits, page):
    failed = visits(page).failed_requests + visits(page, dark=True).failed_requests
    assert not failed, f"{page}: requests failed: {failed}"


@pytest.mark.parametrize("page", PAGES)
def test_console_shows_no_errors(visits, page):
    errors = visits(page).console_errors + visits(page, dark=True).console_errors
    assert not errors, (
        f"{page}: console errors (add to site_pages.ALLOWED_CONSOLE_ERRORS only if harmless, "
        f"with the reason): {errors}"
    )


@pytest.mark.parametrize("page", PAGES)
def test_math_is_typeset(visits, page):
    facts = visits(page).facts
    assert not facts["mathUnrendered"], f"{page}: MathJax did not typeset {facts['mathUnrendered']}"
    assert not facts["mathErrors"], f"{page}: TeX errors {facts['mathErrors']}"
    assert not facts["rawTex"], f"{page}: raw TeX visible to readers: {facts['rawTex']}"


def test_pages_with_equations_have_them_typeset(visits):
    for page in NOTEBOOK_PAGES:
        assert visits(page).facts["mathCount"] > 0, f"{page} should show equations; none found"


@pytest.mark.parametrize("page", PAGES)
def test_images_load_and_have_meaningful_alt_text(visits, page):
    for image in visits(page).facts["images"]:
        assert image["width"] > 0, f"{page}: image did not load: {image['src']}"
        alt = (image["alt"] or "").strip()
        assert len(alt) > 10 and not FILENAME.match(alt), (
            f"{page}: image {image['src']} needs alt text that describes it; got {alt!r}"
        )


@pytest.mark.parametrize("page", PAGES)
def test_internal_links_reach_existing_pages_and_anchors(visits, site_dir, page):
    facts = visits(page).facts
    broken = site_pages.broken_links(site_dir, page, facts["links"], set(facts["ids"]))
    assert not broken, f"{page}: broken links: {broken}"


@pytest.mark.parametrize("page", PAGES)
def test_cell_outputs_have_no_dead_controls(visits, page):
    # An explorer's controls are live along its precomputed frames (test_site_explorers.py);
    # any other control in a cell output would move and change nothing without a kernel.
    controls = visits(page).facts["controls"]
    assert not controls, (
        f"{page}: a form control outside an explorer's view changes nothing without a kernel "
        f"(TOOLCHAIN pitfall 9): {controls}"
    )


@pytest.mark.parametrize("page", PAGES)
def test_one_search_button(visits, page):
    # pydata-sphinx-theme 0.17 would add a top bar with a second one (see _config.yml).
    shown = visits(page).facts["searchButtons"]
    assert shown == 1, f"{page} shows {shown} search buttons"


@pytest.mark.parametrize("page", PAGES)
def test_no_serious_accessibility_violations(visits, page):
    violations = visits(page).axe_violations
    for violation in violations:  # shown with -rP or on failure: the minor and moderate ones too
        targets = [node["target"] for node in violation["nodes"]][:3]
        print(
            f"{page}: axe {violation['impact']}: {violation['id']} x{len(violation['nodes'])} "
            f"{targets}"
        )
    serious = [v["id"] for v in violations if v["impact"] in ("serious", "critical")]
    assert not serious, f"{page}: serious or critical axe-core violations: {serious}"


@pytest.mark.parametrize("page", PAGES)
def test_dark_mode_keeps_text_readable(visits, page):
    dark = visits(page, dark=True)
    assert dark.facts["theme"] == "dark", f"{page} did not switch to the dark theme"
    assert dark.text_colours, f"{page}: no body text found to check"
    ratios = [
        (site_pages.contrast_ratio(t["color"], t["backgrounds"]), t["text"])
        for t in dark.text_colours
    ]
    worst = min(ratios)
    assert worst[0] >= MIN_CONTRAST, f"{page}: text {worst[1]!r} has contrast {worst[0]:.2f}"
    failing = [v["id"] for v in dark.axe_violations]
    assert not failing, f"{page}: axe-core finds low colour contrast in dark mode: {failing}"


@pytest.mark.parametrize("page", PAGES)
def test_dark_mode_keeps_figures_on_white(visits, page):
    for alt, pixel in visits(page, dark=True).figure_corners:
        print(f"{page}: figure {alt!r} corner in dark mode: RGB {pixel}")
        assert min(pixel) >= MIN_FIGURE_BACKGROUND, (
            f"{page}: figure {alt!r} shows a dark background {pixel} in dark mode; "
            "black axes and labels would vanish"
        )


@pytest.fixture(scope="module")
def repository():
    config = yaml.safe_load((harness.ROOT / "_config.yml").read_text(encoding="utf-8"))
    return config["repository"]


@pytest.mark.parametrize("page", NOTEBOOK_PAGES)
def test_launch_buttons_open_this_page_notebook(visits, repository, page):
    links = visits(page).facts["links"]
    url, branch = repository["url"].rstrip("/"), repository["branch"]
    owner_repo = url.removeprefix("https://github.com/")
    notebook = f"{page}.ipynb"
    binder = [link for link in links if link.startswith("https://mybinder.org/")]
    expected = f"https://mybinder.org/v2/gh/{owner_repo}/{branch}?urlpath=lab/tree/{notebook}"
    assert binder == [expected], f"{page}: Binder button {binder}, expected [{expected}]"
    assert url in links, f"{page}: no link to the repository {url}"
    source = harness.ROOT / notebook
    assert source.is_file(), f"Binder would open {notebook}, which does not exist"
    ignored = subprocess.run(["git", "check-ignore", "-q", notebook], cwd=harness.ROOT)
    assert ignored.returncode == 1, f"{notebook} is git-ignored, so Binder would not have it"
