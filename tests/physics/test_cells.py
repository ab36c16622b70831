"""The book's cells at rest: GHK rest from published ratios, the pump-leak bath's K+."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import constants

from widgets.data import get_preset
from widgets.physics import (
    ghk_permeabilities,
    ghk_rest,
    ghk_voltage,
    nernst_potential,
)

R, F = constants.R, constants.physical_constants["Faraday constant"][0]
HEART = get_preset("cardiac_myocyte")


def heart_rest_by_hand(k_out):
    """GHK with P_Na/P_K = 0.01 on 145/10 mM inside and 140 mM Na+ outside, at 37 degC."""
    return R * 310.15 / F * math.log((k_out + 0.01 * 140.0) / (145.0 + 0.01 * 10.0))


@pytest.mark.parametrize("k_out", [3.5, 5.4, 6.5, 8.0, 10.0])
def test_heart_rest_is_the_ghk_formula(k_out):
    assert ghk_rest("cardiac_myocyte", k_out) == pytest.approx(heart_rest_by_hand(k_out), rel=1e-12)


def test_default_bath_and_vectorised_curve():
    assert ghk_rest("cardiac_myocyte") == pytest.approx(heart_rest_by_hand(5.4))
    curve = ghk_rest("cardiac_myocyte", np.array([[4.0, 8.0]]))
    assert curve.shape == (1, 2) and curve[0, 0] < curve[0, 1]
    squid = get_preset("squid_axon")
    assert ghk_rest("squid_axon") == pytest.approx(
        ghk_voltage(
            [1.0, 0.04, 0.45], [20.0, 440.0, 560.0], [400.0, 50.0, 52.0], [1, 1, -1], squid.T
        )
    )


@given(st.floats(min_value=0.5, max_value=140.0))
def test_heart_rest_lies_between_e_k_and_e_na_and_rises_with_k(k_out):
    v = ghk_rest("cardiac_myocyte", k_out)
    e_k = nernst_potential(k_out, HEART.c_in["K"], 1, HEART.T)
    e_na = nernst_potential(HEART.c_out["Na"], HEART.c_in["Na"], 1, HEART.T)
    assert e_k <= v <= e_na
    assert ghk_rest("cardiac_myocyte", 1.01 * k_out) > v


def test_permeabilities_and_errors():
    p = ghk_permeabilities("cardiac_myocyte")
    assert p["Na"] / p["K"] == pytest.approx(0.01)
    with pytest.raises(ValueError, match="has none"):
        ghk_permeabilities("mammalian_neuron")
    with pytest.raises(ValueError, match="k_out must be positive"):
        ghk_rest("cardiac_myocyte", 0.0)
