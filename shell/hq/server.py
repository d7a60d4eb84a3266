"""What the HTTP server does around every route (docs/server.md):

- a request id (a sane incoming ``X-Request-Id`` or a new one), returned as
  ``X-Request-Id``, and one JSON log line per request (method, route
  template, status, duration, key id; never a payload, never a key);
- authentication before the body is read: the first time a route asks for
  the body, its API key is checked (and rate-limited) and a request without
  a valid key is answered 401/403/429 and closed, its body never read;
- body limits (``HQ_MAX_BODY_BYTES`` for JSON, ``HQ_MAX_UPLOAD_BYTES`` for
  multipart uploads) answered 413 from Content-Length before reading, or as
  soon as a chunked body goes over; a body that does not arrive within
  ``HQ_BODY_TIMEOUT`` is answered 408; request headers that do not arrive
  within ``HQ_HEADER_TIMEOUT`` get the connection closed
  (``HeaderTimeoutH11Protocol``);
- a database outage escaping a route is a 503 in the error shape with
  Retry-After, never a plain-text 500.
"""

from __future__ import annotations

import asyncio
import contextvars
import json
import logging
import math
import re
import socket
import sys
import time
import uuid
from datetime import datetime, timezone

import anyio
import h11
import psycopg
from fastapi import FastAPI, params
from fastapi.routing import APIRoute
from psycopg_pool import PoolTimeout
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse
from uvicorn.protocols.http.h11_impl import H11Protocol

from hq.http import SCOPE_POOL, ApiError, AuthenticatedKey, connection_lost, current_key, error_body, grants, unavailable
from hq.settings import settings

log = logging.getLogger("hq.request")
REQUEST_ID = re.compile(r"^[A-Za-z0-9._:@/+=-]{1,128}$")

# Per request, shared by reference with every thread the request uses: the
# authenticated key id for the log line.
request_info: contextvars.ContextVar[dict | None] = contextvars.ContextVar("hq_request_info", default=None)


class RequestRefused(HTTPException):
    """An answer given before (or instead of) reading the rest of the body;
    the connection is closed after it, so an unread body is never read."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None):
        super().__init__(status, message, headers={**(headers or {}), "Connection": "close"})
        self.code = code


def scope_for_path(path: str) -> str | None:
    """The scope a route needs, when its path says it; None: any valid key
    here, the route checks its own scope once the body is read."""
    if path.startswith("/ingest/"):
        return "ingest"
    if path.startswith(("/api/reference/", "/run/reference/")):
        return "admin"
    return None


def _needs_key(dependant) -> bool:
    if any((p.alias or p.name).lower() == "x-api-key" for p in dependant.header_params):
        return True
    for sub in dependant.dependencies:
        model = getattr(sub.call, "model", None)
        if getattr(model, "name", "").lower() == "x-api-key" or _needs_key(sub):
            return True
    return False


_ROUTE_INFO: dict[int, tuple[bool, bool]] = {}


def route_info(route) -> tuple[bool, bool]:
    """(needs an API key, takes a multipart upload) for a routed request."""
    if not isinstance(route, APIRoute):
        return False, False
    info = _ROUTE_INFO.get(id(route))
    if info is None:
        # a multipart body with a file in it (FastAPI marks the whole body File then)
        upload = route.body_field is not None and isinstance(route.body_field.field_info, params.File)
        info = _ROUTE_INFO[id(route)] = (_needs_key(route.dependant), upload)
    return info


def client_route(path: str) -> bool:
    """The client-lead routes: the only ones a client-bound key may use."""
    return path.startswith(("/api/client/", "/run/client/"))


def authenticate(db, key: str, scope: str | None, for_client_route: bool = False) -> AuthenticatedKey:
    """Check a key (and its rate limit) in the database; raise the refusal. A
    key bound to one client passes only on the client-lead routes."""
    pool = SCOPE_POOL.get(scope or "query", "api")
    try:
        row = db.call(pool, "SELECT * FROM api.authenticate(%s, %s)", (key, settings().rate_limit))
    except ApiError as exc:
        if exc.status == 422:  # a key the database cannot even compare (a NUL in it)
            row = None
        else:
            raise RequestRefused(exc.status, exc.code, exc.message, exc.headers) from exc
    if row is None or (scope and not grants(row["scope"], scope)):
        lacks = f", or lacks the {scope!r} scope" if scope else ""
        raise RequestRefused(403, "forbidden", f"API key is invalid or revoked{lacks}")
    if row["client_domain"] is not None and not for_client_route:
        raise RequestRefused(403, "forbidden", f"this API key is bound to client {row['client_domain']!r}: it may "
                             "only submit and read that client's leads (/api/client/leads)")
    info = request_info.get()
    if info is not None:
        info["key_id"] = str(row["key_id"])
    if row["retry_after"] is not None:
        wait = max(1, math.ceil(row["retry_after"]))
        raise RequestRefused(429, "rate_limited", f"this key is over its limit of {settings().rate_limit} "
                             f"requests per minute; retry in {wait} s", {"Retry-After": str(wait)})
    return AuthenticatedKey(key, str(row["key_id"]), row["scope"])


class ServerMiddleware:
    """Pure ASGI middleware (see the module docstring)."""

    def __init__(self, app, fastapi_app: FastAPI):
        self.app = app
        self.fastapi_app = fastapi_app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started = time.perf_counter()
        incoming = _header(scope, b"x-request-id")
        rid = incoming if incoming and REQUEST_ID.match(incoming) else uuid.uuid4().hex
        info = {"status": None, "key_id": None}
        request_info.set(info)
        current_key.set(None)

        async def send_with_id(message):
            if message["type"] == "http.response.start":
                info["status"] = message["status"]
                MutableHeaders(scope=message).append("X-Request-Id", rid)
            await send(message)

        try:
            await self.app(scope, self._guarded_receive(scope, receive), send_with_id)
        except Exception:
            info["status"] = info["status"] or 500  # answered by the outermost error handler
            raise
        finally:
            route = scope.get("route")
            log.info(json.dumps({
                "ts": datetime.now(timezone.utc).isoformat(timespec="milliseconds"),
                "request_id": rid, "method": scope["method"],
                "route": getattr(route, "path", None), "status": info["status"],
                "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                "key_id": info["key_id"]}))

    def _guarded_receive(self, scope, receive):
        state = {"checked": False, "done": False, "bytes": 0, "limit": 0, "deadline": None, "upload": False}

        async def guarded():
            if state["done"]:
                return await receive()
            if not state["checked"]:
                await self._before_body(scope, state)
                state["checked"] = True
            cfg = settings()
            timeout = cfg.body_timeout if state["upload"] else max(0.0, state["deadline"] - time.monotonic())
            try:
                async with asyncio.timeout(timeout):  # unlike wait_for, no task per message
                    message = await receive()
            except TimeoutError:
                raise RequestRefused(408, "request_timeout", f"the request body did not arrive within "
                                     f"{cfg.body_timeout:g} s") from None
            if message["type"] == "http.request":
                state["bytes"] += len(message.get("body", b""))
                if state["bytes"] > state["limit"]:
                    raise _too_large(state)
                if not message.get("more_body", False):
                    state["done"] = True
            else:
                state["done"] = True
            return message

        return guarded

    async def _before_body(self, scope, state) -> None:
        cfg = settings()
        needs_key, upload = route_info(scope.get("route"))
        state["upload"] = upload
        state["limit"] = cfg.max_upload_bytes if upload else cfg.max_body_bytes
        state["deadline"] = time.monotonic() + cfg.body_timeout
        if needs_key:
            key = _header(scope, b"x-api-key")
            if not key:
                raise RequestRefused(401, "unauthorized", "missing X-API-Key header")
            known = current_key.get()
            if known is None or known.key != key:
                path = getattr(scope.get("route"), "path", "") or ""
                db = self.fastapi_app.state.db
                current_key.set(await anyio.to_thread.run_sync(authenticate, db, key, scope_for_path(path),
                                                               client_route(path)))
        length = _header(scope, b"content-length")
        if length and length.isdigit() and int(length) > state["limit"]:
            raise _too_large(state)


def _too_large(state) -> RequestRefused:
    kind, var = ("upload", "HQ_MAX_UPLOAD_BYTES") if state["upload"] else ("JSON body", "HQ_MAX_BODY_BYTES")
    return RequestRefused(413, "payload_too_large",
                          f"the {kind} is larger than {state['limit']} bytes ({var})")


def _header(scope, name: bytes) -> str | None:
    for k, v in scope.get("headers", ()):
        if k == name:
            return v.decode("latin-1")
    return None


async def _refused(_request: Request, exc: RequestRefused):
    return JSONResponse(status_code=exc.status_code, content=error_body(exc.code, exc.detail), headers=exc.headers)


async def _db_unavailable(_request: Request, exc: Exception):
    if isinstance(exc, psycopg.OperationalError) and not connection_lost(exc):
        raise exc
    err = unavailable(exc)
    return JSONResponse(status_code=err.status, content=error_body(err.code, err.message), headers=err.headers)


def configure_threads() -> None:
    """Size the thread pool that runs sync routes and database calls
    (called from the app's lifespan, inside the event loop)."""
    anyio.to_thread.current_default_thread_limiter().total_tokens = settings().threads


ERROR_SCHEMA = {"type": "object", "required": ["error"], "properties": {"error": {
    "type": "object", "required": ["code", "message"],
    "properties": {"code": {"type": "string"}, "message": {"type": "string"}, "field": {"type": "string"}}}}}
RETRY_AFTER = {"Retry-After": {"description": "Seconds to wait before retrying.", "schema": {"type": "string"}}}
REFUSALS = {  # status: (description, applies to: "key" | "body" | "all")
    "401": ("No X-API-Key header (checked before the body is read).", "key"),
    "403": ("The API key is unknown, revoked, or lacks this route's scope.", "key"),
    "408": ("The request body did not arrive within HQ_BODY_TIMEOUT.", "body"),
    "413": ("The body is over HQ_MAX_BODY_BYTES (uploads: HQ_MAX_UPLOAD_BYTES).", "body"),
    "429": ("This key is over HQ_RATE_LIMIT requests per minute; see Retry-After.", "key"),
    "503": ("The database is unavailable or busy, or the outcome of a write is unknown "
            "(retry with the same Idempotency-Key); see Retry-After.", "all"),
}


def _document_refusals(app: FastAPI) -> None:
    """Add the answers this module gives (401/403/408/413/429/503, error
    shape) to every operation of /openapi.json they can come from."""
    base = app.openapi

    def openapi():
        first = app.openapi_schema is None
        schema = base()
        if not first:
            return schema
        for ops in schema.get("paths", {}).values():
            for method, op in ops.items():
                if not isinstance(op, dict) or method not in ("get", "post", "put", "patch", "delete"):
                    continue
                keyed = bool(op.get("security")) or any(
                    p.get("in") == "header" and p.get("name", "").lower() == "x-api-key" for p in op.get("parameters", []))
                body = "requestBody" in op or (keyed and method != "get")
                for status, (text, applies) in REFUSALS.items():
                    if applies == "all" or (applies == "key" and keyed) or (applies == "body" and body):
                        answer = {"description": text, "content": {"application/json": {"schema": ERROR_SCHEMA}}}
                        if status in ("429", "503"):
                            answer["headers"] = RETRY_AFTER
                        op.setdefault("responses", {}).setdefault(status, answer)
        return schema

    app.openapi = openapi


def install(app: FastAPI) -> None:
    """Add the middleware and handlers of this module (and CORS) to the app."""
    _document_refusals(app)
    app.add_exception_handler(RequestRefused, _refused)
    app.add_exception_handler(PoolTimeout, _db_unavailable)
    app.add_exception_handler(psycopg.OperationalError, _db_unavailable)
    app.add_middleware(ServerMiddleware, fastapi_app=app)
    origins = settings().cors_origins
    if origins:
        from starlette.middleware.cors import CORSMiddleware

        app.add_middleware(  # outermost, so refusals carry CORS headers too
            CORSMiddleware, allow_origins=list(origins), allow_methods=["GET", "POST", "OPTIONS"],
            allow_headers=["X-API-Key", "Content-Type", "Idempotency-Key", "X-Request-Id",
                           "webhook-id", "webhook-timestamp", "webhook-signature"],
            expose_headers=["X-Request-Id", "Retry-After"], max_age=600)
    if not log.handlers:
        handler = logging.StreamHandler(sys.stdout)
        handler.setFormatter(logging.Formatter("%(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
        log.propagate = False


class _OneSendPerTurn:
    """A transport whose writes made in one turn of the event loop leave in
    one send: uvicorn writes an answer's head and body apart, and each send
    wakes the client once more. Everything else is the wrapped transport's."""

    def __init__(self, transport, loop) -> None:
        self._transport = transport
        self._loop = loop
        self._pending: list[bytes] | None = None

    def write(self, data: bytes) -> None:
        if not data:
            return
        if self._pending is None:
            self._pending = [data]
            self._loop.call_soon(self._flush)
        else:
            self._pending.append(data)

    def _flush(self) -> None:
        pending, self._pending = self._pending, None
        if pending and not self._transport.is_closing():
            self._transport.write(b"".join(pending))

    def close(self) -> None:
        self._flush()
        self._transport.close()

    def __getattr__(self, name):
        return getattr(self._transport, name)


class HeaderTimeoutH11Protocol(H11Protocol):
    """uvicorn's h11 protocol, plus a deadline for the request line and
    headers (uvicorn has none): a connection that opens, or starts a request,
    and does not finish its headers within HQ_HEADER_TIMEOUT is closed.

    It also sets TCP_NODELAY itself: with --workers, uvicorn binds the socket
    with protocol number 0, so asyncio does not set it, and a keep-alive
    answer written in two sends (a streamed one) would wait for the client's
    delayed ACK (a 40 ms floor per request). And it writes through
    _OneSendPerTurn, so an answer made at once (head and body) is one send."""

    def connection_made(self, transport) -> None:
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            try:
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            except OSError:
                pass
        super().connection_made(_OneSendPerTurn(transport, self.loop))
        self._header_timer = None
        self._arm_header_timer()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        self._arm_header_timer()

    def connection_lost(self, exc) -> None:
        if getattr(self, "_header_timer", None) is not None:
            self._header_timer.cancel()
            self._header_timer = None
        super().connection_lost(exc)

    def _arm_header_timer(self) -> None:
        waiting = self.conn.their_state is h11.IDLE  # no complete request head yet
        if waiting and self._header_timer is None and not self.transport.is_closing():
            self._header_timer = self.loop.call_later(settings().header_timeout, self._header_timeout)
        elif not waiting and self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _header_timeout(self) -> None:
        self._header_timer = None
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self.transport.close()
