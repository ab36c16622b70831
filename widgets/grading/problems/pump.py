"""The graded problems of the pump exercise notebook (``exercises/pump.ipynb``).

Every expected answer and every slip is computed here from :mod:`widgets.physics`;
no answer is typed by hand. The givens of each problem (a leak rate, a pump current,
a conductance, a free energy) are the module constants below, rounded as the chapter
prints them, and a test checks that the notebook states the same numbers. ``ROUNDED``
lists the rounded constants the chapter prints that a learner copies into these
calculations; each calculation's ``routes`` are the hand calculations a learner may make
with them (see :mod:`widgets.grading.problem`).
"""

import numpy as np

from widgets.constants import AVOGADRO, ELEMENTARY_CHARGE, FARADAY
from widgets.data.ions import get_preset
from widgets.formatting import MV_PER_V, format_number, format_scientific
from widgets.grading.choice import ChoiceProblem, Option
from widgets.grading.problem import Problem, Rounded, Slip, near_miss_message
from widgets.physics import (
    PumpLeakParams,
    atp_rate_from_sodium_influx,
    brain_resting_power,
    gradient_half_time,
    metabolic_power,
    nernst_potential,
    pump_cycle_free_energy,
    pump_electrogenic_contribution,
    pump_shifted_potential,
    relaxation_times,
    simulate_intervention,
    sphere_area,
    sphere_volume,
)
from widgets.physics.energy import DELTA_G_ATP
from widgets.physics.pump import pump_cycle_rate
from widgets.physics.pump_leak import VALENCE, steady_state

NEURON = get_preset("mammalian_neuron")
HOUR = 3600.0  # s
PA_PER_A = 1e12
PW_PER_W = 1e12

# The givens, as the exercise notebook states them (rounded as the chapter prints them).
RADIUS = 10e-6  # m: the soma of the chapter and of the Nernst estimate
K_IN = NEURON.c_in["K"]  # mol/m^3 (= mM)
K_EFFLUX = 7.7e7  # K+ ions per second leaking out at rest
NA_INFLUX = 1.16e8  # Na+ ions per second leaking in at rest (the chapter's 1.16 x 10^8)
PUMP_CURRENT = 6.2e-12  # A, the net pump current at rest
SPECIFIC_CONDUCTANCE = 0.88  # S/m^2 (88 uS/cm^2), the membrane's slope conductance
ATP_RATE = 3.87e7  # ATP per second: NA_INFLUX / 3, which the chapter prints as 3.9 x 10^7
DELTA_G = DELTA_G_ATP  # J/mol, free energy of ATP hydrolysis in cells (55 kJ/mol)
V_REST, E_NA, E_K = -64.1e-3, 66.6e-3, -89.1e-3  # V, as the chapter prints them
BRAIN_NEURONS = 86e9  # neurons in a human brain (azevedo2009: 86.1 +- 8.1 billion)
BRAIN_ATP_PER_NEURON = 4e7  # ATP per second per neuron, the chapter's figure rounded
EXPLORER_SCENARIO = "blocked"  # problem 6: the simulator's pump block at t = 0 ...
EXPLORER_TIME_H = 1.0  # ... and [K+]in read at this time, in h
ESTIMATE_FACTOR = 3.0  # an order-of-magnitude estimate is right within a factor of 3

# The bullets of the chapter's "Learning objectives" admonition, word for word.
OBJECTIVES = {
    "leaks": (
        "compute the passive Na⁺ and K⁺ fluxes of a resting cell in ions per second, and how "
        "long its gradients would last without a pump;"
    ),
    "pump": (
        "describe the Na⁺/K⁺-ATPase: 3 Na⁺ out and 2 K⁺ in per ATP, one net charge out per "
        "cycle, and its saturation with internal Na⁺ and external K⁺;"
    ),
    "balance": (
        "write the steady state as a balance of currents: passive Na⁺ influx = 3 × cycle rate, "
        "passive K⁺ efflux = 2 × cycle rate, total current zero;"
    ),
    "electrogenic": (
        "compute the pump's electrogenic share of the resting potential from $V_\\text{WA} - "
        "I_\\text{pump}/g_\\text{total}$ or the Mullins–Noda equation, and say what it depends on;"
    ),
    "steady": (
        "tell a non-equilibrium steady state from an equilibrium, and predict what V, the "
        "concentrations and the volume do when the pump stops and restarts;"
    ),
    "energy": (
        "estimate what the resting potential costs: ATP per second, watts, the pump's "
        "thermodynamic efficiency and the whole brain's bill."
    ),
}


def _chapter_cell():
    """Return the chapter's numbers that the feedback quotes, as the chapter prints them."""
    cell = PumpLeakParams()
    rest = steady_state(cell)
    e_na, e_k, _ = nernst_potential(cell.c_out, rest.c_in, VALENCE, cell.T)
    share = pump_electrogenic_contribution(cell)
    block = simulate_intervention(
        cell, 0.0, duration=2 * HOUR, t_eval=np.linspace(0, 2 * HOUR, 241)
    )
    return {
        "v_rest": format_number(rest.v * MV_PER_V, 1),
        "share": format_number(abs(share) * MV_PER_V, 1),
        "share_percent": format_number(100 * share / rest.v, 0),
        "i_pump": format_number(rest.i_pump * rest.area * PA_PER_A, 1),
        "tau_m": format_number(relaxation_times(cell)[0] * 1e3, 0),
        "drive_k": format_number((rest.v - e_k) * MV_PER_V, 0),
        "drive_na": format_number((e_na - rest.v) * MV_PER_V, 0),
        "na_flux": format_scientific(rest.na_influx * AVOGADRO, 2),
        "cycles": format_scientific(pump_cycle_rate(rest.i_pump * rest.area) * AVOGADRO, 2),
        "k_half": format_number(gradient_half_time(block.t, block.c_in[:, 1], cell.k_out) / 60, 0),
    }


CELL = _chapter_cell()
NA_INFLUX_TEXT, ATP_RATE_TEXT = (format_scientific(x, 3) for x in (NA_INFLUX, ATP_RATE))
SOMA_VOLUME = sphere_volume(RADIUS)  # m^3
SOMA_AREA = sphere_area(RADIUS)  # m^2
UM2 = 1e-12  # m^2 per um^2

# The rounded constants the chapter prints, as a learner would copy them (the chapter asserts
# that it prints these values; the routes of each calculation read them by key).
ROUNDED = (
    Rounded("e", ELEMENTARY_CHARGE, 1.602e-19, "e = 1.602 × 10⁻¹⁹ C"),
    Rounded("N_A", AVOGADRO, 6.022e23, "N_A = 6.022 × 10²³ /mol"),
    Rounded("soma volume", SOMA_VOLUME, 4.19e-15, "the soma's volume, 4.19 × 10⁻¹⁵ m³"),
    Rounded("soma area", SOMA_AREA / UM2, 1257.0, "the soma's 1 257 µm² of membrane"),
    Rounded("K⁺ ions", K_IN * SOMA_VOLUME * AVOGADRO, 3.5e11, "3.5 × 10¹¹ K⁺ ions in the soma"),
)
_BY_KEY = {item.key: item for item in ROUNDED}
CURRENT_TOL = 0.02  # pA
# The chapter prints its own results for these very givens to two figures (about 1.3 h, 3.9 x
# 10^7 ATP per second, 3.5 pW): half a unit of the last printed digit is graded correct.
HOURS_TOL = 0.05  # h
ATP_RATE_TOL = 0.05e7  # ATP per second
POWER_TOL = 0.05  # pW
POTENTIAL_TOL = 0.05  # mV
CONCENTRATION_TOL = 0.1  # mM: the simulator's readout shows one decimal
WRONG_SIGN = (
    "Right size, wrong sign. Currents are counted positive outward, and the pump moves one "
    "net positive charge out per cycle (3 Na⁺ out, 2 K⁺ in): its current is outward, "
    "positive."
)


def _rundown():
    amount = K_IN * SOMA_VOLUME * AVOGADRO  # ions: mM is mol/m^3, volume in m^3
    hours = amount / K_EFFLUX / HOUR
    return Problem(
        id="pump-rundown",
        objective="leaks",
        symbol="The time to run out of K⁺",
        quantity=(
            f"the hours a soma of radius {RADIUS * 1e6:g} µm with {K_IN:g} mM K⁺ would take to "
            f"lose all its K⁺ at {K_EFFLUX:.2g} ions per second"
        ),
        unit="h",
        expected=hours,
        abs_tol=HOURS_TOL,
        explanation=(
            f"The cell holds c V N_A = {K_IN:g} mol/m³ × {SOMA_VOLUME:.3g} m³ × "
            f"{AVOGADRO:.4g} /mol = {amount:.3g} K⁺ ions; at {K_EFFLUX:.2g} per second that is "
            f"{amount / K_EFFLUX:.0f} s. In a real block the cell depolarises and loses K⁺ "
            "faster still: the gradient is half gone in about half an hour."
        ),
        hint=(
            "Number of ions = concentration × volume × Avogadro's number, with mM = mol/m³ and "
            "the sphere's volume 4/3 π r³ in m³; divide by the ions lost per second, then by "
            "3600 s per hour."
        ),
        slips=(
            Slip(
                hours * 1e3,
                "A thousand times too long: the volume and the concentration are in different "
                "units. 140 mM is 140 mol/m³, or 0.140 mol/L; it looks like you used 140 mol/L "
                "with the volume in litres.",
            ),
            Slip(
                hours * 1e-3,
                "A thousand times too short: 140 mM is 140 mol/m³ (numerically the same), not "
                "0.140 mol/m³. Multiply 140 mol/m³ by the volume in m³.",
            ),
            Slip(
                K_IN / K_EFFLUX / HOUR,
                "That treats the concentration, 140 mM, as if it were a number of ions. A "
                "concentration is an amount per volume: multiply by the cell's volume and by "
                "Avogadro's number to count the ions.",
            ),
            Slip(hours * HOUR, "That is the time in seconds; the question asks for hours."),
            Slip(
                hours * 8,
                "Eight times too long: it looks like you used the diameter (20 µm) where the "
                "radius belongs; the volume grows as r³.",
            ),
            Slip(
                hours * 3,
                "Three times too long: the volume of a sphere is 4/3 π r³, not 4 π r³.",
            ),
        ),
        near_miss=near_miss_message([_BY_KEY[key] for key in ("soma volume", "N_A", "K⁺ ions")]),
        routes=(
            lambda c: K_IN * SOMA_VOLUME * c["N_A"] / K_EFFLUX / HOUR,
            lambda c: K_IN * c["soma volume"] * c["N_A"] / K_EFFLUX / HOUR,
            lambda c: c["K⁺ ions"] / K_EFFLUX / HOUR,  # the chapter's worked example
        ),
    )


def _pump_current():
    cycles = atp_rate_from_sodium_influx(NA_INFLUX)  # per second: one cycle per 3 Na+
    current = ELEMENTARY_CHARGE * cycles * PA_PER_A
    return Problem(
        id="pump-current",
        objective="pump",
        symbol="The net pump current",
        quantity=(
            f"the net pump current in pA that returns a Na⁺ leak of {NA_INFLUX_TEXT} ions per "
            "second"
        ),
        unit="pA",
        expected=current,
        abs_tol=CURRENT_TOL,
        explanation=(
            f"Each cycle expels 3 Na⁺, so the pump cycles {cycles:.3g} times per second. Each "
            "cycle moves 3 positive charges out and 2 in: one net elementary charge out. The "
            f"current is e × cycles per second = {ELEMENTARY_CHARGE:.4g} C × {cycles:.3g} /s, an "
            "outward current."
        ),
        hint=(
            "Cycles per second = Na⁺ per second ÷ 3 (three Na⁺ per cycle); each cycle carries "
            "one net elementary charge, e = 1.602 × 10⁻¹⁹ C; 1 pA = 10⁻¹² A."
        ),
        slips=(
            Slip(
                current * 3,
                "Three times too large: that is the current of the Na⁺ the pump carries out, "
                "3 charges per cycle. The 2 K⁺ it brings in carry 2 charges back: the net is "
                "one charge per cycle, so divide the Na⁺ flux by 3 first.",
            ),
            Slip(
                current * 3 / 2,
                "It looks like you divided the Na⁺ flux by 2. The pump moves 3 Na⁺ per cycle "
                "(and 2 K⁺): the number of cycles is the Na⁺ flux divided by 3.",
            ),
            Slip(
                current * 5,
                "That counts all five ions a cycle moves as charge leaving. The 3 Na⁺ leave but "
                "the 2 K⁺ enter: the net charge out per cycle is 3 − 2 = 1.",
            ),
            Slip(-current, WRONG_SIGN),
            Slip(
                current / PA_PER_A,
                "That is the current in amperes; the question asks for picoamperes "
                "(1 pA = 10⁻¹² A).",
            ),
        ),
        near_miss=near_miss_message([_BY_KEY["e"]]),
        routes=(lambda c: c["e"] * NA_INFLUX / 3 * PA_PER_A,),
    )


def _atp_rate():
    atp = atp_rate_from_sodium_influx(NA_INFLUX)
    return Problem(
        id="pump-atp",
        objective="balance",
        symbol="ATP per second",
        quantity=(
            f"the ATP molecules per second a pump needs to balance a Na⁺ leak of "
            f"{NA_INFLUX_TEXT} ions per second"
        ),
        unit="ATP/s",
        expected=atp,
        abs_tol=ATP_RATE_TOL,
        explanation=(
            "At steady state the pump expels exactly the Na⁺ that leaks in, 3 per ATP: the "
            f"Na⁺ influx is 3 × the cycle rate, so {NA_INFLUX_TEXT} / 3 = "
            f"{format_scientific(atp, 3)} ATP per second. (The K⁺ leak, at 2 × the cycle "
            "rate, gives the same answer.)"
        ),
        hint="One ATP per pump cycle, and each cycle expels 3 Na⁺.",
        slips=(
            Slip(
                NA_INFLUX / 2,
                "You divided by 2, the K⁺ the pump brings in per cycle. This Na⁺ leak is "
                "balanced by expelling Na⁺, and the pump expels 3 Na⁺ per ATP: divide by 3.",
            ),
            Slip(
                NA_INFLUX,
                "That is one ATP per Na⁺ ion. Each ATP drives one cycle, which expels 3 Na⁺.",
            ),
            Slip(NA_INFLUX * 3, "Three Na⁺ per ATP means dividing the Na⁺ flux by 3, not ×3."),
            Slip(
                atp / AVOGADRO,
                "That is the rate in moles of ATP per second; the question asks for molecules "
                "per second (multiply by Avogadro's number).",
            ),
        ),
        routes=(lambda c: NA_INFLUX / 3,),
    )


def _shift():
    g_total = SPECIFIC_CONDUCTANCE * SOMA_AREA  # S
    shift = pump_shifted_potential(0.0, PUMP_CURRENT, g_total) * MV_PER_V
    return Problem(
        id="pump-shift",
        objective="electrogenic",
        symbol="The pump's shift of V",
        quantity=(
            f"the shift of V in mV caused by a pump current of {PUMP_CURRENT * PA_PER_A:g} pA "
            f"in a soma of radius {RADIUS * 1e6:g} µm with {SPECIFIC_CONDUCTANCE:g} S/m²"
        ),
        unit="mV",
        expected=shift,
        abs_tol=POTENTIAL_TOL,
        explanation=(
            f"g_total = g_m × 4πr² = {SPECIFIC_CONDUCTANCE:g} S/m² × {SOMA_AREA:.4g} m² "
            f"= {g_total:.3g} S, and ΔV = −I_pump / g_total. The outward pump current makes "
            "the inside more negative by a few millivolts: the pump's electrogenic share."
        ),
        hint=(
            "First the whole cell's conductance, g_total = g_m × 4πr² (S/m² × m²), then "
            "ΔV = −I_pump / g_total in volts; × 1000 for mV."
        ),
        slips=(
            Slip(
                -shift,
                "Right size, wrong sign. The pump drives positive charge out, so it makes the "
                "inside more negative: V = V_WA − I_pump/g_total, a negative shift.",
            ),
            Slip(
                shift / MV_PER_V,
                "That is the shift in volts; the question asks for millivolts (× 1000).",
            ),
            Slip(
                -PUMP_CURRENT / SPECIFIC_CONDUCTANCE * MV_PER_V,
                "You divided the current of the whole cell by the conductance per square "
                "metre. Both must refer to the same thing: multiply g_m by the membrane area "
                "(4πr², in m²) to get the cell's conductance in S.",
            ),
            Slip(
                shift * 4,
                "Four times too large: the area of a sphere is 4πr², not πr².",
            ),
            Slip(
                shift / 4,
                "Four times too small: it looks like you used the diameter (20 µm) where the "
                "radius belongs in 4πr².",
            ),
        ),
        near_miss=near_miss_message([_BY_KEY["soma area"]]),
        routes=(
            lambda c: -PUMP_CURRENT / g_total * MV_PER_V,
            lambda c: -PUMP_CURRENT / (SPECIFIC_CONDUCTANCE * c["soma area"] * UM2) * MV_PER_V,
        ),
    )


def _predict():
    return ChoiceProblem(
        id="pump-predict-block",
        objective="steady",
        kind="predict",
        symbol="V after a pump block",
        quantity="what V does first when ouabain blocks the pump of a resting neuron",
        options=(
            Option(
                "a",
                "it jumps a few millivolts in the positive direction within milliseconds, then "
                "drifts further positive over tens of minutes",
            ),
            Option(
                "b",
                "it jumps to about 0 mV at once",
                "That would be true if the pump made most of the resting potential. It does "
                f"not: in the chapter's cell a block removes only {CELL['share']} mV at once, "
                f"{CELL['share_percent']} % of the {CELL['v_rest']} mV. The rest is the "
                "diffusion potential of the gradients, which the leaks run down only over tens "
                "of minutes.",
            ),
            Option(
                "c",
                "nothing happens for many minutes; then it drifts positive as the gradients "
                "run down",
                "The drift is right, but the pump also carries a current of its own: one net "
                f"charge out per cycle, {CELL['i_pump']} pA in the chapter's cell. Removing it "
                f"moves V by {CELL['share']} mV within the membrane time constant (about "
                f"{CELL['tau_m']} ms), long before the gradients change.",
            ),
            Option(
                "d",
                "it jumps a few millivolts more negative, because the pump stops bringing K⁺ in",
                "Check the sign. The pump moves 3 Na⁺ out and 2 K⁺ in: its net current is "
                "outward and makes the inside more negative. Removing an outward current lets "
                "the inside become less negative: V steps in the positive direction.",
            ),
        ),
        answer="a",
        explanation=(
            "Two time scales: the pump's own outward current vanishes at once, so V steps up by "
            f"its electrogenic share ({CELL['share']} mV in the chapter's cell) within "
            "milliseconds; then the leaks run the Na⁺ and K⁺ gradients down over tens of "
            "minutes and V drifts towards the Donnan equilibrium near 0 mV."
        ),
    )


def _explorer():
    # The simulator integrates more coarsely (within 0.03 mM); a test checks that the value
    # its readout shows is graded correct.
    at = EXPLORER_TIME_H * HOUR
    run = simulate_intervention(pump_fraction=0.0, duration=at, t_eval=[0.0, at])
    na_in, k_in = (float(c) for c in run.c_in[-1, :2])
    return Problem(
        id="pump-explorer-block",
        objective="steady",
        kind="explorer",
        symbol="[K⁺] inside 1 h after the block",
        quantity=f"[K⁺] inside {EXPLORER_TIME_H:g} h after the pump is blocked, in mM",
        unit="mM",
        expected=k_in,
        abs_tol=CONCENTRATION_TOL,
        explanation=(
            f"An hour without the pump and a quarter of the K⁺ is left ({k_in:.1f} of "
            f"{K_IN:g} mM), while Na⁺ has risen to {na_in:.0f} mM. The leaks never stopped; "
            "the pump had been balancing them all along."
        ),
        hint=(
            "Choose the scenario 'Pump blocked (ouabain)', set the time cursor to "
            f"{EXPLORER_TIME_H:.2f} h and read [K⁺] in the readout ('At {EXPLORER_TIME_H:.2f} "
            "h: ...')."
        ),
        slips=(
            Slip(
                K_IN,
                "That is [K⁺] at rest, at t = 0. Move the time cursor to 1.00 h and read the "
                "value there.",
            ),
            Slip(
                na_in,
                "That is [Na⁺] inside at 1 h, not [K⁺]. The K⁺ trace is the third panel.",
            ),
            Slip(
                NEURON.c_out["K"],
                "That is the bath's K⁺, where [K⁺] inside is heading after many hours. Read the "
                "value at 1 h.",
            ),
        ),
    )


def _concept():
    return ChoiceProblem(
        id="pump-concept-steady",
        objective="steady",
        kind="concept",
        symbol="The resting state",
        quantity="which statement describes the resting neuron's constant concentrations and V",
        options=(
            Option(
                "a",
                "every ion is at its equilibrium potential, so no ions cross the membrane",
                "That is the misconception 'at steady state nothing moves'. At "
                f"{CELL['v_rest']} mV K⁺ is {CELL['drive_k']} mV and Na⁺ {CELL['drive_na']} mV "
                f"away from their equilibrium potentials: {CELL['na_flux']} Na⁺ ions leak into "
                "the chapter's soma every second. Nothing changes because the flows balance, "
                "not because they stop.",
            ),
            Option(
                "b",
                "Na⁺ and K⁺ leak continuously and the pump returns them at the same rates, "
                "powered by ATP: a non-equilibrium steady state",
            ),
            Option(
                "c",
                "the pump's current makes most of the −64 mV; the leaks only blur it",
                "That is the misconception 'the pump makes most of the resting potential'. Its "
                f"current adds {CELL['share']} mV of the {CELL['v_rest']} mV "
                f"({CELL['share_percent']} %); the rest is the diffusion potential of the "
                "gradients, which the pump maintains but does not itself produce.",
            ),
            Option(
                "d",
                "the pump is idle at rest and runs only after action potentials",
                "That is the misconception 'the pump runs only when the cell fires'. The "
                f"chapter's cell never fires, yet its pump turns over {CELL['cycles']} times a "
                f"second; block it and the K⁺ gradient is half gone in {CELL['k_half']} minutes.",
            ),
        ),
        answer="b",
        explanation=(
            "Constant in time but not at equilibrium: ions flow down their gradients all the "
            "time, the pump returns them, and ATP pays for it. Without ATP the cell would run "
            "down to its only equilibrium, the swollen Donnan state near 0 mV."
        ),
    )


def _power():
    power = metabolic_power(ATP_RATE / AVOGADRO, DELTA_G) * PW_PER_W
    return Problem(
        id="pump-power",
        objective="energy",
        symbol="The pump's power",
        quantity=(f"the power in pW of {ATP_RATE_TEXT} ATP per second at {DELTA_G / 1e3:g} kJ/mol"),
        unit="pW",
        expected=power,
        abs_tol=POWER_TOL,
        explanation=(
            f"{ATP_RATE_TEXT} molecules/s ÷ {AVOGADRO:.4g} /mol = {ATP_RATE / AVOGADRO:.3g} mol/s; "
            f"× {DELTA_G:.3g} J/mol = {power / PW_PER_W:.3g} W, a few picowatts for one soma."
        ),
        hint=(
            "Convert molecules per second to moles per second (÷ Avogadro's number), multiply "
            "by the free energy in J/mol (1 kJ = 1000 J), then 1 pW = 10⁻¹² W."
        ),
        slips=(
            Slip(
                power / 1e3,
                "A thousand times too small: 55 kJ/mol is 55 000 J/mol. It looks like you "
                "multiplied by 55 as if it were in J/mol.",
            ),
            Slip(
                ATP_RATE * DELTA_G * PW_PER_W,
                "The free energy is per mole, the rate per molecule: divide the molecules per "
                "second by Avogadro's number (6.022 × 10²³ /mol) before multiplying.",
            ),
            Slip(
                ATP_RATE * DELTA_G / 1e3 * PW_PER_W,
                "Two slips at once: the rate per molecule times the free energy per mole, and "
                "kJ taken as J. Convert molecules to moles and kJ to J.",
            ),
            Slip(power / PW_PER_W, "That is the power in watts; the question asks for pW."),
        ),
        near_miss=near_miss_message([_BY_KEY["N_A"]]),
        routes=(lambda c: ATP_RATE / c["N_A"] * DELTA_G * PW_PER_W,),
    )


def _cycle_energy():
    energy = pump_cycle_free_energy(V_REST, E_NA, E_K) / 1e3  # kJ/mol
    return Problem(
        id="pump-cycle-energy",
        objective="energy",
        symbol="ΔG of one pump cycle",
        quantity=(
            "the free energy one mole of pump cycles needs, in kJ/mol, at "
            f"V = {V_REST * 1e3:g} mV, E_Na = {E_NA * 1e3:+g} mV, E_K = {E_K * 1e3:g} mV"
        ),
        unit="kJ/mol",
        expected=energy,
        abs_tol=0.05,
        explanation=(
            f"F [3(E_Na − V) + 2(V − E_K)] = {FARADAY:.0f} C/mol × "
            f"{(3 * (E_NA - V_REST) + 2 * (V_REST - E_K)) * 1e3:.1f} mV. ATP supplies about "
            f"{DELTA_G / 1e3:g} kJ/mol, so the pump uses {energy * 1e3 / DELTA_G:.0%} of it: it "
            "runs close to its thermodynamic limit."
        ),
        hint=(
            "Moving one mole of Na⁺ out costs F(E_Na − V), one mole of K⁺ in costs F(V − E_K); a "
            "cycle moves 3 Na⁺ and 2 K⁺. Use volts, F = 96 485 C/mol, and ÷ 1000 for kJ."
        ),
        slips=(
            Slip(
                energy * 1e3,
                "That is in J/mol; the question asks for kJ/mol (÷ 1000).",
            ),
            Slip(
                FARADAY * (3 * (E_NA - V_REST) - 2 * (V_REST - E_K)) / 1e3,
                "The K⁺ term has the wrong sign. K⁺ is carried in against its gradient too: at "
                "−64 mV it would flow out, so bringing it in costs F(V − E_K) > 0, added, not "
                "subtracted.",
            ),
            Slip(
                3 * (E_NA - V_REST) + 2 * (V_REST - E_K),
                "That is the free energy per unit charge, in volts. Multiply by the Faraday "
                "constant (96 485 C/mol) for joules per mole, then ÷ 1000 for kJ/mol.",
            ),
            Slip(
                FARADAY * (3 * E_NA - 2 * E_K) / 1e3,
                "You left out the membrane potential. Each ion is moved against its "
                "electrochemical gradient, E − V for Na⁺ and V − E_K for K⁺; the sum is "
                "3E_Na − 2E_K − V.",
            ),
        ),
        # F = 96 485 C/mol, as the hint prints it, differs from F by 3 parts per million.
        routes=(lambda c: FARADAY * (3 * (E_NA - V_REST) + 2 * (V_REST - E_K)) / 1e3,),
    )


def _brain():
    power = brain_resting_power(
        BRAIN_ATP_PER_NEURON / AVOGADRO, n_neurons=BRAIN_NEURONS, delta_g_atp=DELTA_G
    )
    return Problem(
        id="pump-brain-estimate",
        objective="energy",
        kind="estimate",
        factor_tol=ESTIMATE_FACTOR,
        symbol="The brain's resting pumps",
        quantity=(
            f"the power in W of {BRAIN_NEURONS / 1e9:g} billion neurons each using "
            f"{BRAIN_ATP_PER_NEURON:.0g} ATP per second at {DELTA_G / 1e3:g} kJ/mol"
        ),
        unit="W",
        expected=power,
        abs_tol=0.0,
        explanation=(
            f"About {power:.1f} W: {BRAIN_NEURONS:.2g} × {BRAIN_ATP_PER_NEURON:.0g} ATP/s ÷ "
            f"6 × 10²³ /mol × {DELTA_G:.2g} J/mol. That is a soma-only figure; real neurons "
            "have far more membrane, and resting potentials take about a seventh of the "
            "brain's signalling energy (Attwell and Laughlin 2001)."
        ),
        hint=(
            "Total ATP per second = neurons × ATP per neuron; ÷ 6 × 10²³ for moles per second; "
            "× 55 000 J/mol for watts."
        ),
        slips=(
            Slip(
                power * AVOGADRO,
                "The free energy is per mole of ATP: divide the number of ATP molecules per "
                "second by Avogadro's number first.",
            ),
            Slip(power / 1e3, "55 kJ/mol is 55 000 J/mol, not 55 J/mol."),
            Slip(
                power / 1e9,
                "86 billion is 8.6 × 10¹⁰ neurons: it looks like you used 86.",
            ),
        ),
    )


PROBLEMS = (
    _rundown(),
    _pump_current(),
    _atp_rate(),
    _shift(),
    _predict(),
    _explorer(),
    _concept(),
    _power(),
    _cycle_energy(),
    _brain(),
)
