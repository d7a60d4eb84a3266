"""What every route shares: the error shape, the database gateway (pools per
role, SQLSTATE -> HTTP mapping, transient retries), API-key checks and the
JSON body check. Route modules live in ``hq.routes``; ``hq.app`` assembles
them."""

from __future__ import annotations

import contextvars
import hmac
import json
import logging
import os
import re
import select
import time
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass

import psycopg
from fastapi import Request
from fastapi.security import APIKeyHeader
from psycopg.rows import dict_row
from psycopg_pool import ConnectionPool, PoolTimeout

from hq.settings import settings

log = logging.getLogger("hq.http")

# deadlock_detected, serialization_failure: the call rolled back and is retried
TRANSIENT = {"40P01", "40001"}
TRANSIENT_RETRIES = 3

# THE table of database errors: SQLSTATE (exact, or a two-character class)
# -> (HTTP status, error code, what it means). docs/http-api.md shows it as a
# table (tests/py/test_http_errors.py checks the two agree). A SQLSTATE not
# listed is a fault of ours: 500 "internal_error", its text only in the log.
SQLSTATE_ERRORS: dict[str, tuple[int, str, str]] = {
    "HQW04": (404, "unknown_workflow", "the workflow slug is not registered; the message lists those that are"),
    "HQI22": (422, "idempotency_key_reused", "the Idempotency-Key was first used for a different workflow or body"),
    "22023": (422, "invalid_value", "a parameter has a value the function refuses (unknown filter, non-canonical value, bad limit)"),
    "22P02": (422, "invalid_value", "a value does not parse as its type (uuid, number, date)"),
    "22007": (422, "invalid_value", "a date or time is malformed"),
    "22008": (422, "invalid_value", "a date or time is out of range"),
    "22003": (422, "invalid_value", "a number is out of range"),
    "22001": (422, "value_too_long", "a string is longer than its column allows"),
    "22P05": (422, "invalid_value", "text PostgreSQL cannot store, such as \\u0000"),
    "23502": (422, "missing_value", "a required value is missing"),
    "23503": (422, "unknown_reference", "a value refers to a row that does not exist (e.g. a non-canonical job function)"),
    "23505": (409, "conflict", "the row already exists"),
    "23514": (422, "invalid_value", "a value breaks a check rule"),
    "54000": (422, "value_too_large", "a value is too large to index"),
    "P0001": (422, "invalid_request", "refused by a rule in a function"),
    "40P01": (503, "busy", "deadlock with concurrent writes, still failing after retries; retry later"),
    "40001": (503, "busy", "serialization failure, still failing after retries; retry later"),
    "53300": (503, "busy", "the database has no free connection"),
    "57014": (503, "timeout", "the statement ran past its time limit"),
    "57P01": (503, "database_unavailable", "the database is shutting down"),
    "08": (503, "database_unavailable", "the connection to the database failed"),
}

# Headers that never reach the dead-letter table (also dropped in SQL).
SECRET_HEADERS = ("x-api-key", "authorization", "cookie", "webhook-signature")

API_KEY = APIKeyHeader(name="X-API-Key", auto_error=False, scheme_name="ApiKey",
                       description="An API key made by `hq keys create --scope ingest|query|admin`.")


class ApiError(Exception):
    """An answer in the error shape: {"error": {"code", "message", "field"?}}."""

    def __init__(self, status: int, code: str, message: str, field: str | None = None, headers: dict | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.field, self.headers = status, code, message, field, headers


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
    NaN/Infinity, nesting Python can parse. Raises ApiError 400 otherwise."""
    try:
        text = body.decode(json.detect_encoding(body)).lstrip("\ufeff")
        json.loads(text, parse_constant=_no_constants)
    except (ValueError, UnicodeDecodeError) as exc:  # JSONDecodeError is a ValueError
        raise ApiError(400, "invalid_json", f"request body is not JSON: {exc}", "body") from exc
    except RecursionError as exc:
        raise ApiError(400, "invalid_json", "request body is not JSON this API accepts: nested too deeply", "body") from exc
    return text


class LifoPool(ConnectionPool):
    """A pool that hands out the connection returned last (psycopg_pool hands
    out the one idle longest). At low concurrency the same few connections
    serve every request, so their server processes are the ones that just
    ran (a statement on a session left idle a few milliseconds answers
    measurably later, docs/benchmarks.md) and they pass the check without a
    round trip (_quiet); the rest stay idle long enough for max_idle to close
    them."""

    def _get_ready_connection(self, *args, **kwargs):
        # called under the pool's lock; the base takes the leftmost ready connection
        if self._pool:
            self._pool.rotate(1)
        return super()._get_ready_connection(*args, **kwargs)


def _pool(url: str, role: str, size: int) -> ConnectionPool:
    def configure(conn: psycopg.Connection) -> None:
        conn.execute(f"SET ROLE {role}")  # role names are constants, not input
        conn.commit()

    def check(conn: psycopg.Connection) -> None:
        # A connection broken by a database restart is found and replaced
        # before a request gets it. The first broken one means the others idle
        # in the pool are broken too: they are all dropped now, not one per
        # backoff delay of the request.
        try:
            if not _quiet(conn):
                ConnectionPool.check_connection(conn)  # one empty round trip
        except Exception:
            pool.check()
            raise

    cfg = settings()
    # reconnect_timeout: a failed connection attempt backs off for at most
    # this long, so after an outage the next request reconnects at once
    pool = LifoPool(url, min_size=min(cfg.pool_min, size), max_size=size, timeout=cfg.pool_timeout,
                          kwargs={"row_factory": dict_row, "connect_timeout": cfg.connect_timeout},
                          configure=configure, check=check, reconnect_timeout=max(1.0, cfg.pool_timeout),
                          name=role, open=False)
    return pool


# A pooled connection used within this many seconds, with nothing waiting on
# its socket, is handed out without a round trip (see _quiet).
QUIET_SECONDS = 30.0


def _quiet(conn: psycopg.Connection) -> bool:
    """A connection known to be sound without asking the server: returned to
    the pool idle within QUIET_SECONDS, and nothing to read on its socket. A
    server that ends a session (restart, shutdown, pg_terminate_backend,
    idle_session_timeout) sends its FATAL message and closes the socket, which
    makes it readable, so such a connection still gets the round trip and is
    replaced; so does one left idle longer, which a firewall or load balancer
    may have dropped without a word."""
    used = getattr(conn, "_hq_last_used", None)
    if used is None or time.monotonic() - used > QUIET_SECONDS or conn.closed:
        return False
    if conn.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
        return False
    poller = select.poll()
    poller.register(conn.fileno(), select.POLLIN | select.POLLPRI)
    return not poller.poll(0)


def unavailable(exc: BaseException, pool: str = "api", started: bool = False) -> ApiError:
    """The 503 a database outage is answered with. When the connection broke
    while a write was running, its outcome is unknown: the client is told to
    retry with its Idempotency-Key, which makes the retry safe."""
    retry = {"Retry-After": "1"}
    if isinstance(exc, PoolTimeout):
        return ApiError(503, "database_unavailable",
                        f"no database connection became free within {settings().pool_timeout:g} s "
                        "(the database is down or every connection is busy); retry", headers=retry)
    if started and pool not in ("api", "read"):
        return ApiError(503, "outcome_unknown",
                        "the database connection was lost while this request ran, so it may or may not have "
                        "been stored; retry it with the same Idempotency-Key header (a retry without one may "
                        "store it twice)", headers=retry)
    return ApiError(503, "database_unavailable", "the database is unavailable; retry", headers=retry)


def connection_lost(exc: psycopg.Error) -> bool:
    """The connection broke (no SQLSTATE, class 08, or the server shutting
    down), as opposed to the server answering with an error."""
    state = exc.sqlstate or ""
    return not state or state.startswith("08") or state in ("57P01", "57P02", "57P03")


# Set by the server middleware once it has authenticated the request's key
# (before the body is read), so the route's own key check costs no query.
@dataclass(frozen=True)
class AuthenticatedKey:
    key: str
    key_id: str
    scope: str


current_key: contextvars.ContextVar[AuthenticatedKey | None] = contextvars.ContextVar("hq_current_key", default=None)


def grants(key_scope: str, scope: str) -> bool:
    """admin grants every scope; any other key its own."""
    return key_scope == scope or key_scope == "admin"


_FK_DETAIL = re.compile(r"Key \((?P<col>[^)]*)\)=\((?P<val>.*)\) (?:is not present in|already exists)")


def sqlstate_entry(sqlstate: str | None) -> tuple[int, str, str] | None:
    """The row of SQLSTATE_ERRORS for a SQLSTATE: the exact code, else its class."""
    if not sqlstate:
        return None
    return SQLSTATE_ERRORS.get(sqlstate) or SQLSTATE_ERRORS.get(sqlstate[:2])


def _message(exc: psycopg.errors.Error) -> tuple[str, str | None]:
    """(message, field) for a database error, from its diagnostics. Our own
    RAISEs name the field (COLUMN) and say what is allowed (DETAIL, HINT);
    constraint failures raised by PostgreSQL itself are reworded from their
    parts, never passed on as driver text."""
    diag = exc.diag
    field = diag.column_name
    state = exc.sqlstate or ""
    if state in ("23503", "23505") and diag.message_detail:
        m = _FK_DETAIL.search(diag.message_detail)
        if m:
            field = field or m["col"]
            if state == "23503":
                return (f"{m['col']} {m['val']!r} is not one of the allowed values "
                        f"(the rows of {diag.schema_name}.{_referenced_table(diag.message_detail)})"), field
            return f"{m['col']} {m['val']!r} already exists", field
    if state == "23502":
        return f"{field or 'a required value'} is required", field
    if state == "23514":
        return f"a value breaks the rule {diag.constraint_name or 'of the table'}", field
    msg = diag.message_primary or "database error"
    if diag.message_detail:
        msg += f": {diag.message_detail}"
    if diag.message_hint:
        msg += f" ({diag.message_hint})"
    return msg, field


def _referenced_table(detail: str) -> str:
    m = re.search(r'table "([^"]+)"', detail)
    return m[1] if m else "referenced table"


def client_error(exc: psycopg.errors.Error):
    """Raise the ApiError a database error maps to (SQLSTATE_ERRORS); re-raise
    anything else (ours: 500)."""
    if exc.sqlstate is None and isinstance(exc, psycopg.DataError):
        # refused by psycopg before it reached the server: a NUL character in a text value
        raise ApiError(422, "invalid_value", f"{exc}; remove NUL (\\u0000) characters from the request") from exc
    entry = sqlstate_entry(exc.sqlstate)
    if entry is None:
        raise exc
    status, code, _ = entry
    if status >= 500:
        raise ApiError(status, code, entry[2]) from exc
    msg, field = _message(exc)
    raise ApiError(status, code, msg, field) from exc


class Db:
    """The database as the routes see it: one pool per role ("ingest" runs as
    hq_ingest, "api" as hq_api, "admin" as hq_admin) on the primary, and
    "read" for query routes: a streaming replica when HQ_READ_DATABASE_URL is
    set (else the primary). A replica that cannot be reached is skipped for
    REPLICA_RETRY_SECONDS, reads going to the primary meanwhile, and the log
    says so."""

    REPLICA_RETRY_SECONDS = 10.0

    def __init__(self, url: str, read_url: str | None = None):
        cfg = settings()
        self.pools = {"ingest": _pool(url, "hq_ingest", cfg.pool_size), "api": _pool(url, "hq_api", cfg.pool_size),
                      "admin": _pool(url, "hq_admin", cfg.admin_pool_size)}
        read_url = read_url if read_url is not None else os.environ.get("HQ_READ_DATABASE_URL")
        if read_url:
            self.pools["read"] = _pool(read_url, "hq_api", cfg.pool_size)
        self._replica_down_until = 0.0

    def open(self) -> None:
        for p in self.pools.values():
            p.open(wait=False)  # a server started during an outage (or without its replica) comes up and answers

    def close(self) -> None:
        for p in self.pools.values():
            p.close()

    @contextmanager
    def connection(self, pool: str = "api", timeout: float | None = None):
        if pool == "read":
            if "read" in self.pools and time.monotonic() >= self._replica_down_until:
                stack = ExitStack()
                try:
                    conn = stack.enter_context(self.pools["read"].connection(timeout=min(timeout or 2, 2)))
                    ConnectionPool.check_connection(conn)  # a dead replica fails here, before the route's query
                except (psycopg.OperationalError, PoolTimeout) as exc:
                    stack.__exit__(type(exc), exc, exc.__traceback__)  # the broken connection leaves the pool
                    self._replica_down_until = time.monotonic() + self.REPLICA_RETRY_SECONDS
                    log.warning("read replica unavailable (%s); reading from the primary for %.0f s",
                                str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__,
                                self.REPLICA_RETRY_SECONDS)
                else:
                    with stack:
                        with _stamped(conn):
                            yield conn
                    return
            pool = "api"
        with self.pools[pool].connection(timeout=timeout) as conn, _stamped(conn):
            yield conn

    def call(self, pool: str, query: str, params: tuple = ()):
        """Run one api.* call; database errors caused by input become 4xx. A
        deadlock or serialization failure (two webhooks on the same entities)
        rolled the call back: it is retried, then answered 503. An outage is
        a 503 (a read that lost its connection is retried once). The one
        statement is its own transaction (autocommit): no BEGIN and COMMIT
        round trips around it."""
        return self.run(pool, lambda conn: conn.execute(query, params).fetchone(), autocommit=True)

    def run(self, pool: str, work, autocommit: bool = False):
        """Run work(conn) in one transaction on a connection of `pool`, with
        the error mapping of call(). autocommit=True: each statement of work
        commits on its own unless work opens conn.transaction() itself."""
        lost_once = False
        for attempt in range(TRANSIENT_RETRIES + 1):
            started = False
            try:
                with self.connection(pool) as conn:
                    started = True
                    if not autocommit:
                        return work(conn)
                    conn.autocommit = True
                    try:
                        return work(conn)
                    finally:
                        _end_autocommit(conn)
            except PoolTimeout as exc:
                raise unavailable(exc, pool) from exc
            except psycopg.OperationalError as exc:
                if not connection_lost(exc):
                    if exc.sqlstate in TRANSIENT and attempt < TRANSIENT_RETRIES:
                        time.sleep(0.05 * (attempt + 1))
                        continue
                    if exc.sqlstate in TRANSIENT:
                        raise ApiError(503, "busy", "concurrent writes to the same entities kept conflicting; "
                                       "retry the request", headers={"Retry-After": "1"}) from exc
                    client_error(exc)
                if pool in ("api", "read") and not lost_once:
                    lost_once = True  # a read is safe to repeat on a fresh connection
                    continue
                raise unavailable(exc, pool, started) from exc
            except psycopg.errors.Error as exc:
                client_error(exc)

    def require_key(self, key: str | None, scope: str) -> None:
        if not key:
            raise ApiError(401, "unauthorized", "missing X-API-Key header")
        known = current_key.get()
        if known is not None and hmac.compare_digest(known.key.encode(), key.encode()):
            if not grants(known.scope, scope):
                raise ApiError(403, "forbidden", f"API key is invalid, revoked, or lacks the {scope!r} scope")
            return
        from hq.server import authenticate  # a route that reads no body: checked (and rate-limited) here

        current_key.set(authenticate(self, key, scope))


@contextmanager
def _stamped(conn: psycopg.Connection):
    """Note when a connection goes back to its pool (for _quiet)."""
    try:
        yield conn
    finally:
        conn._hq_last_used = time.monotonic()


def _end_autocommit(conn: psycopg.Connection) -> None:
    """Give a pooled connection back as the pool hands them out: not in
    autocommit. One that cannot be switched back (broken, or left in a
    transaction) is closed, and the pool replaces it."""
    if conn.closed:
        return
    if conn.info.transaction_status == psycopg.pq.TransactionStatus.IDLE:
        conn.autocommit = False
    else:
        conn.close()


# The pool a key of each scope is checked on (the role its routes run as).
SCOPE_POOL = {"ingest": "ingest", "query": "api", "admin": "admin"}


async def get_db(request: Request) -> Db:
    """FastAPI dependency: the app's database gateway (async: it runs on the
    event loop, not as a trip through the thread pool)."""
    return request.app.state.db
