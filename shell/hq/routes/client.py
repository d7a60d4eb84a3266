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
import re
import time
from datetime import datetime

import psycopg
from fastapi import APIRouter, Depends, Header, Query, Request, Response, Security
from pydantic import BeforeValidator
from typing_extensions import Annotated

from hq.http import API_KEY, TRANSIENT, TRANSIENT_RETRIES, ApiError, Db, client_error, get_db, parse_json_body
from hq.openapi_values import JSON_OBJECT
from hq.schemas import ERRORS, ClientLeadIngested, ClientLeadIngestedLegacy, ClientLeadPage

router = APIRouter(tags=["client leads"], responses=ERRORS)

LEAD_BODY = {"requestBody": {
    "required": True,
    "description": "One lead form submission as the client's form sends it: `client_domain` (the client's "
                   "domain) and the lead's fields (first_name, last_name, email, linkedin_url, company_name, "
                   "company_domain or company_website, job_title, client_form_id, client_form_title, ...).",
    "content": {"application/json": {
        "schema": {**JSON_OBJECT, "required": ["client_domain"],
                   "properties": {"client_domain": {"type": "string", "pattern": "^[^\\x00]*[^\\x00\\s][^\\x00]*$",
                                                    "description": "The client's domain (any normalizable form)."}}},
        "examples": {"demo-request": {"summary": "A demo request form", "value": {
            "client_domain": "acme.com", "client_form_id": "demo-request", "client_form_title": "Demo request",
            "first_name": "Jane", "last_name": "Doe", "email": "jane@ironcladapp.com",
            "linkedin_url": "https://www.linkedin.com/in/jane-doe-4b1a2c", "company_domain": "ironcladapp.com",
            "company_name": "Ironclad", "job_title": "VP of Marketing"}}}}}}}


def _iso_text(value):
    """A date-time query value is ISO 8601 text, as documented (pydantic would also read a number as a
    Unix time)."""
    if isinstance(value, str) and not re.match(r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}", value.strip()):
        raise ValueError("must be an ISO 8601 date-time, e.g. 2026-01-31T00:00:00Z")
    return value


IsoDateTime = Annotated[datetime, BeforeValidator(_iso_text)]


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


@router.post("/api/client/leads", status_code=202, response_model=None, openapi_extra=LEAD_BODY,
             responses={202: {"model": ClientLeadIngested}}, summary="Submit a client lead",
             description="One lead form submission -> raw.client_lead_payloads -> client.leads, linked to the "
                         "person and company in HQ when they exist (or when they arrive). A key bound to a client "
                         "(`hq keys create --client DOMAIN`) may submit only that client's leads (403 otherwise). "
                         "`Idempotency-Key`: a retry gets the first answer. Scope `ingest`.")
async def ingest_lead(request: Request, x_api_key: str | None = Security(API_KEY),
                      idempotency_key: str | None = Header(None, min_length=1, max_length=255,
                                                           description="Deduplicates retries (at most 255 characters)."),
                      db: Db = Depends(get_db)):
    text = await _lead_body(request)
    return _bound_call(db, "ingest", x_api_key, "ingest", "SELECT api.ingest_client_lead(%s::jsonb, %s) AS r",
                       (text, idempotency_key))


@router.post("/run/client/leads/ingest", deprecated=True, response_model=None, openapi_extra=LEAD_BODY,
             responses={200: {"model": ClientLeadIngestedLegacy}}, summary="Deprecated: submit a client lead",
             description="The existing system's route (same body and fields), answered 200 with `success`; use "
                         "`POST /api/client/leads`. The answer carries `Deprecation` and a `Link` to the "
                         "successor. Scope `ingest`.")
async def ingest_lead_legacy(request: Request, response: Response, x_api_key: str | None = Security(API_KEY),
                             idempotency_key: str | None = Header(None, min_length=1, max_length=255,
                                                                  description="Deduplicates retries."),
                             db: Db = Depends(get_db)):
    response.headers["Deprecation"] = "true"
    response.headers["Link"] = '</api/client/leads>; rel="successor-version"'
    text = await _lead_body(request)
    out = _bound_call(db, "ingest", x_api_key, "ingest", "SELECT api.ingest_client_lead(%s::jsonb, %s) AS r",
                      (text, idempotency_key))
    return {"success": out["extraction_status"] == "extracted", **out}


@router.get("/api/client/leads", response_model=None, responses={200: {"model": ClientLeadPage}},
            summary="Client leads",
            description="A keyset page of the client leads this key may see (a client-bound key: its client's "
                        "only), newest last, each with the person and company HQ knows. Filters repeat: "
                        "`?client_domain=a.com&client_domain=b.io`. Pass `next_cursor` back as `cursor`. "
                        "Scope `query`.")
def list_leads(client_domain: list[str] | None = Query(None, description="Client domains."),
               form_id: list[str] | None = Query(None, description="Client form ids."),
               company_domain: list[str] | None = Query(None, description="The lead's company domains."),
               person_linked: bool | None = Query(None, description="Only leads linked (or not) to a person in HQ."),
               company_linked: bool | None = Query(None, description="Only leads linked (or not) to a company in HQ."),
               submitted_after: IsoDateTime | None = Query(None, description="ISO 8601 date-time."),
               submitted_before: IsoDateTime | None = Query(None, description="ISO 8601 date-time."),
               limit: int = Query(50, ge=1, le=1000, description="Rows per page."),
               cursor: str | None = Query(None, pattern=r"^[0-9]{1,18}$", description="`next_cursor` of the previous page."),
               x_api_key: str | None = Security(API_KEY), db: Db = Depends(get_db)):
    from psycopg.types.json import Jsonb

    filters = {"client_domains": client_domain, "form_ids": form_id, "company_domains": company_domain,
               "person_linked": person_linked, "company_linked": company_linked,
               "submitted_after": submitted_after.isoformat() if submitted_after else None,
               "submitted_before": submitted_before.isoformat() if submitted_before else None}
    filters = {k: v for k, v in filters.items() if v is not None}
    return _bound_call(db, "api", x_api_key, "query", "SELECT api.client_leads(%s, %s, %s) AS r",
                       (Jsonb(filters), limit, cursor))
