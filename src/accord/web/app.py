"""The FastAPI application: the pages, the case library API and the what-if endpoint.

Errors follow the CLI's convention: bad input (:class:`~accord.errors.InputError`, a request
that does not fit its schema) is a 4xx JSON ``{"error", "problems": [[field, what], ...]}``
with the field named; an unknown id is 404, an outdated save 409, a missing extra 501. Any
other exception is a bug.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import Any, Literal, get_args

from fastapi import FastAPI, File, Form, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field

from accord.calibration import Calibration, resolve_calibration
from accord.calibration.apply import with_intervals
from accord.case import ActorKind, Case, dump_case, field_path
from accord.ensemble.schema import Ensemble
from accord.errors import InputError, MissingExtra
from accord.forecast import forecast_case
from accord.web.analysis import Setup, edited, static_view
from accord.web.imports import import_file
from accord.web.jobs import MAX_SAMPLES, Jobs
from accord.web.limits import BodyLimit
from accord.web.news import attach_quote, extract_text
from accord.web.payload import CaseBody, case_from
from accord.web.store import Conflict, Library, NotFound, Version
from accord.web.structure_api import structure_api

STATIC = Path(__file__).parent / "static"
NOTE = Field(min_length=1, max_length=500)


class SaveBody(CaseBody):
    note: str = NOTE
    base: int = Field(ge=1)


class RestoreBody(BaseModel):
    version: int = Field(ge=1)
    base: int = Field(ge=1)


class RunBody(CaseBody):
    kind: str
    samples: int = Field(2000, ge=1, le=MAX_SAMPLES)


class ExtractBody(BaseModel):
    text: str = Field(min_length=1)
    filename: str = Field("article.txt", min_length=1, max_length=120)
    published: dt.date | None = None


class AttachBody(CaseBody):
    actor: str
    issue: str
    quote: str = Field(min_length=1)
    speaker: str | None = None
    article: dict[str, Any] = Field(default_factory=dict)


def _error(status: int, message: str, problems: list[tuple[str, str]]) -> JSONResponse:
    return JSONResponse({"error": message, "problems": [list(p) for p in problems]}, status)


def _request_problems(exc: RequestValidationError) -> list[tuple[str, str]]:
    out = []
    for e in exc.errors():
        loc = tuple(p for p in e["loc"] if p not in ("body", "query", "path", "form"))
        out.append((field_path(loc) or "body", str(e["msg"]).removeprefix("Value error, ")))
    return out


def _case_json(v: Version, setup: Setup) -> dict[str, Any]:
    case = v.case()
    return {"id": v.case_id, "version": v.number, "note": v.note, "saved": v.saved,
            "case": case.model_dump(mode="json", exclude_none=True),
            "view": static_view(case, setup), "actor_kinds": list(get_args(ActorKind))}


def _handlers(app: FastAPI) -> None:
    @app.exception_handler(InputError)
    async def bad_input(_: Request, exc: InputError) -> JSONResponse:
        return _error(422, exc.render().splitlines()[0], exc.problems)

    @app.exception_handler(RequestValidationError)
    async def bad_request(_: Request, exc: RequestValidationError) -> JSONResponse:
        return _error(422, "the request does not fit its schema", _request_problems(exc))

    @app.exception_handler(NotFound)
    async def not_found(_: Request, exc: NotFound) -> JSONResponse:
        return _error(404, str(exc), [("id", str(exc))])

    @app.exception_handler(Conflict)
    async def conflict(_: Request, exc: Conflict) -> JSONResponse:
        body = {"error": str(exc), "problems": [["base", str(exc)]], "latest": exc.latest}
        return JSONResponse(body, 409)

    @app.exception_handler(MissingExtra)
    async def missing(_: Request, exc: MissingExtra) -> JSONResponse:
        return _error(501, str(exc), [("", exc.install)])


def _pages(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def library_page() -> FileResponse:
        return FileResponse(STATIC / "library.html")

    @app.get("/case/{case_id}", include_in_schema=False)
    def case_page(case_id: int) -> FileResponse:
        return FileResponse(STATIC / "case.html")


def _library_api(app: FastAPI, lib: Library, uploads: Path, setup: Setup) -> None:
    @app.get("/api/cases")
    def list_cases(q: str = Query("", max_length=200)) -> dict[str, Any]:
        return {"library": str(lib.path), "cases": [vars(s) for s in lib.cases(q)]}

    @app.post("/api/cases/import")
    async def import_case(
        file: UploadFile = File(...), format: str | None = Form(None)
    ) -> dict[str, Any]:
        case = import_file(file.filename or "", await file.read(), uploads, format)
        case_id = lib.add(case, f"imported from {file.filename}", file.filename)
        return {"id": case_id, "title": case.title}

    @app.get("/api/cases/{case_id}")
    def open_case(case_id: int, version: int | None = Query(None, ge=1)) -> dict[str, Any]:
        v = lib.latest(case_id) if version is None else lib.version(case_id, version)
        return {**_case_json(v, setup), "latest": lib.latest(case_id).number}

    @app.get("/api/cases/{case_id}/versions")
    def history(case_id: int) -> dict[str, Any]:
        return {"versions": [{"number": v.number, "note": v.note, "saved": v.saved}
                             for v in lib.history(case_id)]}

    @app.post("/api/cases/{case_id}/save")
    def save(case_id: int, body: SaveBody) -> dict[str, Any]:
        lib.latest(case_id)
        number = lib.save(case_id, case_from(body.case), body.note, body.base)
        return {"id": case_id, "version": number}

    @app.post("/api/cases/{case_id}/restore")
    def restore(case_id: int, body: RestoreBody) -> dict[str, Any]:
        return {"id": case_id, "version": lib.restore(case_id, body.version, body.base)}

    @app.post("/api/cases/{case_id}/duplicate")
    def duplicate(case_id: int) -> dict[str, Any]:
        return {"id": lib.duplicate(case_id)}

    @app.delete("/api/cases/{case_id}")
    def delete(case_id: int, confirm: int = Query(..., description="the case id again")) -> Any:
        if confirm != case_id:
            return _error(422, "deleting needs confirmation",
                          [("confirm", f"repeat the case id ({case_id}) to delete the case")])
        lib.delete(case_id)
        return {"deleted": case_id}

    @app.get("/api/cases/{case_id}/export.yaml")
    def export(case_id: int, version: int | None = Query(None, ge=1)) -> PlainTextResponse:
        v = lib.latest(case_id) if version is None else lib.version(case_id, version)
        name = f"case-{case_id}-v{v.number}.yaml"
        return PlainTextResponse(dump_case(v.case()), media_type="application/yaml",
                                 headers={"content-disposition": f'attachment; filename="{name}"'})


def _brief(case: Case, fmt: str, samples: int, stem: str, setup: Setup) -> Response:
    from accord.report.compose import compose_brief  # matplotlib: only when asked
    from accord.report.render import render_html, render_markdown

    brief = compose_brief(case, samples=samples, calibration=setup.calibration,
                          ensemble=setup.ensemble)
    if fmt == "html":
        return Response(render_html(brief), media_type="text/html", headers={
            "content-disposition": f'attachment; filename="{stem}.html"'})
    text, files = render_markdown(brief, f"{stem}_files")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(f"{stem}.md", text)
        for name, svg in files.items():
            z.writestr(f"{stem}_files/{name}", svg)
    return Response(buf.getvalue(), media_type="application/zip",
                    headers={"content-disposition": f'attachment; filename="{stem}-md.zip"'})


def _outputs_api(app: FastAPI, lib: Library, setup: Setup) -> None:
    @app.get("/api/cases/{case_id}/brief.{fmt}")
    def brief(case_id: int, fmt: str, version: int | None = Query(None, ge=1),
              samples: int = Query(0, ge=0, le=MAX_SAMPLES)) -> Response:
        if fmt not in ("html", "md"):
            return _error(404, f"no brief format {fmt!r}", [("fmt", "use brief.html or brief.md")])
        v = lib.latest(case_id) if version is None else lib.version(case_id, version)
        return _brief(v.case(), fmt, samples, f"case-{case_id}-v{v.number}", setup)

    @app.get("/api/cases/{case_id}/forecast.json")
    def forecast_json(case_id: int, version: int | None = Query(None, ge=1)) -> Response:
        """What ``accord forecast --format json`` prints, with the server's calibration and
        ensemble."""
        v = lib.latest(case_id) if version is None else lib.version(case_id, version)
        case = v.case()
        forecast = with_intervals(case, forecast_case(case, None, setup.ensemble),
                                  setup.calibration, setup.ensemble)
        return Response(forecast.to_json(), media_type="application/json", headers={
            "content-disposition": f'attachment; filename="case-{case_id}-v{v.number}.json"'})


def _compute_api(app: FastAPI, jobs: Jobs, uploads: Path, setup: Setup) -> None:
    @app.post("/api/forecast")
    def what_if(body: CaseBody) -> dict[str, Any]:
        return static_view(case_from(body.case), setup)

    @app.post("/api/runs")
    def start_run(body: RunBody) -> dict[str, Any]:
        return jobs.start(body.kind, case_from(body.case), body.samples).view()

    @app.get("/api/runs/{run_id}")
    def run_status(run_id: str) -> dict[str, Any]:
        return jobs.get(run_id).view()

    @app.delete("/api/runs/{run_id}")
    def cancel_run(run_id: str) -> dict[str, Any]:
        return jobs.cancel(run_id).view()

    @app.post("/api/extract")
    def extract(body: ExtractBody) -> dict[str, Any]:
        return extract_text(body.text, body.filename, body.published, uploads)

    @app.post("/api/attach")
    def attach(body: AttachBody) -> dict[str, Any]:
        case = attach_quote(case_from(body.case), body.actor, body.issue, body.quote,
                            body.speaker, body.article)
        return edited(case, setup)


def create_app(library: Library, data_dir: Path, max_body: int | None = None,
               calibration: Calibration | Literal["default"] | None = "default",
               ensemble: Ensemble | None = None) -> Any:
    """The web app over ``library``; uploads are staged under ``data_dir/uploads`` only.
    ``calibration`` makes the intervals as ``accord forecast --calibration`` does (a
    calibration already read, None for input uncertainty only, or "default": the one accord
    ships); ``ensemble``: the ensemble file every forecast, run and sweep uses, as
    ``--ensemble`` reads it (None: the one accord ships)."""
    setup = Setup(resolve_calibration("default") if calibration == "default" else calibration,
                  ensemble)
    app = FastAPI(title="accord", docs_url=None, redoc_url=None, openapi_url=None)
    uploads = data_dir / "uploads"
    _handlers(app)
    _pages(app)
    _library_api(app, library, uploads, setup)
    _outputs_api(app, library, setup)
    _compute_api(app, Jobs(setup), uploads, setup)
    structure_api(app, setup)
    return BodyLimit(app) if max_body is None else BodyLimit(app, max_body)
