"""Entry point of ``python -m widgets.grading``."""

import sys

from widgets.grading.cli import main

sys.exit(main())
