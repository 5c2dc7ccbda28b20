"""Write tests/fixtures/decide/<case>.json from decide-exchange-model, the original implementation.

Creates a throw-away virtualenv, installs the pinned decide-exchange-model (without its GUI
and plotting dependencies, which the model does not need: only ``typesystem`` for its reader
and ``peewee``, which its Actor class imports), runs its equal-gain model through
``scripts/decide_oracle.py`` on the real cases in ``../shared/data/decide`` and deletes the
virtualenv. Each fixture records the version, the number of rounds, the tie rule, every
round's realised exchanges (actors, supply/demand issues, positions before and after, gain),
each round's expected outcome (MDS) before and after the exchanges, the last round's voting
positions and the final positions. Positions are on Decide's normalised 0–100 scale.

Usage: python scripts/make_decide_fixtures.py [--shared DIR] [--rounds N]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from accord.io import write_atomic  # noqa: E402

ORACLE = ROOT / "scripts" / "decide_oracle.py"
VERSION = "2022.1.28"
REQUIREMENTS = [f"decide-exchange-model=={VERSION}", "typesystem==0.2.5", "peewee>=3.14,<5"]
CASES = {"cop21": "cop21.csv", "copenhagen": "copenhagen.csv", "sample": "sample_data.txt"}
ROUNDS = 10  # decide's own default (cli.py --iterations)


def make_venv(where: Path) -> Path:
    """A virtualenv with decide-exchange-model and only what its model needs; its python."""
    subprocess.run([sys.executable, "-m", "venv", str(where)], check=True)
    python = where / "bin" / "python"
    pip = [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check",
           "--no-warn-conflicts"]  # decide pins GUI and plotting packages it does not need
    subprocess.run([*pip, "--no-deps", REQUIREMENTS[0]], check=True)
    subprocess.run([*pip, *REQUIREMENTS[1:]], check=True)
    return python


def run_oracle(python: Path, data: Path, rounds: int, *extra: str) -> dict:
    """Run decide on one input file (in a scratch folder: decide writes a log beside itself)."""
    with tempfile.TemporaryDirectory() as cwd:
        done = subprocess.run([str(python), str(ORACLE), str(data), str(rounds), *extra],
                              check=True, capture_output=True, text=True, cwd=cwd)
    return json.loads(done.stdout)


def _rounded(value):
    """Floats to 10 decimals (the test's tolerance is 1e-6): smaller, stable fixtures."""
    if isinstance(value, float):
        return round(value, 10)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    return value


def default_shared() -> Path:
    return Path(os.environ.get("ACCORD_SHARED", ROOT.parent / "shared"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=default_shared())
    ap.add_argument("--rounds", type=int, default=ROUNDS)
    args = ap.parse_args()
    out = ROOT / "tests" / "fixtures" / "decide"
    if not (args.shared / "data" / "decide").is_dir():
        sys.exit(f"no Decide data under {args.shared}; pass --shared or set ACCORD_SHARED")
    venv = Path(tempfile.mkdtemp(prefix="decide-venv-"))
    try:
        python = make_venv(venv)
        for name, file in CASES.items():
            result = run_oracle(python, args.shared / "data" / "decide" / file, args.rounds)
            result.pop("seconds"), result.pop("cpu_seconds")
            result["input"] = f"data/decide/{file}"
            out.mkdir(parents=True, exist_ok=True)
            target = out / f"{name}.json"
            write_atomic(target, json.dumps(_rounded(result), separators=(",", ":")) + "\n")
            n = sum(len(r["exchanges"]) for r in result["history"])
            print(f"{target.relative_to(ROOT)}: {n} exchanges in {args.rounds} rounds, "
                  f"{result['ties']} ties")
    finally:
        shutil.rmtree(venv, ignore_errors=True)


if __name__ == "__main__":
    main()
