CREATE OR REPLACE FUNCTION core.replay_rows(p_raw_table text, p_ids uuid[])
RETURNS integer
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off  -- batch statements are estimated above jit_above_cost; compiling costs ~60 ms each
AS $$
-- Reprocess the given rows of a registered raw table exactly as the ingest
-- trigger processes a fresh statement (same validation, same pipeline, same
-- status and run tracking). Idempotent: replaying a row twice changes
-- nothing in core. Returns rows processed.
DECLARE
  v_schema text := split_part(p_raw_table, '.', 1);
  v_table text := split_part(p_raw_table, '.', 2);
BEGIN
  IF NOT EXISTS (SELECT 1 FROM reference.enrichment_workflow_registry r WHERE r.raw_table = p_raw_table) THEN
    RAISE EXCEPTION '% is not a registered raw table', quote_literal(p_raw_table) USING ERRCODE = '22023';
  END IF;
  IF coalesce(cardinality(p_ids), 0) = 0 THEN
    RETURN 0;
  END IF;
  IF EXISTS (SELECT 1 FROM reference.enrichment_workflow_registry r
             WHERE r.raw_table = p_raw_table AND r.entity_type = 'client_lead') THEN
    RETURN client.process_leads(p_ids);  -- client leads have their own pipeline
  END IF;
  IF to_regclass('pg_temp.hq_ingest_batch') IS NULL THEN
    CREATE TEMP TABLE hq_ingest_batch (
    id uuid, slug text, ekey text, payload jsonb, error text, newest boolean) ON COMMIT DROP;
  END IF;
  TRUNCATE pg_temp.hq_ingest_batch;
  EXECUTE core.ingest_stage_sql(v_schema, v_table, false) USING p_ids;
  RETURN core.ingest_staged(v_schema, v_table);
END;
$$;
COMMENT ON FUNCTION core.replay_rows(text, uuid[]) IS 'Reprocess given raw rows through the ingest pipeline (same validation, processing and status tracking as the trigger).';
