"""Ions and the ion concentrations of real cells, each preset with its source.

Concentrations are free concentrations in mol/m^3 (numerically equal to mM).
Every number here is written once; chapters, explorers and exercises read it
from this module. Keys of ``references.bib`` are given in ``source``.
"""

from dataclasses import dataclass, field

from widgets.constants import BODY_TEMPERATURE, ZERO_CELSIUS


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
}
ION_NAMES = {
    "K": "potassium",
    "Na": "sodium",
    "Cl": "chloride",
    "Ca": "calcium",
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
        How representative values were chosen from published ranges.
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
    permeability: dict = field(default_factory=dict)
    permeability_source: str = ""
    v_rest: float | None = None
    v_rest_source: str = ""

    @property
    def ions(self):
        """Keys of the ions with both concentrations given (list of str)."""
        return [ion for ion in IONS if ion in self.c_out and ion in self.c_in]


PRESETS = {
    preset.key: preset
    for preset in (
        CellPreset(
            key="mammalian_neuron",
            label="Mammalian neuron",
            T=BODY_TEMPERATURE,
            c_out={"K": 5.0, "Na": 145.0, "Cl": 110.0, "Ca": 2.0},
            c_in={"K": 140.0, "Na": 12.0, "Cl": 10.0, "Ca": 1.0e-4},
            source="alberts2015",
            note=(
                "Typical mammalian cell; where the source gives a range "
                "(Na⁺ and Cl⁻ inside 5-15 mM, Ca²⁺ outside 1-2 mM) a value inside it is used."
            ),
            v_rest=-0.070,  # V; neurons rest near -60 to -70 mV
            v_rest_source="kandel2013",
        ),
        CellPreset(
            key="skeletal_muscle",
            label="Mammalian skeletal muscle",
            T=BODY_TEMPERATURE,
            c_out={"K": 4.0, "Na": 145.0, "Cl": 123.0, "Ca": 1.5},
            c_in={"K": 155.0, "Na": 12.0, "Cl": 4.2, "Ca": 1.0e-4},
            source="hille2001",
        ),
        CellPreset(
            key="squid_axon",
            label="Squid giant axon",
            T=ZERO_CELSIUS + 20.0,
            c_out={"K": 20.0, "Na": 440.0, "Cl": 560.0},
            c_in={"K": 400.0, "Na": 50.0, "Cl": 52.0},
            source="kandel2013",
            note="Studied at room temperature: the source's potentials match about 20 degC.",
            permeability={"K": 1.0, "Na": 0.04, "Cl": 0.45},
            permeability_source="hodgkin1949",
        ),
    )
}


def get_preset(key):
    """Return the :class:`CellPreset` called ``key``.

    Parameters
    ----------
    key : str
        One of ``PRESETS``.

    Returns
    -------
    CellPreset

    Raises
    ------
    ValueError
        If ``key`` is not a known preset.
    """
    try:
        return PRESETS[key]
    except (KeyError, TypeError):
        raise ValueError(f"key must be one of {sorted(PRESETS)}; got {key!r}") from None
