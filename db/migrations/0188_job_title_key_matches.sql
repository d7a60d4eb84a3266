-- depends: 0187_idempotency_digest_later_raw_tables
-- The title rules' answer per title key, remembered: matching a new title
-- against the rules compiles each rule's regular expression, and with more
-- rules than PostgreSQL's 32-entry regex cache every call compiled them all
-- again (docs/benchmarks.md, "Title rules remembered per key").
-- reference.match_title_keys reads and fills the table; a change to the rules
-- bumps reference.job_title_rules_state.version, and rows of an older
-- version are never read (and are deleted by the same trigger).
CREATE TABLE IF NOT EXISTS reference.job_title_rules_state (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  version bigint NOT NULL DEFAULT 1
);
COMMENT ON TABLE reference.job_title_rules_state IS
  'One row: the version of reference.job_title_rules, bumped by every statement that changes the rules (reference.tg_title_rules_changed).';
COMMENT ON COLUMN reference.job_title_rules_state.version IS 'Current rules version; reference.job_title_key_matches rows of another version are stale.';
INSERT INTO reference.job_title_rules_state DEFAULT VALUES ON CONFLICT DO NOTHING;

CREATE TABLE IF NOT EXISTS reference.job_title_key_matches (
  title_key text PRIMARY KEY,
  rules_version bigint NOT NULL,
  job_function text,
  seniority text,
  matched_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE reference.job_title_key_matches IS
  'The title rules'' answer per title key (reference.job_title_key), remembered by reference.match_title_keys; NULLs when no rule matched. Only rows of the current rules version are read.';
COMMENT ON COLUMN reference.job_title_key_matches.title_key IS 'reference.job_title_key of a raw title.';
COMMENT ON COLUMN reference.job_title_key_matches.rules_version IS 'reference.job_title_rules_state.version the answer was computed under.';
COMMENT ON COLUMN reference.job_title_key_matches.job_function IS 'Job function of the first matching active rule with one (priority, then id), or NULL.';
COMMENT ON COLUMN reference.job_title_key_matches.seniority IS 'Seniority of the first matching active rule with one (priority, then id), or NULL.';
COMMENT ON COLUMN reference.job_title_key_matches.matched_at IS 'When the answer was computed.';
