"""Webhook and bulk-upload ingest (runs as hq_ingest). A webhook request
that cannot be stored as a raw payload (not JSON, unknown or inactive
workflow, an envelope for another workflow) is kept in the dead-letter
table raw.rejected_requests (api.ingest_reject) before the error answer."""

from __future__ import annotations

from fastapi import APIRouter, Depends, File, Header, Path, Query, Request, Security, UploadFile

from hq.openapi_values import JSON_OBJECT
from hq.http import API_KEY, SECRET_HEADERS, ApiError, Db, get_db, parse_json_body
from hq.schemas import ERRORS, IngestResult, UploadResult
from hq.webhooks import REPLAY_TTL_SECONDS, verify_signature

router = APIRouter(tags=["ingest"], responses=ERRORS)

SLUGS = ("clay-find-companies, clay-company-firmographics, companyenrich-company, crunchbase-company, "
         "clay-find-people, clay-person-profile, salesnav-export, claygent-customers, manual-company-customers, "
         "vc-portfolio, case-study-extraction, icp-generation")

INGEST_BODY = {
    "requestBody": {
        "required": True,
        "description": "The provider's payload as it sends it (a JSON object), or the existing Clay tables' "
                       "envelope `{<key column>|linkedin_url|company_domain, workflow_slug, raw_payload}` "
                       "(raw_payload an object or a JSON string holding one; workflow_slug must be the path's).",
        "content": {"application/json": {
            "schema": JSON_OBJECT,
            "examples": {
                "clay-find-companies": {"summary": "A provider payload (tests/fixtures/clay-find-companies.json)", "value": {
                    "name": "Google", "domain": "google.com", "size": "10,001+ employees", "type": "Public Company",
                    "country": "United States", "industry": "Software Development", "location": "Mountain View, CA",
                    "linkedin_url": "https://www.linkedin.com/company/google", "annual_revenue": "100B-1T"}},
                "clay-envelope": {"summary": "The Clay envelope, keyed by company_domain (its workflow_slug is the path's)",
                                  "value": {
                    "company_domain": "google.com", "workflow_slug": "clay-find-companies",
                    "raw_payload": {"name": "Google", "domain": "google.com", "size": "10,001+ employees",
                                    "type": "Public Company", "country": "United States",
                                    "industry": "Software Development", "location": "Mountain View, CA",
                                    "linkedin_url": "https://www.linkedin.com/company/google"}}},
            }}},
    }
}


@router.post("/ingest/salesnav/export", status_code=202, response_model=None, responses={202: {"model": UploadResult}},
             summary="Upload a Sales Navigator export (CSV/TSV)",
             description="Multipart field `file`: a Sales Navigator export, comma or tab separated (detected), "
                         "bulk-loaded with COPY into raw.salesnav_scrapes and processed. Scope `ingest`.")
def ingest_salesnav(file: UploadFile = File(..., description="The CSV or TSV export."),
                    x_api_key: str | None = Security(API_KEY), db: Db = Depends(get_db)):
    from hq.bulk import ingest_stream

    db.require_key(x_api_key, "ingest")
    try:
        with db.connection("ingest") as conn:
            result = ingest_stream(conn, file.file, "salesnav-export")
    except UnicodeDecodeError as exc:
        raise ApiError(422, "invalid_value", f"file is not UTF-8 text: {exc.reason}", "file") from exc
    return result


async def raw_body(request: Request) -> bytes:
    """The body as sent, read on the event loop (after the server middleware
    checked the key), so the route itself runs in the thread pool."""
    return await request.body()


def _reject(db: Db, request: Request, slug: str, key: str | None, body: bytes, err: ApiError) -> None:
    """Keep the refused request in raw.rejected_requests; secret headers are
    dropped here and again in SQL (api.ingest_reject), whoever calls it."""
    import json

    headers = json.dumps({k: v for k, v in request.headers.items() if k.lower() not in SECRET_HEADERS})
    db.call("ingest", "SELECT api.ingest_reject(%s, %s, %s, %s::jsonb, %s, %s, %s) AS id",
            (request.url.path, slug, key, headers, body, err.message, err.status))


@router.post("/ingest/{workflow_slug}", status_code=202, response_model=None, openapi_extra=INGEST_BODY,
             responses={202: {"model": IngestResult}},
             summary="Webhook: store one provider payload",
             description="Stores the body in the workflow's raw table; the database extracts, matches and "
                         "coalesces it in the same transaction and the answer says how that went. The entity key "
                         "comes from `?key=`, the envelope, or the payload (registry `payload_key`). "
                         "`Idempotency-Key`: a retry with the same key and body gets the first answer; the key "
                         "reused for another body or workflow is a 422 `idempotency_key_reused`. Unknown workflow: "
                         "404 listing the registered slugs; a body that is not JSON: 400. Both are kept in "
                         "raw.rejected_requests and can be replayed (`hq replay --rejected`). Scope `ingest`.")
def ingest(request: Request,
           workflow_slug: str = Path(..., description=f"A registered workflow. Out of the box: {SLUGS}. "
                                                      "`GET /api/workflows` lists those registered now.",
                                     examples=["clay-find-companies"]),
           key: str | None = Query(None, description="Entity key (domain or LinkedIn URL) when the payload lacks it."),
           idempotency_key: str | None = Header(None, min_length=1, description="Deduplicates retries (at most 255 characters)."),
           x_api_key: str | None = Security(API_KEY), body: bytes = Depends(raw_body), db: Db = Depends(get_db)):
    db.require_key(x_api_key, "ingest")

    def work(conn):  # autocommit: each statement commits unless in conn.transaction()
        try:
            payload = parse_json_body(body)
        except ApiError:
            payload = None  # refused below, after the signature check when the workflow wants one
        if payload is not None:
            # stored at once when the workflow takes unsigned webhooks; else its secrets
            row = conn.execute("SELECT * FROM api.ingest_webhook(%s, %s::jsonb, %s, %s)",
                               (workflow_slug, payload, key, idempotency_key)).fetchone()
            if row["secrets"] is None:
                return row["result"]
            secrets = row["secrets"]
        else:
            secrets = conn.execute("SELECT api.ingest_webhook_secrets(%s) AS s", (workflow_slug,)).fetchone()["s"]
        with conn.transaction():
            # a workflow with a signing secret takes only signed webhooks, each id once
            if secrets:
                webhook_id = verify_signature(workflow_slug, secrets, body, request.headers)
                claimed = conn.execute("SELECT api.ingest_claim_webhook_id(%s, %s, %s) AS ok",
                                       (workflow_slug, webhook_id, REPLAY_TTL_SECONDS)).fetchone()["ok"]
                if not claimed:
                    raise ApiError(409, "webhook_replayed", f"webhook-id {webhook_id[:100]!r} was already received "
                                   f"for {workflow_slug!r}; a replayed webhook is refused (it was stored once)")
            if payload is None:
                payload = parse_json_body(body)  # raises the 400
            return conn.execute("SELECT api.ingest(%s, %s::jsonb, %s, %s) AS r",
                                (workflow_slug, payload, key, idempotency_key)).fetchone()["r"]

    try:
        return db.run("ingest", work, autocommit=True)
    except ApiError as err:
        if err.status == 400 or err.code == "unknown_workflow" or err.field == "workflow_slug":
            _reject(db, request, workflow_slug, key, body, err)
        raise
