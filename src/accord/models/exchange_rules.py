"""The exchange model's constants, as decide-exchange-model 2022.1.28 sets them.

How many rounds run and how much of a move an actor keeps into the next round (Stokman & Van
Oosten 1994; see :mod:`accord.models.exchange`), and the tolerances under which the array code
(:mod:`accord.models.exchange`) and the plain-Python game (:mod:`accord.models.exchange_game`)
apply decide's rules alike. A module of its own and without numpy, so that the model registry
can name the rounds without loading the model.
"""

from __future__ import annotations

ROUNDS = 10  # decide's default number of rounds
SALIENCE_WEIGHT = 0.4  # share of the move kept, weighted by (1 − salience)
FIXED_WEIGHT = 0.1  # share of the move kept by every actor
TIE = 1e-9  # gains this close count as equal
TINY = 1e-10  # decide: smaller moves or gains are no exchange
EDGE = 1e-9  # slack on the 0–100 scale for floating-point rounding
