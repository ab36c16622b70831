"""Settings and fixtures shared by every test."""

import os

import matplotlib
from hypothesis import settings

# Figures are rendered off-screen; no display is needed.
matplotlib.use("Agg")

# Property tests check physical laws, not speed: a loaded CI machine must not fail them on time.
settings.register_profile(
    "project", deadline=None, max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", 100))
)
settings.load_profile("project")
