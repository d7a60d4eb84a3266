CREATE OR REPLACE FUNCTION api.replay(p_workflow_slug text DEFAULT NULL, p_all boolean DEFAULT false)
RETURNS integer
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- Reprocess raw rows of one workflow (or every active workflow when
-- p_workflow_slug is NULL): rows that are failed or still pending, or every
-- row with p_all. Returns how many rows were reprocessed. Re-ingesting the
-- same payload changes nothing in core. For large backlogs prefer
-- CALL core.replay_batches(...), which commits per batch.
DECLARE
  v_table text;
  v_ids uuid[];
  v_total integer := 0;
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
    EXECUTE format('SELECT array_agg(t.id ORDER BY t.created_at, t.id) FROM %I.%I t
                    JOIN reference.enrichment_workflow_registry r ON r.workflow_slug = t.workflow_slug AND r.is_active
                    WHERE ($1::text IS NULL OR t.workflow_slug = $1) AND ($2 OR t.extraction_status IN (''failed'', ''pending''))',
                   split_part(v_table, '.', 1), split_part(v_table, '.', 2))
      INTO v_ids USING p_workflow_slug, p_all;
    v_total := v_total + core.replay_rows(v_table, v_ids);
  END LOOP;
  RETURN v_total;
END;
$$;
COMMENT ON FUNCTION api.replay(text, boolean) IS 'Reprocess failed/pending raw rows (all rows with p_all) of a workflow or of all workflows; returns rows reprocessed.';
