"""The calibration file: per-model conformal quantiles, and what they were fitted on.

``accord calibrate CASES… -o calibration.json`` writes it (:func:`accord.backtest.fit_calibration`);
``--calibration FILE`` reads it; accord ships :data:`DEFAULT_PATH`, fitted by
``scripts/fit_default_calibration.py`` (docs/backtest.md says on what).
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from accord.calibration.conformal import LEVELS
from accord.errors import CalibrationError, OptionError
from accord.jsonfile import read_model, write_model

DEFAULT_PATH = Path(__file__).with_name("default.json")
METHOD = (
    "split conformal on backtest residuals: score max(lo - y, y - hi) / (spread + c), "
    "lo/hi the input-uncertainty interval at the level, spread the capability x salience "
    "weighted SD of the positions; q = the ceil((n + 1) L)-th smallest score"
)


class ModelCalibration(BaseModel):
    """One model's offset ``c`` and quantile ``q_L`` per level (None: the whole scale)."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    c: float = Field(gt=0)
    quantiles: dict[str, float | None]
    issues: int = Field(ge=0, description="issues (with an outcome and a forecast) fitted on")

    def q(self) -> np.ndarray:
        return np.array([math.inf if self.quantiles.get(lv) is None else self.quantiles[lv]
                         for lv in LEVELS], dtype=float)


class Calibration(BaseModel):
    """What ``accord calibrate`` writes."""

    model_config = ConfigDict(extra="forbid")

    label: str = Field(description="what it was fitted on, in words")
    method: str = METHOD
    files: list[str] = Field(description="the case files fitted on")
    cases: int
    issues: int = Field(description="issues with a known outcome")
    samples: int = Field(gt=0, description="samples per case of the input-uncertainty intervals")
    seed: int
    date: dt.date
    accord_version: str
    models: dict[str, ModelCalibration]

    def model(self, name: str) -> ModelCalibration:
        if name not in self.models:
            raise OptionError(
                "--calibration", f"the calibration ({self.label}) has no model {name!r}; it "
                f"has {', '.join(self.models)}: refit it with accord calibrate --model {name}")
        return self.models[name]

    def note(self) -> str:
        """How the intervals were made, for a reader: "calibrated on 173 issues (…)"."""
        return (f"intervals are calibrated on {self.issues} issues with known outcomes in "
                f"{self.cases} cases ({self.label}): input uncertainty plus the models' "
                "own error")

    def save(self, path: str | Path) -> Path:
        return write_model(self, path)


def load_calibration(path: str | Path) -> Calibration:
    """Read a calibration file; a missing or malformed one is a :class:`CalibrationError`."""
    cal = read_model(path, Calibration, CalibrationError)
    bad = [(f"models.{m}.quantiles", f"needs levels {', '.join(LEVELS)}")
           for m, mc in cal.models.items() if set(mc.quantiles) != set(LEVELS)]
    if bad:
        raise CalibrationError(path, bad)
    return cal


def resolve_calibration(value: str | Path | None) -> Calibration | None:
    """``--calibration``: None or ``"default"`` → the shipped default, ``"none"`` → None
    (input uncertainty only), anything else → that file."""
    if value is None or str(value) == "default":
        return load_calibration(DEFAULT_PATH)
    if str(value) == "none":
        return None
    return load_calibration(value)
