"""Fixtures for the web app: a library in a temporary folder with the flagship imported."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("fastapi")


@pytest.fixture
def library(tmp_path: Path, flagship_path: Path):
    from accord.case import load_case
    from accord.web.store import Library

    lib = Library(tmp_path / "lib.sqlite")
    lib.add(load_case(flagship_path), "imported", str(flagship_path))
    yield lib
    lib.close()


@pytest.fixture
def client(library, tmp_path: Path):
    from fastapi.testclient import TestClient

    from accord.web.app import create_app

    with TestClient(create_app(library, tmp_path / "data", max_body=200_000)) as c:
        yield c


@pytest.fixture
def edit(client):
    """``edit(what, **body)``: ``POST /api/edit/WHAT`` with the saved case and ``body``."""

    def post(what: str, **body):
        case = client.get("/api/cases/1").json()["case"]
        return client.post(f"/api/edit/{what}", json={"case": case, **body})

    return post
