"""Run the whole extraction on articles: one parse, then actors, quotes, events and dates.

``extract_articles`` parses with ``nlp.pipe`` (batched, the fast path on one core; a long
article in pieces, :mod:`accord.extract.segment`) and can
spread batches over a local process pool (``workers``) or a Dask cluster (``scheduler``:
a scheduler address, or ``local`` for a local cluster).  Results come back in input order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any

from spacy.tokens import Doc

from accord.extract.actors import ActorIndex
from accord.extract.dates import find_dates
from accord.extract.events import find_events
from accord.extract.ingest import Article
from accord.extract.nlp import load_nlp
from accord.extract.quotes import find_quotes
from accord.extract.records import ActorRecord, DateRecord, EventRecord, QuoteRecord
from accord.extract.segment import parse
from accord.extract.turns import find_turns

BATCH = 16
Evidence = ActorRecord | QuoteRecord | EventRecord | DateRecord  # the records of an article


def extract_doc(doc: Doc, article: Article) -> list[Evidence]:
    """All records for one parsed article, each tagged with the article id."""
    index = ActorIndex.from_doc(doc)
    actors = index.actors()
    records: list[Evidence] = [
        *actors,
        *find_quotes(doc, index, article.title),
        *find_turns(doc.text, actors),
        *find_events(doc, index),
        *find_dates(doc, article.published),
    ]
    for r in records:
        r.article = article.id
    return records


def extract_batch(articles: list[Article]) -> list[list[dict[str, Any]]]:
    """Records (as JSON-ready dicts) for a batch of articles; runs in workers too."""
    nlp = load_nlp()
    docs = parse(nlp, (a.text for a in articles), BATCH)
    return [[r.to_dict() for r in extract_doc(d, a)] for d, a in zip(docs, articles, strict=True)]


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(articles)
    while batch := list(islice(it, size)):
        yield batch


def extract_articles(
    articles: Iterable[Article],
    workers: int = 1,
    scheduler: str | None = None,
    on_article: Callable[[Article], None] | None = None,
) -> Iterator[tuple[Article, list[dict[str, Any]]]]:
    """(article, records) for each article, in input order."""
    batches = _batches(articles, BATCH)
    if scheduler:
        results = _dask_map(batches, scheduler)
    elif workers > 1:
        results = _pool_map(batches, workers)
    else:
        results = ((b, extract_batch(b)) for b in batches)
    for batch, recs in results:
        for article, rows in zip(batch, recs, strict=True):
            if on_article:
                on_article(article)
            yield article, rows


def _pool_map(batches: Iterator[list[Article]], workers: int):
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers, initializer=load_nlp) as pool:
        pending = [(b, pool.submit(extract_batch, b)) for b in batches]
        for batch, fut in pending:
            yield batch, fut.result()


def _dask_map(batches: Iterator[list[Article]], scheduler: str):
    from distributed import Client, LocalCluster

    cluster = LocalCluster(processes=True, threads_per_worker=1) if scheduler == "local" else None
    client = Client(cluster or scheduler)
    try:
        pending = [(b, client.submit(extract_batch, b, pure=False)) for b in batches]
        for batch, fut in pending:
            yield batch, fut.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
