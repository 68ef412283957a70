"""
Every hint names real things: the parameters, functions and command-line options it suggests.

The messages of ogpmodel that tell a caller what to pass (``pass target=(...)``, ``use
ogpmodel.load(path)``, ``--from xlsx``) are checked against the signatures, the package and the
command-line parser they name, with `inspect.signature`. A scan of the source finds every text
that reads like such a hint, so that a new one cannot be added without being checked here.
"""

import argparse
import ast
import datetime
import importlib
import inspect
import io
import pathlib
import re
from collections.abc import Callable
from typing import Any

import pytest

import ogpmodel
from ogpmodel import AmbiguousId, lifecycle
from ogpmodel._inputs import file_name_hint, hint, json_text_as_path
from ogpmodel.cli import _parser, run
from ogpmodel.codelists import LANGUAGES
from ogpmodel.convert import canada_nap, us_nap5
from ogpmodel.convert._instructions import INSTRUCTIONS
from ogpmodel.strategies._broken import UNBREAKABLE
from tests.builders import commitment, complete_local_plan, milestone

SOURCE = pathlib.Path(ogpmodel.__file__).parent
_ON = datetime.date(2024, 1, 1)

#: What reads like a hint: ``name=``, ``pass`` or ``use`` before a call, a command-line option.
_HINT_LIKE = re.compile(r"\b[a-z_]+=(?!=)|\b(?:pass|use) [\w.]+\(|(?<![\w-])--[a-z]")
_KEYWORD = re.compile(r"\b([a-z_]+)=(?!=)")
_CALL = re.compile(r"\b((?:ogpmodel|pathlib|json)(?:\.\w+)+)\(")
_COMMAND = re.compile(r"\bogpmodel ([a-z]+)((?: [^ ,;]+)*)")


def _keywords(message: str) -> set[str]:
    return set(_KEYWORD.findall(message))


def _resolve(dotted: str) -> Any:
    """The object a dotted name such as ``ogpmodel.convert.us_nap5.read`` names."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj: Any = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for name in parts[cut:]:
            obj = getattr(obj, name)
        return obj
    raise AssertionError(dotted)


def _assert_calls_exist(message: str) -> None:
    for dotted in _CALL.findall(message):
        assert callable(_resolve(dotted)), dotted


def _subcommand(verb: str) -> argparse.ArgumentParser:
    parser = _parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action.choices[verb]  # type: ignore[no-any-return]
    raise AssertionError(verb)


def _assert_options_exist(message: str) -> None:
    for verb, rest in _COMMAND.findall(message):
        options = {o for a in _subcommand(verb)._actions for o in a.option_strings}
        for word in rest.split():
            word = re.sub(r"[')\".:]+$", "", word)  # a command quoted in a sentence
            if word.startswith("-"):
                assert word in options, f"ogpmodel {verb} has no option {word}"


def _ambiguous(call: Callable[[], object]) -> str:
    with pytest.raises(AmbiguousId) as caught:
        call()
    return str(caught.value)


def _refused(read: Callable[[Any], object], value: object) -> str:
    with pytest.raises(ValueError, match="JSON text") as caught:
        read(value)
    return str(caught.value)


def _twins() -> ogpmodel.ActionPlan:
    """A plan whose two commitments each have a milestone with the id '1'."""
    return complete_local_plan(
        commitments=(commitment(), commitment(id="CLMPU0002", milestones=(milestone(),)))
    )


def _command_line(*argv: str, plan: ogpmodel.ActionPlan | None = None) -> str:
    """What the command line prints for *argv* (stdout, then stderr), with *plan* on stdin."""
    out, err = io.StringIO(), io.StringIO()
    stdin = io.StringIO("" if plan is None else ogpmodel.dumps(plan))
    run(list(argv), stdout=out, stderr=err, stdin=stdin)
    return out.getvalue() + err.getvalue()


def _help(verb: str) -> str:
    """The help of *verb*, on one line (argparse wraps it)."""
    return " ".join(_command_line(verb, "--help").split())


_MOVE = ("transition", "-", "--on", _ON.isoformat())

#: Each hint of the library, with the functions whose parameters it names.
HINTS: list[tuple[str, Callable[[], str], tuple[Callable[..., Any], ...]]] = [
    (
        "AmbiguousId of ActionPlan.milestone",
        lambda: _ambiguous(lambda: _twins().milestone("1")),
        (ogpmodel.ActionPlan.milestone,),
    ),
    (
        "AmbiguousId of lifecycle.transition",
        lambda: _ambiguous(lambda: lifecycle.transition(_twins(), "completed", target="1", on=_ON)),
        (lifecycle.transition,),
    ),
    (
        "AmbiguousId of lifecycle.allowed_transitions",
        lambda: _ambiguous(lambda: lifecycle.allowed_transitions(_twins(), target="1", on=_ON)),
        (lifecycle.allowed_transitions,),
    ),
    (
        "limits.document-size is unbreakable",
        lambda: UNBREAKABLE["limits.document-size"],
        (ogpmodel.Limits,),
    ),
    ("a file name given as text", lambda: file_name_hint("plan.json"), ()),
    ("JSON text given as a path", lambda: str(json_text_as_path("source", "{}", "x")), ()),
    *(
        (f"JSON text given to {name}", (lambda r=read: _refused(r, "{}")), ())
        for name, read in [
            ("load", ogpmodel.load),
            ("us_nap5.read", us_nap5.read),
            ("canada_nap.read", canada_nap.read),
        ]
    ),
    *(
        (f"the reader of {kind}", (lambda v=value: hint(v)), ())
        for kind, value in [
            ("a path", pathlib.Path("plan.json")),
            ("bytes", b"{}"),
            ("a dict", {}),
            ("a plan", complete_local_plan()),
            ("a file", open(__file__)),  # noqa: SIM115 - only its type is read
        ]
    ),
    ("validate --help", lambda: _help("validate"), ()),
    ("transition --help", lambda: _help("transition"), ()),
    (
        "transition: a --target of three ids",
        lambda: _command_line(*_MOVE, "--to", "completed", "--target", "a", "b", "c"),
        (),
    ),
    (
        "transition: a --to of no kind",
        lambda: _command_line(*_MOVE, "--to", "bogus", plan=_twins()),
        (),
    ),
    (
        "transition: an ambiguous milestone",
        lambda: _command_line(*_MOVE, "--to", "completed", "--target", "1", plan=_twins()),
        (),
    ),
    *(
        (f"workbook instructions ({lang})", (lambda p=paragraph, lang=lang: p.text(lang)), ())
        for lang in LANGUAGES
        for paragraph in INSTRUCTIONS
        if "ogpmodel " in paragraph.text(lang)
    ),
]


@pytest.mark.parametrize(("message", "functions"), [pytest.param(m, f, id=i) for i, m, f in HINTS])
def test_a_hint_names_real_parameters_functions_and_options(
    message: Callable[[], str], functions: tuple[Callable[..., Any], ...]
) -> None:
    """Each name= is a parameter of the function the hint is about; each call and option exists."""
    text = message()
    assert text
    for function in functions:
        parameters = inspect.signature(function).parameters
        assert _keywords(text) <= set(parameters), (text, list(parameters))
    if functions:
        assert _keywords(text), text
    _assert_calls_exist(text)
    _assert_options_exist(text)


def test_the_transition_hint_is_an_argument_that_chooses() -> None:
    """The target= the ambiguous-milestone error suggests is one transition() accepts."""
    plan = _twins()
    message = _ambiguous(lambda: lifecycle.allowed_transitions(plan, target="1", on=_ON))
    target = ast.literal_eval(re.search(r"target=(\(.*?\))", message).group(1))  # type: ignore[union-attr]
    assert lifecycle.allowed_transitions(plan, target=target, on=_ON) is not None


def _hint_like_texts() -> list[tuple[str, str]]:
    """Every string of the source (docstrings and option definitions aside) that reads like a hint."""
    found: list[tuple[str, str]] = []
    for path in sorted(SOURCE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip: set[int] = set()
        for node in ast.walk(tree):
            body = getattr(node, "body", None)
            if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
                skip.add(id(body[0].value))  # a docstring
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "add_argument":
                skip.update(id(arg) for arg in node.args)  # an option being defined
        found.extend(
            (str(path.relative_to(SOURCE)), node.value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in skip
            and _HINT_LIKE.search(node.value)
            and "://" not in node.value
        )
    return found


#: Texts that read like hints but suggest nothing: a repr, an example address.
NOT_HINTS = {"BrokenPlan(code=", ", as_of=", ", plan_or_document=", "../minutes?id=1"}


def test_every_hint_of_the_source_is_checked() -> None:
    """Each hint-like text of the source is part of a message checked above."""
    checked = [message() for _, message, _ in HINTS]
    unchecked = [
        (path, text)
        for path, text in _hint_like_texts()
        if text not in NOT_HINTS and not any(text.strip() in message for message in checked)
    ]
    assert [] == unchecked
