"""The same database check at the end of a reliability test (issue #17):

- every acknowledged delivery is stored exactly once (by raw id, or by
  idempotency key: a webhook's Idempotency-Key, a bulk row's delivery key);
- none is left pending;
- no entity twice: keys are stored normalized and unique;
- every company has its golden row;
- a golden recompute (leads, then every golden company and person) changes
  nothing: what the triggers maintained is what a full refresh computes.

Usage: ``assert_integrity(db_url, raw_ids={"raw.person_payloads": [...]},
idempotency_keys={"raw.salesnav_scrapes": [...]})``; each argument may be
omitted. Raises AssertionError naming what is wrong.
"""

from __future__ import annotations

from collections import Counter

import psycopg
from psycopg import sql


def _raw_tables(conn: psycopg.Connection) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT DISTINCT raw_table FROM reference.enrichment_workflow_registry ORDER BY 1").fetchall()]


def _table(name: str) -> sql.Identifier:
    return sql.Identifier(*name.split("."))


def assert_integrity(url: str, *, raw_ids: dict[str, list] | None = None,
                     idempotency_keys: dict[str, list[str]] | None = None) -> dict:
    """Run every check; returns a few counts for the caller's own assertions."""
    problems: list[str] = []
    with psycopg.connect(url) as conn:
        for table, ids in (raw_ids or {}).items():
            found = Counter(r[0] for r in conn.execute(
                sql.SQL("SELECT id::text FROM {} WHERE id = ANY (%s::uuid[])").format(_table(table)),
                ([str(i) for i in ids],)).fetchall())
            missing = [i for i in map(str, ids) if found[i] != 1]
            if missing:
                problems.append(f"{table}: {len(missing)} acknowledged raw ids not stored exactly once, e.g. {missing[:3]}")
        for table, keys in (idempotency_keys or {}).items():
            found = Counter(r[0] for r in conn.execute(
                sql.SQL("SELECT idempotency_key FROM {} WHERE idempotency_key = ANY (%s)").format(_table(table)),
                (list(keys),)).fetchall())
            missing = [k for k in keys if found[k] != 1]
            if missing:
                problems.append(f"{table}: {len(missing)} delivery keys not stored exactly once, e.g. {missing[:3]}")
        pending = {}
        for table in _raw_tables(conn):
            n = conn.execute(sql.SQL("SELECT count(*) FROM {} WHERE extraction_status = 'pending'").format(
                _table(table))).fetchone()[0]
            if n:
                pending[table] = n
        if pending:
            problems.append(f"raw rows left pending: {pending}")
        dup = conn.execute("""SELECT
            (SELECT count(*) FROM core.companies WHERE domain IS DISTINCT FROM core.normalize_domain(domain)),
            (SELECT count(*) FROM (SELECT core.normalize_domain(domain) FROM core.companies GROUP BY 1 HAVING count(*) > 1) d),
            (SELECT count(*) FROM core.people WHERE linkedin_url IS DISTINCT FROM core.normalize_linkedin_url(linkedin_url)),
            (SELECT count(*) FROM (SELECT lower(linkedin_url) FROM core.people
                                   WHERE NOT core.is_salesnav_key(linkedin_url) GROUP BY 1 HAVING count(*) > 1) p),
            (SELECT count(*) FROM core.companies c WHERE NOT EXISTS
               (SELECT 1 FROM core.companies_full f WHERE f.domain = c.domain)),
            (SELECT count(*) FROM core.people p WHERE NOT EXISTS
               (SELECT 1 FROM core.people_full f WHERE f.linkedin_url = p.linkedin_url))""").fetchone()
        labels = ["companies with a domain not in normalized form", "domains stored twice",
                  "people with a LinkedIn URL not in normalized form", "public profile URLs stored twice",
                  "companies without a golden row", "people without a golden row"]
        problems += [f"{label}: {n}" for label, n in zip(labels, dup) if n]
        with conn.transaction(force_rollback=True):
            leads = conn.execute("SELECT core.refresh_leads(ARRAY(SELECT linkedin_url FROM core.people))").fetchone()[0]
            companies = conn.execute(
                "SELECT core.refresh_companies_full(ARRAY(SELECT domain FROM core.companies))").fetchone()[0]
            people = conn.execute(
                "SELECT core.refresh_people_full(ARRAY(SELECT linkedin_url FROM core.people))").fetchone()[0]
        if leads or companies or people:
            problems.append(f"a golden recompute changed {leads} leads, {companies} golden companies, "
                            f"{people} golden people")
        counts = conn.execute("SELECT (SELECT count(*) FROM core.companies), (SELECT count(*) FROM core.people), "
                              "(SELECT count(*) FROM core.leads)").fetchone()
    assert not problems, "integrity check failed:\n" + "\n".join(problems)
    return {"companies": counts[0], "people": counts[1], "leads": counts[2]}
