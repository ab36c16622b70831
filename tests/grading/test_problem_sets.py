"""Every chapter's exercise set meets the book's exercise standard (shared/BOOK.md).

One registry (:mod:`widgets.grading.problems`) holds a module per chapter; every test
here runs for each of them, so a new chapter's problems are checked without new tests:
its objectives match the chapter's, each is assessed, the kinds of item the standard
asks for are there, expected answers grade correct, every rounded constant the chapter
prints gives an answer graded correct, and every named slip or wrong option is told apart
from the right answer and from the others.
"""

import re
from pathlib import Path

import nbformat
import pytest

from widgets.grading.checks import grade
from widgets.grading.choice import ChoiceProblem
from widgets.grading.notebook import answer_cells, read_notebook
from widgets.grading.problem import SLIP_REL_TOL, Problem, exact_values
from widgets.grading.problems import PROBLEM_SETS

ROOT = Path(__file__).resolve().parents[2]
SLUGS = sorted(PROBLEM_SETS)
ALL = [(slug, p) for slug in SLUGS for p in PROBLEM_SETS[slug].PROBLEMS]
NUMERIC = [p for _, p in ALL if isinstance(p, Problem)]
NUMERIC_BY_ID = {p.id: p for p in NUMERIC}
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
PENDING = {}
# Sets merged before every set had to declare the roundings its chapter prints and the
# routes of its calculations (issue 16): each is a strict xfail until it does.
PENDING_ROUNDED = {}
# Problems with a slip whose recognition window reaches the right answer's, each a strict
# xfail until its set is revised.
PENDING_SLIPS = {}  # "<problem id> <slip value to 4 digits>": reason
# Numeric problems a learner works out by hand: each needs at least one route.
CALCULATED = [(slug, p) for slug, p in ALL if isinstance(p, Problem) and p.kind == "calculation"]
ROUTES = [(slug, p, i) for slug, p in ALL if isinstance(p, Problem) for i in range(len(p.routes))]
ROUNDINGS = [(slug, r) for slug in SLUGS for r in getattr(PROBLEM_SETS[slug], "ROUNDED", ())]
PRINTED_REL_TOL = 0.01  # a printed rounding lies within 1 % of the exact value


def pending(slug, *values, table=PENDING):
    """Return a test parameter for ``slug`` (and ``values``), a strict xfail if listed."""
    reason = table.get(slug)
    marks = pytest.mark.xfail(strict=True, reason=reason) if reason else ()
    return pytest.param(slug, *values, marks=marks)


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


class Recording(dict):
    """The values a route reads, remembering which keys it read."""

    def __init__(self, values):
        super().__init__(values)
        self.read = set()

    def __getitem__(self, key):
        self.read.add(key)
        return super().__getitem__(key)


def route_id(x):
    return getattr(x, "id", None) or getattr(x, "key", None) or str(x)


@pytest.mark.parametrize("slug", [pending(slug, table=PENDING_ROUNDED) for slug in SLUGS])
def test_every_set_declares_the_roundings_its_chapter_prints(slug):
    module = PROBLEM_SETS[slug]
    assert hasattr(module, "ROUNDED"), (
        f"widgets/grading/problems/{slug}.py must declare ROUNDED: every rounded constant "
        "or rule of thumb the chapter prints (an empty tuple if it prints none)"
    )
    exact_values(module.ROUNDED)  # one exact value per key
    for item in module.ROUNDED:
        assert abs(item.printed - item.exact) <= PRINTED_REL_TOL * abs(item.exact), (
            f"{slug}: {item.text!r} is not a rounding of {item.exact!r}"
        )


@pytest.mark.parametrize(
    ("slug", "problem"),
    [pending(slug, p, table=PENDING_ROUNDED) for slug, p in CALCULATED],
    ids=route_id,
)
def test_every_calculation_has_a_route(slug, problem):
    assert problem.routes, (
        f"{problem.id}: give the hand calculations that reach the answer as routes, "
        "functions of the chapter's ROUNDED values"
    )


@pytest.mark.parametrize(("slug", "problem", "index"), ROUTES, ids=route_id)
def test_each_route_reproduces_the_expected_answer(slug, problem, index):
    exact = exact_values(PROBLEM_SETS[slug].ROUNDED)
    assert problem.routes[index](exact) == pytest.approx(problem.expected, rel=1e-9), (
        f"{problem.id}: route {index} with the exact values does not give the expected answer"
    )


@pytest.mark.parametrize(("slug", "item"), ROUNDINGS, ids=route_id)
def test_each_printed_rounding_gives_answers_graded_correct(slug, item):
    exact = exact_values(PROBLEM_SETS[slug].ROUNDED)
    used = False
    for problem in (p for s, p in ALL if s == slug and isinstance(p, Problem)):
        for index, route in enumerate(problem.routes):
            values = Recording({**exact, item.key: item.printed})
            answer = route(values)
            if item.key not in values.read:
                continue
            used = True
            result = grade(problem.id, answer)
            assert result.status == "correct", (
                f"{problem.id}, route {index}: with {item.text} the answer is {answer:.6g}, "
                f"graded {result.status} (expected {problem.expected:.6g}). Widen the "
                "tolerance, or print a more precise value on the page."
            )
    assert used, f"{slug}: no route uses {item.text!r}; declare only what the routes read"


@pytest.mark.parametrize(("slug", "problem", "index"), ROUTES, ids=route_id)
def test_a_route_with_every_printed_rounding_at_once_is_graded_correct(slug, problem, index):
    rounded = PROBLEM_SETS[slug].ROUNDED
    for order in (rounded, rounded[::-1]):  # the first and the last rounding of each key
        values = {item.key: item.printed for item in order}
        answer = problem.routes[index](values)
        result = grade(problem.id, answer)
        assert result.status == "correct", (
            f"{problem.id}, route {index}: with every printed rounding the answer is "
            f"{answer:.6g}, graded {result.status} (expected {problem.expected:.6g})"
        )


@pytest.mark.parametrize(
    ("key", "slip"),
    [pending(f"{p.id} {s.value:.4g}", s, table=PENDING_SLIPS) for p in NUMERIC for s in p.slips],
    ids=lambda x: x.replace(" ", "-") if isinstance(x, str) else "",
)
def test_each_slip_is_named_and_told_apart(key, slip):
    problem = NUMERIC_BY_ID[key.split()[0]]
    assert not problem.is_correct(slip.value), "a slip's value must not be graded correct"
    window = SLIP_REL_TOL * abs(slip.value)
    assert not problem.is_correct(slip.value - window), "the slip's window reaches a correct answer"
    assert not problem.is_correct(slip.value + window), "the slip's window reaches a correct answer"
    assert abs(problem.expected - slip.value) > window, "the slip's window holds the right answer"
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
