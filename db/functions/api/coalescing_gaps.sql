CREATE OR REPLACE FUNCTION api.coalescing_gaps()
RETURNS TABLE (workflow_slug text, entity_type text, coalesces_to_core boolean,
               entities_in_extracted bigint, entities_in_core bigint, gap bigint)
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  -- reference.coalescing_gaps for the query role (which cannot read reference).
  SELECT g.workflow_slug, g.entity_type, g.coalesces_to_core, g.entities_in_extracted, g.entities_in_core, g.gap
  FROM reference.coalescing_gap_counts() g;
$$;
COMMENT ON FUNCTION api.coalescing_gaps() IS 'Per workflow: entities in extracted vs core and the gap (reference.coalescing_gaps).';
