"""Standard Webhooks signatures (https://www.standardwebhooks.com) on
`POST /ingest/{workflow_slug}` for workflows with a signing secret
(`hq workflows secret SLUG`): headers webhook-id, webhook-timestamp (within
5 minutes of now) and webhook-signature (v1,<base64 HMAC-SHA256 of
"id.timestamp.body">), checked with the `standardwebhooks` package."""

from __future__ import annotations

from collections.abc import Mapping

from standardwebhooks import Webhook

from hq.http import ApiError

HEADERS = ("webhook-id", "webhook-timestamp", "webhook-signature")
# A replayed id is refused while its timestamp could still pass the
# 5-minute tolerance either way; kept twice that long.
REPLAY_TTL_SECONDS = 600


def verify_signature(workflow_slug: str, secrets: list[str], body: bytes, headers: Mapping[str, str]) -> str:
    """Return the webhook-id when one of `secrets` signed this delivery;
    raise 401 otherwise (missing headers, bad timestamp, no matching signature)."""
    sent = {h: headers.get(h) for h in HEADERS}
    missing = [h for h, v in sent.items() if not v]
    if missing:
        raise ApiError(401, "signature_required",
                       f"workflow {workflow_slug!r} accepts only signed webhooks (Standard Webhooks); "
                       f"missing header(s): {', '.join(missing)}")
    reason = "no matching signature"
    for secret in secrets:
        try:
            Webhook(secret).verify(body, sent, json_parse=False)
            return sent["webhook-id"]
        except Exception as exc:  # noqa: BLE001 - the library raises several kinds for bad input
            reason = str(exc) or type(exc).__name__
            if "timestamp" in reason.lower():
                break  # the same for every secret
    raise ApiError(401, "invalid_signature", f"webhook signature check failed: {reason}")
