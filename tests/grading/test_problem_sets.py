"""Every chapter's exercise set meets the book's exercise standard (shared/BOOK.md).

One registry (:mod:`widgets.grading.problems`) holds a module per chapter; every test
here runs for each of them, so a new chapter's problems are checked without new tests:
its objectives match the chapter's, each is assessed, the kinds of item the standard
asks for are there, expected answers grade correct and every named slip or wrong option
is told apart from the right answer and from the others.
"""

import re
from pathlib import Path

import nbformat
import pytest

from widgets.grading.checks import grade
from widgets.grading.choice import ChoiceProblem
from widgets.grading.notebook import answer_cells, read_notebook
from widgets.grading.problem import SLIP_REL_TOL, Problem
from widgets.grading.problems import PROBLEM_SETS

ROOT = Path(__file__).resolve().parents[2]
SLUGS = sorted(PROBLEM_SETS)
ALL = [(slug, p) for slug in SLUGS for p in PROBLEM_SETS[slug].PROBLEMS]
NUMERIC = [p for _, p in ALL if isinstance(p, Problem)]
CHOICES = [p for _, p in ALL if isinstance(p, ChoiceProblem)]
MIN_PROBLEMS = 6
# The kinds of item every set must hold (BOOK.md, the exercise standard).
REQUIRED_KINDS = {
    "predict": "a direction or sign chosen before computing",
    "concept": "a choice whose wrong options are named misconceptions",
    "estimate": "an order-of-magnitude estimate",
    "explorer": "a problem that needs the chapter's explorer",
}
# Sets still being brought up to the standard, each with the issue that does it.
PENDING = {"nernst": "issue 16 adds the Nernst set's choice and explorer items"}


def pending(slug):
    reason = PENDING.get(slug)
    return pytest.param(slug, marks=pytest.mark.xfail(strict=True, reason=reason) if reason else ())


def chapter_objectives(slug):
    """Return the bullets of the chapter's "Learning objectives" admonition, one line each."""
    nb = nbformat.read(ROOT / "chapters" / f"{slug}.ipynb", as_version=4)
    for cell in nb.cells:
        match = re.search(r"```\{admonition\} Learning objectives\n(.*?)```", cell.source, re.S)
        if cell.cell_type == "markdown" and match:
            bullets = re.split(r"\n- ", "\n" + match[1].split("\n- ", 1)[-1])
            return [" ".join(b.split()) for b in bullets if b.strip()]
    raise AssertionError(f"chapters/{slug}.ipynb has no 'Learning objectives' admonition")


@pytest.mark.parametrize("slug", SLUGS)
def test_ids_start_with_the_slug(slug):
    ids = [p.id for p in PROBLEM_SETS[slug].PROBLEMS]
    assert all(i.startswith(f"{slug}-") for i in ids), ids
    assert len(ids) >= MIN_PROBLEMS, (
        f"{slug}: {len(ids)} problems; the standard asks {MIN_PROBLEMS}"
    )


@pytest.mark.parametrize("slug", SLUGS)
def test_objectives_are_the_chapters_word_for_word(slug):
    ours = [" ".join(text.split()) for text in PROBLEM_SETS[slug].OBJECTIVES.values()]
    assert ours == chapter_objectives(slug), (
        f"{slug}: OBJECTIVES in widgets/grading/problems/{slug}.py and the chapter's "
        "learning objectives differ"
    )


@pytest.mark.parametrize("slug", SLUGS)
def test_every_objective_is_assessed_and_nothing_else(slug):
    module = PROBLEM_SETS[slug]
    tags = {p.id: p.objective for p in module.PROBLEMS}
    unknown = {i: tag for i, tag in tags.items() if tag not in module.OBJECTIVES}
    assert not unknown, f"{slug}: problems tagged with no objective of the chapter: {unknown}"
    unassessed = set(module.OBJECTIVES) - set(tags.values())
    assert not unassessed, f"{slug}: objectives no problem assesses: {sorted(unassessed)}"


@pytest.mark.parametrize("slug", [pending(slug) for slug in SLUGS])
def test_set_has_every_kind_of_item_the_standard_asks(slug):
    kinds = {p.kind for p in PROBLEM_SETS[slug].PROBLEMS}
    missing = {kind: what for kind, what in REQUIRED_KINDS.items() if kind not in kinds}
    assert not missing, f"{slug} lacks {missing}"


@pytest.mark.parametrize("slug", SLUGS)
def test_exercise_notebook_asks_every_problem_in_order(slug):
    nb = read_notebook(ROOT / "exercises" / "solutions" / f"{slug}.ipynb")
    assert [p for _, p in answer_cells(nb)] == [p.id for p in PROBLEM_SETS[slug].PROBLEMS]


@pytest.mark.parametrize(("slug", "problem"), ALL, ids=lambda x: getattr(x, "id", x))
def test_expected_answer_grades_correct(slug, problem):
    answer = problem.answer if isinstance(problem, ChoiceProblem) else problem.expected
    result = grade(problem.id, answer)
    assert result.status == "correct", result.message
    assert result.points == problem.points > 0


@pytest.mark.parametrize(
    ("problem", "slip"),
    [(p, s) for p in NUMERIC for s in p.slips],
    ids=lambda x: getattr(x, "id", None) or f"{x.value:.4g}",
)
def test_each_slip_is_named_and_told_apart(problem, slip):
    assert not problem.is_correct(slip.value), "a slip's value must not be graded correct"
    result = grade(problem.id, slip.value)
    assert result.status == "incorrect"
    assert result.message == slip.message, "another slip (or none) matched first"
    others = [s for s in problem.slips if s is not slip]
    assert all(abs(s.value - slip.value) > SLIP_REL_TOL * abs(slip.value) for s in others), (
        "two slips of one problem overlap"
    )


@pytest.mark.parametrize("problem", CHOICES, ids=lambda p: p.id)
def test_each_wrong_option_gets_its_own_feedback(problem):
    messages = set()
    for option in problem.options:
        result = grade(problem.id, option.key)
        if option.key == problem.answer:
            assert result.status == "correct"
        else:
            assert (result.status, result.message) == ("incorrect", option.feedback)
            messages.add(result.message)
    assert len(messages) == len(problem.options) - 1, "two wrong options share their feedback"


@pytest.mark.parametrize("problem", CHOICES, ids=lambda p: p.id)
def test_notebook_shows_every_option_before_its_answer_cell(problem):
    slug = next(s for s, p in ALL if p is problem)
    nb = read_notebook(ROOT / "exercises" / f"{slug}.ipynb")
    index = dict((p, i) for i, p in answer_cells(nb))[problem.id]
    statement = nb.cells[index - 1].source
    for option in problem.options:
        assert f"({option.key}) {option.text}" in " ".join(statement.split()), (
            f"{problem.id}: the statement above the answer cell should show "
            f"'({option.key}) {option.text}'"
        )
