CREATE OR REPLACE FUNCTION api.workflows()
RETURNS jsonb
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- The workflow registry with each workflow's raw rows counted by extraction
-- status: {data: [{workflow_slug, provider, platform, payload_type,
-- entity_type, source, raw_table, key_column, payload_key, extracted_table,
-- core_tables, coalesces_to_core, is_active, description, raw_rows,
-- by_status: {pending, extracted, failed, skipped}, last_ingest_at}]}.
-- One grouped scan per raw table (tables, not rows, are looped over).
DECLARE
  v_table text;
  v_counts jsonb := '{}';
  v_part jsonb;
BEGIN
  FOR v_table IN SELECT DISTINCT r.raw_table FROM reference.enrichment_workflow_registry r ORDER BY 1 LOOP
    EXECUTE format(
      'SELECT coalesce(jsonb_object_agg(s.workflow_slug, jsonb_build_object(''n'', s.n, ''by'', s.by, ''last'', s.last)), ''{}'')
       FROM (SELECT t.workflow_slug, sum(t.n) AS n, jsonb_object_agg(t.extraction_status, t.n) AS by, max(t.last) AS last
             FROM (SELECT x.workflow_slug, x.extraction_status, count(*) AS n, max(x.created_at) AS last
                   FROM %I.%I x GROUP BY 1, 2) t GROUP BY t.workflow_slug) s',
      split_part(v_table, '.', 1), split_part(v_table, '.', 2))
      INTO v_part;
    v_counts := v_counts || v_part;
  END LOOP;
  RETURN jsonb_build_object('data', (
    SELECT coalesce(jsonb_agg(jsonb_build_object(
             'workflow_slug', r.workflow_slug, 'provider', r.provider, 'platform', r.platform,
             'payload_type', r.payload_type, 'entity_type', r.entity_type, 'source', r.source,
             'raw_table', r.raw_table, 'key_column', r.key_column, 'payload_key', r.payload_key,
             'extracted_table', r.extracted_table, 'core_tables', to_jsonb(r.core_tables),
             'coalesces_to_core', r.coalesces_to_core, 'is_active', r.is_active, 'description', r.description,
             'raw_rows', coalesce((v_counts -> r.workflow_slug ->> 'n')::bigint, 0),
             'by_status', jsonb_build_object('pending', 0, 'extracted', 0, 'failed', 0, 'skipped', 0)
                          || coalesce(v_counts -> r.workflow_slug -> 'by', '{}'),
             'last_ingest_at', v_counts -> r.workflow_slug -> 'last')
           ORDER BY r.workflow_slug), '[]')
    FROM reference.enrichment_workflow_registry r));
END;
$$;
COMMENT ON FUNCTION api.workflows() IS
  'The workflow registry with raw row counts by extraction status per workflow: {data: [...]}.';
