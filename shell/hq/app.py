"""The FastAPI shell: validates requests, calls api.* functions, renders JSON.

Ingest routes run as hq_ingest, query routes as hq_api (SET ROLE per pooled
connection); errors are {"error": {"code", "message", "field"?}} with a 4xx
for bad input, never a 500.
"""

from __future__ import annotations

import json
import os
import time
from contextlib import asynccontextmanager

import psycopg
from fastapi import FastAPI, File, Header, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from psycopg.rows import dict_row
from psycopg.types.json import Jsonb
from psycopg_pool import ConnectionPool
from pydantic import BaseModel, ConfigDict, Field

# deadlock_detected, serialization_failure: the call rolled back and is retried
TRANSIENT = {"40P01", "40001"}
TRANSIENT_RETRIES = 3

# SQLSTATEs raised by api.* for bad input -> 4xx; anything else is ours (500).
# 22P05: a JSON "\u0000" (jsonb cannot hold it); 54000: a value too large for an index entry.
CLIENT_ERRORS = {"22023": 422, "22P02": 422, "23503": 422, "23505": 409, "23514": 422, "22007": 422,
                 "22008": 422, "22003": 422, "23502": 422, "P0001": 422, "22P05": 422, "54000": 422}


def _no_constants(name: str):
    raise ValueError(f"{name} is not JSON")


def parse_json_body(body: bytes) -> str:
    """The request body as JSON text, exactly as sent (numbers keep their
    digits), once checked to be JSON: UTF-8/16/32 with or without BOM, no
    NaN/Infinity, nesting Python can parse. Raises ApiError 422 otherwise."""
    try:
        text = body.decode(json.detect_encoding(body)).lstrip("\ufeff")
        json.loads(text, parse_constant=_no_constants)
    except (ValueError, UnicodeDecodeError) as exc:  # JSONDecodeError is a ValueError
        raise ApiError(422, "invalid_json", f"request body is not JSON: {exc}") from exc
    except RecursionError as exc:
        raise ApiError(422, "invalid_json", "request body is not JSON this API accepts: nested too deeply") from exc
    return text


class Filters(BaseModel):
    """Leads/companies filters: each an array of canonical values."""
    model_config = ConfigDict(extra="forbid")
    job_functions: list[str] | None = None
    seniorities: list[str] | None = None
    countries: list[str] | None = None
    company_countries: list[str] | None = None
    person_countries: list[str] | None = None
    industries: list[str] | None = None
    employee_ranges: list[str] | None = None
    funding_ranges: list[str] | None = None
    revenue_ranges: list[str] | None = None
    company_types: list[str] | None = None
    company_domains: list[str] | None = None
    limit: int = Field(50, ge=1, le=1000)
    cursor: str | None = None

    def sql_filters(self) -> Jsonb:
        return Jsonb(self.model_dump(exclude_none=True, exclude={"limit", "cursor"}))


class SignalFilters(Filters):
    days: int = Field(90, ge=1, le=3650)


class VcFilters(Filters):
    firms: list[str] | None = None


class PastEmployerFilters(Filters):
    domains: list[str] = Field(..., min_length=1)


class CustomerFilters(Filters):
    company_domain: str = Field(..., min_length=1)


class StatusRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    entity_type: str = Field(..., pattern="^(company|person)$")
    entity_key: str = Field(..., min_length=1)


class JobTitleLookup(BaseModel):
    job_title: str = Field(..., min_length=1)


class LocationLookup(BaseModel):
    location: str = Field(..., min_length=1)
    country: str | None = None


class JobTitleReference(BaseModel):
    model_config = ConfigDict(extra="forbid")
    raw_title: str = Field(..., min_length=1, max_length=500)  # the lookup's key: a btree entry
    cleaned_title: str | None = None
    job_function: str | None = None
    seniority: str | None = None


class LocationReference(BaseModel):
    model_config = ConfigDict(extra="forbid")
    raw_location: str = Field(..., min_length=1, max_length=500)  # the lookup's key: a btree entry
    city: str | None = None
    state: str | None = None
    country: str | None = None


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

    def call(pool: str, query: str, params: tuple = ()):
        """Run one api.* call; database errors caused by input become 4xx. A
        deadlock or serialization failure (two webhooks on the same entities)
        rolled the call back: it is retried, then answered 503."""
        for attempt in range(TRANSIENT_RETRIES + 1):
            try:
                with pools[pool].connection(timeout=10) as conn:
                    return conn.execute(query, params).fetchone()
            except psycopg.errors.Error as exc:
                if exc.sqlstate in TRANSIENT:
                    if attempt < TRANSIENT_RETRIES:
                        time.sleep(0.05 * (attempt + 1))
                        continue
                    raise ApiError(503, "busy", "concurrent writes to the same entities kept conflicting; retry the request") from exc
                client_error(exc)

    def client_error(exc: psycopg.errors.Error):
        """Raise the 4xx an input error maps to; re-raise anything else (ours: 500)."""
        if exc.sqlstate is None and isinstance(exc, psycopg.DataError):
            # refused by psycopg before it reached the server: a NUL character in a text value
            raise ApiError(422, "invalid_request", f"{exc}; remove NUL (\\u0000) characters from the request") from exc
        status = CLIENT_ERRORS.get(exc.sqlstate or "")
        if status is None:
            raise exc
        diag = exc.diag
        msg = diag.message_primary or str(exc)
        if diag.message_detail:
            msg += f": {diag.message_detail}"
        if diag.message_hint:
            msg += f" ({diag.message_hint})"
        raise ApiError(status, "invalid_request" if status == 422 else "conflict", msg) from exc

    def require_key(key: str | None, scope: str) -> None:
        if not key:
            raise ApiError(401, "unauthorized", "missing X-API-Key header")
        row = call("api" if scope != "ingest" else "ingest", "SELECT api.verify_api_key(%s, %s) AS id", (key, scope))
        if row["id"] is None:
            raise ApiError(403, "forbidden", f"API key is invalid, revoked, or lacks the {scope!r} scope")

    @app.post("/ingest/salesnav/export", status_code=202)
    def ingest_salesnav(file: UploadFile = File(...), x_api_key: str | None = Header(None)):
        from hq.bulk import ingest_stream

        require_key(x_api_key, "ingest")
        try:
            with pools["ingest"].connection(timeout=10) as conn:
                result = ingest_stream(conn, file.file, "salesnav-export")
        except UnicodeDecodeError as exc:
            raise ApiError(422, "invalid_request", f"file is not UTF-8 text: {exc.reason}", "file") from exc
        return result

    @app.post("/ingest/{workflow_slug}", status_code=202)
    async def ingest(workflow_slug: str, request: Request, key: str | None = Query(None),
                     x_api_key: str | None = Header(None), idempotency_key: str | None = Header(None)):
        require_key(x_api_key, "ingest")
        payload = parse_json_body(await request.body())
        row = call("ingest", "SELECT api.ingest(%s, %s::jsonb, %s, %s) AS r",
                   (workflow_slug, payload, key, idempotency_key))
        return row["r"]

    def query(name: str, body: Filters, key: str | None, *extra):
        require_key(key, "query")
        params = (body.sql_filters(), *extra, body.limit, body.cursor)
        placeholders = ", ".join(["%s"] * len(params))
        return call("api", f"SELECT api.{name}({placeholders}) AS r", params)["r"]  # name is a constant below

    @app.post("/api/leads")
    def leads(body: Filters, x_api_key: str | None = Header(None)):
        return query("leads", body, x_api_key)

    @app.post("/api/companies")
    def companies(body: Filters, x_api_key: str | None = Header(None)):
        return query("companies", body, x_api_key)

    @app.post("/api/leads/new-in-role")
    def new_in_role(body: SignalFilters, x_api_key: str | None = Header(None)):
        return query("leads_new_in_role", body, x_api_key, body.days)

    @app.post("/api/leads/recently-promoted")
    def recently_promoted(body: SignalFilters, x_api_key: str | None = Header(None)):
        return query("leads_recently_promoted", body, x_api_key, body.days)

    @app.post("/api/leads/at-vc-portfolio")
    def at_vc_portfolio(body: VcFilters, x_api_key: str | None = Header(None)):
        return query("leads_at_vc_portfolio", body, x_api_key, body.firms)

    @app.post("/api/leads/by-past-employer")
    def by_past_employer(body: PastEmployerFilters, x_api_key: str | None = Header(None)):
        return query("leads_by_past_employer", body, x_api_key, body.domains)

    @app.post("/api/leads/by-company-customers")
    def by_company_customers(body: CustomerFilters, x_api_key: str | None = Header(None)):
        return query("leads_by_company_customers", body, x_api_key, body.company_domain)

    @app.get("/api/filters/{name}")
    def filters(name: str, x_api_key: str | None = Header(None)):
        require_key(x_api_key, "query")
        return {"name": name, "values": call("api", "SELECT api.filter_values(%s) AS r", (name,))["r"]}

    @app.post("/api/enrichment/status")
    def enrichment_status(body: StatusRequest, x_api_key: str | None = Header(None)):
        require_key(x_api_key, "query")
        return call("api", "SELECT api.enrichment_status(%s, %s) AS r", (body.entity_type, body.entity_key))["r"]

    @app.get("/api/enrichment/gaps")
    def gaps(x_api_key: str | None = Header(None)):
        require_key(x_api_key, "query")
        with pools["api"].connection(timeout=10) as conn:
            return {"data": conn.execute("SELECT * FROM api.coalescing_gaps()").fetchall()}

    @app.post("/api/lookup/job-title")
    def lookup_job_title(body: JobTitleLookup, x_api_key: str | None = Header(None)):
        require_key(x_api_key, "query")
        return call("api", "SELECT api.lookup_job_title(%s) AS r", (body.job_title,))["r"]

    @app.post("/api/lookup/location")
    def lookup_location(body: LocationLookup, x_api_key: str | None = Header(None)):
        require_key(x_api_key, "query")
        return call("api", "SELECT api.lookup_location(%s, %s) AS r", (body.location, body.country))["r"]

    @app.post("/api/reference/job-title", status_code=201)
    def add_job_title(body: JobTitleReference, x_api_key: str | None = Header(None)):
        require_key(x_api_key, "admin")
        return call("api", "SELECT api.add_job_title_lookup(%s, %s, %s, %s) AS r",
                    (body.raw_title, body.cleaned_title, body.job_function, body.seniority))["r"]

    @app.post("/api/reference/location", status_code=201)
    def add_location(body: LocationReference, x_api_key: str | None = Header(None)):
        require_key(x_api_key, "admin")
        return call("api", "SELECT api.add_location_lookup(%s, %s, %s, %s) AS r",
                    (body.raw_location, body.city, body.state, body.country))["r"]

    @app.get("/health")
    def health():
        try:
            with pools["api"].connection(timeout=5) as conn:
                row = conn.execute("SELECT api.health() AS h").fetchone()
        except psycopg.Error as exc:
            return JSONResponse(status_code=503, content=error_body("database_unavailable", str(exc).splitlines()[0]))
        return {"status": "ok", **row["h"]}

    return app
