CREATE OR REPLACE FUNCTION api.failed_groups(p_limit integer DEFAULT 50)
RETURNS jsonb
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- Failed raw rows grouped by workflow and error message, largest group
-- first: [{workflow_slug, error, rows, last_seen}]. Reads each raw table
-- through its partial index on unprocessed rows.
DECLARE
  v_union text;
  v_out jsonb;
BEGIN
  SELECT string_agg(format(
           'SELECT t.workflow_slug, t.extraction_error, t.created_at FROM %I.%I t WHERE t.extraction_status = ''failed'' AND t.workflow_slug = %L',
           split_part(r.raw_table, '.', 1), split_part(r.raw_table, '.', 2), r.workflow_slug), ' UNION ALL ')
    INTO v_union
  FROM reference.enrichment_workflow_registry r;
  EXECUTE format($q$
    SELECT coalesce(jsonb_agg(jsonb_build_object('workflow_slug', g.workflow_slug, 'error', g.extraction_error,
                                                 'rows', g.n, 'last_seen', g.last_seen)
                              ORDER BY g.n DESC, g.workflow_slug, g.extraction_error), '[]')
    FROM (SELECT x.workflow_slug, x.extraction_error, count(*) AS n, max(x.created_at) AS last_seen
          FROM (%s) x GROUP BY 1, 2 ORDER BY n DESC, 1, 2 LIMIT $1) g$q$, v_union)
    INTO v_out USING greatest(1, least(coalesce(p_limit, 50), 1000));
  RETURN v_out;
END;
$$;
COMMENT ON FUNCTION api.failed_groups(integer) IS 'Dashboard: failed raw rows grouped by workflow and error, largest group first.';
