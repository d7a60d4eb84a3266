CREATE OR REPLACE FUNCTION core.legacy_import_batch(p_source text, p_legacy_table text, p_kind text, p_advance boolean DEFAULT true)
RETURNS integer
LANGUAGE plpgsql
VOLATILE
SECURITY INVOKER  -- run by hq import-legacy as the deploying user, over its session's temp table
SET search_path = pg_catalog, pg_temp
AS $$
-- One batch of hq import-legacy, staged by the CLI (COPY) in
-- pg_temp.legacy_batch (legacy_id, created_at, workflow_slug, key_value,
-- payload): payload rows go into HQ's raw tables (their ingest triggers run
-- the pipeline), lookups / priority companies / company customers into
-- their tables (core.legacy_import_lookups, core.legacy_import_direct). With
-- p_advance the table's checkpoint moves to the batch's last row (oldest
-- first: created_at, then legacy id in "C" order), in this same transaction,
-- so a batch is either imported and checkpointed or neither. Returns the
-- rows written.
DECLARE
  v_n integer;
BEGIN
  v_n := CASE
    WHEN p_kind = 'payload' THEN core.legacy_import_payloads(p_source, p_legacy_table)
    WHEN p_kind IN ('job_titles', 'locations') THEN core.legacy_import_lookups(p_source, p_legacy_table, p_kind)
    WHEN p_kind IN ('priority', 'customers') THEN core.legacy_import_direct(p_source, p_legacy_table, p_kind)
    ELSE 0 END;
  IF p_advance THEN
    INSERT INTO reference.legacy_import_checkpoints AS c (source, legacy_table, last_created_at, last_id, rows_seen)
    SELECT p_source, p_legacy_table, l.ts, l.legacy_id, (SELECT count(*) FROM pg_temp.legacy_batch)
    FROM (SELECT coalesce(b.created_at, '-infinity') AS ts, b.legacy_id FROM pg_temp.legacy_batch b
          ORDER BY 1 DESC, b.legacy_id COLLATE "C" DESC LIMIT 1) l
    ON CONFLICT (source, legacy_table) DO UPDATE SET last_created_at = excluded.last_created_at, last_id = excluded.last_id,
      rows_seen = c.rows_seen + excluded.rows_seen, updated_at = now();
  END IF;
  RETURN v_n;
END;
$$;
COMMENT ON FUNCTION core.legacy_import_batch(text, text, text, boolean) IS
  'hq import-legacy: import the staged batch of one legacy table and move its checkpoint, in one transaction.';
