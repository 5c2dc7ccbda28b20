"""Score extraction on articles against their gold files: quotes, speakers, actors, events.

Quotes match by span overlap, one to one (a predicted quote may match one gold quote, the one
it overlaps most), separately for direct quotes and for reported speech; precision and
recall count matches.  Speaker accuracy is over matched quotes: the predicted speaker equals
the gold one (case-insensitive); the same-person score also counts a person named in another
form (:mod:`accord.evaluation.speaker_names`).  Events match on type, source and target in an
overlapping stretch of text (:func:`accord.evaluation.events.score_article`).  Actors: recall
by name and kind, then role and affiliation accuracy over the actors found.  The gold files
are described in :mod:`accord.evaluation.gold`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from accord.evaluation.events import load_event_gold, score_events
from accord.evaluation.gold import Gold, find_article, load_gold_dir
from accord.evaluation.scores import ActorScore, ArticleScore, QuoteScore
from accord.evaluation.speaker_names import same_speaker
from accord.extract.actors import ActorIndex
from accord.extract.ingest import read_text
from accord.extract.nlp import load_nlp
from accord.extract.quotes import find_quotes
from accord.extract.records import ActorRecord, QuoteRecord


def _actor_found(a: ActorRecord, g: dict[str, Any], score: ActorScore) -> None:
    """Count the roles and affiliation of a gold actor that was found."""
    score.matched += 1
    if g.get("roles"):
        score.roles += 1
        have = {r.casefold() for r in a.roles}
        score.roles_right += all(r.casefold() in have for r in g["roles"])
    if g.get("affiliation"):
        score.affiliations += 1
        score.affiliations_right += (a.affiliation or "").casefold() == g[
            "affiliation"].casefold()


def match_actors(predicted: list[ActorRecord], gold: list[dict[str, Any]]) -> ActorScore:
    by_name = {a.name.casefold(): a for a in predicted}
    score = ActorScore(gold=len(gold))
    for g in gold:
        a = by_name.get(g["name"].casefold())
        if a is None or (g.get("kind") and g["kind"] != a.kind):
            score.missed.append(g["name"])
        else:
            _actor_found(a, g, score)
    return score


def _overlaps(predicted: list[QuoteRecord], gold: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """(gold index, predicted index) of every overlapping pair, largest overlap first."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            overlap = min(p.end, g["end"]) - max(p.start, g["start"])
            if overlap > 0:
                pairs.append((overlap, gi, pi))
    return [(gi, pi) for _, gi, pi in sorted(pairs, reverse=True)]


def match_quotes(predicted: list[QuoteRecord], gold: list[dict[str, Any]],
                 persons: frozenset[str] = frozenset()) -> QuoteScore:
    """One-to-one matching by span overlap (largest overlap first); ``persons`` are the names
    of the article's person actors, for the same-person speaker score."""
    score = QuoteScore(gold=len(gold), predicted=len(predicted))
    used_g: set[int] = set()
    used_p: set[int] = set()
    for gi, pi in _overlaps(predicted, gold):
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        score.matched += 1
        want, got = gold[gi].get("speaker"), predicted[pi].speaker
        if (want or "").casefold() == (got or "").casefold():
            score.speaker_right += 1
            score.same_person += 1
        elif want and got and same_speaker(want, got, got in persons):
            score.same_person += 1
            score.wrong_speaker.append((gold[gi]["text"], got, want))
        else:
            score.wrong_speaker.append((gold[gi]["text"], got, want or ""))
    score.missed = [g["text"] for i, g in enumerate(gold) if i not in used_g]
    score.spurious = [p.text for i, p in enumerate(predicted) if i not in used_p]
    return score


def _quote_scores(
    quotes: list[QuoteRecord], gold: list[dict[str, Any]], persons: frozenset[str]
) -> tuple[QuoteScore, QuoteScore | None]:
    """Direct quotes, and reported speech when the gold has some."""
    gold_direct = [q for q in gold if q.get("direct", True)]
    direct = match_quotes([q for q in quotes if q.direct], gold_direct, persons)
    gold_reported = [q for q in gold if not q.get("direct", True)]
    if not gold_reported:
        return direct, None
    return direct, match_quotes([q for q in quotes if not q.direct], gold_reported, persons)


def evaluate_article(gold: Gold, path: Path, speakers: str = "rules") -> ArticleScore:
    """Extract from the article at ``path`` and score what its gold covers (direct quotes'
    speakers chosen by ``speakers``: rules, ranker or hybrid, as in ``find_quotes``)."""
    article = read_text(path)
    doc = load_nlp()(article.text)
    index = ActorIndex.from_doc(doc)
    score = ArticleScore(gold.article)
    if gold.quotes is not None:
        persons = frozenset(a.name for a in index.actors() if a.kind == "person")
        score.direct, score.reported = _quote_scores(
            find_quotes(doc, index, article.title, speakers), gold.quotes, persons)
    if gold.events_file is not None:
        score.events, score.event_sides = score_events(
            doc, index, load_event_gold(gold.events_file)
        )
    if gold.actors is not None:
        score.actors = match_actors(index.actors(), gold.actors)
    return score


def evaluate(gold_dir: str | Path, articles_dir: str | Path,
             speakers: str = "rules") -> list[ArticleScore]:
    """Scores for every article with gold files, in article order."""
    golds = load_gold_dir(gold_dir)
    articles_dir = Path(articles_dir)
    return [
        evaluate_article(g, find_article(g, articles_dir), speakers)
        for _, g in sorted(golds.items())
    ]
