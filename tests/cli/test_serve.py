"""``accord serve``: bad arguments exit 2; the CLI starts without importing the web stack."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.cli import app
from accord.web.server import case_files, default_db, import_cases
from accord.web.store import Library


def test_cli_start_up_does_not_import_fastapi():
    code = "import sys, accord.cli; print('fastapi' in sys.modules, 'uvicorn' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_missing_input_and_bad_port_exit_2(tmp_path):
    r = CliRunner().invoke(app, ["serve", str(tmp_path / "nope.yaml")])
    assert r.exit_code == 2 and "nope.yaml" in r.output
    r = CliRunner().invoke(app, ["serve", "--port", "70000"])
    assert r.exit_code == 2 and "--port" in r.output


def test_library_sits_beside_the_data_and_imports_once(tmp_path, flagship_path):
    folder = flagship_path.parent
    assert default_db([folder]) == folder / "accord-library.sqlite"
    assert default_db([flagship_path]) == folder / "accord-library.sqlite"
    (tmp_path / "bad.yaml").write_text("title: [", encoding="utf-8")
    files = case_files([folder, tmp_path / "bad.yaml"])
    assert flagship_path in files
    lib = Library(tmp_path / "lib.sqlite")
    said: list[str] = []
    import_cases(lib, files, said.append)
    import_cases(lib, files, said.append)  # already there: not imported twice
    titles = [s.title for s in lib.cases()]
    assert titles.count("US–Russia security talks, Geneva") == 1
    assert any(s.startswith("skipped") and "bad.yaml" in s for s in said)
    lib.close()


def test_default_db_without_inputs_is_the_current_folder(monkeypatch, tmp_path: Path):
    monkeypatch.chdir(tmp_path)
    assert default_db([]) == tmp_path / "accord-library.sqlite"


def test_a_missing_or_bad_ensemble_exits_2_before_serving(monkeypatch, tmp_path):
    import accord.web.server as server

    monkeypatch.setattr(server, "serve", lambda *args: pytest.fail("served"))
    r = CliRunner().invoke(app, ["serve", "--ensemble", str(tmp_path / "nope.json")])
    assert r.exit_code == 2 and "nope.json" in r.output
    bad = tmp_path / "bad.json"
    bad.write_text('{"weights": {}}', encoding="utf-8")
    r = CliRunner().invoke(app, ["serve", "--ensemble", str(bad)])
    assert r.exit_code == 2 and "bad.json" in r.output and "label" in r.output


def test_the_ensemble_option_reaches_the_app_read(monkeypatch, tmp_path):
    """The server gets the file as read (once, here), not its path to read again."""
    import accord.web.server as server
    from accord.ensemble.schema import Ensemble, default_ensemble

    ens = tmp_path / "ens.json"
    mine = default_ensemble().model_copy(update={"label": "mine"})
    mine.save(ens)
    got: dict[str, object] = {}
    monkeypatch.setattr(server, "serve", lambda *args: got.update(args=args))
    r = CliRunner().invoke(app, ["serve", "--ensemble", str(ens), "--db",
                                 str(tmp_path / "lib.sqlite")])
    assert r.exit_code == 0, r.output
    given = got["args"][5]  # inputs, host, port, db, calibration, ensemble, say
    assert isinstance(given, Ensemble) and given == mine


@pytest.mark.parametrize(("option", "read"), [("default", True), ("none", False)])
def test_the_calibration_option_reaches_the_app_read(monkeypatch, tmp_path, option, read):
    """Like the ensemble, the calibration is read once, here, and handed over as read."""
    import accord.web.server as server
    from accord.calibration import Calibration, resolve_calibration

    got: dict[str, object] = {}
    monkeypatch.setattr(server, "serve", lambda *args: got.update(args=args))
    r = CliRunner().invoke(app, ["serve", "--calibration", option, "--db",
                                 str(tmp_path / "lib.sqlite")])
    assert r.exit_code == 0, r.output
    given = got["args"][4]  # inputs, host, port, db, calibration, ensemble, say
    if read:
        assert isinstance(given, Calibration) and given == resolve_calibration("default")
    else:
        assert given is None
