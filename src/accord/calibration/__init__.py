"""Calibrated predictive intervals: the input uncertainty of a case plus the models' own error.

- :mod:`.spread`: how spread an issue's positions are (the scale of its model error);
- :mod:`.conformal`: the normalised conformity score, its finite-sample quantile, widening;
- :mod:`.schema`: the calibration file (``accord calibrate``'s JSON) and the shipped default;
- :mod:`.sampling`: the input-uncertainty intervals a calibration widens;
- :mod:`.apply`: calibrated intervals for a forecast or a sweep.

Fitting a calibration needs backtest residuals: :func:`accord.backtest.fit_calibration`.
"""

from accord.calibration.schema import Calibration, load_calibration, resolve_calibration

__all__ = ["Calibration", "load_calibration", "resolve_calibration"]
