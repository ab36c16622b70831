"""The GHK problems: answers against the textbook formulas, rounded constants, stated givens."""

import math
from pathlib import Path

import pytest
from scipy import constants

from widgets.grading.checks import PROBLEMS, grade
from widgets.grading.notebook import answer_cells, read_notebook
from widgets.grading.problems import ghk

ROOT = Path(__file__).resolve().parents[2]
F = constants.physical_constants["Faraday constant"][0]
RT_F = constants.R * 310.15 / F  # V at 37 degC
OUT = {"K": 5.0, "Na": 145.0, "Cl": 110.0}  # mM, the mammalian neuron (Alberts 2015)
IN = {"K": 140.0, "Na": 12.0, "Cl": 10.0}


def v_ghk(p_k=1.0, p_na=0.04, p_cl=0.45, k_out=OUT["K"], rt_f=RT_F):
    """The GHK voltage equation as printed, in mV (chloride with inside and outside swapped)."""
    top = p_k * k_out + p_na * OUT["Na"] + p_cl * IN["Cl"]
    bottom = p_k * IN["K"] + p_na * IN["Na"] + p_cl * OUT["Cl"]
    return 1e3 * rt_f * math.log(top / bottom)


def nernst_mV(ion, z, rt_f=RT_F):
    return 1e3 * rt_f / z * math.log(OUT[ion] / IN[ion])


def ghk_current(p, c_out, c_in, z, v, rt_f=RT_F):
    """The GHK current equation in uA/cm^2 (p in m/s, c in mM, v in V)."""
    u = z * v / rt_f
    return 100 * p * z * F * u * (c_in - c_out * math.exp(-u)) / (1 - math.exp(-u))


def ratio_for(v_target, rt_f=RT_F):
    """P_Na/P_K giving v_target (V) with P_Cl/P_K = 0.45: the GHK equation is linear in it."""
    x = math.exp(v_target / rt_f)
    cl_top, cl_bottom = 0.45 * IN["Cl"], 0.45 * OUT["Cl"]
    return (x * (IN["K"] + cl_bottom) - (OUT["K"] + cl_top)) / (OUT["Na"] - x * IN["Na"])


def k_out_for(v_target, rt_f=RT_F):
    y = math.exp(v_target / rt_f)
    return y * (IN["K"] + 0.04 * IN["Na"] + 0.45 * OUT["Cl"]) - (0.04 * OUT["Na"] + 0.45 * IN["Cl"])


def weighted_average(g, rt_f=RT_F, decimals=None):
    e = [nernst_mV("K", 1, rt_f), nernst_mV("Na", 1, rt_f), nernst_mV("Cl", -1, rt_f)]
    if decimals is not None:
        e = [round(x, decimals) for x in e]
    return sum(gi * ei for gi, ei in zip(g, e, strict=True)) / sum(g)


def resting_currents(rt_f=RT_F):
    v = v_ghk(rt_f=rt_f) / 1e3
    p_k = 2.0e-8  # m/s
    return [
        ghk_current(p_k * r, OUT[ion], IN[ion], z, v, rt_f)
        for ion, r, z in (("K", 1.0, 1), ("Na", 0.04, 1), ("Cl", 0.45, -1))
    ]


def sodium_refill_time():
    r, c, i = 10e-6, 12.0, 3.0e-2  # m, mol/m^3, A/m^2
    return c * (4 / 3) * math.pi * r**3 * F / (i * 4 * math.pi * r**2)


INDEPENDENT = {
    "ghk-neuron-v": lambda rt_f: v_ghk(rt_f=rt_f),
    "ghk-no-sodium": lambda rt_f: v_ghk(p_na=0.0, rt_f=rt_f),
    "ghk-hyperkalemia": lambda rt_f: v_ghk(k_out=10.0, rt_f=rt_f),
    "ghk-leak-cut": lambda rt_f: v_ghk(p_k=0.1, rt_f=rt_f),
    "ghk-sodium-ratio": lambda rt_f: ratio_for(-42e-3, rt_f),
    "ghk-k-current": lambda rt_f: resting_currents(rt_f)[0],
    "ghk-net-current": lambda rt_f: sum(resting_currents(rt_f)),
    "ghk-weighted-average": lambda rt_f: weighted_average((0.151, 0.0225, 0.0831), rt_f),
    "ghk-sodium-estimate": lambda rt_f: sodium_refill_time(),
    "ghk-explorer-k-out": lambda rt_f: k_out_for(-55e-3, rt_f),
}


@pytest.mark.parametrize("problem_id", INDEPENDENT)
def test_expected_answer_matches_the_textbook_formula(problem_id):
    expected = PROBLEMS[problem_id].expected
    assert expected == pytest.approx(INDEPENDENT[problem_id](RT_F), rel=1e-9, abs=1e-12), (
        f"{problem_id}: the problem no longer computes what its statement asks"
    )


def test_headline_values():
    # 1 : 0.04 : 0.45 on the neuron at 37 degC: -67.3 mV; P_Na/P_K of about 0.21 gives -42 mV.
    assert PROBLEMS["ghk-neuron-v"].expected == pytest.approx(-67.33, abs=0.01)
    assert PROBLEMS["ghk-sodium-ratio"].expected == pytest.approx(0.2096, abs=1e-4)
    assert PROBLEMS["ghk-net-current"].expected == 0.0


# The page prints RT/F = 26.7 mV and E to 0.1 mV: a learner who uses them
# must be graded correct.
ROUNDED_RT_F = 26.7e-3  # V


@pytest.mark.parametrize("problem_id", [i for i in INDEPENDENT if i != "ghk-net-current"])
def test_rounded_constants_of_the_page_grade_correct(problem_id):
    answer = INDEPENDENT[problem_id](ROUNDED_RT_F)
    assert grade(problem_id, answer).status == "correct", (problem_id, answer)


def test_rounded_nernst_potentials_give_the_weighted_average():
    answer = weighted_average((0.151, 0.0225, 0.0831), decimals=1)
    assert grade("ghk-weighted-average", answer).status == "correct"


def test_rounded_resting_potential_gives_zero_net_current():
    # A learner who carries V rounded to 0.1 mV into the currents still sums to about zero.
    v = round(v_ghk(), 1) / 1e3
    currents = [
        ghk_current(2.0e-8 * r, OUT[ion], IN[ion], z, v)
        for ion, r, z in (("K", 1.0, 1), ("Na", 0.04, 1), ("Cl", 0.45, -1))
    ]
    assert grade("ghk-net-current", sum(currents)).status == "correct"
    assert grade("ghk-k-current", currents[0]).status == "correct"


def test_answers_up_to_a_common_scale_of_the_permeabilities_are_the_same():
    # Only ratios enter the voltage equation: scaling every permeability changes no answer.
    for scale in (1e-9, 3.0, 1e6):
        assert v_ghk(p_k=scale, p_na=0.04 * scale, p_cl=0.45 * scale) == pytest.approx(v_ghk())


def test_signs_follow_the_physics():
    assert (
        nernst_mV("K", 1) < PROBLEMS["ghk-no-sodium"].expected < PROBLEMS["ghk-neuron-v"].expected
    )
    assert PROBLEMS["ghk-hyperkalemia"].expected > PROBLEMS["ghk-neuron-v"].expected
    assert PROBLEMS["ghk-leak-cut"].expected > PROBLEMS["ghk-neuron-v"].expected
    assert PROBLEMS["ghk-k-current"].expected > 0, "K+ leaks out at rest: an outward current"
    assert PROBLEMS["ghk-sodium-ratio"].expected > 0.04, "depolarising takes more Na+"
    assert PROBLEMS["ghk-explorer-k-out"].expected < PROBLEMS["ghk-explorer-k-out"].slips[0].value


def statements():
    """Return the text above each answer cell of the solved notebook, keyed by problem id."""
    nb = read_notebook(ROOT / "exercises" / "solutions" / "ghk.ipynb")
    texts, start = {}, 0
    for index, problem_id in answer_cells(nb):
        cells = nb.cells[start:index]
        texts[problem_id] = " ".join(
            " ".join(c.source.split()) for c in cells if c.cell_type == "markdown"
        )
        start = index + 1
    return texts


# What each statement must say, written as the notebook shows it, with the module's givens.
GIVENS = {
    "ghk-neuron-v": ["1 : 0.04 : 0.45", "37 °C"],
    "ghk-no-sodium": ["P_\\mathrm{Na} = 0", f"{ghk.RATIOS[2]:g}"],
    "ghk-hyperkalemia": [f"from {ghk.C_OUT[0]:g} to {ghk.K_OUT_HIGH:g} mM"],
    "ghk-leak-cut": [f"{100 * (1 - ghk.LEAK_LEFT):g} %", "a tenth of $P_K$"],
    "ghk-sodium-ratio": [f"−{-ghk.TARGET_V * 1e3:g} mV", f"= {ghk.RATIOS[2]:g}"],
    "ghk-k-current": [f"{ghk.P_K_GIVEN * 1e8:.1f} × 10⁻⁶ cm/s", "1 : 0.04 : 0.45"],
    "ghk-net-current": ["permeabilities of problem 6"],
    "ghk-weighted-average": [f"{g:g}" for g in ghk.G_GIVEN],
    "ghk-predict-sodium": [f"from {ghk.RATIOS[1]:g} to {ghk.P_NA_RAISED:g}"],
    "ghk-sodium-estimate": [
        f"{ghk.I_NA_GIVEN:.1f} µA/cm²",
        f"{ghk.SOMA_RADIUS * 1e6:g} µm in radius",
        f"{ghk.C_IN[1]:g} mM Na⁺",
        f"factor of {ghk.ESTIMATE_FACTOR:g}",
    ],
    "ghk-explorer-k-out": [f"−{-ghk.TARGET_EXPLORER_V * 1e3:g} mV", "1 : 0.04 : 0.45"],
}


@pytest.mark.parametrize("problem_id", GIVENS)
def test_the_notebook_states_the_numbers_the_grader_uses(problem_id):
    text = statements()[problem_id]
    for given in GIVENS[problem_id]:
        assert given in text, f"{problem_id}: the statement should say {given!r}"
