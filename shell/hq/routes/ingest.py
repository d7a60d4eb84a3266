"""Webhook and bulk-upload ingest (runs as hq_ingest)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, File, Header, Query, Request, UploadFile

from hq.http import ApiError, Db, get_db, parse_json_body
from hq.webhooks import REPLAY_TTL_SECONDS, verify_signature

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


async def raw_body(request: Request) -> bytes:
    """The body as sent, read on the event loop (after the server middleware
    checked the key), so the route itself can run in the thread pool."""
    return await request.body()


@router.post("/ingest/{workflow_slug}", status_code=202)
def ingest(workflow_slug: str, request: Request, body: bytes = Depends(raw_body), key: str | None = Query(None),
           x_api_key: str | None = Header(None), idempotency_key: str | None = Header(None),
           db: Db = Depends(get_db)):
    db.require_key(x_api_key, "ingest")

    def work(conn):
        # a workflow with a signing secret takes only signed webhooks, each id once
        secrets = conn.execute("SELECT api.ingest_webhook_secrets(%s) AS s", (workflow_slug,)).fetchone()["s"]
        if secrets:
            webhook_id = verify_signature(workflow_slug, secrets, body, request.headers)
            claimed = conn.execute("SELECT api.ingest_claim_webhook_id(%s, %s, %s) AS ok",
                                   (workflow_slug, webhook_id, REPLAY_TTL_SECONDS)).fetchone()["ok"]
            if not claimed:
                raise ApiError(409, "webhook_replayed", f"webhook-id {webhook_id[:100]!r} was already received for "
                               f"{workflow_slug!r}; a replayed webhook is refused (it was stored once)")
        payload = parse_json_body(body)
        return conn.execute("SELECT api.ingest(%s, %s::jsonb, %s, %s) AS r",
                            (workflow_slug, payload, key, idempotency_key)).fetchone()
    return db.run("ingest", work)["r"]
