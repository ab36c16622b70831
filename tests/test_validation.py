"""The shared input checks of widgets.validation."""

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
