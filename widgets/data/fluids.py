"""Salt solutions a reader knows, from blood plasma to pure water, each with its source.

The screening chapter and its explorer compute the ionic strength and the Debye
length of each fluid from the composition given here. Concentrations are in
mol/m^3 (numerically mM); keys of ``references.bib`` are given in ``source``.
Where a source gives mass concentrations (mg per litre), they are converted
here with the standard atomic weights (Meija et al. 2016, Pure Appl Chem 88:265).
"""

from dataclasses import dataclass

from widgets.constants import ZERO_CELSIUS
from widgets.data.ions import IONS, get_preset

# g/mol, from the standard atomic weights (Meija et al. 2016).
_MOLAR_MASS = {
    "Na⁺": 22.990,
    "K⁺": 39.098,
    "Ca²⁺": 40.078,
    "Mg²⁺": 24.305,
    "Cl⁻": 35.45,
    "HCO₃⁻": 61.017,
    "SO₄²⁻": 96.06,
    "NO₃⁻": 62.004,
}
_NACL_MOLAR_MASS = _MOLAR_MASS["Na⁺"] + _MOLAR_MASS["Cl⁻"]  # g/mol
SALINE_NACL_PER_LITRE = 9.0  # g/L: 0.9 % (w/v) sodium chloride, "normal" saline
# dimensionless: pKw of pure water at 25 degC and 0.1 MPa (Bandura & Lvov 2006).
WATER_PKW_25C = 13.995


@dataclass(frozen=True)
class Fluid:
    """The free ions of one solution, with their source.

    Attributes
    ----------
    key : str
        Identifier, e.g. ``"blood_plasma"``.
    label : str
        Display name.
    T : float
        Temperature in K at which the book uses it.
    c : dict of str to float
        Concentration of each ion in mol/m^3 (= mM), keyed by its label (``"Na⁺"``).
    z : dict of str to int
        Valence of each ion, same keys as ``c``.
    source : str
        ``references.bib`` key(s), comma-separated.
    note : str
        What the composition includes and leaves out.
    """

    key: str
    label: str
    T: float
    c: dict
    z: dict
    source: str
    note: str = ""


def _from_mg_per_litre(mg_per_litre):
    """Return mol/m^3 (= mmol/L) from mg/L, keyed like the input."""
    return {ion: mg / _MOLAR_MASS[ion] for ion, mg in mg_per_litre.items()}


def _cytoplasm():
    """Return the mammalian cell's free ions, with the unnamed anions that balance them."""
    cell = get_preset("mammalian_neuron")
    c = {IONS[ion].label: cell.c_in[ion] for ion in cell.ions}
    z = {IONS[ion].label: IONS[ion].z for ion in cell.ions}
    c["A⁻"] = sum(c[label] * z[label] for label in c)  # balancing charge, taken as monovalent
    z["A⁻"] = -1
    return Fluid(
        key="cytoplasm",
        label="Cytoplasm (mammalian cell)",
        T=cell.T,
        c=c,
        z=z,
        source=cell.source,
        note=(
            "The free small ions of the book's mammalian cell. Proteins, nucleic acids and "
            "phosphates balance the cations; they are counted here as monovalent anions A⁻, "
            "which gives the lowest ionic strength their charge allows."
        ),
    )


_HYDROGEN = 1e3 * 10.0 ** (-WATER_PKW_25C / 2)  # mol/m^3 of H+ and of OH- in pure water

FLUIDS = {
    fluid.key: fluid
    for fluid in (
        Fluid(
            key="blood_plasma",
            label="Blood plasma",
            T=ZERO_CELSIUS + 37.0,
            c={
                "Na⁺": 142.0,
                "K⁺": 5.0,
                "Mg²⁺": 1.5,
                "Ca²⁺": 2.5,
                "Cl⁻": 103.0,
                "HCO₃⁻": 27.0,
                "HPO₄²⁻": 1.0,
                "SO₄²⁻": 0.5,
            },
            z={
                "Na⁺": 1,
                "K⁺": 1,
                "Mg²⁺": 2,
                "Ca²⁺": 2,
                "Cl⁻": -1,
                "HCO₃⁻": -1,
                "HPO₄²⁻": -2,
                "SO₄²⁻": -2,
            },
            source="kokubo2006",
            note=(
                "Human blood plasma, Table 1 of the source (total Ca and Mg). The listed "
                "anions carry less charge than the cations: the balance is on plasma "
                "proteins and organic anions, not counted."
            ),
        ),
        Fluid(
            key="saline",
            label="Saline, 0.9 % NaCl",
            T=ZERO_CELSIUS + 37.0,
            c={
                "Na⁺": SALINE_NACL_PER_LITRE / _NACL_MOLAR_MASS * 1e3,
                "Cl⁻": SALINE_NACL_PER_LITRE / _NACL_MOLAR_MASS * 1e3,
            },
            z={"Na⁺": 1, "Cl⁻": -1},
            source="",
            note="9 g of sodium chloride per litre of solution: a definition, not a measurement.",
        ),
        _cytoplasm(),
        Fluid(
            key="sea_water",
            label="Sea water",
            T=ZERO_CELSIUS + 20.0,
            c={
                "Na⁺": 468.9674,
                "Mg²⁺": 52.8171,
                "Ca²⁺": 10.2821,
                "K⁺": 10.2077,
                "Sr²⁺": 0.0907,
                "Cl⁻": 545.8696,
                "SO₄²⁻": 28.2352,
                "Br⁻": 0.8421,
                "HCO₃⁻": 1.7177,
                "CO₃²⁻": 0.2390,
                "B(OH)₄⁻": 0.0781,
                "F⁻": 0.0683,
                "OH⁻": 0.0080,
            },
            z={
                "Na⁺": 1,
                "Mg²⁺": 2,
                "Ca²⁺": 2,
                "K⁺": 1,
                "Sr²⁺": 2,
                "Cl⁻": -1,
                "SO₄²⁻": -2,
                "Br⁻": -1,
                "HCO₃⁻": -1,
                "CO₃²⁻": -2,
                "B(OH)₄⁻": -1,
                "F⁻": -1,
                "OH⁻": -1,
            },
            source="millero2008",
            note=(
                "The Reference Composition of standard sea water of practical salinity 35, "
                "in mmol per kg of sea water (a few percent less than per litre)."
            ),
        ),
        Fluid(
            key="fresh_water",
            label="Fresh water (world-average river)",
            T=ZERO_CELSIUS + 20.0,
            c=_from_mg_per_litre(
                {
                    "Ca²⁺": 15.0,
                    "Mg²⁺": 4.1,
                    "Na⁺": 6.3,
                    "K⁺": 2.3,
                    "HCO₃⁻": 58.4,
                    "SO₄²⁻": 11.2,
                    "Cl⁻": 7.8,
                    "NO₃⁻": 1.0,
                }
            ),
            z={
                "Ca²⁺": 2,
                "Mg²⁺": 2,
                "Na⁺": 1,
                "K⁺": 1,
                "HCO₃⁻": -1,
                "SO₄²⁻": -2,
                "Cl⁻": -1,
                "NO₃⁻": -1,
            },
            source="livingstone1963",
            note=(
                "The mean composition of the world's rivers, converted from mg/L; "
                "ponds and lakes range from several times more dilute to much saltier."
            ),
        ),
        Fluid(
            key="pure_water",
            label="Pure water",
            T=ZERO_CELSIUS + 25.0,
            c={"H⁺": _HYDROGEN, "OH⁻": _HYDROGEN},
            z={"H⁺": 1, "OH⁻": -1},
            source="bandura2006",
            note=(
                "Only the ions of water's own dissociation, [H⁺] = [OH⁻] = √Kw; water "
                "standing in air takes up carbon dioxide and holds more."
            ),
        ),
    )
}


def get_fluid(key):
    """Return the :class:`Fluid` called ``key``.

    Parameters
    ----------
    key : str
        One of ``FLUIDS``.

    Returns
    -------
    Fluid

    Raises
    ------
    ValueError
        If ``key`` is not a known fluid.

    Examples
    --------
    >>> round(get_fluid("saline").c["Na⁺"], 1)  # mM
    154.0
    >>> round(get_fluid("pure_water").c["H⁺"] * 1e4, 3)  # in units of 1e-4 mM (= 1e-7 M)
    1.006
    """
    try:
        return FLUIDS[key]
    except (KeyError, TypeError):
        raise ValueError(f"key must be one of {sorted(FLUIDS)}; got {key!r}") from None
