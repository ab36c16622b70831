from widgets.data import IONS
from widgets.figures.palette import ION_COLOURS

# Okabe & Ito (2008): eight colours that stay distinguishable with the common colour-vision
# deficiencies.
OKABE_ITO = {"#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"}


def test_every_ion_has_its_own_colour_blind_safe_colour():
    assert set(ION_COLOURS) == set(IONS), "each ion needs exactly one colour"
    assert set(ION_COLOURS.values()) <= OKABE_ITO, "ion colours must come from the Okabe-Ito set"
    assert len(set(ION_COLOURS.values())) == len(ION_COLOURS), "two ions share a colour"
