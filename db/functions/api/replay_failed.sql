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
  SELECT r.raw_table INTO v_table FROM reference.enrichment_workflow_registry r WHERE r.workflow_slug = p_workflow_slug;
  IF v_table IS NULL THEN
    RAISE EXCEPTION 'workflow_slug % is not registered', coalesce(quote_literal(p_workflow_slug), 'NULL') USING ERRCODE = '22023';
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
