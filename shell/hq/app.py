"""The FastAPI shell: validates requests, calls api.* functions, renders JSON.

Ingest routes run as hq_ingest, query routes as hq_api (``hq.http.Db``);
errors are {"error": {"code", "message", "field"?}} with a 4xx for bad
input, never a 500. Routes live in ``hq.routes``, one module per area.
"""

from __future__ import annotations

import importlib
import os
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from hq.http import ApiError, Db, error_body

# Route modules under hq.routes, each exposing `router`.
ROUTERS = ("health", "ingest", "query", "reference", "relations")


def create_app(database_url: str | None = None) -> FastAPI:
    db = Db(database_url or os.environ["DATABASE_URL"])

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        db.open()
        yield
        db.close()

    app = FastAPI(title="HQ Warehouse", version="0.1.0", lifespan=lifespan)
    app.state.db = db

    @app.exception_handler(ApiError)
    async def _api_error(_req: Request, exc: ApiError):
        return JSONResponse(status_code=exc.status, content=error_body(exc.code, exc.message, exc.field))

    @app.exception_handler(RequestValidationError)
    async def _validation(_req: Request, exc: RequestValidationError):
        first = exc.errors()[0] if exc.errors() else {"loc": [], "msg": "invalid request"}
        field = ".".join(str(x) for x in first.get("loc", []) if x not in ("body", "query", "path")) or None
        return JSONResponse(status_code=422, content=error_body("invalid_request", first.get("msg", "invalid"), field))

    for name in ROUTERS:
        app.include_router(importlib.import_module(f"hq.routes.{name}").router)
    return app
