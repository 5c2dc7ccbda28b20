"""A learned combination of the models' forecasts (the ``ensemble`` model).

- :mod:`.features`: what the ensemble reads on an issue (the models' forecasts and a few
  observable traits), as offsets from the compromise model's forecast;
- :mod:`.lad`: least absolute deviations with an L1 penalty (the fit);
- :mod:`.crossval`: the penalty chosen on inner folds, out-of-fold forecasts by case;
- :mod:`.choice`: which model to believe on an issue, from backtest errors on similar issues;
- :mod:`.schema`: the ensemble file (``accord fit``'s JSON) and the shipped default.

Fitting needs backtest rows: :func:`accord.ensemble.train.fit_ensemble`.
"""
