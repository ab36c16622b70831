"""Numbers as people read them: fixed decimals and a true minus sign (U+2212)."""

import numpy as np

MINUS = "\N{MINUS SIGN}"
MV_PER_V = 1e3  # potentials are computed in V and shown in mV
UA_PER_CM2 = 100.0  # current densities: 1 A/m^2 = 100 uA/cm^2
MS_PER_CM2 = 0.1  # conductances per area: 1 S/m^2 = 0.1 mS/cm^2


class DisplayText(str):
    """A ``str`` whose repr keeps every character as it is.

    The book inserts computed text into prose with the ``{eval}`` role, which shows
    the value's plain-text repr without its quotes, both on the website (myst-nb)
    and in JupyterLab (jupyterlab-myst). A plain ``str`` escapes a thin space there
    as ``\\u2009``; this repr does not.
    """

    def __repr__(self):
        return f"'{self}'"


def format_number(value, decimals=1, signed=False):
    """Return ``value`` as text with ``decimals`` decimals and a typographic minus.

    Parameters
    ----------
    value : float
        The number, already in display units (e.g. mV).
    decimals : int, optional
        Digits after the decimal point (default 1).
    signed : bool, optional
        Show a plus sign on positive values (default False).

    Returns
    -------
    str
        For example ``"−89.1"`` or, with ``signed=True``, ``"+66.6"``.

    Raises
    ------
    ValueError
        If ``value`` is not a finite number or ``decimals`` is negative.

    Examples
    --------
    >>> format_number(-89.0583, 1)
    '−89.1'
    >>> format_number(0.04, 2, signed=True)
    '+0.04'
    """
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"value must be a number; got {value!r}") from None
    if not np.isfinite(number):
        raise ValueError(f"value must be finite; got {value!r}")
    if int(decimals) != decimals or decimals < 0:
        raise ValueError(f"decimals must be a non-negative integer; got {decimals!r}")
    text = f"{number:+.{int(decimals)}f}" if signed else f"{number:.{int(decimals)}f}"
    if text.lstrip("+-").strip("0.") == "":  # -0.0 rounds to zero: no sign
        text = text.lstrip("+-")
    return text.replace("-", MINUS)


def format_significant(value, digits=3):
    """Return ``value`` with at most ``digits`` significant digits, as a control shows it.

    Parameters
    ----------
    value : float
        The number, in display units.
    digits : int, optional
        Significant digits (default 3); trailing zeros and a trailing point are dropped.

    Returns
    -------
    str
        Positional notation from 1e-6 to 1e6 (``"5"``, ``"0.0357"``, ``"140"``), e-notation
        beyond (``"1e-07"``); an ASCII minus, as in the controls' own readouts.

    Examples
    --------
    >>> format_significant(5.0), format_significant(0.035714), format_significant(1e-7)
    ('5', '0.0357', '1e-07')
    """
    if value != 0 and not 1e-6 <= abs(value) < 1e6:
        return f"{value:.{digits}g}"
    return np.format_float_positional(
        value, precision=digits, unique=False, fractional=False, trim="-"
    )


def format_millivolts(volts, decimals=1, signed=False):
    """Return a potential given in V as text in mV, e.g. ``"−89.1 mV"``.

    Parameters
    ----------
    volts : float
        Potential in V.
    decimals : int, optional
        Digits after the decimal point of the mV value (default 1).
    signed : bool, optional
        Show a plus sign on positive values (default False).

    Returns
    -------
    str
        The value in mV with a typographic minus, a space and the unit.

    Examples
    --------
    >>> format_millivolts(-0.0890583), format_millivolts(0.0666, signed=True)
    ('−89.1 mV', '+66.6 mV')
    """
    return f"{format_number(volts * MV_PER_V, decimals, signed)} mV"


def format_count(value):
    """Return a large number rounded to an integer, digits grouped by thin spaces.

    Parameters
    ----------
    value : float
        A non-negative, finite number (a count, an area, a ratio).

    Returns
    -------
    DisplayText
        For example ``"96 485"`` with U+2009 THIN SPACE between groups of three; a
        ``str`` whose repr shows the thin space as it is.

    Raises
    ------
    ValueError
        If ``value`` is negative or not a finite number.

    Examples
    --------
    >>> format_count(96485.33) == "96\N{THIN SPACE}485"
    True
    >>> repr(format_count(1e6)) == "'1\N{THIN SPACE}000\N{THIN SPACE}000'"
    True
    """
    number = float(format_number(value, 0).replace(MINUS, "-"))
    if number < 0:
        raise ValueError(f"value must not be negative; got {value!r}")
    return DisplayText(f"{number:,.0f}".replace(",", "\N{THIN SPACE}"))


_SUPERSCRIPTS = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def format_scientific(value, digits=2):
    """Return a positive number as a mantissa times a power of ten, e.g. ``"1.2 × 10⁴"``.

    Parameters
    ----------
    value : float
        A positive, finite number.
    digits : int, optional
        Significant digits of the mantissa (default 2).

    Returns
    -------
    DisplayText
        ``"1.2 × 10⁴"``; numbers from 0.1 to 1000 are written plainly (``"36"``, ``"0.25"``).

    Raises
    ------
    ValueError
        If ``value`` is not a positive, finite number, or ``digits`` is not a positive
        integer.

    Examples
    --------
    >>> format_scientific(11808.5)
    '1.2 × 10⁴'
    >>> format_scientific(8.47e-5, 3)
    '8.47 × 10⁻⁵'
    >>> format_scientific(36.3)
    '36'
    """
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"value must be a number; got {value!r}") from None
    if not (np.isfinite(number) and number > 0):
        raise ValueError(f"value must be positive and finite; got {value!r}")
    return format_power_of_ten(np.log10(number), digits)


def format_power_of_ten(log10_value, digits=2):
    """Return the number 10**log10_value as :func:`format_scientific` writes it.

    For numbers too large or too small for a float, such as the Boltzmann factor
    of a few hundred kJ/mol.

    Parameters
    ----------
    log10_value : float
        The decimal logarithm of the number; finite.
    digits : int, optional
        Significant digits of the mantissa (default 2).

    Returns
    -------
    DisplayText
        For example ``"3.2 × 10⁻³⁵⁰"``.

    Raises
    ------
    ValueError
        If ``log10_value`` is not finite or ``digits`` is not a positive integer.

    Examples
    --------
    >>> format_power_of_ten(-349.5)
    '3.2 × 10⁻³⁵⁰'
    >>> format_power_of_ten(0.0)
    '1'
    """
    try:
        log10_value = float(log10_value)
    except (TypeError, ValueError):
        raise ValueError(f"log10_value must be a number; got {log10_value!r}") from None
    if not np.isfinite(log10_value):
        raise ValueError(f"log10_value must be finite; got {log10_value!r}")
    if int(digits) != digits or digits < 1:
        raise ValueError(f"digits must be a positive integer; got {digits!r}")
    digits = int(digits)
    exponent = int(np.floor(log10_value))
    mantissa = f"{10 ** (log10_value - exponent):.{digits - 1}f}"
    if float(mantissa) >= 10:  # 9.96 rounds up to 10.0: carry into the exponent
        exponent += 1
        mantissa = f"{10 ** (log10_value - exponent):.{digits - 1}f}"
    if -1 <= exponent <= 2:
        return DisplayText(f"{float(f'{10**log10_value:.{digits}g}'):g}")
    return DisplayText(f"{mantissa} × 10{str(exponent).translate(_SUPERSCRIPTS)}")
