-- depends: 0001_schemas_roles
-- API keys: only a SHA-256 hash of each key is stored.

CREATE TABLE reference.api_keys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text,
  scope text NOT NULL CHECK (scope IN ('ingest', 'query', 'admin')),
  key_prefix text NOT NULL,
  key_hash bytea NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
COMMENT ON TABLE reference.api_keys IS 'HTTP API keys with a scope (ingest, query, admin); the key itself is never stored, only sha256(key).';
