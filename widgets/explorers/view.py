"""The explorers' one front-end view, and how Python describes controls to it.

``view.js`` renders every explorer: native, labelled controls (range inputs, selects,
number boxes, radio buttons, a Reset button), the figure on a canvas that carries the
figure's alt text, and one polite live region for the readout. In JupyterLab and Binder
it is the front end of :class:`ExplorerView`, an anywidget; on the static website the
same module runs over precomputed frames (:mod:`widgets.explorers.site`).

The stock ipywidgets an explorer builds stay the models of its controls: Python reads
them into JSON specs (:func:`control_spec`) and the view sends back what the learner
chose, which the explorer sets on the stock control as if it had been moved.
"""

import math
import re
import time
from pathlib import Path

import anywidget
import ipywidgets as widgets
import traitlets

VIEW_JS = Path(__file__).with_name("view.js")
_UNIT = re.compile(r"\(([^()]*)\)\s*$")  # "Membrane thickness (nm)" -> "nm"
_CHOICES = (widgets.Dropdown, widgets.Select, widgets.RadioButtons, widgets.ToggleButtons)
_RADIOS = (widgets.RadioButtons, widgets.ToggleButtons)
_NUMBERS = (widgets.BoundedIntText, widgets.BoundedFloatText, widgets.IntText, widgets.FloatText)
_SUPPORTED = (
    "FloatSlider, FloatLogSlider, IntSlider, SelectionSlider, Dropdown, Select, RadioButtons, "
    "ToggleButtons, BoundedIntText, BoundedFloatText, IntText, FloatText or Button"
)


class ExplorerView(anywidget.AnyWidget):
    """The widget an explorer displays: ``view.js`` drawing the state in these traits.

    The view sends ``{"seq", "name", "value"}`` when the learner changes control
    ``name`` (a choice sends its option's index, a button ``True``); ``on_change`` is
    called with ``(name, value)`` and the explorer publishes the new state. Every
    message is answered in ``ack``, in the same update as the state it produced, so the
    view can keep at most two values in flight. ``seq`` grows across a page's views: a
    message older than one already applied is dropped unanswered.

    Parameters
    ----------
    on_change : callable
        Called as ``on_change(name, value)`` for each value the view sends.
    **kwargs
        Initial values of the traits below.

    Attributes
    ----------
    title : str
        The explorer's name, for the group of controls.
    rows : list of list of str
        Control names, one row per line.
    controls : list of dict
        One :func:`control_spec` per control.
    image : bytes
        The figure as PNG.
    alt : str
        The figure's alt text.
    status : str
        The readout: the figure's summary, or what is wrong with the input.
    invalid : bool
        True while ``status`` explains invalid input.
    ack : dict
        The last message applied: its ``seq``, when it was ``received`` and ``sent`` back
        (ms since the epoch), and the kernel's ``apply_ms`` and ``png_ms`` for it.
    """

    _esm = VIEW_JS
    title = traitlets.Unicode().tag(sync=True)
    rows = traitlets.List(traitlets.List(traitlets.Unicode())).tag(sync=True)
    controls = traitlets.List(traitlets.Dict()).tag(sync=True)
    image = traitlets.Bytes().tag(sync=True)
    alt = traitlets.Unicode().tag(sync=True)
    status = traitlets.Unicode().tag(sync=True)
    invalid = traitlets.Bool(False).tag(sync=True)
    ack = traitlets.Dict().tag(sync=True)

    def __init__(self, on_change, **kwargs):
        super().__init__(**kwargs)
        self._on_change = on_change
        self._applied = 0  # seq of the newest message applied
        self.timing = {}  # the explorer's last apply_ms and png_ms, sent with the next ack
        self.on_msg(self._receive)

    def _receive(self, _widget, content, _buffers):
        received = time.time() * 1e3
        seq = content.get("seq")
        if not isinstance(seq, int) or seq <= self._applied:
            return  # stale (a newer value was applied) or not from the view
        self._applied = seq
        self.timing = {}
        with self.hold_sync():  # the new state and its acknowledgement in one message
            try:
                self._on_change(content.get("name"), content.get("value"))
            finally:
                self.ack = {
                    "seq": seq,
                    "received": received,
                    "sent": time.time() * 1e3,
                    **self.timing,
                }


def control_spec(name, control):
    """Return the JSON description of one stock control that ``view.js`` renders.

    Parameters
    ----------
    name : str
        The control's name in the explorer.
    control : ipywidgets.Widget
        A FloatSlider, FloatLogSlider, IntSlider, SelectionSlider, Dropdown, Select,
        RadioButtons, ToggleButtons, BoundedIntText, BoundedFloatText, IntText, FloatText
        or Button.

    Returns
    -------
    dict
        ``name``, ``kind`` (``"slider"``, ``"choice"``, ``"number"``, ``"button"``),
        ``label`` (the description, whose trailing "(unit)" gives ``unit``), ``tooltip``,
        ``disabled`` and the kind's own keys: a slider's ``scale`` (``"linear"``,
        ``"log"``, or ``"grid"`` over a SelectionSlider's ``values`` and ``labels``),
        ``min``, ``max`` (a log slider's in powers of ``base``), ``step``, ``decimals``,
        ``integer``, ``log``, ``continuous`` (False: send the value on release) and
        ``value`` (its real value; a grid slider's index); a choice's
        ``options`` (``label`` and ``value`` each), ``index`` and ``style``
        (``"select"`` or ``"radio"``); a number box's ``min``, ``max``, ``integer``
        and ``value``.

    Raises
    ------
    ValueError
        If the control is of a kind the view cannot show.

    Examples
    --------
    >>> import ipywidgets as widgets
    >>> slider = widgets.FloatSlider(value=37.0, min=0.0, max=45.0, step=0.1,
    ...                              readout_format=".1f", description="Temperature (°C)")
    >>> spec = control_spec("T_celsius", slider)
    >>> spec["kind"], spec["unit"], spec["value"], spec["decimals"]
    ('slider', '°C', 37.0, 1)
    """
    label = control.description or name
    unit = _UNIT.search(label)
    spec = {
        "name": name,
        "label": label,
        "unit": unit[1] if unit else "",
        "tooltip": control.tooltip or "",
        "disabled": bool(getattr(control, "disabled", False)),
    }
    if isinstance(control, widgets.Button):
        return {**spec, "kind": "button"}
    if isinstance(control, widgets.SelectionSlider):
        options = _labelled_options(control)
        return {
            **spec,
            "kind": "slider",
            "scale": "grid",  # over the options: the view sends the index
            "log": False,
            "values": [_json_value(value, index) for index, (_, value) in enumerate(options)],
            "labels": [label for label, _ in options],
            "value": control.index,
            "continuous": control.continuous_update,
        }
    if isinstance(control, widgets.FloatLogSlider):
        return {
            **spec,
            "kind": "slider",
            "scale": "log",
            "continuous": control.continuous_update,
            "log": True,
            "base": control.base,
            "min": control.min,
            "max": control.max,
            "value": control.value,
            "integer": False,
        }
    if isinstance(control, (widgets.FloatSlider, widgets.IntSlider)):
        integer = isinstance(control, widgets.IntSlider)
        return {
            **spec,
            "kind": "slider",
            "scale": "linear",
            "continuous": control.continuous_update,
            "log": False,
            "min": control.min,
            "max": control.max,
            "step": control.step,  # None: continuous
            "decimals": 0 if integer else _decimals(control),
            "value": control.value,
            "integer": integer,
        }
    if isinstance(control, _CHOICES):
        return {
            **spec,
            "kind": "choice",
            "style": "radio" if isinstance(control, _RADIOS) else "select",
            "options": [
                {"label": label, "value": _json_value(value, index)}
                for index, (label, value) in enumerate(_labelled_options(control))
            ],
            "index": control.index,
        }
    if isinstance(control, _NUMBERS):
        integer = isinstance(control, (widgets.BoundedIntText, widgets.IntText))
        return {
            **spec,
            "kind": "number",
            "min": getattr(control, "min", None),
            "max": getattr(control, "max", None),
            "integer": integer,
            "log": False,
            "decimals": 0 if integer else 3,
            "value": control.value,
        }
    raise ValueError(
        f"control {name!r} is a {type(control).__name__}, which the explorer view cannot "
        f"show; use a {_SUPPORTED}"
    )


def set_from_view(control, value):
    """Give a stock control the value the view sent (an option's index for a choice).

    Parameters
    ----------
    control : ipywidgets.Widget
        One of the kinds :func:`control_spec` accepts.
    value : object
        What the view sent: a number, an option index, or anything for a button.
    """
    if isinstance(control, widgets.Button):
        control.click()
    elif isinstance(control, (*_CHOICES, widgets.SelectionSlider)):
        control.index = value
    else:
        control.value = value


def decimals_of(step):
    """Return the decimals a slider with this step shows: 0.1 -> 1, 0.25 -> 2, 5 -> 0.

    Parameters
    ----------
    step : float
        The slider's step (> 0).

    Returns
    -------
    int
        Digits after the decimal point.

    Examples
    --------
    >>> decimals_of(0.1), decimals_of(0.25), decimals_of(5)
    (1, 2, 0)
    """
    if not step or step <= 0 or not math.isfinite(step):
        return 0
    text = f"{step:.10f}".rstrip("0")
    return len(text.split(".")[1])


def _decimals(control):
    """Return a float slider's decimals: its readout format's (".3f" -> 3), else its step's."""
    fixed = re.fullmatch(r"\.(\d+)f", control.readout_format or "")
    return int(fixed[1]) if fixed else decimals_of(control.step)


def _labelled_options(control):
    return [
        option if isinstance(option, tuple) else (str(option), option) for option in control.options
    ]


def _json_value(value, index):
    """Return the option's own value if JSON has it, else its index."""
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float) and math.isfinite(value):
        return value
    return index
