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
the field's description says what else is accepted. A long list (over
ENUM_MAX values: countries, industries) is declared as a pattern matching
exactly those values instead, so that property-based tests do not try each
one, and GET /api/filters/{name} lists it. Without a database
(a document built offline) the enums are left out and asked again next time."""

from __future__ import annotations

import logging
import re

from fastapi import FastAPI

log = logging.getLogger("hq.http")

CANONICAL_MARK = "x-canonical"
ENUM_MAX = 40
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


def _escape(value: str) -> str:
    """A literal in a regular expression both ECMA-262 (JSON Schema) and Python read alike."""
    return re.sub(r"([.^$*+?()\[\]{}|\\/])", r"\\\1", value)


def exactly(values: list[str]) -> str:
    """A pattern matching exactly one of `values`."""
    return "^(?:" + "|".join(_escape(v) for v in values) + ")$"


def outbound_url_pattern() -> str:
    """The http(s) URLs whose host HQ_OUTBOUND_HOSTS lists (hq.outbound.check_url also refuses
    hosts that resolve to an internal address)."""
    from hq.outbound import allowed_hosts

    hosts = [r"(?:[A-Za-z0-9-]+\.)+" + re.escape(h[2:]) if h.startswith("*.") else re.escape(h)
             for h in allowed_hosts()] or ["(?!)"]
    return r"^https?://(?:" + "|".join(hosts) + r")(?::[1-9][0-9]{0,3})?(?:[/?#][^\s\x00-\x1f\x7f]*)?$"


NO_NUL = r"^[^\x00]*$"
# Any JSON PostgreSQL's jsonb can hold: no NUL (\u0000) in a string or a key.
JSON_VALUE = {
    "description": "Any JSON value without a NUL (\\u0000) character in a string or key (jsonb cannot hold one).",
    "anyOf": [{"type": "string", "pattern": NO_NUL}, {"type": "number"}, {"type": "boolean"}, {"type": "null"},
              {"type": "array", "items": {"$ref": "#/components/schemas/JsonValue"}},
              {"type": "object", "propertyNames": {"pattern": NO_NUL},
               "additionalProperties": {"$ref": "#/components/schemas/JsonValue"}}]}
JSON_OBJECT = {"type": "object", "propertyNames": {"pattern": NO_NUL},
               "additionalProperties": {"$ref": "#/components/schemas/JsonValue"}}


def document_values(app: FastAPI, db) -> None:
    """Wrap app.openapi so the document carries the enums and patterns above."""
    base = app.openapi
    done = {"canonical": False}

    def openapi():
        schema = base()
        schema.setdefault("components", {}).setdefault("schemas", {}).setdefault("JsonValue", JSON_VALUE)
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
                        listed = values[node[CANONICAL_MARK]]
                        if len(listed) <= ENUM_MAX:
                            _on_strings(node, "enum", listed)
                        else:
                            _on_strings(node, "pattern", exactly(listed))
                done["canonical"] = True
        return schema

    app.openapi = openapi
