"""The FastAPI shell: validates requests, calls api.* functions, renders JSON.

Ingest routes run as hq_ingest, query routes as hq_api (SET ROLE per pooled
connection); errors are {"error": {"code", "message", "field"?}} with a 4xx
for bad input, never a 500.
"""

from __future__ import annotations

import os
from contextlib import asynccontextmanager

import psycopg
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, field: str | None = None):
        self.status, self.code, self.message, self.field = status, code, message, field


def error_body(code: str, message: str, field: str | None = None) -> dict:
    err = {"code": code, "message": message}
    if field:
        err["field"] = field
    return {"error": err}


def _pool(url: str, role: str) -> ConnectionPool:
    def configure(conn: psycopg.Connection) -> None:
        conn.execute(f"SET ROLE {role}")  # role names are constants, not input
        conn.commit()

    return ConnectionPool(url, min_size=1, max_size=int(os.environ.get("HQ_POOL_SIZE", "8")),
                          kwargs={"row_factory": dict_row}, configure=configure, open=False)


def create_app(database_url: str | None = None) -> FastAPI:
    url = database_url or os.environ["DATABASE_URL"]
    pools = {"ingest": _pool(url, "hq_ingest"), "api": _pool(url, "hq_api")}

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        for p in pools.values():
            p.open(wait=True, timeout=30)
        yield
        for p in pools.values():
            p.close()

    app = FastAPI(title="HQ Warehouse", version="0.1.0", lifespan=lifespan)
    app.state.pools = pools

    @app.exception_handler(ApiError)
    async def _api_error(_req: Request, exc: ApiError):
        return JSONResponse(status_code=exc.status, content=error_body(exc.code, exc.message, exc.field))

    @app.exception_handler(RequestValidationError)
    async def _validation(_req: Request, exc: RequestValidationError):
        first = exc.errors()[0] if exc.errors() else {"loc": [], "msg": "invalid request"}
        field = ".".join(str(x) for x in first.get("loc", []) if x not in ("body", "query", "path")) or None
        return JSONResponse(status_code=422, content=error_body("invalid_request", first.get("msg", "invalid"), field))

    @app.get("/health")
    def health():
        try:
            with pools["api"].connection(timeout=5) as conn:
                row = conn.execute("SELECT api.health() AS h").fetchone()
        except psycopg.Error as exc:
            return JSONResponse(status_code=503, content=error_body("database_unavailable", str(exc).splitlines()[0]))
        return {"status": "ok", **row["h"]}

    return app
