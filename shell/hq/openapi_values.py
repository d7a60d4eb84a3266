"""Values /openapi.json declares that live outside the code: the canonical
values of each filter and reference field (enums read from the database's
canonical tables, api.filter_values, when the document is first built) and
the webhook hosts this server may send to (HQ_OUTBOUND_HOSTS).

A request model marks a field with ``json_schema_extra={"x-canonical":
FILTER}`` (a name GET /api/filters/{name} takes) or ``{"x-outbound-url":
true}``; this module puts the ``enum`` / ``pattern`` on the string schemas
under the mark. The server matches canonical values case-insensitively
(and countries by ISO code or alias, job functions by
reference.job_function_aliases): the enum lists the canonical spellings,
the field's description says what else is accepted. Without a database
(a document built offline) the enums are left out and asked again next time."""

from __future__ import annotations

import logging
import re

from fastapi import FastAPI

log = logging.getLogger("hq.http")

CANONICAL_MARK = "x-canonical"
OUTBOUND_MARK = "x-outbound-url"


def _walk(node, found: list) -> None:
    """Every schema dict carrying one of the marks."""
    if isinstance(node, dict):
        if CANONICAL_MARK in node or OUTBOUND_MARK in node:
            found.append(node)
        for v in node.values():
            _walk(v, found)
    elif isinstance(node, list):
        for v in node:
            _walk(v, found)


def _on_strings(schema: dict, key: str, value) -> None:
    """Set schema[key] = value on the string schemas in (arrays of, nullable) `schema`."""
    if schema.get("type") == "string":
        schema[key] = value
    if isinstance(schema.get("items"), dict):
        _on_strings(schema["items"], key, value)
    for branch in schema.get("anyOf", []) + schema.get("oneOf", []):
        _on_strings(branch, key, value)


def outbound_url_pattern() -> str:
    """The http(s) URLs whose host HQ_OUTBOUND_HOSTS lists (hq.outbound.check_url also refuses
    hosts that resolve to an internal address)."""
    from hq.outbound import allowed_hosts

    hosts = [r"(?:[A-Za-z0-9-]+\.)+" + re.escape(h[2:]) if h.startswith("*.") else re.escape(h)
             for h in allowed_hosts()] or ["(?!)"]
    return r"^https?://(?:" + "|".join(hosts) + r")(?::[1-9][0-9]{0,3})?(?:[/?#][^\s\x00-\x1f\x7f]*)?$"


def document_values(app: FastAPI, db) -> None:
    """Wrap app.openapi so the document carries the enums and patterns above."""
    base = app.openapi
    done = {"canonical": False}

    def openapi():
        schema = base()
        marked: list[dict] = []
        _walk(schema.get("components", {}), marked)
        for node in marked:
            if node.get(OUTBOUND_MARK) and "pattern" not in node:
                _on_strings(node, "pattern", outbound_url_pattern())
        if not done["canonical"] and any(CANONICAL_MARK in n for n in marked):
            try:
                names = sorted({n[CANONICAL_MARK] for n in marked if CANONICAL_MARK in n})
                values = {name: db.call("read", "SELECT api.filter_values(%s) AS r", (name,))["r"] for name in names}
            except Exception as exc:  # noqa: BLE001 - no database (offline build, outage): documented without enums
                log.warning("openapi: canonical values not read (%s); enums left out", type(exc).__name__)
            else:
                for node in marked:
                    if CANONICAL_MARK in node:
                        _on_strings(node, "enum", values[node[CANONICAL_MARK]])
                done["canonical"] = True
        return schema

    app.openapi = openapi
