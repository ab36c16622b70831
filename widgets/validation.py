"""Input checks shared by every public function of :mod:`widgets`.

Each check converts its input to a float array and raises a ``ValueError``
that names the argument and repeats the value received, so a learner or an
instructor sees at once which input was wrong.
"""

import numpy as np


def _as_float_array(name, value):
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number or an array of numbers; got {value!r}") from None
    return arr


def finite(name, value):
    """Return ``value`` as a float array, requiring every entry to be finite."""
    arr = _as_float_array(name, value)
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must be finite; got {value!r}")
    return arr


def scalar(name, value):
    """Return ``value`` as a Python float, requiring a single finite number."""
    arr = finite(name, value)
    if arr.ndim != 0:
        raise ValueError(f"{name} must be a single number; got {value!r}")
    return float(arr)


def positive(name, value):
    """Return ``value`` as a float array, requiring finite entries > 0."""
    arr = finite(name, value)
    if np.any(arr <= 0):
        raise ValueError(f"{name} must be positive; got {value!r}")
    return arr


def non_negative(name, value):
    """Return ``value`` as a float array, requiring finite entries >= 0."""
    arr = finite(name, value)
    if np.any(arr < 0):
        raise ValueError(f"{name} must not be negative; got {value!r}")
    return arr


def nonzero(name, value):
    """Return ``value`` as a float array, requiring finite, non-zero entries."""
    arr = finite(name, value)
    if np.any(arr == 0):
        raise ValueError(f"{name} must not be zero; got {value!r}")
    return arr


def integer(name, value, minimum):
    """Return ``value`` as an int, requiring an integer (not a bool) of at least ``minimum``."""
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        raise ValueError(f"{name} must be an integer; got {value!r}")
    if value < minimum:
        raise ValueError(f"{name} must be at least {minimum}; got {value!r}")
    return int(value)


def temperature(T):
    """Return an absolute temperature in K, requiring it to be finite and > 0 K."""
    arr = _as_float_array("T", T)
    if not np.all(np.isfinite(arr)) or np.any(arr <= 0):
        raise ValueError(f"T must be an absolute temperature above 0 K; got {T!r}")
    return arr


def per_ion(**arrays):
    """Return 1-D arrays of equal length, one entry per ion, in the order given.

    Raises ``ValueError`` naming the arguments when lengths differ or are zero.
    """
    flat = {name: np.atleast_1d(arr) for name, arr in arrays.items()}
    for name, arr in flat.items():
        if arr.ndim != 1:
            raise ValueError(f"{name} must be a 1-D sequence, one entry per ion; got {arr!r}")
    _same_ion_count(flat)
    return tuple(flat.values())


def per_ion_rows(**arrays):
    """Return arrays whose last axis runs over ions, broadcast over their leading axes.

    Every argument must have the same number of ions (no broadcasting along the
    ion axis); leading axes, such as a range of concentrations, broadcast as in
    numpy. Raises ``ValueError`` naming the arguments otherwise.
    """
    flat = {name: np.atleast_1d(arr) for name, arr in arrays.items()}
    _same_ion_count(flat)
    try:
        return tuple(np.broadcast_arrays(*flat.values()))
    except ValueError:
        shapes = ", ".join(f"{name} has shape {arr.shape}" for name, arr in flat.items())
        raise ValueError(f"the leading axes of the arguments must broadcast; {shapes}") from None


def _same_ion_count(flat):
    lengths = {name: arr.shape[-1] for name, arr in flat.items()}
    if len(set(lengths.values())) != 1 or 0 in lengths.values():
        listed = ", ".join(f"{name} has {n}" for name, n in lengths.items())
        raise ValueError(f"need one entry per ion in every argument; {listed}")


def scalar_or_array(arr):
    """Return a Python float for a 0-d result, the array otherwise."""
    arr = np.asarray(arr)
    return float(arr) if arr.ndim == 0 else arr
