-- depends: 0187_idempotency_digest_later_raw_tables
-- The version of the title rules: reference.match_title_keys remembers the
-- rules' answer per title key for the session (matching a new title compiles
-- every rule's regular expression, and there are more rules than
-- PostgreSQL's 32-entry regex cache; docs/benchmarks.md, "Title rules
-- remembered per key"), stamped with this version, which every change to the
-- rules bumps; answers of an older version are never read.
CREATE TABLE IF NOT EXISTS reference.job_title_rules_state (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  version bigint NOT NULL DEFAULT 1
);
COMMENT ON TABLE reference.job_title_rules_state IS
  'One row: the version of reference.job_title_rules, bumped by every statement that changes the rules (reference.tg_title_rules_changed).';
COMMENT ON COLUMN reference.job_title_rules_state.version IS 'Current rules version; answers remembered under another version (reference.match_title_keys) are not read.';
INSERT INTO reference.job_title_rules_state DEFAULT VALUES ON CONFLICT DO NOTHING;
