"""The graded problems of the screening exercise notebook (``exercises/screening.ipynb``).

Every expected answer and every slip is computed here from :mod:`widgets.physics`
and the cited data of :mod:`widgets.data`; no answer is typed by hand. The givens
of a problem (a concentration, a temperature, a surface potential) are the module
constants below, and a test checks that the notebook states the same numbers.
``ROUNDED`` lists every rounded constant or rule of thumb the chapter prints that a
learner copies into these calculations; each calculation's ``routes`` are the hand
calculations a learner may make with them (see :mod:`widgets.grading.problem`).
"""

import numpy as np

from widgets.constants import (
    ELEMENTARY_CHARGE,
    FARADAY,
    GAS_CONSTANT,
    VACUUM_PERMITTIVITY,
    ZERO_CELSIUS,
    kelvin_to_celsius,
)
from widgets.data import get_fluid
from widgets.formatting import MV_PER_V
from widgets.grading.choice import ChoiceProblem, Option
from widgets.grading.problem import Problem, Rounded, Slip, near_miss_message
from widgets.physics import (
    boltzmann_concentration,
    debye_length,
    fluid_ionic_strength,
    ionic_strength,
    membrane_gouy_chapman,
    thermal_voltage,
    water_relative_permittivity,
)

NM = 1e-9  # m per nm

# Problem 1: physiological ionic strength at body temperature.
SALINE_MM = 150.0  # mM of a 1:1 salt
T_BODY = ZERO_CELSIUS + 37.0  # K
EPS_BODY = round(float(water_relative_permittivity(T_BODY)), 2)  # 74.15, as the notebook prints
# Problem 2: a dilute 1:1 salt at room temperature (fresh water, a dilute bath).
DILUTE_MM = 1.0  # mM
T_ROOM = ZERO_CELSIUS + 20.0  # K
EPS_ROOM = round(float(water_relative_permittivity(T_ROOM)), 2)  # 80.10
# Problem 4: a saline with calcium chloride.
MIX_NACL_MM, MIX_CACL2_MM = 100.0, 20.0
# Problem 5: the bath is diluted this many times.
DILUTION = 10.0
# Problem 6: a negative inner face and the cytosol's K+.
SURFACE_POTENTIAL_MV = -40.0
K_BULK_MM = 140.0
# Problem 7: capacitances per area, uF/cm^2, rounded as the chapter prints them.
MEMBRANE_UF_CM2 = 1.0
LAYER_UF_CM2 = 84.0
# Problem 9: the resting potential and the membrane's capacitance of the estimate.
REST_MV = -70.0
ESTIMATE_UF_CM2 = 1.0
ESTIMATE_FACTOR = 3.0  # an order-of-magnitude estimate is right within a factor of 3
# Problem 10: the explorer's pure-water bath and its fixed cytosol, V = REST_MV, no charge.
EXPLORER_FLUID, EXPLORER_CYTOSOL = "pure_water", "cytoplasm"

# The bullets of the chapter's "Learning objectives" admonition, word for word.
OBJECTIVES = {
    "screen": (
        "explain why mobile ions gather around any excess charge, and write the "
        "Poisson–Boltzmann equation and its linear (Debye–Hückel) form;"
    ),
    "debye": (
        "compute the ionic strength of a solution and its Debye length, and say how they "
        "depend on concentration, valence, temperature and permittivity;"
    ),
    "neutral": (
        "show with numbers that the bulk of the cytosol and of the bath is electroneutral, "
        "and that the separated charge lies within a few Debye lengths of the membrane;"
    ),
    "series": (
        "treat the two diffuse layers as capacitors in series with the membrane to find the "
        "share of the voltage across the membrane itself;"
    ),
    "surface": (
        "compute the surface potential of a charged membrane with the Grahame equation and "
        "the ion concentrations at its surface, and explain why it leaves the Nernst "
        "potentials unchanged."
    ),
}

V_T_BODY = float(thermal_voltage(T_BODY)) * MV_PER_V  # mV, RT/F at 37 degC


def _rule_nm(T, eps_r):
    """Return λ_D at I = 1 mol/L in nm: the chapter's rule is λ_D = this / √(I in mol/L)."""
    return float(debye_length(1000.0, T, eps_r)) / NM


# Every rounded constant or rule of thumb the chapter prints, as a learner would copy it (the
# chapter asserts that it prints these values; the routes of each calculation read them by key).
ROUNDED = (
    Rounded("ε0", VACUUM_PERMITTIVITY, 8.854e-12, "ε0 = 8.854 × 10⁻¹² F/m"),
    Rounded("R", GAS_CONSTANT, 8.314, "R = 8.314 J/(mol K)"),
    Rounded("F", FARADAY, 96485.0, "F = 96 485 C/mol"),
    Rounded("RT/F at 37 °C", V_T_BODY, 26.7, "RT/F = 26.7 mV at 37 °C"),
    Rounded(
        "Debye rule at 37 °C",
        _rule_nm(T_BODY, EPS_BODY),
        0.302,
        "λ_D = 0.302 nm / √(I in mol/L) at 37 °C",
    ),
    Rounded(
        "Debye rule at 20 °C",
        _rule_nm(T_ROOM, EPS_ROOM),
        0.305,
        "λ_D = 0.305 nm / √(I in mol/L) at 20 °C",
    ),
)
_BY_KEY = {item.key: item for item in ROUNDED}

LENGTH_TOL = 0.005  # nm
CONCENTRATION_TOL = 0.5  # mM
PERCENT_TOL = 0.1  # percentage points: the explorer shows one decimal
DEBYE_HINT = (
    "λ_D = sqrt(ε_r ε0 R T / (2 F² I)) with I in mol/m³ (1 mM = 1 mol/m³), T in kelvin, "
    "ε0 = 8.854e-12 F/m; the result is in metres (1 nm = 1e-9 m)."
)


def _debye_nm(ionic_mM, T, eps_r, factor=2.0):
    """λ_D in nm from the formula; ``factor`` (2 in the formula) mimics a slip."""
    return (
        np.sqrt(eps_r * VACUUM_PERMITTIVITY * GAS_CONSTANT * T / (factor * FARADAY**2 * ionic_mM))
        / NM
    )


def _debye_routes(ionic_mM, T, eps_r, at):
    """Return the hand routes to λ_D in nm: the formula with ε0, R, F (or RT/F), the rule."""
    routes = [
        lambda c: np.sqrt(eps_r * c["ε0"] * c["R"] * T / (2 * c["F"] ** 2 * ionic_mM)) / NM,
        lambda c: c[f"Debye rule at {at}"] / np.sqrt(ionic_mM / 1e3),
    ]
    if at == "37 °C":  # RT = F x RT/F, with the printed RT/F in volts
        routes.append(
            lambda c: (
                np.sqrt(eps_r * c["ε0"] * c["RT/F at 37 °C"] / MV_PER_V / (2 * c["F"] * ionic_mM))
                / NM
            )
        )
    return tuple(routes)


def _debye_near_miss(at):
    keys = ("ε0", "R", "F", f"Debye rule at {at}")
    return near_miss_message([_BY_KEY[key] for key in keys])


def _celsius_message(T, answer_change):
    t = kelvin_to_celsius(T)
    return (
        f"It looks like you used T = {t:g} K, the temperature in degrees Celsius. The thermal "
        f"energy RT needs the absolute temperature, T = {T:g} K; with {t:g} K {answer_change}."
    )


def _mM_as_M_message(I_mM):
    return (
        f"Your Debye length is about 32 (= √1000) times too long: it looks like you used "
        f"I = {I_mM / 1e3:g}, the ionic strength in mol/L, where SI units need mol/m³. "
        f"{I_mM:g} mM is {I_mM:g} mol/m³ (1 mol/L = 1000 mol/m³)."
    )


FACTOR_TWO = (
    "Your Debye length is √2 times too long: the 2 in 2F²I is missing. A 1:1 salt at "
    "concentration c puts 2c ions in the solution, cations and anions, and both screen; "
    "with the ionic strength I = ½ Σ c z² the formula reads λ_D = sqrt(ε RT / (2 F² I))."
)


def _debye_plasma():
    expected = float(debye_length(SALINE_MM, T_BODY, EPS_BODY)) / NM
    return Problem(
        id="screening-debye-plasma",
        objective="debye",
        symbol="λ_D",
        quantity=f"the Debye length at I = {SALINE_MM:g} mM and 37 °C",
        unit="nm",
        expected=expected,
        abs_tol=LENGTH_TOL,
        explanation=(
            "Under a nanometre: beyond a few Debye lengths from any charge the salt water "
            "of the body is neutral. This is the 0.78 nm of blood plasma and cytoplasm."
        ),
        hint=DEBYE_HINT,
        slips=(
            Slip(_debye_nm(SALINE_MM / 1e3, T_BODY, EPS_BODY), _mM_as_M_message(SALINE_MM)),
            Slip(
                _debye_nm(SALINE_MM, kelvin_to_celsius(T_BODY), EPS_BODY),
                _celsius_message(T_BODY, "λ_D comes out about 3 times too short"),
            ),
            Slip(_debye_nm(SALINE_MM, T_BODY, EPS_BODY, factor=1.0), FACTOR_TWO),
            Slip(
                _debye_nm(SALINE_MM, T_BODY, 1.0),
                f"Your Debye length is √{EPS_BODY:g} times too short: the relative "
                f"permittivity of water, ε_r = {EPS_BODY:g}, is missing. Water's dipoles "
                "weaken every field 74-fold, so the ions must gather over a longer distance.",
            ),
            Slip(
                expected * NM,
                "That is the Debye length in metres. The question asks for nanometres: "
                "multiply by 1e9.",
            ),
        ),
        near_miss=_debye_near_miss("37 °C"),
        routes=_debye_routes(SALINE_MM, T_BODY, EPS_BODY, "37 °C"),
    )


def _debye_dilute():
    expected = float(debye_length(DILUTE_MM, T_ROOM, EPS_ROOM)) / NM
    return Problem(
        id="screening-debye-dilute",
        objective="debye",
        symbol="λ_D",
        quantity=f"the Debye length of {DILUTE_MM:g} mM NaCl at 20 °C",
        unit="nm",
        expected=expected,
        abs_tol=LENGTH_TOL,
        explanation=(
            "About ten nanometres: a salt 150 times more dilute screens over a distance "
            "about √150 times longer, and a little more at 20 °C, where the larger "
            "permittivity of water outweighs the lower temperature. Fresh water screens "
            "over nanometres, body fluids over less than one."
        ),
        hint=DEBYE_HINT + f" At 20 °C, ε_r = {EPS_ROOM:g}.",
        slips=(
            Slip(_debye_nm(DILUTE_MM / 1e3, T_ROOM, EPS_ROOM), _mM_as_M_message(DILUTE_MM)),
            Slip(
                _debye_nm(DILUTE_MM, kelvin_to_celsius(T_ROOM), EPS_ROOM),
                _celsius_message(T_ROOM, "λ_D comes out about 4 times too short"),
            ),
            Slip(_debye_nm(DILUTE_MM, T_ROOM, EPS_ROOM, factor=1.0), FACTOR_TWO),
            Slip(
                float(debye_length(SALINE_MM, T_BODY, EPS_BODY)) / NM * SALINE_MM / DILUTE_MM,
                "That scales λ_D in proportion to 1/I, 150 times the answer of problem 1. "
                "λ_D goes as 1/√I: 150 times more dilute is only √150 times longer.",
            ),
        ),
        near_miss=_debye_near_miss("20 °C"),
        routes=_debye_routes(DILUTE_MM, T_ROOM, EPS_ROOM, "20 °C"),
    )


def _ratio():
    ratio = SALINE_MM / DILUTE_MM
    return Problem(
        id="screening-ratio",
        objective="debye",
        symbol="λ_D(1 mM) / λ_D(150 mM)",
        quantity="the ratio of the Debye lengths at 1 mM and at 150 mM, same temperature",
        unit="",
        expected=np.sqrt(ratio),
        abs_tol=0.01,
        explanation=(
            "λ_D ∝ 1/√I: the fewer ions, the farther the cloud must reach to gather the "
            "countercharge, but only as the square root, because both the ions' number and "
            "the field's pull on them change with distance."
        ),
        hint="Write λ_D = k/√I with the same k for both: the ratio is √(I₁₅₀ / I₁).",
        slips=(
            Slip(
                ratio,
                "That is the ratio of the ionic strengths. The Debye length goes as 1/√I, "
                "not 1/I: take the square root.",
            ),
            Slip(
                1 / np.sqrt(ratio),
                "Upside down: the dilute solution screens over the longer distance, so the "
                "ratio λ_D(1 mM)/λ_D(150 mM) is larger than 1.",
            ),
            Slip(
                1 / ratio,
                "Upside down and not square-rooted: λ_D ∝ 1/√I, so the dilute solution's "
                "Debye length is √150 times longer.",
            ),
        ),
        routes=(lambda c: np.sqrt(ratio),),
    )


def _ionic_mix():
    c_ions = [MIX_NACL_MM, MIX_CACL2_MM, MIX_NACL_MM + 2 * MIX_CACL2_MM]  # Na+, Ca2+, Cl-
    z = [1, 2, -1]
    expected = ionic_strength(c_ions, z)
    return Problem(
        id="screening-ionic-strength",
        objective="debye",
        symbol="I",
        quantity=(f"the ionic strength of {MIX_NACL_MM:g} mM NaCl plus {MIX_CACL2_MM:g} mM CaCl₂"),
        unit="mM",
        expected=expected,
        abs_tol=0.1,
        explanation=(
            "Each Ca²⁺ counts four times (z² = 4), and CaCl₂ brings two Cl⁻: 20 mM of it "
            "adds 60 mM of ionic strength, as much as 60 mM of NaCl would. Divalent ions "
            "screen far more than their concentration suggests."
        ),
        hint=(
            "List every ion with its concentration and valence: Na⁺, Ca²⁺ and Cl⁻ (from "
            "both salts). Then I = ½ Σ c_i z_i²."
        ),
        slips=(
            Slip(
                0.5 * float(np.sum(np.array(c_ions) * np.abs(z))),
                "It looks like z was not squared: Ca²⁺ counts z² = 4 times its "
                "concentration, not 2. The field a cloud exerts and the charge it gathers "
                "both grow with z, hence z².",
            ),
            Slip(
                2 * expected,
                "Twice too large: the ½ in I = ½ Σ c z² is missing. It makes I equal to c "
                "for a 1:1 salt.",
            ),
            Slip(
                MIX_NACL_MM + MIX_CACL2_MM,
                "That adds the salt concentrations. The ionic strength counts ions, each "
                "weighted by z²: I = ½ Σ c_i z_i².",
            ),
            Slip(
                0.5 * (2 * MIX_NACL_MM + 4 * MIX_CACL2_MM + MIX_CACL2_MM),
                f"It looks like CaCl₂ gave only one Cl⁻. Each formula unit releases two: "
                f"{MIX_CACL2_MM:g} mM CaCl₂ is {2 * MIX_CACL2_MM:g} mM of Cl⁻.",
            ),
        ),
        routes=(lambda c: 0.5 * sum(ci * zi**2 for ci, zi in zip(c_ions, z, strict=True)),),
    )


def _predict_dilution():
    factor = np.sqrt(DILUTION)
    return ChoiceProblem(
        id="screening-predict-dilution",
        objective="screen",
        kind="predict",
        symbol="The ion cloud after dilution",
        quantity=f"what diluting the bath {DILUTION:g}-fold does to the ion cloud at the membrane",
        options=(
            Option("a", f"it widens, about {factor:.1f}-fold"),
            Option(
                "b",
                f"it widens {DILUTION:g}-fold",
                "Wider, yes, but not in proportion. λ_D ∝ 1/√I: with fewer ions the cloud "
                "must reach farther, yet each extra nanometre of cloud also holds more ions "
                f"in a stronger field, so {DILUTION:g} times fewer ions need only "
                f"√{DILUTION:g} ≈ {factor:.1f} times more room.",
            ),
            Option(
                "c",
                "it narrows, because fewer ions make a thinner cloud",
                "The misconception 'fewer ions, thinner cloud'. The cloud must hold the same "
                "countercharge; with fewer ions per volume it has to spread over a larger "
                "distance, so it widens.",
            ),
            Option(
                "d",
                "its width stays the same; it only holds fewer ions",
                "The misconception that the membrane sets the cloud's width. The width is "
                "set by the salt: thermal motion spreads the ions, their attraction gathers "
                "them, and the balance is the Debye length, which grows as the salt falls.",
            ),
        ),
        answer="a",
        explanation=(
            f"The Debye length goes as 1/√I, so a {DILUTION:g}-fold dilution widens the "
            f"cloud √{DILUTION:g} ≈ {factor:.1f}-fold: at 15 mM it is about 2.5 nm deep."
        ),
    )


def _surface_potassium():
    psi = SURFACE_POTENTIAL_MV / MV_PER_V  # V
    v_t = float(thermal_voltage(T_BODY))
    expected = float(boltzmann_concentration(K_BULK_MM, 1, psi, T_BODY))
    return Problem(
        id="screening-surface-k",
        objective="surface",
        symbol="[K⁺] at the face",
        quantity=(
            f"[K⁺] at an inner face {SURFACE_POTENTIAL_MV:g} mV below the bulk cytosol "
            f"({K_BULK_MM:g} mM K⁺, 37 °C)"
        ),
        unit="mM",
        expected=expected,
        abs_tol=CONCENTRATION_TOL,
        explanation=(
            "The negative face draws K⁺ to it: the Boltzmann factor exp(−zFψ/RT) = "
            f"{expected / K_BULK_MM:.2f}. K⁺ there is in equilibrium with the bulk: its "
            "electrochemical potential is the same, the higher concentration exactly "
            "balancing the lower potential, which is why a surface potential does not "
            "change E_K."
        ),
        hint=(
            "c = c_bulk exp(−z F ψ / RT) with z = +1, ψ in volts (−0.040 V) and "
            "RT/F = 0.02673 V at 37 °C."
        ),
        slips=(
            Slip(
                K_BULK_MM * np.exp(psi / v_t),
                "The sign of the exponent is flipped: cations gather where the potential is "
                "low, so K⁺ is enriched at a negative face, c = c_bulk exp(−zFψ/RT) with "
                "ψ < 0 gives a factor larger than 1.",
            ),
            Slip(
                K_BULK_MM * np.exp(-psi / float(thermal_voltage(kelvin_to_celsius(T_BODY)))),
                _celsius_message(T_BODY, "the exponent comes out about 8 times too large"),
            ),
            Slip(
                K_BULK_MM * 10 ** (-psi / v_t),
                "It looks like you used 10^x with RT/F. RT/F goes with the natural "
                "exponential: c = c_bulk exp(−zFψ/RT).",
            ),
            Slip(
                K_BULK_MM * np.exp(-psi / (v_t * MV_PER_V)),
                "The units in the exponent are mixed (ψ in V, RT/F in mV), so the factor is "
                "almost 1. Put both in V (−0.040 V / 0.02673 V) or both in mV.",
            ),
        ),
        near_miss=near_miss_message([_BY_KEY[key] for key in ("RT/F at 37 °C", "R", "F")]),
        routes=(
            lambda c: K_BULK_MM * np.exp(-SURFACE_POTENTIAL_MV / c["RT/F at 37 °C"]),
            lambda c: K_BULK_MM * np.exp(-psi * c["F"] / (c["R"] * T_BODY)),
        ),
    )


def _shares_percent(c_membrane, layers):
    """Return the percentages of V across the membrane and each layer, capacitors in series.

    In series every capacitor carries the same charge Q, so each takes Q/C of the voltage.
    """
    inverse = [1 / c_membrane, *(1 / c for c in layers)]
    return [100 * x / sum(inverse) for x in inverse]


def _series_share():
    membrane, *layers = _shares_percent(MEMBRANE_UF_CM2, [LAYER_UF_CM2, LAYER_UF_CM2])
    expected = sum(layers)
    # The diffuse layers' share, not the membrane's: a learner who counts one layer gives about
    # half of it, far outside any rounding, while near 98 % the two answers differ by 1.2 %.
    one_layer = _shares_percent(MEMBRANE_UF_CM2, [LAYER_UF_CM2])[1]
    return Problem(
        id="screening-share",
        objective="series",
        symbol="The diffuse layers' share",
        quantity=(
            "the percentage of the voltage that drops across the two diffuse layers together, "
            "outside the membrane itself"
        ),
        unit="%",
        expected=expected,
        abs_tol=PERCENT_TOL,
        explanation=(
            "In series every capacitor carries the same charge Q, so each takes a voltage Q/C. "
            f"The diffuse layers, {LAYER_UF_CM2:g} times the membrane's capacitance, take "
            f"{layers[0]:.1f} % each, {expected:.1f} % together, and the membrane keeps "
            f"{membrane:.1f} %: salty fluids on both sides put nearly the whole voltage "
            "across the membrane."
        ),
        hint=(
            "In series: V_i = Q / C_i and 1/C = Σ 1/C_i, so a capacitor's share of the voltage "
            "is (1/C_i) / (1/C_m + 1/C_out + 1/C_in); add the shares of the two layers and "
            "give the result in percent."
        ),
        slips=(
            Slip(
                one_layer,
                "That is about half the answer: it counts one diffuse layer. There are two, one "
                "on each face: the bath's cation excess outside and the cytosol's anion excess "
                "inside. In series with the membrane their voltages add.",
            ),
            Slip(
                membrane,
                "That is the membrane's own share (or, if you gave the layers more voltage "
                "because their capacitance is larger, the voltages taken in proportion to C). "
                "In series each capacitor holds the same charge Q and takes Q/C: the membrane, "
                "the smallest capacitance, takes nearly all of V, and the two layers together "
                "only the rest, 100 % minus the membrane's share.",
            ),
            Slip(
                expected / 100,
                "That is the share as a fraction; the question asks for a percentage.",
            ),
        ),
        routes=(
            lambda c: 100 * (2 / LAYER_UF_CM2) / (1 / MEMBRANE_UF_CM2 + 2 / LAYER_UF_CM2),
            lambda c: 100 - 100 * (1 / MEMBRANE_UF_CM2) / (1 / MEMBRANE_UF_CM2 + 2 / LAYER_UF_CM2),
        ),
    )


def _concept_where():
    return ChoiceProblem(
        id="screening-concept-where",
        objective="neutral",
        kind="concept",
        symbol="Where the excess charge sits",
        quantity="where the excess negative charge of a resting neuron is",
        options=(
            Option(
                "a",
                "spread evenly through the cytoplasm, which is therefore negatively charged",
                "The misconception 'the cytoplasm is negatively charged'. Any net charge in "
                "the salt water draws a cloud of counter-ions within a Debye length, under a "
                "nanometre; a few nanometres from the membrane the cytoplasm is neutral to "
                "better than a part in ten thousand.",
            ),
            Option(
                "b",
                "in a layer about a nanometre thick at the inner face of the membrane",
            ),
            Option(
                "c",
                "inside the lipid core of the membrane",
                "The core holds no ions: it is the insulator between the two charged "
                "layers, and the field, not the charge, sits inside it.",
            ),
            Option(
                "d",
                "nowhere: the cell is neutral, so there is no excess charge at all",
                "The cell as a whole is neutral, but a voltage needs separated charge: "
                "about 4 000 elementary charges per µm² at −70 mV, negative at the inner "
                "face, positive at the outer face.",
            ),
        ),
        answer="b",
        explanation=(
            "The excess anions of the cytosol sit within about a Debye length (0.78 nm) of "
            "the inner face, balanced by excess cations on the outer face; the charge left "
            "beyond n Debye lengths falls as e^−n."
        ),
    )


def _charges_estimate():
    c_m = ESTIMATE_UF_CM2 * 1e-2  # F/m^2
    per_um2 = c_m * abs(REST_MV) / MV_PER_V / ELEMENTARY_CHARGE * 1e-12
    return Problem(
        id="screening-estimate-charges",
        objective="neutral",
        kind="estimate",
        factor_tol=ESTIMATE_FACTOR,
        symbol="Excess charges per µm²",
        quantity=(f"the number of excess elementary charges per µm² on one face at {REST_MV:g} mV"),
        unit="",
        expected=per_um2,
        abs_tol=0.0,
        explanation=(
            f"σ = C_m |V| = {c_m:g} F/m² × {abs(REST_MV) / MV_PER_V:g} V = "
            f"{c_m * abs(REST_MV) / MV_PER_V:.1e} C/m², or about {per_um2:,.0f} elementary "
            "charges per µm²: one per 230 nm², among some 140 000 ions per µm² within a "
            "Debye length of the face. A few percent extra is all it takes."
        ),
        hint=(
            "σ = C_m |V| in C/m² with C_m = 1 µF/cm² = 0.01 F/m²; divide by e = 1.6e-19 C "
            "for charges per m², and by 1e12 for charges per µm²."
        ),
        slips=(
            Slip(
                per_um2 * MV_PER_V,
                "A thousand times too many: the voltage must be in volts (0.07 V).",
            ),
            Slip(per_um2 * 1e12, "That is per m²; a µm² is 1e-12 m²."),
            Slip(per_um2 * 1e-6, "That is per nm²; a µm² is a million nm²."),
            Slip(
                per_um2 * 1e-4,
                "Ten thousand times too few: 1 µF/cm² is 0.01 F/m² (1e-6 F per 1e-4 m²), "
                "not 1e-6 F/m².",
            ),
        ),
    )


def _explorer_pure_water():
    T = get_fluid(EXPLORER_FLUID).T  # the explorer takes the fluid's temperature
    solution = membrane_gouy_chapman(
        REST_MV / MV_PER_V,
        fluid_ionic_strength(EXPLORER_FLUID),
        fluid_ionic_strength(EXPLORER_CYTOSOL),
        eps_water=water_relative_permittivity(T),
        T=T,
    )
    share = 100 * solution.membrane_voltage / solution.v
    return Problem(
        id="screening-explorer-pure-water",
        objective="series",
        kind="explorer",
        symbol="The membrane's share in pure water",
        quantity="the percentage of the voltage across the membrane with a pure-water bath",
        unit="%",
        expected=share,
        abs_tol=PERCENT_TOL,
        explanation=(
            "In pure water the bath's diffuse layer is about a micrometre deep and its "
            "capacitance tiny, so it takes most of the voltage: the membrane keeps less "
            "than a tenth. A cell's voltage sits across its membrane only because body "
            "fluids are salty."
        ),
        hint=(
            "Choose 'Pure water' as the bath fluid, keep V = −70 mV and both face charges "
            "at 0, and read the percentage in the readout."
        ),
        slips=(
            Slip(
                100 - share,
                "That is the share of the diffuse layers, mostly the bath's. The question "
                "asks for the membrane's own share.",
            ),
            Slip(share / 100, "That is a fraction; give the share as a percentage."),
        ),
    )


PROBLEMS = (
    _debye_plasma(),
    _debye_dilute(),
    _ratio(),
    _ionic_mix(),
    _predict_dilution(),
    _surface_potassium(),
    _series_share(),
    _concept_where(),
    _charges_estimate(),
    _explorer_pure_water(),
)
