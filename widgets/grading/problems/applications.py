"""The graded problems of the applications exercise notebook (``exercises/applications.ipynb``).

Every expected answer and every slip is computed here from :mod:`widgets.physics` and the
cited presets; no answer is typed by hand. The givens of each problem are the module
constants below, and a test checks that the notebook states the same numbers.
``ROUNDED`` lists every rounded constant the chapter prints; each calculation's ``routes``
are the hand calculations a learner may make with them (see :mod:`widgets.grading.problem`).
"""

import numpy as np

from widgets.constants import ZERO_CELSIUS, concentration_to_ph
from widgets.data import IONS, get_preset
from widgets.figures.applications import RUN_MINUTES, RUN_POINTS, RUN_RTOL
from widgets.formatting import MV_PER_V
from widgets.grading.choice import ChoiceProblem, Option
from widgets.grading.problem import Problem, Rounded, Slip, near_miss_message
from widgets.physics import (
    cardiac_sodium_availability,
    conduction_margin,
    depolarisation_time,
    equilibrium_ratio,
    ghk_rest,
    ghk_voltage,
    ions_to_charge,
    nernst_potential,
    nernst_slope,
    proton_motive_force,
    simulate_intervention,
    thermal_voltage,
)
from widgets.physics.rundown import DEPOLARISED_LEVEL

HEART_K_OUT = 8.0  # mM: problem 2's plasma K+
EXPLORER_PUMP = 0.25  # problem 4: the pump at a quarter of its capacity
EXPOSED_K = 2.0  # problem 5: exposed K+ channels add 2 x P_K
# Problem 6: a demyelinated stretch charged by a spike (illustrative geometry).
AXON_DIAMETER_UM, STRETCH_UM, SPIKE_MV, CAPACITANCE_UF_CM2 = 1.0, 100.0, 100.0, 1.0
ESTIMATE_FACTOR = 3.0  # an order-of-magnitude estimate is right within a factor of 3
T_COLI_C, T_PLANT_C = 37.0, 25.0  # degC
POTENTIAL_TOL = 0.2  # mV
TIME_TOL = 0.1  # min: the explorer's readout shows one decimal

# The bullets of the chapter's "Learning objectives" admonition, word for word.
OBJECTIVES = {
    "spark": (
        "say how far a resting neuron sits from its firing threshold and why losing K⁺ leak "
        "channels can bring it there;"
    ),
    "hyperkalaemia": (
        "compute the resting potential of heart muscle at a given plasma K⁺ with the GHK "
        "equation, and explain why a few millimolar more K⁺ inactivate Na⁺ channels and can stop "
        "the heart;"
    ),
    "ischaemia": (
        "trace the chain from ATP loss to pump failure, rundown, anoxic depolarisation and "
        "swelling, and compare the pump-leak model's time course with measured times;"
    ),
    "demyelination": (
        "compute what exposed K⁺ channels do to an axon's rest and to the current left to excite "
        "the next node, and explain why a K⁺ channel blocker helps and why demyelinated axons run "
        "short of energy;"
    ),
    "protons": (
        "compute the proton-motive force and its two parts, the H⁺ Nernst potential of a pH "
        "gradient, and the K⁺ accumulation a plant cell's potential can sustain."
    ),
}

NEURON = get_preset("mammalian_neuron")
HEART = get_preset("cardiac_myocyte")
PLANT = get_preset("plant_root_cell")
COLI = get_preset("e_coli")
LEAK_IONS = ("K", "Na", "Cl")
HK_RATIOS = get_preset("squid_axon").permeability  # Hodgkin and Katz: 1 : 0.04 : 0.45
T_COLI, T_PLANT = ZERO_CELSIUS + T_COLI_C, ZERO_CELSIUS + T_PLANT_C


def _mv(volts):
    return volts * MV_PER_V


LN10 = np.log(10.0)
# The worked example of the chapter: heart muscle at HEART_K_OUT, K+ and Na+ only.
R_NA_K = HEART.permeability["Na"] / HEART.permeability["K"]
HEART_RATIO = (HEART_K_OUT + R_NA_K * HEART.c_out["Na"]) / (
    HEART.c_in["K"] + R_NA_K * HEART.c_in["Na"]
)

# Every rounded constant the chapter prints, as a learner would copy it (a test grades the
# answers computed with each of them, and the chapter asserts that it prints these values).
ROUNDED = (
    Rounded("RT/F at 37 °C", _mv(thermal_voltage(HEART.T)), 26.73, "RT/F = 26.73 mV at 37 °C"),
    Rounded("RT/F at 25 °C", _mv(thermal_voltage(T_PLANT)), 25.69, "RT/F = 25.69 mV at 25 °C"),
    Rounded("ln 10", LN10, 2.303, "ln 10 = 2.303"),
    Rounded(
        "pH unit at 37 °C",
        _mv(nernst_slope(T_COLI)),
        61.54,
        "RT ln 10/F = 61.54 mV per pH unit at 37 °C",
    ),
    Rounded("pH unit at 25 °C", _mv(nernst_slope(T_PLANT)), 59.2, "59.2 mV per pH unit at 25 °C"),
    Rounded("heart ratio", HEART_RATIO, 0.0648, "the ratio 0.0648 of the worked example"),
    Rounded("ln heart ratio", np.log(HEART_RATIO), -2.737, "ln(0.0648) = −2.737"),
)
_BY_KEY = {item.key: item for item in ROUNDED}


def _near_miss(*keys):
    """Return near-miss feedback quoting the chapter's roundings named by ``keys``."""
    return near_miss_message([_BY_KEY[key] for key in keys])


def _ghk_routes(top, bottom):
    """Return the hand routes to V = (RT/F) ln(top/bottom) in mV at 37 degC: ln, or log10."""
    return (
        lambda c: c["RT/F at 37 °C"] * np.log(top / bottom),
        lambda c: c["RT/F at 37 °C"] * c["ln 10"] * np.log10(top / bottom),
    )


def _leak_rest(p_k_factor):
    """Return the leak-only neuron's GHK rest in V, with P_K scaled by ``p_k_factor``."""
    return ghk_voltage(
        [p_k_factor * HK_RATIOS["K"], HK_RATIOS["Na"], HK_RATIOS["Cl"]],
        [NEURON.c_out[i] for i in LEAK_IONS],
        [NEURON.c_in[i] for i in LEAK_IONS],
        [IONS[i].z for i in LEAK_IONS],
        NEURON.T,
    )


def _predict_leak_loss():
    before, after = _leak_rest(1.0), _leak_rest(0.5)
    e_k = nernst_potential(NEURON.c_out["K"], NEURON.c_in["K"], 1, NEURON.T)
    return ChoiceProblem(
        id="applications-predict-leak-loss",
        objective="spark",
        kind="predict",
        symbol="Where rest moves",
        quantity="what halving a neuron's K⁺ leak does to its resting potential",
        options=(
            Option("a", "It moves up, towards threshold: the inside becomes less negative."),
            Option(
                "b",
                "It moves down: fewer K⁺ channels let less K⁺ out, so the inside becomes more "
                "negative.",
                "Less K+ leaving does not make the inside more negative: K+ leaving is what makes "
                "it negative. With a smaller K+ permeability the Na+ leak's pull towards E_Na "
                f"weighs more, and V rises from {_mv(before):.1f} to {_mv(after):.1f} mV.",
            ),
            Option(
                "c",
                "It stays put: E_K depends on the K⁺ concentrations, and those have not changed.",
                f"E_K does stay at {_mv(e_k):.1f} mV, but the resting potential is not E_K: it is "
                "a permeability-weighted compromise between the ions (GHK). Halving P_K moves "
                f"it from {_mv(before):.1f} to {_mv(after):.1f} mV.",
            ),
            Option(
                "d",
                "It jumps to E_Na at once: the K⁺ leak was all that held it down.",
                "Half the K+ leak is still there, and so is the Cl- leak: the GHK compromise "
                f"shifts, from {_mv(before):.1f} to {_mv(after):.1f} mV, far from E_Na.",
            ),
        ),
        answer="a",
        explanation=(
            f"With half the K+ leak, the leak-only neuron rests at {_mv(after):.1f} mV instead of "
            f"{_mv(before):.1f} mV: closer to threshold. The K+ leak is what holds rest near E_K; "
            "lose it and the Na+ leak pulls V up."
        ),
    )


def _heart_rest():
    v = ghk_rest("cardiac_myocyte", HEART_K_OUT)
    e_k = nernst_potential(HEART_K_OUT, HEART.c_in["K"], 1, HEART.T)
    r, ratio = R_NA_K, HEART_RATIO
    k_in, na_out, na_in = HEART.c_in["K"], HEART.c_out["Na"], HEART.c_in["Na"]
    v_t = thermal_voltage(HEART.T)
    celsius = thermal_voltage(HEART.T - ZERO_CELSIUS)
    return Problem(
        id="applications-heart-rest",
        objective="hyperkalaemia",
        symbol="V",
        quantity=f"the resting potential of the model heart cell at {HEART_K_OUT:g} mM plasma K+",
        unit="mV",
        expected=_mv(v),
        abs_tol=POTENTIAL_TOL,
        explanation=(
            f"V = (RT/F) ln[({HEART_K_OUT:g} + {r:g} × {na_out:g})/({k_in:g} + {r:g} × "
            f"{na_in:g})] = "
            f"{_mv(v_t):.2f} mV × ln({ratio:.4f}) = {_mv(v):.1f} mV. The cell is depolarised by "
            "the raised K+ and now keeps only "
            f"{100 * cardiac_sodium_availability(v):.0f} % of its Na+ channels ready: this is "
            "severe hyperkalaemia."
        ),
        hint=(
            f"Use the GHK equation with K+ and Na+ only, P_Na/P_K = {r:g}: "
            f"V = (RT/F) ln[([K]o + {r:g} [Na]o)/([K]i + {r:g} [Na]i)], T = 310.15 K."
        ),
        slips=(
            Slip(
                _mv(e_k),
                f"That is E_K, the Nernst potential of K+ alone ({_mv(e_k):.1f} mV). The question "
                "asks for the resting potential: the small Na+ leak (P_Na/P_K = 0.01) holds V a "
                "few millivolts above E_K. Put both ions into the GHK equation.",
            ),
            Slip(
                -_mv(v),
                "Right size, wrong sign. Inside is negative at rest: with more K+ inside than out "
                "the logarithm is of a number below 1, so V < 0.",
            ),
            Slip(
                _mv(v_t * np.log10(ratio)),
                "It looks like you took log10 where the equation has ln. Either use ln with RT/F, "
                f"or multiply log10 by 2.303 RT/F = {_mv(nernst_slope(HEART.T)):.2f} mV.",
            ),
            Slip(
                _mv(celsius * np.log(ratio)),
                "Your answer is far too small: it looks like T = 37 was used. RT/F needs the "
                "absolute temperature, 310.15 K.",
            ),
        ),
        near_miss=_near_miss("RT/F at 37 °C", "heart ratio", "ln heart ratio"),
        routes=(
            *_ghk_routes(ratio, 1.0),
            lambda c: c["RT/F at 37 °C"] * np.log(c["heart ratio"]),
            lambda c: c["RT/F at 37 °C"] * c["ln heart ratio"],
        ),
    )


def _concept_hyperkalaemia():
    v4, v8 = (ghk_rest("cardiac_myocyte", k) for k in (4.0, HEART_K_OUT))
    a4, a8 = (100 * cardiac_sodium_availability(v) for v in (v4, v8))
    return ChoiceProblem(
        id="applications-concept-hyperkalaemia",
        objective="hyperkalaemia",
        kind="concept",
        symbol="Why severe hyperkalaemia can stop the heart",
        quantity="why a raised plasma K+ can stop the heart",
        options=(
            Option(
                "a",
                "Extra K⁺ outside makes the inside more negative, so the cells can no longer "
                "reach threshold.",
                "Misconception: 'more K+ outside hyperpolarises'. It depolarises: a smaller K+ "
                f"gradient pushes less K+ out. From 4 to {HEART_K_OUT:g} mM the model cell goes "
                f"from {_mv(v4):.1f} to {_mv(v8):.1f} mV.",
            ),
            Option(
                "b",
                "The cells depolarise, their Na⁺ channels inactivate, and each beat's upstroke "
                "and its spread from cell to cell weaken until conduction fails.",
            ),
            Option(
                "c",
                "K⁺ floods into the cells and makes them fire all the time, so the heart cramps.",
                "Misconception: 'K+ rushes in and overexcites'. K+ still flows out at rest, only "
                "less strongly; the depolarisation does not keep the cells firing, it inactivates "
                f"their Na+ channels: {a4:.0f} % are available at 4 mM, {a8:.0f} % at "
                f"{HEART_K_OUT:g} mM.",
            ),
            Option(
                "d",
                "Raised K⁺ poisons the Na⁺/K⁺ pump, which then stops.",
                "Misconception: 'hyperkalaemia stops the pump'. External K+ activates the pump "
                "(it is one of its substrates). The danger is electrical: depolarisation and Na+ "
                "channel inactivation.",
            ),
        ),
        answer="b",
        explanation=(
            f"At {HEART_K_OUT:g} mM the model cell rests at {_mv(v8):.1f} mV with {a8:.0f} % of "
            "its Na+ channels available. Fewer channels mean a weaker, slower upstroke, slower "
            "conduction and finally none: the heart stops in diastole."
        ),
    )


def _explorer_pump():
    t_eval = np.linspace(0.0, RUN_MINUTES * 60.0, RUN_POINTS)
    runs = {
        f: simulate_intervention(
            pump_fraction=f, duration=RUN_MINUTES * 60.0, t_eval=t_eval, rtol=RUN_RTOL
        )
        for f in (EXPLORER_PUMP, 0.0)
    }
    minutes = {f: depolarisation_time(r.t, r.v) / 60 for f, r in runs.items()}
    level = _mv(DEPOLARISED_LEVEL)
    return Problem(
        id="applications-explorer-pump",
        objective="ischaemia",
        kind="explorer",
        symbol="t",
        quantity=(
            f"the time at which the neuron's V passes {level:.0f} mV with its pump at "
            f"{100 * EXPLORER_PUMP:.0f} %"
        ),
        unit="min",
        expected=minutes[EXPLORER_PUMP],
        abs_tol=TIME_TOL,
        explanation=(
            f"With a quarter of its pump the soma passes {level:.0f} mV after "
            f"{minutes[EXPLORER_PUMP]:.1f} min, against {minutes[0.0]:.1f} min with none. Even "
            "a failing pump buys time; in the brain, K+ piling up outside the cells and channels "
            "that open make the real collapse a matter of minutes."
        ),
        hint=(
            "Run the scenario explorer, choose the neuron and the scenario 'Ischaemia: pump at "
            "a quarter', and read the time in the explorer's readout."
        ),
        slips=(
            Slip(
                minutes[0.0],
                "That is the time with the pump stopped completely. Set the pump capacity to "
                f"{100 * EXPLORER_PUMP:.0f} % and read again: a quarter of a pump slows the "
                "rundown a lot.",
            ),
            Slip(
                minutes[EXPLORER_PUMP] * 60,
                "That number is in seconds. The question asks for minutes: divide by 60.",
            ),
        ),
    )


def _exposed_rest():
    margin = conduction_margin(EXPOSED_K)
    intact = conduction_margin()
    e_k = nernst_potential(NEURON.c_out["K"], NEURON.c_in["K"], 1, NEURON.T)
    one_extra = _leak_rest(1.0 + EXPOSED_K / 2)
    no_chloride = ghk_voltage(
        [1.0 + EXPOSED_K, HK_RATIOS["Na"]],
        [NEURON.c_out[i] for i in ("K", "Na")],
        [NEURON.c_in[i] for i in ("K", "Na")],
        [1, 1],
        NEURON.T,
    )
    p = [1.0 + EXPOSED_K, HK_RATIOS["Na"], HK_RATIOS["Cl"]]
    top = p[0] * NEURON.c_out["K"] + p[1] * NEURON.c_out["Na"] + p[2] * NEURON.c_in["Cl"]
    bottom = p[0] * NEURON.c_in["K"] + p[1] * NEURON.c_in["Na"] + p[2] * NEURON.c_out["Cl"]
    return Problem(
        id="applications-exposed-rest",
        objective="demyelination",
        symbol="V",
        quantity=(
            f"the resting potential of a node whose exposed K+ channels add {EXPOSED_K:g} × P_K"
        ),
        unit="mV",
        expected=_mv(margin.v_rest),
        abs_tol=POTENTIAL_TOL,
        explanation=(
            f"P_K : P_Na : P_Cl becomes {1 + EXPOSED_K:g} : 0.04 : 0.45, and the GHK voltage "
            f"falls from {_mv(intact.v_rest):.1f} to {_mv(margin.v_rest):.1f} mV, towards E_K = "
            f"{_mv(e_k):.1f} mV. The node now rests further from threshold, and the exposed "
            "channels drain current whenever it is depolarised."
        ),
        hint=(
            "GHK with K+, Na+ and Cl-: V = (RT/F) ln[(P_K[K]o + P_Na[Na]o + P_Cl[Cl]i)/(P_K[K]i "
            "+ P_Na[Na]i + P_Cl[Cl]o)], with P_K = 1 + the exposed share."
        ),
        slips=(
            Slip(
                _mv(e_k),
                "That is E_K. Even with three times the K+ permeability the Na+ and Cl- leaks "
                "still pull: use the GHK equation.",
            ),
            Slip(
                _mv(intact.v_rest),
                "That is the intact node's rest. The exposed channels add to P_K: "
                f"P_K = 1 + {EXPOSED_K:g} = {1 + EXPOSED_K:g} in units of the node's own.",
            ),
            Slip(
                _mv(one_extra),
                f"It looks like P_K went up by {EXPOSED_K / 2:g} instead of {EXPOSED_K:g}. The "
                f"exposed channels add {EXPOSED_K:g} × P_K to the node's 1 × P_K.",
            ),
            Slip(
                _mv(no_chloride),
                "You left out Cl-. Its leak is 0.45 of the node's P_K and enters the GHK "
                "equation with inside and outside swapped (an anion): [Cl]i on top, [Cl]o below.",
            ),
        ),
        near_miss=_near_miss("RT/F at 37 °C"),
        routes=_ghk_routes(top, bottom),
    )


def _sodium_estimate():
    area = np.pi * AXON_DIAMETER_UM * 1e-6 * STRETCH_UM * 1e-6  # m^2
    count = ions_to_charge(SPIKE_MV / MV_PER_V, area, 1, CAPACITANCE_UF_CM2 * 1e-2)
    return Problem(
        id="applications-sodium-estimate",
        objective="demyelination",
        kind="estimate",
        factor_tol=ESTIMATE_FACTOR,
        symbol="Na+ ions per spike",
        quantity=(
            f"the least number of Na+ ions that charge {STRETCH_UM:g} µm of bare axon, "
            f"{AXON_DIAMETER_UM:g} µm across, by {SPIKE_MV:g} mV"
        ),
        unit="",
        expected=count,
        abs_tol=0.0,
        explanation=(
            f"The side of the cylinder is π × {AXON_DIAMETER_UM:g} µm × {STRETCH_UM:g} µm ≈ "
            f"{area * 1e12:.0f} µm² = {area:.2e} m²; with C_m = 0.01 F/m² the charge is "
            f"C A ΔV = {CAPACITANCE_UF_CM2 * 1e-2 * area * SPIKE_MV / MV_PER_V:.2e} C, or "
            f"{count:.1e} ions of charge e. A node 1 µm long would need {STRETCH_UM:g} times "
            "fewer: that is the extra Na+ the pump must throw out when conduction runs "
            "continuously."
        ),
        hint=(
            "N = C_m A ΔV / e with C_m = 1 µF/cm² = 0.01 F/m², A = π d L in m², ΔV in V and "
            "e = 1.6 × 10⁻¹⁹ C."
        ),
        slips=(
            Slip(
                count * 1e4,
                "Ten thousand times too many: 1 µF/cm² is 0.01 F/m², not 100 F/m² (1 cm² = "
                "10⁻⁴ m²).",
            ),
            Slip(
                count * 1e3,
                "A thousand times too many: use ΔV in volts, 0.1 V, not 100.",
            ),
            Slip(
                count / STRETCH_UM,
                f"That is the charge for 1 µm of axon, a node. The stretch is {STRETCH_UM:g} µm "
                "long.",
            ),
        ),
    )


def _proton_motive_force():
    ph_in, ph_out = (concentration_to_ph(COLI.c_in["H"]), concentration_to_ph(COLI.c_out["H"]))
    dph = ph_in - ph_out
    dp = proton_motive_force(COLI.v_rest, dph, T_COLI)
    z = nernst_slope(T_COLI)
    z_celsius = nernst_slope(T_COLI_C)
    psi = _mv(COLI.v_rest)
    return Problem(
        id="applications-pmf",
        objective="protons",
        symbol="Δp",
        quantity=(
            f"the proton-motive force of E. coli with Δψ = {_mv(COLI.v_rest):.0f} mV, pH "
            f"{ph_in:.1f} inside and {ph_out:.1f} outside, at {T_COLI_C:g} degC"
        ),
        unit="mV",
        expected=_mv(dp),
        abs_tol=POTENTIAL_TOL,
        explanation=(
            f"Δp = Δψ − (2.303 RT/F) ΔpH = {_mv(COLI.v_rest):.0f} mV − {_mv(z):.2f} mV × "
            f"{dph:.1f} = {_mv(dp):.1f} mV. Both parts push protons in: the inside is negative "
            "and alkaline."
        ),
        hint="Δp = Δψ − (RT ln10/F)(pH_in − pH_out), with T in kelvin; answer in mV.",
        slips=(
            Slip(
                _mv(COLI.v_rest + z * dph),
                "The sign of the pH term is flipped. With ΔpH = pH_in − pH_out > 0 (alkaline "
                "inside), the term −(2.303 RT/F) ΔpH is negative: it adds to Δψ, as both push "
                "protons in.",
            ),
            Slip(
                _mv(COLI.v_rest - z / np.log(10) * dph),
                "You forgot the factor ln 10 = 2.303: a pH unit is a factor of 10 in [H+], worth "
                f"{_mv(z):.1f} mV at 37 degC, not RT/F = {_mv(z / np.log(10)):.1f} mV.",
            ),
            Slip(
                _mv(COLI.v_rest - z_celsius * dph),
                "The pH term is far too small: it looks like T = 37 was used. Use the absolute "
                "temperature, 310.15 K.",
            ),
            Slip(
                _mv(-z * dph),
                "That is the pH term alone. Δp adds the membrane potential Δψ to it.",
            ),
        ),
        near_miss=_near_miss("pH unit at 37 °C", "RT/F at 37 °C", "ln 10"),
        routes=(
            lambda c: psi - c["pH unit at 37 °C"] * dph,
            lambda c: psi - c["RT/F at 37 °C"] * c["ln 10"] * dph,
        ),
    )


def _proton_nernst():
    ph_out, ph_in = (concentration_to_ph(PLANT.c_out["H"]), concentration_to_ph(PLANT.c_in["H"]))
    e_h = nernst_potential(PLANT.c_out["H"], PLANT.c_in["H"], 1, T_PLANT)
    z = nernst_slope(T_PLANT)
    return Problem(
        id="applications-proton-nernst",
        objective="protons",
        symbol="E_H",
        quantity=(
            f"the Nernst potential of H+ with pH {ph_out:.1f} outside and {ph_in:.1f} inside at "
            f"{T_PLANT_C:g} degC"
        ),
        unit="mV",
        expected=_mv(e_h),
        abs_tol=POTENTIAL_TOL,
        explanation=(
            f"E_H = (RT ln10/F)(pH_in − pH_out) = {_mv(z):.1f} mV × {ph_in - ph_out:.1f} = "
            f"{_mv(e_h):+.1f} mV. Outside is more acidic, so only a positive inside would hold "
            f"protons back; at the plant cell's {_mv(PLANT.v_rest):.0f} mV both the gradient and "
            "the voltage push them in."
        ),
        hint=(
            "E = (RT/F) ln([H]o/[H]i) with [H] = 10^(−pH): ln of a ratio of powers of ten is "
            "ln 10 times the pH difference."
        ),
        slips=(
            Slip(
                -_mv(e_h),
                "Sign flipped: [H+] is higher outside (lower pH), so E_H = (RT/F) ln([H]o/[H]i) is "
                "positive. Check which side is more acidic.",
            ),
            Slip(
                _mv(z / np.log(10) * (ph_in - ph_out)),
                "You forgot ln 10 = 2.303: one pH unit is a tenfold ratio, worth "
                f"{_mv(z):.1f} mV at {T_PLANT_C:g} degC.",
            ),
            Slip(
                _mv(nernst_slope(ZERO_CELSIUS + 37.0) * (ph_in - ph_out)),
                f"That is the value at 37 degC. The plant cell is at {T_PLANT_C:g} degC, where a "
                f"pH unit is worth {_mv(z):.1f} mV.",
            ),
        ),
        near_miss=_near_miss("pH unit at 25 °C", "RT/F at 25 °C", "ln 10"),
        routes=(
            lambda c: c["pH unit at 25 °C"] * (ph_in - ph_out),
            lambda c: c["RT/F at 25 °C"] * c["ln 10"] * (ph_in - ph_out),
        ),
    )


def _plant_accumulation():
    ratio = equilibrium_ratio(PLANT.v_rest, 1, T_PLANT)
    c_in = PLANT.c_out["K"] * ratio
    v_t = nernst_slope(T_PLANT) / np.log(10)
    v = _mv(PLANT.v_rest)
    return Problem(
        id="applications-plant-accumulation",
        objective="protons",
        symbol="[K+]in",
        quantity=(
            f"the K+ concentration a plant cell at {_mv(PLANT.v_rest):.0f} mV can hold at "
            f"equilibrium with {PLANT.c_out['K']:g} mM outside, at {T_PLANT_C:g} degC"
        ),
        unit="mM",
        expected=c_in,
        abs_tol=0.0,
        explanation=(
            f"[K]i = [K]o e^(−FV/RT) = {PLANT.c_out['K']:g} mM × e^({-_mv(PLANT.v_rest):.0f}/"
            f"{_mv(v_t):.2f}) = {c_in:.1f} mM. The pea root holds {PLANT.c_in['K']:g} mM: its K+ "
            "accumulation is what the voltage alone sustains; the proton pump did the work by "
            "setting V."
        ),
        hint="Solve the Nernst equation for [K]i: [K]i/[K]o = e^(−zFV/RT), z = +1, T in kelvin.",
        slips=(
            Slip(
                PLANT.c_out["K"] / ratio,
                "Inside and outside are swapped: a negative inside attracts cations, so [K]i is "
                "larger than [K]o, not smaller.",
            ),
            Slip(
                PLANT.c_out["K"] * 10 ** (-PLANT.v_rest / v_t),
                "It looks like you raised 10, not e, to the power −FV/RT. With RT/F use e; with "
                "log10 use 59 mV per decade at 25 degC.",
            ),
            Slip(
                PLANT.c_out["K"] * equilibrium_ratio(PLANT.v_rest, 1, ZERO_CELSIUS + 37.0),
                f"That is the value at 37 degC. The plant cell is at {T_PLANT_C:g} degC: RT/F is "
                f"{_mv(v_t):.2f} mV.",
            ),
        ),
        near_miss=_near_miss("RT/F at 25 °C", "pH unit at 25 °C"),
        routes=(
            lambda c: PLANT.c_out["K"] * np.exp(-v / c["RT/F at 25 °C"]),
            lambda c: PLANT.c_out["K"] * 10 ** (-v / c["pH unit at 25 °C"]),
        ),
    )


PROBLEMS = (
    _predict_leak_loss(),
    _heart_rest(),
    _concept_hyperkalaemia(),
    _explorer_pump(),
    _exposed_rest(),
    _sodium_estimate(),
    _proton_motive_force(),
    _proton_nernst(),
    _plant_accumulation(),
)
