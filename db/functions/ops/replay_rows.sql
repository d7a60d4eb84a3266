CREATE OR REPLACE FUNCTION core.replay_rows(p_raw_table text, p_ids uuid[])
RETURNS integer
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off  -- why: docs/pipeline.md#jit
AS $$
-- Reprocess the given rows of a registered raw table exactly as the ingest
-- trigger processes a fresh statement (same validation, same pipeline, same
-- status and run tracking). Idempotent: replaying a row twice changes
-- nothing in core. Returns rows processed.
DECLARE
  v_schema text := split_part(p_raw_table, '.', 1);
  v_table text := split_part(p_raw_table, '.', 2);
  v_reg record;
BEGIN
  IF coalesce(cardinality(p_ids), 0) = 0 THEN
    RETURN 0;
  END IF;
  IF EXISTS (SELECT 1 FROM reference.enrichment_workflow_registry r
             WHERE r.raw_table = p_raw_table AND r.entity_type = 'client_lead') THEN
    RETURN client.process_leads(p_ids);  -- client leads have their own pipeline
  END IF;
  SELECT * INTO v_reg FROM core.raw_table_registration(v_schema, v_table);
  PERFORM core.reset_ingest_batch();
  EXECUTE core.build_staging_sql(v_schema, v_table, v_reg.key_column, v_reg.entity_type, v_reg.flat_columns, false) USING p_ids;
  RETURN core.process_staged_batch(v_schema, v_table, v_reg.key_column, v_reg.entity_type, v_reg.flat_columns);
END;
$$;
COMMENT ON FUNCTION core.replay_rows(text, uuid[]) IS 'Reprocess given raw rows through the ingest pipeline (same validation, processing and status tracking as the trigger).';
