CREATE OR REPLACE FUNCTION api.entity_deliveries(p_entity_type text, p_key text, p_limit integer DEFAULT 100)
RETURNS jsonb
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- Dashboard: the raw deliveries about one company (p_key a domain) or person
-- (a LinkedIn URL), newest first, from every registered raw table of that
-- entity type, read through each table's key index:
-- [{workflow_slug, raw_id, created_at, extraction_status, extraction_error}].
DECLARE
  v_key text := CASE p_entity_type WHEN 'company' THEN core.normalize_domain(p_key)
                                   WHEN 'person' THEN core.normalize_linkedin_url(p_key) END;
  v_union text;
  v_out jsonb;
BEGIN
  IF p_entity_type IS NULL OR p_entity_type NOT IN ('company', 'person') THEN
    RAISE EXCEPTION 'entity_type must be company or person' USING ERRCODE = '22023';
  END IF;
  IF v_key IS NULL THEN
    RETURN '[]';
  END IF;
  SELECT string_agg(format('SELECT t.workflow_slug, t.id, t.created_at, t.extraction_status, t.extraction_error
                            FROM %I.%I t WHERE t.%I = $1 AND t.workflow_slug = %L',
                           split_part(r.raw_table, '.', 1), split_part(r.raw_table, '.', 2), r.key_column, r.workflow_slug),
                    ' UNION ALL ')
    INTO v_union
  FROM reference.enrichment_workflow_registry r WHERE r.entity_type = p_entity_type;
  EXECUTE format($q$SELECT coalesce(jsonb_agg(jsonb_build_object('workflow_slug', d.workflow_slug, 'raw_id', d.id,
                      'created_at', d.created_at, 'extraction_status', d.extraction_status,
                      'extraction_error', d.extraction_error) ORDER BY d.created_at DESC, d.id), '[]')
                    FROM (SELECT * FROM (%s) x ORDER BY x.created_at DESC, x.id LIMIT $2) d$q$, v_union)
    INTO v_out USING v_key, greatest(1, least(coalesce(p_limit, 100), 1000));
  RETURN v_out;
END;
$$;
COMMENT ON FUNCTION api.entity_deliveries(text, text, integer) IS 'Dashboard: raw deliveries about one company or person with their extraction status, newest first.';
