"""The graded problems of the GHK exercise notebook (``exercises/ghk.ipynb``).

Every expected answer and every slip is computed here from :mod:`widgets.physics`
and the cited presets; no answer is typed by hand. The givens of a problem (a
concentration, a target potential, a permeability, conductances) are the module
constants below, and a test checks that the notebook states the same numbers.
Problems that ask for permeabilities ask for a ratio, so an answer is right whatever
the scale of the permeabilities behind it. ``ROUNDED`` lists every rounded value the
chapter prints that a learner may carry into a problem; each calculation's ``routes``
are the hand calculations a learner may make with them (see :mod:`widgets.grading.problem`).
"""

import numpy as np
from scipy.optimize import brentq

from widgets.constants import FARADAY, kelvin_to_celsius
from widgets.data.ions import get_preset
from widgets.formatting import MV_PER_V, UA_PER_CM2
from widgets.grading.choice import ChoiceProblem, Option
from widgets.grading.problem import Problem, Rounded, Slip, near_miss_message
from widgets.physics import (
    conductance_weighted_potential,
    ghk_current_density,
    ghk_voltage,
    nernst_potential,
    nernst_slope,
    sphere_area,
    sphere_volume,
    thermal_voltage,
)
from widgets.physics.leak import HODGKIN_KATZ, ION_KEYS, preset_arrays

NEURON = get_preset("mammalian_neuron")
T_BODY = NEURON.T  # K, 37 degC
C_OUT, C_IN, Z = preset_arrays(NEURON)  # K+, Na+, Cl- in mM; valences
RATIOS = np.array([HODGKIN_KATZ[ion] for ion in ION_KEYS])  # 1 : 0.04 : 0.45
Z_CL_AS_CATION = np.array([1.0, 1.0, 1.0])  # the slip: chloride written like a cation
K_OUT_HIGH = 10.0  # mM: problem 3, hyperkalemia
LEAK_LEFT = 0.1  # problem 4: the K+ leak cut by 90 %, a tenth left
TARGET_V = -42e-3  # V: problem 5, the K+-leak mutant's potential reached by a larger P_Na
P_K_GIVEN = 2.0e-8  # m/s (2.0e-6 cm/s): problems 6 and 7
G_GIVEN = np.array([0.151, 0.0225, 0.0831])  # mS/cm^2: problem 8, rounded chord conductances
P_NA_RAISED = 0.08  # problem 9: P_Na/P_K doubled
SOMA_RADIUS = 10e-6  # m: problem 11's spherical cell body
I_NA_GIVEN = 3.0  # uA/cm^2: problem 11, the size of the resting Na+ current density
TARGET_EXPLORER_V = -55e-3  # V: problem 12
ESTIMATE_FACTOR = 2.0  # an estimate is right within a factor of 2

# The bullets of the chapter's "Learning objectives" admonition, word for word.
OBJECTIVES = {
    "steady": (
        "explain why the resting potential is a steady state and not an equilibrium, and compute "
        "the ion currents that keep flowing at rest;"
    ),
    "ghk": (
        "write the GHK current and voltage equations, state the constant-field assumption "
        "behind them, and enter anions with inside and outside swapped;"
    ),
    "compute": (
        "compute the resting potential of a cell from its concentrations and relative "
        "permeabilities, and explain how far it sits from the K⁺ equilibrium potential;"
    ),
    "potassium": (
        "predict how the resting potential responds to the extracellular K⁺ concentration and "
        "to losing the K⁺ leak;"
    ),
    "conductance": (
        "use chord conductances to write the resting potential as a weighted average, and tell "
        "permeability from conductance."
    ),
}

POTENTIAL_TOL = 0.2  # mV
RATIO_TOL = 0.001  # dimensionless
CURRENT_TOL = 0.05  # uA/cm^2
CONCENTRATION_TOL = 0.2  # mM: a slider read to about 0.2 mV of V


def _mV(volts):
    return volts * MV_PER_V


def _v(ratios=RATIOS, c_out=C_OUT, z=Z, T=T_BODY):
    """Return the neuron's GHK potential in V; the arguments mimic a problem or a slip."""
    return ghk_voltage(ratios, c_out, C_IN, z, T)


def _with_k_out(k_out):
    c_out = C_OUT.copy()
    c_out[0] = k_out
    return c_out


V_REST = _v()
E = nernst_potential(C_OUT, C_IN, Z, T_BODY)
T_CELSIUS_AS_KELVIN = kelvin_to_celsius(T_BODY)  # the slip "T = 37 K"


def _sums(ratios=RATIOS, c_out=C_OUT):
    """Return the top and bottom of the GHK voltage equation in mM (units of P_K)."""
    top = ratios[0] * c_out[0] + ratios[1] * c_out[1] + ratios[2] * C_IN[2]
    bottom = ratios[0] * C_IN[0] + ratios[1] * C_IN[1] + ratios[2] * c_out[2]
    return top, bottom


TOP, BOTTOM = _sums()  # the worked example's sums

# Every rounded value the chapter prints that a problem can use, as a learner would copy it
# (a test grades the answers computed with each, and the chapter asserts it prints them).
ROUNDED = (
    Rounded("RT/F", _mV(thermal_voltage(T_BODY)), 26.7, "RT/F = 26.7 mV at 37 °C"),
    Rounded("decade", _mV(nernst_slope(T_BODY)), 61.5, "61.5 mV per tenfold ratio at 37 °C"),
    Rounded("E_K", _mV(E[0]), -89.1, "E_K = −89.1 mV"),
    Rounded("E_Na", _mV(E[1]), 66.6, "E_Na = +66.6 mV"),
    Rounded("E_Cl", _mV(E[2]), -64.1, "E_Cl = −64.1 mV"),
    Rounded("top", TOP, 15.3, "the top of the GHK equation, 15.3 mM"),
    Rounded("bottom", BOTTOM, 190.0, "the bottom of the GHK equation, 190.0 mM"),
    Rounded("top/bottom", TOP / BOTTOM, 0.0805, "their ratio, 0.0805"),
    Rounded("ln(top/bottom)", np.log(TOP / BOTTOM), -2.519, "its logarithm, −2.519"),
    Rounded("V_rest", _mV(V_REST), -67.3, "V = −67.3 mV"),
)
_BY_KEY = {item.key: item for item in ROUNDED}
NEAR_MISS = near_miss_message([_BY_KEY["RT/F"], _BY_KEY["decade"]])


def _voltage_routes(ratios=RATIOS, c_out=C_OUT):
    """Return the hand routes to a GHK potential in mV: RT/F with ln, the decade with log10."""
    top, bottom = _sums(ratios, c_out)
    return (
        lambda c: c["RT/F"] * np.log(top / bottom),
        lambda c: c["decade"] * np.log10(top / bottom),
    )


GHK_HINT = (
    "V = (RT/F) ln[(P_K [K+]out + P_Na [Na+]out + P_Cl [Cl-]in) / (P_K [K+]in + P_Na [Na+]in + "
    "P_Cl [Cl-]out)], with T in kelvin and the natural logarithm; only the permeability "
    "ratios matter, so use 1 : P_Na/P_K : P_Cl/P_K."
)
EK_ALONE = (
    "That is E_K, the Nernst potential of K+ alone: the potential of a membrane that only K+ "
    "can cross. This membrane also leaks Na+ and Cl-, and the GHK equation weighs all three: "
    "the Na+ leak pulls V above E_K."
)
CL_NOT_SWAPPED = (
    "It looks like chloride went in like a cation, with [Cl-]out on top. Cl- is an anion: in "
    "the GHK voltage equation P_Cl multiplies [Cl-]in on top and [Cl-]out at the bottom, "
    "because a chloride ion entering does to V what a K+ ion leaving does."
)


def _neuron_v():
    return Problem(
        id="ghk-neuron-v",
        objective="compute",
        symbol="V_GHK",
        quantity="the GHK resting potential of the neuron with 1 : 0.04 : 0.45 at 37 degC",
        unit="mV",
        expected=_mV(V_REST),
        abs_tol=POTENTIAL_TOL,
        explanation=(
            f"V is {_mV(V_REST - E[0]):.1f} mV above E_K = {_mV(E[0]):.1f} mV: the small Na+ "
            "permeability pulls V up because the force on Na+, V - E_Na, is huge. No ion is at "
            "equilibrium; V is where their currents cancel."
        ),
        hint=GHK_HINT,
        slips=(
            Slip(_mV(E[0]), EK_ALONE),
            Slip(_mV(_v(z=Z_CL_AS_CATION)), CL_NOT_SWAPPED),
            Slip(
                _mV(_v(T=T_CELSIUS_AS_KELVIN)),
                f"It looks like you used T = {T_CELSIUS_AS_KELVIN:g} K, the temperature in "
                f"degrees Celsius. RT/F needs the absolute temperature, {T_BODY:g} K; with 37 K "
                "every potential comes out more than eight times too small.",
            ),
            Slip(
                _mV(V_REST) / np.log(10.0),
                "Your answer is ln 10 = 2.303 times too small: it looks like you used log10 with "
                "the slope RT/F. RT/F goes with the natural logarithm.",
            ),
            Slip(
                _mV(RATIOS @ E / RATIOS.sum()),
                "That is the permeability-weighted average of the three Nernst potentials. The "
                "GHK equation is not an average of potentials: it takes the logarithm of "
                "permeability-weighted concentrations.",
            ),
        ),
        near_miss=NEAR_MISS,
        routes=(
            *_voltage_routes(),
            lambda c: c["RT/F"] * np.log(c["top"] / c["bottom"]),  # the worked example
            lambda c: c["RT/F"] * np.log(c["top/bottom"]),
            lambda c: c["RT/F"] * c["ln(top/bottom)"],
        ),
    )


def _no_sodium():
    no_na = RATIOS * [1.0, 0.0, 1.0]
    return Problem(
        id="ghk-no-sodium",
        objective="ghk",
        symbol="V (P_Na = 0)",
        quantity="the GHK potential of the neuron with P_Na = 0 and P_Cl/P_K = 0.45",
        unit="mV",
        expected=_mV(_v(no_na)),
        abs_tol=POTENTIAL_TOL,
        explanation=(
            "Without the Na+ leak, V falls towards E_K but stops short of it: chloride, with "
            f"E_Cl = {_mV(E[2]):.1f} mV, still pulls it up. With one permeant ion left it would "
            "be that ion's Nernst potential."
        ),
        hint=GHK_HINT + " Set P_Na = 0: the Na+ terms drop out.",
        slips=(
            Slip(_mV(E[0]), EK_ALONE.replace("leaks Na+ and Cl-", "leaks Cl-")),
            Slip(_mV(_v(no_na, z=Z_CL_AS_CATION)), CL_NOT_SWAPPED),
            Slip(
                _mV(V_REST),
                "That is the resting potential with the Na+ leak still there (problem 1). Set "
                "P_Na = 0: the terms P_Na [Na+]out and P_Na [Na+]in vanish.",
            ),
        ),
        near_miss=NEAR_MISS,
        routes=_voltage_routes(no_na),
    )


def _hyperkalemia():
    c_out = _with_k_out(K_OUT_HIGH)
    v, e_k = _v(c_out=c_out), nernst_potential(K_OUT_HIGH, C_IN[0], 1, T_BODY)
    return Problem(
        id="ghk-hyperkalemia",
        objective="potassium",
        symbol="V ([K+]out = 10 mM)",
        quantity=f"the GHK potential of the neuron with [K+]out = {K_OUT_HIGH:g} mM",
        unit="mV",
        expected=_mV(v),
        abs_tol=POTENTIAL_TOL,
        explanation=(
            f"Doubling [K+]out depolarises the neuron by {_mV(v - V_REST):.1f} mV, less than the "
            f"{_mV(e_k - E[0]):.1f} mV by which E_K rises: the Na+ and Cl- terms, which do not "
            "change, dilute the effect of potassium."
        ),
        hint=GHK_HINT + f" Replace [K+]out = {C_OUT[0]:g} mM by {K_OUT_HIGH:g} mM.",
        slips=(
            Slip(
                _mV(e_k),
                "That is E_K at 10 mM: the Nernst potential of K+ alone. The resting potential "
                "also depends on the Na+ and Cl- leaks; use the GHK equation.",
            ),
            Slip(
                _mV(V_REST),
                f"That is the resting potential at {C_OUT[0]:g} mM (problem 1). Put "
                f"[K+]out = {K_OUT_HIGH:g} mM into the top of the GHK equation.",
            ),
            Slip(
                _mV(V_REST + e_k - E[0]),
                "You moved V by the full change of E_K. V follows E_K only partly, because the "
                "Na+ and Cl- terms in the GHK equation do not change.",
            ),
            Slip(_mV(_v(c_out=c_out, z=Z_CL_AS_CATION)), CL_NOT_SWAPPED),
        ),
        near_miss=NEAR_MISS,
        routes=_voltage_routes(c_out=c_out),
    )


def _leak_cut():
    cut = RATIOS * [LEAK_LEFT, 1.0, 1.0]
    return Problem(
        id="ghk-leak-cut",
        objective="potassium",
        symbol="V (90 % of the K+ leak cut)",
        quantity="the GHK potential of the neuron with P_K cut to a tenth, P_Na and P_Cl unchanged",
        unit="mV",
        expected=_mV(_v(cut)),
        abs_tol=POTENTIAL_TOL,
        explanation=(
            "With less K+ permeability, the Na+ and Cl- leaks weigh more and V rises towards "
            f"their compromise, {_mV(_v(RATIOS * [0.0, 1.0, 1.0])):.1f} mV with no K+ leak at all."
        ),
        hint=GHK_HINT + f" Use P_K : P_Na : P_Cl = {LEAK_LEFT:g} : 0.04 : 0.45.",
        slips=(
            Slip(
                _mV(_v(RATIOS * [1.0 - LEAK_LEFT, 1.0, 1.0])),
                "You kept 90 % of the K+ leak. Cutting it by 90 % leaves a tenth: P_K = 0.1.",
            ),
            Slip(
                _mV(_v(RATIOS * [0.0, 1.0, 1.0])),
                "That is V with no K+ leak at all (P_K = 0). A tenth of it is left: P_K = 0.1.",
            ),
            Slip(_mV(_v(cut, z=Z_CL_AS_CATION)), CL_NOT_SWAPPED),
        ),
        near_miss=NEAR_MISS,
        routes=_voltage_routes(cut),
    )


def _ratio_for(target, p_cl=RATIOS[2], z=Z):
    """Return the P_Na/P_K that gives the neuron the potential ``target`` (V)."""
    return brentq(lambda r: _v([1.0, r, p_cl], z=z) - target, 1e-6, 1e3, xtol=1e-14)


def _solved_ratio(x, swap_cl=True):
    """Solve the GHK equation, linear in r = P_Na/P_K, for r given x = exp(V F/RT)."""
    cl_in, cl_out = RATIOS[2] * C_IN[2], RATIOS[2] * C_OUT[2]
    cl_top, cl_bottom = (cl_in, cl_out) if swap_cl else (cl_out, cl_in)
    return (x * (C_IN[0] + cl_bottom) - (C_OUT[0] + cl_top)) / (C_OUT[1] - x * C_IN[1])


def _sodium_ratio():
    ratio = _ratio_for(TARGET_V)
    v = _mV(TARGET_V)
    x = np.exp(TARGET_V / _volts_per_e_fold())
    # The same algebra with the slips in it: chloride unswapped, log10 inverted.
    unswapped = _solved_ratio(x, swap_cl=False)
    log10 = _solved_ratio(10.0 ** (TARGET_V / _volts_per_e_fold()))
    return Problem(
        id="ghk-sodium-ratio",
        objective="potassium",
        symbol="P_Na/P_K",
        quantity=f"the P_Na/P_K that puts the neuron at {_mV(TARGET_V):g} mV with P_Cl/P_K = 0.45",
        unit="",
        expected=ratio,
        abs_tol=RATIO_TOL,
        explanation=(
            f"About {ratio / RATIOS[1]:.1f} times the normal 0.04. Losing the K+ leak and gaining "
            "Na+ permeability both raise P_Na/P_K, and only the ratios set V: two different "
            "molecular causes, one resting potential."
        ),
        hint=(
            "Write x = exp(V F/RT). The GHK equation says (P_K[K+]out + P_Na[Na+]out + "
            "P_Cl[Cl-]in) = x (P_K[K+]in + P_Na[Na+]in + P_Cl[Cl-]out); divide by P_K and "
            "solve this linear equation for r = P_Na/P_K."
        ),
        slips=(
            Slip(
                1.0 / ratio,
                "That is P_K/P_Na, the inverse. The question asks for P_Na/P_K, a number smaller "
                "than 1 here.",
            ),
            Slip(
                ratio / RATIOS[1],
                "That is how many times P_Na/P_K grew from its normal 0.04. The question asks "
                "for the ratio P_Na/P_K itself.",
            ),
            Slip(
                unswapped,
                CL_NOT_SWAPPED + " (Your ratio came out negative, which no membrane has.)",
            ),
            Slip(
                _ratio_for(TARGET_V, p_cl=0.0),
                "You left chloride out. P_Cl/P_K = 0.45 stays: keep the chloride terms in both "
                "the top and the bottom of the GHK equation.",
            ),
            Slip(
                log10,
                "It looks like you inverted with 10^x while using the slope RT/F. RT/F goes with "
                "the natural logarithm: x = exp(V F/RT).",
            ),
        ),
        routes=(
            lambda c: _solved_ratio(np.exp(v / c["RT/F"])),
            lambda c: _solved_ratio(10.0 ** (v / c["decade"])),
        ),
    )


def _volts_per_e_fold():
    """RT/F in V at 37 degC, from the physics: the Nernst potential of an e-fold ratio."""
    return nernst_potential(np.e, 1.0, 1, T_BODY)


P_GIVEN = P_K_GIVEN * RATIOS  # m/s
CURRENTS = ghk_current_density(V_REST, P_GIVEN, C_OUT, C_IN, Z, T_BODY) * UA_PER_CM2  # uA/cm^2


def _hand_currents(v, rt_f):
    """Return the three GHK currents in uA/cm^2 as the hint computes them (v, rt_f in mV)."""
    zu = Z * v / rt_f  # zFV/RT, dimensionless
    i = P_GIVEN * Z * FARADAY * zu * (C_IN - C_OUT * np.exp(-zu)) / (1.0 - np.exp(-zu))
    return i * UA_PER_CM2


# A learner carries V into the currents as printed, or as computed with the same RT/F.
CURRENT_ROUTES = (
    lambda c: _hand_currents(c["V_rest"], c["RT/F"]),
    lambda c: _hand_currents(c["RT/F"] * np.log(c["top"] / c["bottom"]), c["RT/F"]),
)


def _potassium_current():
    i_k = CURRENTS[0]
    swapped = ghk_current_density(V_REST, P_K_GIVEN, C_IN[0], C_OUT[0], 1, T_BODY) * UA_PER_CM2
    return Problem(
        id="ghk-k-current",
        objective="ghk",
        symbol="I_K",
        quantity="the K+ current density at the resting potential of problem 1",
        unit="uA/cm^2",
        expected=i_k,
        abs_tol=0.01,
        explanation=(
            "Positive: an outward current. V is above E_K, so K+ leaves the cell; at E_K the "
            "GHK current would be exactly zero."
        ),
        hint=(
            "I = P z^2 (F^2 V/RT) (c_in - c_out e^(-zFV/RT)) / (1 - e^(-zFV/RT)) with P in m/s, "
            "c in mol/m^3 (= mM), V in volts; that gives A/m^2, and 1 A/m^2 = 100 uA/cm^2."
        ),
        slips=(
            Slip(
                i_k / UA_PER_CM2,
                "That is the current in A/m^2. The question asks for uA/cm^2: 1 A/m^2 = "
                "1e6 uA / 1e4 cm^2 = 100 uA/cm^2.",
            ),
            Slip(
                i_k * 100.0,
                "A hundred times too large: P = 2.0e-6 cm/s is 2.0e-8 m/s. Put every quantity "
                "in SI units (m/s, mol/m^3, V) and convert the result at the end.",
            ),
            Slip(
                swapped,
                "Inside and outside are swapped: in the GHK current equation c_in stands alone "
                "and c_out carries the exponential. With more K+ inside and V above E_K, K+ "
                "flows out: an outward, positive current.",
            ),
        ),
        routes=tuple(lambda c, route=route: route(c)[0] for route in CURRENT_ROUTES),
    )


def _net_current():
    i_k, i_na, i_cl = CURRENTS
    i_cl_cation = ghk_current_density(V_REST, P_GIVEN[2], C_OUT[2], C_IN[2], 1, T_BODY)
    return Problem(
        id="ghk-net-current",
        objective="steady",
        symbol="I_K + I_Na + I_Cl",
        quantity="the total current density at the resting potential",
        unit="uA/cm^2",
        expected=0.0,
        abs_tol=CURRENT_TOL,
        explanation=(
            f"Zero: K+ carries {i_k:+.2f}, Na+ {i_na:+.2f} and Cl- {i_cl:+.2f} uA/cm^2, and "
            "they cancel. That is what makes V the resting potential: any net current would "
            "charge the membrane capacitance and move V. Ions still flow: a steady state, "
            "not an equilibrium."
        ),
        hint=(
            "Compute each ion's GHK current at V_GHK (outward positive; Cl- has z = -1) and "
            "add the three."
        ),
        slips=(
            Slip(i_k, "That is the K+ current alone. Add the Na+ and Cl- currents too."),
            Slip(i_na, "That is the Na+ current alone. Add the K+ and Cl- currents too."),
            Slip(
                i_k + i_na,
                "You added K+ and Na+ but left out chloride. Its current is small, but at the "
                "resting potential all three together sum to zero.",
            ),
            Slip(
                i_k + i_na + i_cl_cation * UA_PER_CM2,
                "It looks like chloride went in with z = +1. Cl- is an anion, z = -1: with z = -1 "
                "its current is small and the three currents cancel.",
            ),
        ),
        routes=tuple(lambda c, route=route: route(c).sum() for route in CURRENT_ROUTES),
    )


def _weighted_average():
    g = G_GIVEN
    ratio = C_OUT / C_IN

    def average(e):
        return g @ e / g.sum()

    return Problem(
        id="ghk-weighted-average",
        objective="conductance",
        symbol="V_WA",
        quantity="the conductance-weighted average of E_K, E_Na and E_Cl",
        unit="mV",
        expected=_mV(conductance_weighted_potential(g, E)),
        abs_tol=POTENTIAL_TOL,
        explanation=(
            "The chord conductances at rest make the weighted average equal to the GHK "
            "potential of problem 1 (up to their rounding): both say the currents sum to zero. "
            "The weights are conductances, not permeabilities: g_Na/g_K is "
            f"{g[1] / g[0]:.2f}, not 0.04."
        ),
        hint="V_WA = (g_K E_K + g_Na E_Na + g_Cl E_Cl) / (g_K + g_Na + g_Cl), E from Nernst.",
        slips=(
            Slip(
                _mV(E.mean()),
                "That is the plain average of the three Nernst potentials. Each must be weighted "
                "by its conductance.",
            ),
            Slip(
                _mV(RATIOS @ E / RATIOS.sum()),
                "You weighted with the permeabilities 1 : 0.04 : 0.45. The weighted average needs "
                "the conductances, which depend on concentrations and voltage too.",
            ),
            Slip(
                _mV(conductance_weighted_potential(g, E * [1.0, 1.0, -1.0])),
                "E_Cl has the wrong sign: chloride is an anion, z = -1, so with more Cl- outside "
                "E_Cl is negative.",
            ),
            Slip(
                _mV(g @ E),
                "You added g_i E_i but did not divide by the total conductance g_K + g_Na + g_Cl.",
            ),
        ),
        near_miss=NEAR_MISS,
        routes=(
            lambda c: average(np.array([c["E_K"], c["E_Na"], c["E_Cl"]])),
            lambda c: average(c["RT/F"] / Z * np.log(ratio)),
            lambda c: average(c["decade"] / Z * np.log10(ratio)),
        ),
    )


def _predict_sodium():
    v_new = _v(RATIOS * [1.0, P_NA_RAISED / RATIOS[1], 1.0])
    return ChoiceProblem(
        id="ghk-predict-sodium",
        objective="compute",
        kind="predict",
        symbol="Direction of V",
        quantity="which way V moves when P_Na/P_K doubles",
        options=(
            Option("a", "up: V becomes less negative, towards E_Na"),
            Option(
                "b",
                "down: V becomes more negative",
                "More Na+ permeability means more Na+ flowing in, an inward current: positive "
                "charge enters and makes the inside less negative, not more.",
            ),
            Option(
                "c",
                "not at all: the resting potential is set by K⁺ alone",
                "K+ dominates, but the resting potential is not E_K. The Na+ leak already holds "
                f"V {_mV(V_REST - E[0]):.1f} mV above E_K; doubling it moves V to "
                f"{_mV(v_new):.1f} mV.",
            ),
            Option(
                "d",
                "not at all: the currents must still add up to zero",
                "They do add up to zero again, but at a new voltage. A larger Na+ permeability "
                "upsets the balance at the old V, and V moves until the currents cancel anew, "
                f"at {_mV(v_new):.1f} mV.",
            ),
        ),
        answer="a",
        explanation=(
            f"Doubling P_Na/P_K to {P_NA_RAISED:g} moves V from {_mV(V_REST):.1f} to "
            f"{_mV(v_new):.1f} mV: each ion pulls V towards its own E, and a larger permeability "
            "pulls harder."
        ),
    )


def _concept_rest():
    ratio = CURRENTS[1] / CURRENTS[0]
    return ChoiceProblem(
        id="ghk-concept-rest",
        objective="steady",
        kind="concept",
        symbol="The resting neuron",
        quantity="which statement about the neuron at rest is right",
        options=(
            Option(
                "a",
                "no ions cross the membrane at rest, so the cell is at equilibrium",
                "Misconception: 'at rest no ions flow'. K+ flows out and Na+ flows in all the "
                "time; only their sum is zero. That is a steady state, which runs the gradients "
                "down unless the pump rebuilds them.",
            ),
            Option(
                "b",
                "the resting potential is the average of E_K, E_Na and E_Cl",
                "Misconception: 'the resting potential is the average of the Nernst "
                f"potentials'. Their average is {_mV(E.mean()):.1f} mV; the neuron rests at "
                f"{_mV(V_REST):.1f} mV.",
            ),
            Option(
                "c",
                "K⁺ leaks out and Na⁺ leaks in; with the small Cl⁻ current they add up to zero, "
                "so V holds still while the gradients slowly run down",
            ),
            Option(
                "d",
                "because P_Na/P_K is 0.04, the Na⁺ current is 4 % of the K⁺ current",
                "Misconception: 'permeability and conductance are the same thing'. The Na+ "
                f"current is {abs(ratio) * 100:.0f} % of the K+ current and opposite in sign: "
                "its tiny permeability is offset by a huge driving force.",
            ),
        ),
        answer="c",
        explanation=(
            "At rest every ion is away from its equilibrium potential, so each one flows; V is "
            "steady because the currents cancel. The energy for this steady state is stored in "
            "the concentration gradients and restored by the Na+/K+ pump."
        ),
    )


def _sodium_estimate():
    c_na = C_IN[1]  # mol/m^3
    current = I_NA_GIVEN / UA_PER_CM2  # A/m^2
    # Charge of the Na+ inside over the current that brings in as much again.
    t = c_na * sphere_volume(SOMA_RADIUS) * FARADAY / (current * sphere_area(SOMA_RADIUS))
    return Problem(
        id="ghk-sodium-estimate",
        objective="steady",
        kind="estimate",
        factor_tol=ESTIMATE_FACTOR,
        symbol="The doubling time",
        quantity="the time the resting Na+ leak takes to bring in as much Na+ as the cell holds",
        unit="s",
        expected=t,
        abs_tol=0.0,
        explanation=(
            f"About {t:.0f} s, a couple of minutes: t = [Na+]in (4/3 pi r^3) F / (|I_Na| 4 pi r^2) "
            "= [Na+]in r F / (3 |I_Na|). Without the Na+/K+ pump the gradients that power the "
            "resting potential would be gone in minutes."
        ),
        hint=(
            "Moles of Na+ inside: [Na+]in V with V = (4/3) pi r^3 and [Na+]in in mol/m^3 (= mM). "
            "Moles entering per second: |I_Na| A / F with A = 4 pi r^2 and I in A/m^2 "
            "(1 uA/cm^2 = 0.01 A/m^2). Divide the first by the second."
        ),
        slips=(
            Slip(
                3.0 * t,
                "Three times too long: volume over area of a sphere is r/3, not r "
                "((4/3) pi r^3 / (4 pi r^2) = r/3).",
            ),
            Slip(
                t / 60.0,
                "That looks like minutes. The question asks for seconds.",
            ),
            Slip(
                t * 1e-3,
                "A thousand times too short: 1 mM is 1 mol/m^3, not 1e-3 mol/m^3.",
            ),
            Slip(
                t * 1e4,
                "Ten thousand times too long: 1 uA/cm^2 is 0.01 A/m^2 (1e-6 A per 1e-4 m^2).",
            ),
        ),
    )


def _explorer_k_out():
    k_out = brentq(lambda k: _v(c_out=_with_k_out(k)) - TARGET_EXPLORER_V, 0.1, 1000.0, xtol=1e-12)
    e_k_inverse = C_IN[0] * np.exp(TARGET_EXPLORER_V / _volts_per_e_fold())
    return Problem(
        id="ghk-explorer-k-out",
        objective="potassium",
        kind="explorer",
        symbol="[K+]out",
        quantity=f"the [K+]out that puts the neuron at {_mV(TARGET_EXPLORER_V):g} mV",
        unit="mM",
        expected=k_out,
        abs_tol=CONCENTRATION_TOL,
        explanation=(
            f"Less than the {e_k_inverse:.1f} mM that would bring E_K itself to "
            f"{_mV(TARGET_EXPLORER_V):g} mV: the resting potential already sits above E_K, so "
            "less extra potassium depolarises the cell that far."
        ),
        hint=(
            "In the explorer, keep the mammalian neuron, 1 : 0.04 : 0.45 and 37 degC, and move "
            "the [K+] outside slider until the readout shows V_GHK = -55.0 mV (type a value in "
            "the slider's box to fine-tune)."
        ),
        slips=(
            Slip(
                e_k_inverse,
                "That [K+]out brings E_K to -55 mV, the Nernst potential of K+ alone. The "
                "question asks when V_GHK, which also feels Na+ and Cl-, reaches -55 mV.",
            ),
        ),
    )


PROBLEMS = (
    _neuron_v(),
    _no_sodium(),
    _hyperkalemia(),
    _leak_cut(),
    _sodium_ratio(),
    _potassium_current(),
    _net_current(),
    _weighted_average(),
    _predict_sodium(),
    _concept_rest(),
    _sodium_estimate(),
    _explorer_k_out(),
)
