"""The FastAPI shell: validates requests, calls api.* functions, renders JSON.

Ingest routes run as hq_ingest, query routes as hq_api (``hq.http.Db``);
every error, routing 404/405 and validation included, is {"error": {"code",
"message", "field"?}}, with a 4xx for bad input, never a 500. Routes live in
``hq.routes``, one module per area. /docs (Swagger UI) and /redoc are served
from assets in the fastapi-offline package: no external host.
"""

from __future__ import annotations

import importlib
import logging
import os
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi_offline import FastAPIOffline
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from hq.http import ApiError, Db, error_body
from hq.openapi_values import document_values

# Route modules under hq.routes, each exposing `router`.
ROUTERS = ("health", "ingest", "query", "reference", "entities", "legacy", "client", "jobs", "worklists", "relations", "dashboard")

DESCRIPTION = """HQ Warehouse: company and people master data, ingested by webhook and
served as golden records and leads.

* **Keys**: send `X-API-Key` (Authorize button above). Scopes: `ingest` for
  `/ingest/*`, `query` for reads, `admin` for reference writes.
* **Errors**: every 4xx/5xx is `{"error": {"code", "message", "field"?}}`;
  database errors are mapped by SQLSTATE (table in docs/http-api.md).
* **Deprecated** `/run/*` routes keep the existing Clay tables working; each
  names its successor in a `Link` header.
"""

log = logging.getLogger("hq.http")


def _validation_error(exc: RequestValidationError) -> JSONResponse:
    """The first validation error, its field named by its location; a missing
    body is field "body"."""
    errors = exc.errors()
    first = errors[0] if errors else {"loc": ("body",), "msg": "invalid request", "type": "value_error"}
    if first.get("type") == "json_invalid":
        ctx = (first.get("ctx") or {}).get("error", first.get("msg"))
        return JSONResponse(status_code=400, content=error_body("invalid_json", f"request body is not JSON: {ctx}", "body"))
    loc = [str(x) for x in first.get("loc", ())]
    where = loc[0] if loc else "body"
    parts = loc[1:] if where in ("body", "query", "path", "header") else loc
    field = ".".join(parts) or where
    if where == "header" and parts:
        field = parts[0].replace("_", "-").title()
    if first.get("type") == "missing" and field == "body":
        return JSONResponse(status_code=422, content=error_body("missing_value", "a JSON request body is required", "body"))
    code = "missing_value" if first.get("type") == "missing" else "invalid_value"
    msg = f"{field}: {first.get('msg', 'invalid')}"
    if first.get("type") == "string_pattern_mismatch" and "\\x00" in str((first.get("ctx") or {}).get("pattern")):
        msg = f"{field}: text with a NUL (\\u0000) character; remove NUL characters from the request"
    if first.get("type") in ("enum", "literal_error"):
        msg = f"{field} must be one of {(first.get('ctx') or {}).get('expected')}, got {str(first.get('input'))[:100]!r}"
    if len(errors) > 1:
        msg += f" (and {len(errors) - 1} more)"
    return JSONResponse(status_code=422, content=error_body(code, msg, field))


def _allowed_methods(req: Request) -> str:
    """Every method some route takes on this path (the router's 405 names
    only the first route that matched the path, not a GET and a POST
    declared apart)."""
    def leaves(routes):  # an included router (no prefix here) holds its routes in original_router
        for route in routes:
            inner = getattr(route, "original_router", None)
            yield from (leaves(inner.routes) if inner is not None else (route,))

    methods: set[str] = set()
    for route in leaves(req.app.router.routes):
        if getattr(route, "methods", None) and route.matches(req.scope)[0] != Match.NONE:
            methods |= route.methods
    return ", ".join(sorted(methods))


def create_app(database_url: str | None = None) -> FastAPI:
    from hq.roles import app_database_url
    from hq.server import configure_threads, install

    # `hq serve` passes the URL of its login role hq_app (hq.roles)
    db = Db(database_url or os.environ.get("HQ_APP_DATABASE_URL") or app_database_url(os.environ["DATABASE_URL"]))

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        configure_threads()
        db.open()
        yield
        db.close()

    app = FastAPIOffline(title="HQ Warehouse", version="0.1.0", description=DESCRIPTION, lifespan=lifespan,
                         swagger_ui_parameters={"validatorUrl": None, "persistAuthorization": True})
    app.state.db = db

    @app.exception_handler(ApiError)
    async def _api_error(_req: Request, exc: ApiError):
        return JSONResponse(status_code=exc.status, content=error_body(exc.code, exc.message, exc.field),
                            headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(_req: Request, exc: RequestValidationError):
        return _validation_error(exc)

    @app.exception_handler(StarletteHTTPException)
    async def _http(req: Request, exc: StarletteHTTPException):
        # routing: no such path (404), or not with this method (405)
        if exc.status_code == 404:
            body = error_body("not_found", f"no route {req.method} {req.url.path}; the routes are listed at /docs")
        elif exc.status_code == 405:
            allow = _allowed_methods(req) or (exc.headers or {}).get("Allow", "")
            exc.headers = {**(exc.headers or {}), "Allow": allow}
            body = error_body("method_not_allowed", f"{req.method} is not allowed on {req.url.path}; allowed: {allow}")
        else:
            body = error_body(f"http_{exc.status_code}", str(exc.detail))
        return JSONResponse(status_code=exc.status_code, content=body, headers=exc.headers)

    @app.exception_handler(Exception)
    async def _internal(req: Request, exc: Exception):
        log.exception("unhandled error on %s %s", req.method, req.url.path)
        return JSONResponse(status_code=500, content=error_body("internal_error", "internal error; the server log has the details"))

    for name in ROUTERS:
        app.include_router(importlib.import_module(f"hq.routes.{name}").router)
    install(app)  # hq.server: request ids and logs, key check before the body, limits, 503s
    document_values(app, db)  # hq.openapi_values: canonical values as enums, allowed webhook hosts
    return app
