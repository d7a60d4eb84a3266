"""Outbound jobs (#21): the queue's jobs, similar-companies batches and the
Sales Navigator -> Clay relay. Creating work answers at once (202); the
worker (`hq worker`) does the calls; the GET routes show progress."""

from __future__ import annotations

import os
import uuid

from fastapi import APIRouter, Depends, File, Form, Header, Response, UploadFile
from pydantic import BaseModel, ConfigDict, Field

from hq import outbound
from hq.http import ApiError, Db, client_error, get_db

router = APIRouter()

DEFAULT_CLAY_RATE = 10.0


class SimilarRequest(BaseModel):
    """A similar-companies batch: domains (or URLs) to look up."""
    model_config = ConfigDict(extra="forbid")
    domains: list[str] = Field(..., min_length=1, max_length=10_000)
    refetch: bool = False
    page_size: int = Field(25, ge=1, le=100)


def _uuid(value: str, field: str) -> str:
    try:
        return str(uuid.UUID(value))
    except ValueError as exc:
        raise ApiError(422, "invalid_request", f"{field} must be a UUID, not {value[:60]!r}", field) from exc


@router.get("/api/jobs/{job_id}")
def job(job_id: int, x_api_key: str | None = Header(None), db: Db = Depends(get_db)):
    db.require_key(x_api_key, "query")
    if not -(2 ** 63) <= job_id < 2 ** 63:
        raise ApiError(422, "invalid_request", "job id out of range", "job_id")
    row = db.call("api", "SELECT api.job(%s) AS r", (job_id,))["r"]
    if row is None:
        raise ApiError(404, "not_found", f"no job with id {job_id}")
    return row


@router.post("/api/companies/similar", status_code=202)
def similar_create(body: SimilarRequest, x_api_key: str | None = Header(None), db: Db = Depends(get_db)):
    db.require_key(x_api_key, "ingest")
    return db.call("api", "SELECT api.similar_batch_create(%s, %s, %s) AS r",
                   (body.domains, body.refetch, body.page_size))["r"]


@router.get("/api/companies/similar/{batch_id}")
def similar_status(batch_id: str, x_api_key: str | None = Header(None), db: Db = Depends(get_db)):
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


@router.post("/api/salesnav/exports", status_code=202)
def salesnav_export(file: UploadFile = File(...), webhook_url: str = Form(...), export_title: str | None = Form(None),
                    export_timestamp: str | None = Form(None), notes: str | None = Form(None),
                    rate_per_second: float | None = Form(None), x_api_key: str | None = Header(None),
                    db: Db = Depends(get_db)):
    db.require_key(x_api_key, "ingest")
    return _relay_export(db, file, webhook_url, export_title, export_timestamp, notes, rate_per_second)


@router.post("/run/salesnav/export/to-clay", status_code=202, deprecated=True)
def salesnav_export_legacy(response: Response, file: UploadFile = File(...), webhook_url: str = Form(...),
                           export_title: str | None = Form(None), export_timestamp: str | None = Form(None),
                           notes: str | None = Form(None), x_api_key: str | None = Header(None),
                           db: Db = Depends(get_db)):
    """Deprecated alias of POST /api/salesnav/exports (the existing system's call)."""
    db.require_key(x_api_key, "ingest")
    result = _relay_export(db, file, webhook_url, export_title, export_timestamp, notes, None)
    response.headers["Deprecation"] = "true"
    response.headers["Link"] = '</api/salesnav/exports>; rel="successor-version"'
    return {**result, "row_count": result["rows"]}


@router.get("/api/salesnav/exports/{export_id}")
def salesnav_export_status(export_id: str, x_api_key: str | None = Header(None), db: Db = Depends(get_db)):
    db.require_key(x_api_key, "query")
    row = db.call("api", "SELECT api.salesnav_export_status(%s) AS r", (_uuid(export_id, "export_id"),))["r"]
    if row is None:
        raise ApiError(404, "not_found", f"no Sales Navigator export {export_id}")
    return row


@router.post("/api/salesnav/exports/{export_id}/resume")
def salesnav_export_resume(export_id: str, x_api_key: str | None = Header(None), db: Db = Depends(get_db)):
    """Send a stopped export's unsent rows again once the webhook accepts them."""
    db.require_key(x_api_key, "ingest")
    row = db.call("api", "SELECT api.salesnav_export_resume(%s) AS r", (_uuid(export_id, "export_id"),))["r"]
    if row is None:
        raise ApiError(404, "not_found", f"no Sales Navigator export {export_id}")
    return row
