"""The one-row path (a webhook: a single-row INSERT into a raw table, made by
api.ingest) reads every core, extracted and raw table through an index
condition, for every registered workflow, on a warehouse that holds enough
rows for a sequential scan to cost what the warehouse holds.

Plans come from auto_explain (every nested statement, as notices); a scan of
a core, extracted or raw table that is a Seq Scan, or an index scan without
an Index Cond (a full index walk), fails the test and names the statement.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import uuid
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from hq.bench import load_warehouse
from live import HQ

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
# Fixtures of providers HQ does not ship (samples for `hq workflows add`): the
# warehouse registers them with that command, so a workflow added as data is
# held to the same one-row plans as the shipped ones.
ADDED_WORKFLOWS = {"apollo-person": ["--entity", "person", "--raw-table", "raw.person_payloads",
                                     "--key-column", "linkedin_url", "--source", "apollo"]}
PEOPLE, COMPANIES = 20_000, 5_000
SCHEMAS = {"core", "extracted", "raw"}


@pytest.fixture(scope="module")
def warehouse(server_url, template_db):
    """A database cloned from the template, filled through the ingest path with
    20,000 people at ~48,000 companies, 5,000 of them enriched (so there are
    leads), the sample workflows registered by `hq workflows add`, and 1,000
    variants of every workflow's fixture (so every table the one-row path
    reads holds rows; VC portfolio variants name a firm each), analyzed."""
    name = f"hq_plans_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(sql.Identifier(name), sql.Identifier(template_db)))
    url = f"{server_url.rpartition('/')[0]}/{name}"
    for slug, args in ADDED_WORKFLOWS.items():
        added = subprocess.run([HQ, "workflows", "add", slug, *args, "--sample", str(FIXTURES / f"{slug}.json"), "--apply"],
                               env={**os.environ, "DATABASE_URL": url}, capture_output=True, text=True, timeout=300)
        assert added.returncode == 0, added.stderr
    with psycopg.connect(url) as conn:
        load_warehouse(conn, PEOPLE, COMPANIES, "w")
        for _, slug, payload in DELIVERIES[:-2]:
            _load_variants(conn, slug, payload, 1000)
        conn.execute("ANALYZE")
        conn.commit()
    yield url
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def _deliveries() -> list[tuple[str, str, dict]]:
    """(test id, workflow, payload): every fixture, plus an update of a person and
    of a company the warehouse already holds (the branches that replace rows)."""
    out = []
    for path in sorted(FIXTURES.glob("*.json")):
        slug = path.name.split(".")[0]
        out.append((path.stem, slug, json.loads(path.read_text())))
    with (FIXTURES / "salesnav-export.csv").open(newline="") as fh:
        for k, row in enumerate(csv.DictReader(fh)):
            out.append((f"salesnav-export-row{k + 1}", "salesnav-export", row))
    from hq.bench import _company_payload, _person_payload

    known = _person_payload(123, "w")
    known["title"] = known["experience"][0]["title"] = "Chief Executive Officer"
    out.append(("known-person", "clay-person-profile", known))
    company = _company_payload(77, "w")
    company["employees"] = "51-200"
    out.append(("known-company", "companyenrich-company", company))
    return out


DELIVERIES = _deliveries()


# Fields varied beside the entity key, so that the tables they feed hold as
# many rows as the variants (a portfolio list per VC firm: one firm per variant).
VARIED_FIELDS = {"vc-portfolio": ("vc_firm_name", "vc_firm_domain"), "crunchbase-portfolio": ("vc_name", "vc_domain")}


def _load_variants(conn: psycopg.Connection, slug: str, payload: dict, n: int) -> None:
    """n copies of a fixture under keys of their own, in one INSERT (one batch
    through the ingest trigger)."""
    table, key = conn.execute("SELECT raw_table, payload_key FROM reference.enrichment_workflow_registry "
                              "WHERE workflow_slug = %s", (slug,)).fetchone()
    expr, params = sql.SQL("%s::jsonb"), [json.dumps(payload)]
    for field in (key, *VARIED_FIELDS.get(slug, ())):
        original = payload[field]
        variant = (f"{original}-v%s" if "linkedin.com" in original else f"v%s-{original}")
        expr = sql.SQL("jsonb_set({}, ARRAY[%s], to_jsonb(format(%s, i)))").format(expr)
        params += [field, variant]
    conn.execute(sql.SQL("INSERT INTO {} (workflow_slug, raw_payload) SELECT %s, {} FROM generate_series(1, %s) AS i").format(
                     sql.Identifier(*table.split(".")), expr),
                 (slug, *params, n))
    conn.commit()


def _full_scans(node: dict, found: list[str]) -> None:
    if node.get("Schema") in SCHEMAS and "Relation Name" in node:
        kind = node["Node Type"]
        if kind == "Seq Scan" or (kind in ("Index Scan", "Index Only Scan") and "Index Cond" not in node):
            found.append(f"{kind} on {node['Schema']}.{node['Relation Name']}")
    for child in node.get("Plans", []):
        _full_scans(child, found)


def one_row_plans(url: str, slug: str, payload: dict) -> tuple[dict, list[dict]]:
    """Deliver one payload through api.ingest in a transaction rolled back
    after; return its answer and the plan of every statement it ran."""
    notices: list[str] = []
    with psycopg.connect(url) as conn:
        conn.add_notice_handler(lambda d: notices.append(d.message_primary or ""))
        conn.execute("LOAD 'auto_explain'")
        for setting in ("auto_explain.log_min_duration = 0", "auto_explain.log_nested_statements = on",
                        "auto_explain.log_analyze = off", "auto_explain.log_level = notice",
                        "auto_explain.log_format = json", "auto_explain.log_verbose = on"):
            conn.execute(f"SET {setting}")
        answer = conn.execute("SELECT api.ingest(%s, %s::jsonb)", (slug, json.dumps(payload))).fetchone()[0]
        conn.rollback()
    plans = []
    for text in notices:
        start = text.find("{")
        if start >= 0:
            plans.append(json.loads(text[start:]))
    return answer, plans


@pytest.mark.parametrize("slug,payload", [d[1:] for d in DELIVERIES], ids=[d[0] for d in DELIVERIES])
def test_one_row_path_probes_indexes(warehouse, slug, payload):
    answer, plans = one_row_plans(warehouse, slug, payload)
    assert answer["extraction_status"] == "extracted", answer
    with psycopg.connect(warehouse) as conn:
        entity = conn.execute("SELECT entity_type FROM reference.enrichment_workflow_registry WHERE workflow_slug = %s",
                              (slug,)).fetchone()[0]
    # client leads have a short pipeline of their own (client.process_leads); companies and people the long one
    minimum = 5 if entity == "client_lead" else 20
    assert len(plans) > minimum, "auto_explain reported too few statements: the pipeline did not run under it"
    offending = []
    for plan in plans:
        found: list[str] = []
        _full_scans(plan["Plan"], found)
        if found:
            offending.append(f"{', '.join(found)} in: {' '.join(plan['Query Text'].split())[:300]}")
    assert not offending, "full scans on the one-row path:\n" + "\n".join(offending)
