"""What a graded problem is: its expected answer, its tolerance and its known slips.

Tolerance
---------
An answer is correct when it lies within 0.5 % of the expected value or within the
problem's absolute tolerance (0.2 mV for potentials), whichever is larger. That accepts
the rounding of a careful hand calculation (RT/F = 26.7 mV, 61.5 mV per decade)
and rejects a real error.

A *slip* is a wrong answer we can name (volts for millivolts, Celsius for kelvin,
log10 for ln, inside/outside swapped, a wrong valence). It is recognised within
2 % of the value the slip produces, wider than the correct window because a slip is
often combined with rounding; relative only, because some slips give values near zero
(an exponent made 8 times too large) where an absolute floor would catch any small answer.
"""

from dataclasses import dataclass

REL_TOL = 0.005  # correct within 0.5 % ...
SLIP_REL_TOL = 0.02  # a named slip within 2 % ...
NEAR_MISS_REL_TOL = 0.05  # close enough to suggest rounding rather than a wrong method
UNIT_STEP = 1000.0  # V -> mV, M -> mM

# The unit a learner may have answered in by mistake, 1000 times larger than the one asked for.
LARGER_UNITS = {"mV": "V", "mM": "M (mol/L)"}


@dataclass(frozen=True)
class Slip:
    """A recognisable wrong answer and what it tells the learner.

    Attributes
    ----------
    value : float
        The answer the slip produces, in the problem's unit.
    message : str
        Plain words: what probably went wrong, and the physics that fixes it.
    """

    value: float
    message: str

    def __post_init__(self):
        object.__setattr__(self, "value", float(self.value))  # numpy scalars read badly


@dataclass(frozen=True)
class Problem:
    """One graded question.

    Attributes
    ----------
    id : str
        Short identifier used in ``check(id, answer)``, e.g. ``"nernst-ek"``.
    symbol : str
        Short name of the answer, e.g. ``"E_K"``.
    quantity : str
        What is asked for, in words, e.g. ``"E_K of the mammalian neuron at 37 degC"``.
    unit : str
        Unit of the answer, e.g. ``"mV"``; ``""`` for a pure number.
    expected : float
        The answer in ``unit``, computed with :mod:`widgets.physics`.
    abs_tol : float
        Absolute tolerance in ``unit`` (see the module notes).
    explanation : str
        The physics, shown with a correct answer.
    hint : str
        How to get there, shown with an answer we cannot name.
    slips : tuple of Slip
        Recognisable wrong answers, checked in order (first match wins).
    points : int
        Points for a correct answer.
    """

    id: str
    symbol: str
    quantity: str
    unit: str
    expected: float
    abs_tol: float
    explanation: str
    hint: str
    slips: tuple = ()
    points: int = 1

    def __post_init__(self):
        object.__setattr__(self, "expected", float(self.expected))

    def is_correct(self, value):
        """Return True if ``value`` (in ``unit``) is within tolerance of the expected answer."""
        return abs(value - self.expected) <= max(REL_TOL * abs(self.expected), self.abs_tol)

    def find_slip(self, value):
        """Return the first :class:`Slip` whose value matches ``value``, or None."""
        for slip in self.slips:
            if abs(value - slip.value) <= SLIP_REL_TOL * abs(slip.value):
                return slip
        return None

    def is_near_miss(self, value):
        """Return True if ``value`` is close to, but outside, the tolerance."""
        return abs(value - self.expected) <= NEAR_MISS_REL_TOL * abs(self.expected)

    def with_unit(self, value):
        """Return ``value`` formatted with four significant figures and the unit."""
        number = f"{value:.4g}"
        return f"{number} {self.unit}" if self.unit else number
