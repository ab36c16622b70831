"""The explorer pattern every interactive figure of the book follows.

An explorer holds ``controls`` (ipywidgets), a figure-layer object that draws
their values, an ``ipywidgets.Image`` showing that figure as an Agg PNG and an
HTML readout. Every control's ``value`` is observed by :meth:`Explorer.update`,
which applies the values to the figure and renders the PNG once.

On the static website no kernel runs, so a slider there would move and change
nothing. The book tells myst-nb to ignore the widget view for HTML, and
:meth:`Explorer._repr_mimebundle_` adds an honest ``text/html`` snapshot to the
widget's own bundle: the PNG with its alt text, the values shown and how to get
the live version. JupyterLab prefers the widget view, so learners get sliders.
"""

import base64
import html
from contextlib import contextmanager

import ipywidgets as widgets

from widgets import validation as check

WIDGET_VIEW_MIMETYPE = "application/vnd.jupyter.widget-view+json"
SNAPSHOT_NOTE = (
    "This is a snapshot: the controls need a running Python kernel, which this web page "
    "does not have. To use the live explorer, launch the page in Binder or JupyterLab "
    "with the launch button (rocket icon) at the top of the page."
)


class Explorer:
    """Controls wired to a figure, shown as a PNG with a readout and a static fallback.

    Subclasses build the figure object and the controls, then call this
    constructor. They implement :meth:`apply` and may override :meth:`react` and
    :meth:`invalid_message`.

    Parameters
    ----------
    figure : object
        The figure layer: needs ``png()`` (PNG bytes), ``alt_text()``, ``summary()``
        (one-line readout) and ``parameters()`` (dict of display strings).
    controls : dict of str to ipywidgets.Widget
        The controls by name; those with a ``value`` are observed. A ``"reset"``
        button is added.
    rows : list of list of str
        Layout: one row of control names per line, ``"reset"`` included.

    Attributes
    ----------
    figure : object
        The figure layer.
    controls : dict of str to ipywidgets.Widget
        Every control, including the ``"reset"`` button.
    image : ipywidgets.Image
        The figure as PNG.
    readout : ipywidgets.HTML
        The current result in words, or what is wrong with the input.
    widget : ipywidgets.VBox
        Everything above, ready to display.
    """

    title = "Explorer"

    def __init__(self, figure, controls, rows):
        self.figure = figure
        self.controls = dict(controls)
        self.controls["reset"] = widgets.Button(
            description="Reset", icon="undo", tooltip="Set every control back to its starting value"
        )
        self.image = widgets.Image(
            format="png", layout=widgets.Layout(max_width="100%", height="auto")
        )
        self.readout = widgets.HTML()
        self.widget = widgets.VBox(
            [widgets.HBox([self.controls[name] for name in row]) for row in rows]
            + [self.readout, self.image]
        )
        self._names = {id(control): name for name, control in self.controls.items()}
        self._holding = 0  # > 0 while several changes should end in one redraw
        self._quiet = 0  # > 0 while a control is only being brought in line with the figure
        self._dirty = False
        self._redraw()
        self._initial = self.values()
        for name in self._initial:
            self.controls[name].observe(self.update, names="value")
        self.controls["reset"].on_click(lambda _button: self.reset())

    def values(self):
        """Return the current value of every control that has one.

        Returns
        -------
        dict of str to object
            Control name to value, in the order of ``controls``.
        """
        return {
            name: control.value
            for name, control in self.controls.items()
            if isinstance(control, widgets.ValueWidget)
        }

    def update(self, change=None):
        """React to a changed control, then redraw (once, at the end of a :meth:`hold`).

        Parameters
        ----------
        change : dict, optional
            The traitlets change notification (``owner``, ``new``, ...); None just redraws.
        """
        if self._quiet:
            return
        with self.hold():  # the controls react() sets are drawn in the same redraw
            if change is not None:
                self.react(self._names[id(change["owner"])], change["new"])
            self._dirty = True

    @contextmanager
    def hold(self):
        """Collect the changes made inside the ``with`` block into one redraw."""
        self._holding += 1
        try:
            yield
        finally:
            self._holding -= 1
        if not self._holding and self._dirty:
            self._redraw()

    def set(self, **values):
        """Set several controls from code, in the order given, then redraw once.

        Each change has its usual side effects (choosing a preset loads its values).

        Parameters
        ----------
        **values
            Control name to new value.

        Raises
        ------
        ValueError
            If a name is not a control with a value.
        """
        unknown = sorted(set(values) - set(self._initial))
        if unknown:
            raise ValueError(f"controls must be among {list(self._initial)}; got {unknown}")
        with self.hold():
            for name, value in values.items():
                self.controls[name].value = value

    def reset(self):
        """Set every control back to the value it had when the explorer was built."""
        self.set(**self._initial)

    def show(self, name, value):
        """Display ``value`` in control ``name`` without reacting or redrawing.

        For :meth:`apply`, to keep a control in line with what the figure draws.
        """
        self._quiet += 1
        try:
            self.controls[name].value = value
        finally:
            self._quiet -= 1

    def apply(self, values):
        """Draw ``values`` into the figure; raise ``ValueError`` if they cannot be drawn.

        Parameters
        ----------
        values : dict of str to object
            As returned by :meth:`values`.
        """
        raise NotImplementedError

    def react(self, name, new):
        """Change other controls after control ``name`` changed to ``new`` (default: none)."""

    def invalid_message(self, error):
        """Return the text shown when :meth:`apply` raised ``error`` (default: its message)."""
        return str(error)

    def readout_html(self):
        """Return the readout: the figure's summary and a text description of the figure."""
        return (
            f'<div role="status"><b>{html.escape(self.figure.summary())}</b></div>'
            "<details><summary>Describe the figure in words</summary>"
            f"<p>{html.escape(self.figure.alt_text())}</p></details>"
        )

    def static_html(self):
        """Return the snapshot shown where no kernel runs: the PNG, its values, a note.

        Returns
        -------
        str
            A self-contained ``<figure>`` (PNG inlined as base64), without form controls.
        """
        png = base64.b64encode(self.image.value).decode("ascii")
        alt = html.escape(self.figure.alt_text(), quote=True)
        items = "".join(
            f"<li>{html.escape(name)}: {html.escape(value)}</li>"
            for name, value in self.figure.parameters().items()
        )
        return (
            # Own colours: the theme's dark mode would otherwise put grey on grey.
            '<figure class="explorer-snapshot" style="margin:1em 0;padding:0.5em;'
            'background:#ffffff;color:#1a1a1a">'
            f'<img src="data:image/png;base64,{png}" alt="{alt}" '
            'style="display:block;max-width:100%;height:auto">'
            '<figcaption style="text-align:left;color:#1a1a1a">'
            f"<p><strong>{html.escape(self.title)}</strong>, "
            f"shown for these values:</p><ul>{items}</ul>"
            f"<p><em>{html.escape(SNAPSHOT_NOTE)}</em></p></figcaption></figure>"
        )

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = self.widget._repr_mimebundle_(include=include, exclude=exclude)
        bundle["text/html"] = self.static_html()
        bundle["text/plain"] = f"{self.title} (snapshot): {self.figure.summary()}"
        return {
            mimetype: data
            for mimetype, data in bundle.items()
            if (include is None or mimetype in include)
            and (exclude is None or mimetype not in exclude)
        }

    def _redraw(self):
        self._holding += 1  # controls set by apply() must not start another redraw
        try:
            self.apply(self.values())
        except ValueError as error:
            self.readout.value = (
                '<div role="alert" style="border-left:4px solid #D55E00;padding:0.2em 0.6em">'
                f"{html.escape(self.invalid_message(error))} "
                "The figure still shows the last valid values.</div>"
            )
            return
        finally:
            self._holding -= 1
            self._dirty = False
        self.image.value = self.figure.png()
        self.readout.value = self.readout_html()


def check_range(name, value, low, high, unit):
    """Return ``value`` as a float, requiring a single number within a control's bounds.

    A slider silently clamps a value outside its range; an explorer built with one
    would show something else than asked, so it raises instead.

    Parameters
    ----------
    name : str
        The argument's name, for the message.
    value : float
        The value received.
    low, high : float
        The control's bounds, inclusive, in ``unit``.
    unit : str
        Unit of ``value``, for the message.

    Returns
    -------
    float
        ``value``.

    Raises
    ------
    ValueError
        If ``value`` is not a single finite number in ``[low, high]``.

    Examples
    --------
    >>> check_range("T_celsius", 37, 0.0, 45.0, "degC")
    37.0
    """
    number = check.finite(name, value)
    if number.ndim != 0 or not low <= number <= high:
        raise ValueError(
            f"{name} must be a single number from {low:g} to {high:g} {unit}; got {value!r}"
        )
    return float(number)
