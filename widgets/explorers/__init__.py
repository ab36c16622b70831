"""Interactive explorers: ipywidgets controls driving the figures of :mod:`widgets.figures`.

One view (``view.js``) shows every explorer: live in JupyterLab (or Binder), and on the
book's website along precomputed frames of the controls its ``site_grid()`` declares
(a snapshot where it declares none). See :mod:`widgets.explorers.base` for how to write one.
"""

from widgets.explorers.applications import ScenarioExplorer, scenario_explorer
from widgets.explorers.base import Explorer
from widgets.explorers.capacitor import CapacitorExplorer, capacitor_explorer
from widgets.explorers.channels import (
    RestExplorer,
    SelectivityExplorer,
    channels_explorer,
    rest_explorer,
    selectivity_explorer,
)
from widgets.explorers.ghk import GHKExplorer, ghk_explorer
from widgets.explorers.nernst import NernstExplorer, nernst_explorer
from widgets.explorers.pump import PumpExplorer, pump_explorer
from widgets.explorers.screening import ScreeningExplorer, screening_explorer

__all__ = [
    "CapacitorExplorer",
    "Explorer",
    "GHKExplorer",
    "NernstExplorer",
    "PumpExplorer",
    "RestExplorer",
    "ScenarioExplorer",
    "ScreeningExplorer",
    "SelectivityExplorer",
    "capacitor_explorer",
    "channels_explorer",
    "ghk_explorer",
    "nernst_explorer",
    "pump_explorer",
    "rest_explorer",
    "scenario_explorer",
    "screening_explorer",
    "selectivity_explorer",
]
