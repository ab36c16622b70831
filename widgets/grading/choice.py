"""Graded conceptual items: a choice among options, each wrong one a named misconception.

A learner answers with the letter of an option, ``answer = "b"``. A wrong option gets
its own feedback, which names the misconception it stands for and refutes it with the
physics; the right one gets the explanation. Two kinds exist: ``"predict"``, a direction
or sign chosen before computing it, and ``"concept"``, a misconception probe.
"""

from dataclasses import dataclass

from widgets.grading.answers import read_choice

CHOICE_KINDS = ("predict", "concept")


@dataclass(frozen=True)
class Option:
    """One option of a :class:`ChoiceProblem`.

    Attributes
    ----------
    key : str
        The letter a learner types, e.g. ``"a"``.
    text : str
        The option as the exercise notebook shows it.
    feedback : str
        For a wrong option: the misconception it stands for and why it is wrong.
        For the right option: may be empty (the problem's explanation is shown).
    """

    key: str
    text: str
    feedback: str = ""


@dataclass(frozen=True)
class ChoiceProblem:
    """One graded question whose answer is the letter of an option.

    Attributes
    ----------
    id : str
        Short identifier used in ``check(id, answer)``, e.g. ``"nernst-predict-k-out"``.
    symbol : str
        Short name of what is chosen, e.g. ``"Direction of E_K"``.
    quantity : str
        What is asked, in words.
    options : tuple of Option
        The options in the order shown; keys are distinct lower-case letters.
    answer : str
        Key of the right option.
    explanation : str
        The physics, shown with the right answer.
    objective : str
        Key of the learning objective assessed, in the chapter's ``OBJECTIVES``.
    kind : str
        ``"predict"`` or ``"concept"`` (see the module notes).
    points : int
        Points for the right option.

    Raises
    ------
    ValueError
        If the keys repeat or are not single lower-case letters, ``answer`` is not
        one of them, a wrong option has no feedback, or ``kind`` is unknown.

    Examples
    --------
    >>> problem = ChoiceProblem(
    ...     id="demo", symbol="Sign", quantity="the sign of E_Cl",
    ...     options=(Option("a", "negative"), Option("b", "positive", "Cl- is an anion.")),
    ...     answer="a", explanation="An anion is held out by a negative interior.",
    ...     objective="anion", kind="predict")
    >>> problem.is_correct(problem.read(" A "))
    True
    >>> problem.diagnose("b")
    'Cl- is an anion.'
    """

    id: str
    symbol: str
    quantity: str
    options: tuple
    answer: str
    explanation: str
    objective: str = ""
    kind: str = "concept"
    points: int = 1
    unit: str = ""  # no unit: the grading table and feedback treat choices like pure numbers

    def __post_init__(self):
        keys = [option.key for option in self.options]
        if len(set(keys)) != len(keys) or not all(_is_letter(key) for key in keys):
            raise ValueError(f"option keys must be distinct lower-case letters; got {keys}")
        if len(keys) < 2:
            raise ValueError(f"options must hold at least two options; got {keys}")
        if self.answer not in keys:
            raise ValueError(f"answer must be one of {keys}; got {self.answer!r}")
        silent = [o.key for o in self.options if o.key != self.answer and not o.feedback]
        if silent:
            raise ValueError(f"every wrong option needs its feedback; {silent} have none")
        if self.kind not in CHOICE_KINDS:
            raise ValueError(f"kind must be one of {CHOICE_KINDS}; got {self.kind!r}")

    @property
    def keys(self):
        """The option letters, in order (tuple of str)."""
        return tuple(option.key for option in self.options)

    def read(self, answer):
        """Return the learner's answer as an option key (see :func:`~.answers.read_choice`)."""
        return read_choice(answer, self.keys)

    def blank_prompt(self):
        """Return what the blank asks for, e.g. ``'the letter of your choice ("a" to "c")'``."""
        return f'the letter of your choice in quotes ("{self.keys[0]}" to "{self.keys[-1]}")'

    def blank_comment(self):
        """Return the comment after the blank ``answer = ...`` of a learner copy."""
        return f'your choice: "{self.keys[0]}" to "{self.keys[-1]}"'

    def is_correct(self, key):
        """Return True if ``key`` is the right option."""
        return key == self.answer

    def correct_message(self):
        """Return the feedback for the right option."""
        text = self._option(self.answer).text.rstrip(".")  # an option may end with a full stop
        return f"({self.answer}) {text}. {self.explanation}"

    def diagnose(self, key):
        """Return the feedback of a wrong option: the misconception it stands for."""
        return self._option(key).feedback

    def with_unit(self, key):
        """Return ``key`` as shown in feedback."""
        return str(key)

    def _option(self, key):
        return next(option for option in self.options if option.key == key)


def _is_letter(key):
    return isinstance(key, str) and len(key) == 1 and "a" <= key <= "z"
