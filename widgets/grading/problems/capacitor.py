"""The graded problems of the capacitor exercise notebook (``exercises/capacitor.ipynb``).

Every expected answer and every slip is computed here from :mod:`widgets.physics`;
no answer is typed by hand. The givens of each problem (a thickness, a voltage, a
radius, a resistance) are the module constants below, and a test checks that the
notebook states the same numbers. ``ROUNDED`` lists every rounded constant the chapter
(and the notebook's hints) print; each problem's ``routes`` are the hand calculations a
learner may make with them (see :mod:`widgets.grading.problem`).
"""

import numpy as np

from widgets.constants import (
    AVOGADRO,
    BODY_TEMPERATURE,
    ELEMENTARY_CHARGE,
    GAS_CONSTANT,
    VACUUM_PERMITTIVITY,
)
from widgets.constants import kelvin_to_celsius as _celsius
from widgets.data.ions import get_preset
from widgets.grading.choice import ChoiceProblem, Option
from widgets.grading.problem import Problem, Rounded, Slip, near_miss_message
from widgets.physics import (
    born_transfer_energy,
    charged_ion_fraction,
    charging_time_constant,
    ions_to_charge,
    membrane_field,
    slab_thickness,
    specific_capacitance,
    sphere_area,
)
from widgets.physics.electrostatics import (
    AIR_BREAKDOWN_FIELD,
    MEASURED_NEURON_CAPACITANCE,
    MEMBRANE_CAPACITANCE,
)

NM = 1e-9  # m
UM = 1e-6  # m
UF_PER_CM2 = 1e-2  # F/m² in 1 µF/cm² (and C/m² in 1 µC/cm²)
KOHM_CM2 = 1e3 * 1e-4  # Ω m² in 1 kΩ cm²
MS = 1e-3  # s
MV_PER_M = 1e6  # V/m in 1 MV/m

# Problem 1: a slab of hydrocarbon.
SLAB_EPS = 2.0  # relative permittivity
SLAB_THICKNESS = 3e-9  # m
# Problem 2: the field across a bilayer at rest.
FIELD_V = -0.070  # V
FIELD_THICKNESS = 5e-9  # m
# Problem 3: the slab that matches the measured capacitance, found with the explorer.
MATCH_CAPACITANCE = 0.9 * UF_PER_CM2  # F/m² (Gentet et al. 2000)
MATCH_EPS = 2.0
MATCH_TOL_NM = 0.02  # two steps of the explorer's thickness slider
# Problems 5 to 7: a neuron's cell body.
CELL_C = 0.9 * UF_PER_CM2  # F/m²
CELL_V = -0.065  # V
CELL_DIAMETER = 20e-6  # m
CELL_RADIUS = CELL_DIAMETER / 2
NEURON = get_preset("mammalian_neuron")
CELL_K_IN = NEURON.c_in["K"]  # mol/m³ (= mM)
# Problem 9: the Born cost of a small ion entering oil.
BORN_RADIUS = 0.2e-9  # m
BORN_EPS_WATER = 80.0
BORN_EPS_OIL = 2.0
BORN_T = BODY_TEMPERATURE  # K
ESTIMATE_FACTOR = 3.0  # an order-of-magnitude estimate is right within a factor of 3
# Problem 10: the membrane time constant.
TAU_R = 20.0 * KOHM_CM2  # Ω m²
TAU_C = 0.9 * UF_PER_CM2  # F/m²

# The bullets of the chapter's "Learning objectives" admonition, word for word.
OBJECTIVES = {
    "capacitor": (
        "model the membrane as a parallel-plate capacitor, compute its specific capacitance and "
        "the field inside it, and compare them with measured values and with the field at "
        "which air sparks;"
    ),
    "dielectric": (
        "explain with the Born energy why ions do not dissolve in the hydrocarbon core of the "
        "membrane, and express the cost in kJ/mol and in units of kT;"
    ),
    "charge": (
        "compute the charge density, the number of ions that charge a spherical cell and the "
        "fraction of its K⁺ they represent, and explain why that fraction falls as 1/r;"
    ),
    "neutrality": (
        "say where the separated charge sits, why the bulk solutions stay neutral, and why two "
        "well-mixed compartments describe the cell;"
    ),
    "charging": (
        "compute the membrane time constant and contrast it with the time the concentrations "
        "would take to change."
    ),
}

KJ = 1e3  # J

# Every rounded constant the chapter prints, as a learner would copy it, and the more precise
# ones the notebook's hints give (a test grades the answers computed with each of them, and the
# chapter asserts that it prints its values).
ROUNDED = (
    Rounded("eps0", VACUUM_PERMITTIVITY, 8.854e-12, "ε₀ = 8.854 × 10⁻¹² F/m"),
    Rounded("e", ELEMENTARY_CHARGE, 1.60e-19, "e = 1.60 × 10⁻¹⁹ C"),
    Rounded("e", ELEMENTARY_CHARGE, 1.602e-19, "e = 1.602 × 10⁻¹⁹ C"),
    Rounded("N_A", AVOGADRO, 6.022e23, "N_A = 6.022 × 10²³ mol⁻¹"),
    Rounded("RT at 37 °C", GAS_CONSTANT * BORN_T / KJ, 2.58, "RT = 2.58 kJ/mol at 37 °C"),
)
NEAR_MISS = near_miss_message(ROUNDED)


def _slab_route(c):
    """Return C_m = eps_r eps0 / d in µF/cm², by hand."""
    return SLAB_EPS * c["eps0"] / SLAB_THICKNESS / UF_PER_CM2


def _ions_route(c):
    """Return N = C_m 4 pi r² |V| / e, by hand."""
    return CELL_C * 4 * np.pi * CELL_RADIUS**2 * abs(CELL_V) / c["e"]


def _fraction_route(c):
    """Return the ions of problem 6 over the K⁺ inside, c_in (4/3) pi r³ N_A, in percent."""
    k_inside = CELL_K_IN * 4 / 3 * np.pi * CELL_RADIUS**3 * c["N_A"]
    return 100 * _ions_route(c) / k_inside


def _born_route(c):
    """Return Delta G = N_A e² / (8 pi eps0 a) (1/eps_oil - 1/eps_water) over RT."""
    cost = c["N_A"] * c["e"] ** 2 / (8 * np.pi * c["eps0"] * BORN_RADIUS)
    cost *= 1 / BORN_EPS_OIL - 1 / BORN_EPS_WATER
    return cost / (c["RT at 37 °C"] * KJ)


def _slab():
    c = specific_capacitance(SLAB_EPS, SLAB_THICKNESS) / UF_PER_CM2
    return Problem(
        id="capacitor-slab",
        objective="capacitor",
        symbol="C_m",
        quantity=(
            f"the specific capacitance of a slab {SLAB_THICKNESS / NM:g} nm thick with "
            f"relative permittivity {SLAB_EPS:g}"
        ),
        unit="µF/cm²",
        expected=c,
        abs_tol=0.0,
        explanation=(
            "C_m = eps_r eps0 / d: a thinner or more polarisable slab stores more charge per "
            f"volt. Measured membranes reach {MEASURED_NEURON_CAPACITANCE / UF_PER_CM2:g}-"
            f"{MEMBRANE_CAPACITANCE / UF_PER_CM2:g} µF/cm², more than this slab, so their "
            "insulating layer behaves like an even thinner slab of hydrocarbon."
        ),
        near_miss=NEAR_MISS,
        routes=(_slab_route,),
        hint=(
            "C_m = eps_r eps0 / d with eps0 = 8.854e-12 F/m and d in metres gives F/m²; "
            "1 µF/cm² = 1e-2 F/m², so multiply F/m² by 100."
        ),
        slips=(
            Slip(
                specific_capacitance(SLAB_EPS, SLAB_THICKNESS / NM) / UF_PER_CM2,
                "A billion times too small: it looks like the thickness went in as "
                f"{SLAB_THICKNESS / NM:g} m. A nanometre is 1e-9 m: d = "
                f"{SLAB_THICKNESS:g} m.",
            ),
            Slip(
                SLAB_EPS / SLAB_THICKNESS / UF_PER_CM2,
                "Far too large: the permittivity of vacuum, eps0 = 8.854e-12 F/m, seems to be "
                "missing. eps_r alone is a pure number; eps_r eps0 carries the units F/m.",
            ),
            Slip(
                c * UF_PER_CM2,
                "That is the capacitance in F/m². The question asks for µF/cm²: "
                "1 F/m² = 1e6 µF / 1e4 cm² = 100 µF/cm².",
            ),
            Slip(
                c * 1e4,
                "Ten thousand times too large: that is µF per square metre. A square metre is "
                "1e4 cm², so divide by 1e4 for µF/cm².",
            ),
        ),
    )


def _field():
    e = membrane_field(FIELD_V, FIELD_THICKNESS) / MV_PER_M
    return Problem(
        id="capacitor-field",
        objective="capacitor",
        symbol="|E|",
        quantity=(
            f"the field of {abs(FIELD_V) * 1e3:g} mV across {FIELD_THICKNESS / NM:g} nm, in MV/m"
        ),
        unit="MV/m",
        expected=e,
        abs_tol=0.0,
        explanation=(
            "|E| = |V| / d: a small voltage across a tiny distance is a huge field, "
            f"{e / (AIR_BREAKDOWN_FIELD / MV_PER_M):.1f} times the "
            f"{AIR_BREAKDOWN_FIELD / MV_PER_M:g} MV/m at which dry air breaks down and sparks."
        ),
        hint="|E| = |V| / d with V in volts and d in metres gives V/m; 1 MV/m = 1e6 V/m.",
        routes=(lambda c: abs(FIELD_V) / FIELD_THICKNESS / MV_PER_M,),
        slips=(
            Slip(
                e * 1e3,
                "A thousand times too large: the voltage must be in volts "
                f"({abs(FIELD_V):g} V), not in millivolts.",
            ),
            Slip(
                membrane_field(FIELD_V, FIELD_THICKNESS / NM) / MV_PER_M,
                "A billion times too small: the thickness must be in metres "
                f"({FIELD_THICKNESS:g} m), not in nanometres.",
            ),
            Slip(
                e * MV_PER_M,
                "That is the field in V/m. The question asks for MV/m: divide by 1e6.",
            ),
        ),
    )


def _explorer_thickness():
    d = slab_thickness(MATCH_CAPACITANCE, MATCH_EPS) / NM
    d_textbook = slab_thickness(UF_PER_CM2, MATCH_EPS) / NM
    return Problem(
        id="capacitor-explorer-thickness",
        objective="capacitor",
        kind="explorer",
        symbol="d",
        quantity=(
            f"the thickness of a slab of relative permittivity {MATCH_EPS:g} whose capacitance "
            f"is {MATCH_CAPACITANCE / UF_PER_CM2:g} µF/cm²"
        ),
        unit="nm",
        expected=d,
        abs_tol=MATCH_TOL_NM,
        explanation=(
            "d = eps_r eps0 / C: about 2 nm of hydrocarbon insulates like a real membrane, "
            "less than half the 5 nm of a whole bilayer. Only the ratio d / eps_r is fixed by the "
            "capacitance."
        ),
        routes=(lambda c: MATCH_EPS * c["eps0"] / MATCH_CAPACITANCE / NM,),
        hint=(
            f"Set the permittivity to {MATCH_EPS:g}, then move the thickness until the readout "
            f"shows C = {MATCH_CAPACITANCE / UF_PER_CM2:g} µF/cm²; check with d = eps_r eps0 / C."
        ),
        slips=(
            Slip(
                d_textbook,
                f"That slab gives 1 µF/cm², the textbook round value; the question asks for "
                f"{MATCH_CAPACITANCE / UF_PER_CM2:g} µF/cm², which needs a slightly thicker slab.",
            ),
            Slip(
                d * NM,
                "That is the thickness in metres; the question asks for nanometres "
                "(1 nm = 1e-9 m).",
            ),
        ),
    )


def _predict_thickness():
    return ChoiceProblem(
        id="capacitor-predict-thickness",
        objective="charge",
        kind="predict",
        symbol="Ions for a thicker membrane",
        quantity=(
            "how the number of ions on each face changes when the membrane is made thicker at "
            "the same voltage"
        ),
        options=(
            Option(
                "a",
                "more ions",
                "This is the misconception that more insulator stores more charge. The "
                "capacitance C = eps_r eps0 / d falls as the slab thickens: the two layers of "
                "charge are farther apart, attract each other less, and fewer of them make "
                "the same voltage.",
            ),
            Option("b", "fewer ions"),
            Option(
                "c",
                "the same number of ions",
                "This is the misconception that the voltage alone sets the charge. Q = C A V: "
                "the charge needed also depends on the capacitance, and C = eps_r eps0 / d "
                "falls as the membrane thickens.",
            ),
        ),
        answer="b",
        explanation=(
            "C = eps_r eps0 / d, so doubling the thickness halves the capacitance, and Q = C A V "
            "halves with it: half as many ions make the same voltage."
        ),
    )


def _charge_density():
    sigma = CELL_C * abs(CELL_V) / UF_PER_CM2  # µC/cm²
    return Problem(
        id="capacitor-charge-density",
        objective="charge",
        symbol="|sigma|",
        quantity=(
            f"the size of the charge density on each face at {CELL_V * 1e3:g} mV with "
            f"{CELL_C / UF_PER_CM2:g} µF/cm²"
        ),
        unit="µC/cm²",
        expected=sigma,
        abs_tol=0.0,
        explanation=(
            "sigma = C_m V: with C_m in µF/cm² and V in volts the answer is directly in µC/cm². "
            "It is about one elementary charge per few hundred nm² of membrane: the separated "
            "charge is sparse."
        ),
        hint="sigma = C_m |V| with V in volts; µF/cm² times V gives µC/cm².",
        routes=(lambda c: CELL_C * abs(CELL_V) / UF_PER_CM2,),
        slips=(
            Slip(
                sigma * 1e3,
                "A thousand times too large: the voltage must be in volts "
                f"({abs(CELL_V):g} V), not in millivolts.",
            ),
            Slip(
                sigma * 1e4,
                "Ten thousand times too large: that is µC per square metre. A square metre is "
                "1e4 cm²; per cm² the charge is 1e4 times smaller.",
            ),
            Slip(
                sigma * UF_PER_CM2,
                "That is the charge density in C/m². The question asks for µC/cm²: "
                "1 C/m² = 100 µC/cm².",
            ),
            Slip(
                -sigma,
                "Right size, but the question asks for the size, a positive number: the inner "
                "face carries this negative charge and the outer face as much positive charge.",
            ),
        ),
    )


def _cell_ions(radius=CELL_RADIUS, v=CELL_V, c=CELL_C, area=None):
    """Ions on one face of the cell; the arguments mimic slips."""
    area = sphere_area(radius) if area is None else area
    return ions_to_charge(v, area, c_specific=c)


def _ions():
    n = _cell_ions()
    return Problem(
        id="capacitor-ions",
        objective="charge",
        symbol="N",
        quantity=(
            f"the number of monovalent ions on each face of a spherical cell "
            f"{CELL_DIAMETER / UM:g} µm across at {CELL_V * 1e3:g} mV"
        ),
        unit="",
        expected=n,
        abs_tol=0.0,
        explanation=(
            "N = C_m 4π r² |V| / e: a few million ions, a tiny number next to the hundreds of "
            "billions of K⁺ ions inside such a cell."
        ),
        near_miss=NEAR_MISS,
        routes=(_ions_route,),
        hint=(
            "Q = C_m A |V| with C_m in F/m², A = 4π r² in m² (r is half the diameter) "
            "and V in volts; then N = Q / e with e = 1.602e-19 C."
        ),
        slips=(
            Slip(
                _cell_ions(area=np.pi * CELL_RADIUS**2),
                "Four times too few: π r² is the area of a disc. The surface of a sphere is 4π r².",
            ),
            Slip(
                _cell_ions(radius=CELL_DIAMETER),
                f"Four times too many: the diameter ({CELL_DIAMETER / UM:g} µm) went in as the "
                f"radius. The radius is half of it, {CELL_RADIUS / UM:g} µm.",
            ),
            Slip(
                n * ELEMENTARY_CHARGE,
                "That is the charge Q in coulombs. Divide by the elementary charge, "
                "e = 1.602e-19 C, to count the ions.",
            ),
            Slip(
                n * 1e3,
                "A thousand times too many: the voltage must be in volts "
                f"({abs(CELL_V):g} V), not in millivolts.",
            ),
            Slip(
                n * 1e-4,
                "Ten thousand times too few: 1 µF/cm² is 1e-2 F/m² (1e-6 F on 1e-4 m²), "
                "not 1e-6 F/m².",
            ),
        ),
    )


def _fraction():
    percent = 100.0 * charged_ion_fraction(CELL_V, CELL_RADIUS, CELL_K_IN, c_specific=CELL_C)
    return Problem(
        id="capacitor-fraction",
        objective="charge",
        symbol="N_moved / N_inside",
        quantity=(
            f"the percentage of the cell's K⁺ ({CELL_K_IN:g} mM) that the ions of the previous "
            "problem represent"
        ),
        unit="%",
        expected=percent,
        abs_tol=0.0,
        explanation=(
            "The ions moved grow with the area, the ions inside with the volume, so the share "
            "3 C_m |V| / (F c_in r) falls as 1/r. For a neuron's cell body it is about a "
            "thousandth of a percent: charging the membrane leaves the concentrations unchanged."
        ),
        near_miss=NEAR_MISS,
        routes=(_fraction_route,),
        hint=(
            "K⁺ inside = c_in (4/3) π r³ N_A with c_in in mol/m³ (1 mM = 1 mol/m³), r in "
            f"metres and N_A = {AVOGADRO:.4g} /mol; divide the ions of the previous problem by "
            "it and multiply by 100 for percent."
        ),
        slips=(
            Slip(
                percent / 8,
                "Eight times too small: the volume seems to come from the diameter. "
                "(4/3) π r³ needs the radius, half the diameter; the diameter gives 8 times "
                "the volume.",
            ),
            Slip(
                percent / 2,
                "Half the right answer: the diameter seems to have been used for both the area "
                "(4 times too large) and the volume (8 times too large). Use the radius in both.",
            ),
            Slip(
                percent / 100,
                "That is the fraction itself; the question asks for a percentage, 100 times it.",
            ),
            Slip(
                percent * 1e3,
                "A thousand times too large: 1 mM is 1 mol/m³ (not 1e-3 mol/m³), so "
                f"{CELL_K_IN:g} mM is {CELL_K_IN:g} mol/m³.",
            ),
        ),
    )


SOMA_RADIUS = 10e-6  # m: the chapter's cell body, quoted in the feedback of problem 8


def _soma_fraction():
    """Return the share of the K⁺ inside that charges the chapter's cell body at rest."""
    return charged_ion_fraction(NEURON.v_rest, SOMA_RADIUS, NEURON.c_in["K"])


def _soma_excess_uM():
    """Return, in µM, the soma's excess charge if it were spread through its cytoplasm."""
    return _soma_fraction() * NEURON.c_in["K"] * 1e3


def _neutrality():
    return ChoiceProblem(
        id="capacitor-neutrality",
        objective="neutrality",
        kind="concept",
        symbol="Where the charge sits",
        quantity="where the excess negative charge of a neuron at rest sits",
        options=(
            Option(
                "a",
                "spread evenly through the cytoplasm, which is negatively charged throughout",
                "This is the misconception that the cytoplasm is negatively charged throughout. "
                "The cytoplasm conducts: any excess charge in it moves until no field is left "
                "in the bulk, which puts it at the boundary. Even spread evenly through a "
                f"{SOMA_RADIUS / UM:g} µm cell body at {NEURON.v_rest * 1e3:g} mV, the excess "
                f"would be {_soma_excess_uM():.1f} µM against {NEURON.c_in['K']:g} mM of K⁺: "
                "the bulk is neutral.",
            ),
            Option(
                "b",
                "in a thin layer against the inner face of the membrane, matched by a thin layer "
                "of positive charge against the outer face",
            ),
            Option(
                "c",
                "in the anions left behind when most of the cell's K⁺ leaked out",
                "This is the misconception that building the voltage drains the cell's "
                f"potassium. Only about {_soma_fraction() * 1e6:.0f} K⁺ ions in a million "
                f"leave a {SOMA_RADIUS / UM:g} µm cell body to charge its membrane to "
                f"{NEURON.v_rest * 1e3:g} mV; the concentrations do not change measurably.",
            ),
            Option(
                "d",
                "inside the hydrocarbon core of the membrane, where the field is",
                "This is the misconception that the charge lives inside the insulator. Moving "
                "an ion from water into the hydrocarbon costs tens of kT (its Born energy), so "
                "ions stay in the water; the charge sits in the solutions, at the two faces.",
            ),
        ),
        answer="b",
        explanation=(
            "The membrane is a capacitor: the excess anions inside and cations outside hold "
            "each other against its two faces, in layers about a nanometre thick, and the bulk "
            "of both solutions stays neutral and well mixed."
        ),
    )


def _born_kt(radius=BORN_RADIUS, per_mole=True, T=BORN_T):
    """Return the Born cost in units of kT; the arguments mimic slips."""
    cost = born_transfer_energy(radius, BORN_EPS_WATER, BORN_EPS_OIL)  # J/mol
    thermal = GAS_CONSTANT * T if per_mole else GAS_CONSTANT * T / AVOGADRO
    return cost / thermal


def _born_estimate():
    n_kt = _born_kt()
    t_celsius = _celsius(BORN_T)
    return Problem(
        id="capacitor-born-estimate",
        objective="dielectric",
        kind="estimate",
        factor_tol=ESTIMATE_FACTOR,
        symbol="Delta G / kT",
        quantity=(
            f"the Born cost, in units of kT at {t_celsius:g} °C, of moving an ion of radius "
            f"{BORN_RADIUS / NM:g} nm from water into oil"
        ),
        unit="",
        expected=n_kt,
        abs_tol=0.0,
        explanation=(
            "Tens of kT: at equilibrium the oil would hold a fraction e^(-Delta G/kT), far less "
            "than 1e-20, of the ion's concentration in water. Ions cross membranes only "
            "through proteins."
        ),
        routes=(_born_route,),
        hint=(
            "Delta G = N_A e² / (8 pi eps0 a) (1/eps_oil - 1/eps_water) per mole; divide by "
            "RT = 8.314 J/(mol K) x 310 K, the thermal energy per mole (kT per ion)."
        ),
        slips=(
            Slip(
                _born_kt(per_mole=False),
                "About 1e24 times too large: the energy per mole was divided by the thermal "
                "energy of one ion, kT. Compare like with like: per mole with RT, per ion with kT.",
            ),
            Slip(
                n_kt / AVOGADRO,
                "About 1e24 times too small: the energy of one ion was divided by RT, the "
                "thermal energy per mole. Compare like with like: per ion with kT = RT / N_A.",
            ),
            Slip(
                _born_kt(T=t_celsius),
                f"Several times too large: the temperature went in as {t_celsius:g} K. The "
                f"thermal energy needs the absolute temperature, {BORN_T:g} K.",
            ),
            Slip(
                _born_kt(radius=BORN_RADIUS / NM),
                "A billion times too small: the radius must be in metres "
                f"({BORN_RADIUS:g} m), not in nanometres.",
            ),
        ),
    )


def _tau():
    tau_ms = charging_time_constant(TAU_C, 1.0 / TAU_R) / MS
    return Problem(
        id="capacitor-tau",
        objective="charging",
        symbol="tau_m",
        quantity=(
            f"the time constant of a membrane with R_m = {TAU_R / KOHM_CM2:g} kΩ cm² and "
            f"C_m = {TAU_C / UF_PER_CM2:g} µF/cm², in ms"
        ),
        unit="ms",
        expected=tau_ms,
        abs_tol=0.0,
        explanation=(
            "tau_m = R_m C_m, and kΩ cm² times µF/cm² is exactly a millisecond. The voltage "
            "settles within a few time constants, tens of milliseconds, while the "
            "concentrations would take minutes or more to change."
        ),
        hint="tau_m = R_m C_m; in SI units Ω m² times F/m² gives seconds (1 s = 1000 ms).",
        routes=(lambda c: TAU_R / KOHM_CM2 * TAU_C / UF_PER_CM2,),  # kΩ cm² x µF/cm² = ms
        slips=(
            Slip(
                tau_ms * MS,
                "That is the time constant in seconds; the question asks for milliseconds "
                "(multiply by 1000).",
            ),
            Slip(
                TAU_R / KOHM_CM2 * 1e3 * TAU_C / MS,
                "Ten thousand times too large: R_m went in as Ω cm² while C_m was in F/m². "
                f"Convert both to SI ({TAU_R / KOHM_CM2:g} kΩ cm² = {TAU_R:g} Ω m²) or use "
                "kΩ cm² x µF/cm² = ms.",
            ),
        ),
    )


PROBLEMS = (
    _slab(),
    _field(),
    _explorer_thickness(),
    _predict_thickness(),
    _charge_density(),
    _ions(),
    _fraction(),
    _neutrality(),
    _born_estimate(),
    _tau(),
)
