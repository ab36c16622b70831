"""The scenario explorer's figure: one cell in one situation, its potentials and currents.

Three panels, built once and updated in place:

- (a) each ion's Nernst potential E (a coloured tick in its column) and the membrane
  potential V (a black line across);
- (b) what flows or pushes: the currents at rest for the neuron and the heart cell
  (outward positive), the driving force V − E of each ion for the plant cell, and the
  two parts of the proton-motive force for the bacterium;
- (c) the scenario: the neuron's V and E_K in the hour after its bath K⁺ and its pump
  capacity change at t = 0 (the rest of the figure shows the state an hour on); V against
  plasma K⁺ for the heart cell, classes of hyperkalaemia shaded; the plant cell's ion
  contents beside what V alone holds; what a proton buys in E. coli.

A cell's panels (b) and (c) differ from another's, so each cell has its own background
(:class:`~widgets.figures.agg.AggRenderer` states); within a cell only the data change.
"""

from functools import lru_cache

import numpy as np

from widgets import validation as check
from widgets.constants import concentration_to_ph
from widgets.data.applications import hyperkalaemia_class
from widgets.data.ions import IONS, get_preset
from widgets.figures.agg import AggRenderer, new_figure
from widgets.figures.case_studies import (
    HEART,
    PLANT,
    draw_accumulation,
    draw_plasma_potassium,
    plasma_potassium_curves,
)
from widgets.figures.palette import ACCENT_COLOUR, ION_COLOURS, MUTED_COLOUR, NEUTRAL_COLOUR
from widgets.formatting import MV_PER_V, format_millivolts, format_number, format_significant
from widgets.physics.cardiac import cardiac_sodium_availability
from widgets.physics.cells import ghk_permeabilities, ghk_rest
from widgets.physics.energy import DELTA_G_ATP
from widgets.physics.ghk import ghk_current_density
from widgets.physics.nernst import nernst_potential, nernst_slope
from widgets.physics.proton_motive import proton_free_energy, proton_motive_force
from widgets.physics.pump_leak import ION_ORDER, VALENCE, PumpLeakParams, steady_state
from widgets.physics.rundown import (
    DEPOLARISED_LEVEL,
    depolarisation_time,
    intervention_params,
    simulate_intervention,
)

# Display formats shared by the figures (widgets.formatting).
_number = format_significant
_mV = format_millivolts

NEURON = "mammalian_neuron"
BACTERIUM = "e_coli"
CELLS = (NEURON, HEART, PLANT, BACTERIUM)
CELL_LABELS = {
    NEURON: "Neuron (the pump-leak soma)",
    HEART: "Heart: ventricular myocyte",
    PLANT: "Plant: pea root cell",
    BACTERIUM: "Bacterium: E. coli",
}
FIGSIZE = (8.0, 3.7)  # in
POTENTIAL_LIMITS_MV = (-170.0, 150.0)  # every E of the four cells
AXES_BOTTOM, AXES_HEIGHT = 0.14, 0.62  # figure fractions
READOUT_BASELINE = 0.92  # figure fraction
UA_PER_CM2 = 100.0  # 1 A/m^2 = 100 uA/cm^2
MIN_CURRENT_LIMIT = 0.5  # uA/cm^2: the current axis never zooms in further
FORCE_LIMITS_MV = (-250.0, 150.0)
RUN_MINUTES = 60.0
RUN_POINTS = 121  # one output every 30 s
RUN_RTOL = 1e-4  # the runs are drawn, not compared to the digit: 1e-4 is below a pixel
NEURON_ION_KEYS = ION_ORDER  # the pump-leak model's ions: Na+, K+, Cl-


@lru_cache(maxsize=64)
def _neuron_run(k_out, pump_fraction):
    """Return the neuron's run after its bath K⁺ and pump change at t = 0; None if neither does."""
    base = PumpLeakParams()
    # A log slider sends 5 mM back as 10 ** log10(5), a rounding away from 5: that is no change.
    if np.isclose(k_out, base.k_out, rtol=1e-9) and pump_fraction == 1.0:
        return None
    t_eval = np.linspace(0.0, RUN_MINUTES * 60.0, RUN_POINTS)
    return simulate_intervention(
        base,
        pump_fraction=pump_fraction,
        k_out=k_out,
        duration=RUN_MINUTES * 60.0,
        t_eval=t_eval,
        rtol=RUN_RTOL,
    )


class ScenarioFigure:
    """The scenario explorer's figure, built once and updated in place.

    Parameters
    ----------
    cell : str, optional
        One of :data:`CELLS` (default the neuron).
    k_out : float, optional
        Bath or plasma K⁺ in mol/m^3 (= mM) for the neuron and the heart cell; default
        the cell's own. Ignored for the plant cell and the bacterium.
    pump_fraction : float, optional
        The neuron's Na⁺/K⁺ pump capacity after t = 0, 0 to 1 (default 1, intact).
        Ignored for the other cells. The neuron starts at rest in its normal bath; at
        t = 0 its bath K⁺ becomes ``k_out`` (for Na⁺, mole for mole) and its pump this
        fraction.

    Attributes
    ----------
    fig : matplotlib.figure.Figure
        The figure, white, 8 x 3.7 in, unknown to pyplot.
    ax_potentials, ax_middle : matplotlib.axes.Axes
        Panels (a) and (b).
    ax_scenario : dict of str to matplotlib.axes.Axes
        Panel (c) of each cell; only the current cell's is visible.
    e_ticks : dict of str to matplotlib.lines.Line2D
        Per ion of :data:`~widgets.data.ions.IONS`: its E tick (mV), empty if not shown.
    v_line : matplotlib.lines.Line2D
        V across panel (a), in mV.
    bars : list of matplotlib.patches.Rectangle
        Panel (b)'s bars, the first ``len(bar_labels)`` in use.
    time_v, time_e_k, crossing : matplotlib.lines.Line2D
        The neuron's V and E_K against time (min) and the time V passes -50 mV.
    heart_point : matplotlib.lines.Line2D
        The heart cell's V at the chosen plasma K⁺.
    cell, k_out, pump_fraction : str, float, float
        The values drawn (mM, fraction).
    v : float
        Membrane potential in V (for a neuron whose bath or pump changed: after 60 min).
    E : dict of str to float
        Nernst potential in V of each ion shown.
    bar_labels, bar_values : list
        Panel (b): labels and values (µA/cm² or mV).
    run : PumpLeakTrajectory or None
        The neuron's run after the change; None when neither bath nor pump changed.
    depolarisation_time : float
        When the neuron's V passes -50 mV, in s (``nan`` if it does not in 60 min).
    availability : float
        The heart cell's available Na⁺ channels (0 to 1); ``nan`` for other cells.

    Raises
    ------
    ValueError
        If ``cell`` is unknown, ``k_out`` is not positive (or, for the neuron, not below
        the bath's K⁺ + Na⁺), or ``pump_fraction`` lies outside 0 to 1.

    Examples
    --------
    >>> figure = ScenarioFigure(HEART, k_out=8.0)
    >>> round(figure.v * 1e3, 1), round(figure.availability, 2)
    (-73.1, 0.68)
    >>> figure.update(cell="e_coli")
    >>> figure.bar_labels, [round(x, 1) for x in figure.bar_values]
    (['Δψ', '−Z·ΔpH', 'Δp'], [-120.0, -43.1, -163.1])
    """

    def __init__(self, cell=NEURON, k_out=None, pump_fraction=1.0):
        if cell not in CELLS:
            raise ValueError(f"cell must be one of {list(CELLS)}; got {cell!r}")
        self.fig = new_figure(figsize=FIGSIZE)
        self._build_axes()
        self._build_artists()
        self.cell = None  # nothing drawn yet
        self._draw(cell, _default_k(cell) if k_out is None else k_out, pump_fraction)
        dynamic = [
            *self.e_ticks.values(),
            self.v_line,
            *self.bars,
            self.time_v,
            self.time_e_k,
            self.crossing,
            self.heart_point,
            self.readout_text,
        ]
        self._renderer = AggRenderer(self.fig, dynamic, state=self._static_state)

    def update(self, cell=None, k_out=None, pump_fraction=None):
        """Draw new values; an argument left as None keeps its current value.

        A new cell with no ``k_out`` given takes that cell's own K⁺ outside.

        Raises
        ------
        ValueError
            For an invalid value; nothing drawn changes then.
        """
        new_cell = self.cell if cell is None else cell
        if new_cell not in CELLS:
            raise ValueError(f"cell must be one of {list(CELLS)}; got {new_cell!r}")
        if k_out is None:
            k_out = self.k_out if new_cell == self.cell else _default_k(new_cell)
        self._draw(new_cell, k_out, self.pump_fraction if pump_fraction is None else pump_fraction)

    def prerender(self):
        """Draw and keep each cell's background once, then restore the values shown."""
        shown = (self.cell, self.k_out, self.pump_fraction)
        for cell in CELLS:
            self._draw(cell, _default_k(cell), 1.0)
            self.png()
        self._draw(*shown)

    def png(self):
        """Return the figure as PNG bytes (800 x 370 px), redrawing only what changed."""
        return self._renderer.png()

    def summary(self):
        """Return the readout in words: V and what the scenario does to the cell."""
        label = CELL_LABELS[self.cell]
        if self.cell == NEURON:
            if self.run is None:
                return (
                    f"{label}, {_number(self.k_out)} mM K⁺ outside, pump intact: steady state "
                    f"at V = {_mV(self.v)}."
                )
            normal = PumpLeakParams().k_out
            changes = []
            if not np.isclose(self.k_out, normal, rtol=1e-9):
                moves = "rises" if self.k_out > normal else "falls"
                changes.append(f"K⁺ outside {moves} to {_number(self.k_out)} mM")
            if self.pump_fraction < 1.0:
                changes.append(f"the pump drops to {format_number(100 * self.pump_fraction, 0)} %")
            growth = 100 * (self.run.volume[-1] / self.run.volume[0] - 1)
            passes = (
                f"V passes {_mV(DEPOLARISED_LEVEL)} after "
                f"{format_number(self.depolarisation_time / 60, 1)} min"
                if np.isfinite(self.depolarisation_time)
                else f"V stays below {_mV(DEPOLARISED_LEVEL)} for {RUN_MINUTES:.0f} min"
            )
            return (
                f"{label}; at t = 0 {' and '.join(changes)}: {passes}; after "
                f"{RUN_MINUTES:.0f} min V = {_mV(self.v)}, E_K = {_mV(self.E['K'])}, volume "
                f"{format_number(growth, 0, signed=True)} %."
            )
        if self.cell == HEART:
            grade = hyperkalaemia_class(self.k_out)
            grade = f" ({grade} hyperkalaemia)" if grade else ""
            return (
                f"{label}, plasma K⁺ {_number(self.k_out)} mM{grade}: V = {_mV(self.v)}, "
                f"E_K = {_mV(self.E['K'])}; Na⁺ channels available "
                f"{format_number(100 * self.availability, 0)} %."
            )
        if self.cell == PLANT:
            return (
                f"{label}: V = {_mV(self.v)} (measured), E_K = {_mV(self.E['K'])}: K⁺ is near "
                f"equilibrium; E_H = {_mV(self.E['H'])}, so H⁺ is driven in by "
                f"{_mV(self.v - self.E['H'])}."
            )
        delta_psi, ph_term, delta_p = self.bar_values
        return (
            f"{label}: Δp = {format_number(delta_p, 1)} mV = Δψ {format_number(delta_psi, 1)} "
            f"mV + pH term {format_number(ph_term, 1)} mV."
        )

    def parameters(self):
        """Return the values drawn as display strings, keyed by their names."""
        values = {"cell": CELL_LABELS[self.cell]}
        if self.cell in (NEURON, HEART):
            values["K⁺ outside"] = f"{_number(self.k_out)} mM"
        if self.cell == NEURON:
            values["Na⁺/K⁺ pump capacity"] = f"{format_number(100 * self.pump_fraction, 0)} %"
        values["membrane potential V"] = _mV(self.v)
        for ion, e in self.E.items():
            values[f"E of {IONS[ion].label}"] = _mV(e)
        unit = "µA/cm²" if self.cell in (NEURON, HEART) else "mV"
        for label, value in zip(self.bar_labels, self.bar_values, strict=True):
            values[label] = f"{format_number(value, 2 if unit == 'µA/cm²' else 1)} {unit}"
        return values

    def alt_text(self):
        """Describe the figure and its current numbers in words, for screen readers."""
        es = ", ".join(f"{IONS[ion].label} {_mV(e)}" for ion, e in self.E.items())
        bars = "; ".join(
            f"{label} {format_number(value, 2)}"
            for label, value in zip(self.bar_labels, self.bar_values, strict=True)
        )
        middle = {
            NEURON: "currents at V in µA/cm², outward positive, the pump's net current included",
            HEART: "currents at V in µA/cm², outward positive",
            PLANT: "driving forces V − E in mV, positive pushing cations out",
            BACTERIUM: "the membrane potential, the pH term and their sum, Δp, in mV",
        }[self.cell]
        scenario = {
            NEURON: f"V and E_K against time over the {RUN_MINUTES:.0f} minutes after the bath "
            f"K⁺ and the pump change, the level {_mV(DEPOLARISED_LEVEL)} dotted",
            HEART: "V and E_K against plasma K⁺ from 2 to 20 mM on a log axis, the classes of "
            "hyperkalaemia shaded, the current value marked",
            PLANT: "measured K⁺, Na⁺ and Cl⁻ inside beside what V alone would hold, log scale",
            BACTERIUM: "the free energy one mole of protons releases flowing in, beside the "
            "free energy of making ATP",
        }[self.cell]
        return (
            f"Three panels for the {CELL_LABELS[self.cell]}. Left, a voltage axis: the "
            f"equilibrium potentials {es}, and V = {_mV(self.v)} as a black line. Middle: "
            f"{middle}: {bars}. Right: {scenario}. {self.summary()}"
        )

    # Building -------------------------------------------------------------------------

    def _build_axes(self):
        box = (AXES_BOTTOM, AXES_HEIGHT)
        self.ax_potentials = self.fig.add_axes((0.085, box[0], 0.18, box[1]))
        self.ax_middle = self.fig.add_axes((0.37, box[0], 0.19, box[1]))
        right = (0.665, box[0], 0.315, box[1])
        self.ax_scenario = {cell: self.fig.add_axes(right, label=cell) for cell in CELLS}

    def _build_artists(self):
        self._build_potentials()
        self._build_middle()
        self._build_time()
        self._build_heart()
        draw_accumulation(self.ax_scenario[PLANT])
        self.ax_scenario[PLANT].set_title("(c) inside: measured and at V", fontsize=10, loc="left")
        self.ax_scenario[PLANT].legend(fontsize=7, loc="upper right")
        self._build_energy()
        self.readout_text = self.fig.text(0.015, READOUT_BASELINE, "", fontsize=11)
        self.cell_text = self.fig.text(0.985, READOUT_BASELINE, "", fontsize=10, ha="right")

    def _build_potentials(self):
        ax = self.ax_potentials
        ax.set_ylim(POTENTIAL_LIMITS_MV)
        ax.axhline(0.0, color=MUTED_COLOUR, linewidth=0.8, zorder=1)
        ax.grid(True, axis="y", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
        ax.set_ylabel("potential (mV)")
        ax.set_title("(a) E of each ion, V", fontsize=10, loc="left")
        # No number beside each tick: text is the dearest thing to redraw, and the readout,
        # the description and the list of values give every E.
        self.e_ticks = {}
        for ion in IONS:
            (self.e_ticks[ion],) = ax.plot([], [], color=ION_COLOURS[ion], linewidth=4, zorder=3)
        (self.v_line,) = ax.plot([], [], color=NEUTRAL_COLOUR, linewidth=1.8, zorder=5)
        self.v_label = ax.text(0.02, 0.02, "black: V", transform=ax.transAxes, fontsize=7)

    def _build_middle(self):
        ax = self.ax_middle
        container = ax.bar(range(5), np.zeros(5), width=0.6, color=MUTED_COLOUR)
        self.bars = list(container.patches)
        for bar in self.bars:
            bar.set_zorder(3)
        ax.axhline(0.0, color=NEUTRAL_COLOUR, linewidth=0.8, zorder=2)
        ax.grid(True, axis="y", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
        self.middle_title = ax.set_title("", fontsize=10, loc="left")

    def _build_time(self):
        ax = self.ax_scenario[NEURON]
        ax.set_xlim(0, RUN_MINUTES)
        ax.set_ylim(-100, 0)
        ax.axhline(DEPOLARISED_LEVEL * MV_PER_V, color=MUTED_COLOUR, linestyle=":", linewidth=1)
        (self.time_v,) = ax.plot([], [], color=NEUTRAL_COLOUR, linewidth=2, label="V")
        (self.time_e_k,) = ax.plot(
            [], [], color=ION_COLOURS["K"], linestyle="--", linewidth=1.5, label="E_K"
        )
        (self.crossing,) = ax.plot(
            [], [], "o", markerfacecolor=ACCENT_COLOUR, markeredgecolor=NEUTRAL_COLOUR, zorder=5
        )
        ax.set_xlabel("minutes after the change")
        ax.set_ylabel("potential (mV)")
        ax.set_title("(c) the hour after t = 0", fontsize=10, loc="left")
        ax.legend(fontsize=7, loc="upper left")

    def _build_heart(self):
        ax = self.ax_scenario[HEART]
        draw_plasma_potassium(
            ax, plasma_potassium_curves(), label_classes=False, ticks=(2, 3, 5, 7, 10, 20)
        )
        (self.heart_point,) = ax.plot(
            [],
            [],
            "o",
            markersize=8,
            markerfacecolor=ACCENT_COLOUR,
            markeredgecolor=NEUTRAL_COLOUR,
            zorder=5,
            clip_on=False,
        )
        ax.set_xlabel("plasma K⁺ (mM); grey: hyperkalaemia")
        ax.set_ylabel("potential (mV)")
        ax.set_title("(c) V against plasma K⁺", fontsize=10, loc="left")
        ax.legend(fontsize=7, loc="upper left")

    def _build_energy(self):
        ax = self.ax_scenario[BACTERIUM]
        cell = get_preset(BACTERIUM)
        delta_p = proton_motive_force(cell.v_rest, _delta_ph(cell), cell.T)
        per_proton = proton_free_energy(delta_p) / 1e3  # kJ/mol
        per_atp = DELTA_G_ATP / 1e3
        ax.bar([0, 1], [per_proton, per_atp], width=0.6, color=[ION_COLOURS["H"], MUTED_COLOUR])
        ax.set_xticks([0, 1], ["one H⁺ in", "one ATP made"])
        ax.set_ylim(0, 70)
        ax.set_ylabel("free energy (kJ/mol)")
        ax.set_title("(c) what a proton buys", fontsize=10, loc="left")
        ax.text(
            0.5,
            0.93,
            f"≥ {format_number(per_atp / per_proton, 1)} H⁺ per ATP",
            transform=ax.transAxes,
            ha="center",
            va="top",
            fontsize=9,
        )

    # Drawing --------------------------------------------------------------------------

    def _draw(self, cell, k_out, pump_fraction):
        if cell not in CELLS:
            raise ValueError(f"cell must be one of {list(CELLS)}; got {cell!r}")
        k_out = check.scalar("k_out", check.positive("k_out", k_out))
        pump_fraction = check.scalar("pump_fraction", pump_fraction)
        if not 0.0 <= pump_fraction <= 1.0:
            raise ValueError(f"pump_fraction must lie between 0 and 1; got {pump_fraction!r}")
        state = _compute(cell, k_out, pump_fraction)  # validates the rest, e.g. the bath
        changed_cell = cell != self.cell
        self.cell, self.k_out, self.pump_fraction = cell, k_out, pump_fraction
        for name, value in state.items():
            setattr(self, name, value)
        if changed_cell:
            self._show_cell()
        self._draw_potentials()
        self._draw_bars()
        self._draw_scenario()
        self.readout_text.set_text(f"V = {_mV(self.v)}")

    def _show_cell(self):
        """Set what stays while the cell stays: panel (c), panel (b)'s axis, the name."""
        for cell, ax in self.ax_scenario.items():
            ax.set_visible(cell == self.cell)
        # The renderer paints dynamic artists whatever their axes: hide the other cells'.
        for artist in (self.time_v, self.time_e_k, self.crossing):
            artist.set_visible(self.cell == NEURON)
        self.heart_point.set_visible(self.cell == HEART)
        ions = list(self.E)
        ax = self.ax_potentials
        ax.set_xlim(-0.6, len(ions) - 0.4)
        ax.set_xticks(range(len(ions)), [IONS[ion].label for ion in ions])
        middle = self.ax_middle
        n = len(self.bar_labels)
        middle.set_xlim(-0.6, n - 0.4)
        middle.set_xticks(range(n), self.bar_labels, fontsize=8)
        if self.cell in (NEURON, HEART):
            middle.set_ylabel("current (µA/cm², out +)")
            self.middle_title.set_text("(b) currents")
            self.current_limit = None  # set by _draw_bars
        elif self.cell == PLANT:
            middle.set_ylabel("V − E (mV)")
            middle.set_ylim(*FORCE_LIMITS_MV)
            self.middle_title.set_text("(b) driving forces")
        else:
            middle.set_ylabel("potential (mV)")
            middle.set_ylim(*FORCE_LIMITS_MV)
            self.middle_title.set_text("(b) parts of Δp")
        self.cell_text.set_text(CELL_LABELS[self.cell])

    def _draw_potentials(self):
        v_mV = self.v * MV_PER_V
        self.v_line.set_data([-0.6, len(self.E) - 0.4], [v_mV, v_mV])
        shown = dict.fromkeys(IONS, None) | {ion: x for x, ion in enumerate(self.E)}
        for ion, x in shown.items():
            if x is None:
                self.e_ticks[ion].set_data([], [])
                continue
            e_mV = float(np.clip(self.E[ion] * MV_PER_V, *POTENTIAL_LIMITS_MV))
            self.e_ticks[ion].set_data([x - 0.32, x + 0.32], [e_mV, e_mV])

    def _draw_bars(self):
        # The values are in the readout and the figure's description, not printed on the bars:
        # text is the dearest thing to redraw.
        values = np.asarray(self.bar_values, dtype=float)
        for k, bar in enumerate(self.bars):
            bar.set_visible(k < len(values))
            if k < len(values):
                bar.set_height(values[k])
                bar.set_facecolor(self.bar_colours[k])
        if self.cell in (NEURON, HEART):
            limit = _nice_limit(max(np.max(np.abs(values)) * 1.3, MIN_CURRENT_LIMIT))
            if limit != self.current_limit:
                self.current_limit = limit
                self.ax_middle.set_ylim(-limit, limit)

    def _draw_scenario(self):
        if self.cell == NEURON:
            if self.run is None:
                t, v = [0.0, RUN_MINUTES], [self.v * MV_PER_V] * 2
                e_k = [self.E["K"] * MV_PER_V] * 2
            else:
                t, v = self.run.t / 60, self.run.v * MV_PER_V
                e_k = self._run_e_k() * MV_PER_V
            self.time_v.set_data(t, v)
            self.time_e_k.set_data(t, e_k)
            crossing = self.depolarisation_time
            self.crossing.set_data(
                *(
                    ([crossing / 60], [DEPOLARISED_LEVEL * MV_PER_V])
                    if np.isfinite(crossing)
                    else ([], [])
                )
            )
        elif self.cell == HEART:
            self.heart_point.set_data([self.k_out], [self.v * MV_PER_V])

    def _run_e_k(self):
        # E_K against time: the bath's new K⁺ over the falling K⁺ inside (the first point is
        # already after the change).
        return nernst_potential(self.k_out, self.run.c_in[:, 1], 1, PumpLeakParams().T)

    def _static_state(self):
        # What the static artists show: the cell's panels and the current axis' range.
        return self.cell, getattr(self, "current_limit", None)


def _compute(cell, k_out, pump_fraction):
    """Return every number the figure draws for a cell, as attribute name -> value."""
    if cell == NEURON:
        return _compute_neuron(k_out, pump_fraction)
    if cell == HEART:
        return _compute_heart(k_out)
    preset = get_preset(cell)
    E = {
        ion: nernst_potential(preset.c_out[ion], preset.c_in[ion], IONS[ion].z, preset.T)
        for ion in preset.ions
    }
    common = {"v": preset.v_rest, "E": E, "run": None, "depolarisation_time": np.nan}
    common["availability"] = np.nan
    if cell == PLANT:
        forces = [(preset.v_rest - e) * MV_PER_V for e in E.values()]
        labels = [IONS[ion].label for ion in E]
        return common | {
            "bar_labels": labels,
            "bar_values": forces,
            "bar_colours": [ION_COLOURS[ion] for ion in E],
        }
    delta_ph = _delta_ph(preset)
    ph_term = -nernst_slope(preset.T) * delta_ph
    delta_p = proton_motive_force(preset.v_rest, delta_ph, preset.T)
    return common | {
        "bar_labels": ["Δψ", "−Z·ΔpH", "Δp"],
        "bar_values": [preset.v_rest * MV_PER_V, ph_term * MV_PER_V, delta_p * MV_PER_V],
        "bar_colours": [NEUTRAL_COLOUR, ION_COLOURS["H"], MUTED_COLOUR],
    }


def _compute_neuron(k_out, pump_fraction):
    run = _neuron_run(k_out, pump_fraction)  # validates k_out against the bath
    params = intervention_params(PumpLeakParams(), pump_fraction, k_out)
    if run is None:
        rest = steady_state(params)
        v, c_in, i_leak, i_pump = rest.v, rest.c_in, rest.i_leak, rest.i_pump
        crossing = np.nan
    else:
        v, c_in = float(run.v[-1]), run.c_in[-1]
        i_leak, i_pump = run.i_leak[-1], float(run.i_pump[-1])
        crossing = depolarisation_time(run.t, run.v)
    E = dict(
        zip(NEURON_ION_KEYS, nernst_potential(params.c_out, c_in, VALENCE, params.T), strict=True)
    )
    currents = [*(i_leak * UA_PER_CM2), i_pump * UA_PER_CM2, (np.sum(i_leak) + i_pump) * UA_PER_CM2]
    return {
        "v": float(v),
        "E": {ion: float(e) for ion, e in E.items()},
        "run": run,
        "depolarisation_time": crossing,
        "availability": np.nan,
        "bar_labels": [*(IONS[ion].label for ion in NEURON_ION_KEYS), "pump", "sum"],
        "bar_values": currents,
        "bar_colours": [
            *(ION_COLOURS[ion] for ion in NEURON_ION_KEYS),
            MUTED_COLOUR,
            NEUTRAL_COLOUR,
        ],
    }


def _compute_heart(k_out):
    preset = get_preset(HEART)
    v = ghk_rest(HEART, k_out)
    c_out = preset.c_out | {"K": k_out}
    E = {
        ion: float(nernst_potential(c_out[ion], preset.c_in[ion], IONS[ion].z, preset.T))
        for ion in preset.ions
    }
    p = ghk_permeabilities(HEART)
    currents = {
        ion: ghk_current_density(v, p[ion], c_out[ion], preset.c_in[ion], IONS[ion].z, preset.T)
        for ion in p
    }
    values = [currents[ion] * UA_PER_CM2 for ion in p]
    return {
        "v": float(v),
        "E": E,
        "run": None,
        "depolarisation_time": np.nan,
        "availability": float(cardiac_sodium_availability(v)),
        "bar_labels": [*(IONS[ion].label for ion in p), "sum"],
        "bar_values": [*values, sum(values)],
        "bar_colours": [*(ION_COLOURS[ion] for ion in p), NEUTRAL_COLOUR],
    }


def _default_k(cell):
    """Return a cell's own K⁺ outside in mM (the plant's and bacterium's are not used)."""
    preset = get_preset(cell)
    return preset.c_out.get("K", PumpLeakParams().k_out)


def _delta_ph(preset):
    return concentration_to_ph(preset.c_in["H"]) - concentration_to_ph(preset.c_out["H"])


def _nice_limit(value):
    """Return the smallest of 1, 2, 5 x 10^n that is at least ``value`` (> 0)."""
    power = 10.0 ** np.floor(np.log10(value))
    return next(step * power for step in (1.0, 2.0, 5.0, 10.0) if step * power >= value)
