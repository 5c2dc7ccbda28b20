"""The model registry: the shipped ensemble's entry is built on first use, not on import."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from accord.models.registry import MODELS, Model, Registry

# Run in a fresh interpreter (this one has long imported the registry): an audit hook records
# every file opened, then the registry and the modules that import it are imported, and the
# ensemble entry is asked for by name (in, list), then used twice.
PROBE = """
import json, os, sys
from accord.ensemble.schema import DEFAULT_PATH
target, opened = os.path.realpath(DEFAULT_PATH), []
def hook(event, args):
    if event == "open" and isinstance(args[0], (str, os.PathLike)) and \\
            os.path.realpath(args[0]) == target:
        opened.append(event)
sys.addaudithook(hook)
import accord.models.registry as r, accord.forecast, accord.calibration.apply, accord.cli
seen = {"import": len(opened)}
seen["names"] = ("ensemble" in r.MODELS, list(r.MODELS)[-1], len(opened))
seen["first use"] = (r.MODELS["ensemble"].needs, len(opened))
r.MODELS["ensemble"]
seen["second use"] = len(opened)
print(json.dumps(seen))
"""


def test_importing_the_registry_reads_no_ensemble_file() -> None:
    got = json.loads(subprocess.run([sys.executable, "-c", PROBE], check=True,
                                    capture_output=True, text=True).stdout)
    assert got["import"] == 0
    assert got["names"] == [True, "ensemble", 0]  # named without being built
    assert got["first use"] == [["compromise", "exchange"], 1]  # the shipped mean's members
    assert got["second use"] == 1  # built once, kept


def _model(name: str) -> Model:
    return Model(name, name.title(), "", lambda a: a.sq)


def test_a_later_entry_is_built_once_in_its_place() -> None:
    built: list[str] = []

    def build() -> Model:
        built.append("b")
        return _model("b")

    reg = Registry((_model("a"),))
    reg.later("b", build)
    reg["c"] = _model("c")
    assert list(reg) == ["a", "b", "c"] and "b" in reg and len(reg) == 3 and built == []
    assert reg["b"].name == "b" and reg["b"] is reg["b"] and built == ["b"]
    del reg["a"]
    assert list(reg) == ["b", "c"] and "a" not in reg
    with pytest.raises(KeyError):
        reg["a"]


def test_a_test_can_swap_an_entry(monkeypatch: pytest.MonkeyPatch) -> None:
    real = MODELS["median"]
    with monkeypatch.context() as m:
        m.setitem(MODELS, "median", _model("median"))
        assert MODELS["median"] is not real
    assert MODELS["median"] is real


def test_the_ensemble_model_describes_the_ensemble_it_runs() -> None:
    from accord.ensemble.schema import default_ensemble
    from accord.models.registry import ensemble_model

    shipped = default_ensemble()
    given = shipped.model_copy(update={"members": ["compromise", "median"]})
    assert "the shipped one): the equal-weight mean of " + ", ".join(shipped.members) in (
        ensemble_model().summary)
    described = ensemble_model(given).summary
    assert "one given): the equal-weight mean of compromise, median" in described
    assert "exchange" not in described
