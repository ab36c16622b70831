"""The graded problems of the channels exercise notebook (``exercises/channels.ipynb``).

Every expected answer and every slip is computed here from :mod:`widgets.physics`;
no answer is typed by hand. The givens of each problem (a free-energy difference, a
patch of channels, a gate) are the module constants below, and a test checks that
the notebook states the same numbers. ``ROUNDED`` lists every rounded constant a
learner copies into these calculations, as the chapter (or, for ``STATED``, the
exercise statement) prints it; each calculation's ``routes`` are the hand calculations
a learner may make with them (see :mod:`widgets.grading.problem`).
"""

import dataclasses

import numpy as np

from widgets.constants import GAS_CONSTANT, ZERO_CELSIUS, kelvin_to_celsius
from widgets.figures.channels import MS_PER_CM2, SQUID, UA_PER_CM2
from widgets.formatting import MV_PER_V, format_number, format_scientific
from widgets.grading.choice import ChoiceProblem, Option
from widgets.grading.problem import Problem, Rounded, Slip, near_miss_message
from widgets.physics import (
    boltzmann_open_probability,
    membrane_currents,
    nernst_potential,
    rest_points,
    selectivity_ratio,
)
from widgets.physics.channels import (
    HH_G_K_MAX,
    HH_G_LEAK,
    HH_G_NA_MAX,
    hh_steady_state_gates,
)
from widgets.physics.selectivity import (
    HYDRATION_FREE_ENERGY,
    IONIC_RADIUS,
    K_SITE_RADIUS,
    KCAL,
    hydration_free_energy,
    site_free_energy,
)

T_BODY = ZERO_CELSIUS + 37.0  # K
T_HYDRATION_DATA = ZERO_CELSIUS + 25.0  # K: the slip "RT at 25 degC", where Marcus's data hold
DDG_KCAL = 5.0  # kcal/mol: problem 1's K+ over Na+ preference (illustrative)
PATCH_CHANNELS = 250  # problem 4's K+ leak channels in a patch
PATCH_P_OPEN = 0.4  # their open probability
PATCH_GAMMA_PS = 15.0  # pS, their single-channel conductance (illustrative)
GAMMA_NA_PS = 18.0  # pS: Na+ channels of rat muscle (sigworth1980), problem 5
AXON_DIAMETER, AXON_LENGTH = 0.5e-3, 1e-3  # m: problem 5's stretch of squid axon
GATE_V_MV, GATE_V_HALF_MV, GATE_SLOPE_MV = -60.0, -45.0, 5.0  # problem 6's gate
K_CURRENT_V = -0.060  # V: problem 7's membrane potential
N_INF_DIGITS = 4  # problem 7 gives n_inf to four decimals
E_K_DIGITS = 1  # and E_K in mV to one decimal
ESTIMATE_FACTOR = 3.0  # an order-of-magnitude estimate is right within a factor of 3
POTENTIAL_TOL = 0.2  # mV: a potential read from the explorer's readout

# The bullets of the chapter's "Learning objectives" admonition, word for word.
OBJECTIVES = {
    "filter": (
        "explain why a K⁺ channel passes K⁺ but not the smaller Na⁺, weighing the cost of "
        "shedding water against the energy of binding to the filter's oxygens;"
    ),
    "ratio": (
        "turn a free-energy difference into a selectivity ratio, exp(ΔΔG/RT), and compare "
        "it with the measured K⁺/Na⁺ selectivity of K⁺ channels;"
    ),
    "conductance": (
        "build a membrane conductance from single channels, g = N·P_open·γ, and tell "
        "permeability from conductance;"
    ),
    "gates": (
        "compute the open probability of a voltage gate, and the conductance and current "
        "that the resting tails of voltage-gated Na⁺ and K⁺ channels contribute;"
    ),
    "stability": (
        "find the rest points of a membrane's current-voltage curve, tell stable from "
        "unstable by the slope conductance, and predict what happens to rest as the K⁺ "
        "leak shrinks."
    ),
}

RT_BODY = GAS_CONSTANT * T_BODY / 1e3  # kJ/mol
RT_HYDRATION = GAS_CONSTANT * T_HYDRATION_DATA / 1e3  # kJ/mol
# The slip "T = 37 K": the Celsius number typed where kelvin belongs.
RT_CELSIUS = GAS_CONSTANT * kelvin_to_celsius(T_BODY) / 1e3  # kJ/mol
KJ_PER_KCAL = KCAL / 1e3
DDG_KJ = DDG_KCAL * KJ_PER_KCAL
LN10 = np.log(10.0)
G_K_MS = HH_G_K_MAX / MS_PER_CM2  # mS/cm^2
N_INF = hh_steady_state_gates(K_CURRENT_V)[2]  # problem 7's n_inf, exact
E_K_SQUID, E_NA_SQUID = (
    nernst_potential(SQUID.c_out[ion], SQUID.c_in[ion], 1, SQUID.T) for ion in ("K", "Na")
)

# Every rounded constant a learner copies into these problems, as printed: the chapter asserts
# that it prints these values, except the keys of STATED, which only the exercise statements
# give (a test checks that they do). The routes of each calculation read them by key.
ROUNDED = (
    Rounded("RT at 37 °C", RT_BODY, 2.579, "RT = 2.579 kJ/mol at 37 °C"),
    Rounded("kJ per kcal", KJ_PER_KCAL, 4.184, "1 kcal = 4.184 kJ"),
    Rounded(
        "RT ln 10 at 37 °C", RT_BODY * LN10, 5.94, "every 5.94 kJ/mol is another factor of ten"
    ),
    Rounded(
        "tenfold at k = 5 mV",
        GATE_SLOPE_MV * LN10,
        11.5,
        "tenfold for every 11.5 mV with k = 5 mV",
    ),
    Rounded(
        "E_K of the squid axon",
        E_K_SQUID * MV_PER_V,
        round(E_K_SQUID * MV_PER_V, E_K_DIGITS),
        f"E_K = {format_number(E_K_SQUID * MV_PER_V, E_K_DIGITS)} mV (squid axon, 20 °C)",
    ),
    Rounded("R", GAS_CONSTANT, 8.314, "R = 8.314 J/(mol K)"),
    Rounded("n_inf at −60 mV", N_INF, round(N_INF, N_INF_DIGITS), f"n_∞ = {N_INF:.4f} at −60 mV"),
)
STATED = ("R", "n_inf at −60 mV")  # printed by the exercise statements, not by the chapter
_BY_KEY = {item.key: item for item in ROUNDED}


def _selectivity_ratio():
    ratio = selectivity_ratio(DDG_KCAL * KCAL, T_BODY)
    exponent = DDG_KJ / RT_BODY
    return Problem(
        id="channels-selectivity-ratio",
        objective="ratio",
        symbol="K+ : Na+",
        quantity=f"the K+ over Na+ occupancy ratio for ΔΔG = {DDG_KCAL:g} kcal/mol at 37 degC",
        unit="",
        expected=ratio,
        abs_tol=0.0,
        explanation=(
            f"ΔΔG = {DDG_KCAL:g} kcal/mol = {DDG_KJ:.2f} kJ/mol and RT = {RT_BODY:.3f} kJ/mol "
            f"at 310.15 K, so ΔΔG/RT = {exponent:.2f} and the ratio is e^{exponent:.2f}. Every "
            f"{RT_BODY:.2f} kJ/mol of preference multiplies the ratio by e = 2.718: a "
            "preference of a few kcal/mol already gives a ratio of thousands."
        ),
        hint=(
            "Ratio = exp(ΔΔG/RT): convert ΔΔG to J/mol (1 kcal = 4.184 kJ) and use "
            "R = 8.314 J/(mol K) with T in kelvin."
        ),
        slips=(
            Slip(
                np.exp(DDG_KCAL / RT_BODY),
                f"Your ratio is far too small: it looks like {DDG_KCAL:g} kcal/mol was divided "
                f"by RT in kJ/mol. Convert first: 1 kcal = {KJ_PER_KCAL:.3f} kJ, so ΔΔG = "
                f"{DDG_KJ:.2f} kJ/mol.",
            ),
            Slip(
                np.exp(DDG_KJ / RT_HYDRATION),
                f"That is the ratio at 25 degC (RT = {RT_HYDRATION:.3f} kJ/mol). The question "
                f"asks for body temperature, 37 degC = 310.15 K, where RT = {RT_BODY:.3f} kJ/mol: "
                "warmer ions are less choosy, so the ratio is smaller.",
            ),
            Slip(
                np.exp(DDG_KJ / RT_CELSIUS),
                "An astronomically large ratio: it looks like you used T = 37 K. RT needs the "
                "absolute temperature, 310.15 K, not the Celsius number.",
            ),
            Slip(
                1 / ratio,
                "That is the inverse, Na+ over K+. ΔΔG is how much more Na+ pays, so the site "
                "holds K+ more: the ratio K+ : Na+ is larger than 1.",
            ),
            Slip(
                exponent,
                "That is ΔΔG/RT, the exponent. The ratio of occupancies is e to that power.",
            ),
            Slip(
                10**exponent,
                "It looks like you took 10 to the power ΔΔG/RT. A Boltzmann factor is e^(ΔΔG/RT); "
                "10^x goes with ΔΔG / (RT ln 10).",
            ),
        ),
        near_miss=near_miss_message(
            [_BY_KEY[key] for key in ("RT at 37 °C", "RT ln 10 at 37 °C", "R", "kJ per kcal")],
            "The ratio is an exponential, so a small error in ΔΔG/RT grows: keep four "
            "figures of RT.",
        ),
        routes=(
            lambda c: np.exp(DDG_KCAL * c["kJ per kcal"] / c["RT at 37 °C"]),
            lambda c: np.exp(DDG_KCAL * c["kJ per kcal"] * 1e3 / (c["R"] * T_BODY)),
            lambda c: 10 ** (DDG_KCAL * c["kJ per kcal"] / c["RT ln 10 at 37 °C"]),
        ),
    )


def _predict_na_site():
    shed = {ion: -HYDRATION_FREE_ENERGY[ion] / 1e3 for ion in ("K", "Na")}  # kJ/mol
    return ChoiceProblem(
        id="channels-predict-na-site",
        objective="filter",
        kind="predict",
        symbol="The ion a Na+-sized site prefers",
        quantity="which ion a site shrunk to the Na+ contact distance prefers",
        options=(
            Option(
                "a",
                "Na⁺: the oxygens now sit at the right distance for it, and K⁺ is squeezed.",
            ),
            Option(
                "b",
                "K⁺ still: selectivity comes from the chemistry of the carbonyl oxygens, not "
                "from the size of the site.",
                "The oxygens are the same in both sites; what changes is their distance. In the "
                "model, Na+ gains far more from the closer oxygens than it did in the K+ site, "
                "and K+, too big now, is pushed against them. Geometry decides.",
            ),
            Option(
                "c",
                "Neither: a narrower pore is a finer sieve, so both ions are kept out equally.",
                "A site is not a sieve: the smaller Na+ fits a smaller site better. Open the "
                "selectivity explorer, choose the Na+-sized site and read the transfer free "
                "energies: Na+ enters with a negative one.",
            ),
            Option(
                "d",
                "K⁺ still: K⁺ holds its water less tightly, so it always pays less to enter.",
                f"K+ does shed its water more cheaply ({shed['K']:.0f} against {shed['Na']:.0f} "
                "kJ/mol), but in a site "
                "sized for Na+ the oxygens repay Na+ far more than K+: the binding term wins.",
            ),
        ),
        answer="a",
        explanation=(
            "A site binds best the ion whose contact distance matches its oxygens. Sized for "
            "Na+, the site gives Na+ enough to repay its costly dehydration, while K+ is "
            "squeezed: the preference reverses. This is the snug-fit idea: selectivity by "
            "matching, not by sieving."
        ),
    )


def _concept_filter():
    shed = {ion: -hydration_free_energy(IONIC_RADIUS[ion]) / 1e3 for ion in ("Na", "K")}
    bind = {ion: -site_free_energy(IONIC_RADIUS[ion], K_SITE_RADIUS) / 1e3 for ion in shed}
    extra_shed, extra_bind = shed["Na"] - shed["K"], bind["Na"] - bind["K"]
    return ChoiceProblem(
        id="channels-concept-filter",
        objective="filter",
        kind="concept",
        symbol="Why Na+ stays out",
        quantity="why a K+ channel's filter keeps out the smaller Na+",
        options=(
            Option(
                "a",
                "Na⁺ is too big to fit through the filter.",
                "Misconception: 'Na+ is too big'. Na+ is the smaller ion: 0.95 against 1.33 "
                "angstrom (Pauling). A sieve would let it through; the filter is not a sieve.",
            ),
            Option(
                "b",
                "The filter's oxygens cannot bind Na⁺ at all.",
                f"Misconception: 'the filter ignores Na+'. In the model the K+ site binds Na+ "
                f"with {bind['Na']:.0f} kJ/mol, more than the {bind['K']:.0f} kJ/mol it gives "
                "K+. Binding alone would favour Na+.",
            ),
            Option(
                "c",
                f"Na⁺ holds its water about {extra_shed:.0f} kJ/mol more tightly than K⁺, and "
                f"the oxygens, spaced for K⁺, repay only about {extra_bind:.0f} kJ/mol of that.",
            ),
            Option(
                "d",
                "The filter carries negative charges that repel Na⁺.",
                "Misconception: 'charge sorts the cations'. Na+ and K+ carry the same charge, "
                "+1; any charge that repelled one would repel the other. The carbonyl oxygens "
                "attract both.",
            ),
        ),
        answer="c",
        explanation=(
            "Entering the filter trades the ion's water for the filter's oxygens. Na+, being "
            "small, is held tightly by water; the oxygens, fixed at the K+ distance, cannot "
            f"come close enough to repay it. The net cost, about {extra_shed - extra_bind:.0f} "
            "kJ/mol more for Na+, is what keeps it out."
        ),
    )


def _patch_conductance():
    g_ns = PATCH_CHANNELS * PATCH_P_OPEN * PATCH_GAMMA_PS / 1e3  # pS -> nS
    return Problem(
        id="channels-patch-conductance",
        objective="conductance",
        symbol="g",
        quantity=(
            f"the mean conductance of {PATCH_CHANNELS} channels of {PATCH_GAMMA_PS:g} pS, "
            f"each open with probability {PATCH_P_OPEN:g}"
        ),
        unit="nS",
        expected=g_ns,
        abs_tol=0.0,
        explanation=(
            f"On average N·P_open = {PATCH_CHANNELS * PATCH_P_OPEN:g} channels are open at any "
            f"moment, each conducting {PATCH_GAMMA_PS:g} pS: g = {g_ns * 1e3:g} pS = "
            f"{g_ns:g} nS. Conductances add because the channels sit side by side."
        ),
        hint="g = N × P_open × γ; then 1 nS = 1000 pS.",
        slips=(
            Slip(
                g_ns * 1e3,
                "That number is in pS. The question asks for nS: 1 nS = 1000 pS, so divide "
                "by 1000.",
            ),
            Slip(
                g_ns / PATCH_P_OPEN,
                "That is the conductance with every channel open, N·γ. Only a fraction "
                f"P_open = {PATCH_P_OPEN:g} is open on average: multiply by it.",
            ),
            Slip(
                g_ns * 100,
                f"Your answer is 100 times too large: P_open is a fraction, {PATCH_P_OPEN:g}, "
                f"not {PATCH_P_OPEN * 100:g} (a percentage).",
            ),
            Slip(
                g_ns * 1e-9,
                "That is in siemens. The question asks for nS: 1 nS = 1e-9 S.",
            ),
        ),
        routes=(lambda c: PATCH_CHANNELS * PATCH_P_OPEN * PATCH_GAMMA_PS / 1e3,),
    )


def _channel_count_estimate():
    per_m2 = HH_G_NA_MAX / (GAMMA_NA_PS * 1e-12)  # S/m^2 over S: channels per m^2
    area = np.pi * AXON_DIAMETER * AXON_LENGTH  # m^2, the cylinder's surface
    count = per_m2 * area
    g_ms = HH_G_NA_MAX / MS_PER_CM2  # mS/cm^2
    return Problem(
        id="channels-count-estimate",
        objective="conductance",
        kind="estimate",
        factor_tol=ESTIMATE_FACTOR,
        symbol="The number of Na+ channels",
        quantity=(
            f"the number of Na+ channels in {AXON_LENGTH * 1e3:g} mm of an axon "
            f"{AXON_DIAMETER * 1e3:g} mm across, with {g_ms:g} mS/cm² of {GAMMA_NA_PS:g} pS "
            "channels"
        ),
        unit="",
        expected=count,
        abs_tol=0.0,
        explanation=(
            f"The density is ḡ/γ = {HH_G_NA_MAX:g} S/m² / {GAMMA_NA_PS * 1e-12:g} S = "
            f"{format_scientific(per_m2)} per m² ({per_m2 * 1e-12:.0f} per µm²), and the "
            f"surface is π d L = {format_scientific(area, 3)} m², so there are about "
            f"{format_scientific(count, 1)} channels in this short stretch of axon."
        ),
        hint=(
            "N = (ḡ/γ) × area, with ḡ in S/m² (1 mS/cm² = 10 S/m²), γ in S (1 pS = 1e-12 S) "
            "and the membrane area of a cylinder, π × diameter × length, in m²."
        ),
        slips=(
            Slip(
                count * (AXON_DIAMETER / 4) / AXON_LENGTH,
                "Too few by the ratio of a cross-section to a surface: the channels sit in the "
                "membrane around the axon, area π d L, not in its cross-section π d²/4.",
            ),
            Slip(
                count * 1e-8,
                "A hundred million times too few: it looks like the density was per µm² but "
                "the area in cm². Put both in the same unit (1 cm² = 1e8 µm²).",
            ),
            Slip(
                count * 1e3,
                f"A thousand times too many: ḡ is {g_ms:g} millisiemens per cm², "
                f"{g_ms / 1e3:g} S/cm², not {g_ms:g} S/cm².",
            ),
            Slip(
                count * 1e-3,
                f"A thousand times too few: a single channel conducts {GAMMA_NA_PS:g} "
                f"picosiemens, {GAMMA_NA_PS * 1e-12:g} S, not {GAMMA_NA_PS:g} nS.",
            ),
        ),
    )


def _boltzmann():
    p = boltzmann_open_probability(
        GATE_V_MV / MV_PER_V, GATE_V_HALF_MV / MV_PER_V, GATE_SLOPE_MV / MV_PER_V
    )
    x = (GATE_V_MV - GATE_V_HALF_MV) / GATE_SLOPE_MV
    return Problem(
        id="channels-boltzmann",
        objective="gates",
        symbol="P_open",
        quantity=(
            f"the open probability at {GATE_V_MV:g} mV of a gate with V_half = "
            f"{GATE_V_HALF_MV:g} mV and k = {GATE_SLOPE_MV:g} mV"
        ),
        unit="",
        expected=p,
        abs_tol=0.0,
        explanation=(
            f"(V - V_half)/k = ({GATE_V_MV:g} - ({GATE_V_HALF_MV:g}))/{GATE_SLOPE_MV:g} = "
            f"{x:g}, so P = 1/(1 + e^{-x:g}). {abs(GATE_V_MV - GATE_V_HALF_MV):g} mV below half "
            f"activation the gate is open {100 * p:.2f} % of the time: small, but not zero."
        ),
        hint="P = 1 / (1 + exp(-(V - V_half)/k)); V - V_half is negative below half activation.",
        slips=(
            Slip(
                1 - p,
                "That is the probability of being shut, or the sign of V - V_half is flipped: "
                "below its half-activation voltage a gate that opens on depolarisation is "
                "mostly shut, so P must be below 0.5.",
            ),
            Slip(
                100 * p,
                "That looks like a percentage. Give the probability as a fraction between 0 and 1.",
            ),
            Slip(
                1 / (1 + 10 ** (-x)),
                "It looks like you used 10^x instead of e^x. The Boltzmann factor is "
                "exp(-(V - V_half)/k).",
            ),
            Slip(
                np.exp(x),
                f"That is the exponential tail, e^((V - V_half)/k) = e^{x:g}, the chapter's "
                "rule for voltages far below V_half (e-fold every k, tenfold every "
                f"{_BY_KEY['tenfold at k = 5 mV'].printed:g} mV). {abs(x):g} slope factors "
                f"below, the 1 in 1 + e^{-x:g} still counts: P = 1/(1 + e^{-x:g}) is "
                f"{100 * (1 - p / np.exp(x)):.0f} % smaller. The tail rule is good to 1 % only "
                "once V - V_half is below about -5k.",
            ),
        ),
        routes=(
            lambda c: 1 / (1 + np.exp(-x)),
            lambda c: 1 / (1 + 10 ** (-(GATE_V_MV - GATE_V_HALF_MV) / c["tenfold at k = 5 mV"])),
        ),
    )


def _resting_k_current():
    n_given = _BY_KEY["n_inf at −60 mV"].printed
    e_k_given = _BY_KEY["E_K of the squid axon"].printed  # mV
    current = membrane_currents(K_CURRENT_V, SQUID)["K gated"] / UA_PER_CM2  # uA/cm^2
    g_k = G_K_MS
    v_mv = K_CURRENT_V * MV_PER_V
    drive = (K_CURRENT_V - E_K_SQUID) * MV_PER_V  # mV
    return Problem(
        id="channels-resting-k-current",
        objective="gates",
        symbol="I_K",
        quantity=(
            "the current through the squid axon's voltage-gated K+ channels at "
            f"{K_CURRENT_V * MV_PER_V:g} mV"
        ),
        unit="µA/cm²",
        expected=current,
        abs_tol=0.0,
        explanation=(
            f"g_K = {g_k:g} × {n_given:g}^4 = {g_k * n_given**4:.3f} mS/cm², and the driving "
            f"force is V - E_K = {K_CURRENT_V * MV_PER_V:g} - ({e_k_given:g}) = {drive:.1f} mV, "
            f"so I_K = {current:.1f} µA/cm² outward (mS/cm² × mV = µA/cm²). Only "
            f"{100 * n_given**4:.1f} % of the K+ channels are open, yet their conductance is "
            f"{g_k * n_given**4 / (HH_G_LEAK / MS_PER_CM2):.1f} times the whole leak's "
            f"{HH_G_LEAK / MS_PER_CM2:g} mS/cm²."
        ),
        hint="I_K = ḡ_K n^4 (V - E_K); mS/cm² times mV gives µA/cm².",
        slips=(
            Slip(
                -current,
                f"Right size, wrong sign: the driving force is V - E_K, and "
                f"V = {K_CURRENT_V * MV_PER_V:g} mV lies above E_K, so K+ flows out: an outward "
                "current, positive by convention.",
            ),
            Slip(
                g_k * n_given * drive,
                "You used n, not n^4: a K+ channel opens only when all four of its gates are "
                "open, so the open probability is n^4.",
            ),
            Slip(
                g_k * drive,
                "That is the current with every K+ channel open. Only a fraction n^4 of them "
                "is: multiply by it.",
            ),
            Slip(
                current * 1e-3,
                "That is in mA/cm². mS/cm² times mV is µA/cm²: the question asks for µA/cm².",
            ),
            Slip(
                current * 1e-6,
                "That is in A/cm². mS/cm² times mV is µA/cm²: the question asks for µA/cm².",
            ),
        ),
        near_miss=near_miss_message(
            [_BY_KEY["n_inf at −60 mV"], _BY_KEY["E_K of the squid axon"]],
            "n enters to the fourth power: round it no further than the statement does.",
        ),
        routes=(lambda c: g_k * c["n_inf at −60 mV"] ** 4 * (v_mv - c["E_K of the squid axon"]),),
    )


def _concept_stability():
    return ChoiceProblem(
        id="channels-concept-stability",
        objective="stability",
        kind="concept",
        symbol="Stability of a rest point",
        quantity="whether a rest point where the I-V curve falls (dI/dV < 0) is stable",
        options=(
            Option(
                "a",
                "It is unstable: a small depolarisation makes the net current inward, which "
                "depolarises the membrane further.",
            ),
            Option(
                "b",
                "It is stable, because the net current there is zero.",
                "Misconception: 'no net current means a stable rest'. Zero current makes a rest "
                "point, but whether the membrane returns to it after a small push depends on "
                "the slope: with dI/dV < 0 a push up brings inward current, and V runs away.",
            ),
            Option(
                "c",
                "It is stable, because a negative slope conductance means inward current, "
                "which holds the cell at rest.",
                "Sign confusion: the slope is the change of current with voltage, not the "
                "current. C dV/dt = -I: after a push dV > 0, dI = (dI/dV) dV < 0 is inward and "
                "makes dV/dt > 0, so the push grows.",
            ),
            Option(
                "d",
                "It can be made stable by opening more channels of any kind, since more open "
                "channels always stabilise rest.",
                "Misconception: 'more open channels always make rest more stable'. Na+ channels "
                "that open with depolarisation add a negative slope: in the explorer, "
                "raising ḡ_Na lowers the slope at rest until the rest point disappears.",
            ),
        ),
        answer="a",
        explanation=(
            "C dV/dt = -I(V). Near a rest point I ≈ (dI/dV)(V - V0): with a positive slope "
            "the current opposes any push and V returns; with a negative slope it amplifies "
            "the push. Such an unstable rest point is a threshold."
        ),
    )


NO_K_CHANNELS = dataclasses.replace(SQUID, g_k_max=0.0)


def _explorer_no_k_channels():
    (rest,) = rest_points(NO_K_CHANNELS)
    (normal,) = rest_points(SQUID)
    return Problem(
        id="channels-explorer-no-k-channels",
        objective="stability",
        kind="explorer",
        symbol="V_rest without gated K+ channels",
        quantity="the resting potential of the squid membrane with ḡ_K = 0",
        unit="mV",
        expected=rest.v * MV_PER_V,
        abs_tol=POTENTIAL_TOL,
        explanation=(
            f"With no voltage-gated K+ channels the membrane rests at {rest.v * MV_PER_V:.1f} mV: "
            "the resting tail of the Na+ channels, no longer outweighed by the K+ tail, pulls "
            f"it far from {normal.v * MV_PER_V:.1f} mV. The leaks alone cannot hold rest near "
            "E_K against it. The K+ channels' tail is what keeps this axon's rest negative."
        ),
        hint=(
            "Run the rest explorer, keep the squid preset and drag 'K⁺ channels, ḡ_K' to 0; "
            "read the rest point from the line above the figure."
        ),
        slips=(
            Slip(
                normal.v * MV_PER_V,
                "That is the rest with the K+ channels in place. Set ḡ_K to zero and read the "
                "rest point again: it moves a long way.",
            ),
            Slip(
                E_NA_SQUID * MV_PER_V,
                "That is E_Na. The membrane does not reach it: the leaks still pull towards "
                "their own reversal potentials, and most Na+ channels inactivate when "
                "depolarised. Read the rest point from the explorer.",
            ),
        ),
    )


PROBLEMS = (
    _selectivity_ratio(),
    _predict_na_site(),
    _concept_filter(),
    _patch_conductance(),
    _channel_count_estimate(),
    _boltzmann(),
    _resting_k_current(),
    _concept_stability(),
    _explorer_no_k_channels(),
)
