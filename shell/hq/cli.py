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
app.add_typer(db_app, name="db")
app.add_typer(keys_app, name="keys")
app.add_typer(bench_app, name="bench")

err = Console(stderr=True)
out = Console()


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
          port: int = typer.Option(8000, help="TCP port.")) -> None:
    """Serve the HTTP API (migrates first; starts the local cluster when DATABASE_URL is unset)."""
    import os

    import uvicorn

    from hq.deploy import migrate as do_migrate

    url = _url()
    do_migrate(url)
    os.environ["DATABASE_URL"] = url
    uvicorn.run("hq.app:create_app", factory=True, host=host, port=port, log_level="info")


@app.command()
@one_line_errors
def ingest(file: Path = typer.Argument(..., exists=True, dir_okay=False, help="NDJSON, CSV or TSV file."),
           workflow: str = typer.Option(..., "--workflow", "-w", help="Registered workflow_slug."),
           batch_size: int = typer.Option(5000, help="Rows per COPY batch (one transaction each)."),
           jobs: int = typer.Option(1, min=1, max=32, help="Parallel loading sessions; rows of one entity stay in one session, in file order.")) -> None:
    """Stream a file into the workflow's raw table with COPY, with a progress bar."""
    from hq.bulk import ingest_file

    with _connect() as conn:
        result = ingest_file(conn, file, workflow, batch_size=batch_size, progress=True, jobs=jobs, connect=_connect)
    out.print(f"loaded {result['loaded']} rows: {result['extracted']} extracted, "
              f"{result['failed']} failed", highlight=False)
    if result["failed"]:
        for msg, n in result["top_errors"]:
            out.print(f"  {n:>6}  {msg}", highlight=False, markup=False)


@app.command()
@one_line_errors
def replay(workflow: Optional[str] = typer.Option(None, "--workflow", "-w", help="Only this workflow."),
           all_rows: bool = typer.Option(False, "--all", help="Reprocess every raw row, not only failed ones."),
           batch_size: int = typer.Option(1000, help="Rows per committed batch.")) -> None:
    """Reprocess failed (or all) raw rows in committed batches; safe to interrupt and re-run."""
    from hq.bulk import replay_batches

    with _connect(autocommit=True) as conn:
        total = replay_batches(conn, workflow, all_rows, batch_size, progress=True)
    out.print(f"replayed {total} raw rows", highlight=False)


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


def _connect(autocommit: bool = False):
    import psycopg
    from psycopg.rows import dict_row

    return psycopg.connect(_url(), autocommit=autocommit, row_factory=dict_row)


@keys_app.command("create")
@one_line_errors
def keys_create(scope: str = typer.Option(..., help="ingest, query or admin."),
                name: Optional[str] = typer.Option(None, help="A label for the key.")) -> None:
    """Create an API key; prints the key alone on stdout (it is stored only hashed)."""
    with _connect() as conn:
        key = conn.execute("SELECT api.create_api_key(%s, %s) AS key", (scope, name)).fetchone()["key"]
    sys.stdout.write(key + "\n")


@keys_app.command("revoke")
@one_line_errors
def keys_revoke(key_id: str = typer.Argument(..., help="The key id (uuid) or the key's prefix.")) -> None:
    """Revoke an API key."""
    with _connect() as conn:
        n = conn.execute("SELECT api.revoke_api_key(%s) AS n", (key_id,)).fetchone()["n"]
    if not n:
        raise RuntimeError(f"no active API key with id {key_id}")
    out.print(f"revoked {key_id}", highlight=False)


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
                 sessions: int = typer.Option(1, min=1, max=32, help="Concurrent sessions, each loading N payloads of its own.")) -> None:
    """End-to-end ingest rate vs a bare COPY of the same payloads into an untriggered table."""
    from hq.bench import bench_ingest as run, bench_ingest_sessions

    if not companies and not people:
        raise RuntimeError("give --companies N and/or --people N")
    if sessions > 1:
        bench_ingest_sessions(lambda: _connect(autocommit=True), companies, people, out, sessions)
        return
    with _connect(autocommit=True) as conn:
        run(conn, companies, people, out)


@bench_app.command("rematch")
@one_line_errors
def bench_rematch(people: int = typer.Option(1_000_000, help="People in the warehouse."),
                  affected: int = typer.Option(10_000, help="People holding the title the new lookup row matches.")) -> None:
    """Time one job_title_lookup INSERT that re-matches `affected` of `people`."""
    from hq.bench import bench_rematch as run

    with _connect(autocommit=True) as conn:
        run(conn, people, affected, out)


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
