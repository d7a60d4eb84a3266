"""Schemathesis hooks for tests/py/test_schemathesis.py (loaded through
SCHEMATHESIS_HOOKS). Each generated request gets an Idempotency-Key of its
own, as a real client gives each delivery: generated keys ("0", "a", ...)
collide across unrelated cases, and a key reused for another body is
rightly refused (422 idempotency_key_reused, tested in test_http_routes)."""

import uuid

import schemathesis


@schemathesis.hook
def map_headers(ctx, headers):
    if headers and "Idempotency-Key" in headers:
        headers["Idempotency-Key"] = uuid.uuid4().hex
    return headers
