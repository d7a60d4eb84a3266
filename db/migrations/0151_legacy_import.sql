-- depends: 0150_client_leads
-- hq import-legacy: where each legacy table stands (checkpoint), the rows
-- it skipped and why, outcome counts of the tables imported without a raw
-- payload (lookups, priority companies, company customers), and the review
-- list of curated lookup values outside HQ's canonical lists.

CREATE TABLE reference.legacy_import_checkpoints (
  source text NOT NULL, legacy_table text NOT NULL,
  last_created_at timestamptz, last_id text,
  rows_seen bigint NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (source, legacy_table));
COMMENT ON TABLE reference.legacy_import_checkpoints IS 'hq import-legacy: per legacy database (host:port/dbname) and table, the last row imported (oldest first: created_at, then legacy id) and how many rows were read; written in the transaction of each batch, so an interrupted import resumes after the last committed batch.';

CREATE TABLE reference.legacy_import_skips (
  source text NOT NULL, legacy_table text NOT NULL, legacy_id text NOT NULL,
  workflow_slug text, reason text NOT NULL,
  seen_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (source, legacy_table, legacy_id));
COMMENT ON TABLE reference.legacy_import_skips IS 'hq import-legacy: legacy payload rows not imported, with the reason (a workflow_slug HQ does not know, or an inactive one). Rows leave this table when a later run imports them (after the slug is registered).';

CREATE TABLE reference.legacy_import_outcomes (
  source text NOT NULL, legacy_table text NOT NULL, outcome text NOT NULL, reason text NOT NULL DEFAULT '',
  rows bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (source, legacy_table, outcome, reason));
COMMENT ON TABLE reference.legacy_import_outcomes IS 'hq import-legacy: per legacy table without raw payloads (lookups, priority companies, company customers), rows imported, already present, sent to review or refused, with the reason.';

CREATE TABLE reference.legacy_lookup_review (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  source text NOT NULL, lookup text NOT NULL, raw_key text NOT NULL, field text NOT NULL,
  legacy_value text NOT NULL, reason text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz,
  UNIQUE (source, lookup, raw_key, field));
COMMENT ON TABLE reference.legacy_lookup_review IS 'Curated legacy lookup values outside HQ''s canonical lists (job functions, seniorities, countries): the lookup row was imported without that field; a person decides (insert the canonical value, or add it to the canonical list) and sets resolved_at.';
