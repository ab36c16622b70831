"""Ions and the ion concentrations of real cells, each preset with its source.

Concentrations are free concentrations in mol/m^3 (numerically equal to mM).
Every number here is written once; chapters, explorers and exercises read it
from this module. Keys of ``references.bib`` are given in ``source``.
"""

from dataclasses import dataclass, field

from widgets.constants import BODY_TEMPERATURE, ZERO_CELSIUS, ph_to_concentration


@dataclass(frozen=True)
class Ion:
    """A permeant ion species.

    Attributes
    ----------
    key : str
        Short ASCII key, e.g. ``"K"``.
    label : str
        Display label with a superscript charge, e.g. ``"K⁺"``.
    z : int
        Valence (dimensionless, signed).
    """

    key: str
    label: str
    z: int


IONS = {
    "K": Ion("K", "K⁺", +1),
    "Na": Ion("Na", "Na⁺", +1),
    "Cl": Ion("Cl", "Cl⁻", -1),
    "Ca": Ion("Ca", "Ca²⁺", +2),
    "H": Ion("H", "H⁺", +1),
}
ION_NAMES = {
    "K": "potassium",
    "Na": "sodium",
    "Cl": "chloride",
    "Ca": "calcium",
    "H": "hydrogen",
    "Li": "lithium",
    "Rb": "rubidium",
    "Cs": "caesium",
}
# The alkali-metal cations, smallest first, whose entry into the K+ channel's filter the
# book compares (their radii and hydration energies: widgets.physics.selectivity).
ALKALI_IONS = {
    "Li": Ion("Li", "Li⁺", +1),
    "Na": IONS["Na"],
    "K": IONS["K"],
    "Rb": Ion("Rb", "Rb⁺", +1),
    "Cs": Ion("Cs", "Cs⁺", +1),
}


@dataclass(frozen=True)
class CellPreset:
    """Free ion concentrations of one cell type, with their source.

    Attributes
    ----------
    key : str
        Identifier, e.g. ``"mammalian_neuron"``.
    label : str
        Display name.
    T : float
        Temperature in K at which the cell lives or was studied.
    c_out, c_in : dict of str to float
        Extracellular and intracellular concentrations in mol/m^3 (= mM), keyed by ion.
    source : str
        ``references.bib`` key(s), comma-separated, for the concentrations.
    note : str
        What the source calls the cell, where in it the values are, and how
        representative values were chosen from published ranges.
    c_out_range, c_in_range : dict of str to tuple of float
        ``(low, high)`` in mol/m^3 (= mM) where the source gives a range rather than one
        value; ``c_out`` and ``c_in`` lie inside it. Carry it through to a computed
        result before drawing a qualitative conclusion from a representative value.
    permeability : dict of str to float
        Relative resting permeabilities (dimensionless, P_K = 1), if published.
    permeability_source : str
        ``references.bib`` key for ``permeability``.
    v_rest : float or None
        A typical measured resting potential in V, if published.
    v_rest_source : str
        ``references.bib`` key for ``v_rest``.
    """

    key: str
    label: str
    T: float
    c_out: dict
    c_in: dict
    source: str
    note: str = ""
    c_out_range: dict = field(default_factory=dict)
    c_in_range: dict = field(default_factory=dict)
    permeability: dict = field(default_factory=dict)
    permeability_source: str = ""
    v_rest: float | None = None
    v_rest_source: str = ""

    @property
    def ions(self):
        """Keys of the ions with both concentrations given (list of str)."""
        return [ion for ion in IONS if ion in self.c_out and ion in self.c_in]

    def concentration_range(self, ion):
        """Return the published ranges of an ion's concentrations.

        Parameters
        ----------
        ion : str
            One of :attr:`ions`.

        Returns
        -------
        c_out, c_in : tuple of float
            ``(low, high)`` in mol/m^3 (= mM); ``(c, c)`` where the source gives one value.

        Raises
        ------
        ValueError
            If the preset has no concentrations for ``ion``.

        Examples
        --------
        >>> get_preset("mammalian_neuron").concentration_range("Cl")
        ((110.0, 110.0), (5.0, 15.0))
        """
        if ion not in self.ions:
            raise ValueError(f"ion must be one of {self.ions}; got {ion!r}")
        c_out = self.c_out_range.get(ion, (self.c_out[ion], self.c_out[ion]))
        c_in = self.c_in_range.get(ion, (self.c_in[ion], self.c_in[ion]))
        return tuple(map(float, c_out)), tuple(map(float, c_in))


PRESETS = {
    preset.key: preset
    for preset in (
        CellPreset(
            # The key says what the book uses it for; the label what the source calls it.
            key="mammalian_neuron",
            label="Typical mammalian cell",
            T=BODY_TEMPERATURE,
            c_out={"K": 5.0, "Na": 145.0, "Cl": 110.0, "Ca": 2.0},
            c_in={"K": 140.0, "Na": 12.0, "Cl": 10.0, "Ca": 1.0e-4},
            source="alberts2015",
            note=(
                "The free ion concentrations of a typical mammalian cell (Alberts et al. 2015, "
                "Table 11-1), which the book uses for its model neuron. Where the table gives "
                "a range (Na⁺ and Cl⁻ inside 5-15 mM, Ca²⁺ outside 1-2 mM) a value inside "
                "it is used and the range is kept in c_in_range and c_out_range."
            ),
            c_out_range={"Ca": (1.0, 2.0)},
            c_in_range={"Na": (5.0, 15.0), "Cl": (5.0, 15.0)},
            v_rest=-0.065,  # V: a typical neuron's resting potential (Kandel et al. 2013, ch. 6)
            v_rest_source="kandel2013",
        ),
        CellPreset(
            key="skeletal_muscle",
            label="Mammalian skeletal muscle",
            T=BODY_TEMPERATURE,
            c_out={"K": 4.0, "Na": 145.0, "Cl": 123.0, "Ca": 1.5},
            c_in={"K": 155.0, "Na": 12.0, "Cl": 4.2, "Ca": 1.0e-4},
            source="hille2001",
            note="Mammalian skeletal muscle at 37 degC (Hille 2001, Table 1.1).",
        ),
        CellPreset(
            key="squid_axon",
            label="Squid giant axon",
            T=ZERO_CELSIUS + 20.0,
            c_out={"K": 20.0, "Na": 440.0, "Cl": 560.0},
            c_in={"K": 400.0, "Na": 50.0, "Cl": 52.0},
            source="kandel2013",
            note=(
                "The squid giant axon (Kandel et al. 2013, Table 6-1), studied at room "
                "temperature: the source's equilibrium potentials match about 20 degC."
            ),
            permeability={"K": 1.0, "Na": 0.04, "Cl": 0.45},
            permeability_source="hodgkin1949",
        ),
    )
}


# Cells of the applications chapter. They are kept apart from PRESETS, whose cells all have
# K+, Na+ and Cl- (the GHK and pump-leak models of the earlier chapters need all three):
# the sources give no Cl- for the heart cell, and the bacterium is described by its pH.
APPLICATION_PRESETS = {
    preset.key: preset
    for preset in (
        CellPreset(
            key="cardiac_myocyte",
            label="Cardiac ventricular myocyte",
            T=BODY_TEMPERATURE,
            c_out={"K": 5.4, "Na": 140.0, "Ca": 1.8},
            c_in={"K": 145.0, "Na": 10.0, "Ca": 1.2e-4},
            source="luo1994",
            note=(
                "The standard concentrations of the Luo-Rudy dynamic model of a guinea-pig "
                "ventricular myocyte at 37 degC (Luo and Rudy 1994): bath (Tyrode) 5.4 mM K⁺, "
                "140 mM Na⁺ and 1.8 mM Ca²⁺; cell 145 mM K⁺, 10 mM Na⁺ and 0.12 µM free Ca²⁺. "
                "The model has no Cl⁻ current and the source no Cl⁻ concentrations. "
                "P_Na/P_K = 0.01 is Hodgkin and Horowicz's (1959) ratio for frog muscle, "
                "illustrative for heart: with these concentrations it puts rest near −82 mV, "
                "and above 5 mM K⁺ rabbit ventricle follows E_K closely (Lee and Fozzard 1975)."
            ),
            permeability={"K": 1.0, "Na": 0.01},
            permeability_source="hodgkin1959",
        ),
        CellPreset(
            key="plant_root_cell",
            label="Plant root cell (pea)",
            T=ZERO_CELSIUS + 25.0,
            c_out={"K": 1.0, "Na": 1.0, "Cl": 1.0, "H": ph_to_concentration(6.0)},
            c_in={"K": 75.0, "Na": 8.0, "Cl": 7.0, "H": ph_to_concentration(7.3)},
            source="higinbotham1967,taiz2010,martiniere2018,cosse2021",
            note=(
                "Pea root tissue in a nutrient solution of 1 mM K⁺, Na⁺ and Cl⁻: measured "
                "contents and a resting potential of −110 mV (Higinbotham et al. 1967, as "
                "tabulated by Taiz and Zeiger 2010, Table 6.1), at room temperature (25 degC "
                "assumed: the table's Nernst predictions use about 59 mV per decade). The "
                "contents are of whole tissue, mostly vacuole, not free cytosolic "
                "concentrations; Ca²⁺, mostly bound, is left out. The H⁺ "
                "gradient is from other plants: pH 6.0 at the outer face of the plasma membrane "
                "of mature Arabidopsis root cells (6.0-6.4, Martinière et al. 2018) and pH 7.3 "
                "in the cytosol (7.1-7.5, Cosse and Seidel 2021)."
            ),
            v_rest=-0.110,  # V, measured in pea root cells (higinbotham1967)
            v_rest_source="higinbotham1967",
        ),
        CellPreset(
            key="e_coli",
            label="Bacterium (E. coli)",
            T=BODY_TEMPERATURE,
            c_out={"H": ph_to_concentration(7.0)},
            c_in={"H": ph_to_concentration(7.7)},
            source="berg2004,milo2016",
            note=(
                "E. coli grown at pH 7: internal pH 7.6-7.8 (Berg 2004, p. 105), inside the "
                "7.2-7.8 range of Milo and Phillips (2016); the middle of Berg's range is used. "
                "The membrane potential, about −120 mV, is from the same sources. E. coli lives "
                "in the gut at 37 degC; the sources do not state one temperature."
            ),
            v_rest=-0.120,  # V: the membrane potential Δψ (berg2004, milo2016)
            v_rest_source="berg2004,milo2016",
        ),
    )
}
ALL_PRESETS = PRESETS | APPLICATION_PRESETS


def get_preset(key):
    """Return the :class:`CellPreset` called ``key``.

    Parameters
    ----------
    key : str
        One of ``ALL_PRESETS``: a cell of ``PRESETS`` or of ``APPLICATION_PRESETS``.

    Returns
    -------
    CellPreset

    Raises
    ------
    ValueError
        If ``key`` is not a known preset.

    Examples
    --------
    >>> get_preset("e_coli").ions
    ['H']
    """
    try:
        return ALL_PRESETS[key]
    except (KeyError, TypeError):
        raise ValueError(f"key must be one of {sorted(ALL_PRESETS)}; got {key!r}") from None
