"""Cited reference data shared by chapters, explorers and exercises."""

from widgets.data.ions import ION_NAMES, IONS, PRESETS, CellPreset, Ion, get_preset

__all__ = ["ION_NAMES", "IONS", "PRESETS", "CellPreset", "Ion", "get_preset"]
