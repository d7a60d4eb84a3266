"""Webhook and bulk-upload ingest (runs as hq_ingest)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, File, Header, Query, Request, UploadFile

from hq.http import ApiError, Db, get_db, parse_json_body

router = APIRouter()


@router.post("/ingest/salesnav/export", status_code=202)
def ingest_salesnav(file: UploadFile = File(...), x_api_key: str | None = Header(None), db: Db = Depends(get_db)):
    from hq.bulk import ingest_stream

    db.require_key(x_api_key, "ingest")
    try:
        with db.connection("ingest") as conn:
            result = ingest_stream(conn, file.file, "salesnav-export")
    except UnicodeDecodeError as exc:
        raise ApiError(422, "invalid_request", f"file is not UTF-8 text: {exc.reason}", "file") from exc
    return result


@router.post("/ingest/{workflow_slug}", status_code=202)
async def ingest(workflow_slug: str, request: Request, key: str | None = Query(None),
                 x_api_key: str | None = Header(None), idempotency_key: str | None = Header(None),
                 db: Db = Depends(get_db)):
    db.require_key(x_api_key, "ingest")
    payload = parse_json_body(await request.body())
    row = db.call("ingest", "SELECT api.ingest(%s, %s::jsonb, %s, %s) AS r",
                  (workflow_slug, payload, key, idempotency_key))
    return row["r"]
