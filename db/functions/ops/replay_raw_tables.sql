CREATE OR REPLACE FUNCTION core.replay_raw_tables(p_workflow_slug text)
RETURNS SETOF text
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- The raw tables a replay walks: the one of p_workflow_slug, or those of
-- every active workflow when it is NULL, in name order. A slug that is not
-- registered is an error (22023), so a typo never replays nothing in
-- silence. Shared by api.replay and core.replay_batches.
BEGIN
  IF p_workflow_slug IS NOT NULL AND NOT EXISTS (
       SELECT 1 FROM reference.enrichment_workflow_registry r WHERE r.workflow_slug = p_workflow_slug) THEN
    RAISE EXCEPTION 'workflow_slug % is not registered', quote_literal(p_workflow_slug) USING ERRCODE = '22023';
  END IF;
  RETURN QUERY
    SELECT DISTINCT r.raw_table FROM reference.enrichment_workflow_registry r
    WHERE r.is_active AND (p_workflow_slug IS NULL OR r.workflow_slug = p_workflow_slug)
    ORDER BY 1;
END;
$$;
COMMENT ON FUNCTION core.replay_raw_tables(text) IS
  'Raw tables a replay walks (one workflow''s, or every active workflow''s); raises 22023 for an unregistered slug.';
