CREATE OR REPLACE FUNCTION api.enrichment_status(p_entity_type text, p_entity_key text)
RETURNS jsonb
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- Which enrichments ran for one entity: every registered workflow of the
-- entity type with its last run status (completed, failed, pending, or
-- not_run), completion time, whether it coalesces to core, and how many rows
-- it holds for the entity in its extracted table and in its core tables
-- (rows of the workflow's source). The key is normalized first (a domain, or
-- a LinkedIn profile URL). Shape: {entity_type, entity_key, enrichments:[...],
-- coverage:{total_workflows, completed, failed, not_run}}. NULL when the key
-- is not one an entity of the type can have ('00' is no domain): no such
-- entity, as api.company_detail answers for an unknown domain.
DECLARE
  v_key text;
  v_wf record;
  v_items jsonb := '[]';
  v_ext bigint;
  v_core bigint;
  v_n bigint;
  v_table text;
BEGIN
  IF p_entity_type IS NULL OR p_entity_type NOT IN ('company', 'person') THEN
    RAISE EXCEPTION 'entity_type must be ''company'' or ''person'', got %', coalesce(quote_literal(p_entity_type), 'NULL')
      USING ERRCODE = '22023';
  END IF;
  v_key := core.normalize_entity_key(p_entity_type, p_entity_key);
  IF v_key IS NULL THEN
    RETURN NULL;
  END IF;

  FOR v_wf IN
    SELECT r.workflow_slug, r.source, r.extracted_table, r.core_tables, r.coalesces_to_core,
           er.status, er.completed_at
    FROM reference.enrichment_workflow_registry r
    LEFT JOIN reference.enrichment_runs er ON er.workflow_slug = r.workflow_slug AND er.entity_key = v_key
    WHERE r.entity_type = p_entity_type
    ORDER BY r.workflow_slug
  LOOP
    v_ext := 0;
    IF v_wf.extracted_table IS NOT NULL AND core.entity_key_column(v_wf.extracted_table) IS NOT NULL THEN
      EXECUTE format('SELECT count(*) FROM %I.%I x WHERE x.%I = $1 AND x.workflow_slug = $2',
                     split_part(v_wf.extracted_table, '.', 1), split_part(v_wf.extracted_table, '.', 2),
                     core.entity_key_column(v_wf.extracted_table))
        INTO v_ext USING v_key, v_wf.workflow_slug;
    END IF;
    v_core := 0;
    FOREACH v_table IN ARRAY v_wf.core_tables LOOP
      CONTINUE WHEN core.entity_key_column(v_table) IS NULL;
      EXECUTE format('SELECT count(*) FROM %I.%I c WHERE c.%I = $1 %s',
                     split_part(v_table, '.', 1), split_part(v_table, '.', 2), core.entity_key_column(v_table),
                     CASE WHEN core.has_column(v_table, 'source') THEN 'AND c.source = $2' ELSE '' END)
        INTO v_n USING v_key, v_wf.source;
      v_core := v_core + v_n;
    END LOOP;
    v_items := v_items || jsonb_build_array(jsonb_build_object(
      'workflow_slug', v_wf.workflow_slug,
      'status', coalesce(v_wf.status, 'not_run'),
      'completed_at', v_wf.completed_at,
      'coalesces_to_core', v_wf.coalesces_to_core,
      'records_in_extracted', v_ext,
      'records_in_core', v_core));
  END LOOP;

  RETURN jsonb_build_object(
    'entity_type', p_entity_type,
    'entity_key', v_key,
    'enrichments', v_items,
    'coverage', (SELECT jsonb_build_object(
                   'total_workflows', count(*),
                   'completed', count(*) FILTER (WHERE e ->> 'status' = 'completed'),
                   'failed', count(*) FILTER (WHERE e ->> 'status' = 'failed'),
                   'not_run', count(*) FILTER (WHERE e ->> 'status' = 'not_run'))
                 FROM jsonb_array_elements(v_items) AS e));
END;
$$;
COMMENT ON FUNCTION api.enrichment_status(text, text) IS
  'Enrichment status of one company or person: every registered workflow (not_run included) with run status and row counts in extracted and core.';
