"""The screening chapter and its exercises in JupyterLab: rendered prose, a live explorer.

The helpers and the conventions are those of ``test_jupyterlab.py`` (the Nernst
pages); this module drives the screening pages on their own server. Screenshots go to
``artifacts/screenshots/lab-screening-*.png``.
"""

import re
from types import SimpleNamespace

import harness
import pytest
from test_jupyterlab import MARKDOWN, MYST_ROLES, markdown_sources, open_and_run, rendered_markdown

from widgets.explorers import screening_explorer
from widgets.grading.checks import grade

pytestmark = pytest.mark.browser

CHAPTER = "chapters/screening.ipynb"
EXERCISES = "exercises/screening.ipynb"
SALT = "Bath salt (mM)"  # the label of the explorer's log slider


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    root = harness.copy_repository(tmp_path_factory.mktemp("repository"))
    with harness.jupyterlab(root) as lab:
        yield SimpleNamespace(
            server=lab, notebooks={p: p.read_bytes() for p in root.rglob("*.ipynb")}
        )


@pytest.fixture(scope="module")
def chapter(browser, lab):
    tab = open_and_run(browser, lab.server, CHAPTER)
    yield tab
    tab.context.close()


def test_chapter_renders_its_math_roles_and_numbers(chapter):
    harness.screenshot(chapter.page, "lab-screening-chapter")
    text = rendered_markdown(chapter.page)
    assert chapter.page.locator(f"{MARKDOWN} .katex").count() > 0, "no math was typeset"
    raw = sorted(set(MYST_ROLES.findall(text)))
    assert not raw, f"JupyterLab shows MyST roles as raw text: {raw}"
    names = set(re.findall(r"\{eval\}`([^`]+)`", markdown_sources(CHAPTER)))
    shown = sorted(n for n in names if re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", text))
    assert not shown, f"names shown instead of their values: {shown}"
    assert "97.7" in text and "0.78" in text, "the headline numbers are missing"


def test_explorer_starts_at_the_chapter_values_and_follows_the_keyboard(chapter):
    view = harness.ExplorerView(chapter.page, SALT)
    expected = screening_explorer().figure.summary()
    assert view.readout.inner_text().strip() == expected, "the live explorer starts elsewhere"
    view.box.scroll_into_view_if_needed()
    exponent, src = view.slider_value(SALT), view.image.get_attribute("src")
    view.press("PageDown")
    lower = view.slider_value(SALT)
    assert lower < exponent, "PageDown did not lower the bath salt"
    explorer = screening_explorer()
    explorer.set(c_salt=10**lower)
    assert view.readout.inner_text().strip() == explorer.figure.summary()
    assert view.image.get_attribute("src") != src, "the figure did not change"
    harness.screenshot(chapter.page, "lab-screening-explorer")


def test_exercises_start_not_attempted(browser, lab):
    tab = open_and_run(browser, lab.server, EXERCISES)
    try:
        harness.screenshot(tab.page, "lab-screening-exercises")
        outputs = tab.page.locator(f"{harness.NOTEBOOK} .jp-OutputArea-output").all_inner_texts()
        message = grade("screening-debye-plasma", ...).message
        assert any(message in output for output in outputs), "no 'not attempted' feedback shown"
        assert not tab.offline.blocked, f"requests to other hosts: {tab.offline.blocked}"
    finally:
        tab.context.close()


def test_no_notebook_was_saved(lab, chapter):
    changed = [p for p, data in lab.notebooks.items() if p.read_bytes() != data]
    assert not changed, f"JupyterLab wrote to {changed}: is autosave off?"
