-- depends: 0014_priority_companies
-- Server side: the admin role and the server's login role, key usage (last
-- use, rate limit), per-workflow webhook signing secrets and the webhook ids
-- already received (replay protection).
--
-- hq_admin creates and revokes keys, replays raw rows and edits lookups;
-- query keys run as hq_api and never hold it. hq_app is the login role the
-- HTTP server connects as: NOINHERIT, so a session holds nothing until it
-- SET ROLEs to one of exactly hq_ingest, hq_api, hq_admin. Roles are
-- cluster-wide, so creation is idempotent; the password of hq_app is set by
-- `hq serve` (hq.roles), never here.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'hq_admin') THEN
    CREATE ROLE hq_admin NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'hq_app') THEN
    CREATE ROLE hq_app LOGIN NOINHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION;
  END IF;
  GRANT hq_ingest, hq_api, hq_admin TO hq_app;
  IF NOT (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT hq_admin TO %I', current_user);
  END IF;
END $$;
COMMENT ON ROLE hq_admin IS 'HQ Warehouse admin: create/revoke API keys, replay raw rows, edit reference lookups, set webhook secrets.';
COMMENT ON ROLE hq_app IS 'HQ Warehouse HTTP server login: member of hq_ingest, hq_api and hq_admin (NOINHERIT: each pool SET ROLEs to one).';

ALTER TABLE reference.api_keys ADD COLUMN last_used_at timestamptz;
COMMENT ON COLUMN reference.api_keys.last_used_at IS 'Last authenticated request, recorded at most once a minute per key.';

-- Rate-limit state: one row per key, the GCRA "theoretical arrival time".
-- UNLOGGED: losing it in a crash only resets the limits.
CREATE UNLOGGED TABLE reference.api_key_rate (
  key_id uuid PRIMARY KEY REFERENCES reference.api_keys (id) ON DELETE CASCADE,
  tat timestamptz NOT NULL
);
COMMENT ON TABLE reference.api_key_rate IS 'Per-key rate limit state (GCRA theoretical arrival time), shared by every server process; unlogged.';

CREATE TABLE reference.webhook_secrets (
  workflow_slug text PRIMARY KEY REFERENCES reference.enrichment_workflow_registry (workflow_slug)
    ON UPDATE CASCADE ON DELETE CASCADE,
  secret text NOT NULL,
  previous_secret text,
  previous_valid_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  rotated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE reference.webhook_secrets IS 'Standard Webhooks signing secret (whsec_...) per workflow; the previous secret stays valid until previous_valid_until after a rotation.';

CREATE TABLE reference.webhook_deliveries (
  workflow_slug text NOT NULL,
  webhook_id text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (workflow_slug, webhook_id)
);
CREATE INDEX webhook_deliveries_expires_at ON reference.webhook_deliveries (expires_at);
COMMENT ON TABLE reference.webhook_deliveries IS 'webhook-id values already accepted per workflow, kept until past the timestamp tolerance: a replayed id is refused.';
