"""Choice problems: reading a letter, feedback per option, and their place in check()."""

import pytest

from widgets.grading import checks
from widgets.grading.answers import InvalidAnswer, read_choice
from widgets.grading.choice import ChoiceProblem, Option
from widgets.grading.notebook import blank_source

KEYS = ("a", "b", "c")
DEMO = ChoiceProblem(
    id="demo-sign",
    symbol="The sign of E_Cl",
    quantity="the sign of E_Cl in a neuron",
    options=(
        Option("a", "negative"),
        Option("b", "positive", "Chloride is more concentrated outside, but it is an anion."),
        Option("c", "zero", "Only equal concentrations give zero."),
    ),
    answer="a",
    explanation="A negative interior repels the anion.",
    objective="anion",
    kind="predict",
)


@pytest.mark.parametrize("typed", ["b", "B", " b ", "(b)", "b)", "b.", "'b'", ["b"], b"b"])
def test_forgiving_spellings_of_a_letter_read_as_it(typed):
    assert read_choice(typed, KEYS) == "b"


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        (2, "the number 2"),
        (None, "NoneType"),
        ("d", 'no option "d"'),
        ("negative", "not an option's letter"),
        (["a", "b"], "2 values"),
        (True, "the number True"),
    ],
)
def test_anything_else_gets_a_plain_message(typed, words):
    with pytest.raises(InvalidAnswer, match=words) as err:
        read_choice(typed, KEYS)
    assert '"a", "b", "c"' in str(err.value) or "values" in words


@pytest.mark.parametrize(
    ("options", "answer", "kind", "words"),
    [
        ((Option("a", "x"), Option("a", "y", "f")), "a", "predict", "distinct"),
        ((Option("a", "x"),), "a", "predict", "at least two"),
        ((Option("a", "x"), Option("b", "y", "f")), "c", "predict", "answer must be one of"),
        ((Option("a", "x"), Option("b", "y")), "a", "predict", "feedback"),
        ((Option("a", "x"), Option("b", "y", "f")), "a", "guess", "kind"),
        ((Option("A", "x"), Option("b", "y", "f")), "A", "predict", "lower-case"),
    ],
)
def test_an_ill_formed_problem_is_refused(options, answer, kind, words):
    with pytest.raises(ValueError, match=words):
        ChoiceProblem("x", "s", "q", options, answer, "e", kind=kind)


@pytest.fixture
def registered(monkeypatch):
    monkeypatch.setitem(checks.PROBLEMS, DEMO.id, DEMO)
    return DEMO


def test_grade_right_wrong_blank_and_malformed(registered):
    right = checks.grade(DEMO.id, "A")
    assert (right.status, right.points, right.answer) == ("correct", 1, "a")
    assert "negative" in right.message and DEMO.explanation in right.message
    wrong = checks.grade(DEMO.id, "c")
    assert (wrong.status, wrong.points, wrong.message) == (
        "incorrect",
        0,
        "Only equal concentrations give zero.",
    )
    blank = checks.grade(DEMO.id, ...)
    assert blank.status == "not attempted" and '"a" to "c"' in blank.message
    typo = checks.grade(DEMO.id, "e")
    assert (typo.status, typo.answer) == ("invalid", None) and 'no option "e"' in typo.message


def test_check_shows_the_letter_read(registered, capsys):
    checks.check(DEMO.id, "b")
    printed = capsys.readouterr().out
    assert "Your answer: (b)" in printed and "anion" in printed


def test_blank_names_the_options(registered):
    assert blank_source(DEMO.id) == 'answer = ...  # your choice: "a" to "c"'
