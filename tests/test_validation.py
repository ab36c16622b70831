"""The shared input checks of widgets.validation."""

import re

import numpy as np
import pytest

from widgets import validation as check


@pytest.mark.parametrize("value", [3, np.int64(3)])
def test_integer_accepts_python_and_numpy_ints(value):
    assert check.integer("n", value, minimum=1) == 3
    assert type(check.integer("n", value, minimum=1)) is int


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (True, "n must be an integer; got True"),
        (3.0, "n must be an integer; got 3.0"),
        ("3", "n must be an integer; got '3'"),
        (0, "n must be at least 1; got 0"),
    ],
)
def test_integer_rejects_with_the_argument_named(value, message):
    with pytest.raises(ValueError, match=rf"^{message}$"):
        check.integer("n", value, minimum=1)


def test_per_ion_rows_broadcasts_leading_axes_not_the_ion_axis():
    p, c_out = check.per_ion_rows(p=[1.0, 0.5], c_out=[[5.0, 145.0], [10.0, 145.0], [20.0, 1.0]])
    assert p.shape == c_out.shape == (3, 2)
    assert (p[2] == [1.0, 0.5]).all()


@pytest.mark.parametrize(
    ("arrays", "words"),
    [
        ({"p": [1.0, 1.0], "c_out": [5.0]}, "p has 2, c_out has 1"),
        ({"p": [[1.0, 1.0]] * 2, "c_out": [[5.0, 1.0]] * 3}, "p has shape (2, 2)"),
        ({"p": [], "c_out": []}, "one entry per ion"),
    ],
)
def test_per_ion_rows_names_the_arguments_that_disagree(arrays, words):
    with pytest.raises(ValueError, match=re.escape(words)):
        check.per_ion_rows(**arrays)
