"""Matplotlib figures built once and updated in place, rendered to PNG with Agg.

No module here imports ipywidgets: the explorers wrap these figures in controls.
"""

from widgets.figures.agg import AggRenderer, new_figure, render_png
from widgets.figures.applications import ScenarioFigure
from widgets.figures.capacitor import CapacitorFigure
from widgets.figures.channels import RestFigure, SelectivityFigure
from widgets.figures.ghk import GHKFigure
from widgets.figures.nernst import NernstFigure
from widgets.figures.pump import PumpFigure
from widgets.figures.screening import ScreeningFigure

__all__ = [
    "AggRenderer",
    "CapacitorFigure",
    "GHKFigure",
    "NernstFigure",
    "PumpFigure",
    "RestFigure",
    "ScenarioFigure",
    "ScreeningFigure",
    "SelectivityFigure",
    "new_figure",
    "render_png",
]
