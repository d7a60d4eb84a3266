CREATE OR REPLACE FUNCTION api.ingest_columns(p_workflow_slug text, p_headers text[])
RETURNS jsonb
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  -- For a bulk loader running as hq_ingest: which flat column of the
  -- workflow's raw table each file header fills, as {header: column}
  -- (core.snake_case of the header, when the raw table has that column).
  -- Headers without a column are left out: they stay in raw_payload, the
  -- row as received. Columns the pipeline manages are never targets.
  -- Unknown or inactive slugs raise 22023 (api.ingest_target).
  SELECT coalesce(jsonb_object_agg(h.header, a.attname), '{}')
  FROM unnest(p_headers) AS h(header)
  JOIN pg_catalog.pg_attribute a
    ON a.attrelid = (api.ingest_target(p_workflow_slug) ->> 'raw_table')::regclass
   AND a.attname = core.snake_case(h.header) AND a.attnum > 0 AND NOT a.attisdropped
  WHERE a.attname NOT IN ('id', 'workflow_slug', 'raw_payload', 'idempotency_key', 'created_at',
                          'extraction_status', 'extraction_error', 'processed_at');
$$;
COMMENT ON FUNCTION api.ingest_columns(text, text[]) IS
  'Header -> raw table column map for bulk loads of a workflow (core.snake_case of each header that names a flat column).';
