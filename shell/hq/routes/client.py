"""Client leads: form submissions of client companies (``client.leads``).

Keys may be bound to one client (``hq keys create --scope S --client DOMAIN``).
Which rows a key may read or write is decided in PostgreSQL, not here: each
request runs in one transaction that first calls ``api.bind_api_key`` (it
verifies the key and sets ``hq.client_domain`` for that transaction), then the
``api.*`` function; row-level security on ``client.leads`` and
``raw.client_lead_payloads`` does the rest. Ingest runs as hq_ingest, reads
as hq_api.
"""

from __future__ import annotations

import json
import time
from datetime import datetime

import psycopg
from fastapi import APIRouter, Depends, Header, Query, Request, Response

from hq.http import TRANSIENT, TRANSIENT_RETRIES, ApiError, Db, client_error, get_db, parse_json_body

router = APIRouter()


def _bound_call(db: Db, pool: str, key: str | None, scope: str, query: str, params: tuple):
    """Bind the key, then run one api.* call, in one transaction."""
    if not key:
        raise ApiError(401, "unauthorized", "missing X-API-Key header")
    for attempt in range(TRANSIENT_RETRIES + 1):
        binding = None
        try:
            with db.connection(pool) as conn:
                binding = conn.execute("SELECT api.bind_api_key(%s, %s) AS k", (key, scope)).fetchone()["k"]
                if binding is None:
                    raise ApiError(403, "forbidden", f"API key is invalid, revoked, or lacks the {scope!r} scope")
                return conn.execute(query, params).fetchone()["r"]
        except psycopg.errors.InsufficientPrivilege as exc:  # a row-level security policy refused the row
            client = (binding or {}).get("client_domain")
            if client is None:  # an unbound key passes every policy: a missing grant, ours
                raise
            raise ApiError(403, "forbidden", f"this API key is bound to client {client!r}: it may only submit "
                           "and read that client's leads", "client_domain") from exc
        except psycopg.errors.Error as exc:
            if exc.sqlstate in TRANSIENT and attempt < TRANSIENT_RETRIES:
                time.sleep(0.05 * (attempt + 1))
                continue
            if exc.sqlstate in TRANSIENT:
                raise ApiError(503, "busy", "concurrent writes kept conflicting; retry the request") from exc
            client_error(exc)
    raise AssertionError("unreachable")


async def _lead_body(request: Request) -> str:
    """The body as received, once checked to be an object with a client_domain."""
    text = parse_json_body(await request.body())
    body = json.loads(text)
    if not isinstance(body, dict):
        raise ApiError(422, "invalid_request", "body must be a JSON object with client_domain and the lead's fields")
    domain = body.get("client_domain")
    if not isinstance(domain, str) or not domain.strip():
        raise ApiError(422, "invalid_request", "client_domain is required (the client's domain, a string)", "client_domain")
    return text


@router.post("/api/client/leads", status_code=202)
async def ingest_lead(request: Request, x_api_key: str | None = Header(None),
                      idempotency_key: str | None = Header(None), db: Db = Depends(get_db)):
    """One lead form submission -> raw.client_lead_payloads -> client.leads."""
    text = await _lead_body(request)
    return _bound_call(db, "ingest", x_api_key, "ingest", "SELECT api.ingest_client_lead(%s::jsonb, %s) AS r",
                       (text, idempotency_key))


@router.post("/run/client/leads/ingest", deprecated=True)
async def ingest_lead_legacy(request: Request, response: Response, x_api_key: str | None = Header(None),
                             idempotency_key: str | None = Header(None), db: Db = Depends(get_db)):
    """The existing system's route (same body and fields); use POST /api/client/leads."""
    response.headers["Deprecation"] = "true"
    response.headers["Link"] = '</api/client/leads>; rel="successor-version"'
    text = await _lead_body(request)
    out = _bound_call(db, "ingest", x_api_key, "ingest", "SELECT api.ingest_client_lead(%s::jsonb, %s) AS r",
                      (text, idempotency_key))
    return {"success": out["extraction_status"] == "extracted", **out}


@router.get("/api/client/leads")
def list_leads(client_domain: list[str] | None = Query(None), form_id: list[str] | None = Query(None),
               company_domain: list[str] | None = Query(None), person_linked: bool | None = None,
               company_linked: bool | None = None, submitted_after: datetime | None = None,
               submitted_before: datetime | None = None, limit: int = Query(50, ge=1, le=1000),
               cursor: str | None = Query(None, pattern=r"^[0-9]{1,18}$"),
               x_api_key: str | None = Header(None), db: Db = Depends(get_db)):
    """A keyset page of the leads this key may see: {data, next_cursor}."""
    from psycopg.types.json import Jsonb

    filters = {"client_domains": client_domain, "form_ids": form_id, "company_domains": company_domain,
               "person_linked": person_linked, "company_linked": company_linked,
               "submitted_after": submitted_after.isoformat() if submitted_after else None,
               "submitted_before": submitted_before.isoformat() if submitted_before else None}
    filters = {k: v for k, v in filters.items() if v is not None}
    return _bound_call(db, "api", x_api_key, "query", "SELECT api.client_leads(%s, %s, %s) AS r",
                       (Jsonb(filters), limit, cursor))
