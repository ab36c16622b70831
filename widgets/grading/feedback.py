"""Show a check's result: HTML for JupyterLab, plain text elsewhere, JSON for the grader.

The JSON travels with the same display output, in its metadata under :data:`GRADE_KEY`.
Readers never see it. The grading CLI never takes a grade from it (the learner's kernel
could display anything there; :mod:`widgets.grading.grader` grades the answer itself), but
reads it to flag a notebook whose check showed "correct" where the grader did not.
(Metadata rather than an extra mime type in the data:
the book's builder, myst-nb, warns about every mime type it cannot render, and the book
is built with warnings as errors.)
"""

import html

GRADE_KEY = "application/vnd.resting-potential.grade+json"
GRADE_SCHEMA = 1  # bump when the keys of the JSON payload change

# Status -> (heading, symbol, border colour). Symbols and words carry the meaning, so the
# colour (Okabe-Ito, colour-blind safe) is never the only cue.
_STYLES = {
    "correct": ("Correct", "\u2714", "#009E73"),
    "incorrect": ("Not quite", "\u2718", "#D55E00"),
    "not attempted": ("Not attempted yet", "\u2026", "#777777"),
    "invalid": ("Cannot read your answer", "!", "#E69F00"),
}


def as_json(result):
    """Return the machine-readable payload of a check result.

    Parameters
    ----------
    result : widgets.grading.checks.CheckResult
        The result to describe.

    Returns
    -------
    dict
        Keys ``schema``, ``problem``, ``status``, ``points``, ``max_points``,
        ``answer`` (float, an option's letter, or None) and ``message``.
    """
    return {
        "schema": GRADE_SCHEMA,
        "problem": result.problem,
        "status": result.status,
        "points": result.points,
        "max_points": result.max_points,
        "answer": result.answer,
        "message": result.message,
    }


def as_text(result):
    """Return the feedback as plain text (terminals, consoles, text/plain).

    Parameters
    ----------
    result : widgets.grading.checks.CheckResult
        The result to show.

    Returns
    -------
    str
        Heading with the points, the answer read, the message.
    """
    heading, symbol, _ = _STYLES[result.status]
    lines = [f"{symbol} {heading}: {result.problem} ({_points(result)})"]
    if result.answer is not None:
        lines.append(_answer(result))
    lines.append(result.message)
    return "\n".join(lines)


def as_html(result):
    """Return the feedback as an HTML fragment; every learner-supplied text is escaped.

    Parameters
    ----------
    result : widgets.grading.checks.CheckResult
        The result to show.

    Returns
    -------
    str
        A ``div`` with a coloured border, a heading in words and the message.
    """
    heading, symbol, colour = _STYLES[result.status]
    answer = f"<div>{html.escape(_answer(result))}</div>" if result.answer is not None else ""
    return (
        f'<div role="status" style="border-left: 4px solid {colour}; padding: 0.3em 0.8em; '
        'margin: 0.3em 0;">'
        f"<div><strong>{symbol} {heading}</strong> "
        f"<span>&middot; {html.escape(result.problem)} &middot; {_points(result)}</span></div>"
        f"{answer}<div>{html.escape(result.message)}</div></div>"
    )


def mime_bundle(result):
    """Return the display bundle of a result: HTML and plain text.

    Parameters
    ----------
    result : widgets.grading.checks.CheckResult
        The result to show.

    Returns
    -------
    dict
        Mime type -> content.
    """
    return {"text/plain": as_text(result), "text/html": as_html(result)}


def show(result, machine_readable=True):
    """Display a result in IPython/Jupyter, or print it as plain text elsewhere.

    Parameters
    ----------
    result : widgets.grading.checks.CheckResult
        The result to show.
    machine_readable : bool, optional
        Attach the :data:`GRADE_KEY` payload to the output's metadata (only the check
        itself does, so a result shown again later is not counted twice).
    """
    from IPython import get_ipython
    from IPython.display import display

    if get_ipython() is None:
        print(as_text(result))
        return
    metadata = {GRADE_KEY: as_json(result)} if machine_readable else {}
    display(mime_bundle(result), raw=True, metadata=metadata)


def _answer(result):
    if isinstance(result.answer, str):  # an option's letter
        return f"Your answer: ({result.answer})"
    # "read as mV", not "-0.089 mV": a learner who typed volts must not see mV attached.
    unit = f" (read as {result.unit})" if result.unit else ""
    return f"Your answer: {result.answer:.6g}{unit}"


def _points(result):
    unit = "point" if result.max_points == 1 else "points"
    return f"{result.points:g}/{result.max_points:g} {unit}"
