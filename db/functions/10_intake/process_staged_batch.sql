CREATE OR REPLACE FUNCTION core.process_staged_batch(
  p_schema text, p_table text, p_key_column text, p_entity_type text, p_flat_columns boolean)
RETURNS integer
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off  -- why: docs/pipeline.md#jit
AS $$
-- Process the rows staged in pg_temp.hq_ingest_batch for raw table
-- p_schema.p_table (registry entry from core.raw_table_registration): the
-- newest valid row per (entity, workflow) goes through core.process_batch
-- in one call (per row only when the batch raises, so one bad row never
-- blocks the others); then every staged raw row gets its status
-- (extracted, failed with the error, or skipped when superseded in the
-- same batch), the normalized key and the registry's provider columns (and,
-- with p_flat_columns, raw_payload when it was empty), and
-- reference.enrichment_runs is upserted. Returns rows staged.
DECLARE
  v_ids uuid[]; v_slugs text[]; v_keys text[]; v_payloads jsonb[];
  v_i int;
  v_err text;
  v_failed jsonb := '{}';
  v_rows integer;
BEGIN
  SELECT array_agg(b.id), array_agg(b.slug), array_agg(b.ekey), array_agg(b.payload)
    INTO v_ids, v_slugs, v_keys, v_payloads
  FROM pg_temp.hq_ingest_batch b WHERE b.newest;

  IF v_ids IS NOT NULL THEN
    BEGIN
      PERFORM core.process_batch(p_entity_type, v_ids, v_slugs, v_keys, v_payloads);
    EXCEPTION WHEN OTHERS THEN
      -- the batch failed as a whole: isolate the failing rows one by one
      FOR v_i IN 1 .. array_length(v_ids, 1) LOOP
        BEGIN
          PERFORM core.process_batch(p_entity_type, ARRAY[v_ids[v_i]], ARRAY[v_slugs[v_i]], ARRAY[v_keys[v_i]], ARRAY[v_payloads[v_i]]);
        EXCEPTION WHEN OTHERS THEN
          GET STACKED DIAGNOSTICS v_err = MESSAGE_TEXT;
          v_failed := v_failed || jsonb_build_object(v_ids[v_i]::text, 'processing: ' || v_err);
        END;
      END LOOP;
    END;
  END IF;

  IF v_failed <> '{}' THEN
    UPDATE pg_temp.hq_ingest_batch b SET error = v_failed ->> b.id::text WHERE v_failed ? b.id::text;
  END IF;

  -- one statement for whichever raw table fired (identifiers via %I)
  EXECUTE format($sql$
    UPDATE %I.%I t
       SET %3$I = coalesce(b.ekey, t.%3$I),
           provider = coalesce(t.provider, r.provider), platform = coalesce(t.platform, r.platform),
           payload_type = coalesce(t.payload_type, r.payload_type),
           extraction_status = CASE WHEN b.error IS NOT NULL THEN 'failed' WHEN b.newest THEN 'extracted' ELSE 'skipped' END,
           extraction_error = CASE WHEN b.error IS NOT NULL THEN b.error
                                   WHEN NOT b.newest THEN 'superseded by a newer payload for the same entity and workflow in the same statement' END,
           processed_at = now()%4$s
      FROM pg_temp.hq_ingest_batch b, reference.enrichment_workflow_registry r
     WHERE t.id = b.id AND r.workflow_slug = b.slug
  $sql$, p_schema, p_table, p_key_column,
  CASE WHEN p_flat_columns THEN ', raw_payload = coalesce(t.raw_payload, b.payload)' ELSE '' END);

  INSERT INTO reference.enrichment_runs AS er (workflow_slug, entity_type, entity_key, status, records_processed, started_at, completed_at, error)
  SELECT DISTINCT ON (b.slug, coalesce(b.ekey, b.id::text))
         b.slug, p_entity_type, coalesce(b.ekey, b.id::text),
         CASE WHEN b.error IS NULL THEN 'completed' ELSE 'failed' END,
         CASE WHEN b.error IS NULL THEN 1 ELSE 0 END, now(), now(), b.error
  FROM pg_temp.hq_ingest_batch b
  WHERE b.newest OR b.error IS NOT NULL
  ORDER BY b.slug, coalesce(b.ekey, b.id::text), (b.error IS NULL) DESC
  ON CONFLICT (workflow_slug, entity_key) DO UPDATE SET
    status = excluded.status, records_processed = excluded.records_processed,
    started_at = excluded.started_at, completed_at = excluded.completed_at, error = excluded.error;

  SELECT count(*) INTO v_rows FROM pg_temp.hq_ingest_batch;
  RETURN v_rows;
END;
$$;
COMMENT ON FUNCTION core.process_staged_batch(text, text, text, text, boolean) IS
  'Process a staged batch: run the pipeline for the newest valid rows (per-row fallback when the batch raises), then write raw-row statuses and reference.enrichment_runs.';
