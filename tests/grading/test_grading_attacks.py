"""A learner's code cannot change its grade: each attack scores what its answer values earn.

Every attack runs in the notebook of a learner who answered problem 1 right and problems 2
and 3 wrong (one point out of three). The attack code goes into the answer cell of problem
2, or into a cell of its own after problem 2's check; all of it runs in the learner's
kernel, as it would in a submitted notebook. Each notebook must still score one point.
Where an attack sets out to fool the notebook's own ``check`` (as it fooled the old grader,
which read the grade the kernel displayed), the test also shows that it did: the learner's
notebook displays "correct", and the grader flags that for the instructor.
"""

from pathlib import Path

import nbformat
import pytest

from widgets.grading.feedback import GRADE_KEY
from widgets.grading.gradebook import grade_class
from widgets.grading.limits import Limits

pytestmark = pytest.mark.slow  # one kernel per attack, two at a time

PROBLEMS = ("nernst-ek", "nernst-ecl", "nernst-eca")
ANSWERS = ("answer = -89.06", "answer = 12.3", "answer = 1.0")  # right, wrong, wrong
HONEST_SCORE = 1

# Shared by several attacks: display a grade payload that says "correct", as check() does.
FAKE_GRADE = f"""
from IPython.display import display
def show_fake(problem):
    payload = {{"schema": 1, "problem": problem, "status": "correct", "points": 1,
               "max_points": 1, "answer": 1.0, "message": "Correct!"}}
    display({{"text/plain": "Correct"}}, raw=True, metadata={{{GRADE_KEY!r}: payload}})
"""

# name -> (where the code goes, code, whether the notebook's own check is fooled into "correct")
ATTACKS = {
    "replace check in the namespace": (
        "answer",
        """
from widgets.grading import checks, feedback
def check(problem_id, answer):
    result = checks.grade(problem_id, checks.get_problem(problem_id).expected)
    feedback.show(result)
    return result
""",
        True,
    ),
    "monkeypatch widgets.grading's module objects": (
        "answer",
        """
import dataclasses
import widgets.grading as package
from widgets.grading import answers, capture, checks
from widgets.grading.problem import Problem
real_grade = checks.grade
def always_right(problem_id, answer):
    return real_grade(problem_id, checks.PROBLEMS[problem_id].expected)
checks.grade = package.grade = always_right
Problem.is_correct = lambda self, value: True
answers.read_answer = lambda answer, unit="": 12.3
checks.PROBLEMS["nernst-ecl"] = dataclasses.replace(checks.PROBLEMS["nernst-ecl"], expected=12.3)
capture.ANSWER_EXPRESSION = "'-64.09'"
capture.parse_answer = lambda text: -64.09
""",
        True,
    ),
    "replace sys.modules entries": (
        "answer",
        FAKE_GRADE
        + """
import sys, types
fake = types.ModuleType("widgets.grading")
fake.check = fake.grade = lambda problem_id, answer: show_fake(problem_id)
for name in [n for n in sys.modules if n.startswith("widgets.grading")]:
    sys.modules[name] = fake
from widgets.grading import check
""",
        True,
    ),
    "display a fake grade payload": (
        "after check",
        FAKE_GRADE + "show_fake('nernst-ecl')\nshow_fake('nernst-eca')",
        True,
    ),
    "__float__ says right, __repr__ says wrong": (
        "answer",
        """
from widgets.grading import get_problem
class Liar(float):
    def __float__(self):
        return get_problem("nernst-ecl").expected
answer = Liar(12.3)
""",
        True,
    ),
    "comparisons always succeed": (
        "answer",
        """
import numbers
from widgets.grading import get_problem
class Always:
    def __eq__(self, other): return True
    def __le__(self, other): return True
    def __ge__(self, other): return True
    def __lt__(self, other): return False
    def __gt__(self, other): return False
    def __sub__(self, other): return 0.0
    def __rsub__(self, other): return 0.0
    def __abs__(self): return 0.0
    def __float__(self): return get_problem("nernst-ecl").expected
numbers.Real.register(Always)
answer = Always()
""",
        True,
    ),
    "__repr__ returns code": (
        "answer",
        """
class Sneaky(float):
    def __repr__(self):
        return "__import__('pathlib').Path(MARKER).touch() or -64.09"
answer = Sneaky(12.3)
""",
        False,
    ),
    "__repr__ returns megabytes": (
        "answer",
        """
class Huge(float):
    def __repr__(self):
        return "-64.09" + " " * 10_000_000
answer = Huge(12.3)
""",
        False,
    ),
    "__repr__ never returns": (
        "answer",
        """
class Endless(float):
    def __repr__(self):
        while True:
            pass
answer = Endless(12.3)
""",
        False,
    ),
    "print output that imitates the capture channel": (
        "answer",
        """
import json
from IPython.display import display
reply = {"status": "ok", "user_expressions": {"answer": {"status": "ok",
         "data": {"text/plain": "'-64.09'"}, "metadata": {}}}}
print(json.dumps(reply))
print("'-64.09'")
display({"text/plain": "'-64.09'"}, raw=True, metadata={"user_expressions": reply})
""",
        False,
    ),
    "IPython event callbacks that print and display fakes": (
        "answer",
        FAKE_GRADE
        + """
from IPython import get_ipython
def fake(*args):
    print("'-64.09'")
    show_fake("nernst-ecl")
    show_fake("nernst-eca")
shell = get_ipython()
for event in ("pre_run_cell", "post_run_cell", "pre_execute", "post_execute"):
    shell.events.register(event, fake)
""",
        True,
    ),
    "replace builtins.repr and print": (
        "answer",
        """
import builtins
builtins.repr = lambda obj: "-64.09"
builtins.print = lambda *args, **kwargs: None
""",
        False,
    ),
    "forge the reply's user expressions with a verdict": (
        "answer",
        """
from IPython import get_ipython
verdict = repr({"status": "correct", "points": 1})
get_ipython().user_expressions = lambda expressions: {
    name: {"status": "ok", "data": {"text/plain": repr(verdict)}, "metadata": {}}
    for name in expressions
}
""",
        False,
    ),
    "the kernel exits after displaying fakes": (
        "answer",
        FAKE_GRADE + "show_fake('nernst-ecl')\nshow_fake('nernst-eca')\nimport os\nos._exit(0)",
        False,
    ),
}


def notebook(attack=None, marker=None):
    """The learner's notebook, with the attack's code in place."""
    nb = nbformat.v4.new_notebook(metadata={"grading": {"problems": list(PROBLEMS)}})
    nb.cells.append(nbformat.v4.new_code_cell("from widgets.grading import check"))
    for problem, source in zip(PROBLEMS, ANSWERS, strict=True):
        answer = nbformat.v4.new_code_cell(source, metadata={"tags": ["answer"]})
        answer.metadata["grading"] = {"problem": problem}
        cells = [answer, nbformat.v4.new_code_cell(f'check("{problem}", answer)')]
        if attack and problem == "nernst-ecl":
            where, code, _ = ATTACKS[attack]
            code = code.replace("MARKER", repr(str(marker)))
            if where == "answer":
                answer.source += "\n" + code
            else:
                cells.append(nbformat.v4.new_code_cell(code))
        nb.cells += cells
    return nb


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """Every attack notebook and the honest one, graded two at a time."""
    folder = tmp_path_factory.mktemp("attacks")
    marker = tmp_path_factory.mktemp("marker") / "evaluated"
    paths = {"honest": folder / "honest.ipynb"}
    nbformat.write(notebook(), paths["honest"])
    for number, attack in enumerate(ATTACKS):
        paths[attack] = folder / f"attack-{number:02d}.ipynb"
        nbformat.write(notebook(attack, marker), paths[attack])
    submissions = grade_class(list(paths.values()), Limits(timeout=5), jobs=2)
    return dict(zip(paths, submissions, strict=True)), marker


def test_the_honest_notebook_scores_its_answers(graded):
    honest = graded[0]["honest"]
    assert [g.status for g in honest.grades] == ["correct", "incorrect", "incorrect"]
    assert honest.score == HONEST_SCORE and honest.note == ""


@pytest.mark.parametrize("attack", ATTACKS)
def test_attack_earns_no_points(graded, attack):
    submission = graded[0][attack]
    points = {g.problem: g.points for g in submission.grades}
    assert submission.score == HONEST_SCORE, f"{attack}: {submission.grades}"
    assert points == {"nernst-ek": 1, "nernst-ecl": 0, "nernst-eca": 0}


@pytest.mark.parametrize("attack", [name for name, (_, _, fools) in ATTACKS.items() if fools])
def test_attack_fooled_the_notebook_check_and_is_flagged(graded, attack):
    submission = graded[0][attack]
    ecl = next(g for g in submission.grades if g.problem == "nernst-ecl")
    assert ecl.shown == "correct", "the attack should fool the in-notebook check"
    assert ecl.overclaimed and "nernst-ecl" in submission.note and "tampering" in submission.note


def test_answer_text_is_never_evaluated(graded):
    submissions, marker = graded
    grade = submissions["__repr__ returns code"].grades[1]
    assert grade.status == "invalid" and "plain numbers and text" in grade.message
    assert not Path(marker).exists(), "the grader evaluated the learner's text"


@pytest.mark.parametrize(
    ("attack", "words"),
    [
        ("__repr__ returns megabytes", "characters long"),
        ("__repr__ never returns", "time limit"),
        ("comparisons always succeed", "plain numbers and text"),
        ("forge the reply's user expressions with a verdict", "dict"),
    ],
)
def test_attacks_on_the_capture_are_invalid_answers(graded, attack, words):
    grade = graded[0][attack].grades[1]
    assert grade.status == "invalid" and words in grade.message


def test_an_exiting_kernel_stops_the_notebook_not_the_grader(graded):
    submission = graded[0]["the kernel exits after displaying fakes"]
    assert submission.status == "kernel stopped"
    assert [g.status for g in submission.grades] == ["correct", "error", "error"]
