"""The graded problems of the Nernst exercise notebook (``exercises/nernst.ipynb``).

Every expected answer and every slip is computed here from :mod:`widgets.physics`
and the cited presets of :mod:`widgets.data.ions`; no answer is typed by hand.
The givens of a problem (a target potential, a temperature, a cell radius) are the
module constants below, and a test checks that the notebook states the same numbers.
``ROUNDED`` lists every rounded constant the chapter prints; each problem's ``routes``
are the hand calculations a learner may make with them (see :mod:`widgets.grading.problem`).
"""

import numpy as np

from widgets.constants import (
    ELEMENTARY_CHARGE,
    FARADAY,
    GAS_CONSTANT,
    ROOM_TEMPERATURE,
    ZERO_CELSIUS,
    kelvin_to_celsius,
)
from widgets.data.ions import IONS, get_preset
from widgets.formatting import MV_PER_V
from widgets.grading.choice import ChoiceProblem, Option
from widgets.grading.problem import Problem, Rounded, Slip, near_miss_message
from widgets.physics import (
    charged_ion_fraction,
    ions_to_charge,
    nernst_potential,
    nernst_slope,
    sphere_area,
    thermal_voltage,
)

NEURON = get_preset("mammalian_neuron")
T_BODY = NEURON.T  # K, 37 degC
T_ROOM = ROOM_TEMPERATURE  # K, 20 degC: the cooled preparation of problem 10
CA_IN_NM = NEURON.c_in["Ca"] * 1e6  # nM: problem 4 gives free Ca2+ inside in nM (1 mM = 1e6 nM)
K_OUT_RAISED = 2 * NEURON.c_out["K"]  # mM: problem 5's raised [K+]out
TARGET_E_K = -80e-3  # V: problem 6 asks which [K+]out gives this E_K
MEMBRANE_V = NEURON.v_rest  # V: problem 7's membrane potential, the preset's resting potential
CELL_RADIUS = 10e-6  # m: problem 2's spherical cell body
CAPACITANCE_UF_CM2 = 1.0  # uF/cm^2: problem 2's specific membrane capacitance
ESTIMATE_FACTOR = 3.0  # an order-of-magnitude estimate is right within a factor of 3
TARGET_SLOPE = 60e-3  # V per tenfold ratio: problem 11 asks at which temperature it holds
TEMPERATURE_TOL = 1.0  # degC: a 0.2 % rounding of a slope moves T by 0.6 K

# The bullets of the chapter's "Learning objectives" admonition, word for word, in its order.
OBJECTIVES = {
    "ions": (
        "explain how a membrane that only K⁺ can cross charges itself, and estimate how few "
        "ions must cross to build the voltage;"
    ),
    "nernst": (
        "derive the Nernst equation from the electrochemical potential, say how dividing by "
        "zF turns an energy per mole into a voltage, and use the equation in both directions "
        "with its sign convention;"
    ),
    "compute": (
        "compute the equilibrium potentials of K⁺, Na⁺, Cl⁻ and Ca²⁺ from a cell's "
        "concentrations, including the sign for an anion and the halved slope for a "
        "divalent ion;"
    ),
    "steady": (
        "use the driving force V − E to tell which way an ion flows at rest, and tell an "
        "equilibrium from a steady state;"
    ),
    "channels": (
        "explain why an equilibrium potential does not depend on the permeability or the "
        "number of open channels;"
    ),
    "predict": (
        "predict which way and how far an equilibrium potential moves when a concentration "
        "or the temperature changes."
    ),
}

LN10 = np.log(10.0)
# The slip "T = 37 K": the Celsius number typed where kelvin belongs.
T_CELSIUS_AS_KELVIN = kelvin_to_celsius(T_BODY)
POTENTIAL_TOL = 0.2  # mV
CONCENTRATION_TOL = 0.01  # mM


def _mV(volts):
    return volts * MV_PER_V


def _e_mV(ion, T=T_BODY, z=None, swap=False, c_in=None):
    """Return E of ``ion`` for the neuron preset in mV; the arguments mimic slips."""
    c_out = NEURON.c_out[ion]
    c_in = NEURON.c_in[ion] if c_in is None else c_in
    if swap:
        c_out, c_in = c_in, c_out
    return _mV(nernst_potential(c_out, c_in, IONS[ion].z if z is None else z, T))


V_T = _mV(thermal_voltage(T_BODY))  # mV, RT/F at 37 degC
V_T_ROOM = _mV(thermal_voltage(T_ROOM))  # mV, RT/F at 20 degC
V_T_SLIP = _mV(thermal_voltage(T_CELSIUS_AS_KELVIN))  # mV, RT/F at "37 K"
DECADE = _mV(nernst_slope(T_BODY))  # mV per tenfold concentration ratio at 37 degC
DECADE_ROOM = _mV(nernst_slope(T_ROOM))  # mV per tenfold ratio at 20 degC
E_K = _e_mV("K")
E_K_ROOM = _e_mV("K", T=T_ROOM)

# Every rounded constant the chapter prints, as a learner would copy it (a test grades the
# answers computed with each of them, and the chapter asserts that it prints these values).
ROUNDED = (
    Rounded("R", GAS_CONSTANT, 8.314, "R = 8.314 J/(mol K)"),
    Rounded("F", FARADAY, 96485.0, "F = 96 485 C/mol"),
    Rounded("RT/F at 37 °C", V_T, 26.7, "RT/F = 26.7 mV at 37 °C"),
    Rounded("RT/F at 20 °C", V_T_ROOM, 25.3, "RT/F = 25.3 mV at 20 °C"),
    Rounded("ln 10", LN10, 2.303, "ln 10 = 2.303"),
    Rounded("decade at 37 °C", DECADE, 61.5, "61.5 mV per tenfold ratio at 37 °C"),
    Rounded("decade at 20 °C", DECADE_ROOM, 58.2, "58.2 mV per tenfold ratio at 20 °C"),
    Rounded("ln(5/140)", np.log(NEURON.c_out["K"] / NEURON.c_in["K"]), -3.33, "ln(5/140) = −3.33"),
    Rounded(
        "log10(5/140)",
        np.log10(NEURON.c_out["K"] / NEURON.c_in["K"]),
        -1.447,
        "log₁₀(5/140) = −1.447",
    ),
    Rounded("E_K", E_K, -89.0, "E_K = −89 mV"),
    Rounded("E_K shift on cooling", E_K_ROOM - E_K, 4.9, "cooling to 20 °C moves E_K by +4.9 mV"),
    Rounded("T fall on cooling", 100 * (1 - T_ROOM / T_BODY), 5.5, "T falls by 5.5 % on cooling"),
    Rounded("e", ELEMENTARY_CHARGE, 1.6e-19, "e = 1.6 × 10⁻¹⁹ C"),
)
_BY_KEY = {item.key: item for item in ROUNDED}
RULE_OF_THUMB = (
    f"Rounding further does not work here: {_mV(TARGET_SLOPE):g} mV per tenfold ratio, a common "
    f"rule of thumb, is {100 * (1 - _mV(TARGET_SLOPE) / DECADE):.1f} % below the slope at 37 °C."
)
NEAR_MISS_BODY = near_miss_message(
    [_BY_KEY["RT/F at 37 °C"], _BY_KEY["decade at 37 °C"]], RULE_OF_THUMB
)
NEAR_MISS_ROOM = near_miss_message([_BY_KEY["RT/F at 20 °C"], _BY_KEY["decade at 20 °C"]])


def _nernst_routes(c_out, c_in, z, at="37 °C"):
    """Return the hand routes to E in mV: RT/F with ln, the decade slope with log10, R, T, F."""
    T = T_BODY if at == "37 °C" else T_ROOM
    ratio = c_out / c_in
    return (
        lambda c: c[f"RT/F at {at}"] / z * np.log(ratio),
        lambda c: c[f"decade at {at}"] / z * np.log10(ratio),
        lambda c: c[f"RT/F at {at}"] * c["ln 10"] / z * np.log10(ratio),
        lambda c: MV_PER_V * c["R"] * T / (z * c["F"]) * np.log(ratio),
    )


def _preset_routes(ion):
    return _nernst_routes(NEURON.c_out[ion], NEURON.c_in[ion], IONS[ion].z)


def _worked_example(c):
    """Return E_K as the chapter's worked example computes it: 26.7 mV x ln(5/140)."""
    return c["RT/F at 37 °C"] * c["ln(5/140)"]


def _decade_example(c):
    """Return E_K as the chapter's temperature section computes it: 61.5 mV x (−1.447)."""
    return c["decade at 37 °C"] * c["log10(5/140)"]


EK_ROUTES = (*_preset_routes("K"), _worked_example, _decade_example)


def _celsius_message(consequence="the potential comes out {factor} times too small"):
    """Explain the slip T = 37 K; ``consequence`` says what it did to this problem's answer."""
    factor = f"{T_BODY / T_CELSIUS_AS_KELVIN:.1f}"
    return (
        f"It looks like you used T = {T_CELSIUS_AS_KELVIN:g} K, the temperature in degrees "
        f"Celsius. The Nernst equation needs absolute temperature: T = {T_BODY:g} K. With "
        f"{T_CELSIUS_AS_KELVIN:g} K, RT/F is {V_T_SLIP:.2f} mV instead of {V_T:.1f} mV, so "
        f"{consequence.format(factor=factor)}."
    )


def _log10_message(subject="Your answer", decade=DECADE, at="37 °C"):
    """Explain the slip of pairing log10 with the slope RT/F (too small by ln 10)."""
    return (
        f"{subject} is {LN10:.3f} (= ln 10) times too small: it looks like you used log10 with "
        "the slope RT/F. RT/F belongs with the natural logarithm ln; with log10 the slope is "
        f"(RT/F) ln 10 = {decade:.1f} mV per tenfold ratio at {at}."
    )


def _ln_decade_message(subject="Your answer", v_t=V_T, at="37 °C"):
    """Explain the opposite slip: the decade slope with ln (too large by ln 10)."""
    return (
        f"{subject} is {LN10:.3f} (= ln 10) times too large: it looks like you used the "
        "natural logarithm ln with the slope per tenfold ratio. That slope belongs with "
        f"log10; with ln the slope is RT/F = {v_t:.1f} mV at {at}."
    )


CELSIUS = _celsius_message()
LOG10 = _log10_message()
LN_DECADE = _ln_decade_message()
NERNST_HINT = (
    "E = (RT/zF) ln([ion]out/[ion]in), with T in kelvin, z the signed valence and the "
    f"natural logarithm; RT/F = {_BY_KEY['RT/F at 37 °C'].printed:g} mV at 37 °C. Or use "
    f"log10 with {_BY_KEY['decade at 37 °C'].printed:g} mV per tenfold ratio, divided by z."
)
ROOM_SLOPE = (
    f"That is E_K at 20 °C: {DECADE_ROOM:.1f} mV per tenfold ratio (RT/F = {V_T_ROOM:.1f} mV) "
    f"holds at room temperature. At 37 °C ({T_BODY:g} K) the slope is {DECADE:.1f} mV "
    f"(RT/F = {V_T:.1f} mV)."
)


def _potential(ion, quantity, explanation, slips, hint=NERNST_HINT, routes=None):
    """Return a problem asking for the preset's E of ``ion`` at 37 degC."""
    return Problem(
        id=f"nernst-e{ion.lower()}",
        objective="compute",
        symbol=f"E_{ion}",
        quantity=quantity,
        unit="mV",
        expected=_e_mV(ion),
        abs_tol=POTENTIAL_TOL,
        explanation=explanation,
        hint=hint,
        slips=slips,
        near_miss=NEAR_MISS_BODY,
        routes=_preset_routes(ion) if routes is None else routes,
    )


def _ek():
    e = E_K
    return _potential(
        "K",
        "E_K of the typical mammalian cell at 37 degC",
        f"K+ is {NEURON.c_in['K'] / NEURON.c_out['K']:.0f} times more concentrated inside, "
        "so it tends to leave; the cell interior must be negative to hold it back. E_K is the "
        "voltage at which that electrical pull balances the concentration push.",
        (
            Slip(_e_mV("K", T=T_CELSIUS_AS_KELVIN), CELSIUS),
            Slip(e / LN10, LOG10),
            Slip(e * LN10, LN_DECADE),
            Slip(
                _e_mV("K", swap=True),
                "Right size, wrong sign: it looks like inside and outside are swapped. The "
                f"ratio [K+]out/[K+]in = {NEURON.c_out['K']:g}/{NEURON.c_in['K']:g} is less "
                "than 1, so its logarithm and E_K are negative: the inside must be negative "
                "to keep K+ in.",
            ),
            Slip(_e_mV("K", T=T_ROOM), ROOM_SLOPE),
        ),
        routes=EK_ROUTES,
    )


def _ecl():
    return _potential(
        "Cl",
        f"E_Cl of the typical mammalian cell at 37 degC, with {NEURON.c_in['Cl']:g} mM inside",
        "Chloride is more concentrated outside, so it tends to enter. Because it is an anion "
        "(z = -1), a negative interior repels it: E_Cl is negative even though the gradient "
        "points the same way as sodium's.",
        (
            Slip(
                _e_mV("Cl", z=+1),
                "Right size, wrong sign. Chloride is an anion: z = -1, not +1. Using z = +1, "
                "or swapping inside and outside, flips the sign; doing both flips it back. "
                "Either swap the concentrations or use z = -1, never both.",
            ),
            Slip(_e_mV("Cl", T=T_CELSIUS_AS_KELVIN), CELSIUS),
            Slip(_e_mV("Cl") / LN10, LOG10),
            Slip(_e_mV("Cl") * LN10, LN_DECADE),
        ),
    )


def _eca():
    e = _e_mV("Ca")
    return _potential(
        "Ca",
        f"E_Ca at 37 degC for {NEURON.c_out['Ca']:g} mM free Ca2+ outside and {CA_IN_NM:g} nM "
        "inside",
        f"Free Ca2+ is {NEURON.c_out['Ca'] / NEURON.c_in['Ca']:,.0f} times more concentrated "
        "outside than inside, so E_Ca is large and positive. The valence z = +2 halves the "
        "slope: each ion carries two charges, so half the voltage balances the same "
        "concentration ratio.",
        (
            Slip(
                _e_mV("Ca", z=+1),
                "Your answer is twice too large: it looks like you used z = 1. Calcium is "
                "divalent, z = +2; each ion carries two charges, so half the voltage "
                "balances the same concentration ratio.",
            ),
            Slip(
                _e_mV("Ca", swap=True),
                "Right size, wrong sign: inside and outside are swapped (or z = -2 was used). "
                "Ca2+ is far more concentrated outside, so the inside must be positive to "
                "hold it out: E_Ca is positive.",
            ),
            Slip(
                _e_mV("Ca", c_in=CA_IN_NM),
                f"It looks like you used {CA_IN_NM:g} as the inside concentration in mM. It is "
                f"{CA_IN_NM:g} nM = {NEURON.c_in['Ca']:g} mM (1 mM = 10^6 nM): both "
                "concentrations must be in the same unit before you take their ratio.",
            ),
            Slip(
                _e_mV("Ca", c_in=CA_IN_NM / 1e3),
                f"It looks like you converted {CA_IN_NM:g} nM to {CA_IN_NM / 1e3:g} mM; that is "
                f"µM. {CA_IN_NM:g} nM = {NEURON.c_in['Ca']:g} mM (1 mM = 10^6 nM).",
            ),
            Slip(_e_mV("Ca", T=T_CELSIUS_AS_KELVIN), CELSIUS),
            Slip(e / LN10, LOG10),
            Slip(e * LN10, LN_DECADE),
        ),
        hint=NERNST_HINT + " Calcium is divalent: z = +2; 1 mM = 10^6 nM.",
    )


def _ions_estimate():
    e_k = E_K / MV_PER_V  # V
    c_m = CAPACITANCE_UF_CM2 * 1e-2  # F/m^2: 1 uF/cm^2 = 1e-6 F / 1e-4 m^2
    area = sphere_area(CELL_RADIUS)
    n = ions_to_charge(e_k, area, z=1, c_specific=c_m)
    fraction = charged_ion_fraction(e_k, CELL_RADIUS, NEURON.c_in["K"], z=1, c_specific=c_m)
    return Problem(
        id="nernst-ions-estimate",
        objective="ions",
        kind="estimate",
        factor_tol=ESTIMATE_FACTOR,
        symbol="The number of K+ ions",
        quantity=(
            f"the number of K+ ions that charge a sphere of radius {CELL_RADIUS * 1e6:g} um "
            f"to E_K with {CAPACITANCE_UF_CM2:g} uF/cm^2"
        ),
        unit="",
        expected=n,
        abs_tol=0.0,
        explanation=(
            f"Q = C_m A |E_K| = {c_m:g} F/m^2 x {area:.3g} m^2 x {abs(e_k):.3f} V = "
            f"{n * ELEMENTARY_CHARGE:.2g} C, about {n / 1e6:.0f} million elementary charges: "
            f"{fraction * 1e6:.0f} parts per million of the K+ in the cell "
            f"({NEURON.c_in['K']:g} mM), so the concentrations do not change."
        ),
        hint=(
            "Q = C_m A |V| with C_m in F/m^2 (1 uF/cm^2 = 0.01 F/m^2), A = 4 pi r^2 in m^2 "
            "and V in volts; the number of ions is Q / e with e = 1.6e-19 C."
        ),
        slips=(
            Slip(
                n * ELEMENTARY_CHARGE,
                "That is the charge Q in coulombs, not a number of ions: divide it by the "
                "elementary charge, e = 1.6e-19 C.",
            ),
            Slip(
                n / 4,
                "Four times too few: it looks like you used pi r^2, the area of a disc. A "
                "sphere's surface is 4 pi r^2.",
            ),
            Slip(
                4 * n,
                "Four times too many: it looks like you used the diameter where the radius "
                "belongs. A sphere's surface is 4 pi r^2 with r the radius.",
            ),
            Slip(
                n * 1e-4,
                "Ten thousand times too few: 1 uF/cm^2 is 0.01 F/m^2 (1e-6 F per 1e-4 m^2), "
                "not 1e-6 F/m^2.",
            ),
            Slip(
                n * MV_PER_V,
                f"A thousand times too many: the voltage must be in volts ({abs(e_k):.3f} V), "
                "not in mV.",
            ),
        ),
        routes=(
            lambda c: c_m * area * abs(c["E_K"]) / MV_PER_V / c["e"],
            lambda c: c_m * area * abs(_worked_example(c)) / MV_PER_V / c["e"],
        ),
    )


def _predict_k_out():
    raised = _mV(nernst_potential(K_OUT_RAISED, NEURON.c_in["K"], 1, T_BODY))
    shift = raised - E_K
    k_out, k_in = NEURON.c_out["K"], NEURON.c_in["K"]
    return ChoiceProblem(
        id="nernst-predict-k-out",
        objective="predict",
        kind="predict",
        symbol="The direction of E_K",
        quantity=f"which way E_K moves when [K⁺]out rises from {k_out:g} to {K_OUT_RAISED:g} mM",
        options=(
            Option(
                "a",
                "E_K becomes more negative.",
                "That follows the idea that more positive charge outside makes the inside more "
                "negative. But both solutions stay electrically neutral: E_K is set by the "
                "concentration ratio. With more K⁺ outside, the outward push of the gradient "
                "is weaker, so a smaller voltage balances it and E_K moves towards zero.",
            ),
            Option("b", "E_K becomes less negative, moving towards zero."),
            Option(
                "c",
                "E_K stays the same, because [K⁺]in has not changed.",
                "E_K depends on the ratio [K⁺]out/[K⁺]in, not on [K⁺]in alone. Doubling "
                f"[K⁺]out adds (RT/F) ln 2 = {shift:.1f} mV to E_K.",
            ),
            Option(
                "d",
                "E_K becomes positive, because K⁺ now flows into the cell.",
                f"E_K turns positive only when [K⁺]out exceeds [K⁺]in ({k_in:g} mM). At "
                f"{K_OUT_RAISED:g} mM the ratio is still 1/{k_in / K_OUT_RAISED:g} and E_K = "
                f"{raised:.1f} mV: negative, only less so.",
            ),
        ),
        answer="b",
        explanation=(
            "More K⁺ outside weakens the concentration push that drives K⁺ out, so a smaller "
            f"negative voltage balances it: E_K rises by (RT/F) ln 2 = {shift:.1f} mV, from "
            f"{E_K:.1f} to {raised:.1f} mV. Extra K⁺ outside therefore pulls the membrane "
            "towards depolarisation."
        ),
    )


def _k_out():
    c_in = NEURON.c_in["K"]
    e = _mV(TARGET_E_K)
    ratio = np.exp(e / V_T)  # invert E = (RT/F) ln(c_out/c_in) for z = +1
    return Problem(
        id="nernst-k-out",
        objective="nernst",
        symbol="[K+]out",
        quantity=f"[K+]out that gives E_K = {e:g} mV with [K+]in = {c_in:g} mM at 37 degC",
        unit="mM",
        expected=c_in * ratio,
        abs_tol=CONCENTRATION_TOL,
        explanation=(
            f"Inverting the Nernst equation, [K+]out = [K+]in exp(E_K F/RT). Raising [K+]out "
            f"from {NEURON.c_out['K']:g} mM makes E_K less negative: the outward "
            "concentration push on K+ weakens, so a smaller voltage balances it."
        ),
        hint=(
            "Solve E = (RT/F) ln(c_out/c_in) for c_out: c_out = c_in exp(E F/RT), "
            "with E and RT/F in the same unit (or c_out = c_in 10^(E / "
            f"{_BY_KEY['decade at 37 °C'].printed:g} mV))."
        ),
        slips=(
            Slip(
                c_in / ratio,
                "Your [K+]out is larger than [K+]in, which would make E_K positive. The sign of "
                f"the exponent is flipped: c_out = c_in exp(E F/RT) with E = {e:g} mV negative.",
            ),
            Slip(
                ratio,
                f"That is the ratio [K+]out/[K+]in, not the concentration. Multiply it by "
                f"[K+]in = {c_in:g} mM.",
            ),
            Slip(
                NEURON.c_out["K"] / ratio,
                f"That is the [K+]in that would give {e:g} mV with [K+]out = "
                f"{NEURON.c_out['K']:g} mM. The question keeps [K+]in = {c_in:g} mM and asks "
                "for [K+]out.",
            ),
            Slip(
                c_in * 10 ** (e / V_T),
                "It looks like you inverted with 10^x while using the slope RT/F. RT/F goes "
                "with the natural log, so invert with exp; 10^x goes with "
                f"(RT/F) ln 10 = {DECADE:.1f} mV.",
            ),
            Slip(
                c_in * np.exp(e / DECADE),
                "It looks like you inverted with exp while using the slope per tenfold ratio, "
                f"{DECADE:.1f} mV. That slope goes with 10^x; exp goes with RT/F = {V_T:.1f} mV.",
            ),
            Slip(
                c_in * np.exp(e / V_T_SLIP),
                _celsius_message("the exponent comes out {factor} times too large"),
            ),
            Slip(
                c_in * np.exp(TARGET_E_K / V_T),
                "Units are mixed in the exponent: E in V divided by RT/F in mV. Put both in the "
                f"same unit: {TARGET_E_K:g} V and {V_T / MV_PER_V:.4f} V, or {e:g} mV and "
                f"{V_T:.2f} mV.",
            ),
        ),
        routes=(
            lambda c: c_in * np.exp(e / c["RT/F at 37 °C"]),
            lambda c: c_in * 10 ** (e / c["decade at 37 °C"]),
        ),
    )


def _driving_force():
    v = _mV(MEMBRANE_V)
    return Problem(
        id="nernst-driving-force",
        objective="steady",
        symbol="V - E_K",
        quantity=f"the driving force on K+, V - E_K, at V = {v:g} mV and 37 degC",
        unit="mV",
        expected=v - E_K,
        abs_tol=POTENTIAL_TOL,
        explanation=(
            "V - E_K is positive: the membrane is less negative than E_K, so the voltage no "
            "longer holds K+ in and K+ flows out (an outward current, positive by convention). "
            "K+ is not at equilibrium at rest: it leaks out all the time."
        ),
        hint="Compute E_K as in problem 1, then subtract it from V: V - E_K.",
        slips=(
            Slip(
                E_K - v,
                "Right size, wrong sign: the driving force is V - E_K, not E_K - V. With "
                "outward current positive, a positive V - E_K means K+ flows out.",
            ),
            Slip(
                v + E_K,
                f"It looks like E_K lost its sign: V - E_K = {v:g} mV - ({E_K:.1f} mV). "
                "Subtracting a negative number adds its size.",
            ),
            Slip(v - E_K / LN10, _log10_message("Your E_K")),
            Slip(v - E_K * LN10, _ln_decade_message("Your E_K")),
        ),
        near_miss=NEAR_MISS_BODY,
        routes=(
            lambda c: v - c["E_K"],
            *(lambda c, route=route: v - route(c) for route in EK_ROUTES),
        ),
    )


def _steady_state():
    e_na = _e_mV("Na")
    v = _mV(MEMBRANE_V)
    return ChoiceProblem(
        id="nernst-steady-state",
        objective="steady",
        kind="concept",
        symbol="Why the concentrations stay constant",
        quantity="why a resting neuron's K⁺ and Na⁺ concentrations stay constant",
        options=(
            Option(
                "a",
                "K⁺ and Na⁺ are at equilibrium at rest.",
                f"At equilibrium V would have to equal E_K ({E_K:.0f} mV) and E_Na "
                f"({e_na:.0f} mV) at once. At {v:g} mV both ions have a driving force "
                f"(V - E_K = {v - E_K:+.0f} mV, V - E_Na = {v - e_na:+.0f} mV): K⁺ flows out "
                "and Na⁺ flows in.",
            ),
            Option(
                "b",
                "The leaks are too slow ever to change the concentrations.",
                "Slow is not zero: a leak that never stops would run the gradients down in the "
                "end. Something must carry back every ion that leaks.",
            ),
            Option("c", "The Na⁺/K⁺ pump uses ATP to carry back the ions that leak."),
            Option(
                "d",
                "The membrane lets no ions through at rest.",
                "If no ion crossed, nothing would hold V near E_K. The resting membrane is "
                "permeable, mostly to K⁺: that is why V sits close to E_K, and why K⁺ and Na⁺ "
                "leak.",
            ),
        ),
        answer="c",
        explanation=(
            "Constant concentrations while ions keep flowing is a steady state, not an "
            "equilibrium: the Na⁺/K⁺ pump, powered by ATP, carries back the Na⁺ that leaks in "
            "and the K⁺ that leaks out. The K⁺-only membrane of the thought experiment is at "
            "equilibrium instead and needs no energy to stay there."
        ),
    )


def _channels():
    return ChoiceProblem(
        id="nernst-channels",
        objective="channels",
        kind="concept",
        symbol="E_K with more channels",
        quantity="how doubling the open K⁺ channels of a K⁺-only membrane changes E_K",
        options=(
            Option(
                "a",
                "E_K becomes more negative, because more K⁺ can leave.",
                "More channels let K⁺ leave sooner, not further. The flow stops where the "
                "electrical pull balances the concentration push, at E_K = (RT/F) "
                "ln([K⁺]out/[K⁺]in), which holds no channel count: the same number of ions "
                "crosses, only faster.",
            ),
            Option("b", "E_K is unchanged."),
            Option(
                "c",
                "E_K becomes less negative, because K⁺ can also come back more easily.",
                "Channels pass K⁺ both ways, and doubling them doubles both streams alike. The "
                "voltage at which the two streams are equal, E_K, does not move.",
            ),
            Option(
                "d",
                "E_K moves towards zero, because a leakier membrane holds less voltage.",
                "A leak of other ions would pull V away from E_K (later chapters), but these "
                "channels pass only K⁺: they bring V to E_K sooner. E_K itself depends only "
                "on the concentrations, the valence and the temperature.",
            ),
        ),
        answer="b",
        explanation=(
            "E = (RT/zF) ln(c_out/c_in) contains no permeability and no number of channels. "
            "More open channels make the membrane reach E_K faster (the time constant C_m/g "
            "halves when the conductance g doubles); they do not move it."
        ),
    )


def _ek_room():
    e_room = E_K_ROOM
    return Problem(
        id="nernst-ek-room",
        objective="predict",
        symbol="E_K at 20 degC",
        quantity="E_K of the typical mammalian cell at 20 degC",
        unit="mV",
        expected=e_room,
        abs_tol=POTENTIAL_TOL,
        explanation=(
            f"E is proportional to the absolute temperature. Cooling from {T_BODY:g} K to "
            f"{T_ROOM:g} K is only {100 * (1 - T_ROOM / T_BODY):.1f} % on the kelvin scale, "
            f"so E_K shrinks by that fraction, from {E_K:.1f} to {e_room:.1f} mV."
        ),
        hint=(
            f"Use the Nernst equation with T = {T_ROOM:g} K (20 degC); RT/F = "
            f"{_BY_KEY['RT/F at 20 °C'].printed:g} mV there."
        ),
        slips=(
            Slip(
                E_K * kelvin_to_celsius(T_ROOM) / kelvin_to_celsius(T_BODY),
                "You scaled E_K by 20/37, the ratio of the Celsius temperatures. E is "
                f"proportional to the absolute temperature: scale by {T_ROOM:g}/{T_BODY:g} = "
                f"{T_ROOM / T_BODY:.3f}, a change of only {100 * (1 - T_ROOM / T_BODY):.1f} %.",
            ),
            Slip(
                _e_mV("K", T=kelvin_to_celsius(T_ROOM)),
                f"It looks like you used T = {kelvin_to_celsius(T_ROOM):g} K, the temperature in "
                f"degrees Celsius. The Nernst equation needs absolute temperature: {T_ROOM:g} K.",
            ),
            Slip(
                E_K,
                f"That is E_K at 37 degC. At 20 degC RT/F is {V_T_ROOM:.1f} mV instead of "
                f"{V_T:.1f} mV.",
            ),
            Slip(
                e_room - E_K,
                "That is how much E_K changes on cooling. The question asks for E_K at 20 degC "
                "itself.",
            ),
            Slip(
                -e_room,
                "Right size, wrong sign: inside and outside are swapped. K+ is more "
                "concentrated inside, so E_K is negative at any temperature.",
            ),
            Slip(e_room / LN10, _log10_message(decade=DECADE_ROOM, at="20 °C")),
            Slip(e_room * LN10, _ln_decade_message(v_t=V_T_ROOM, at="20 °C")),
        ),
        near_miss=NEAR_MISS_ROOM,
        routes=(
            *_nernst_routes(NEURON.c_out["K"], NEURON.c_in["K"], 1, at="20 °C"),
            lambda c: c["E_K"] * T_ROOM / T_BODY,
            lambda c: c["E_K"] + c["E_K shift on cooling"],
            lambda c: c["E_K"] * (1 - c["T fall on cooling"] / 100),
        ),
    )


def _slope_temperature():
    target = _mV(TARGET_SLOPE)
    kelvin = TARGET_SLOPE * FARADAY / (GAS_CONSTANT * LN10)  # invert (RT/F) ln 10 = slope
    celsius = kelvin_to_celsius(kelvin)
    return Problem(
        id="nernst-slope-temperature",
        objective="predict",
        kind="explorer",
        symbol="The temperature",
        quantity=f"the temperature at which a tenfold ratio gives {target:g} mV",
        unit="°C",
        expected=celsius,
        abs_tol=TEMPERATURE_TOL,
        explanation=(
            f"The slope (RT/F) ln 10 is proportional to the absolute temperature: {target:g} mV "
            f"per tenfold ratio holds at {kelvin:.1f} K = {celsius:.1f} degC. At body "
            f"temperature it is {DECADE:.1f} mV, so the rule of thumb '{target:g} mV' costs "
            f"{100 * (1 - target / DECADE):.1f} % at 37 degC."
        ),
        hint=(
            "In the explorer, choose K+, set [K+] inside to 10 mM and outside to 100 mM (a "
            f"tenfold ratio), then move the temperature until E reads {target:g} mV. Or solve "
            f"(RT/F) ln 10 = {target:g} mV for T, in kelvin, and convert to degC."
        ),
        slips=(
            Slip(
                kelvin,
                f"That is the temperature in kelvin. The question asks for degrees Celsius: "
                f"{kelvin:.1f} K - {ZERO_CELSIUS:g} = {celsius:.1f} degC.",
            ),
            Slip(
                kelvin_to_celsius(T_BODY) * target / DECADE,
                "You scaled the Celsius temperature. The slope is proportional to the absolute "
                f"temperature: T = {T_BODY:g} K x {target:g}/{DECADE:.1f}, then convert to "
                "degC.",
            ),
            Slip(
                kelvin_to_celsius(T_ROOM) * target / DECADE_ROOM,
                "You scaled the Celsius temperature. The slope is proportional to the absolute "
                f"temperature: T = {T_ROOM:g} K x {target:g}/{DECADE_ROOM:.1f}, then convert to "
                "degC.",
            ),
            Slip(
                kelvin_to_celsius(kelvin * LN10),
                f"{target:g} mV is the slope per tenfold ratio, (RT/F) ln 10, not RT/F itself: "
                f"solving RT/F = {target:g} mV gives a temperature {LN10:.3f} times too high in "
                "kelvin.",
            ),
        ),
        routes=(
            lambda c: target * c["F"] / (MV_PER_V * c["R"] * c["ln 10"]) - ZERO_CELSIUS,
            lambda c: T_BODY * target / c["decade at 37 °C"] - ZERO_CELSIUS,
            lambda c: T_ROOM * target / c["decade at 20 °C"] - ZERO_CELSIUS,
            lambda c: T_BODY * target / (c["RT/F at 37 °C"] * c["ln 10"]) - ZERO_CELSIUS,
            lambda c: T_ROOM * target / (c["RT/F at 20 °C"] * c["ln 10"]) - ZERO_CELSIUS,
        ),
    )


PROBLEMS = (
    _ek(),
    _ions_estimate(),
    _ecl(),
    _eca(),
    _predict_k_out(),
    _k_out(),
    _driving_force(),
    _steady_state(),
    _channels(),
    _ek_room(),
    _slope_temperature(),
)
