"""Defaults of the backtest and calibration commands, importable without numpy (the command
line shows them in its help before any model loads)."""

CV = "cv"  # calibrated intervals by cross-validation over cases
FOLDS = 5  # folds of the cross-validation by case
SAMPLES = 50  # per case; enough for intervals the calibration then corrects, fast for EUM
