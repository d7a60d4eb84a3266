"""The job queue's tables (procrastinate) in their own schema, `procrastinate`,
owned by hq_owner, plus the role the worker runs as (hq_worker).

The schema text is the one the installed procrastinate ships
(procrastinate.schema.SchemaManager.get_schema()); pyproject pins the minor
version it was written for, so a fresh database and an upgraded one hold the
same objects. A later procrastinate upgrade adds a migration that runs the
package's own migration scripts for the versions in between (they are plain
SQL files under procrastinate/sql/migrations). Applied here, by yoyo, rather
than by `procrastinate schema --apply` from deploy, so the queue's tables are
versioned with the rest of the database and `hq migrate` stays the one step.
"""

from yoyo import step

__depends__ = {"0014_priority_companies"}


def apply(conn):
    from procrastinate.schema import SchemaManager

    cur = conn.cursor()
    cur.execute("""
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'hq_worker') THEN
          CREATE ROLE hq_worker NOLOGIN;
        END IF;
        IF NOT (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user) THEN
          EXECUTE format('GRANT hq_worker TO %I', current_user);
        END IF;
      END $$""")
    cur.execute("COMMENT ON ROLE hq_worker IS 'hq worker: runs the job queue (schema procrastinate) and calls api.worker_*'")
    cur.execute("CREATE SCHEMA IF NOT EXISTS procrastinate AUTHORIZATION hq_owner")
    cur.execute("COMMENT ON SCHEMA procrastinate IS "
                "'The job queue (procrastinate): jobs, their events, workers. Run by hq worker as hq_worker.'")
    cur.execute("REVOKE ALL ON SCHEMA procrastinate FROM PUBLIC")
    cur.execute("SET LOCAL ROLE hq_owner")
    cur.execute("SET LOCAL search_path = procrastinate")
    cur.execute("SET LOCAL client_min_messages = warning")
    cur.execute(SchemaManager.get_schema())
    cur.execute("RESET ROLE")
    cur.execute("SET LOCAL search_path = public")


steps = [step(apply)]
