"""Monte Carlo forecasts: sample a case's uncertain inputs, run the models on all samples at
once, and say how wide the outcomes are, how likely a deal is and what drives the result.

- :mod:`.distributions`: truncated laws sampled by inverse transform;
- :mod:`.inputs`: a case's uncertain inputs (actor × quantity), jitter, arrays of a sample;
- :mod:`.chunk`: one seeded chunk → mergeable statistics;
- :mod:`.sensitivity`: first-order indices from the sample (given data);
- :mod:`.backends`: chunks in this process or on Dask;
- :mod:`.summary`: the published result; :mod:`.sweep`: the entry point.

The package itself imports nothing (the command line reads :data:`DEFAULT_CHUNK` without
loading numpy or scipy).
"""

DEFAULT_CHUNK = 5_000  # samples drawn per chunk (a chunk's draws depend on its size)
