CREATE OR REPLACE FUNCTION core.reset_ingest_batch()
RETURNS void
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- An empty pg_temp.hq_ingest_batch, the staging table of one ingest
-- statement (or one replay call): one row per raw row with its id, workflow
-- slug, normalized entity key (ekey), payload, validation or processing
-- error, and newest (the row to process for its (entity, workflow)).
-- Created once per transaction (ON COMMIT DROP), emptied for each
-- statement. Written by the SQL of core.build_staging_sql, read and
-- updated by core.process_staged_batch.
BEGIN
  IF to_regclass('pg_temp.hq_ingest_batch') IS NULL THEN
    CREATE TEMP TABLE hq_ingest_batch (
      id uuid, slug text, ekey text, payload jsonb, error text, newest boolean) ON COMMIT DROP;
  END IF;
  TRUNCATE pg_temp.hq_ingest_batch;
END;
$$;
COMMENT ON FUNCTION core.reset_ingest_batch() IS
  'Create (once per transaction) and empty pg_temp.hq_ingest_batch, the staging table of one ingest statement.';
