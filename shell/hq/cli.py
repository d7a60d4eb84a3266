"""The ``hq`` command line. Every error is one line on stderr and a non-zero exit."""

from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

app = typer.Typer(help="HQ Warehouse: deploy, serve, ingest and inspect.", no_args_is_help=True,
                  pretty_exceptions_enable=False)
db_app = typer.Typer(help="The project-local PostgreSQL cluster (used when DATABASE_URL is unset).")
keys_app = typer.Typer(help="API keys (stored hashed).")
bench_app = typer.Typer(help="Benchmarks; each prints a ratio against a baseline measured in the same run.")
demo_app = typer.Typer(help="Demo data for the dashboard (deterministic, in the providers' formats).")
workflows_app = typer.Typer(help="Registered workflows.")
app.add_typer(db_app, name="db")
app.add_typer(keys_app, name="keys")
app.add_typer(bench_app, name="bench")
app.add_typer(demo_app, name="demo")
app.add_typer(workflows_app, name="workflows")


priority_app = typer.Typer(help="The priority work list (core.priority_companies).")
worklist_app = typer.Typer(help="Work lists for enrichment: people one field away from a lead.")
app.add_typer(priority_app, name="priority")
app.add_typer(worklist_app, name="worklist")

err = Console(stderr=True)
out = Console(soft_wrap=True)  # long result lines stay one line (greppable, pasteable)


def one_line_errors(fn):
    """Turn any failure into one clear line and exit code 1."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except Exception as exc:  # noqa: BLE001 - the CLI boundary
            import psycopg

            if isinstance(exc, psycopg.Error) and getattr(exc, "diag", None) and exc.diag.message_primary:
                msg = exc.diag.message_primary
            else:
                msg = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            err.print(f"hq: error: {msg}", highlight=False, markup=False, soft_wrap=True)
            raise typer.Exit(1)

    return wrapper


def _url() -> str:
    from hq.config import database_url

    return database_url()


@app.command()
@one_line_errors
def migrate() -> None:
    """Apply migrations and re-apply every function, view and trigger (idempotent)."""
    from hq.deploy import migrate as do_migrate

    result = do_migrate(_url())
    applied = ", ".join(result["applied"]) or "none pending"
    out.print(f"migrations applied: {applied}; version {result['version']}", highlight=False)


@app.command()
@one_line_errors
def serve(host: str = typer.Option("127.0.0.1", help="Interface to bind."),
          port: int = typer.Option(8000, help="TCP port."),
          workers: int = typer.Option(1, min=1, max=64, help="Server processes (uvicorn workers) sharing the port."),
          demo: bool = typer.Option(False, "--demo", help="Into an empty database, load the demo set first and print a new admin key."),
          demo_people: int = typer.Option(2000, help="People in the demo set (with --demo).")) -> None:
    """Serve the HTTP API and the dashboard (migrates first; starts the local cluster when DATABASE_URL is unset).

    The server connects as the login role hq_app, not as DATABASE_URL's user
    (docs/server.md); settings come from HQ_* environment variables."""
    import os

    import uvicorn

    from hq.deploy import migrate as do_migrate
    from hq.roles import app_database_url
    from hq.settings import settings

    url = _url()
    do_migrate(url)
    os.environ["DATABASE_URL"] = url
    os.environ["HQ_APP_DATABASE_URL"] = app_database_url(url)  # workers inherit it
    if demo:
        _serve_demo(host, port, demo_people)
    cfg = settings()
    uvicorn.run("hq.app:create_app", factory=True, host=host, port=port, workers=workers,
                http="hq.server:HeaderTimeoutH11Protocol", timeout_keep_alive=cfg.keepalive_timeout,
                access_log=False, log_level="info")


@app.command()
@one_line_errors
def ingest(file: Path = typer.Argument(..., exists=True, dir_okay=False, help="NDJSON, CSV or TSV file."),
           workflow: str = typer.Option(..., "--workflow", "-w", help="Registered workflow_slug."),
           batch_size: int = typer.Option(5000, help="Rows per COPY batch (one transaction each)."),
           jobs: int = typer.Option(1, min=1, max=32, help="Parallel loading sessions; rows of one entity stay in one session, in file order."),
           force: bool = typer.Option(False, "--force", help="Deliver every row again, even rows an earlier load of this file stored.")) -> None:
    """Stream a file into the workflow's raw table with COPY, with a progress bar.

    Each row's delivery key is the file's SHA-256 and its line number: running
    the same load again (after a crash) stores only the rows still missing."""
    from hq.bulk import ingest_file

    with _connect() as conn:
        result = ingest_file(conn, file, workflow, batch_size=batch_size, progress=True, jobs=jobs, connect=_connect,
                             force=force)
    if result["already_loaded"]:
        out.print(f"{result['already_loaded']} rows were already stored by an earlier load of this file "
                  "(--force delivers them again)", highlight=False)
    out.print(f"loaded {result['loaded']} rows: {result['extracted']} extracted, "
              f"{result['failed']} failed", highlight=False)
    if result["failed"]:
        for msg, n in result["top_errors"]:
            out.print(f"  {n:>6}  {msg}", highlight=False, markup=False)


@app.command()
@one_line_errors
def replay(workflow: Optional[str] = typer.Option(None, "--workflow", "-w", help="Only this workflow."),
           all_rows: bool = typer.Option(False, "--all", help="Reprocess every raw row, not only failed ones."),
           batch_size: int = typer.Option(1000, help="Rows per committed batch."),
           rejected: bool = typer.Option(False, "--rejected", help="Re-try the dead-lettered webhook requests "
                                                                   "(raw.rejected_requests) instead.")) -> None:
    """Reprocess failed (or all) raw rows in committed batches; safe to interrupt and re-run."""
    from hq.bulk import replay_batches

    if rejected:
        with _connect() as conn:
            r = conn.execute("SELECT api.replay_rejected(%s) AS r", (workflow,)).fetchone()["r"]
        out.print(f"replayed {r['replayed']} rejected requests; {r['still_rejected']} still rejected", highlight=False)
        for item in r["results"]:
            if "error" in item:
                out.print(f"  {item['id']}  {item['error']}", highlight=False, markup=False)
        return
    with _connect(autocommit=True) as conn:
        total = replay_batches(conn, workflow, all_rows, batch_size, progress=True)
    out.print(f"replayed {total} raw rows", highlight=False)


@app.command()
@one_line_errors
def docs(check: bool = typer.Option(False, "--check", help="Only say whether docs/schema.md is current; exit 1 if not.")) -> None:
    """Write docs/schema.md (tables, columns, functions, COMMENT ON) from a freshly migrated scratch database."""
    from hq.schemadoc import SCHEMA_DOC, render, scratch_database

    with scratch_database(_url()) as url:
        import psycopg

        with psycopg.connect(url) as conn:
            text = render(conn)
    current = SCHEMA_DOC.exists() and SCHEMA_DOC.read_text() == text
    if check:
        if not current:
            raise RuntimeError("docs/schema.md is out of date: run `hq docs`")
        out.print("docs/schema.md is current", highlight=False)
        return
    if not current:
        SCHEMA_DOC.write_text(text)
    out.print(f"docs/schema.md {'unchanged' if current else 'written'}", highlight=False)


@app.command()
@one_line_errors
def status() -> None:
    """Per workflow: raw rows, extracted, failed (top errors), last ingest, coalescing gap."""
    from rich.table import Table

    with _connect() as conn:
        rows = conn.execute("SELECT * FROM api.pipeline_status()").fetchall()
    table = Table("workflow", "raw", "extracted", "failed", "pending", "last ingest", "gap", "top errors")
    for r in rows:
        table.add_row(r["workflow_slug"], str(r["raw_rows"]), str(r["extracted"]), str(r["failed"]),
                      str(r["pending"]), (r["last_ingest"].strftime("%Y-%m-%d %H:%M") if r["last_ingest"] else "-"), str(r["gap"] if r["gap"] is not None else "-"),
                      "; ".join(f"{e['error']} (x{e['count']})" for e in (r["top_errors"] or [])))
    out.print(table)
    _print_rejected()


def _print_rejected() -> None:
    """Dead-lettered webhook requests (raw.rejected_requests), when there are any:
    one plain line per workflow slug as sent, so no column is ever cut."""
    with _connect() as conn:
        rows = conn.execute("SELECT * FROM api.rejected_summary()").fetchall()
    if not rows:
        return
    out.print("rejected requests (raw.rejected_requests):", highlight=False)
    for r in rows:
        out.print(f"  {r['workflow_slug'] or '-'}: {r['rejected']} rejected, {r['replayed']} replayed, last received "
                  f"{r['last_received_at']:%Y-%m-%d %H:%M}" + (f"; last error: {r['last_error']}" if r["last_error"] else ""),
                  highlight=False, markup=False, soft_wrap=True)
    out.print("re-try them with: hq replay --rejected [--workflow SLUG]", highlight=False)


def _demo_load(people: int) -> dict:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from hq.demo import load

    with _connect() as conn, Progress(TextColumn("[bold]demo data"), BarColumn(), MofNCompleteColumn(),
                                      TextColumn("companies + people"), TimeElapsedColumn(), console=err) as bar:
        task = bar.add_task("demo", total=None)
        return load(conn, people, on_progress=lambda done, total: bar.update(task, completed=done, total=total))


def _serve_demo(host: str, port: int, people: int) -> None:
    from hq.demo import is_empty

    with _connect() as conn:
        empty = is_empty(conn)
    if empty:
        r = _demo_load(people)
        out.print(f"demo data loaded: {r['companies']} companies, {r['people']} people, {r['deliveries']} deliveries",
                  highlight=False)
    else:
        out.print("demo: the database already holds data; nothing loaded", highlight=False)
    with _connect() as conn:
        key = conn.execute("SELECT api.create_api_key('admin', 'demo admin') AS key").fetchone()["key"]
    out.print(f"dashboard: http://{host}:{port}/ - sign in with this admin key (shown once):", highlight=False)
    out.print(key, highlight=False, soft_wrap=True)


@demo_app.command("load")
@one_line_errors
def demo_load(people: int = typer.Option(2000, min=1, help="People to generate (companies: people/10, at least 12).")) -> None:
    """Generate the demo set and load it through the real ingest path (COPY into raw tables)."""
    r = _demo_load(people)
    out.print(f"loaded {r['deliveries']} deliveries: {r['companies']} companies, {r['people']} people", highlight=False)


@app.command("import-legacy")
@one_line_errors
def import_legacy(from_url: str = typer.Option(..., "--from", envvar="HQ_LEGACY_URL", show_default=False,
                                               help="Connection string of the legacy database (read only; never printed)."),
                  dry_run: bool = typer.Option(False, "--dry-run", help="Only print what would be imported, per table and workflow."),
                  batch_size: int = typer.Option(5000, min=1, help="Rows per committed batch."),
                  report: Path = typer.Option(Path("legacy-import-report.json"), help="Where the JSON report goes.")) -> None:
    """Import a legacy database through HQ's ingest path; resumable; writes a JSON report."""
    from hq.legacy import import_legacy as run

    console = out if out.is_terminal else Console(width=180)  # report tables unwrapped in logs and pipes
    run(_url(), from_url, dry_run=dry_run, batch_size=batch_size, report_path=None if dry_run else report, out=console,
        progress=True)


@workflows_app.command("add")
@one_line_errors
def workflows_add(slug: str = typer.Argument(..., help="The new workflow_slug."),
                  entity: str = typer.Option(..., help="company or person."),
                  raw_table: str = typer.Option(..., "--raw-table", help="raw.<table> (created with its ingest trigger if new)."),
                  key_column: str = typer.Option(..., "--key-column", help="The raw table's entity key column."),
                  source: str = typer.Option(..., help="Source name for survivorship (reference.source_priority)."),
                  sample: Path = typer.Option(..., exists=True, dir_okay=False, help="One provider payload (JSON)."),
                  payload_key: Optional[str] = typer.Option(None, "--payload-key", help="JSON key of the entity key (default: proposed)."),
                  apply: bool = typer.Option(False, "--apply", help="Register it (without: only print the proposal)."),
                  description: Optional[str] = typer.Option(None, help="What the workflow is.")) -> None:
    """Propose a field map from a sample payload, print it for review, register it with --apply."""
    import json

    from psycopg.types.json import Jsonb
    from rich.table import Table

    payload = json.loads(sample.read_text())
    with _connect() as conn:
        rows = conn.execute("SELECT * FROM api.propose_field_map(%s, %s)", (Jsonb(payload), entity)).fetchall()
        key = payload_key or next((".".join(r["json_path"]) for r in rows if r["target"] == "_key"), None)
        fields = [r for r in rows if r["target"] != "_key"]
        table = Table("JSON path", "field", "type", "matcher", "core table", "sample value",
                      title=f"{slug}: proposed field map ({entity}, entity key from payload key {key!r})")
        for r in fields:
            table.add_row(".".join(r["json_path"]), r["target"], r["expected_type"], r["matcher"] or "-", r["core_table"] or "-",
                          r["sample_value"] or "")
        console = out if out.is_terminal else Console(width=180)
        console.print(table)
        if not key:
            raise RuntimeError("no entity key found in the sample: give --payload-key")
        if not apply:
            console.print("review the map, then run the same command with --apply to register it", highlight=False)
            return
        field_map = [{"target": r["target"], "json_path": r["json_path"], "expected_type": r["expected_type"]} for r in fields]
        res = conn.execute("SELECT api.add_workflow(%s, %s, %s, %s, %s, %s, %s, %s) AS r",
                           (slug, entity, raw_table, key_column, source, key, Jsonb(field_map), description)).fetchone()["r"]
    console.print(f"registered {slug}: {res['fields']} fields into {', '.join(res['core_tables'])}; raw table {res['raw_table']}"
                  f"{' (created)' if res['raw_table_created'] else ''}; source {source} priority {res['source_priority']}",
                  highlight=False)


@workflows_app.command("list")
@one_line_errors
def workflows_list() -> None:
    """Every workflow with its field map size and raw/extracted/failed counts."""
    from rich.table import Table

    with _connect() as conn:
        rows = conn.execute("SELECT * FROM api.workflow_list()").fetchall()
    table = Table("workflow", "entity", "source", "raw table", "active", "fields", "raw", "extracted", "failed", "last ingest")
    for r in rows:
        table.add_row(r["workflow_slug"], r["entity_type"], r["source"], r["raw_table"], "yes" if r["is_active"] else "no",
                      str(r["fields"]), str(r["raw_rows"] or 0), str(r["extracted"] or 0), str(r["failed"] or 0),
                      r["last_ingest"].strftime("%Y-%m-%d %H:%M") if r["last_ingest"] else "-")
    (out if out.is_terminal else Console(width=180)).print(table)


def _connect(autocommit: bool = False):
    import psycopg
    from psycopg.rows import dict_row

    return psycopg.connect(_url(), autocommit=autocommit, row_factory=dict_row)


@app.command()
@one_line_errors
def worker(concurrency: int = typer.Option(4, min=1, max=64, help="Jobs run at the same time in this process."),
           queue: Optional[list[str]] = typer.Option(None, "--queue", "-q", help="Only these queues (similar, salesnav); default all."),
           burst: bool = typer.Option(False, "--burst", help="Exit once no job is ready instead of waiting for more.")) -> None:
    """Run the job queue (similar companies, Sales Navigator relay); SIGTERM stops it after the jobs in flight."""
    from hq.jobs_cli import run_worker

    run_worker(_url(), concurrency, queue or None, burst)


@app.command()
@one_line_errors
def jobs(job_id: Optional[int] = typer.Argument(None, help="Show one job: events and the error of each attempt."),
         status_: Optional[str] = typer.Option(None, "--status", help="todo, doing, succeeded, failed, cancelled, aborted."),
         task: Optional[str] = typer.Option(None, help="hq.similar_fetch or hq.salesnav_relay."),
         limit: int = typer.Option(30, min=1, max=1000, help="How many jobs, newest first.")) -> None:
    """Jobs of the queue: counts per task and status, then the latest jobs with attempts and last error."""
    from hq.jobs_cli import show_jobs

    with _connect() as conn:
        show_jobs(conn, out, job_id, status_, task, limit)


@priority_app.command("load")
@one_line_errors
def priority_load(file: Path = typer.Argument(..., exists=True, dir_okay=False, help="CSV/TSV with domain, name and LinkedIn URL columns."),
                  source: str = typer.Option("manual", help="Recorded as the rows' source.")) -> None:
    """Load companies into the priority work list (normalized in SQL; re-loading is idempotent)."""
    from hq.jobs_cli import load_priority

    with _connect() as conn:
        r = load_priority(conn, file, source)
    out.print(f"{r['rows']} rows: {r['inserted']} new, {r['updated']} updated, {r['unchanged']} unchanged, "
              f"{r['invalid']} refused", highlight=False)
    for e in r["errors"][:20]:
        out.print(f"  row {e['row']}: {e['error']}", highlight=False, markup=False)


@worklist_app.command("export")
@one_line_errors
def worklist_export(missing: str = typer.Option(..., help="company_name, company_country, person_country, job_function or seniority."),
                    entity: str = typer.Option("person", help="person, or company (for company_name / company_country)."),
                    output: Optional[Path] = typer.Option(None, "--output", "-o", help="CSV file (default: stdout)."),
                    limit: int = typer.Option(0, min=0, help="At most this many rows (0: all).")) -> None:
    """CSV of the people (or companies) whose one missing lead field is FIELD, ready to paste into a Clay table."""
    from hq.jobs_cli import export_worklist

    with _connect() as conn:
        n = export_worklist(conn, entity, missing, output, limit)
    err.print(f"{n} rows", highlight=False)


@keys_app.command("create")
@one_line_errors
def keys_create(scope: str = typer.Option(..., help="ingest, query or admin."),
                name: Optional[str] = typer.Option(None, help="A label for the key."),
                client: Optional[str] = typer.Option(None, "--client", help="Bind an ingest or query key to one client domain: it then reads and writes only that client's leads."),
                as_json: bool = typer.Option(False, "--json", help="Print {id, key, scope, name, client} as JSON on stdout.")) -> None:
    """Create an API key: the key alone on stdout (stored only hashed, shown once), its id on stderr."""
    import json

    with _connect() as conn:
        key = conn.execute("SELECT api.create_api_key(%s, %s, %s) AS key", (scope, name, client)).fetchone()["key"]
        key_id = conn.execute("SELECT id FROM reference.api_keys WHERE key_hash = sha256(convert_to(%s, 'UTF8'))",
                              (key,)).fetchone()["id"]
    if as_json:
        sys.stdout.write(json.dumps({"id": str(key_id), "key": key, "scope": scope, "name": name, "client": client}) + "\n")
        return
    sys.stdout.write(key + "\n")
    sys.stderr.write(f"id {key_id}\n")


@keys_app.command("list")
@one_line_errors
def keys_list(as_json: bool = typer.Option(False, "--json", help="JSON lines instead of a table."),
              active: bool = typer.Option(False, "--active", help="Only keys not revoked.")) -> None:
    """API keys: id, scope, name, created, last used, revoked (never the key)."""
    import json

    from rich.table import Table

    with _connect() as conn:
        rows = conn.execute("SELECT * FROM api.list_api_keys()").fetchall()
    rows = [r for r in rows if not (active and r["revoked_at"])]
    if as_json:
        for r in rows:
            sys.stdout.write(json.dumps({k: (str(v) if v is not None and k != "name" else v) for k, v in r.items()}) + "\n")
        return
    stamp = lambda t: t.strftime("%Y-%m-%d %H:%M") if t else "-"  # noqa: E731
    table = Table("id", "scope", "name", "created", "last used", "revoked")
    for r in rows:
        table.add_row(str(r["id"]), r["scope"], r["name"] or "", stamp(r["created_at"]), stamp(r["last_used_at"]),
                      stamp(r["revoked_at"]))
    Console(width=200).print(table)


@keys_app.command("revoke")
@one_line_errors
def keys_revoke(key_id: str = typer.Argument(..., help="The key id, a unique prefix of it (4+ characters), or the key.")) -> None:
    """Revoke an API key by id or unique id prefix (an ambiguous prefix revokes nothing)."""
    with _connect() as conn:
        n = conn.execute("SELECT api.revoke_api_key(%s) AS n", (key_id,)).fetchone()["n"]
    if not n:
        raise RuntimeError(f"no active API key with id {key_id}")
    out.print(f"revoked {key_id}", highlight=False)


@workflows_app.command("secret")
@one_line_errors
def workflows_secret(slug: str = typer.Argument(..., help="The workflow_slug."),
                     grace: int = typer.Option(24 * 3600, help="Seconds the previous secret stays valid after a rotation (0: at once)."),
                     remove: bool = typer.Option(False, "--remove", help="Stop requiring signed webhooks for this workflow.")) -> None:
    """Set or rotate a workflow's webhook signing secret (Standard Webhooks); prints it once on stdout.

    From then on POST /ingest/SLUG needs webhook-id, webhook-timestamp and
    webhook-signature headers signed with it."""
    with _connect() as conn:
        if remove:
            n = conn.execute("SELECT api.remove_webhook_secret(%s) AS n", (slug,)).fetchone()["n"]
            err.print(f"{slug}: signing {'removed' if n else 'was not set'}", highlight=False)
            return
        secret = conn.execute("SELECT api.set_webhook_secret(%s, make_interval(secs => %s)) AS s",
                              (slug, grace)).fetchone()["s"]
    sys.stdout.write(secret + "\n")
    err.print(f"{slug}: webhooks must now be signed with this secret (shown once)", highlight=False)


@db_app.command("start")
@one_line_errors
def db_start() -> None:
    """Create (if needed) and start the local cluster; print its URL."""
    from hq.localpg import default_cluster

    out.print(default_cluster().start(), highlight=False)


@db_app.command("stop")
@one_line_errors
def db_stop() -> None:
    """Stop the local cluster."""
    from hq.localpg import default_cluster

    default_cluster().stop()
    out.print("stopped", highlight=False)


@db_app.command("status")
@one_line_errors
def db_status() -> None:
    """Say whether the local cluster runs, and where."""
    from hq.localpg import default_cluster

    c = default_cluster()
    if c.running():
        out.print(f"running: {c.url()} (data {c.datadir})", highlight=False)
    else:
        out.print(f"stopped (data {c.datadir})", highlight=False)
        raise typer.Exit(3)


@db_app.command("url")
@one_line_errors
def db_url() -> None:
    """Print the local cluster's URL."""
    from hq.localpg import default_cluster

    out.print(default_cluster().url(), highlight=False)


@bench_app.command("matching")
@one_line_errors
def bench_matching(titles: int = typer.Option(1_000_000, help="How many raw titles to match.")) -> None:
    """Match N raw titles set-based; print titles/s and the ratio to a bare scan."""
    from hq.bench import bench_matching as run

    with _connect(autocommit=True) as conn:
        run(conn, titles, out)


@bench_app.command("ingest")
@one_line_errors
def bench_ingest(companies: int = typer.Option(0, help="Company payloads to ingest."),
                 people: int = typer.Option(0, help="Person profile payloads to ingest."),
                 sessions: int = typer.Option(1, min=1, max=32, help="Concurrent sessions, each loading N payloads of its own."),
                 baseline: Optional[str] = typer.Option(None, help="'round-trips': against the existing system's design "
                                                        "(a lookup per field, an upsert per dimension, each its own transaction), "
                                                        "on --companies payloads in a scratch database.")) -> None:
    """End-to-end ingest rate vs a bare COPY of the same payloads into an untriggered table."""
    from hq.bench import bench_ingest as run, bench_ingest_sessions

    if baseline is not None:
        if baseline != "round-trips":
            raise RuntimeError(f"unknown baseline {baseline!r}: the one baseline is 'round-trips'")
        from hq.bench_baselines import bench_round_trips

        bench_round_trips(_url(), companies or 2000, out)
        return
    if not companies and not people:
        raise RuntimeError("give --companies N and/or --people N")
    if sessions > 1:
        bench_ingest_sessions(lambda: _connect(autocommit=True), companies, people, out, sessions)
        return
    with _connect(autocommit=True) as conn:
        run(conn, companies, people, out)


@bench_app.command("query")
@one_line_errors
def bench_query(people: int = typer.Option(1_000_000, help="People in the warehouse (at people/4 companies)."),
                runs: int = typer.Option(5, min=1, help="Timed runs per question (p50 is printed).")) -> None:
    """Golden tables vs on-the-fly coalescing views: the same questions, identical answers, p50 and ratio."""
    from hq.bench_baselines import bench_query as run

    with _connect(autocommit=True) as conn:
        run(conn, people, out, runs)


@bench_app.command("all")
@one_line_errors
def bench_all(scale: str = typer.Option("small", help="smoke (seconds, for CI), small (minutes on 2 cores), medium, or large (1,000,000 people)."),
              only: Optional[list[str]] = typer.Option(None, help="Run only these benches (repeatable)."),
              results_dir: Path = typer.Option(Path("bench-results"), help="Where the JSON record goes.")) -> None:
    """Every benchmark in one run: one table of metric, value, baseline and ratio, and a JSON record."""
    from hq.bench_all import SCALES, bench_all as run

    if scale not in SCALES:
        raise RuntimeError(f"unknown scale {scale!r}: one of {', '.join(SCALES)}")
    run(_url(), lambda: _connect(autocommit=True), scale, out, only, results_dir)


@bench_app.command("import-legacy")
@one_line_errors
def bench_import_legacy(companies: int = typer.Option(1000, help="Company payloads in the legacy database."),
                        people: int = typer.Option(5000, help="Person profile payloads in the legacy database.")) -> None:
    """hq import-legacy vs hq ingest on the same payloads, each into a fresh database (created and dropped here)."""
    from hq.legacy_bench import bench_import_legacy as run

    run(_url(), companies, people, out)


@bench_app.command("webhook")
@one_line_errors
def bench_webhook(sizes: str = typer.Option("1000,50000", help="Warehouse sizes in people, comma-separated; the first is the baseline."),
                  deliveries: int = typer.Option(30, help="Single webhooks timed per kind and size.")) -> None:
    """One webhook's cost at several warehouse sizes (scratch databases beside DATABASE_URL's, dropped after)."""
    from hq.bench import bench_webhook as run

    run(_url(), [int(s) for s in sizes.split(",") if s.strip()], deliveries, out)


@bench_app.command("rematch")
@one_line_errors
def bench_rematch(people: int = typer.Option(1_000_000, help="People in the warehouse."),
                  affected: int = typer.Option(10_000, help="People holding the title the new lookup row matches.")) -> None:
    """Time one job_title_lookup INSERT that re-matches `affected` of `people`."""
    from hq.bench import bench_rematch as run

    with _connect(autocommit=True) as conn:
        run(conn, people, affected, out)


@bench_app.command("pages")
@one_line_errors
def bench_pages(people: int = typer.Option(20_000, help="Demo people loaded into the scratch database."),
                repeat: int = typer.Option(5, min=1, max=50, help="Timed requests per page (after one warm-up)."),
                synthetic: bool = typer.Option(False, help="Fill the warehouse set-based straight into core (the set-up "
                                               "of hq bench leads) instead of the demo set through ingest: "
                                               "minutes, not hours, at 1,000,000 people.")) -> None:
    """Server time of each dashboard page on the demo set (in a scratch database), against GET /health of the same run."""
    from hq.bench_pages import bench_pages as run

    run(_url(), people, repeat, out, progress=True, synthetic=synthetic)


@bench_app.command("api")
@one_line_errors
def bench_api(people: int = typer.Option(2_000, help="People in the scratch warehouse (at people/4 companies)."),
              requests: int = typer.Option(300, min=1, help="Calls per measured line."),
              workers: int = typer.Option(1, min=1, max=16, help="hq serve worker processes.")) -> None:
    """Webhook ingest and the filtered leads page through HTTP vs the same SQL call over direct sessions
    (p50/p95/p99 at concurrency 1, 16, 32), on a scratch database dropped afterwards."""
    from hq.bench_api import bench_api as run

    run(_url(), people, requests, out, workers)


@bench_app.command("jobs")
@one_line_errors
def bench_jobs(domains: int = typer.Option(600, help="Similar-companies batch size (0: skip)."),
               rows: int = typer.Option(10_000, help="Relay export rows (0: skip)."),
               similar_rate: float = typer.Option(20, help="CompanyEnrich requests per second."),
               relay_rate: float = typer.Option(200, help="Clay deliveries per second."),
               concurrency: int = typer.Option(8, min=1, max=64, help="hq worker --concurrency.")) -> None:
    """Run a batch and an export through real workers and a local stand-in server, SIGKILLing the worker halfway."""
    from hq.bench_jobs import bench_relay, bench_similar

    url = _url()
    if domains:
        bench_similar(url, out, domains, similar_rate, concurrency)
    if rows:
        bench_relay(url, out, rows, relay_rate, concurrency)


@bench_app.command("customers")
@one_line_errors
def bench_customers(companies: int = typer.Option(250_000, help="Synthetic companies in the warehouse (plus the labelled ones)."),
                    names: int = typer.Option(10_000, help="Customer names to match.")) -> None:
    """Match customer names to companies set-based; print time, precision and recall."""
    from hq.bench_customers import run

    with _connect(autocommit=True) as conn:
        run(conn, companies, names, out)


@bench_app.command("leads")
@one_line_errors
def bench_leads(people: int = typer.Option(1_000_000, help="People in the warehouse (at people/4 companies).")) -> None:
    """EXPLAIN ANALYZE the filtered leads page at `people` people; print its time and an unfiltered page's."""
    from hq.bench import bench_leads as run

    with _connect(autocommit=True) as conn:
        run(conn, people, out)


if __name__ == "__main__":  # pragma: no cover
    app()
