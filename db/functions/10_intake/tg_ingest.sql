CREATE OR REPLACE FUNCTION raw.tg_ingest()
RETURNS trigger
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off  -- why: docs/pipeline.md#jit
AS $$
-- Statement-level AFTER INSERT on every raw table of the registry,
-- companies and people alike (transition table new_rows). Rejects unknown
-- or inactive workflow slugs; re-analyzes tables whose statistics fell far
-- behind (core.analyze_stale_tables); reads the raw table's registry entry
-- (core.raw_table_registration: key column, entity type, flat_columns);
-- stages every row validated set-based into pg_temp.hq_ingest_batch
-- (core.build_staging_sql: JSON object, a key that is a domain or a
-- LinkedIn profile URL, field types per reference.workflow_field_map);
-- then core.process_staged_batch runs the pipeline for the newest valid
-- row per (entity, workflow) and writes every raw row's status and
-- reference.enrichment_runs (a batch of a few rows, a webhook, through
-- core.process_staged_batch_by_rule: planned by rule, not by statistics).
DECLARE
  v_bad record;
  -- TG_TABLE_* are of type name, collation "C": passed on as they are, every
  -- text the pipeline derives from them compares in "C", and no key index
  -- (default collation) can serve those comparisons
  v_schema text COLLATE "default" := TG_TABLE_SCHEMA;
  v_table text COLLATE "default" := TG_TABLE_NAME;
  v_reg record;
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

  -- the staging statement reads the transition table, so it runs here
  SELECT * INTO v_reg FROM core.raw_table_registration(v_schema, v_table);
  PERFORM core.reset_ingest_batch();
  EXECUTE core.build_staging_sql(v_schema, v_table, v_reg.key_column, v_reg.entity_type, v_reg.flat_columns, true);
  -- a few rows (a webhook) are planned by rule, not by statistics (core.process_staged_batch_by_rule)
  IF (SELECT count(*) FROM pg_temp.hq_ingest_batch) <= 100 THEN
    PERFORM core.process_staged_batch_by_rule(v_schema, v_table, v_reg.key_column, v_reg.entity_type, v_reg.flat_columns);
  ELSE
    PERFORM core.process_staged_batch(v_schema, v_table, v_reg.key_column, v_reg.entity_type, v_reg.flat_columns);
  END IF;
  RETURN NULL;
END;
$$;
COMMENT ON FUNCTION raw.tg_ingest() IS 'Statement-level ingest trigger for every raw table: registry check, set-based validation, batch processing with per-row fallback, status and run tracking.';
