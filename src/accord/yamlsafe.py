"""YAML and JSON from untrusted files, with bounded cost and no traceback for any input.

PyYAML's ``safe_load`` is safe from code execution but not from cost or crashes:

- aliases share nodes, so a few hundred bytes of nested aliases (a "billion laughs") become
  billions of values once anything walks the data; a recursive alias (``&a [*a]``) never ends;
- a deeply nested document overflows Python's stack (``RecursionError``);
- impossible dates (``2022-02-30``), times (``25:00:00``) and bad explicit tags (``!!int 0xZZ``,
  ``!!bool maybe``) raise ``ValueError``/``KeyError``/``AttributeError`` from inside PyYAML.

:func:`load_yaml` composes the document first and counts, without expanding anything, how many
values each alias stands for; it refuses a document whose aliases add more than
:data:`MAX_ALIAS_VALUES` values, any recursive alias, and any nesting deeper than
:data:`MAX_DEPTH` (aliases included), before a single value is built. A value PyYAML cannot
build is refused with its line and the path to its field. :func:`load_json` refuses NaN,
infinities, numbers too large for a float and the same nesting depth. Both raise
:class:`DataProblem`; the caller names the file.

The events come from libyaml (PyYAML's ``CParser``) when PyYAML was built with it, else from
PyYAML's pure-Python scanner and parser: about ten times faster on a case file. The composing,
where every bound above is checked, stays in Python either way: libyaml's own composer would
build a whole alias bomb or a deeply nested document (recursing in C) before anything could be
counted, and would not say on which line an alias crossed the budget.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NoReturn

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import Resolver
from yaml.scanner import Scanner

MAX_DEPTH = 64  # a case nests 6 levels; 64 leaves room for any sane hand-written file
MAX_ALIAS_VALUES = 10_000  # values that aliases may add by repeating their anchors' contents

Loc = tuple[int | str, ...]


class DataProblem(Exception):
    """Data that cannot be read: ``line`` (1-based, 0 when unknown), ``loc`` (path to the field,
    empty when unknown) and what is wrong."""

    def __init__(self, message: str, line: int = 0, loc: Loc = ()) -> None:
        self.message, self.line, self.loc = message, line, loc
        super().__init__(message)


def _tag_name(tag: str) -> str:
    """``tag:yaml.org,2002:timestamp`` → ``timestamp``."""
    return tag.rsplit(":", 1)[-1]


class _PyEvents(Reader, Scanner, Parser):
    """PyYAML's pure-Python event source (the fallback when libyaml is missing)."""

    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)


if TYPE_CHECKING:  # the type checker sees the events of the parser mixed in
    _Events = Parser
else:
    _Events = object


class _Bounded(Composer, SafeConstructor, Resolver, _Events):
    """Composer and safe constructor that track depth and alias expansion while composing (see
    module doc); the events come from the parser mixed in by :data:`LOADERS`."""

    def __init__(self) -> None:
        Composer.__init__(self)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)
        self._depth = 0
        self._added = 0  # values added by aliases so far
        self._measure: dict[int, tuple[int, int]] = {}  # id(node) -> (values, height)

    def _refuse(self, message: str) -> NoReturn:
        mark = self.peek_event().start_mark
        raise DataProblem(message, mark.line + 1)

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        if self.check_event(yaml.AliasEvent):
            anchor = self.peek_event().anchor
            node = self.anchors.get(anchor) if anchor is not None else None
            if node is not None:
                if id(node) not in self._measure:
                    self._refuse(f"the alias *{anchor} refers to the node that contains it")
                values, height = self._measure[id(node)]
                self._added += values
                if self._added > MAX_ALIAS_VALUES:
                    self._refuse(f"aliases expand to more than {MAX_ALIAS_VALUES:,} values; "
                                 "write the values out instead of repeating anchors")
                if self._depth + height > MAX_DEPTH:
                    self._refuse(f"nested more than {MAX_DEPTH} levels deep (through *{anchor})")
            return super().compose_node(parent, index)
        self._depth += 1
        if self._depth > MAX_DEPTH:
            self._refuse(f"nested more than {MAX_DEPTH} levels deep")
        try:
            node = super().compose_node(parent, index)
        finally:
            self._depth -= 1
        if node is not None:
            self._measure[id(node)] = self._size(node)
        return node

    def _size(self, node: Node) -> tuple[int, int]:
        """(values, height) of a composed node, counting every alias at its full size."""
        if isinstance(node, SequenceNode):
            children = [self._measure[id(c)] for c in node.value]
        elif isinstance(node, MappingNode):
            children = [self._measure[id(c)] for pair in node.value for c in pair]
        else:
            return 1, 1
        return 1 + sum(v for v, _ in children), 1 + max((h for _, h in children), default=0)

    def construct_object(self, node: Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)
        except (yaml.YAMLError, _BadValue):
            raise
        except (ValueError, TypeError, LookupError, AttributeError, ArithmeticError) as e:
            detail = f": {e}" if isinstance(e, ValueError) else ""
            raise _BadValue(node, f"{node.value!r} is not a valid "
                                  f"{_tag_name(node.tag)}{detail}") from None


class _PyLoader(_Bounded, _PyEvents):
    def __init__(self, stream: str) -> None:
        _PyEvents.__init__(self, stream)
        _Bounded.__init__(self)


LOADERS: tuple[Callable[[str], _Bounded], ...] = (_PyLoader,)
"""The loaders :func:`load_yaml` may use, fastest first (it uses the first)."""

if yaml.__with_libyaml__:
    from yaml._yaml import CParser

    class _CLoader(_Bounded, CParser):
        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            _Bounded.__init__(self)

    LOADERS = (_CLoader, _PyLoader)


class _BadValue(Exception):
    def __init__(self, node: Node, message: str) -> None:
        self.node, self.message = node, message
        super().__init__(message)


def _path_to(root: Node, target: Node) -> Loc:
    """The path from ``root`` to ``target`` (mapping keys and sequence indices)."""
    stack: list[tuple[Node, Loc]] = [(root, ())]
    seen: set[int] = set()
    while stack:
        node, loc = stack.pop()
        if node is target:
            return loc
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, SequenceNode):
            stack += [(c, (*loc, i)) for i, c in enumerate(node.value)]
        elif isinstance(node, MappingNode):
            for key, value in node.value:
                name = key.value if isinstance(key, ScalarNode) else "?"
                stack += [(key, loc), (value, (*loc, name))]
    return ()


def load_yaml(text: str) -> Any:
    """Parse one YAML document within the bounds above; raise :class:`DataProblem`.

    PyYAML's own syntax errors (``yaml.YAMLError``) pass through for the caller to report. A
    document libyaml refuses is read again by the pure-Python parser, so that errors read the same
    whichever parser PyYAML has; this also turns libyaml's own nesting limit (1,000 levels, which
    its scanner can reach while looking ahead for a key, before the composer has counted 64) into
    the usual "nested more than 64 levels deep"."""
    for make in LOADERS[:-1]:
        try:
            return _load(make(text))
        except yaml.YAMLError:
            pass
    return _load(LOADERS[-1](text))


def _load(loader: _Bounded) -> Any:
    try:
        try:
            root = loader.get_single_node()
        except (ValueError, OverflowError):  # the scanner's chr() of an escape like \U99999999
            # (only the pure-Python scanner raises these; it keeps the line it stopped on)
            line = getattr(loader, "line", -1) + 1
            raise DataProblem("an escape sequence names no Unicode character (the largest is "
                              "\\U0010FFFF)", line) from None
        if root is None:
            return None
        try:
            return loader.construct_document(root)
        except _BadValue as e:
            raise DataProblem(e.message, e.node.start_mark.line + 1,
                              _path_to(root, e.node)) from None
    finally:
        if isinstance(loader, Parser):
            loader.dispose()  # the pure-Python parser's states hold a reference cycle


def _finite(text: str) -> float:
    x = float(text)
    if not math.isfinite(x):
        raise DataProblem(f"the number {text} is too large")
    return x


def _constant(name: str) -> NoReturn:
    raise DataProblem(f"{name} is not a number accord accepts")


def depth(data: Any) -> int:
    """How deeply lists and mappings nest in ``data`` (a scalar: 0), without recursion."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        item, level = stack.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(
            item, list) else None
        if children is None:
            continue
        deepest = max(deepest, level)
        stack += [(c, level + 1) for c in children]
    return deepest


def load_json(text: str) -> Any:
    """Parse JSON refusing NaN, infinities, overflowing numbers and deep nesting; raise
    :class:`DataProblem` (``json.JSONDecodeError`` passes through for syntax errors)."""
    try:
        data = json.loads(text, parse_float=_finite, parse_constant=_constant)
    except RecursionError:
        raise DataProblem(f"nested more than {MAX_DEPTH} levels deep") from None
    except json.JSONDecodeError:
        raise
    except ValueError as e:  # an integer with more digits than Python converts
        raise DataProblem(str(e)) from None
    if depth(data) > MAX_DEPTH:
        raise DataProblem(f"nested more than {MAX_DEPTH} levels deep")
    return data
