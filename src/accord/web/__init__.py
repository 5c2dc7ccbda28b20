"""``accord serve``: the case library and the case page in a browser (FastAPI, local only).

- :mod:`.store`: the SQLite case library, its versions and optimistic saves;
- :mod:`.payload`: case data from a request body, checked (finite numbers, the case schema);
- :mod:`.analysis`: what the case page shows for a case: forecast, verdict, what must change;
- :mod:`.imports`: cases from uploaded files (YAML/JSON, Decide, KTAB) via the CLI's readers;
- :mod:`.jobs`: dynamic models and the Monte Carlo sweep in the background, cancellable;
- :mod:`.news`: extraction from a pasted article and attaching a quote as evidence;
- :mod:`.structure`: structural edits of a case (add/remove a position, an actor, an issue;
  set a veto), validated by the case schema; :mod:`.structure_api`: their endpoints;
- :mod:`.limits`: the request size limit (413);
- :mod:`.app`: the FastAPI application; :mod:`.server`: uvicorn on localhost.

Every script and style the pages use is in ``static/``: nothing is fetched from the network.
"""
