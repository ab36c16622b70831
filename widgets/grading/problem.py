"""What a numeric graded problem is: its expected answer, its tolerance and its known slips.

Tolerance
---------
An answer is correct when it lies within 0.5 % of the expected value or within the
problem's absolute tolerance (0.2 mV for potentials), whichever is larger. That accepts
the rounding of a careful hand calculation (RT/F = 26.7 mV, 61.5 mV per decade)
and rejects a real error. An order-of-magnitude estimate (``kind="estimate"``) is
instead correct within a factor ``factor_tol`` of the expected value, either way.

A *slip* is a wrong answer we can name (volts for millivolts, Celsius for kelvin,
log10 for ln, inside/outside swapped, a wrong valence). It is recognised within
2 % of the value the slip produces, wider than the correct window because a slip is
often combined with rounding; relative only, because some slips give values near zero
(an exponent made 8 times too large) where an absolute floor would catch any small answer.

Every problem names the chapter's learning objective it assesses (``objective``, a key
of the chapter's ``OBJECTIVES`` in :mod:`widgets.grading.problems`) and its ``kind``,
so a test can check that each exercise set meets the book's exercise standard.

Page and grader agree
---------------------
A chapter prints rounded constants and rules of thumb (RT/F = 26.7 mV, 61.5 mV per
tenfold ratio); a learner who uses them must be graded correct. The chapter's problem
module declares each as a :class:`Rounded`, and each problem lists its ``routes``: the
hand calculations that reach its answer, written as functions of those declared values.
A test runs every route with the exact values (it must give ``expected``) and with every
printed rounding (it must be graded correct), so a rounding the tolerance cannot absorb
fails the build instead of a learner.
"""

from dataclasses import dataclass

from widgets.grading.answers import read_answer

REL_TOL = 0.005  # correct within 0.5 % ...
SLIP_REL_TOL = 0.02  # a named slip within 2 % ...
NEAR_MISS_REL_TOL = 0.05  # close enough to suggest rounding rather than a wrong method
UNIT_STEP = 1000.0  # V -> mV, M -> mM

# The unit a learner may have answered in by mistake, 1000 times larger than the one asked for.
LARGER_UNITS = {"mV": "V", "mM": "M (mol/L)"}

# What a numeric problem asks for: a calculation, an order-of-magnitude estimate, or a
# value read from (or confirmed with) an explorer.
NUMERIC_KINDS = ("calculation", "estimate", "explorer")

NEAR_MISS = (
    "Close, but outside the tolerance of {tolerance}. The rounded constants the chapter "
    "prints are accurate enough; a constant rounded further, or a value read off a graph, "
    "is not. Redo the arithmetic with the chapter's values."
)


@dataclass(frozen=True)
class Rounded:
    """A rounded constant or rule of thumb that a chapter prints, as a learner would use it.

    Attributes
    ----------
    key : str
        The name the problems' routes read it by, e.g. ``"RT/F at 37 degC"``.
    exact : float
        Its full-precision value, in the unit the page prints it in.
    printed : float
        The value as printed, e.g. ``26.7``.
    text : str
        How the page prints it, e.g. ``"RT/F = 26.7 mV at 37 °C"``; quoted in feedback.
    """

    key: str
    exact: float
    printed: float
    text: str

    def __post_init__(self):
        object.__setattr__(self, "exact", float(self.exact))
        object.__setattr__(self, "printed", float(self.printed))


def exact_values(rounded):
    """Return the full-precision value of every key of ``rounded``.

    Parameters
    ----------
    rounded : sequence of Rounded
        A chapter's printed roundings; a key may appear with several roundings.

    Returns
    -------
    dict of str to float
        Key -> exact value: what a route reads to reproduce ``expected``.

    Raises
    ------
    ValueError
        If one key is declared with two different exact values.

    Examples
    --------
    >>> exact_values([Rounded("ln 10", 2.302585, 2.303, "ln 10 = 2.303")])
    {'ln 10': 2.302585}
    """
    values = {}
    for item in rounded:
        if values.setdefault(item.key, item.exact) != item.exact:
            raise ValueError(f"{item.key!r} is declared with two exact values")
    return values


def near_miss_message(rounded, advice=""):
    """Return near-miss feedback that quotes the roundings the chapter prints.

    Parameters
    ----------
    rounded : sequence of Rounded
        The chapter's printed roundings, quoted by their ``text``.
    advice : str, optional
        A sentence to add, e.g. about a rule of thumb the chapter does not use.

    Returns
    -------
    str
        Feedback with the placeholder ``{tolerance}``, for :attr:`Problem.near_miss`.

    Examples
    --------
    >>> text = near_miss_message([Rounded("RT/F", 26.727, 26.7, "RT/F = 26.7 mV")])
    >>> text.format(tolerance="0.5 %")[:60]
    'Close, but outside the tolerance of 0.5 %. Answers computed '
    """
    quoted = _literal("; ".join(dict.fromkeys(item.text for item in rounded)))
    text = (
        "Close, but outside the tolerance of {tolerance}. Answers computed with the values "
        f"the chapter prints ({quoted}) are graded correct, so one of your steps used a "
        "value rounded further or a different one."
    )
    return f"{text} {_literal(advice)}".strip()


def _literal(text):
    """Escape braces, so that ``str.format`` leaves ``text`` as it is."""
    return text.replace("{", "{{").replace("}", "}}")


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
    """One graded question whose answer is a number.

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
    objective : str
        Key of the learning objective assessed, in the chapter's ``OBJECTIVES``.
    kind : str
        One of :data:`NUMERIC_KINDS`.
    factor_tol : float or None
        For an estimate: correct within this factor (> 1) of ``expected``, either way.
    near_miss : str
        Feedback for an answer just outside the tolerance; ``{tolerance}`` is filled in.
    routes : tuple of callable
        The hand calculations that reach the answer. Each takes a mapping from the keys
        of the chapter's :class:`Rounded` values to numbers and returns the answer in
        ``unit``: the exact values give ``expected``, the printed ones an answer graded
        correct (see the module notes).
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
    objective: str = ""
    kind: str = "calculation"
    factor_tol: float | None = None
    near_miss: str = NEAR_MISS
    routes: tuple = ()

    def __post_init__(self):
        object.__setattr__(self, "expected", float(self.expected))
        if self.kind not in NUMERIC_KINDS:
            raise ValueError(f"kind must be one of {NUMERIC_KINDS}; got {self.kind!r}")
        if (self.kind == "estimate") != (self.factor_tol is not None):
            raise ValueError(
                f"factor_tol must be given for an estimate and only then; got {self.factor_tol!r}"
                f" for kind {self.kind!r} in {self.id!r}"
            )
        if self.factor_tol is not None and not self.factor_tol > 1:
            raise ValueError(f"factor_tol must be larger than 1; got {self.factor_tol!r}")
        if not all(callable(route) for route in self.routes):
            raise ValueError(f"routes must be functions of a mapping; got {self.routes!r}")

    def read(self, answer):
        """Return the learner's answer as a float (see :func:`~.answers.read_answer`)."""
        return read_answer(answer, self.unit)

    def blank_prompt(self):
        """Return what the blank asks for, e.g. ``"your answer in mV"``."""
        return f"your answer in {self.unit}" if self.unit else "your answer (a number)"

    def blank_comment(self):
        """Return the comment after the blank ``answer = ...`` of a learner copy."""
        return f"your answer in {self.unit}" if self.unit else "a pure number"

    def is_correct(self, value):
        """Return True if ``value`` (in ``unit``) is within tolerance of the expected answer."""
        if self.factor_tol is not None:
            ratio = value / self.expected if self.expected else float("inf")
            return 1 / self.factor_tol <= ratio <= self.factor_tol
        return abs(value - self.expected) <= max(REL_TOL * abs(self.expected), self.abs_tol)

    def correct_message(self):
        """Return the feedback for a correct answer: the expected value and the physics."""
        return f"{self.symbol} = {self.with_unit(self.expected)}. {self.explanation}"

    def find_slip(self, value):
        """Return the first :class:`Slip` whose value matches ``value``, or None."""
        for slip in self.slips:
            if abs(value - slip.value) <= SLIP_REL_TOL * abs(slip.value):
                return slip
        return None

    def is_near_miss(self, value):
        """Return True if ``value`` is close to, but outside, the tolerance."""
        return abs(value - self.expected) <= NEAR_MISS_REL_TOL * abs(self.expected)

    def diagnose(self, value):
        """Return the feedback for a wrong answer: a named slip, a near miss or a hint.

        Parameters
        ----------
        value : float
            The learner's (wrong) answer in ``unit``.

        Returns
        -------
        str
            Feedback in plain words.
        """
        slip = self.find_slip(value)
        if slip is not None:
            return slip.message
        larger = LARGER_UNITS.get(self.unit)
        if larger is not None:
            scaled = value * UNIT_STEP
            unit_note = (
                f"Your answer looks like it is in {larger}: {value:.4g} {larger} = "
                f"{self.with_unit(scaled)}. The question asks for {self.unit}."
            )
            if self.is_correct(scaled):
                return f"{unit_note} Converted, it is right."
            slip = self.find_slip(scaled)
            if slip is not None:
                return f"{unit_note} Besides that: {slip.message}"
        if self.factor_tol is None and self.is_near_miss(value):
            return self.near_miss.format(tolerance=f"{100 * REL_TOL:g} %")
        return f"Not quite: that is not {self.quantity}. Hint: {self.hint}"

    def with_unit(self, value):
        """Return ``value`` formatted with four significant figures and the unit."""
        number = f"{value:.4g}"
        return f"{number} {self.unit}" if self.unit else number
