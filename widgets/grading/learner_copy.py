"""Write the learner copy of a solved exercise notebook.

Usage::

    python -m widgets.grading.learner_copy exercises/solutions/nernst.ipynb exercises/nernst.ipynb
"""

import argparse
import sys

import nbformat

from widgets.grading.notebook import NotebookError, answer_cells, learner_copy, read_notebook


def main(argv=None):
    """Run the generator; return the process exit code (0 on success, 2 on a bad input).

    Parameters
    ----------
    argv : list of str, optional
        Command-line arguments (default ``sys.argv[1:]``).

    Returns
    -------
    int
        Exit code.
    """
    parser = argparse.ArgumentParser(
        prog="python -m widgets.grading.learner_copy",
        description="Blank the solution cells of a solved exercise notebook.",
    )
    parser.add_argument("solved", help="the solved notebook (answer cells tagged 'solution')")
    parser.add_argument("learner", help="where to write the learner copy")
    args = parser.parse_args(argv)
    try:
        learner = learner_copy(read_notebook(args.solved))
    except (NotebookError, ValueError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    nbformat.write(learner, args.learner)
    print(f"wrote {args.learner} ({len(answer_cells(learner))} answer cells)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
