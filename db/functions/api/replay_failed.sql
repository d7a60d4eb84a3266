CREATE OR REPLACE FUNCTION api.replay_failed(p_workflow_slug text, p_error text)
RETURNS jsonb
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- Admin: reprocess the failed rows of one workflow that carry one error
-- message (a group on the quality page) through the ingest pipeline
-- (core.replay_rows), and say how they came out: {replayed, extracted,
-- failed, errors: [new messages]}.
DECLARE
  v_table text;
  v_ids uuid[];
  v_out jsonb;
BEGIN
  IF p_workflow_slug IS NULL THEN
    RAISE EXCEPTION 'workflow_slug is required' USING ERRCODE = '22023';
  END IF;
  -- the raw table by the replay rule of api.replay and core.replay_batches
  -- (an unregistered slug raises 22023; an inactive workflow is not replayed)
  SELECT t INTO v_table FROM core.replay_raw_tables(p_workflow_slug) AS t;
  IF v_table IS NULL THEN
    RETURN jsonb_build_object('replayed', 0, 'extracted', 0, 'failed', 0, 'errors', '[]'::jsonb);
  END IF;
  EXECUTE format('SELECT array_agg(t.id ORDER BY t.created_at, t.id) FROM %I.%I t
                  WHERE t.workflow_slug = $1 AND t.extraction_status = ''failed'' AND t.extraction_error IS NOT DISTINCT FROM $2',
                 split_part(v_table, '.', 1), split_part(v_table, '.', 2))
    INTO v_ids USING p_workflow_slug, p_error;
  PERFORM core.replay_rows(v_table, v_ids);
  EXECUTE format($q$SELECT jsonb_build_object('replayed', count(*),
                      'extracted', count(*) FILTER (WHERE t.extraction_status = 'extracted'),
                      'failed', count(*) FILTER (WHERE t.extraction_status = 'failed'),
                      'errors', coalesce(jsonb_agg(DISTINCT t.extraction_error) FILTER (WHERE t.extraction_error IS NOT NULL), '[]'))
                    FROM %I.%I t WHERE t.id = ANY ($1)$q$, split_part(v_table, '.', 1), split_part(v_table, '.', 2))
    INTO v_out USING coalesce(v_ids, '{}');
  RETURN v_out;
END;
$$;
COMMENT ON FUNCTION api.replay_failed(text, text) IS 'Admin: replay the failed raw rows of one workflow with one error message; returns how many, and how they came out.';
