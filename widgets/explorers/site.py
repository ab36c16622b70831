"""Explorers on the static website: frames the same explorer draws when the book is built.

Where no kernel runs, an explorer's page still responds to the controls its
:meth:`~widgets.explorers.base.Explorer.site_grid` declares: the book build sets the
explorer to every combination of their values, keeps each frame (the figure, its alt
text, the readout, the values listed) and embeds them with ``view.js``, the view
JupyterLab uses, which swaps frames as the reader moves those controls. Nothing is
computed or plotted in the browser.

The book build says it wants frames by setting the environment variable
:data:`SITE_FRAMES_ENV` (``_ext/explorer_frames.py`` does, before any notebook runs;
kernels inherit it). Frames are embedded as data URIs; that extension then writes each
one to a file of its own next to the pages, so the first frame shows without waiting
for the others. With JavaScript off, the page shows the snapshot: the first frame with
its values listed and a note on how to run the live explorer.
"""

import base64
import hashlib
import html
import io
import itertools
import json
import math
import os

from PIL import Image

from widgets.explorers.view import VIEW_JS, control_spec

SITE_FRAMES_ENV = "RESTING_POTENTIAL_SITE_FRAMES"
FRAME_COLOURS = 32  # a palette this size keeps the antialiased lines and text smooth
FRAME_MIME = "image/webp"  # lossless; about 8 kB a frame of 640 x 360 px, 25 % below PNG
SNAPSHOT_NOTE = (
    "This is a snapshot: the controls need a running Python kernel, which this web page "
    "does not have. To use the live explorer, launch the page in Binder or JupyterLab "
    "with the launch button (rocket icon) at the top of the page."
)
_DISPLAYED = itertools.count(1)  # explorers shown by this kernel
_DRAWN = {}  # site_frames() of the explorers shown by this kernel (see _frames_once)
LIVE_NOTE = (
    "Here the explorer moves along values computed when the book was built: {live}; the "
    "other values are listed under the figure. The launch button (rocket icon) at the top "
    "of the page opens the full explorer in Binder or JupyterLab, where every control is live."
)


def building_site():
    """Tell whether the book build asked for static frames (:data:`SITE_FRAMES_ENV` is 1)."""
    return os.environ.get(SITE_FRAMES_ENV) == "1"


def site_html(explorer):
    """Return the explorer for the static site: snapshot, frames and the view that swaps them.

    Parameters
    ----------
    explorer : widgets.explorers.base.Explorer
        Any explorer; one whose ``site_grid()`` is empty gives its snapshot only.

    Returns
    -------
    str
        HTML: the snapshot ``<figure>`` (shown with JavaScript off), the frames as
        JSON and an inline module script running ``view.js`` over them.
    """
    if not explorer.site_grid():
        return explorer.static_html()
    data = _frames_once(explorer)
    start = data["frames"][",".join(map(str, data["start"]))]
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # Unique on the page (two cells may show the same explorer), the same in every build.
    key = f"{hashlib.sha256(payload.encode()).hexdigest()[:12]}-{next(_DISPLAYED)}"
    return (
        f'<div class="rp-explorer-site" id="rp-explorer-{key}">'
        + snapshot_html(explorer.title, start["src"], start["alt"], start["parameters"])
        # "<" escaped: no "</script>" can end the data early.
        + '<script type="application/json" class="rp-explorer-data">'
        + payload.replace("<", "\\u003c")
        + '</script><script type="module">\n'
        + VIEW_JS.read_text(encoding="utf-8")
        + f'\nmountStatic(document.getElementById("rp-explorer-{key}"));\n</script></div>'
    )


def snapshot_html(title, src, alt, parameters):
    """Return the snapshot: the figure, the values it shows and how to get the live version.

    Parameters
    ----------
    title : str
        The explorer's name.
    src : str
        The image's URL (a data URI).
    alt : str
        The figure's alt text.
    parameters : iterable of (str, str)
        Names and display values of what the figure shows.

    Returns
    -------
    str
        A self-contained ``<figure>``, without form controls.
    """
    items = "".join(
        f"<li>{html.escape(name)}: {html.escape(value)}</li>" for name, value in parameters
    )
    return (
        # Own colours: the theme's dark mode would otherwise put grey on grey.
        '<figure class="explorer-snapshot" style="margin:1em 0;padding:0.5em;'
        'background:#ffffff;color:#1a1a1a">'
        f'<img src="{html.escape(src, quote=True)}" alt="{html.escape(alt, quote=True)}" '
        'style="display:block;max-width:100%;height:auto">'
        '<figcaption style="text-align:left;color:#1a1a1a">'
        f"<p><strong>{html.escape(title)}</strong>, "
        f"shown for these values:</p><ul>{items}</ul>"
        f"<p><em>{html.escape(SNAPSHOT_NOTE)}</em></p></figcaption></figure>"
    )


def site_frames(explorer):
    """Draw every frame ``explorer.site_grid()`` declares; return what ``view.js`` needs.

    Each frame starts from the explorer's initial values and sets the live controls
    in the grid's order, as a learner would after Reset. The explorer is left as it
    was found.

    Parameters
    ----------
    explorer : widgets.explorers.base.Explorer
        An explorer whose ``site_grid()`` names one or two controls.

    Returns
    -------
    dict
        ``title``, ``note``, ``rows``, ``controls`` (specs of the live controls and
        Reset), ``live`` (their names), ``reset``, ``grid`` (per live control its
        values; the second control's as one list per value of the first), ``landing``
        (per value of the first control, where the second lands when it is chosen, or
        None where it stays), ``start`` (indices of the initial frame) and ``frames``
        (``"i"`` or ``"i,j"`` to ``src``, ``alt``, ``status``, ``invalid``, ``values``,
        ``labels`` and ``parameters``).

    Raises
    ------
    ValueError
        If the grid names other than one or two controls with values, has an empty
        list, or a value the explorer does not keep (outside a slider's range, or
        changed by setting a later control).
    """
    names, lists = _grid(explorer)
    saved = explorer.values()
    frames, landed = {}, []
    try:
        for i, first in enumerate(lists[0]):
            seconds = lists[1][i] if len(names) == 2 else [None]
            for j, second in enumerate(seconds):
                with explorer.hold():
                    explorer.reset()
                    explorer.set(**{names[0]: first})
                    if len(names) == 2:
                        if j == 0:
                            landed.append(explorer.controls[names[1]].value)
                        explorer.set(**{names[1]: second})
                _check_kept(explorer, names, (first, second))
                frames[",".join(map(str, (i, j)[: len(names)]))] = _frame(explorer, names)
    finally:
        _restore(explorer, saved)
    return {
        "title": explorer.title,
        "note": LIVE_NOTE.format(live=_describe(explorer, names, lists)),
        "rows": _static_rows(explorer.widget.rows, names),
        "controls": _static_specs(explorer, names, lists),
        "live": names,
        "reset": "reset",
        "grid": [[_json(v) for v in lists[0]]]
        + [[[_json(v) for v in values] for values in per_first] for per_first in lists[1:]],
        "landing": _landing(explorer, names, lists, landed),
        "start": _start(explorer, names, lists),
        "frames": frames,
    }


def _frames_once(explorer):
    """Return :func:`site_frames`, drawn once per kernel for explorers alike in every respect.

    A notebook that shows the same explorer twice (an exercise page, say) pays once:
    same class, grid, initial and current values and the same figure on display.
    """
    state = (explorer.initial, explorer.values(), explorer.site_grid())
    key = (
        type(explorer),
        json.dumps(state, default=repr, sort_keys=True),
        hashlib.sha256(explorer.image.value).hexdigest(),
    )
    if key not in _DRAWN:
        _DRAWN[key] = site_frames(explorer)
    return _DRAWN[key]


def frame_image(png):
    """Return a frame as the site stores it: a 32-colour palette, lossless WebP.

    Parameters
    ----------
    png : bytes
        The figure as the explorer draws it (RGB PNG).

    Returns
    -------
    bytes
        The WebP image, about a quarter of the PNG's size.
    """
    rgb = Image.open(io.BytesIO(png)).convert("RGB")
    palette = rgb.quantize(FRAME_COLOURS, method=Image.Quantize.FASTOCTREE, dither=0)
    buffer = io.BytesIO()
    # Lossless: "quality" is effort; 25 packs as small as 100 (within 1 %) in half the time.
    palette.save(buffer, format="webp", lossless=True, quality=25, method=2)
    return buffer.getvalue()


def _grid(explorer):
    """Return the live control names and their value lists (the second's: one per first)."""
    grid = dict(explorer.site_grid())
    names = list(grid)
    initial = explorer.initial
    if not 1 <= len(names) <= 2 or not set(names) <= set(initial):
        raise ValueError(
            f"site_grid must name one or two controls among {list(initial)}; got {names}"
        )
    first = _with_start(names[0], list(grid[names[0]]), initial[names[0]])
    lists = [first]
    if len(names) == 2:
        values = grid[names[1]]
        per_first = [values[a] if isinstance(values, dict) else values for a in first]
        lists.append(
            [
                _with_start(names[1], list(v), initial[names[1]], a == initial[names[0]])
                for a, v in zip(first, per_first, strict=True)
            ]
        )
    return names, lists


def _with_start(name, values, start, holds_start=True):
    """Return the list, with the control's starting value added in order if it is missing."""
    if not values:
        raise ValueError(f"site_grid lists no values for {name!r}")
    if not holds_start or any(_same(value, start) for value in values):
        return values
    numeric = all(isinstance(v, (int, float)) for v in [*values, start])
    return sorted([*values, start]) if numeric else [start, *values]


def _check_kept(explorer, names, declared):
    """Require every live slider to hold its declared value (a choice may show another).

    A choice may move to the preset the values match (a pump at 0 % is the "blocked"
    scenario): the frame records the choice shown.
    """
    for name, value in zip(names, declared, strict=False):
        if control_spec(name, explorer.controls[name])["kind"] == "choice":
            continue
        shown = explorer.controls[name].value
        if not _same(shown, value):
            raise ValueError(
                f"site_grid value {value!r} of {name!r} became {shown!r} in the explorer: "
                "it lies outside the control's range, or a control set after it changed it "
                "(list a choice that loads other values first)"
            )


def _frame(explorer, names):
    view = explorer.widget
    src = f"data:{FRAME_MIME};base64,{base64.b64encode(frame_image(view.image)).decode()}"
    return {
        "src": src,
        "alt": view.alt,
        "status": view.status,
        "invalid": view.invalid,
        "values": {name: _json(value) for name, value in explorer.values().items()},
        "labels": {name: explorer.controls[name].description for name in names},
        "parameters": [list(item) for item in explorer.figure.parameters().items()],
    }


def _restore(explorer, values):
    for name, value in values.items():
        explorer.show(name, value)
    explorer._redraw()


def _static_rows(rows, names):
    """Return the explorer's rows with only the live controls, Reset after the last."""
    kept = [live for row in rows if (live := [name for name in row if name in names])]
    return [*kept[:-1], [*kept[-1], "reset"]]


def _static_specs(explorer, names, lists):
    """Specs of the live controls as the site shows them (over their grid values), and Reset."""
    specs = []
    for name, control in explorer.controls.items():
        if name == "reset":
            specs.append(control_spec(name, control))
        elif name in names:
            spec = control_spec(name, control)
            axis = names.index(name)
            values = lists[axis] if axis == 0 else lists[1][0]
            if spec["kind"] == "choice":
                labels = {o["value"]: o["label"] for o in spec["options"]}
                spec["options"] = [
                    {"label": labels.get(_json(v), str(v)), "value": _json(v)} for v in values
                ]
            else:
                spec.update(kind="slider", scale="grid", values=[_json(v) for v in values])
            specs.append(spec)
    return specs


def _landing(explorer, names, lists, landed):
    """Where the second control lands when the first is chosen: None where it stays put."""
    if len(names) < 2:
        return []
    start = explorer.initial[names[1]]
    if all(_same(value, start) for value in landed):
        return [None] * len(landed)  # choosing the first control never moves the second
    return [
        min(range(len(values)), key=lambda j, v=value, vs=values: _distance(vs[j], v))
        for value, values in zip(landed, lists[1], strict=True)
    ]


def _start(explorer, names, lists):
    initial = explorer.initial
    i = next(i for i, v in enumerate(lists[0]) if _same(v, initial[names[0]]))
    if len(names) == 1:
        return [i]
    return [i, next(j for j, v in enumerate(lists[1][i]) if _same(v, initial[names[1]]))]


def _describe(explorer, names, lists):
    """E.g. "Ion (4 choices) and [K⁺] outside (mM) (18 to 19 values for each)"."""
    counts = [[len(lists[0])], [len(values) for values in lists[1:][0]] if lists[1:] else []]
    parts = []
    for name, sizes, each in zip(names, counts, ("", " for each"), strict=False):
        control = explorer.controls[name]
        kind = "choices" if control_spec(name, control)["kind"] == "choice" else "values"
        span = f"{min(sizes)}" if min(sizes) == max(sizes) else f"{min(sizes)} to {max(sizes)}"
        parts.append(f"{control.description} ({span} {kind}{each})")
    return " and ".join(parts)


def _same(a, b):
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)
    return a == b


def _distance(a, b):
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        if a > 0 and b > 0:
            return abs(math.log(a / b))
        return abs(a - b)
    return 0.0 if a == b else 1.0


def _json(value):
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    return str(value)
