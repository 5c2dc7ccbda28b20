"""Issue 12: hostile inputs through the real CLI end in exit code 2 and a message naming the
file, the line or field, and what is wrong; never a traceback, never NaN accepted."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.cli import app

runner = CliRunner()
SRC = Path(__file__).resolve().parents[2] / "src"


def case_text(cap: str = "1", sal: str = "0.5", pos: str = "40", sq: str = "50",
              extra: str = "") -> str:
    return (
        "title: t\n"
        "actors:\n"
        f"  - {{id: A, name: A, capability: {cap}, veto: true}}\n"
        "  - {id: B, name: B, capability: 2, veto: true}\n"
        "issues:\n"
        f"  - {{id: i, title: I, scale: {{0: lo, 100: hi}}, status_quo: {sq}}}\n"
        "positions:\n"
        f"  - {{actor: A, issue: i, position: {pos}, salience: {sal}}}\n"
        "  - {actor: B, issue: i, position: 70, salience: 0.8}\n"
        + extra
    )


def run(*args: object) -> tuple[int, str]:
    result = runner.invoke(app, [str(a) for a in args])
    return result.exit_code, result.output


def bad(tmp_path: Path, text: str, *expected: str, name: str = "case.yaml") -> None:
    """``validate``, ``forecast`` and ``report`` all refuse the file with the message."""
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    for command in (["validate", f], ["forecast", f], ["report", f, "-o", tmp_path / "b.md"]):
        code, output = run(*command)
        assert code == 2, output
        assert "Traceback" not in output
        for part in (str(f), *expected):
            assert part in output, output
    assert sorted(os.listdir(tmp_path)) == [name]  # nothing written


@pytest.mark.parametrize(("text", "expected"), [
    (case_text(cap="1" + "0" * 400), ["actors[0].capability", "401-digit number"]),
    (case_text(cap="1.0e+308"), ["actors[0].capability", "exceeds 1e+15"]),
    (case_text(extra="date: 2022-02-30\n"), ["date", "'2022-02-30' is not a valid timestamp",
                                             "line 10"]),
    (case_text(extra="date: 2022-13-01\n"), ["date", "month must be in 1..12"]),
    (case_text(extra="date: 2022-01-01 25:00:00\n"), ["date", "hour must be in 0..23"]),
    (case_text(cap="!!int 0xZZ"), ["actors[0].capability", "'0xZZ' is not a valid int"]),
    (case_text(cap="!!float abc"), ["actors[0].capability", "'abc' is not a valid float"]),
    (case_text(extra="title: !!float ''\n"), ["title", "'' is not a valid float"]),
    (case_text(extra="date: !!timestamp garbage\n"), ["date", "'garbage' is not a valid"]),
    (case_text(extra="notes: !!bool maybe\n"), ["notes", "'maybe' is not a valid bool"]),
    (case_text(extra="notes: " + "[" * 1000 + "]" * 1000 + "\n"), ["nested more than 64"]),
    (case_text(sal=".nan"), ["positions[0].salience", "finite number, got nan"]),
    (case_text(cap=".inf"), ["actors[0].capability", "finite number, got inf"]),
    (case_text(pos="-.inf"), ["positions[0].position", "finite number, got -inf"]),
    (case_text(sq="{low: .nan, high: 60}"), ["issues[0].status_quo.low", "finite"]),
    (case_text(pos="{value: 40, sd: .inf}"), ["positions[0].position.sd", "finite"]),
    (case_text(pos="{value: 40, low: 30, high: .nan}"), ["positions[0].position.high"]),
])
def test_hostile_numbers_tags_dates_and_nesting(tmp_path: Path, text: str,
                                                 expected: list[str]) -> None:
    bad(tmp_path, text, *expected)


def test_json_nan_infinity_overflow_and_nesting(tmp_path: Path) -> None:
    base = ('{"title": "t", "actors": [{"id": "A", "name": "A", "capability": %s}], '
            '"issues": [], "positions": []}')
    bad(tmp_path, base % "NaN", "NaN is not a number accord accepts", name="c.json")
    bad(tmp_path, base % "1e400", "the number 1e400 is too large", name="c.json")
    bad(tmp_path, base % ("[" * 5000 + "]" * 5000), "nested more than 64", name="c.json")


def test_alias_bomb_is_refused_before_it_expands(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    text = case_text() + "\n".join(lines).replace("a0:", "x0:", 1) + "\n"
    start = time.monotonic()
    bad(tmp_path, text, "aliases expand to more than 10,000 values")
    assert time.monotonic() - start < 20


def test_recursive_alias_is_refused(tmp_path: Path) -> None:
    bad(tmp_path, case_text(extra="notes: &n [*n]\n"), "refers to the node that contains it")


def test_a_few_aliases_are_fine(tmp_path: Path) -> None:
    text = case_text().replace("scale: {0: lo, 100: hi}", "scale: &s {0: lo, 100: hi}")
    f = tmp_path / "c.yaml"
    f.write_text(text, encoding="utf-8")
    assert run("validate", f)[0] == 0


def test_an_oversized_file_is_refused_unread(tmp_path: Path) -> None:
    f = tmp_path / "huge.yaml"
    with f.open("wb") as fh:
        fh.truncate(65 * 2**20)
    code, output = run("validate", f)
    assert code == 2 and "larger than 64 MiB" in output


@pytest.mark.parametrize("command", ["import", "report", "draft", "extract"])
def test_output_a_folder_a_wrong_type_or_under_a_file_exits_2(tmp_path: Path, shared: Path,
                                                               command: str) -> None:
    (tmp_path / "afile").write_text("", encoding="utf-8")
    inputs = {
        "import": [shared / "data" / "decide" / "cop21.csv"],
        "report": [Path(__file__).parents[1] / "data" / "pension-talks-2005.yaml"],
        "draft": [tmp_path / "absent.jsonl", "--issues", tmp_path / "absent.yaml"],
        "extract": [tmp_path / "absent.txt"],
    }[command]
    right = {"report": ".md", "extract": ".jsonl"}.get(command, ".yaml")
    (tmp_path / f"folder{right}").mkdir()
    before = sorted(os.listdir(tmp_path))
    for output, message in [
        (tmp_path / f"folder{right}", "is a folder"),
        (tmp_path / "x.csv", "written to a file ending in"),
        (tmp_path / "afile" / f"x{right}", "is not a folder"),
    ]:
        if command == "report" and output.suffix == ".csv":
            message = "cannot write a brief with '.csv'"
        code, out = run(command, *inputs, "-o", output)
        assert code == 2, out
        assert message in out and "Traceback" not in out
    assert sorted(os.listdir(tmp_path)) == before


def test_importers_refuse_non_finite_and_huge_power(tmp_path: Path) -> None:
    rows = "'#A'\t'a'\t'A'\n'#A'\t'b'\t'B'\n'#P'\t'p'\t'P'\n"
    for power in ("inf", "nan", "1e308"):
        f = tmp_path / "d.csv"
        f.write_text(rows + f"'#D'\t'a'\t'p'\t40\t0.6\t{power}\n'#D'\t'b'\t'p'\t60\t0.8\t1\n",
                     encoding="utf-8")
        code, out = run("import", f, "-o", tmp_path / "c.yaml")
        assert code == 2 and "line 4: power must be a finite number" in out, out
    k = tmp_path / "k.csv"
    k.write_text("S,d,2,1\nActor,Description,Power,P1,S1\nA,a,inf,50,50\nB,b,1,50,50\n",
                 encoding="utf-8")
    code, out = run("import", k, "-o", tmp_path / "c.yaml")
    assert code == 2 and "line 3" in out and "'inf' is not a finite number" in out
    assert not (tmp_path / "c.yaml").exists()


def test_importers_report_an_overlong_csv_cell_by_line(tmp_path: Path) -> None:
    for text, fmt, line in [("'#O'\t'" + "x" * 140_000 + "'\n", "decide", 1),
                            ('S,d,1,1\n"' + "x" * 140_000 + '"\n', "ktab", 2)]:
        f = tmp_path / "long.csv"
        f.write_text(text, encoding="utf-8")
        code, out = run("import", f, "-f", fmt, "-o", tmp_path / "c.yaml")
        assert code == 2, out
        assert f"line {line}: unreadable CSV: field larger than field limit" in out


def test_decide_mixed_salience_scales_are_refused_by_line(tmp_path: Path) -> None:
    f = tmp_path / "d.csv"
    f.write_text("'#A'\t'a'\t'A'\n'#A'\t'b'\t'B'\n'#P'\t'p'\t'P'\n"
                 "'#D'\t'a'\t'p'\t40\t0.6\t1\n'#D'\t'b'\t'p'\t60\t80\t1\n", encoding="utf-8")
    code, out = run("import", f, "-o", tmp_path / "c.yaml")
    assert code == 2
    assert "line 4: salience 0.6 reads as the 0–1 scale, but line 5 gives 80" in out


def test_a_case_too_large_for_a_model_is_refused_by_its_memory(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    n = 60
    actors = "".join(f"  - {{id: a{i}, name: A{i}, capability: 1}}\n" for i in range(n))
    issues = "".join(f"  - {{id: i{j}, title: I, scale: {{0: a, 100: b}}, status_quo: 50}}\n"
                     for j in range(4))
    positions = "".join(f"  - {{actor: a{i}, issue: i{j}, position: {i}, salience: 0.5}}\n"
                        for i in range(n) for j in range(4))
    f = tmp_path / "c.yaml"
    f.write_text(f"title: t\nactors:\n{actors}issues:\n{issues}positions:\n{positions}",
                 encoding="utf-8")
    monkeypatch.setenv("ACCORD_MEMORY_LIMIT", "1M")
    code, out = run("forecast", f, "-m", "exchange")
    assert code == 2
    assert "exchange on 60 actors and 4 issues needs about" in out and "ACCORD_MEMORY_LIMIT" in out
    # the EUM runs one issue at a time and the sweep in smaller chunks: both fit
    monkeypatch.setenv("ACCORD_MEMORY_LIMIT", "3M")
    assert run("forecast", f, "-m", "eum")[0] == 0
    assert run("sweep", f, "-m", "eum", "-n", "20")[0] == 0


def test_markup_in_user_text_is_printed_as_it_is(tmp_path: Path) -> None:
    f = tmp_path / "c[bold].yaml"
    f.write_text(case_text().replace("title: t", "title: '[/] [bold]T'"), encoding="utf-8")
    code, out = run("validate", f)
    assert code == 0 and f"ok {f}:" in out
    code, out = run("forecast", f)
    assert code == 0 and "[/] [bold]T" in out


def test_sigterm_leaves_no_temporary_and_stale_ones_are_cleaned(tmp_path: Path) -> None:
    """A run killed mid-write (SIGTERM) removes its temporary; one killed with SIGKILL leaves
    a temporary that the next write in that folder removes."""
    script = (
        "import os, signal, sys, time\n"
        "from accord.cli import main\n"
        "import accord.io as io\n"
        "from accord.io import atomic_writer, exit_on_sigterm\n"
        "exit_on_sigterm()\n"
        "with atomic_writer(sys.argv[1]) as fh:\n"
        "    fh.write('half'); fh.flush(); print('writing', flush=True); time.sleep(60)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    for sig in (signal.SIGTERM, signal.SIGKILL):
        target = tmp_path / f"ev-{sig.name}.jsonl"
        proc = subprocess.Popen([sys.executable, "-c", script, str(target)], env=env,
                                stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None and proc.stdout.readline() == "writing\n"
        proc.send_signal(sig)
        proc.wait(timeout=30)
        left = [p.name for p in tmp_path.iterdir()]
        assert (left == []) is (sig == signal.SIGTERM), left
    code, _ = run("import", Path(os.environ.get("ACCORD_SHARED", "../shared")) / "data" /
                  "decide" / "cop21.csv", "-o", tmp_path / "case.yaml")
    assert code == 0
    assert [p.name for p in tmp_path.iterdir()] == ["case.yaml"]


def test_zero_salience_everywhere_forecasts_nothing_and_the_brief_says_no_nan(
        tmp_path: Path) -> None:
    f = tmp_path / "c.yaml"
    f.write_text(case_text(sal="0").replace("salience: 0.8", "salience: 0"), encoding="utf-8")
    code, out = run("forecast", f, "-f", "json", "-m", "compromise,median,eum")
    assert code == 0
    assert '"compromise": null' in out and '"eum": null' in out and "NaN" not in out
    code, out = run("report", f, "-o", tmp_path / "b.md", "-n", "50")
    assert code == 0, out
    text = (tmp_path / "b.md").read_text(encoding="utf-8")
    assert "nan" not in text.lower().replace("nanc", "")  # finance, nuance: no bare nan
