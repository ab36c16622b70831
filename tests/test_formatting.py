"""Numbers as the book prints them: powers of ten with superscripts, carried when rounded up."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from widgets.formatting import MINUS, format_power_of_ten, format_scientific

SUPERSCRIPT_DIGITS = dict(zip("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-", strict=True))


def parse(text):
    """Read '1.2 × 10⁴' (or a plain number) back as a float."""
    if "×" not in text:
        return float(text.replace(MINUS, "-"))
    mantissa, power = text.split(" × 10")
    return float(mantissa) * 10.0 ** int("".join(SUPERSCRIPT_DIGITS[c] for c in power))


@given(st.floats(min_value=1e-300, max_value=1e300))
def test_scientific_text_reads_back_within_its_rounding(value):
    text = format_scientific(value, 3)
    assert parse(text) == pytest.approx(value, rel=0.006)
    mantissa = text.split(" × ")[0]
    if "×" in text:
        assert 1.0 <= float(mantissa) < 10.0, "a mantissa of 10.0 must carry into the exponent"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (11808.5, "1.2 × 10⁴"),
        (9.96e5, "1.0 × 10⁶"),
        (36.3, "36"),
        (0.25, "0.25"),
        (2e-5, "2.0 × 10⁻⁵"),
    ],
)
def test_examples(value, text):
    assert format_scientific(value) == text


def test_powers_of_ten_beyond_the_range_of_a_float():
    assert format_power_of_ten(-349.5) == "3.2 × 10⁻³⁵⁰"
    assert format_power_of_ten(1000 + math.log10(2)) == "2.0 × 10¹⁰⁰⁰"


@pytest.mark.parametrize("bad", [0.0, -1.0, float("inf"), "many", None])
def test_scientific_refuses_what_is_not_a_positive_number(bad):
    with pytest.raises(ValueError, match="value"):
        format_scientific(bad)


def test_power_of_ten_refuses_bad_input():
    with pytest.raises(ValueError, match="log10_value"):
        format_power_of_ten(float("nan"))
    with pytest.raises(ValueError, match="digits"):
        format_power_of_ten(2.0, digits=0)
