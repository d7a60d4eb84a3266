"""Outbound jobs (#21): the queue's jobs, similar-companies batches and the
Sales Navigator -> Clay relay. Creating work answers at once (202); the
worker (`hq worker`) does the calls; the GET routes show progress."""

from __future__ import annotations

import os
import uuid

from fastapi import APIRouter, Depends, File, Form, Path, Response, Security, UploadFile
from pydantic import BaseModel, ConfigDict, Field

from hq import outbound
from hq.http import API_KEY, ApiError, Db, client_error, get_db
from hq.schemas import (ERRORS, Job, SalesnavExportQueued, SalesnavExportQueuedLegacy, SalesnavExportStatus,
                        SimilarBatchCreated, SimilarBatchStatus)

router = APIRouter(tags=["jobs"], responses=ERRORS)

DEFAULT_CLAY_RATE = 10.0


class SimilarRequest(BaseModel):
    """A similar-companies batch: domains (or URLs) to look up."""
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"domains": ["antimetal.com", "https://www.ironcladapp.com/"], "refetch": False, "page_size": 25}]})
    domains: list[str] = Field(..., min_length=1, max_length=10_000,
                               description="Company domains in any normalizable form; an input that is not a "
                                           "domain is counted `invalid`, not refused.")
    refetch: bool = Field(False, strict=True, description="Call the provider again even for domains fetched before.")
    page_size: int = Field(25, ge=1, le=100, description="Similar companies asked per domain.")


def _uuid(value: str, field: str) -> str:
    try:
        return str(uuid.UUID(value))
    except ValueError as exc:
        raise ApiError(422, "invalid_request", f"{field} must be a UUID, not {value[:60]!r}", field) from exc


UUID_PATH = r"^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$"


@router.get("/api/jobs/{job_id}", response_model=None, responses={200: {"model": Job}}, summary="One job of the queue",
            description="A job of the outbound queue (similar-companies fetches, Sales Navigator relay): its "
                        "status, attempts, events and the error of each failed attempt. 404 when unknown. "
                        "Scope `query`.")
def job(job_id: int = Path(..., ge=1, le=2 ** 63 - 1, description="The job's id.", examples=[42]),
        x_api_key: str | None = Security(API_KEY), db: Db = Depends(get_db)):
    db.require_key(x_api_key, "query")
    row = db.call("api", "SELECT api.job(%s) AS r", (job_id,))["r"]
    if row is None:
        raise ApiError(404, "not_found", f"no job with id {job_id}")
    return row


@router.post("/api/companies/similar", status_code=202, response_model=None,
             responses={202: {"model": SimilarBatchCreated}}, summary="Queue a similar-companies batch",
             description="Queues one provider call per domain not fetched before (joined when another batch "
                         "is fetching it, reused when stored and `refetch` is false); `hq worker` makes the "
                         "calls. Poll `GET /api/companies/similar/{batch_id}`. Scope `ingest`.")
def similar_create(body: SimilarRequest, x_api_key: str | None = Security(API_KEY), db: Db = Depends(get_db)):
    db.require_key(x_api_key, "ingest")
    return db.call("api", "SELECT api.similar_batch_create(%s, %s, %s) AS r",
                   (body.domains, body.refetch, body.page_size))["r"]


@router.get("/api/companies/similar/{batch_id}", response_model=None, responses={200: {"model": SimilarBatchStatus}},
            summary="Progress of a similar-companies batch",
            description="Counts by status, the failures with their error, the rate and an ETA. 404 when "
                        "unknown. Scope `query`.")
def similar_status(batch_id: str = Path(..., pattern=UUID_PATH, description="The batch id (a UUID).",
                                        examples=["0d9f6c3e-52a4-4c1e-9f0e-2b7f6f1d8a11"]),
                   x_api_key: str | None = Security(API_KEY), db: Db = Depends(get_db)):
    db.require_key(x_api_key, "query")
    row = db.call("api", "SELECT api.similar_batch_status(%s) AS r", (_uuid(batch_id, "batch_id"),))["r"]
    if row is None:
        raise ApiError(404, "not_found", f"no similar-companies batch {batch_id}")
    return row


def _clay_rate(value: float | None) -> float:
    rate = value if value is not None else float(os.environ.get("HQ_CLAY_RATE", DEFAULT_CLAY_RATE))
    if not 0 < rate <= 1000:
        raise ApiError(422, "invalid_request", "rate_per_second must be above 0 and at most 1000", "rate_per_second")
    return rate


def _relay_export(db: Db, file: UploadFile, webhook_url: str, export_title: str | None,
                  export_timestamp: str | None, notes: str | None, rate: float | None) -> dict:
    from hq.bulk import ingest_stream

    try:
        url = outbound.check_url(webhook_url)
    except outbound.OutboundRefused as exc:
        raise ApiError(422, "invalid_request", str(exc), "webhook_url") from exc
    rate = _clay_rate(rate)
    try:
        with db.connection("ingest") as conn:
            loaded = ingest_stream(conn, file.file, "salesnav-export")
            queued = conn.execute("SELECT api.ingest_salesnav_export(%s, %s, %s, %s, %s, %s::numeric) AS r",
                                  (loaded["batch_id"], url, export_title, export_timestamp, notes, rate)).fetchone()
            conn.commit()
    except UnicodeDecodeError as exc:
        raise ApiError(422, "invalid_request", f"file is not UTF-8 text: {exc.reason}", "file") from exc
    except Exception as exc:  # noqa: BLE001 - database input errors become 4xx, the rest re-raises
        import psycopg

        if isinstance(exc, psycopg.errors.Error):
            client_error(exc)
        raise
    r = queued["r"]
    return {**r, "loaded": loaded["loaded"], "extracted": loaded.get("extracted"), "failed": loaded.get("failed"),
            "rate_per_second": rate}


WEBHOOK_URL = ("The Clay table's webhook URL (https). Hosts on private networks are refused unless listed in "
               "HQ_OUTBOUND_HOSTS.")


@router.post("/api/salesnav/exports", status_code=202, response_model=None,
             responses={202: {"model": SalesnavExportQueued}}, summary="Relay a Sales Navigator export to Clay",
             description="Multipart: `file` (the export, CSV or TSV) is loaded into raw.salesnav_scrapes like "
                         "`POST /ingest/salesnav/export`, then each row is queued for delivery to `webhook_url` "
                         "at `rate_per_second` (default HQ_CLAY_RATE) by `hq worker`. Poll "
                         "`GET /api/salesnav/exports/{export_id}`. Scope `ingest`.")
def salesnav_export(file: UploadFile = File(..., description="The Sales Navigator export (CSV or TSV)."),
                    webhook_url: str = Form(..., description=WEBHOOK_URL, json_schema_extra={"x-outbound-url": True}),
                    export_title: str | None = Form(None), export_timestamp: str | None = Form(None),
                    notes: str | None = Form(None),
                    rate_per_second: float = Form(None, gt=0, le=1000, description="Rows per second (default HQ_CLAY_RATE)."),
                    x_api_key: str | None = Security(API_KEY), db: Db = Depends(get_db)):
    db.require_key(x_api_key, "ingest")
    return _relay_export(db, file, webhook_url, export_title, export_timestamp, notes, rate_per_second)


@router.post("/run/salesnav/export/to-clay", status_code=202, deprecated=True, response_model=None,
             responses={202: {"model": SalesnavExportQueuedLegacy}},
             summary="Deprecated: relay a Sales Navigator export to Clay",
             description="The existing system's call, kept for its callers: `POST /api/salesnav/exports` with "
                         "`row_count` in the answer and the rate from HQ_CLAY_RATE. The answer carries "
                         "`Deprecation` and a `Link` to the successor. Scope `ingest`.")
def salesnav_export_legacy(response: Response, file: UploadFile = File(..., description="The export (CSV or TSV)."),
                           webhook_url: str = Form(..., description=WEBHOOK_URL, json_schema_extra={"x-outbound-url": True}),
                           export_title: str | None = Form(None), export_timestamp: str | None = Form(None),
                           notes: str | None = Form(None), x_api_key: str | None = Security(API_KEY),
                           db: Db = Depends(get_db)):
    db.require_key(x_api_key, "ingest")
    result = _relay_export(db, file, webhook_url, export_title, export_timestamp, notes, None)
    response.headers["Deprecation"] = "true"
    response.headers["Link"] = '</api/salesnav/exports>; rel="successor-version"'
    return {**result, "row_count": result["rows"]}


EXPORT_ID = Path(..., pattern=UUID_PATH, description="The export id (a UUID).",
                 examples=["5b0d3c55-8d7e-4b0c-a3f6-1f9e3a2c7d10"])


@router.get("/api/salesnav/exports/{export_id}", response_model=None, responses={200: {"model": SalesnavExportStatus}},
            summary="Progress of a relayed export",
            description="Rows sent, pending and failed (with their last error), the rate, and whether the "
                        "relay stopped (the webhook refused the rows). 404 when unknown. Scope `query`.")
def salesnav_export_status(export_id: str = EXPORT_ID, x_api_key: str | None = Security(API_KEY),
                           db: Db = Depends(get_db)):
    db.require_key(x_api_key, "query")
    row = db.call("api", "SELECT api.salesnav_export_status(%s) AS r", (_uuid(export_id, "export_id"),))["r"]
    if row is None:
        raise ApiError(404, "not_found", f"no Sales Navigator export {export_id}")
    return row


@router.post("/api/salesnav/exports/{export_id}/resume", response_model=None,
             responses={200: {"model": SalesnavExportStatus}}, summary="Resume a stopped relay",
             description="Queues a stopped export's unsent rows again (once the webhook accepts them); answers "
                         "the export's status. 404 when unknown. Scope `ingest`.")
def salesnav_export_resume(export_id: str = EXPORT_ID, x_api_key: str | None = Security(API_KEY),
                           db: Db = Depends(get_db)):
    db.require_key(x_api_key, "ingest")
    row = db.call("api", "SELECT api.salesnav_export_resume(%s) AS r", (_uuid(export_id, "export_id"),))["r"]
    if row is None:
        raise ApiError(404, "not_found", f"no Sales Navigator export {export_id}")
    return row
