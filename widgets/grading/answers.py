"""Turn whatever a learner assigned to ``answer`` into a number or a choice, or explain why not.

Learners type all sorts of things into an answer cell. Every value that is not a
single real number gets a plain-words message here, so a check never shows a
traceback from our code.
"""

import numbers

import numpy as np


class InvalidAnswer(ValueError):
    """An answer that is not a single real number; the message is meant for the learner."""


def is_blank(answer):
    """Return True for the untouched blank ``answer = ...`` (Python's Ellipsis).

    Parameters
    ----------
    answer : object
        The learner's answer.

    Returns
    -------
    bool
        Whether the learner has not attempted the problem yet.

    Examples
    --------
    >>> is_blank(...), is_blank(0.0)
    (True, False)
    """
    return answer is Ellipsis


def read_answer(answer, unit=""):
    """Return a learner's answer as a finite Python float.

    Ints, floats, numpy scalars and one-element lists or arrays of them are accepted.

    Parameters
    ----------
    answer : object
        What the learner assigned to ``answer``.
    unit : str, optional
        Unit the problem asks for (e.g. ``"mV"``), quoted in messages; ``""`` if dimensionless.

    Returns
    -------
    float
        The answer, in the unit the problem asks for.

    Raises
    ------
    InvalidAnswer
        If the answer is not one finite real number; the message tells the learner
        what to type instead.

    Examples
    --------
    >>> read_answer([-89])
    -89.0
    >>> read_answer("-89 mV", "mV")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    widgets.grading.answers.InvalidAnswer: Your answer is text ('-89 mV'). Type a number without...
    """
    if isinstance(answer, (list, tuple, np.ndarray)):
        answer = _single_item(answer)
    if isinstance(answer, (bool, np.bool_)):
        raise InvalidAnswer(
            f"Your answer is {answer}, a yes/no value. This problem wants a number{_in(unit)}."
        )
    if isinstance(answer, (str, bytes)):
        raise InvalidAnswer(_text_message(answer))
    if isinstance(answer, numbers.Complex) and not isinstance(answer, numbers.Real):
        raise InvalidAnswer(
            f"Your answer {answer!r} is a complex number. A physical quantity here is real: "
            "a complex result usually means the logarithm of a negative number "
            "(check the signs inside the log)."
        )
    if not isinstance(answer, numbers.Real):
        raise InvalidAnswer(_not_a_number_message(answer, unit))
    try:
        value = float(answer)
    except OverflowError:  # an int too large for a float, e.g. 10**400
        value = float("inf") if answer > 0 else float("-inf")
    return _finite(value)


def read_choice(answer, keys):
    """Return a learner's choice as one of ``keys``, or explain why it cannot be read.

    Case, spaces, quotes and the brackets or dot around a letter are forgiven:
    ``"B"``, ``" b "``, ``"(b)"`` and ``"b)"`` all read as ``"b"``.

    Parameters
    ----------
    answer : object
        What the learner assigned to ``answer``.
    keys : sequence of str
        The option letters, in order.

    Returns
    -------
    str
        One of ``keys``.

    Raises
    ------
    InvalidAnswer
        If the answer is not the letter of an option; the message says what to type.

    Examples
    --------
    >>> read_choice("(B)", ("a", "b", "c"))
    'b'
    >>> read_choice(2, ("a", "b", "c"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    widgets.grading.answers.InvalidAnswer: Your answer is the number 2. This problem wants...
    """
    letters = ", ".join(f'"{key}"' for key in keys)
    wanted = f"the letter of one option in quotes: {letters}"
    if isinstance(answer, (list, tuple, np.ndarray)):
        answer = _single_item(answer)
    if isinstance(answer, bytes):
        answer = answer.decode(errors="replace")
    if not isinstance(answer, str):
        what = "the number" if isinstance(answer, numbers.Number) else "a"
        shown = answer if isinstance(answer, numbers.Number) else type(answer).__name__
        raise InvalidAnswer(f"Your answer is {what} {shown}. This problem wants {wanted}.")
    key = answer.strip().strip("\"'").strip().lower()
    key = key.strip("()[]").rstrip(".)").strip()
    if key in keys:
        return key
    if len(key) == 1 and key.isalpha():
        raise InvalidAnswer(f'There is no option "{key}". This problem wants {wanted}.')
    raise InvalidAnswer(
        f"Your answer is text ({answer!r}) that is not an option's letter. "
        f"This problem wants {wanted}."
    )


def _in(unit):
    return f" in {unit}" if unit else ""


# A neutral number for examples: close to no problem's answer, so it gives nothing away.
EXAMPLE_NUMBER = "12.3"


def _single_item(values):
    """Return the only element of a list, tuple or array, or explain why there is not one."""
    try:
        items = np.asarray(values, dtype=object).ravel()
    except ValueError:  # ragged nesting such as [1, [2, 3]]
        items = values
    if len(items) != 1:
        raise InvalidAnswer(
            f"Your answer holds {len(items)} values; this problem wants exactly one number. "
            f"Assign a single number, for example: answer = {EXAMPLE_NUMBER}"
        )
    item = items[0]
    return item.item() if isinstance(item, np.generic) else item


def _text_message(text):
    if isinstance(text, bytes):
        text = text.decode(errors="replace")
    example = text.strip().split()[0] if text.strip() else EXAMPLE_NUMBER
    try:
        float(example)
    except ValueError:
        example = EXAMPLE_NUMBER
    return (
        f"Your answer is text ({text!r}). Type a number without quotes or units, "
        f"for example: answer = {example}"
    )


def _not_a_number_message(answer, unit):
    if answer is None:
        return (
            "Your answer is None, not a number. Did you assign the result of print() "
            "or of a function without a return? Type a number, for example: "
            f"answer = {EXAMPLE_NUMBER}"
        )
    if callable(answer):
        return (
            f"Your answer is the function {getattr(answer, '__name__', answer)!r} itself. "
            "Call it with its arguments, e.g. f(...), and assign the number it returns."
        )
    return f"Your answer is a {type(answer).__name__}; this problem wants a number{_in(unit)}."


def _finite(value):
    if np.isnan(value):
        raise InvalidAnswer(
            "Your answer is nan ('not a number'). That comes from an invalid step, such as "
            "the logarithm of a negative number or 0/0: check each part of your calculation."
        )
    if np.isinf(value):
        raise InvalidAnswer(
            f"Your answer is {value}, infinite. That comes from dividing by zero or the "
            "logarithm of zero: check each part of your calculation."
        )
    return value
