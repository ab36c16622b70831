"""Every Examples section in the widgets package runs, and its printed output is the real result."""

import doctest
import importlib
import pkgutil

import pytest

import widgets

MODULES = sorted(
    name
    for _, name, _ in pkgutil.walk_packages(widgets.__path__, prefix="widgets.")
    if not name.endswith("__main__")
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} docstring example(s) in {name} failed"
