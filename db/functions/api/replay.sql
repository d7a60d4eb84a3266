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
  FOR v_table IN SELECT * FROM core.replay_raw_tables(p_workflow_slug) LOOP
    SELECT r.ids INTO v_ids FROM core.replay_row_ids(v_table, p_workflow_slug, p_all) r;
    v_total := v_total + core.replay_rows(v_table, v_ids);
  END LOOP;
  RETURN v_total;
END;
$$;
COMMENT ON FUNCTION api.replay(text, boolean) IS 'Reprocess failed/pending raw rows (all rows with p_all) of a workflow or of all workflows; returns rows reprocessed.';
