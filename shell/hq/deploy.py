"""Deploy: yoyo migrations, then every repeatable object, on every run.

yoyo's post-apply hooks only run when a migration is pending, so the files of
``db/functions``, ``db/views`` and ``db/triggers`` (and ``db/privileges.sql``)
are re-applied here each time, in one transaction: functions (with
``check_function_bodies`` off, so their mutual order does not matter), then
views (file order, with a retry pass for a view that reads a later one), then
triggers, then privileges. A failure rolls the whole phase back and names the
file.
"""

from __future__ import annotations

from pathlib import Path

import psycopg
from psycopg import errors

from hq.localpg import project_root

DB_DIR = project_root() / "db"
PROJECT_SCHEMAS = ("raw", "extracted", "reference", "core", "api", "client")


class DeployError(RuntimeError):
    """A migration or a repeatable object failed to apply."""


def yoyo_url(url: str) -> str:
    """yoyo needs the driver in the scheme: postgresql+psycopg://."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def apply_migrations(url: str) -> list[str]:
    """Apply pending yoyo migrations; return the ids applied."""
    from yoyo import get_backend, read_migrations

    backend = get_backend(yoyo_url(url))
    migrations = read_migrations(str(DB_DIR / "migrations"))
    try:
        with backend.lock():
            pending = backend.to_apply(migrations)
            try:
                backend.apply_migrations(pending)
            except Exception as exc:  # yoyo re-raises the driver error
                raise DeployError(f"migration failed: {str(exc).strip().splitlines()[0]}") from exc
        return [m.id for m in pending]
    finally:
        backend.connection.close()


def repeatable_files() -> list[Path]:
    """Repeatable object files in apply order."""
    files: list[Path] = []
    for sub in ("functions", "views", "triggers"):
        files += sorted((DB_DIR / sub).rglob("*.sql"))
    return files


def _is_view(path: Path) -> bool:
    return (DB_DIR / "views") in path.parents


def _exec_file(conn: psycopg.Connection, path: Path) -> None:
    conn.execute(path.read_text())


def apply_repeatable(conn: psycopg.Connection) -> None:
    """Re-apply functions, views, triggers and privileges in one transaction."""
    files = repeatable_files()
    with conn.transaction():
        _exec_file(conn, DB_DIR / "ownership.sql")  # migration-made objects -> hq_owner
        conn.execute("SET LOCAL check_function_bodies = off")
        conn.execute("SET LOCAL client_min_messages = warning")
        conn.execute("SET LOCAL ROLE hq_owner")
        # Views hold no data: drop and recreate so a changed column list applies.
        schemas = ",".join(PROJECT_SCHEMAS)
        conn.execute(
            "DO $$ DECLARE v record; BEGIN"
            " FOR v IN SELECT n.nspname, c.relname FROM pg_catalog.pg_class c"
            " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            f" WHERE c.relkind = 'v' AND n.nspname = ANY('{{{schemas}}}'::text[]) LOOP"
            " EXECUTE format('DROP VIEW IF EXISTS %I.%I CASCADE', v.nspname, v.relname);"
            " END LOOP; END $$"
        )
        deferred: list[Path] = []
        for path in files:
            if _is_view(path):
                try:
                    with conn.transaction():
                        _exec_file(conn, path)
                except errors.UndefinedTable:
                    deferred.append(path)  # reads a view that sorts later: retry below
                    continue
                except psycopg.Error as exc:
                    raise DeployError(_describe(path, exc)) from exc
                continue
            if deferred and not _is_view(path):
                _retry_views(conn, deferred)
                deferred = []
            try:
                _exec_file(conn, path)
            except psycopg.Error as exc:
                raise DeployError(_describe(path, exc)) from exc
        if deferred:
            _retry_views(conn, deferred)
        conn.execute("RESET ROLE")
        path = DB_DIR / "privileges.sql"
        try:
            _exec_file(conn, path)  # as the deploying (super)user: ownership and grants
        except psycopg.Error as exc:
            raise DeployError(_describe(path, exc)) from exc


def _retry_views(conn: psycopg.Connection, pending: list[Path]) -> None:
    while pending:
        progressed = False
        for path in list(pending):
            try:
                with conn.transaction():
                    _exec_file(conn, path)
                pending.remove(path)
                progressed = True
            except errors.UndefinedTable:
                continue
            except psycopg.Error as exc:
                raise DeployError(_describe(path, exc)) from exc
        if not progressed:
            path = pending[0]
            try:
                _exec_file(conn, path)
            except psycopg.Error as exc:
                raise DeployError(_describe(path, exc)) from exc


def _describe(path: Path, exc: psycopg.Error) -> str:
    rel = path.relative_to(project_root())
    msg = (exc.diag.message_primary or str(exc)).strip().splitlines()[0]
    return f"{rel}: {msg}"


def migrate(url: str) -> dict:
    """Apply migrations and repeatable objects; idempotent."""
    applied = apply_migrations(url)
    with psycopg.connect(url) as conn:
        apply_repeatable(conn)
        version = conn.execute(
            "SELECT migration_id FROM _yoyo_migration ORDER BY migration_id DESC LIMIT 1"
        ).fetchone()
    return {"applied": applied, "version": version[0] if version else None}
