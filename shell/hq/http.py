"""What every route shares: the error shape, the database gateway (pools per
role, SQLSTATE -> HTTP mapping, transient retries), API-key checks and the
JSON body check. Route modules live in ``hq.routes``; ``hq.app`` assembles
them."""

from __future__ import annotations

import json
import logging
import os
import time
from contextlib import ExitStack, contextmanager

import psycopg
from fastapi import Request
from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool, PoolTimeout

log = logging.getLogger("hq.http")

# deadlock_detected, serialization_failure: the call rolled back and is retried
TRANSIENT = {"40P01", "40001"}
TRANSIENT_RETRIES = 3

# SQLSTATEs raised by api.* for bad input -> 4xx; anything else is ours (500).
# 22P05: a JSON "\u0000" (jsonb cannot hold it); 54000: a value too large for an index entry.
CLIENT_ERRORS = {"22023": 422, "22P02": 422, "23503": 422, "23505": 409, "23514": 422, "22007": 422,
                 "22008": 422, "22003": 422, "23502": 422, "P0001": 422, "22P05": 422, "54000": 422}


class ApiError(Exception):
    """An answer in the error shape: {"error": {"code", "message", "field"?}}."""

    def __init__(self, status: int, code: str, message: str, field: str | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.field = status, code, message, field


def error_body(code: str, message: str, field: str | None = None) -> dict:
    err = {"code": code, "message": message}
    if field:
        err["field"] = field
    return {"error": err}


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


def _pool(url: str, role: str) -> ConnectionPool:
    def configure(conn: psycopg.Connection) -> None:
        conn.execute(f"SET ROLE {role}")  # role names are constants, not input
        conn.commit()

    return ConnectionPool(url, min_size=1, max_size=int(os.environ.get("HQ_POOL_SIZE", "8")),
                          kwargs={"row_factory": dict_row}, configure=configure, open=False)


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


class Db:
    """The database as the routes see it: one pool per role ("ingest" runs as
    hq_ingest, "api" as hq_api) on the primary, and "read" for query routes:
    a streaming replica when HQ_READ_DATABASE_URL is set (else the primary).
    A replica that cannot be reached is skipped for REPLICA_RETRY_SECONDS,
    reads going to the primary meanwhile, and the log says so."""

    REPLICA_RETRY_SECONDS = 10.0

    def __init__(self, url: str, read_url: str | None = None):
        self.pools = {"ingest": _pool(url, "hq_ingest"), "api": _pool(url, "hq_api")}
        read_url = read_url if read_url is not None else os.environ.get("HQ_READ_DATABASE_URL")
        if read_url:
            self.pools["read"] = _pool(read_url, "hq_api")
        self._replica_down_until = 0.0

    def open(self) -> None:
        for name, p in self.pools.items():
            # a replica that is down at start-up must not keep the server from serving
            p.open(wait=name != "read", timeout=30)

    def close(self) -> None:
        for p in self.pools.values():
            p.close()

    @contextmanager
    def connection(self, pool: str = "api", timeout: float = 10):
        if pool == "read":
            if "read" in self.pools and time.monotonic() >= self._replica_down_until:
                stack = ExitStack()
                try:
                    conn = stack.enter_context(self.pools["read"].connection(timeout=min(timeout, 2)))
                    conn.execute("SELECT 1")  # a dead replica fails here, before the route's query
                except (psycopg.OperationalError, PoolTimeout) as exc:
                    stack.__exit__(type(exc), exc, exc.__traceback__)  # the broken connection leaves the pool
                    self._replica_down_until = time.monotonic() + self.REPLICA_RETRY_SECONDS
                    log.warning("read replica unavailable (%s); reading from the primary for %.0f s",
                                str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__,
                                self.REPLICA_RETRY_SECONDS)
                else:
                    with stack:
                        yield conn
                    return
            pool = "api"
        with self.pools[pool].connection(timeout=timeout) as conn:
            yield conn

    def call(self, pool: str, query: str, params: tuple = ()):
        """Run one api.* call; database errors caused by input become 4xx. A
        deadlock or serialization failure (two webhooks on the same entities)
        rolled the call back: it is retried, then answered 503."""
        for attempt in range(TRANSIENT_RETRIES + 1):
            try:
                with self.connection(pool) as conn:
                    return conn.execute(query, params).fetchone()
            except psycopg.errors.Error as exc:
                if exc.sqlstate in TRANSIENT:
                    if attempt < TRANSIENT_RETRIES:
                        time.sleep(0.05 * (attempt + 1))
                        continue
                    raise ApiError(503, "busy", "concurrent writes to the same entities kept conflicting; retry the request") from exc
                client_error(exc)

    def require_key(self, key: str | None, scope: str) -> None:
        if not key:
            raise ApiError(401, "unauthorized", "missing X-API-Key header")
        row = self.call("api" if scope != "ingest" else "ingest", "SELECT api.verify_api_key(%s, %s) AS id", (key, scope))
        if row["id"] is None:
            raise ApiError(403, "forbidden", f"API key is invalid, revoked, or lacks the {scope!r} scope")


def get_db(request: Request) -> Db:
    """FastAPI dependency: the app's database gateway."""
    return request.app.state.db
