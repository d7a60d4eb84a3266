CREATE OR REPLACE FUNCTION api.workflow_list()
RETURNS TABLE (workflow_slug text, entity_type text, source text, raw_table text, is_active boolean, fields bigint,
               raw_rows bigint, extracted bigint, failed bigint, last_ingest timestamptz)
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  -- Every registered workflow with its field map size and raw counts
  -- (api.pipeline_status): what hq workflows list prints.
  SELECT r.workflow_slug, r.entity_type, r.source, r.raw_table, r.is_active,
         (SELECT count(*) FROM reference.workflow_field_map m WHERE m.workflow_slug = r.workflow_slug),
         s.raw_rows, s.extracted, s.failed, s.last_ingest
  FROM reference.enrichment_workflow_registry r
  LEFT JOIN api.pipeline_status() s ON s.workflow_slug = r.workflow_slug
  ORDER BY r.workflow_slug;
$$;
COMMENT ON FUNCTION api.workflow_list() IS 'Every workflow with field-map size and raw/extracted/failed counts (hq workflows list).';
