CREATE OR REPLACE PROCEDURE core.replay_batches(
  p_workflow_slug text DEFAULT NULL, p_all boolean DEFAULT false, p_batch_size integer DEFAULT 5000)
LANGUAGE plpgsql
AS $$
-- Replay in batches with a COMMIT after each (call it outside an explicit
-- transaction): failed or pending rows, or every row with p_all, of one
-- workflow or all active ones, in (created_at, id) order, printing progress
-- as NOTICEs. Safe to interrupt and re-run: finished batches are committed
-- and a re-run only finds what is still failed (or, with p_all, redoes rows
-- idempotently). Not SECURITY DEFINER (a procedure that commits cannot be):
-- run it as the owner.
DECLARE
  v_table text;
  v_ids uuid[];
  v_last_at timestamptz;
  v_last_id uuid;
  v_done bigint := 0;
  v_batch integer;
BEGIN
  IF p_workflow_slug IS NOT NULL AND NOT EXISTS (
       SELECT 1 FROM reference.enrichment_workflow_registry r WHERE r.workflow_slug = p_workflow_slug) THEN
    RAISE EXCEPTION 'workflow_slug % is not registered', quote_literal(p_workflow_slug) USING ERRCODE = '22023';
  END IF;
  FOR v_table IN
    SELECT DISTINCT r.raw_table FROM reference.enrichment_workflow_registry r
    WHERE r.is_active AND (p_workflow_slug IS NULL OR r.workflow_slug = p_workflow_slug)
    ORDER BY 1
  LOOP
    v_last_at := '-infinity';
    v_last_id := '00000000-0000-0000-0000-000000000000';
    LOOP
      EXECUTE format('SELECT array_agg(s.id ORDER BY s.created_at, s.id), max(s.created_at) FROM (
                        SELECT t.id, t.created_at FROM %I.%I t
                        JOIN reference.enrichment_workflow_registry r ON r.workflow_slug = t.workflow_slug AND r.is_active
                        WHERE ($1::text IS NULL OR t.workflow_slug = $1) AND ($2 OR t.extraction_status IN (''failed'', ''pending''))
                          AND (t.created_at, t.id) > ($3, $4)
                        ORDER BY t.created_at, t.id LIMIT $5) s',
                     split_part(v_table, '.', 1), split_part(v_table, '.', 2))
        INTO v_ids, v_last_at USING p_workflow_slug, p_all, v_last_at, v_last_id, p_batch_size;
      EXIT WHEN v_ids IS NULL;
      v_last_id := v_ids[cardinality(v_ids)];
      v_batch := core.replay_rows(v_table, v_ids);
      v_done := v_done + v_batch;
      COMMIT;
      RAISE NOTICE 'replay %: % rows (% in total)', v_table, v_batch, v_done;
    END LOOP;
  END LOOP;
  RAISE NOTICE 'replay finished: % rows', v_done;
END;
$$;
COMMENT ON PROCEDURE core.replay_batches(text, boolean, integer) IS
  'Replay raw rows in batches with a COMMIT per batch and progress NOTICEs; safe to interrupt and re-run.';
