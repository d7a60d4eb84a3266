"""The CLI side of #21: ``hq worker``, ``hq jobs``, ``hq priority load``,
``hq worklist export``. Files are read and written here; normalizing,
deduplicating and choosing rows happen in the api.* functions."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import logging
import os
import sys
from pathlib import Path

from psycopg.types.json import Jsonb

from hq.bulk import sniff_delimited

PRIORITY_CHUNK = 5000
WORKLIST_PAGE = 2000
WORKLIST_COLUMNS = {
    "person": ["linkedin_url", "full_name", "cleaned_title", "job_function", "seniority", "person_country",
               "company_domain", "company_name", "company_country", "company_linkedin_url"],
    "company": ["domain", "name", "linkedin_url", "country", "people_waiting"],
}


def run_worker(url: str, concurrency: int, queues: list[str] | None, burst: bool) -> None:
    from hq.worker import run

    logging.basicConfig(level=os.environ.get("HQ_LOG_LEVEL", "INFO"),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    asyncio.run(run(url, concurrency, queues, wait=not burst))


def show_jobs(conn, out, job_id: int | None, status: str | None, task: str | None, limit: int) -> None:
    from rich.table import Table

    if job_id is not None:
        job = conn.execute("SELECT api.job(%s) AS j", (job_id,)).fetchone()["j"]
        if job is None:
            raise RuntimeError(f"no job with id {job_id}")
        out.print(json.dumps(job, indent=2, default=str), highlight=False, markup=False, soft_wrap=True)
        return
    counts = conn.execute("SELECT * FROM api.job_counts()").fetchall()
    for c in counts:
        out.print(f"{c['task']} {c['status']}: {c['jobs']}", highlight=False, soft_wrap=True)
    if not counts:
        out.print("no jobs", highlight=False)
    rows = conn.execute("SELECT * FROM api.jobs(%s, %s, %s)", (status, task, limit)).fetchall()
    table = Table("id", "task", "status", "attempts", "args", "last event", "last error")
    for r in rows:
        table.add_row(str(r["id"]), r["task"], r["status"], str(r["attempts"]), json.dumps(r["args"]),
                      r["last_event_at"].strftime("%H:%M:%S") if r["last_event_at"] else "-",
                      (r["last_error"] or "")[:80])
    out.print(table)


def read_rows(file: Path) -> list[dict]:
    """Rows of a CSV/TSV (delimiter sniffed) or NDJSON file, as dicts."""
    text = file.read_text(encoding="utf-8-sig")
    dialect = sniff_delimited(text[:65536])
    if dialect is None:
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
    return [{(k or "").strip().lower().replace(" ", "_"): v for k, v in row.items()} for row in reader]


def load_priority(conn, file: Path, source: str) -> dict:
    rows = read_rows(file)
    total = {"rows": 0, "inserted": 0, "updated": 0, "unchanged": 0, "invalid": 0, "errors": []}
    for start in range(0, max(len(rows), 1), PRIORITY_CHUNK):
        chunk = rows[start:start + PRIORITY_CHUNK]
        r = conn.execute("SELECT api.priority_load(%s, %s) AS r", (Jsonb(chunk), source)).fetchone()["r"]
        for k in ("rows", "inserted", "updated", "unchanged", "invalid"):
            total[k] += r[k]
        total["errors"] += [{"row": e["row"] + start, "error": e["error"]} for e in r["errors"]]
    conn.commit()
    return total


def export_worklist(conn, entity: str, missing: str, output: Path | None, limit: int) -> int:
    cols = WORKLIST_COLUMNS.get(entity, WORKLIST_COLUMNS["person"])
    fh = output.open("w", newline="", encoding="utf-8") if output else sys.stdout
    try:
        writer = csv.DictWriter(fh, fieldnames=cols, extrasaction="ignore")
        writer.writeheader()
        cursor, n = None, 0
        while True:
            page = WORKLIST_PAGE if not limit else min(WORKLIST_PAGE, limit - n)
            r = conn.execute("SELECT api.worklist(%s, %s, %s, %s) AS r", (entity, missing, page, cursor)).fetchone()["r"]
            writer.writerows(r["data"])
            n += len(r["data"])
            cursor = r["next_cursor"]
            if not cursor or (limit and n >= limit):
                return n
    finally:
        if output:
            fh.close()
