CREATE OR REPLACE FUNCTION reference.coalescing_gap_counts()
RETURNS TABLE (workflow_slug text, entity_type text, coalesces_to_core boolean,
               entities_in_extracted bigint, entities_in_core bigint, gap bigint)
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- Per registered workflow: distinct entities in its extracted table (or, for
-- a workflow without one, raw rows extracted), how many of them have a row of
-- the workflow's source in at least one of its core tables, and the gap.
-- Built from the registry with format(%I, %L) only.
DECLARE
  v_wf record;
  v_exists text;
  v_from text;
BEGIN
  FOR v_wf IN
    SELECT r.* FROM reference.enrichment_workflow_registry r ORDER BY r.workflow_slug
  LOOP
    IF v_wf.extracted_table IS NOT NULL AND core.entity_key_column(v_wf.extracted_table) IS NOT NULL THEN
      v_from := format('(SELECT DISTINCT x.%I AS k FROM %I.%I x WHERE x.workflow_slug = %L)',
                       core.entity_key_column(v_wf.extracted_table), split_part(v_wf.extracted_table, '.', 1),
                       split_part(v_wf.extracted_table, '.', 2), v_wf.workflow_slug);
    ELSE
      v_from := format('(SELECT DISTINCT x.%I AS k FROM %I.%I x WHERE x.workflow_slug = %L AND x.extraction_status = ''extracted'')',
                       v_wf.key_column, split_part(v_wf.raw_table, '.', 1), split_part(v_wf.raw_table, '.', 2),
                       v_wf.workflow_slug);
    END IF;
    SELECT string_agg(format('EXISTS (SELECT 1 FROM %I.%I c WHERE c.%I = e.k%s)',
                             split_part(t, '.', 1), split_part(t, '.', 2), core.entity_key_column(t),
                             CASE WHEN core.has_column(t, 'source') THEN format(' AND c.source = %L', v_wf.source) ELSE '' END),
                      ' OR ')
      INTO v_exists
    FROM unnest(v_wf.core_tables) AS t WHERE core.entity_key_column(t) IS NOT NULL;
    workflow_slug := v_wf.workflow_slug;
    entity_type := v_wf.entity_type;
    coalesces_to_core := v_wf.coalesces_to_core;
    EXECUTE format('SELECT count(*), count(*) FILTER (WHERE %s) FROM %s e', coalesce(v_exists, 'false'), v_from)
      INTO entities_in_extracted, entities_in_core;
    gap := entities_in_extracted - entities_in_core;
    RETURN NEXT;
  END LOOP;
END;
$$;
COMMENT ON FUNCTION reference.coalescing_gap_counts() IS 'Per workflow: entities extracted, entities in core, gap (dynamic over the registry, %I/%L only).';
