"""``hq bench import-legacy``: `hq import-legacy` against `hq ingest` on the
same payloads, side by side, each into its own fresh database cloned from one
migrated template on the server of DATABASE_URL (which must be allowed to
create databases). Every database it makes is dropped at the end."""

from __future__ import annotations

import io
import json
import tempfile
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

import psycopg
from psycopg import sql
from rich.console import Console

from hq.bench import _company_payload, _person_payload
from hq.localpg import project_root


def _db(url: str, name: str) -> str:
    return url.rpartition("/")[0] + "/" + name


def bench_import_legacy(url: str, companies: int, people: int, out, batch: int = 5000) -> dict:
    from hq.bulk import ingest_file
    from hq.deploy import migrate
    from hq.legacy import import_legacy

    tag = uuid.uuid4().hex[:8]
    names = {k: f"hq_bench_{k}_{tag}" for k in ("legacy", "ingest", "import")}
    admin = psycopg.connect(url, autocommit=True)
    try:
        for name in names.values():
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        migrate(_db(url, names["ingest"]))
        admin.execute(sql.SQL("DROP DATABASE {}").format(sql.Identifier(names["import"])))
        admin.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(sql.Identifier(names["import"]),
                                                                         sql.Identifier(names["ingest"])))
        workloads = [("raw.company_payloads", "company_domain", "companyenrich-company", "domain",
                      [_company_payload(i, tag) for i in range(companies)]),
                     ("raw.person_payloads", "linkedin_url", "clay-person-profile", "url",
                      [_person_payload(i, tag) for i in range(people)])]
        t0 = datetime(2025, 1, 1, tzinfo=timezone.utc)
        with psycopg.connect(_db(url, names["legacy"])) as lg:
            lg.execute((project_root() / "tests" / "fixtures" / "legacy" / "schema.sql").read_text())
            n = 0
            for table, key, slug, key_field, payloads in workloads:
                with lg.cursor().copy(sql.SQL("COPY {} ({}, workflow_slug, provider, platform, payload_type, raw_payload, "
                                              "created_at) FROM STDIN").format(sql.SQL(table), sql.Identifier(key))) as cp:
                    for p in payloads:
                        n += 1
                        cp.write_row((p[key_field], slug, "bench", "bench", "bench", json.dumps(p), t0 + timedelta(seconds=n)))

        # hq ingest: the same payloads as NDJSON files, COPYed in batches through the ingest triggers
        with tempfile.TemporaryDirectory() as tmp:
            files = []
            for table, _key, slug, _kf, payloads in workloads:
                path = Path(tmp) / f"{slug}.ndjson"
                path.write_text("".join(json.dumps(p) + "\n" for p in payloads))
                files.append((path, slug))
            start = time.perf_counter()
            with psycopg.connect(_db(url, names["ingest"]), row_factory=psycopg.rows.dict_row) as conn:
                for path, slug in files:
                    if path.stat().st_size:
                        ingest_file(conn, path, slug, batch_size=batch)
            ingest_s = time.perf_counter() - start

        start = time.perf_counter()
        report = import_legacy(_db(url, names["import"]), _db(url, names["legacy"]), batch_size=batch, progress=False,
                               out=Console(file=io.StringIO()))
        import_s = time.perf_counter() - start
        counts = {}
        for k in ("ingest", "import"):
            with psycopg.connect(_db(url, names[k])) as conn:
                counts[k] = conn.execute("SELECT (SELECT count(*) FROM core.people), (SELECT count(*) FROM core.companies_full), "
                                         "(SELECT count(*) FROM core.leads)").fetchone()
        total = companies + people
        out.print(f"{companies:,} company + {people:,} person payloads: hq ingest {ingest_s:.1f} s = {total / ingest_s:,.0f}/s; "
                  f"hq import-legacy {import_s:.1f} s = {total / import_s:,.0f}/s; import-legacy runs at "
                  f"{ingest_s / import_s:.2f}x the speed of hq ingest (target: at least 0.5)", highlight=False)
        out.print(f"  people / golden companies / leads: ingest {counts['ingest']}, import-legacy {counts['import']}",
                  highlight=False)
        return {"ingest_s": ingest_s, "import_s": import_s, "ratio": ingest_s / import_s, "counts": counts,
                "report": report}
    finally:
        for name in names.values():
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        admin.close()
