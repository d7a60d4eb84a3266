-- depends: 0014_priority_companies
-- A raw table whose rows arrive as flat columns (one per CSV header, as
-- Sales Navigator exports do) is marked in the registry, so the ingest
-- stage builds such a payload from the columns because of this flag, not
-- because of the table's name.
ALTER TABLE reference.enrichment_workflow_registry
  ADD COLUMN flat_columns boolean NOT NULL DEFAULT false;
COMMENT ON COLUMN reference.enrichment_workflow_registry.flat_columns IS
  'true: the raw table holds one column per provider field (CSV headers in snake_case); the payload is built from those columns completed by raw_payload, and raw_payload is filled with the row as received when empty. Every workflow of one raw table must agree.';
UPDATE reference.enrichment_workflow_registry SET flat_columns = true WHERE raw_table = 'raw.salesnav_scrapes';
