"""The pump-leak simulator: change a resting neuron's pump and bath; watch it run down, recover."""

import html
from dataclasses import dataclass

import ipywidgets as widgets

from widgets.explorers.base import Explorer, check_range
from widgets.figures.pump import (
    BLOCK_RANGE,
    DURATIONS_H,
    K_OUT_RANGE,
    N_POINTS,
    PUMP_RANGE,
    PumpFigure,
)

_WIDE = {"description_width": "15.5em"}  # fits "Pump capacity (% of normal)"
_SLIDER_LAYOUT = {"width": "38em", "max_width": "100%"}
# Cursor steps per run: one per simulated interval, so the cursor lands on samples and
# every preset's cursor time (a multiple of 0.5 h) lies on the grid the browser snaps to.
CURSOR_STEPS = N_POINTS - 1
RELEASE_NOTE = (
    "Sliders that start a new simulation (pump, [K⁺] outside, block, duration) compute when "
    "you release them; the time cursor follows as you drag."
)


@dataclass(frozen=True)
class Scenario:
    """A preset of the simulator: what changes at t = 0, and how long to watch.

    Attributes
    ----------
    label : str
        The name shown in the scenario menu.
    pump_percent : float
        Pump capacity after the change (and after any block), % of normal.
    k_out : float
        Bath K⁺ after the change in mM.
    block_minutes : float
        Minutes of pump block before the pump runs at ``pump_percent``.
    duration_h : float
        Length of the run in h.
    cursor_h : float
        Where the time cursor starts, in h.
    """

    label: str
    pump_percent: float
    k_out: float
    block_minutes: float
    duration_h: float
    cursor_h: float

    def settings(self):
        """Return the simulation settings (everything but the label and cursor)."""
        return (self.pump_percent, self.k_out, self.block_minutes)


SCENARIOS = {
    "normal": Scenario("Normal: pump at 100 %", 100, 5.0, 0, 2.0, 1.0),
    "blocked": Scenario("Pump blocked (ouabain)", 0, 5.0, 0, 12.0, 1.0),
    "atp_depleted": Scenario("ATP depleted: pump at 10 %", 10, 5.0, 0, 12.0, 1.0),
    "high_k": Scenario("[K⁺] outside raised to 10 mM", 100, 10.0, 0, 2.0, 1.0),
    "recovery": Scenario("Recovery after 30 min of block", 100, 5.0, 30, 4.0, 0.5),
}


class PumpExplorer(Explorer):
    """The pump-leak simulator; build it with :func:`pump_explorer`.

    Controls (names in ``controls``): ``scenario`` (a key of :data:`SCENARIOS`; blank
    when the settings are your own), ``pump_percent`` (% of normal), ``k_out`` (mM),
    ``block_minutes`` (min), ``duration_h`` (h), ``cursor_h`` (h) and ``reset``.
    """

    title = "Pump-leak simulator"

    def __init__(self, scenario, pump_percent, k_out, block_minutes, duration_h, cursor_h):
        figure = PumpFigure(pump_percent, k_out, block_minutes, duration_h, cursor_h)
        _prerender(figure)
        controls = _make_controls(
            scenario, pump_percent, k_out, block_minutes, duration_h, cursor_h
        )
        rows = [
            ["scenario", "reset"],
            ["pump_percent"],
            ["k_out"],
            ["block_minutes"],
            ["duration_h"],
            ["cursor_h"],
        ]
        super().__init__(figure, controls, rows)

    def react(self, name, new):
        """Load a scenario when it is chosen; fit the cursor to a new duration."""
        if name == "scenario" and new is not None:
            preset = SCENARIOS[new]
            self.controls["duration_h"].value = preset.duration_h
            self.controls["pump_percent"].value = preset.pump_percent
            self.controls["k_out"].value = preset.k_out
            self.controls["block_minutes"].value = preset.block_minutes
            self.controls["cursor_h"].value = preset.cursor_h
        elif name == "duration_h":
            _fit_cursor(self.controls["cursor_h"], new)

    def apply(self, values):
        """Draw ``values``; show the scenario they match, if any."""
        self.figure.update(
            pump_percent=values["pump_percent"],
            k_out=values["k_out"],
            block_minutes=values["block_minutes"],
            duration_h=values["duration_h"],
            cursor_h=values["cursor_h"],
        )
        self.show("scenario", matching_scenario(values))

    def invalid_message(self, error):
        """Say what could not be drawn, in words."""
        return f"These settings cannot be simulated: {error}."

    def readout_html(self):
        """Return the readout: the summary, how the sliders respond, the figure in words."""
        return super().readout_html() + f"<p><small>{html.escape(RELEASE_NOTE)}</small></p>"

    def site_grid(self):
        """Return the controls and values precomputed as frames for the static website.

        Returns
        -------
        dict of str to list
            Each scenario, then the pump capacity (% of normal) over its range.
        """
        return {
            "scenario": list(SCENARIOS),
            "pump_percent": [0, 10, 20, 30, 40, 50, 60, 80, 100, 125, 150, 200],
        }


def matching_scenario(values):
    """Return the key of the scenario whose settings are on display, or None.

    Parameters
    ----------
    values : dict
        Control values, as :meth:`Explorer.values` returns them.

    Returns
    -------
    str or None
    """
    shown = (values["pump_percent"], values["k_out"], values["block_minutes"])
    return next((key for key, s in SCENARIOS.items() if s.settings() == shown), None)


def pump_explorer(
    scenario="normal",
    pump_percent=None,
    k_out=None,
    block_minutes=None,
    duration_h=None,
    cursor_h=None,
):
    """Return the pump-leak simulator: a neuron's V, [Na⁺]in, [K⁺]in and volume over time.

    A resting neuron soma (the book's pump-leak cell) has its Na⁺/K⁺ pump scaled and
    its bath K⁺ changed at t = 0, its pump blocked for a while first if asked. The
    figure shows what follows, the steady state it heads for and the pump's
    electrogenic share; the readout gives the steady-state V and that share, the time
    to lose half the K⁺ gradient and the pump's ATP use. Displayed where no kernel
    runs (the static book), it shows a snapshot instead of dead sliders.

    Parameters
    ----------
    scenario : str, optional
        A key of :data:`SCENARIOS` giving the defaults: ``"normal"``, ``"blocked"``,
        ``"atp_depleted"``, ``"high_k"`` or ``"recovery"`` (default ``"normal"``).
    pump_percent : float, optional
        Pump capacity after the change, % of normal, 0 to 200 in steps of 5.
    k_out : float, optional
        Bath K⁺ after the change in mM, 1 to 20 in steps of 0.5 (K⁺ replaces Na⁺).
    block_minutes : float, optional
        Minutes of pump block before the pump runs at ``pump_percent``, 0 to 120 in
        steps of 5.
    duration_h : float, optional
        Length of the run in h: one of 0.5, 1, 2, 4, 8, 12, 24.
    cursor_h : float, optional
        Time in h at which the values are read, 0 to ``duration_h``.

    Returns
    -------
    PumpExplorer
        With public ``controls``, ``figure`` (a :class:`~widgets.figures.pump.PumpFigure`),
        ``image``, ``readout``, ``widget`` and ``set(**values)``.

    Raises
    ------
    ValueError
        If ``scenario`` is unknown or a value is outside its control's range or grid.

    Notes
    -----
    Each setting is simulated by :func:`widgets.physics.simulate_intervention`
    (a stiff solver on 241 output times) and kept, so returning to a setting, or
    moving the time cursor, only repaints the figure.

    Examples
    --------
    >>> explorer = pump_explorer("blocked")
    >>> explorer.figure.parameters()["time to lose half the K⁺ gradient"]
    '31.8 min'
    >>> explorer.set(cursor_h=2.0)
    >>> explorer.figure.summary().split("At ")[1]
    '2.00 h: V = −17.4 mV, [Na⁺] 139.8 mM, [K⁺] 11.6 mM, volume 136 %.'
    """
    if scenario not in SCENARIOS:
        raise ValueError(f"scenario must be one of {list(SCENARIOS)}; got {scenario!r}")
    preset = SCENARIOS[scenario]
    pump_percent = _on_grid("pump_percent", pump_percent, preset.pump_percent, PUMP_RANGE, 5, "%")
    k_out = _on_grid("k_out", k_out, preset.k_out, K_OUT_RANGE, 0.5, "mM")
    block_minutes = _on_grid(
        "block_minutes", block_minutes, preset.block_minutes, BLOCK_RANGE, 5, "min"
    )
    duration_h = preset.duration_h if duration_h is None else duration_h
    if duration_h not in DURATIONS_H:
        raise ValueError(f"duration_h must be one of {DURATIONS_H} h; got {duration_h!r}")
    cursor_h = min(preset.cursor_h, duration_h) if cursor_h is None else cursor_h
    cursor_h = check_range("cursor_h", cursor_h, 0.0, duration_h, "h")
    return PumpExplorer(scenario, pump_percent, k_out, block_minutes, duration_h, cursor_h)


def _on_grid(name, value, default, limits, step, unit):
    """Return ``value`` (or the default) within the control's range and on its step grid."""
    value = check_range(name, default if value is None else value, *limits, unit)
    if abs(value / step - round(value / step)) > 1e-9:
        raise ValueError(f"{name} must be a multiple of {step:g} {unit}; got {value!r}")
    return value


def _fit_cursor(cursor, duration_h):
    # Setting max below the value clamps the value (one more change, drawn in the same hold).
    cursor.max = duration_h
    cursor.step = duration_h / CURSOR_STEPS


def _prerender(figure):
    """Draw each scenario's background once up front, then show the starting settings.

    A background (axes, ticks, labels) costs ~100 ms to draw; the scenarios use a
    few time and volume axes, so choosing one later repaints only the lines.
    """
    shown = {
        "pump_percent": figure.pump_percent,
        "k_out": figure.k_out,
        "block_minutes": figure.block_minutes,
        "duration_h": figure.duration_h,
        "cursor_h": figure.cursor_h,
    }
    for preset in SCENARIOS.values():
        figure.update(
            pump_percent=preset.pump_percent,
            k_out=preset.k_out,
            block_minutes=preset.block_minutes,
            duration_h=preset.duration_h,
            cursor_h=preset.cursor_h,
        )
        figure.png()
    figure.update(**shown)


def _make_controls(scenario, pump_percent, k_out, block_minutes, duration_h, cursor_h):
    def slider(kind, description, tooltip, **kwargs):
        return kind(
            description=description,
            tooltip=tooltip,
            continuous_update=False,  # a new simulation per value: compute on release
            style=_WIDE,
            layout=widgets.Layout(**_SLIDER_LAYOUT),
            **kwargs,
        )

    return {
        "scenario": widgets.Dropdown(
            options=[(preset.label, key) for key, preset in SCENARIOS.items()],
            value=scenario,
            description="Scenario",
            tooltip="Load a preset; blank when the settings are your own",
            style={"description_width": "6em"},
            layout=widgets.Layout(width="26em", max_width="100%"),
        ),
        "pump_percent": slider(
            widgets.IntSlider,
            "Pump capacity (% of normal)",
            "Maximal pump rate after t = 0, in % of the normal cell's: 0 = blocked by "
            "ouabain, 10 = ATP depleted",
            value=int(pump_percent),
            min=int(PUMP_RANGE[0]),
            max=int(PUMP_RANGE[1]),
            step=5,
        ),
        "k_out": slider(
            widgets.FloatSlider,
            "[K⁺] outside (mM)",
            "Bath K⁺ from t = 0 in mM (K⁺ replaces Na⁺ mole for mole; 5 mM is normal)",
            value=k_out,
            min=K_OUT_RANGE[0],
            max=K_OUT_RANGE[1],
            step=0.5,
            readout_format=".1f",
        ),
        "block_minutes": slider(
            widgets.IntSlider,
            "Pump blocked first (min)",
            "Minutes from t = 0 during which the pump is blocked before it runs at its "
            "capacity (0 = no block)",
            value=int(block_minutes),
            min=int(BLOCK_RANGE[0]),
            max=int(BLOCK_RANGE[1]),
            step=5,
        ),
        "duration_h": slider(
            widgets.SelectionSlider,
            "Duration (h)",
            "How long after t = 0 the simulation runs, in hours",
            options=[(f"{hours:g}", hours) for hours in DURATIONS_H],
            value=duration_h,
        ),
        "cursor_h": widgets.FloatSlider(
            value=cursor_h,
            min=0.0,
            max=duration_h,
            step=duration_h / CURSOR_STEPS,
            readout_format=".2f",
            continuous_update=True,  # moves a line only: follows the drag
            description="Time cursor (h)",
            tooltip="Time after the change, in hours, at which the four values are read",
            style=_WIDE,
            layout=widgets.Layout(**_SLIDER_LAYOUT),
        ),
    }
