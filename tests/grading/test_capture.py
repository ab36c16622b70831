"""Reading the answer text the kernel sends: plain values parse, nothing is ever evaluated."""

import ast
import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from widgets.grading.capture import (
    ANSWER_EXPRESSION,
    MAX_ANSWER_CHARS,
    UnreadableAnswer,
    answer_text,
    parse_answer,
)


def in_kernel(answer):
    """The text the kernel computes for ``answer``: the capture expression, evaluated."""
    return eval(ANSWER_EXPRESSION, {}, {"answer": answer})  # noqa: S307 - our own expression


def reply(text):
    """A user-expression result as IPython sends it: the string shown as its repr."""
    return {"status": "ok", "data": {"text/plain": repr(text)}, "metadata": {}}


@pytest.mark.parametrize(
    ("answer", "value"),
    [
        (-89.06, -89.06),
        (-89, -89),
        ("b", "b"),
        (..., ...),
        (None, None),
        (True, True),
        ([-89.0], [-89.0]),
        ((-89.0,), (-89.0,)),
        (1 + 2j, 1 + 2j),
        ({"E": -89}, {"E": -89}),
        (np.float64(-89.0593415), -89.0593415),
        (np.float32(1.5), 1.5),
        (np.int64(7), 7),
        (np.True_, True),
        (np.str_("b"), "b"),
        (np.array(-89.0), -89.0),
        (np.array([-89.0]), [-89.0]),
        (np.array([[1, 2]], dtype=np.int32), [[1, 2]]),
        (np.array(["b"]), ["b"]),
        (np.array([1.5], dtype=np.float32), [1.5]),
        (float("inf"), float("inf")),
        (-np.inf, -float("inf")),
    ],
    ids=repr,
)
def test_plain_values_and_numpy_reprs_read_back(answer, value):
    assert parse_answer(in_kernel(answer)) == value


@pytest.mark.parametrize("answer", [float("nan"), np.float64("nan"), np.array([np.nan])])
def test_nan_reads_as_nan_so_the_check_can_explain_it(answer):
    value = parse_answer(in_kernel(answer))
    assert math.isnan(value if not isinstance(value, list) else value[0])


@given(st.floats())
def test_every_float_and_numpy_float_reads_back_exactly(x):
    for answer in (x, np.float64(x), [x]):
        value = parse_answer(in_kernel(answer))
        value = value[0] if isinstance(value, list) else value
        assert value == x or (math.isnan(x) and math.isnan(value))


@given(st.text(max_size=50))
def test_any_short_text_reads_back_unchanged(text):
    assert parse_answer(in_kernel(text)) == text
    assert answer_text(reply(in_kernel(text))) == in_kernel(text)


class Lies:
    def __repr__(self):
        return "<an object that equals everything>"

    def __eq__(self, other):
        return True


@pytest.mark.parametrize(
    "text",
    [
        in_kernel(Lies()),
        pytest.param(in_kernel(object()), id="<object object at an address>"),  # one id per run
        "__import__('os').system('echo hacked')",
        "open('/etc/passwd').read()",
        "(lambda: 1)()",
        "answer",
        "np.linalg.norm([3, 4])",
        "np.float64(__import__('os').getpid())",
        "array([1], dtype=__import__('os').getpid())",
        "1 if True else 2",
        "[x for x in (1,)]",
        "-89.06 mV",
        "",
    ],
)
def test_anything_but_a_literal_is_unreadable_and_never_run(text):
    with pytest.raises(UnreadableAnswer, match="plain numbers and text"):
        parse_answer(text)


@pytest.mark.parametrize("text", ["1" * (MAX_ANSWER_CHARS + 1), "[" * 5000 + "]" * 5000])
def test_long_or_deeply_nested_text_is_refused_before_parsing(text):
    with pytest.raises(UnreadableAnswer, match="characters long"):
        parse_answer(text)


def test_nesting_within_the_length_limit_is_refused_without_a_crash():
    with pytest.raises(UnreadableAnswer):
        parse_answer("[" * 400 + "]" * 400)


@pytest.mark.parametrize(
    ("result", "words"),
    [
        (None, "longer than the time limit"),
        ({"status": "error", "ename": "RecursionError", "evalue": "deep"}, "RecursionError"),
        ({"status": "ok", "data": {"text/plain": "-89.06"}}, "not send your answer as text"),
        ({"status": "ok", "data": {}}, "not send your answer as text"),
        ({"status": "ok", "data": "-89.06"}, "not send your answer as text"),
        ("-89.06", "not send your answer as text"),
        ({"status": "ok", "data": {"text/plain": repr("1" * 5000)}}, "characters long"),
    ],
)
def test_a_missing_or_malformed_reply_is_explained(result, words):
    with pytest.raises(UnreadableAnswer, match=words):
        answer_text(result)


def test_ipython_multiline_display_of_a_string_reads_back():
    shown = "('a\\n'\n 'b')"  # how IPython pretty-prints a long string with a newline
    assert answer_text({"status": "ok", "data": {"text/plain": shown}}) == "a\nb"


def test_the_expression_names_nothing_the_learner_can_rebind_but_answer():
    tree = ast.parse(ANSWER_EXPRESSION)
    names = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    assert names == {"answer"}
    namespace = {"answer": -89.06, "repr": lambda x: "0.0", "__builtins__": {}}
    assert eval(ANSWER_EXPRESSION, namespace) == "-89.06"  # noqa: S307 - builtins removed
