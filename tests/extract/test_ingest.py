"""Reading articles: plain text, HTML (trafilatura, offline) and JSONL corpora."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import date

import pytest

from accord.errors import ArticleError, InputError
from accord.extract.ingest import (
    ArticleNotice,
    Unread,
    parse_date,
    read_articles,
    read_jsonl,
    read_text,
)


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


def test_a_fifo_or_a_folder_named_like_an_article_is_skipped_with_a_notice(tmp_path):
    """Opening a FIFO blocks until a writer comes: it is never opened, only named."""
    (tmp_path / "a.txt").write_text("A\n", encoding="utf-8")
    os.mkfifo(tmp_path / "x.txt")
    (tmp_path / "folder.txt").mkdir()  # walked into, not read
    notices: list[str] = []
    assert [a.id for a in read_articles([tmp_path], warn=notices.append)] == ["a.txt"]
    assert notices == [f"{tmp_path / 'x.txt'}: skipped: not a regular file (a FIFO)"]
    notices.clear()
    assert list(read_articles([tmp_path / "x.txt"], warn=notices.append)) == []
    assert len(notices) == 1
    with pytest.raises(Unread, match="not a regular file"):  # one reader: an error
        read_text(tmp_path / "x.txt")


def test_an_article_over_max_chars_is_skipped_with_a_notice(tmp_path):
    (tmp_path / "long.txt").write_text("é" * 11, encoding="utf-8")  # 11 characters, 22 bytes
    (tmp_path / "short.txt").write_text("é" * 10, encoding="utf-8")
    rows = [{"id": "ok", "text": "x" * 10}, {"id": "long", "text": "x" * 11},
            {"id": "ok2", "text": "y"}]
    (tmp_path / "c.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n",
                                      encoding="utf-8")
    notices: list[str] = []
    got = [a.id for a in read_articles([tmp_path], max_chars=10, warn=notices.append)]
    assert got == ["ok", "ok2", "short.txt"]
    c, long = tmp_path / "c.jsonl", tmp_path / "long.txt"
    assert notices == [
        f"{c}:2: skipped: the text has 11 characters, over the limit of 10 (--max-chars)",
        f"{long}: skipped: over the limit of 10 characters (--max-chars)",
    ]
    with pytest.warns(ArticleNotice, match="over the limit of 10"):  # the default channel
        assert len(list(read_articles([long, tmp_path / "short.txt"], max_chars=10))) == 1


def test_a_jsonl_row_longer_than_any_article_is_read_past(tmp_path):
    """A row may take 6 characters per text character (\\uXXXX) and 65,536 more; a longer
    one is read past in pieces, never held whole, and the next row is read."""
    f = tmp_path / "c.jsonl"
    rows = [{"id": "huge", "text": "x" * 70_000}, {"id": "next", "text": "y"}]
    f.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    notices: list[str] = []
    assert [a.id for a in read_jsonl(f, max_chars=1, warn=notices.append)] == ["next"]
    assert notices == [
        f"{f}:1: skipped: a row over 65,542 characters (an article may have 1: --max-chars)"]


def test_lone_surrogates_in_a_jsonl_row_become_replacement_characters(tmp_path):
    """A "\\ud800" escape that pairs with nothing is no character and cannot be written as
    UTF-8: it becomes U+FFFD (one character for one: offsets unchanged), with a notice; a
    proper pair ("\\ud83d\\ude00") is one character and stays."""
    f = tmp_path / "c.jsonl"
    f.write_text('{"id": "s\\udc00", "text": "Talks \\ud800 went well \\ud83d\\ude00."}\n',
                 encoding="utf-8")
    notices: list[str] = []
    (a,) = read_articles([f], warn=notices.append)
    assert a.text == "Talks \ufffd went well \U0001f600."
    assert a.id == "s\ufffd"
    a.text.encode("utf-8")
    assert notices == [
        f"{f}:1: field 'id': 1 lone surrogate(s) (an escape such as \\ud800 that pairs with "
        "none) replaced with U+FFFD",
        f"{f}:1: field 'text': 1 lone surrogate(s) (an escape such as \\ud800 that pairs with "
        "none) replaced with U+FFFD",
    ]
