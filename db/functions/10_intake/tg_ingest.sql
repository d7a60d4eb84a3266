CREATE OR REPLACE FUNCTION raw.tg_ingest()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off  -- batch statements are estimated above jit_above_cost; compiling costs ~60 ms each
AS $$
-- Statement-level AFTER INSERT on every raw table of the registry, companies
-- and people alike (transition table new_rows; key column and entity type
-- from the registry; Sales Navigator rows: the flat columns form the
-- payload). Rejects unknown or inactive workflow slugs; validates every row
-- set-based (JSON object, a key that is a domain or a LinkedIn profile URL,
-- field types per reference.workflow_field_map; a JSON string holding the
-- object is unwrapped); runs core.process_batch once for the good rows (per
-- row only if the batch raises, so one bad row never blocks the others);
-- marks the newest row per (entity, workflow) processed and older ones in
-- the same statement 'skipped'; records reference.enrichment_runs; fills
-- provider/platform/payload_type and the normalized key on the raw row.
-- First re-analyzes tables whose statistics fell far behind
-- (core.analyze_stale_tables).
DECLARE
  v_bad record;
  -- TG_TABLE_* are of type name, collation "C": passed on as they are, every
  -- text the pipeline derives from them compares in "C", and no key index
  -- (default collation) can serve those comparisons
  v_schema text COLLATE "default" := TG_TABLE_SCHEMA;
  v_table text COLLATE "default" := TG_TABLE_NAME;
BEGIN
  SELECT n.workflow_slug, r.workflow_slug IS NULL AS unknown, r.raw_table INTO v_bad
  FROM (SELECT DISTINCT nr.workflow_slug FROM new_rows nr) n
  LEFT JOIN reference.enrichment_workflow_registry r ON r.workflow_slug = n.workflow_slug
  WHERE r.workflow_slug IS NULL OR NOT r.is_active OR r.raw_table <> TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'workflow_slug % is %', coalesce(quote_literal(v_bad.workflow_slug), 'NULL'),
      CASE WHEN v_bad.unknown THEN 'not registered'
           WHEN v_bad.raw_table <> TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME THEN 'registered for ' || v_bad.raw_table || ', not ' || TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME
           ELSE 'inactive' END
      USING ERRCODE = '23503',
            HINT = 'Register it with INSERT INTO reference.enrichment_workflow_registry (workflow_slug, provider, platform, payload_type, entity_type, source, raw_table, key_column, payload_key) VALUES (...), or set is_active = true.';
  END IF;

  -- statistics the batch statements can trust (core.analyze_stale_tables)
  PERFORM core.analyze_stale_tables();

  IF to_regclass('pg_temp.hq_ingest_batch') IS NULL THEN
    CREATE TEMP TABLE hq_ingest_batch (
    id uuid, slug text, ekey text, payload jsonb, error text, newest boolean) ON COMMIT DROP;
  END IF;
  TRUNCATE pg_temp.hq_ingest_batch;
  EXECUTE core.ingest_stage_sql(v_schema, v_table, true);
  -- a few rows (a webhook) are planned by rule, not by statistics (core.ingest_staged_by_rule)
  IF (SELECT count(*) FROM pg_temp.hq_ingest_batch) <= 100 THEN
    PERFORM core.ingest_staged_by_rule(v_schema, v_table);
  ELSE
    PERFORM core.ingest_staged(v_schema, v_table);
  END IF;
  RETURN NULL;
END;
$$;
COMMENT ON FUNCTION raw.tg_ingest() IS 'Statement-level ingest trigger for every raw table: registry check, set-based validation, batch processing with per-row fallback, status and run tracking.';
