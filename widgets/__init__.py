"""Resting Potential: the physics, figures, explorers and grading behind the textbook.

Layers, each importing only the ones below it: ``physics`` (pure numpy, SI units),
``figures`` (matplotlib), ``explorers`` (ipywidgets) and, beside them, ``grading``.
"""

__version__ = "0.1.0"
