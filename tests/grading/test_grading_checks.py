"""Grading one answer: statuses, tolerance, recognised slips, and check()'s display."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from widgets.grading import CheckResult, check, get_problem, grade
from widgets.grading import checks as checks_module
from widgets.grading.checks import PROBLEMS, STATUSES
from widgets.grading.problem import REL_TOL, Problem

EK = PROBLEMS["nernst-ek"]


def test_unknown_problem_is_our_bug_and_names_the_id():
    with pytest.raises(ValueError, match="nernst-typo"):
        grade("nernst-typo", 1.0)
    with pytest.raises(ValueError, match="problem_id"):
        get_problem(["not", "hashable"])


def test_blank_is_not_attempted_and_says_the_unit():
    result = grade("nernst-ek", ...)
    assert (result.status, result.points, result.answer) == ("not attempted", 0, None)
    assert "mV" in result.message


def test_pure_number_problem_blank_names_no_unit():
    assert "a number" in grade("nernst-decade", ...).message


@pytest.mark.parametrize("answer", ["-89 mV", None, float("nan"), [1, 2], True, 1j])
def test_malformed_answer_is_invalid_not_an_exception(answer):
    result = grade("nernst-ek", answer)
    assert result.status == "invalid"
    assert result.points == 0 and result.answer is None


@pytest.mark.parametrize("answer", [-89, -89.1, np.float32(-89.06), np.array([-89.0])])
def test_rounded_answers_of_any_numeric_type_are_correct(answer):
    result = grade("nernst-ek", answer)
    assert result.status == "correct", result.message
    assert result.points == 1 == result.max_points


def test_tolerance_is_half_a_percent_or_0_2_mV_whichever_is_larger():
    e = EK.expected  # -89.06 mV: 0.5 % is 0.445 mV, larger than 0.2 mV
    assert grade("nernst-ek", e * (1 + 0.99 * REL_TOL)).status == "correct"
    assert grade("nernst-ek", e * (1 + 1.01 * REL_TOL)).status == "incorrect"
    change = PROBLEMS["nernst-ek-cooling"].expected  # 4.9 mV: 0.5 % is 0.024, so 0.2 mV holds
    assert grade("nernst-ek-cooling", change + 0.19).status == "correct"
    assert grade("nernst-ek-cooling", change + 0.21).status == "incorrect"


@pytest.mark.parametrize(
    ("problem_id", "factor", "words"),
    [
        ("nernst-ek", 1e-3, "in V"),
        ("nernst-eca", 1e-3, "in V"),
        ("nernst-k-out", 1e-3, "M (mol/L)"),
    ],
)
def test_answer_in_the_larger_unit_is_named(problem_id, factor, words):
    result = grade(problem_id, PROBLEMS[problem_id].expected * factor)
    assert result.status == "incorrect"
    assert words in result.message and "Converted, it is right" in result.message


def test_volts_combined_with_a_slip_names_both():
    swapped_in_volts = -EK.expected * 1e-3
    message = grade("nernst-ek", swapped_in_volts).message
    assert "in V" in message and "wrong sign" in message


@pytest.mark.parametrize(
    ("problem_id", "answer", "words"),
    [
        ("nernst-ek", 89.06, "swapped"),
        ("nernst-ek", -10.62, "T = 37 K"),
        ("nernst-ek", -38.68, "log10"),
        ("nernst-ecl", 64.09, "z = -1"),
        ("nernst-eca", 264.7, "z = 1"),
        ("nernst-eca", -132.3, "wrong sign"),
        ("nernst-ek-cooling", -4.88, "E(37) - E(20)"),
    ],
)
def test_common_slips_typed_by_hand_are_recognised(problem_id, answer, words):
    result = grade(problem_id, answer)
    assert result.status == "incorrect"
    assert words in result.message, result.message


def test_near_miss_suggests_rounding():
    message = grade("nernst-ek", EK.expected * 1.02).message
    assert "Close" in message and "round" in message


def test_unrecognised_wrong_answer_gets_the_hint():
    message = grade("nernst-ek", 12.0).message
    assert "Hint" in message and "kelvin" in message


@given(st.floats())
def test_any_float_grades_to_a_known_status(x):
    for problem_id in PROBLEMS:
        result = grade(problem_id, x)
        assert result.status in STATUSES
        assert result.points in (0, result.max_points)
        assert (result.status == "correct") == (result.points > 0)


@given(st.floats(min_value=-1.0, max_value=1.0))
def test_values_within_tolerance_are_correct(fraction):
    for problem in (p for p in PROBLEMS.values() if isinstance(p, Problem)):  # numbers only
        tolerance = max(REL_TOL * abs(problem.expected), problem.abs_tol)
        answer = problem.expected + 0.999 * fraction * tolerance
        assert grade(problem.id, answer).status == "correct", problem.id


def test_check_prints_outside_ipython_and_returns_the_result(capsys):
    result = check("nernst-ek", -89.06)
    assert isinstance(result, CheckResult)
    assert (result.problem, result.status, result.points) == ("nernst-ek", "correct", 1)
    printed = capsys.readouterr().out
    assert "Correct" in printed and "E_K = -89.06 mV" in printed


def test_result_is_not_echoed_in_the_cell_that_checked_it(monkeypatch, capsys):
    monkeypatch.setattr(checks_module, "_current_cell", lambda: 7)
    result = check("nernst-ek", -89.06)
    capsys.readouterr()
    result._ipython_display_()  # IPython's echo of the cell's last expression
    assert capsys.readouterr().out == "", "feedback shown twice in the checking cell"
    monkeypatch.setattr(checks_module, "_current_cell", lambda: 8)
    result._ipython_display_()  # the result shown again in a later cell
    assert "Correct" in capsys.readouterr().out
