"""Reading a learner's answer: numbers of every kind pass, anything else gets a plain message."""

import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from widgets.grading.answers import InvalidAnswer, is_blank, read_answer


@pytest.mark.parametrize(
    "answer",
    [-89, -89.0, np.float64(-89.0), np.float32(-89.0), np.int64(-89), [-89.0], (-89,),
     np.array(-89.0), np.array([-89.0]), np.array([[-89]]), Fraction(-89)],
)  # fmt: skip
def test_every_kind_of_single_real_number_is_read_as_a_float(answer):
    value = read_answer(answer)
    assert type(value) is float, f"{answer!r} read as {type(value)}, not a Python float"
    assert value == -89.0


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (None, "None"),
        ("-89 mV", "without quotes or units"),
        ("-89", "without quotes"),
        (b"-89", "text"),
        ("", "text"),
        (True, "yes/no"),
        (np.bool_(False), "yes/no"),
        (-89 + 0j, "complex"),
        (np.complex128(1j), "complex"),
        (float("nan"), "nan"),
        (np.nan, "nan"),
        (float("inf"), "infinite"),
        (-np.inf, "infinite"),
        (10**400, "infinite"),
        ([], "0 values"),
        ([1.0, 2.0], "2 values"),
        (np.zeros(3), "3 values"),
        ([1, [2, 3]], "2 values"),
        ({"E": -89}, "dict"),
        (read_answer, "function"),
        ([None], "None"),
        (["-89"], "text"),
    ],
)
def test_malformed_answers_get_a_plain_message(answer, words):
    with pytest.raises(InvalidAnswer) as info:
        read_answer(answer, "mV")
    assert words in str(info.value), f"message for {answer!r} misses {words!r}: {info.value}"
    assert "Traceback" not in str(info.value)


def test_a_number_typed_with_units_is_suggested_back_without_them():
    with pytest.raises(InvalidAnswer) as info:
        read_answer("-89.1 mV", "mV")
    assert "answer = -89.1" in str(info.value)


def test_ellipsis_is_the_blank_and_nothing_else_is():
    assert is_blank(...)
    assert not any(is_blank(x) for x in (None, 0, "...", [...]))


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_every_finite_float_is_read_back_unchanged(x):
    assert read_answer(x) == x
    assert read_answer([x]) == x


@given(
    st.one_of(
        st.none(),
        st.booleans(),
        st.text(),
        st.binary(),
        st.complex_numbers(),
        st.floats(),
        st.integers(),
        st.lists(st.floats(), max_size=3),
        st.dictionaries(st.text(), st.integers(), max_size=2),
        st.tuples(st.integers(), st.text()),
    )
)
def test_any_answer_is_either_read_or_explained(answer):
    try:
        value = read_answer(answer, "mV")
    except InvalidAnswer as err:
        assert str(err), "an invalid answer needs a message"
    else:
        assert math.isfinite(value)
