"""Every explorer of the book, found without a list to keep up to date.

``EXPLORERS``: the ``<name>_explorer`` factories :mod:`widgets.explorers` exports.
:func:`notebook_explorers`: the cells of the book's notebooks (those in ``_toc.yml``)
that call one, in page order, so the site and JupyterLab tests cover each explorer a
chapter adds without being edited.
"""

import ast
from dataclasses import dataclass

import nbformat
import yaml
from repo_tools import ROOT

import widgets.explorers

EXPLORERS = sorted(name for name in widgets.explorers.__all__ if name.endswith("_explorer"))


def build(factory, **kwargs):
    """Return a new explorer from factory ``factory`` (a name in ``EXPLORERS``)."""
    return getattr(widgets.explorers, factory)(**kwargs)


@dataclass(frozen=True)
class ExplorerCell:
    """A notebook cell that displays an explorer."""

    page: str  # the page, e.g. "chapters/nernst" (notebook: page + ".ipynb")
    code_index: int  # among the notebook's code cells
    factory: str  # e.g. "nernst_explorer"
    args: tuple  # its literal positional arguments
    kwargs: dict  # and keyword arguments

    @property
    def notebook(self):
        return f"{self.page}.ipynb"

    @property
    def id(self):
        return f"{self.page}:{self.factory}:{self.code_index}"

    def build(self):
        """Return the explorer this cell displays, built the same way in this process."""
        return getattr(widgets.explorers, self.factory)(*self.args, **self.kwargs)


def toc_pages():
    """Return every page of ``_toc.yml`` (root first), as paths without suffix."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    pages = [toc["root"]]
    for part in toc.get("parts", [toc]):
        pages += [chapter["file"] for chapter in part.get("chapters", [])]
    return pages


def notebook_explorers():
    """Return an :class:`ExplorerCell` for each explorer the book's notebooks display."""
    found = []
    for page in toc_pages():
        path = ROOT / f"{page}.ipynb"
        if not path.is_file():
            continue
        cells = nbformat.read(path, as_version=4).cells
        code = [cell.source for cell in cells if cell.cell_type == "code"]
        for index, source in enumerate(code):
            for call in _explorer_calls(source):
                found.append(ExplorerCell(page, index, call.func.id, *_literal(call, page)))
    return found


def distinct_explorers(cells):
    """Return the first of ``cells`` for each distinct explorer call (factory and arguments).

    An exercise that displays the chapter's explorer with the chapter's arguments shows the
    same view: a behaviour checked on one is checked on both.
    """
    seen, found = set(), []
    for cell in cells:
        key = (cell.factory, repr(cell.args), repr(sorted(cell.kwargs.items())))
        if key not in seen:
            seen.add(key)
            found.append(cell)
    return found


def _explorer_calls(source):
    try:
        tree = ast.parse(source)
    except SyntaxError:  # IPython magics: not an explorer cell
        return []
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id.endswith("_explorer")
        and node.func.id in EXPLORERS
    ]


def _literal(call, page):
    """Return the call's positional and keyword arguments, which must be literals."""
    try:
        args = tuple(ast.literal_eval(arg) for arg in call.args)
        return args, {keyword.arg: ast.literal_eval(keyword.value) for keyword in call.keywords}
    except ValueError:
        raise ValueError(
            f"{page}: {call.func.id}(...) needs literal arguments so the tests can rebuild it"
        ) from None
