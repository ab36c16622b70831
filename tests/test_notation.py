"""The notation page: every linked term is defined, every constant is listed with its value."""

import importlib
import numbers
import re
from pathlib import Path

import nbformat
import pytest

import widgets.constants
import widgets.physics
from widgets.data.ions import PRESETS
from widgets.notation import CONSTANTS, constants_table, presets_table

ROOT = Path(__file__).resolve().parents[1]
NOTATION = ROOT / "notation.md"
# {term}`text` or {term}`text <target>`; the target (or the text) names the glossary entry.
TERM_ROLE = re.compile(r"\{term\}`([^`<]*?)(?:\s*<([^`>]+)>)?`")


def glossary_terms():
    """Return the terms the glossary defines, lower-cased (Sphinx matches terms so)."""
    source = NOTATION.read_text(encoding="utf-8")
    block = re.search(r"```\{glossary\}\n(.*?)\n```", source, re.S)
    assert block, "notation.md has no {glossary} block"
    return {
        line.strip().lower() for line in block[1].splitlines() if line and not line[0].isspace()
    }


def markdown_sources():
    """Yield (page, markdown) of every page that can link to a term."""
    for path in sorted(ROOT.glob("chapters/*.ipynb")) + sorted(ROOT.glob("exercises/**/*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
        yield path.relative_to(ROOT).as_posix(), text
    for path in sorted(ROOT.glob("*.md")):
        yield path.name, path.read_text(encoding="utf-8")


def linked_terms():
    for page, text in markdown_sources():
        for shown, target in TERM_ROLE.findall(text):
            yield page, (target or shown).strip()


def test_the_glossary_is_alphabetical_and_the_ghk_chapter_links_to_it():
    assert len(glossary_terms()) >= 10
    source = NOTATION.read_text(encoding="utf-8")
    block = re.search(r"```\{glossary\}\n(.*?)\n```", source, re.S)[1]
    # An entry may have several terms on consecutive lines: order the entries by their first.
    firsts = [entry.splitlines()[0].lower() for entry in re.split(r"\n\s*\n", block)]
    assert firsts == sorted(firsts), "keep the glossary in alphabetical order"
    assert any(page == "chapters/ghk.ipynb" for page, _ in linked_terms())


def test_every_linked_term_is_defined():
    defined = glossary_terms()
    missing = sorted({(page, term) for page, term in linked_terms() if term.lower() not in defined})
    assert not missing, f"terms linked but not in notation.md's glossary: {missing}"


def public_constants(module, names):
    return {
        name for name in names if name.isupper() and isinstance(getattr(module, name), numbers.Real)
    }


def test_every_constant_of_the_package_has_a_row():
    listed = {c.name for c in CONSTANTS}
    needed = public_constants(widgets.constants, dir(widgets.constants))
    needed |= public_constants(widgets.physics, widgets.physics.__all__)
    missing = sorted(needed - listed)
    assert not missing, f"constants without a Constant row in widgets/notation.py: {missing}"


@pytest.mark.parametrize("constant", CONSTANTS, ids=lambda c: c.name)
def test_each_row_shows_the_package_value(constant):
    module = importlib.import_module(constant.module)
    assert getattr(module, constant.name) == constant.value, (
        f"{constant.name}: the row's value differs from {constant.module}"
    )
    assert f"(`{constant.name}`)" in constants_table()


def test_presets_table_has_a_row_per_preset_with_its_source():
    rows = presets_table().splitlines()[2:]
    assert len(rows) == len(PRESETS)
    for row, preset in zip(rows, PRESETS.values(), strict=True):
        assert row.startswith(f"| {preset.label} |")
        assert f"{{cite}}`{preset.source}`" in row
        assert f"{preset.c_out['K']:g} / {preset.c_in['K']:g}" in row
