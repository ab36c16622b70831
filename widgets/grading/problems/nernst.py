"""The graded problems of the Nernst exercise notebook (``exercises/nernst.ipynb``).

Every expected answer and every slip is computed here from :mod:`widgets.physics`
and the cited presets of :mod:`widgets.data.ions`; no answer is typed by hand.
The givens of a problem (a target potential, a voltage shift, a temperature) are the
module constants below, and a test checks that the notebook states the same numbers.
"""

import numpy as np

from widgets.constants import ELEMENTARY_CHARGE, ROOM_TEMPERATURE, kelvin_to_celsius
from widgets.data.ions import IONS, get_preset
from widgets.formatting import MV_PER_V
from widgets.grading.problem import Problem, Slip
from widgets.physics import (
    ions_to_charge,
    nernst_potential,
    nernst_slope,
    sphere_area,
    thermal_voltage,
)

NEURON = get_preset("mammalian_neuron")
T_BODY = NEURON.T  # K, 37 degC
T_COOL = ROOM_TEMPERATURE  # K, 20 degC: the cooled preparation of problem 3
TARGET_E_K = -80e-3  # V: problem 4 asks which [K+]out gives this E_K
DECADE_SHIFT = 61.5e-3  # V: problem 5 asks which concentration ratio shifts E this much
MEMBRANE_V = NEURON.v_rest  # V: problem 7's membrane potential, the preset's resting potential
CELL_RADIUS = 10e-6  # m: problem 8's spherical cell body
CAPACITANCE_UF_CM2 = 1.0  # uF/cm^2: problem 8's specific membrane capacitance
ESTIMATE_FACTOR = 3.0  # an order-of-magnitude estimate is right within a factor of 3

# The bullets of the chapter's "Learning objectives" admonition, word for word.
OBJECTIVES = {
    "electrochemical": (
        "write down the electrochemical potential of an ion and say what each of its terms means;"
    ),
    "derive": (
        "derive the Nernst equation from the condition for equilibrium and use its sign convention;"
    ),
    "compute": (
        "compute the equilibrium potentials of K⁺, Na⁺, Cl⁻ and Ca²⁺ for a real cell, including "
        "the sign for an anion and the halved slope for a divalent ion;"
    ),
    "predict": (
        "predict how an equilibrium potential changes with temperature and with a tenfold "
        "change in a concentration;"
    ),
    "estimate": (
        "estimate how few ions must cross the membrane to build the voltage, and why the "
        "concentrations therefore do not change."
    ),
}

LN10 = np.log(10.0)
# The slip "T = 37 K": the Celsius number typed where kelvin belongs.
T_CELSIUS_AS_KELVIN = kelvin_to_celsius(T_BODY)
POTENTIAL_TOL = 0.2  # mV
CONCENTRATION_TOL = 0.01  # mM
RATIO_TOL = 0.01  # dimensionless


def _mV(volts):
    return volts * MV_PER_V


def _e_mV(ion, T=T_BODY, z=None, swap=False):
    """Return E of ``ion`` for the neuron preset in mV; ``T``, ``z``, ``swap`` mimic slips."""
    c_out, c_in = NEURON.c_out[ion], NEURON.c_in[ion]
    if swap:
        c_out, c_in = c_in, c_out
    return _mV(nernst_potential(c_out, c_in, IONS[ion].z if z is None else z, T))


V_T = _mV(thermal_voltage(T_BODY))  # mV, RT/F at 37 degC
V_T_SLIP = _mV(thermal_voltage(T_CELSIUS_AS_KELVIN))  # mV, RT/F at "37 K"
DECADE = _mV(nernst_slope(T_BODY))  # mV per ten-fold concentration ratio at 37 degC


def _celsius_message(consequence="the potential comes out {factor} times too small"):
    """Explain the slip T = 37 K; ``consequence`` says what it did to this problem's answer."""
    factor = f"{T_BODY / T_CELSIUS_AS_KELVIN:.1f}"
    return (
        f"It looks like you used T = {T_CELSIUS_AS_KELVIN:g} K, the temperature in degrees "
        f"Celsius. The Nernst equation needs absolute temperature: T = {T_BODY:g} K. With "
        f"{T_CELSIUS_AS_KELVIN:g} K, RT/F is {V_T_SLIP:.2f} mV instead of {V_T:.2f} mV, so "
        f"{consequence.format(factor=factor)}."
    )


def _log10_message(subject="Your answer"):
    """Explain the slip of pairing log10 with the slope RT/F."""
    return (
        f"{subject} is {LN10:.3f} (= ln 10) times too small: it looks like you used log10 with "
        "the slope RT/F. RT/F belongs with the natural logarithm ln; with log10 the slope is "
        f"(RT/F) ln 10 = {DECADE:.1f} mV per ten-fold ratio at 37 degC."
    )


CELSIUS = _celsius_message()
LOG10 = _log10_message()
NERNST_HINT = (
    "E = (RT/zF) ln([ion]out/[ion]in), with T in kelvin, z the signed valence and the "
    "natural logarithm; multiply volts by 1000 for mV."
)


def _ek():
    e = _e_mV("K")
    return Problem(
        id="nernst-ek",
        objective="compute",
        symbol="E_K",
        quantity="E_K of the mammalian neuron at 37 degC",
        unit="mV",
        expected=e,
        abs_tol=POTENTIAL_TOL,
        explanation=(
            f"K+ is {NEURON.c_in['K'] / NEURON.c_out['K']:.0f} times more concentrated inside, "
            "so it tends to leave; the cell interior must be negative to hold it back. E_K is "
            "the voltage at which that electrical pull balances the concentration push."
        ),
        hint=NERNST_HINT,
        slips=(
            Slip(_e_mV("K", T=T_CELSIUS_AS_KELVIN), CELSIUS),
            Slip(e / LN10, LOG10),
            Slip(
                _e_mV("K", swap=True),
                "Right size, wrong sign: it looks like inside and outside are swapped. The "
                f"ratio [K+]out/[K+]in = {NEURON.c_out['K']:g}/{NEURON.c_in['K']:g} is less "
                "than 1, so its logarithm and E_K are negative: the inside must be negative "
                "to keep K+ in.",
            ),
        ),
    )


def _ecl():
    return Problem(
        id="nernst-ecl",
        objective="compute",
        symbol="E_Cl",
        quantity="E_Cl of the mammalian neuron at 37 degC",
        unit="mV",
        expected=_e_mV("Cl"),
        abs_tol=POTENTIAL_TOL,
        explanation=(
            "Chloride is more concentrated outside, so it tends to enter. Because it is an anion "
            "(z = -1), a negative interior repels it: E_Cl is negative even though E_K is "
            "negative for the opposite concentration gradient."
        ),
        hint=NERNST_HINT,
        slips=(
            Slip(
                _e_mV("Cl", z=+1),
                "Right size, wrong sign. Chloride is an anion: z = -1, not +1. Using z = +1 "
                "(or swapping inside and outside) flips the sign. With z = -1 a negative "
                "interior is what balances Cl- entering down its gradient.",
            ),
            Slip(_e_mV("Cl", T=T_CELSIUS_AS_KELVIN), CELSIUS),
            Slip(_e_mV("Cl") / LN10, LOG10),
        ),
    )


def _ek_cooling():
    e_cool, e_body = _e_mV("K", T=T_COOL), _e_mV("K")
    # A Celsius-for-kelvin slip is invisible here: E is proportional to T, so the change
    # depends only on the temperature difference, which is the same in degC and K.
    return Problem(
        id="nernst-ek-cooling",
        objective="predict",
        symbol="E_K(20 degC) - E_K(37 degC)",
        quantity="the change of E_K, E_K(20 degC) - E_K(37 degC)",
        unit="mV",
        expected=e_cool - e_body,
        abs_tol=POTENTIAL_TOL,
        explanation=(
            f"E is proportional to the absolute temperature. Cooling from {T_BODY:g} K to "
            f"{T_COOL:g} K is only {100 * (1 - T_COOL / T_BODY):.1f} % on the kelvin scale, "
            "so E_K shrinks by that fraction and becomes less negative: the change is "
            "positive and small."
        ),
        hint=f"Compute E_K at T = {T_COOL:g} K and at {T_BODY:g} K, then subtract: E(20) - E(37).",
        slips=(
            Slip(
                e_body - e_cool,
                "Right size, wrong sign: you computed E(37) - E(20). The question asks for "
                "E(20) - E(37). Cooling makes E_K less negative, so the change is positive.",
            ),
            Slip(
                e_cool,
                "That is E_K at 20 degC itself. The question asks for the change: subtract "
                "E_K at 37 degC from it.",
            ),
            Slip((e_cool - e_body) / LN10, LOG10),
        ),
    )


def _k_out():
    c_in = NEURON.c_in["K"]
    e = _mV(TARGET_E_K)
    ratio = np.exp(e / V_T)  # invert E = (RT/F) ln(c_out/c_in) for z = +1
    return Problem(
        id="nernst-k-out",
        objective="derive",
        symbol="[K+]out",
        quantity=f"[K+]out that gives E_K = {e:g} mV with [K+]in = {c_in:g} mM at 37 degC",
        unit="mM",
        expected=c_in * ratio,
        abs_tol=CONCENTRATION_TOL,
        explanation=(
            f"Inverting the Nernst equation, [K+]out = [K+]in exp(E_K F/RT). Raising [K+]out "
            f"from {NEURON.c_out['K']:g} mM makes E_K less negative: the outward "
            "concentration push on K+ weakens, so a smaller voltage balances it. This is why "
            "high extracellular K+ depolarises neurons."
        ),
        hint=(
            "Solve E = (RT/F) ln(c_out/c_in) for c_out: c_out = c_in exp(E F/RT), "
            "with E in V and RT/F in V (or both in mV)."
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
    )


def _decade():
    shift = _mV(DECADE_SHIFT)
    fold = np.exp(shift / V_T)  # z = +1: E changes by (RT/F) ln(fold)
    return Problem(
        id="nernst-decade",
        objective="predict",
        symbol="The fold change",
        quantity=(
            f"the concentration ratio (fold change) that shifts E by {shift:g} mV "
            "for a monovalent ion at 37 degC"
        ),
        unit="",
        expected=fold,
        abs_tol=RATIO_TOL,
        explanation=(
            f"(RT/F) ln 10 = {DECADE:.1f} mV at 37 degC, so every ten-fold change of a "
            "monovalent ion's concentration ratio shifts its E by that much (half as much for "
            "a divalent ion): the rule of thumb for reading Nernst potentials."
        ),
        hint="E changes by (RT/F) ln(fold); solve for the fold: fold = exp(shift / (RT/F)).",
        slips=(
            Slip(
                np.log(fold),
                "That is the natural logarithm of the fold change, ln(fold). Take exp of it.",
            ),
            Slip(
                1 / fold,
                "That is the reciprocal: a ten-fold decrease shifts E by the same amount in the "
                "other direction. Give the fold as a factor larger than 1.",
            ),
            Slip(
                10 ** (shift / V_T),
                "It looks like you used 10^x with the slope RT/F. RT/F goes with the natural "
                "log, so invert with exp.",
            ),
            Slip(
                np.exp(shift / V_T_SLIP),
                _celsius_message("the exponent comes out {factor} times too large"),
            ),
        ),
    )


def _eca():
    e = _e_mV("Ca")
    return Problem(
        id="nernst-eca",
        objective="compute",
        symbol="E_Ca",
        quantity="E_Ca of the mammalian neuron at 37 degC",
        unit="mV",
        expected=e,
        abs_tol=POTENTIAL_TOL,
        explanation=(
            f"Free Ca2+ is {NEURON.c_out['Ca'] / NEURON.c_in['Ca']:,.0f} times more concentrated "
            "outside than inside, so E_Ca is large and positive. The valence z = +2 halves "
            "the slope: each ion carries two charges, so half the voltage balances the same "
            "concentration ratio."
        ),
        hint=NERNST_HINT + " Calcium is divalent: z = +2.",
        slips=(
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
            Slip(_e_mV("Ca", T=T_CELSIUS_AS_KELVIN), CELSIUS),
            Slip(e / LN10, LOG10),
        ),
    )


def _driving_force():
    v, e_k = _mV(MEMBRANE_V), _e_mV("K")
    return Problem(
        id="nernst-driving-force",
        objective="electrochemical",
        symbol="V - E_K",
        quantity=f"the driving force on K+, V - E_K, at V = {v:g} mV and 37 degC",
        unit="mV",
        expected=v - e_k,
        abs_tol=POTENTIAL_TOL,
        explanation=(
            "V - E_K is positive: the membrane is less negative than E_K, so the voltage no "
            "longer holds K+ in and K+ flows out (an outward current, positive by convention). "
            "This K+ leak is what keeps the resting potential near E_K."
        ),
        hint="Compute E_K as in problem 1, then subtract it from V: V - E_K.",
        slips=(
            Slip(
                e_k - v,
                "Right size, wrong sign: the driving force is V - E_K, not E_K - V. With "
                "outward current positive, a positive V - E_K means K+ flows out.",
            ),
            Slip(v - e_k / LN10, _log10_message("Your E_K")),
        ),
    )


def _ions_estimate():
    e_k = _e_mV("K") / MV_PER_V  # V
    c_m = CAPACITANCE_UF_CM2 * 1e-2  # F/m^2: 1 uF/cm^2 = 1e-6 F / 1e-4 m^2
    area = sphere_area(CELL_RADIUS)
    n = ions_to_charge(e_k, area, z=1, c_specific=c_m)
    return Problem(
        id="nernst-ions-estimate",
        objective="estimate",
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
            "a few parts per million of the K+ in the cell, so the concentrations do not change."
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
                "A thousand times too many: the voltage must be in volts (0.089 V), not in mV.",
            ),
        ),
    )


PROBLEMS = (
    _ek(),
    _ecl(),
    _ek_cooling(),
    _k_out(),
    _decade(),
    _eca(),
    _driving_force(),
    _ions_estimate(),
)
