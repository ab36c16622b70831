"""The tables of the book's notation page, generated from the package so they cannot go stale.

``notation.md`` (back matter) shows the physical constants and the cell presets the
book computes with. Both tables are written here as Markdown from the values the
physics uses: a constant added to :mod:`widgets.constants` (or exported by
:mod:`widgets.physics`) gets one :class:`Constant` row in :data:`CONSTANTS`, and a test
fails until it has one. Presets come from :data:`widgets.data.ions.PRESETS` as they are.
"""

from dataclasses import dataclass

from widgets import constants
from widgets.constants import kelvin_to_celsius
from widgets.data.ions import IONS, PRESETS
from widgets.formatting import format_number
from widgets.physics.channels import HH_G_LEAK
from widgets.physics.electrostatics import MEMBRANE_CAPACITANCE
from widgets.physics.screening import WATER_PERMITTIVITY_RELATIVE


@dataclass(frozen=True)
class Constant:
    """One row of the constants table.

    Attributes
    ----------
    name : str
        The Python name, e.g. ``"FARADAY"``; where it lives is ``module``.
    module : str
        The module that defines it, e.g. ``"widgets.constants"``.
    symbol : str
        MyST math for the symbol, e.g. ``"$F$"``.
    meaning : str
        What it is, in words.
    value : float
        The value in SI units.
    unit : str
        The SI unit, e.g. ``"C/mol"``; ``""`` for a pure number.
    source : str
        Where the value comes from, in MyST (``{cite}`` roles allowed).
    """

    name: str
    module: str
    symbol: str
    meaning: str
    value: float
    unit: str
    source: str


_SI = "exact (SI 2019)"
CONSTANTS = (
    Constant(
        "ELEMENTARY_CHARGE",
        "widgets.constants",
        "$e$",
        "elementary charge",
        constants.ELEMENTARY_CHARGE,
        "C",
        _SI,
    ),
    Constant(
        "AVOGADRO",
        "widgets.constants",
        "$N_A$",
        "Avogadro constant",
        constants.AVOGADRO,
        "mol⁻¹",
        _SI,
    ),
    Constant(
        "BOLTZMANN",
        "widgets.constants",
        "$k_B$",
        "Boltzmann constant",
        constants.BOLTZMANN,
        "J K⁻¹",
        _SI,
    ),
    Constant(
        "GAS_CONSTANT",
        "widgets.constants",
        "$R = k_B N_A$",
        "gas constant",
        constants.GAS_CONSTANT,
        "J mol⁻¹ K⁻¹",
        "computed from $k_B$ and $N_A$",
    ),
    Constant(
        "FARADAY",
        "widgets.constants",
        "$F = e N_A$",
        "Faraday constant: the charge of a mole of elementary charges",
        constants.FARADAY,
        "C mol⁻¹",
        "computed from $e$ and $N_A$",
    ),
    Constant(
        "VACUUM_PERMITTIVITY",
        "widgets.constants",
        r"$\varepsilon_0$",
        "vacuum permittivity",
        constants.VACUUM_PERMITTIVITY,
        "F m⁻¹",
        "CODATA recommended value, via `scipy.constants`",
    ),
    Constant(
        "ZERO_CELSIUS",
        "widgets.constants",
        "–",
        "0 °C on the absolute scale",
        constants.ZERO_CELSIUS,
        "K",
        "exact, by definition of the Celsius scale",
    ),
    Constant(
        "BODY_TEMPERATURE",
        "widgets.constants",
        "$T$",
        "body temperature, 37 °C: the default of every function",
        constants.BODY_TEMPERATURE,
        "K",
        "human core temperature",
    ),
    Constant(
        "ROOM_TEMPERATURE",
        "widgets.constants",
        "$T$",
        "a bench temperature, 20 °C (the squid axon's preset)",
        constants.ROOM_TEMPERATURE,
        "K",
        "a typical laboratory temperature",
    ),
    Constant(
        "MOLAR",
        "widgets.constants",
        "M",
        "one mole per litre in SI units: the 1 M standard state against which pH is defined",
        constants.MOLAR,
        "mol m⁻³",
        "exact, by definition (1 L = 10⁻³ m³)",
    ),
    Constant(
        "MEMBRANE_CAPACITANCE",
        "widgets.physics.electrostatics",
        "$C_m$",
        "specific membrane capacitance, 1 µF/cm²",
        MEMBRANE_CAPACITANCE,
        "F m⁻²",
        "{cite}`hille2001`, ch. 1; 0.9 µF/cm² measured in neurons {cite}`gentet2000`",
    ),
    Constant(
        "WATER_PERMITTIVITY_RELATIVE",
        "widgets.physics.screening",
        r"$\varepsilon_w$",
        "relative permittivity of water at 37 °C",
        WATER_PERMITTIVITY_RELATIVE,
        "",
        "{cite}`malmberg1956`",
    ),
    Constant(
        "HH_G_LEAK",
        "widgets.physics.channels",
        r"$g_L$",
        "squid-axon leak conductance, 0.3 mS/cm²: the GHK chapter scales each cell's leak to it",
        HH_G_LEAK,
        "S m⁻²",
        "{cite}`hodgkin1952`",
    ),
)

# The ions of the presets table, one column each.
_PRESET_IONS = ("K", "Na", "Cl", "Ca")


def constants_table():
    """Return the constants as a MyST Markdown table: symbol, meaning and name, value, source.

    Returns
    -------
    str
        One header and one row per :data:`CONSTANTS` entry, values in SI units with
        ten significant digits.

    Examples
    --------
    >>> constants_table().splitlines()[0]
    '| Symbol | Meaning (name in the package) | Value (SI) | Source |'
    """
    rows = [
        "| Symbol | Meaning (name in the package) | Value (SI) | Source |",
        "|:---|:---|:---|:---|",
    ]
    for c in CONSTANTS:
        value = f"{_value(c.value)} {c.unit}".strip()
        rows.append(f"| {c.symbol} | {c.meaning} (`{c.name}`) | {value} | {c.source} |")
    return "\n".join(rows)


def presets_table():
    """Return every cell preset as a MyST Markdown table of concentrations with its source.

    Returns
    -------
    str
        One row per preset: name, temperature in °C, each ion outside / inside in mM
        (a dash where the preset has no value), permeability ratios if published,
        and the ``{cite}`` of its sources.

    Examples
    --------
    >>> presets_table().splitlines()[2].startswith("| Typical mammalian cell | 37 |")
    True
    """
    ions = " | ".join(f"{IONS[ion].label} out / in" for ion in _PRESET_IONS)
    rows = [
        f"| Cell | T (°C) | {ions} | Permeabilities $P_K : P_\\text{{Na}} : P_\\text{{Cl}}$ "
        "| Source |",
        "|:---|---:|" + "---:|" * len(_PRESET_IONS) + ":---|:---|",
    ]
    for preset in PRESETS.values():
        cells = [_pair(preset, ion) for ion in _PRESET_IONS]
        ratios = (
            " : ".join(f"{preset.permeability[ion]:g}" for ion in ("K", "Na", "Cl"))
            + f" {{cite}}`{preset.permeability_source}`"
            if preset.permeability
            else "–"
        )
        sources = ",".join(key.strip() for key in preset.source.split(","))
        rows.append(
            f"| {preset.label} | {format_number(kelvin_to_celsius(preset.T), 0)} | "
            + " | ".join(cells)
            + f" | {ratios} | {{cite}}`{sources}` |"
        )
    return "\n".join(rows)


def _pair(preset, ion):
    if ion not in preset.ions:
        return "–"
    return f"{preset.c_out[ion]:g} / {preset.c_in[ion]:g}"


def _value(value):
    if value == 0 or 1e-3 <= abs(value) < 1e5:
        return f"{value:.10g}"
    mantissa, exponent = f"{value:.9e}".split("e")
    return f"{mantissa.rstrip('0').rstrip('.')} × 10{_superscript(int(exponent))}"


def _superscript(exponent):
    return str(exponent).translate(str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))
