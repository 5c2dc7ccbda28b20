"""Reading articles: plain text, HTML (trafilatura, offline) and JSONL corpora."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

import pytest

from accord.errors import ArticleError, InputError
from accord.extract.ingest import parse_date, read_articles


def test_plain_text_headline_date_from_name_and_offsets(tmp_path):
    f = tmp_path / "talks-2022-01-10.txt"
    f.write_bytes(b"Talks begin\r\n\r\nThey met.\r\n")
    (a,) = read_articles([f])
    assert (a.id, a.title) == ("talks-2022-01-10.txt", "Talks begin")
    assert a.published == date(2022, 1, 10)
    assert a.text == "Talks begin\r\n\r\nThey met.\r\n"  # as on disk: offsets index the file
    assert a.text.index("They") == 15  # 11 + 2 + 2


def test_date_option_overrides_the_file_name(tmp_path):
    f = tmp_path / "talks-2022-01-10.txt"
    f.write_text("T\n\nx\n", encoding="utf-8")
    (a,) = read_articles([f], date(2021, 12, 31))
    assert a.published == date(2021, 12, 31)


def test_jsonl_corpus(tmp_path):
    f = tmp_path / "corpus.jsonl"
    rows = [
        {"id": "a1", "title": "One", "text": "First.", "published": "2022-01-10T08:00:00Z",
         "source": "wire"},
        {"id": "a2", "text": "Second."},
    ]
    f.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    a1, a2 = read_articles([f])
    assert (a1.id, a1.title, a1.published, a1.source) == ("a1", "One", date(2022, 1, 10), "wire")
    assert (a2.id, a2.title, a2.published, a2.text) == ("a2", "", None, "Second.")


@pytest.mark.parametrize(
    ("line", "where", "problem"),
    [
        ("{not json", "", "not valid JSON (Expecting property name enclosed in double quotes)"),
        ('{"id": "x"}', "", "field 'text' must be a non-empty string"),
        ('{"id": "x", "text": "t", "published": "10/01/2022"}', ": field 'published'",
         "not an ISO date (YYYY-MM-DD): '10/01/2022'"),
        ("[1, 2]", "", "each line must be a JSON object"),
    ],
)
def test_jsonl_errors_name_the_line_and_field(tmp_path, line, where, problem):
    f = tmp_path / "corpus.jsonl"
    f.write_text('{"id": "ok", "text": "fine"}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(ArticleError) as caught:
        list(read_articles([f]))
    e = caught.value
    assert (e.file, e.problem) == (f"{f}:2{where}", problem)
    assert str(e) == f"{f}:2{where}: {problem}"
    assert isinstance(e, InputError)  # the CLI's exit 2


def test_html_main_text_and_metadata(tmp_path):
    body = " ".join(["The delegations met in Geneva and talked for seven hours."] * 6)
    page = f"""<html><head><title>Talks in Geneva</title>
    <meta property="article:published_time" content="2022-01-10"></head>
    <body><nav>Home | News | Sport</nav><article><h1>Talks in Geneva</h1>
    <p>{body}</p><p>"We are ready," Ryabkov said.</p></article>
    <footer>Copyright</footer></body></html>"""
    f = tmp_path / "talks.html"
    f.write_text(page, encoding="utf-8")
    (a,) = read_articles([f])
    assert a.title == "Talks in Geneva"
    assert a.published == date(2022, 1, 10)
    assert a.text.startswith("Talks in Geneva\n\n")
    assert "talked for seven hours" in a.text and "Ryabkov said" in a.text
    assert "Sport" not in a.text and "Copyright" not in a.text


def test_folders_recursively_and_bad_paths(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("B\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("A\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    assert [a.id for a in read_articles([tmp_path])] == ["a.txt", "b.txt"]
    missing, notes = tmp_path / "missing.txt", tmp_path / "notes.md"
    assert _problem(lambda: list(read_articles([missing]))) == (
        str(missing), "no such file or folder")
    assert _problem(lambda: list(read_articles([notes]))) == (
        str(notes), "unsupported file type (use one of .txt, .html, .htm, .jsonl)")
    assert _problem(lambda: parse_date("January 10")) == (
        "--date", "not an ISO date (YYYY-MM-DD): 'January 10'")


def _problem(call: Callable[[], object]) -> tuple[str, str]:
    """(file, problem) of the ArticleError that ``call`` raises."""
    with pytest.raises(ArticleError) as caught:
        call()
    return caught.value.file, caught.value.problem


def test_undecodable_text_names_the_file(tmp_path):
    f = tmp_path / "latin1.txt"
    f.write_bytes("Gespräche in Genf\n".encode("latin-1"))
    assert _problem(lambda: list(read_articles([f]))) == (str(f), "not UTF-8 text")


def test_the_founding_article_takes_its_date_from_its_name(shared, founding_text):
    (founding,) = [a for a in read_articles([shared / "articles"]) if a.text == founding_text]
    assert founding.published == date(2022, 1, 10)
    assert founding.title == founding_text.splitlines()[0].strip()
