-- Schemas and the three application roles.
-- hq_owner owns every object; hq_ingest writes raw payloads; hq_api reads
-- core and calls api.*. Roles are cluster-wide, so creation is idempotent.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'hq_owner') THEN
    CREATE ROLE hq_owner NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'hq_ingest') THEN
    CREATE ROLE hq_ingest NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'hq_api') THEN
    CREATE ROLE hq_api NOLOGIN;
  END IF;
  -- The deploying user must be able to SET ROLE to each of them.
  IF NOT (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT hq_owner, hq_ingest, hq_api TO %I', current_user);
  END IF;
END $$;

CREATE SCHEMA IF NOT EXISTS raw AUTHORIZATION hq_owner;
CREATE SCHEMA IF NOT EXISTS extracted AUTHORIZATION hq_owner;
CREATE SCHEMA IF NOT EXISTS reference AUTHORIZATION hq_owner;
CREATE SCHEMA IF NOT EXISTS core AUTHORIZATION hq_owner;
CREATE SCHEMA IF NOT EXISTS api AUTHORIZATION hq_owner;
CREATE SCHEMA IF NOT EXISTS client AUTHORIZATION hq_owner;

COMMENT ON SCHEMA raw IS 'Payloads exactly as providers delivered them, plus extraction status.';
COMMENT ON SCHEMA extracted IS 'Flattened rows extracted from raw payloads, one table per payload family.';
COMMENT ON SCHEMA reference IS 'Canonical values, lookups, matching rules, workflow registry and run tracking.';
COMMENT ON SCHEMA core IS 'Entities, per-source dimension rows and golden records.';
COMMENT ON SCHEMA api IS 'Functions the HTTP shell calls.';
COMMENT ON SCHEMA client IS 'Per-customer lead ingest.';

REVOKE ALL ON SCHEMA raw, extracted, reference, core, api, client FROM PUBLIC;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
