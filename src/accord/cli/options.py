"""``--option NAME=VALUE`` strings → a model's typed options (a dataclass).

Each value is converted by the type of its field: ``float``, ``int``, ``float | None`` (``none``
gives None) or a string choice (``Literal[...]``, which the dataclass itself checks). Every
problem, including a value the dataclass refuses, is an :class:`~accord.errors.OptionError`.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import TYPE_CHECKING, Any, TypeVar

from accord.errors import OptionError

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

OPTION = "--option"
# the --ensemble option's help, shared by the commands that forecast
ENSEMBLE_HELP = ("the ensemble file (accord fit) that --model ensemble reads and that says which "
                 "model to believe (default: the one accord ships)")
T = TypeVar("T", bound="DataclassInstance")


def _split(texts: list[str]) -> dict[str, str]:
    """``["q=0.5", "mu=mean"]`` → ``{"q": "0.5", "mu": "mean"}``."""
    pairs = [text.partition("=") for text in texts]
    if bad := [text for text, (_, eq, _) in zip(texts, pairs, strict=True) if not eq]:
        raise OptionError(OPTION, f"expected NAME=VALUE, not {bad[0]!r}")
    return {name.strip(): value.strip() for name, _, value in pairs}


def _convert(text: str, hint: Any) -> object:
    """``text`` as a value of the type ``hint``; ValueError when it is not one."""
    if hint is float or hint is int:
        return hint(text)
    args = typing.get_args(hint)
    if isinstance(hint, types.UnionType) and type(None) in args:
        if text.lower() == "none":
            return None
        (inner,) = (a for a in args if a is not type(None))
        return _convert(text, inner)
    return text  # a string choice: the options check it


def _type_name(hint: Any) -> str:
    """``float`` for ``float`` and ``float | None``; the choices' type otherwise."""
    if isinstance(hint, types.UnionType):
        return " | ".join(_type_name(a) for a in typing.get_args(hint) if a is not type(None))
    return getattr(hint, "__name__", str(hint))


def model_options(model: str, kind: type[T], texts: list[str]) -> T:
    """The options of ``model`` (the dataclass ``kind``) from ``NAME=VALUE`` strings."""
    hints = typing.get_type_hints(kind)
    names = [f.name for f in dataclasses.fields(kind)]
    values: dict[str, object] = {}
    for name, text in _split(texts).items():
        if name not in names:
            raise OptionError(
                OPTION, f"unknown {model} option {name!r}; choose from {', '.join(names)}"
            )
        try:
            values[name] = _convert(text, hints[name])
        except ValueError:
            raise OptionError(
                OPTION, f"{model} option {name}: {text!r} is not a {_type_name(hints[name])}"
            ) from None
    try:
        return kind(**values)
    except ValueError as e:  # the dataclass refuses a value (out of range, unknown choice)
        raise OptionError(OPTION, f"{model}: {e}") from None
