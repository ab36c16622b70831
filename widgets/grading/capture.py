"""The learner's answer value: captured in the kernel as text, parsed by the grader as data.

Right after each answer cell the grader sends the kernel one more execute request with no
code and one *user expression*, :data:`ANSWER_EXPRESSION`. The kernel evaluates it and
returns the text inside its ``execute_reply`` on the shell channel, which carries only the
replies to the grader's own requests: nothing a cell prints or displays (the iopub channel)
can stand in for it.

``'%r' % (answer,)`` looks up no name but ``answer``: the ``%`` operator of the string
calls the repr of the answer's own type, so rebinding ``repr``, ``print`` or a function of
:mod:`widgets.grading` in the kernel does not change how an answer is written out.

The kernel is the learner's all the same, and code that replaces IPython's own machinery
(its display formatter, its ``user_expressions``) can send any text it likes. So the text is
treated as a claim of a value, never of a verdict: :func:`parse_answer` reads it as data
(Python literals, and the reprs numpy gives its scalars and arrays), never evaluates and
never unpickles it; anything else is an answer the grader cannot read, and earns no points.
The verdict, the points and the feedback are computed from the value in the grader's own
process, so a forged value earns exactly what typing that value into the answer cell would.
"""

import ast

import numpy as np

from widgets.grading.answers import EXAMPLE_NUMBER

ANSWER_EXPRESSION = "'%r' % (answer,)"
MAX_ANSWER_CHARS = 1000  # a number or an option's letter is far shorter
# Names a repr may contain besides literals: float('nan') shows as nan, ... as Ellipsis.
_NAMES = {"nan": float("nan"), "inf": float("inf"), "Ellipsis": ...}
_NUMPY = ("np", "numpy")
_PLAIN = f"Assign a plain number, for example answer = {EXAMPLE_NUMBER}, or an option's letter."


class UnreadableAnswer(ValueError):
    """An answer the grader cannot read as a plain value; the message says why."""


def answer_text(result):
    """Return the text of the answer from the kernel's user-expression result.

    Parameters
    ----------
    result : dict or None
        ``execute_reply["content"]["user_expressions"]["answer"]``; None if the kernel
        did not reply in time.

    Returns
    -------
    str
        ``repr(answer)`` as the kernel wrote it.

    Raises
    ------
    UnreadableAnswer
        If there is no text: a time-out, an error in the learner's ``__repr__``, or a
        reply that is not the text of a string.

    Examples
    --------
    >>> answer_text({"status": "ok", "data": {"text/plain": "'-89.06'"}})
    '-89.06'
    """
    if result is None:
        raise UnreadableAnswer(
            "Reading your answer took longer than the time limit (a slow __repr__?). " + _PLAIN
        )
    if not isinstance(result, dict):
        raise UnreadableAnswer(f"The kernel did not send your answer as text. {_PLAIN}")
    if result.get("status") != "ok":
        error = f"{result.get('ename', 'Error')}: {result.get('evalue', '')}"
        raise UnreadableAnswer(f"Your answer could not be written out as text ({error}). {_PLAIN}")
    data = result.get("data")
    shown = data.get("text/plain") if isinstance(data, dict) else None
    shown = _limited(shown, 4 * MAX_ANSWER_CHARS + 2)  # a repr escapes a character in <= 4
    try:  # IPython shows the string as its repr
        text = _literal(shown)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        text = None
    if not isinstance(text, str):
        raise UnreadableAnswer(f"The kernel did not send your answer as text. {_PLAIN}")
    return text


def parse_answer(text):
    """Return the plain value that ``text``, the repr of an answer, spells.

    Literals are read (numbers, text, ``None``, ``...``, lists, tuples and dicts of them),
    with ``nan`` and ``inf`` and numpy's reprs: ``np.float64(-89.06)`` reads as
    ``-89.06``, ``array([-89.06])`` as ``[-89.06]``, ``np.str_('b')`` as ``'b'``.
    Nothing is evaluated.

    Parameters
    ----------
    text : str
        The repr of the learner's answer.

    Returns
    -------
    object
        A plain Python value, graded by :func:`widgets.grading.checks.grade`.

    Raises
    ------
    UnreadableAnswer
        If ``text`` is too long or is not such a literal (an object of the learner's own
        class, an expression); the message says what to assign instead.

    Examples
    --------
    >>> parse_answer("np.float64(-89.0593)")
    -89.0593
    >>> parse_answer("array(['b'], dtype='<U1')")
    ['b']
    >>> parse_answer("__import__('os').getcwd()")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    widgets.grading.capture.UnreadableAnswer: The grader reads plain numbers and text...
    """
    text = _limited(text, MAX_ANSWER_CHARS)
    try:
        return _literal(text)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        shown = text if len(text) <= 60 else text[:57] + "..."
        raise UnreadableAnswer(
            f"The grader reads plain numbers and text only; your answer shows as {shown}. " + _PLAIN
        ) from None


def _limited(text, limit):
    if not isinstance(text, str):
        raise UnreadableAnswer(f"The kernel did not send your answer as text. {_PLAIN}")
    if len(text) > limit:
        raise UnreadableAnswer(
            f"Your answer is {len(text):,} characters long when written out; a number or an "
            f"option's letter is much shorter. {_PLAIN}"
        )
    return text


def _literal(text):
    tree = _NumpyReprs().visit(ast.parse(text.strip(), mode="eval"))
    return ast.literal_eval(tree.body)


class _NumpyReprs(ast.NodeTransformer):
    """Rewrite the names and calls of numpy's reprs into the literals they hold."""

    def visit_Name(self, node):
        if node.id in _NAMES:
            return ast.Constant(_NAMES[node.id])
        return node

    def visit_Attribute(self, node):  # np.True_, np.nan
        value = _numpy_attribute(node)
        if isinstance(value, (bool, np.bool_, float)):
            return ast.Constant(value.item() if isinstance(value, np.generic) else value)
        return node

    def visit_Call(self, node):  # np.float64(x), np.str_('b'), array([x], dtype=...)
        self.generic_visit(node)
        if len(node.args) != 1 or not all(map(_is_dtype, node.keywords)):
            return node
        is_array = isinstance(node.func, ast.Name) and node.func.id == "array"
        scalar = _numpy_attribute(node.func)
        if is_array or (isinstance(scalar, type) and issubclass(scalar, np.generic)):
            return node.args[0]
        return node


def _is_dtype(keyword):
    """Whether a keyword is ``dtype=float32`` or ``dtype='<U1'``, as numpy's reprs write it."""
    value = keyword.value
    text = isinstance(value, ast.Constant) and isinstance(value.value, str)
    return keyword.arg == "dtype" and (isinstance(value, ast.Name) or text)


def _numpy_attribute(node):
    """Return ``numpy.<name>`` for a node ``np.<name>``, or None."""
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        if node.value.id in _NUMPY:
            return getattr(np, node.attr, None)
    return None
