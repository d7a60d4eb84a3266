"""``hq import-legacy``: bring a database laid out as the existing system's
schema into HQ through HQ's own ingest path.

What is read and what HQ does with each table is SQL (``core.legacy_import_plan``,
``core.legacy_import_batch``); this module only moves rows: a server-side
cursor on the legacy database (one read-only, repeatable-read transaction)
feeds ``COPY`` into a temp table on HQ, one committed transaction per batch,
resuming after each table's checkpoint. The legacy connection string never
appears in output or errors: only host, port and database name do.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict
from psycopg.rows import dict_row

# rows of the plan's inner query after each table's checkpoint (oldest
# first, legacy ids compared in "C" order on both sides), or the given ids
STREAM = """SELECT s.legacy_id, s.created_at, s.workflow_slug, s.key_value, s.payload FROM ({inner}) s
WHERE (%(ids)s::text[] IS NULL
       AND (coalesce(s.created_at, '-infinity'::timestamptz), s.legacy_id COLLATE "C") > (%(ts)s::timestamptz, %(id)s::text COLLATE "C"))
   OR s.legacy_id = ANY (%(ids)s::text[])
ORDER BY coalesce(s.created_at, '-infinity'::timestamptz), s.legacy_id COLLATE "C\""""
COUNT = "SELECT s.workflow_slug, count(*) AS n FROM ({inner}) s GROUP BY 1 ORDER BY 1"
STAGE = """CREATE TEMP TABLE IF NOT EXISTS legacy_batch (legacy_id text, created_at timestamptz, workflow_slug text,
key_value text, payload text) ON COMMIT DELETE ROWS"""


class LegacyImportError(RuntimeError):
    """A failure of the import, its message free of the connection string."""


def describe(url: str) -> str:
    """host:port/dbname of a connection string: what reports and errors name."""
    try:
        d = conninfo_to_dict(url)
    except psycopg.Error:
        return "the legacy database (connection string not understood)"
    return f"{d.get('host') or 'localhost'}:{d.get('port') or 5432}/{d.get('dbname') or d.get('user') or ''}"


def scrub(message: str, url: str) -> str:
    """The message with the connection string and its password taken out."""
    secrets = [url]
    try:
        pw = conninfo_to_dict(url).get("password")
        if pw:
            secrets.append(pw)
    except psycopg.Error:
        pass
    for s in sorted(secrets, key=len, reverse=True):
        message = message.replace(s, "***")
    return message


def open_legacy(url: str) -> psycopg.Connection:
    """A read-only, repeatable-read connection to the legacy database."""
    try:
        conn = psycopg.connect(url, row_factory=dict_row, connect_timeout=10)
    except Exception as exc:  # noqa: BLE001 - re-raised without the URL, and without the chained original
        first = scrub(str(exc), url).strip().splitlines()
        raise LegacyImportError(f"cannot connect to the legacy database {describe(url)}: "
                                f"{first[-1] if first else type(exc).__name__}") from None
    conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
    conn.read_only = True
    return conn


def _plan(hq: psycopg.Connection, legacy: psycopg.Connection) -> list[dict]:
    plan = hq.execute("SELECT * FROM core.legacy_import_plan() ORDER BY ord").fetchall()
    hq.commit()
    for p in plan:
        p["exists"] = legacy.execute("SELECT to_regclass(%s) IS NOT NULL AS e", (p["legacy_table"],)).fetchone()["e"]
        p["by_slug"] = ({r["workflow_slug"]: r["n"] for r in legacy.execute(COUNT.format(inner=p["inner_sql"]))}
                        if p["exists"] else {})
        p["legacy_rows"] = sum(p["by_slug"].values())
    return plan


def _registry(hq: psycopg.Connection) -> dict:
    rows = hq.execute("SELECT workflow_slug, raw_table, is_active FROM reference.enrichment_workflow_registry").fetchall()
    hq.commit()
    return {r["workflow_slug"]: r for r in rows}


def _copy_batch(hq: psycopg.Connection, rows: list[dict]) -> None:
    with hq.cursor().copy("COPY pg_temp.legacy_batch (legacy_id, created_at, workflow_slug, key_value, payload) FROM STDIN") as cp:
        for r in rows:
            cp.write_row((r["legacy_id"], r["created_at"], r["workflow_slug"], r["key_value"], r["payload"]))


def _stream(hq, legacy, source: str, p: dict, params: dict, batch_size: int, advance: bool, on_rows) -> int:
    """One pass over a legacy table: batches COPYed and imported, one commit each."""
    n = 0
    with legacy.cursor(name=f"legacy_{p['ord']}_{int(advance)}") as cur:
        cur.itersize = batch_size
        cur.execute(STREAM.format(inner=p["inner_sql"]), params)
        while rows := cur.fetchmany(batch_size):
            _copy_batch(hq, rows)
            hq.execute("SELECT core.legacy_import_batch(%s, %s, %s, %s)", (source, p["legacy_table"], p["kind"], advance))
            hq.commit()
            n += len(rows)
            on_rows(len(rows))
    return n


def import_legacy(hq_url: str, legacy_url: str, *, dry_run: bool = False, batch_size: int = 5000,
                  report_path: Path | None = None, out=None, progress: bool = True) -> dict:
    """Run (or with dry_run, only plan) an import; returns the report."""
    try:
        return _import(hq_url, legacy_url, dry_run, batch_size, report_path, out, progress)
    except LegacyImportError:
        raise
    except Exception as exc:  # noqa: BLE001 - the message may quote the URL: scrubbed, chain dropped
        raise LegacyImportError(scrub(f"{type(exc).__name__}: {exc}", legacy_url).strip().splitlines()[0]) from None


def _import(hq_url, legacy_url, dry_run, batch_size, report_path, out, progress) -> dict:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    out = out or Console()
    source = describe(legacy_url)
    started = time.time()
    with psycopg.connect(hq_url, row_factory=dict_row) as hq, open_legacy(legacy_url) as legacy:
        plan = _plan(hq, legacy)
        registry = _registry(hq)
        done = {r["legacy_table"]: r for r in hq.execute(
            "SELECT legacy_table, last_created_at::text AS last_created_at, last_id, rows_seen FROM reference.legacy_import_checkpoints "
            "WHERE source = %s", (source,)).fetchall()}
        hq.commit()
        if dry_run:
            report = _dry_run(plan, registry, done, source)
            _print_dry_run(out, report)
            return report
        hq.execute(STAGE)
        # every client's leads (row-level security on client tables applies to a deploying user that is not their owner)
        hq.execute("SELECT set_config('hq.client_domain', '*', false)")
        hq.commit()
        bar = Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                       console=out, disable=not progress)
        with bar:
            for p in plan:
                if not p["exists"] or p["kind"] == "not_imported":
                    continue
                ck = done.get(p["legacy_table"]) or {}
                remaining = max(p["legacy_rows"] - (ck.get("rows_seen") or 0), 0)
                task = bar.add_task(p["legacy_table"], total=remaining)
                advance = lambda k, task=task: bar.advance(task, k)  # noqa: E731
                if p["kind"] == "payload":  # rows skipped earlier whose workflow is now registered
                    ids = [r["legacy_id"] for r in hq.execute(
                        "SELECT s.legacy_id FROM reference.legacy_import_skips s "
                        "JOIN reference.enrichment_workflow_registry r ON r.workflow_slug = s.workflow_slug AND r.is_active "
                        "WHERE s.source = %s AND s.legacy_table = %s", (source, p["legacy_table"])).fetchall()]
                    hq.commit()
                    if ids:
                        _stream(hq, legacy, source, p, {"ids": ids, "ts": None, "id": None}, batch_size, False, lambda k: None)
                params = {"ids": None, "ts": ck.get("last_created_at") or "-infinity", "id": ck.get("last_id") or ""}
                _stream(hq, legacy, source, p, params, batch_size, True, advance)
        legacy_leads = None
        if legacy.execute("SELECT to_regclass('core.leads') IS NOT NULL AS e").fetchone()["e"]:
            legacy_leads = legacy.execute("SELECT count(*) AS n FROM core.leads").fetchone()["n"]
        hq_side = hq.execute("SELECT api.legacy_import_report(%s) AS r", (source,)).fetchone()["r"]
        hq.commit()
    report = _report(plan, registry, hq_side, source, legacy_leads, started)
    _print_report(out, report)
    if report_path:
        report_path.write_text(json.dumps(report, indent=2, default=str) + "\n")
        out.print(f"report written to {report_path}", highlight=False)
    return report


def _dry_run(plan: list[dict], registry: dict, done: dict, source: str) -> dict:
    tables = []
    for p in plan:
        rows = []
        for slug, n in sorted(p["by_slug"].items(), key=lambda kv: str(kv[0])):
            reg = registry.get(slug) if p["kind"] == "payload" else None
            if p["kind"] == "payload":
                target = reg["raw_table"] if reg and reg["is_active"] else None
                action = ("import" if target else
                          "skip: workflow_slug not registered in HQ" if not reg else "skip: workflow inactive in HQ")
            else:
                target, action = None, ("not imported: " + (p["note"] or "") if p["kind"] == "not_imported" else p["note"])
            rows.append({"workflow_slug": slug, "legacy_rows": n, "hq_target": target, "action": action})
        tables.append({"legacy_table": p["legacy_table"], "present": p["exists"], "kind": p["kind"],
                       "legacy_rows": p["legacy_rows"], "already_read": (done.get(p["legacy_table"]) or {}).get("rows_seen", 0),
                       "workflows": rows})
    return {"source": source, "dry_run": True, "tables": tables}


def _print_dry_run(out, report: dict) -> None:
    from rich.table import Table

    t = Table("legacy table", "workflow", "rows", "already read", "HQ target / action", title=f"import plan for {report['source']}")
    for tb in report["tables"]:
        if not tb["present"]:
            t.add_row(tb["legacy_table"], "-", "-", "-", "absent in the legacy database")
            continue
        if not tb["workflows"]:
            t.add_row(tb["legacy_table"], "-", "0", str(tb["already_read"]), "empty")
        for w in tb["workflows"]:
            t.add_row(tb["legacy_table"], str(w["workflow_slug"] or "-"), f"{w['legacy_rows']:,}", f"{tb['already_read']:,}",
                      w["hq_target"] and f"{w['hq_target']} ({w['action']})" or (w["action"] or ""))
    out.print(t)


def _report(plan, registry, hq_side, source, legacy_leads, started) -> dict:
    raw = hq_side["raw"]
    skipped = hq_side["skipped"]
    outcomes = hq_side["outcomes"]
    tables = []
    for p in plan:
        lt = p["legacy_table"]
        entry = {"legacy_table": lt, "present": p["exists"], "kind": p["kind"], "legacy_rows": p["legacy_rows"],
                 "read": hq_side["checkpoints"].get(lt, 0)}
        if p["kind"] == "payload":
            mine = [r for r in raw if r["legacy_table"] == lt]
            entry["imported"] = sum(r["extracted"] + r["superseded"] + r["pending"] for r in mine)
            entry["failed"] = sum(r["failed"] for r in mine)
            entry["skipped"] = sum(s["rows"] for s in skipped if s["legacy_table"] == lt)
            entry["unaccounted"] = p["legacy_rows"] - entry["imported"] - entry["failed"] - entry["skipped"]
            entry["workflows"] = mine
            entry["skipped_workflows"] = [s for s in skipped if s["legacy_table"] == lt]
        elif p["kind"] == "not_imported":
            entry["reason"] = p["note"]
        else:
            entry["outcomes"] = [o for o in outcomes if o["legacy_table"] == lt]
        tables.append(entry)
    skipped_slugs = sorted({s["workflow_slug"] or "(none)" for s in skipped})
    return {"source": source, "dry_run": False, "seconds": round(time.time() - started, 1), "tables": tables,
            "skipped_workflow_slugs": skipped_slugs,
            "leads": {"legacy": legacy_leads, "hq": hq_side["hq_leads"]},
            "client_leads_hq": hq_side["hq_client_leads"], "lookup_review_open": hq_side["review_open"]}


def _print_report(out, report: dict) -> None:
    from rich.table import Table

    t = Table("legacy table", "legacy rows", "imported", "failed", "skipped", "notes", title=f"import from {report['source']}")
    for tb in report["tables"]:
        if not tb["present"]:
            continue
        if tb["kind"] == "payload":
            notes = "; ".join([f"{e['error']} (x{e['count']})" for w in tb["workflows"] for e in w["errors"][:2]]
                              + [f"{s['workflow_slug']}: {s['reason']} (x{s['rows']})" for s in tb["skipped_workflows"]])
            t.add_row(tb["legacy_table"], f"{tb['legacy_rows']:,}", f"{tb['imported']:,}", f"{tb['failed']:,}",
                      f"{tb['skipped']:,}", notes)
        elif tb["kind"] == "not_imported":
            t.add_row(tb["legacy_table"], f"{tb['legacy_rows']:,}", "-", "-", f"{tb['legacy_rows']:,}", tb["reason"])
        else:
            o = {x["outcome"]: x["rows"] for x in tb["outcomes"]}
            notes = "; ".join(f"{x['outcome']}: {x['rows']:,}" + (f" ({x['reason']})" if x["reason"] else "")
                              for x in tb["outcomes"] if x["outcome"] != "imported")
            t.add_row(tb["legacy_table"], f"{tb['legacy_rows']:,}", f"{o.get('imported', 0):,}", "-", "-", notes)
    out.print(t)
    leads = report["leads"]
    out.print(f"leads: legacy {leads['legacy'] if leads['legacy'] is not None else '-'} vs HQ {leads['hq']:,}; "
              f"client leads in HQ: {report['client_leads_hq']:,}; lookup values to review: {report['lookup_review_open']:,}",
              highlight=False)
    if report["skipped_workflow_slugs"]:
        out.print("skipped workflow slugs (register them with `hq workflows add`, then run the import again): "
                  + ", ".join(report["skipped_workflow_slugs"]), highlight=False)
