"""The display of a check: HTML, plain text and the grader's JSON in the metadata."""

import json

import IPython
import IPython.display
import pytest

from widgets.grading import grade
from widgets.grading.feedback import GRADE_KEY, as_html, as_json, as_text, mime_bundle, show

PAYLOAD_KEYS = {"schema", "problem", "status", "points", "max_points", "answer", "message"}


@pytest.mark.parametrize("answer", [-89.06, 12.0, ..., "-89 mV"])
def test_bundle_holds_only_mime_types_the_book_renders(answer):
    # myst-nb warns on any other mime type, and the book is built with -W.
    assert set(mime_bundle(grade("nernst-ek", answer))) == {"text/plain", "text/html"}


@pytest.mark.parametrize("answer", [-89.06, 12.0, ..., "-89 mV"])
def test_json_payload_describes_the_result(answer):
    result = grade("nernst-ek", answer)
    payload = as_json(result)
    assert set(payload) == PAYLOAD_KEYS
    assert payload["status"] == result.status and payload["problem"] == "nernst-ek"
    assert json.loads(json.dumps(payload)) == payload, "payload must survive JSON"


@pytest.fixture
def displayed(monkeypatch):
    """Pretend to run in IPython and record what would be displayed."""
    calls = []
    monkeypatch.setattr(IPython, "get_ipython", lambda: object())
    monkeypatch.setattr(IPython.display, "display", lambda *a, **kw: calls.append((a, kw)))
    return calls


def test_in_ipython_the_payload_rides_in_the_output_metadata(displayed):
    result = grade("nernst-ek", -89.06)
    show(result)
    ((args, kwargs),) = displayed
    assert args == (mime_bundle(result),) and kwargs["raw"] is True
    assert kwargs["metadata"] == {GRADE_KEY: as_json(result)}


def test_a_result_shown_again_carries_no_payload(displayed):
    show(grade("nernst-ek", 1.0), machine_readable=False)
    assert displayed[0][1]["metadata"] == {}


def test_learner_text_is_escaped_in_html():
    html = as_html(grade("nernst-ek", "<script>alert(1)</script>"))
    assert "<script>" not in html and "&lt;script&gt;" in html


@pytest.mark.parametrize(
    ("answer", "heading"),
    [(-89.06, "Correct"), (12.0, "Not quite"), (..., "Not attempted yet"), (None, "Cannot read")],
)
def test_status_is_said_in_words_not_only_colour(answer, heading):
    result = grade("nernst-ek", answer)
    assert heading in as_text(result) and heading in as_html(result)


def test_text_shows_the_answer_and_the_points():
    text = as_text(grade("nernst-ek", -89.06))
    assert "Your answer: -89.06 (read as mV)" in text and "1/1 point" in text
