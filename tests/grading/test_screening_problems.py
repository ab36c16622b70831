"""The screening problems: expected answers from textbook formulas, the page's rules graded right.

Every expected answer is recomputed here from scipy's constants and the formula in the
chapter, independently of :mod:`widgets.physics`; every rounded number or rule of thumb
the chapter or the notebook prints must be graded correct; and every statement in the
notebook must give the numbers the grader uses.
"""

import math
from pathlib import Path

import pytest
from scipy import constants

from widgets.grading.checks import PROBLEMS, grade
from widgets.grading.notebook import read_notebook
from widgets.grading.problems import screening as P

ROOT = Path(__file__).resolve().parents[2]
F = constants.physical_constants["Faraday constant"][0]
R, EPS0, E = constants.R, constants.epsilon_0, constants.e


def debye_nm(ionic_mM, t_celsius, eps_r):
    """The Debye length of the chapter's equation, in nm (I in mol/m^3 = mM)."""
    return 1e9 * math.sqrt(eps_r * EPS0 * R * (t_celsius + 273.15) / (2 * F**2 * ionic_mM))


def expected(problem_id):
    return PROBLEMS[problem_id].expected


@pytest.mark.parametrize(
    ("problem_id", "independent"),
    [
        ("screening-debye-plasma", lambda: debye_nm(150.0, 37.0, 74.15)),
        ("screening-debye-dilute", lambda: debye_nm(1.0, 20.0, 80.10)),
        ("screening-ratio", lambda: math.sqrt(150.0)),
        ("screening-ionic-strength", lambda: 0.5 * (100.0 + 20.0 * 4 + 140.0)),
        (
            "screening-surface-k",
            lambda: 140.0 * math.exp(F * 0.040 / (R * 310.15)),
        ),
        ("screening-share", lambda: 100 * (2 / 84.0) / (1 + 2 / 84.0)),
        ("screening-estimate-charges", lambda: 0.01 * 0.070 / E * 1e-12),
    ],
)
def test_expected_answer_matches_the_textbook_formula(problem_id, independent):
    assert expected(problem_id) == pytest.approx(independent(), rel=1e-4), (
        f"{problem_id}: the problem no longer computes what its statement asks"
    )


def test_published_magnitudes():
    assert expected("screening-debye-plasma") == pytest.approx(0.78, abs=0.005), "0.78 nm"
    assert 9.0 < expected("screening-debye-dilute") < 10.0, "about ten nanometres at 1 mM"
    assert 4000 < expected("screening-estimate-charges") < 5000, "a few thousand per um^2"
    assert 5.0 < expected("screening-explorer-pure-water") < 15.0, "under a tenth in pure water"


@pytest.mark.parametrize(
    ("problem_id", "answer"),
    [
        # The chapter's rules of thumb: 0.302 nm/sqrt(I in M) at 37 degC, 0.305 at 20 degC.
        ("screening-debye-plasma", 0.302 / math.sqrt(0.150)),
        ("screening-debye-dilute", 0.305 / math.sqrt(0.001)),
        # The chapter prints 0.78 nm; a learner rounding to two digits.
        ("screening-debye-plasma", 0.78),
        ("screening-ratio", 12.2),
        # RT/F = 26.7 mV, as the chapter prints it.
        ("screening-surface-k", 140.0 * math.exp(40.0 / 26.7)),
        # The chapter's 84 and 85 uF/cm^2 for the two layers, and its "each diffuse layer
        # 1.2 %"; to first order each layer takes C_m/C_d of the voltage.
        ("screening-share", 100 * (1 / 84 + 1 / 85) / (1 + 1 / 84 + 1 / 85)),
        ("screening-share", 2 * 1.2),
        ("screening-share", 100 * 2 / 84),
        # e = 1.6e-19 C, as the notebook's solution rounds it.
        ("screening-estimate-charges", 0.01 * 0.07 / 1.6e-19 * 1e-12),
        # The explorer's readout, one decimal.
        ("screening-explorer-pure-water", round(expected("screening-explorer-pure-water"), 1)),
    ],
)
def test_rounded_numbers_the_page_prints_are_graded_correct(problem_id, answer):
    result = grade(problem_id, answer)
    assert result.status == "correct", f"{problem_id}: {answer!r} -> {result.message}"


def test_explorer_problem_is_what_the_explorer_shows():
    from widgets.explorers import screening_explorer

    explorer = screening_explorer()
    explorer.set(fluid=P.EXPLORER_FLUID)
    shown = 100 * explorer.figure.membrane_share
    assert shown == pytest.approx(expected("screening-explorer-pure-water"), rel=1e-9)
    share_text = f"{shown:.1f} %"
    assert share_text in explorer.readout.value, "the readout must show the share to read off"


def statement(problem_id):
    nb = read_notebook(ROOT / "exercises" / "screening.ipynb")
    number = [p.id for p in P.PROBLEMS].index(problem_id) + 1
    cell = next(c for c in nb.cells if c.get("id") == f"p{number}-statement")
    return " ".join(cell.source.split())


@pytest.mark.parametrize(
    ("problem_id", "givens"),
    [
        ("screening-debye-plasma", [f"{P.SALINE_MM:g} mM", "37 °C", f"{P.EPS_BODY:g}"]),
        ("screening-debye-dilute", [f"{P.DILUTE_MM:g} mM", "20 °C", f"{P.EPS_ROOM:g}"]),
        ("screening-ratio", [f"{P.DILUTE_MM:g} mM", f"{P.SALINE_MM:g} mM"]),
        ("screening-ionic-strength", [f"{P.MIX_NACL_MM:g} mM NaCl", f"{P.MIX_CACL2_MM:g} mM"]),
        ("screening-predict-dilution", [f"{P.DILUTION:g}-fold", f"{P.SALINE_MM:g} mM"]),
        ("screening-surface-k", [f"{P.SURFACE_POTENTIAL_MV:g} mV", f"{P.K_BULK_MM:g} mM", "37 °C"]),
        ("screening-share", [f"{P.MEMBRANE_UF_CM2:g} µF/cm²", f"{P.LAYER_UF_CM2:g} µF/cm²"]),
        ("screening-estimate-charges", [f"{P.REST_MV:g} mV", f"{P.ESTIMATE_UF_CM2:g} µF/cm²"]),
        ("screening-explorer-pure-water", ["Pure water", f"{P.REST_MV:g} mV"]),
    ],
)
def test_statements_give_the_numbers_the_grader_uses(problem_id, givens):
    text = statement(problem_id)
    for given in givens:
        assert given in text, f"the statement of {problem_id} should say {given!r}"


def test_signs_and_directions_follow_the_physics():
    assert expected("screening-surface-k") > P.K_BULK_MM, "K+ gathers at a negative face"
    assert expected("screening-ratio") > 1, "the dilute solution screens farther"
    assert 1 < expected("screening-share") < 5, "the diffuse layers take a few percent"


@pytest.mark.parametrize(
    "answer",
    [100 / 84 / (1 + 2 / 84), 100 / 84 / (1 + 1 / 84), 100 / 84],
    ids=["each-layer", "one-layer-circuit", "one-layer-first-order"],
)
def test_counting_one_diffuse_layer_is_named(answer):
    # Every way of counting one layer lands far from the answer, so it can be named.
    result = grade("screening-share", answer)
    assert result.status == "incorrect" and "one diffuse layer" in result.message


@pytest.mark.parametrize(
    "answer", [100 / (1 + 2 / 84), 100 * 168 / 169], ids=["membrane", "V-as-C"]
)
def test_the_membranes_share_is_told_apart(answer):
    result = grade("screening-share", answer)
    assert result.status == "incorrect" and "membrane's own share" in result.message
