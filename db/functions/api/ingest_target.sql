CREATE OR REPLACE FUNCTION api.ingest_target(p_workflow_slug text)
RETURNS jsonb
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- Where a bulk load for a workflow goes: {raw_table, key_column,
-- payload_key} (the raw table, its key column, the payload's key field), for the
-- ingest role (which cannot read the registry). Unknown or inactive slugs
-- raise 22023 naming the slug.
DECLARE
  v_out jsonb;
BEGIN
  SELECT jsonb_build_object('raw_table', r.raw_table, 'key_column', r.key_column, 'payload_key', r.payload_key,
                            'is_active', r.is_active)
    INTO v_out
  FROM reference.enrichment_workflow_registry r WHERE r.workflow_slug = p_workflow_slug;
  IF v_out IS NULL OR NOT (v_out ->> 'is_active')::boolean THEN
    RAISE EXCEPTION 'workflow_slug % is %', coalesce(quote_literal(p_workflow_slug), 'NULL'),
      CASE WHEN v_out IS NULL THEN 'not registered' ELSE 'inactive' END
      USING ERRCODE = '22023', HINT = 'Register it in reference.enrichment_workflow_registry, or set is_active = true.';
  END IF;
  RETURN v_out - 'is_active';
END;
$$;
COMMENT ON FUNCTION api.ingest_target(text) IS 'Raw table, key column and payload key of an active workflow (for bulk loaders running as hq_ingest).';
