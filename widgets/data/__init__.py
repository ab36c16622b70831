"""Cited reference data shared by chapters, explorers and exercises."""

from widgets.data.fluids import FLUIDS, Fluid, get_fluid
from widgets.data.ions import (
    ALKALI_IONS,
    ALL_PRESETS,
    APPLICATION_PRESETS,
    ION_NAMES,
    IONS,
    PRESETS,
    CellPreset,
    Ion,
    get_preset,
)

__all__ = [
    "ALKALI_IONS",
    "ALL_PRESETS",
    "APPLICATION_PRESETS",
    "FLUIDS",
    "ION_NAMES",
    "IONS",
    "PRESETS",
    "CellPreset",
    "Fluid",
    "Ion",
    "get_fluid",
    "get_preset",
]
