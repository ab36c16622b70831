"""Entry point of ``python -m widgets.grading``."""

import sys

from widgets.grading.cli import main

if __name__ == "__main__":  # parallel grading starts worker processes that import modules
    sys.exit(main())
