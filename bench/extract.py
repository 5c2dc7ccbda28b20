"""Extraction speed on one core: words and articles per second over the shared articles,
next to the bare spaCy parse of the same texts (the ceiling), and the memory peak.

Rows: the stock model's parse (``spacy.load`` with every component, the ceiling); accord's
parse (the same model with ``accord_tags`` in place of the attribute ruler and lemmatizer);
the whole extraction (accord's parse + actors, quotes, events, dates).  Times are CPU
seconds of this process (``time.process_time``), best of N rounds, on one pinned core, so
that other work on the machine disturbs them little.

Targets (issue 5): the whole extraction at >= 70% of the bare parse speed, >= 5,000 words/s.
Run: ``python bench/extract.py [--rounds N]`` (ACCORD_SHARED or ../shared must exist).
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # one core: no BLAS threads

import argparse  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

from accord.extract.ingest import read_articles  # noqa: E402
from accord.extract.nlp import MODEL, load_nlp  # noqa: E402
from accord.extract.pipeline import BATCH, extract_doc  # noqa: E402


def shared_articles() -> Path:
    env = os.environ.get("ACCORD_SHARED")
    root = Path(env) if env else Path(__file__).resolve().parents[2] / "shared"
    return root / "articles"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="passes over the articles")
    args = parser.parse_args()
    folder = shared_articles()
    if not folder.is_dir():
        sys.exit(f"{folder} not found: set ACCORD_SHARED")
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # pin to one core
    articles = list(read_articles([folder]))
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    import spacy

    stock = spacy.load(MODEL)
    nlp = load_nlp()
    list(stock.pipe(texts[:2]))  # warm up
    list(nlp.pipe(texts[:2]))

    def stock_parse() -> None:
        for _ in stock.pipe(texts, batch_size=BATCH):
            pass

    def parse_only() -> None:
        for _ in nlp.pipe(texts, batch_size=BATCH):
            pass

    def full() -> None:
        for doc, article in zip(nlp.pipe(texts, batch_size=BATCH), articles, strict=True):
            extract_doc(doc, article)

    rows = []
    runs = (
        ("bare spaCy parse (ceiling)", stock_parse),
        ("accord parse (accord_tags)", parse_only),
        ("accord extract (everything)", full),
    )
    for name, fn in runs:
        best = float("inf")
        for _ in range(args.rounds):
            t0 = time.process_time()
            fn()
            best = min(best, time.process_time() - t0)
        rows.append((name, best))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(articles)} articles, {words} words; best of {args.rounds} rounds, one core")
    print(f"{'':30} {'seconds':>8} {'words/s':>9} {'articles/s':>11} {'of ceiling':>11}")
    ceiling = rows[0][1]
    for name, secs in rows:
        print(f"{name:30} {secs:8.3f} {words / secs:9.0f} {len(articles) / secs:11.1f} "
              f"{ceiling / secs:10.0%}")
    print(f"memory peak: {peak_mb:.0f} MB (max RSS)")


if __name__ == "__main__":
    main()
