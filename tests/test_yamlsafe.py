"""The untrusted-input loader: bounded aliases and nesting, bad values with line and field."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from accord import yamlsafe
from accord.yamlsafe import MAX_DEPTH, DataProblem, depth, load_json, load_yaml


def test_a_bad_value_names_its_line_and_field() -> None:
    with pytest.raises(DataProblem) as e:
        load_yaml("a: 1\nactors:\n  - {id: A, capability: !!float abc}\n")
    assert (e.value.line, e.value.loc) == (3, ("actors", 0, "capability"))
    assert e.value.message.startswith("'abc' is not a valid float")


def test_alias_values_are_counted_without_expanding_them() -> None:
    # 10 levels of 10 aliases each stand for 10^10 values: refused at once
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    with pytest.raises(DataProblem, match="aliases expand to more than 10,000 values") as e:
        load_yaml("\n".join(lines))
    assert e.value.line == 4  # the fourth level crosses the budget
    assert load_yaml("a: &s {k: 1}\nb: *s\n") == {"a": {"k": 1}, "b": {"k": 1}}


def test_nesting_through_aliases_counts_too() -> None:
    half = MAX_DEPTH // 2 + 1
    text = f"a: &d {'[' * half}{']' * half}\nb: {'[' * half}*d{']' * half}\n"
    with pytest.raises(DataProblem, match="through \\*d"):
        load_yaml(text)


def test_json_refuses_nan_infinity_overflow_and_depth() -> None:
    for text, message in [("[NaN]", "NaN is not a number"), ("[-Infinity]", "-Infinity"),
                          ("[1e999]", "too large"), ("[" * 100 + "]" * 100, "nested")]:
        with pytest.raises(DataProblem, match=message):
            load_json(text)
    assert depth({"a": [1, {"b": []}]}) == 4 and depth(5) == 0


@pytest.mark.parametrize("escape", ["\\U99999999", "\\U00110000"])
def test_an_escape_beyond_unicode_is_a_problem_with_its_line(escape: str) -> None:
    with pytest.raises(DataProblem, match="escape sequence") as e:
        load_yaml(f'title: ok\nname: "a{escape}b"\n')
    assert e.value.line == 2


BLOCK_DEEP = "".join(f"{'  ' * i}k{i}:\n" for i in range(MAX_DEPTH + 5)) + "  " * 70 + "v\n"


@pytest.mark.parametrize("loader", yamlsafe.LOADERS)
def test_libyaml_and_pure_python_read_and_refuse_alike(monkeypatch: pytest.MonkeyPatch,
                                                        flagship_path: Path,
                                                        loader: object) -> None:
    monkeypatch.setattr(yamlsafe, "LOADERS", (loader,))
    text = flagship_path.read_text(encoding="utf-8")
    assert load_yaml(text) == yaml.load(text, Loader=yaml.SafeLoader)
    refused = {
        "a: 1\nb: !!int 0xZZ\n": (2, ("b",), "'0xZZ' is not a valid int"),
        "a: &n [*n]\n": (1, (), "refers to the node that contains it"),
        "a: &s [x, x]\n" + "".join(f"b{i}: [{', '.join(['*s'] * 1000)}]\n" for i in range(4)):
            (5, (), "aliases expand to more than 10,000 values"),
        "a:\n  - " + "[" * 65 + "]" * 65 + "\n": (2, (), "nested more than 64 levels deep"),
        BLOCK_DEEP: (MAX_DEPTH, (), "nested more than 64 levels deep"),
    }
    for bad, (line, loc, message) in refused.items():
        with pytest.raises(DataProblem) as e:
            load_yaml(bad)
        assert (e.value.line, e.value.loc) == (line, loc) and message in e.value.message
    with pytest.raises(yaml.YAMLError, match="expected ',' or ']'"):
        load_yaml("a: [1, 2\nb: 3\n")


def test_libyaml_is_used_when_pyyaml_has_it() -> None:
    assert len(yamlsafe.LOADERS) == (2 if yaml.__with_libyaml__ else 1)


def test_nesting_beyond_libyamls_own_limit_gets_the_usual_message() -> None:
    for text in ["a: " + "[" * 5000 + "]" * 5000, "- " * 5000 + "x"]:
        with pytest.raises(DataProblem, match="nested more than 64 levels deep"):
            load_yaml(text)
