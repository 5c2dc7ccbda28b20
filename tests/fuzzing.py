"""Hostile inputs for accord (hypothesis strategies) and the checks run on each.

Each ``check_*`` function takes one generated input and returns an :data:`Outcome`: ``accepted``
or ``refused`` are fine; anything else is a finding (``crash:<Exception>``, ``nonfinite``,
``out-of-range``, ``roundtrip``, ``disagree``, ``hang``). ``tests/test_fuzz.py`` asserts on a
few hundred inputs per check (part of ``make test``); ``scripts/fuzz.py`` (``make fuzz``) runs
many more and counts the outcomes.
"""

from __future__ import annotations

import math
import signal
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

from accord.case import Case, dump_case, load_case, parse_case
from accord.errors import InputError
from accord.forecast import forecast_case
from accord.formats.decide import read_decide
from accord.formats.ktab import read_ktab
from accord.models.arrays import case_arrays
from accord.models.registry import MODELS
from accord.uncertainty.sweep import sweep_case
from accord.yamlsafe import load_json, load_yaml

Outcome = str
GOOD = {"accepted", "refused"}
HANG_SECONDS = 20

# -- strategies ----------------------------------------------------------------------------

SPECIAL = [0, 1, 100, 0.5, -1, 1e15, 1e16, 1e308, -0.0, 5e-324, 10**20, 10**400]
numbers = st.one_of(
    st.floats(0, 1), st.floats(0, 100), st.sampled_from(SPECIAL),
    st.floats(allow_nan=True, allow_infinity=True), st.integers(-(10**30), 10**30),
)
quantities = st.one_of(
    numbers,
    st.fixed_dictionaries({"value": numbers}, optional={"sd": numbers}),
    st.fixed_dictionaries({"low": numbers, "high": numbers}, optional={"value": numbers}),
    st.sampled_from(["70", None, True, [], {"value": "nan"}, {"sd": 1}]),
)
ids = st.sampled_from(["A", "B", "C", "x", "y", "null", "yes", "1e3", "[a]", "é"])


@st.composite
def case_data(draw: st.DrawFn) -> dict[str, Any]:
    """A case-shaped mapping; most numbers are plausible, some are hostile."""
    actors = draw(st.lists(st.fixed_dictionaries(
        {"id": ids, "name": st.text(min_size=1, max_size=8), "capability": quantities},
        optional={"veto": st.booleans()}), min_size=0, max_size=4))
    issues = draw(st.lists(st.fixed_dictionaries({
        "id": ids, "title": st.text(min_size=1, max_size=8),
        "scale": st.one_of(st.just({0: "a", 100: "b"}),
                           st.dictionaries(numbers, st.text(max_size=4), max_size=3)),
        "status_quo": quantities}), min_size=0, max_size=3))
    positions = draw(st.lists(st.fixed_dictionaries({
        "actor": ids, "issue": ids, "position": quantities, "salience": quantities}),
        max_size=8))
    data: dict[str, Any] = {"title": draw(st.text(min_size=0, max_size=8)), "actors": actors,
                            "issues": issues, "positions": positions}
    if draw(st.booleans()):
        data["date"] = draw(st.sampled_from(["2022-01-10", "2022-02-30", 20220110, None]))
    return data


def _quantity(lo: float, hi: float) -> st.SearchStrategy[Any]:
    x = st.floats(lo, hi)
    return st.one_of(
        x,
        st.tuples(x, x).map(lambda ab: {"low": min(ab), "high": max(ab)}),
        st.tuples(x, st.floats(0, hi - lo)).map(lambda vs: {"value": vs[0], "sd": vs[1]}),
    )


@st.composite
def plausible_case(draw: st.DrawFn) -> dict[str, Any]:
    """A case that mostly validates; sometimes one number is replaced by a hostile one."""
    n, k = draw(st.integers(1, 4)), draw(st.integers(1, 3))
    actors = [{"id": f"a{i}", "name": draw(st.text(min_size=1, max_size=6)),
               "capability": draw(_quantity(1e-6, 1e6)), "veto": draw(st.booleans())}
              for i in range(n)]
    issues = [{"id": f"i{j}", "title": draw(st.text(min_size=1, max_size=6)),
               "scale": {0: "a", 100: "b"}, "status_quo": draw(_quantity(0, 100))}
              for j in range(k)]
    positions = [{"actor": a["id"], "issue": i["id"], "position": draw(_quantity(0, 100)),
                  "salience": draw(_quantity(0, 1))}
                 for a in actors for i in issues if a["veto"] or draw(st.booleans())]
    data = {"title": "t", "actors": actors, "issues": issues, "positions": positions}
    if positions and draw(st.integers(0, 3)) == 0:
        field = draw(st.sampled_from(["position", "salience"]))
        draw(st.sampled_from(positions))[field] = draw(numbers)
    return data


any_case = st.one_of(case_data(), plausible_case())

FRAGMENTS = ["&a ", "*a", "!!int ", "!!float ", "!!timestamp ", "!!bool ", "!!binary ",
             "!!python/object:os.system ", "[", "]", "{", "}", ": ", "\n", "\n- ", "- ",
             "2022-02-30", "25:00:00", ".nan", ".inf", "1e999", "0x1F", "'", '"', "? ", "|",
             "%YAML 1.1\n", "---\n", "\t", "\x00", "\ufeff", "9" * 400, "<<: *a\n"]


@st.composite
def yaml_texts(draw: st.DrawFn) -> str:
    """A dumped case with hostile fragments spliced in."""
    text = yaml.safe_dump(draw(any_case), sort_keys=False, allow_unicode=True)
    for _ in range(draw(st.integers(0, 2))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(FRAGMENTS)) + text[at:]
    return text


cells = st.one_of(st.integers(0, 100).map(str), st.floats(0, 1).map(str), numbers.map(str), ids,
                  st.sampled_from(["", "inf", "nan", "1e308", "'", "x" * 20, "-0", "0.6", "80"]))


@st.composite
def decide_texts(draw: st.DrawFn) -> str:
    """Decide rows: a plausible file (actors, issues, one power per actor) with random rows
    added."""
    sep = draw(st.sampled_from(["\t", ";"]))
    n, k = draw(st.integers(1, 3)), draw(st.integers(1, 2))
    power = [draw(st.sampled_from(["1", "2.5", "40"])) for _ in range(n)]
    rows = [("#A", [f"a{i}", f"A {i}"]) for i in range(n)] + [("#P", [f"p{j}", "P"])
                                                               for j in range(k)]
    rows += [("#D", [f"a{i}", f"p{j}", draw(cells), draw(cells), power[i]])
             for i in range(n) for j in range(k)]
    keys = st.sampled_from(["#A", "#P", "#M", "#D", "#O", "#/", "#X", ""])
    rows += draw(st.lists(st.tuples(keys, st.lists(cells, max_size=6)), max_size=3))
    return "\n".join(sep.join([key, *cs]) for key, cs in rows) + "\n"


@st.composite
def ktab_texts(draw: st.DrawFn) -> str:
    n, d = draw(st.integers(1, 3)), draw(st.integers(1, 2))
    head = f"S,desc,{draw(st.sampled_from([str(n), str(n), 'x', '-1']))},{d}"
    header = ",".join(["Actor", "Description", "Power"] + [f"P{i},S{i}" for i in range(d)])
    value = st.one_of(st.integers(0, 100).map(str), st.integers(0, 100).map(str), cells)
    rows = [",".join([f"a{r}", draw(st.sampled_from(["", "d"])), draw(value),
                      *draw(st.lists(value, min_size=2 * d, max_size=2 * d))])
            for r in range(draw(st.sampled_from([n, n, n + 1])))]
    return "\n".join([head, header, *rows]) + "\n"


# -- checks --------------------------------------------------------------------------------


class Hang(Exception):
    pass


@contextmanager
def time_limit(seconds: int = HANG_SECONDS) -> Iterator[None]:
    def alarm(signum: int, frame: object) -> None:
        raise Hang()

    old = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def _guarded(check: Callable[[], Outcome]) -> Outcome:
    try:
        with time_limit():
            return check()
    except InputError:
        return "refused"
    except Hang:
        return "hang"
    except Exception as e:  # a finding, counted by its kind
        return f"crash:{type(e).__name__}"


def accepted_case(case: Case, sweep: bool = False) -> Outcome:
    """What an accepted case must do: every model forecasts a number in 0–100 on every issue
    that carries weight (none on one that carries none), and it round-trips through YAML and
    JSON."""
    a = case_arrays(case)
    models = [m.name for m in MODELS.values() if m.applies_to(a)]  # procedural: a rule needed
    f = forecast_case(case, models)
    weight = (a.c[:, None] * a.S * a.has).sum(axis=0)  # as the models compute it
    for j, issue in enumerate(f.issues):
        for model, value in issue.outcomes.items():
            if value is None:
                if weight[j] > 0:
                    return f"nonfinite:{model}"
            elif not (math.isfinite(value) and -1e-6 <= value <= 100 + 1e-6):
                return f"out-of-range:{model}"
        if not 0 <= f.issues[j].status_quo <= 100:
            return "out-of-range"
    if sweep:
        s = sweep_case(case, 16, models, chunk=8)
        for issue in s.issues:
            for m in issue.models.values():
                if m.median is not None and not 0 <= m.median <= 100:
                    return "out-of-range"
    for text, load in ((dump_case(case), load_yaml), (dump_case(case, "json"), load_json)):
        if parse_case(load(text)) != case:
            return "roundtrip"
    return "accepted"


def check_data(data: dict[str, Any]) -> Outcome:
    return _guarded(lambda: accepted_case(parse_case(data)))


def _file(text: str, suffix: str) -> Path:
    with tempfile.NamedTemporaryFile("w", suffix=suffix, delete=False, encoding="utf-8",
                                     errors="surrogatepass") as fh:
        fh.write(text)
    return Path(fh.name)


def check_yaml(text: str) -> Outcome:
    path = _file(text, ".yaml")
    try:
        return _guarded(lambda: accepted_case(load_case(path)))
    finally:
        path.unlink()


def check_import(text: str, reader: Callable[[Path], Case]) -> Outcome:
    path = _file(text, ".csv")
    try:
        return _guarded(lambda: accepted_case(reader(path)))
    finally:
        path.unlink()


def check_decide(text: str) -> Outcome:
    return check_import(text, read_decide)


def check_ktab(text: str) -> Outcome:
    return check_import(text, read_ktab)


def check_cli(text: str) -> Outcome:
    """validate and forecast agree on the file: both 0 or both 2; never 1."""
    from typer.testing import CliRunner

    from accord.cli import app

    path = _file(text, ".yaml")
    try:
        runner = CliRunner()
        codes = [runner.invoke(app, [cmd, str(path)]).exit_code for cmd in ("validate",
                                                                             "forecast")]
    finally:
        path.unlink()
    if any(c not in (0, 2) for c in codes):
        return f"crash:exit{max(codes)}"
    if codes[0] != codes[1]:
        return "disagree"
    return "accepted" if codes[0] == 0 else "refused"


CHECKS: dict[str, tuple[st.SearchStrategy[Any], Callable[[Any], Outcome]]] = {
    "case-data": (any_case, check_data),
    "yaml-file": (yaml_texts(), check_yaml),
    "decide": (decide_texts(), check_decide),
    "ktab": (ktab_texts(), check_ktab),
    "cli": (yaml_texts(), check_cli),
}

