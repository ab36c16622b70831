"""One colour per ion, everywhere in the book (Okabe-Ito, colour-blind safe).

Okabe M., Ito K. (2008) *Color Universal Design*; the eight-colour set stays
distinguishable under the common forms of colour blindness.
"""

ION_COLOURS = {
    "K": "#0072B2",  # blue
    "Na": "#D55E00",  # vermillion
    "Cl": "#009E73",  # bluish green
    "Ca": "#CC79A7",  # reddish purple
    "H": "#E69F00",  # orange: shared with the membrane, which no figure shows beside H⁺
}
MEMBRANE_COLOUR = "#E69F00"  # orange
NEUTRAL_COLOUR = "#000000"  # black: totals, the membrane potential
MUTED_COLOUR = "#777777"  # grey: guides, reference lines
ACCENT_COLOUR = "#56B4E9"  # sky blue: the current point of an explorer
# Li+, Rb+ and Cs+ appear only beside Na+ and K+, in the selectivity figures. The Okabe-Ito
# set has no colour left for them, so they share neutral tones, told apart by dash pattern.
OTHER_CATION_STYLES = {
    "Li": {"color": NEUTRAL_COLOUR, "linestyle": (0, (6, 2))},
    "Rb": {"color": MUTED_COLOUR, "linestyle": "-."},
    "Cs": {"color": NEUTRAL_COLOUR, "linestyle": ":"},
}
# The mobile ions of a salt whatever their species (the screening chapter's 1:1 salt):
# two colours of Tol's high-contrast scheme, apart from every ion colour above.
CATION_COLOUR = "#AA3377"  # wine
ANION_COLOUR = "#DDAA33"  # gold
