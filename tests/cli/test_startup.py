"""Start-up: importing the command line loads nothing heavy (issue 15).

A fresh interpreter imports ``accord.cli`` (every command registered) and, separately, runs
``accord --help``; neither may have imported matplotlib, spaCy, scipy.stats, Dask, the report
package, the extraction, the sweep or numpy: those load inside the commands that need them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

HEAVY = ("matplotlib", "spacy", "scipy.stats", "scipy", "dask", "distributed", "numpy",
         "accord.report", "accord.extract", "accord.uncertainty.sweep", "accord.draft.build")

PROBE = """
import json, sys
{run}
print(json.dumps(sorted(sys.modules)), file=sys.__stderr__)
"""


def loaded(run: str, root) -> set[str]:
    env = {**os.environ, "PYTHONPATH": str(root / "src")}
    done = subprocess.run([sys.executable, "-c", PROBE.format(run=run)], capture_output=True,
                          text=True, env=env, check=False)
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


# stdlib-only modules of those packages that a command's options read (extract's --max-chars)
LIGHT = frozenset({"accord.extract", "accord.extract.ingest"})


def heavy(modules: set[str]) -> set[str]:
    return {m for m in modules - LIGHT for h in HEAVY if m == h or m.startswith(h + ".")}


def test_the_light_modules_import_nothing_heavy(root):
    modules = loaded("import accord.extract.ingest", root)
    assert heavy(modules) == set()
    assert not {m for m in modules if m.split(".")[0] in ("spacy", "trafilatura", "lxml")}


def test_importing_the_cli_loads_nothing_heavy(root):
    modules = loaded("import accord.cli", root)
    assert "accord.cli.forecast" in modules and "accord.cli.sweep" in modules
    assert heavy(modules) == set()


def test_help_loads_nothing_heavy(root):
    run = ("from accord.cli import app\n"
           "try:\n    app(['--help'])\nexcept SystemExit:\n    pass")
    modules = loaded(run, root)
    assert "typer" in modules
    assert heavy(modules) == set()


def test_forecast_loads_numpy_and_wording_but_not_the_brief(root, flagship_path):
    run = ("from accord.cli import app\n"
           f"try:\n    app(['forecast', {str(flagship_path)!r}])\nexcept SystemExit:\n    pass")
    modules = loaded(run, root)
    assert "numpy" in modules and "accord.forecast" in modules
    # the forecast's lines are worded by the report's wording module, and by nothing else of it
    allowed = {"numpy", "accord.report", "accord.report.wording"}
    assert {m for m in modules if m.startswith("accord.report")} == allowed - {"numpy"}
    assert heavy(modules) - allowed - {m for m in modules if m.startswith("numpy.")} == set()
    assert "numpy.ma" not in modules  # numpy's nanquantile loads it (about 20 ms)


def main_then(root, argv: list[str], var: str, given: str | None, report: str) -> str:
    """Run ``accord.cli.main`` on ``argv`` in a fresh interpreter whose environment has
    ``var`` set to ``given`` (unset for None); the last line ``report`` prints after it."""
    probe = ("import os, sys\n"
             "from accord.cli import main\n"
             f"sys.argv = ['accord', *{argv!r}]\n"
             "try:\n    main()\nexcept SystemExit:\n    pass\n"
             f"{report}\n")
    env = {k: v for k, v in os.environ.items() if k != var}
    env["PYTHONPATH"] = str(root / "src")
    if given:
        env[var] = given
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          env=env, check=False)
    return done.stderr.strip().splitlines()[-1]


def test_main_runs_openblas_on_one_thread_unless_told(root):
    """OpenBLAS's threads cost about 0.05 s of CPU when numpy loads; ``main`` asks for one
    before any command imports numpy, and leaves a user's own setting alone."""
    report = "print(os.environ['OPENBLAS_NUM_THREADS'], file=sys.__stderr__)"
    for given, expected in ((None, "1"), ("2", "2")):
        assert main_then(root, ["--help"], "OPENBLAS_NUM_THREADS", given, report) == expected


def test_main_skips_pydantic_plugin_discovery_unless_told(root, flagship_path):
    """Scanning every installed distribution's entry points for pydantic plugins costs
    0.02-0.05 s of a forecast's start-up; ``main`` turns it off before any model is built
    (the scan's cache stays empty), and leaves a user's own setting alone."""
    report = ("from pydantic.plugin import _loader\n"
              "print(os.environ['PYDANTIC_DISABLE_PLUGINS'], _loader._plugins is None,"
              " file=sys.__stderr__)")
    for given, expected in ((None, "__all__ True"), ("some", "some False")):
        assert main_then(root, ["forecast", str(flagship_path)], "PYDANTIC_DISABLE_PLUGINS",
                         given, report) == expected
