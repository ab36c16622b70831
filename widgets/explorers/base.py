"""The explorer pattern every interactive figure of the book follows.

An explorer holds ``controls`` (stock ipywidgets), a figure-layer object that draws
their values, and one view, :class:`~widgets.explorers.view.ExplorerView`, that shows
them: native labelled controls, the figure (PNG) with its alt text, and the readout.
Every control's ``value`` is observed by :meth:`Explorer.update`, which applies the
values to the figure and renders the PNG once.

Writing an explorer (the standard every explorer follows)
----------------------------------------------------------
1. Subclass :class:`Explorer`. Build the controls as stock ipywidgets
   (``FloatSlider``, ``FloatLogSlider``, ``IntSlider``, ``Dropdown``, ``RadioButtons``,
   ``ToggleButtons``, ``BoundedIntText``, ``BoundedFloatText``) whose ``description``
   ends with the unit in parentheses, e.g. ``"Membrane thickness (nm)"``: the view
   names each control by it and reads sliders out with their unit ("5 mM").
   Call ``super().__init__(figure, controls, rows)``.
2. Implement :meth:`~Explorer.apply`; override :meth:`~Explorer.react` and
   :meth:`~Explorer.invalid_message` if needed. The figure layer provides ``png()``,
   ``alt_text()``, ``summary()`` and ``parameters()``.
3. Declare what is live on the static website with :meth:`~Explorer.site_grid`:
   the most instructive slider (about 15-25 values, log-spaced for a concentration)
   and, if the explorer has one, the choice of ion, cell or scenario. The book build
   renders one frame per combination with this very explorer (about 8 kB each: keep
   the product to about 80 frames, 1 MB per page at most), and the page swaps them
   as the reader moves those controls. The other controls are not shown there; their
   values are listed under the figure. Without ``site_grid`` the site shows a
   snapshot.

The same view runs in JupyterLab (where keys pressed on a control never reach the
notebook's shortcuts, values stream to the kernel two at a time, and the figure is
painted from a canvas) and on the static site, from frames: see
:mod:`widgets.explorers.view` and :mod:`widgets.explorers.site`.
"""

import base64
import html
import time
from contextlib import contextmanager
from types import SimpleNamespace

import ipywidgets as widgets
import traitlets

from widgets import validation as check
from widgets.explorers import site
from widgets.explorers.view import ExplorerView, control_spec, set_from_view

WIDGET_VIEW_MIMETYPE = "application/vnd.jupyter.widget-view+json"


class Explorer:
    """Controls wired to a figure, shown by one view live, on the static site or as a snapshot.

    Subclasses build the figure object and the controls, then call this
    constructor. They implement :meth:`apply` and may override :meth:`react`,
    :meth:`invalid_message` and :meth:`site_grid`.

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
    image : types.SimpleNamespace
        ``image.value``: the figure as PNG bytes.
    readout : types.SimpleNamespace
        ``readout.value``: the current result in words as HTML (``role="status"``), or
        what is wrong with the input (``role="alert"``).
    widget : ExplorerView
        The view of all the above, ready to display.
    """

    title = "Explorer"

    def __init__(self, figure, controls, rows):
        self.figure = figure
        self.controls = dict(controls)
        self.controls["reset"] = widgets.Button(
            description="Reset", tooltip="Set every control back to its starting value"
        )
        self.image = SimpleNamespace(value=b"")
        self.readout = SimpleNamespace(value="")
        self.widget = ExplorerView(self._from_view, title=self.title, rows=rows)
        self._names = {id(control): name for name, control in self.controls.items()}
        self._holding = 0  # > 0 while several changes should end in one redraw
        self._quiet = 0  # > 0 while a control is only being brought in line with the figure
        self._dirty = False
        self._redraw()
        self._initial = self.values()
        for name in self._initial:
            self.controls[name].observe(self.update, names="value")
        self.controls["reset"].on_click(lambda _button: self.reset())

    @property
    def initial(self):
        """The value of every control when the explorer was built (what Reset restores)."""
        return dict(self._initial)

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

    def site_grid(self):
        """Declare the controls that are live on the static website, and their values.

        The book build draws one frame per combination with this explorer: starting
        from the initial values each time, it sets the controls in the dict's order
        (``explorer.set(first=a, second=b)``), so list a choice that loads other
        values (an ion, a cell) before the slider it loads. The page swaps frames as
        the reader moves these controls; every other control is hidden there and its
        value listed. The starting value of each control is added to its list if
        missing, so the page starts where the explorer does.

        Returns
        -------
        dict of str to list
            One or two control names to the values shown on the site, e.g.
            ``{"ion": ["K", "Na"], "c_out": [1.0, 2.0, 5.0, 10.0]}``. Extension: the
            second control's values may depend on the first's, as a dict from each
            value of the first control to a list, e.g.
            ``{"ion": ["K", "Na"], "c_out": {"K": [...], "Na": [...]}}``. The default,
            an empty dict, keeps the explorer a snapshot on the site.
        """
        return {}

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
        return site.snapshot_html(
            self.title,
            f"data:image/png;base64,{png}",
            self.figure.alt_text(),
            self.figure.parameters().items(),
        )

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = {
            WIDGET_VIEW_MIMETYPE: {
                "version_major": 2,
                "version_minor": 1,
                "model_id": self.widget.model_id,
            },
            # The static website: live along site_grid() when the book is built, else a snapshot.
            "text/html": site.site_html(self) if site.building_site() else self.static_html(),
            "text/plain": f"{self.title} (snapshot): {self.figure.summary()}",
        }
        return {
            mimetype: data
            for mimetype, data in bundle.items()
            if (include is None or mimetype in include)
            and (exclude is None or mimetype not in exclude)
        }

    def _from_view(self, name, value):
        """Apply a value the view sent for control ``name`` (ignored if the control refuses it)."""
        control = self.controls.get(name)
        if control is None:
            return
        try:
            with self.hold():
                set_from_view(control, value)
        except (traitlets.TraitError, TypeError, ValueError):  # e.g. no option of that index
            self._publish()  # the view shows the control's own value again

    def _redraw(self):
        self._holding += 1  # controls set by apply() must not start another redraw
        started = time.perf_counter()
        try:
            self.apply(self.values())
        except ValueError as error:
            message = f"{self.invalid_message(error)} The figure still shows the last valid values."
            self.readout.value = (
                '<div role="alert" style="border-left:4px solid #D55E00;padding:0.2em 0.6em">'
                f"{html.escape(message)}</div>"
            )
            self._publish(status=message, invalid=True)
            return
        finally:
            self._holding -= 1
            self._dirty = False
        applied = time.perf_counter()
        self.image.value = self.figure.png()
        self.widget.timing = {
            "apply_ms": (applied - started) * 1e3,
            "png_ms": (time.perf_counter() - applied) * 1e3,
        }
        self.readout.value = self.readout_html()
        self._publish(status=self.figure.summary(), invalid=False, image=self.image.value)

    def _publish(self, **state):
        """Send the controls' state, and ``state`` (readout, image), to the view at once."""
        with self.widget.hold_sync():
            self.widget.controls = [control_spec(n, c) for n, c in self.controls.items()]
            self.widget.alt = self.figure.alt_text()
            for name, value in state.items():
                setattr(self.widget, name, value)


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
