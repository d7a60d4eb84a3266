CREATE OR REPLACE FUNCTION api.pipeline_status()
RETURNS TABLE (workflow_slug text, raw_rows bigint, extracted bigint, failed bigint, pending bigint,
               last_ingest timestamptz, gap bigint, top_errors jsonb)
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- Per registered workflow: raw rows, how many are extracted / failed /
-- pending, the last ingest time, the coalescing gap, and the three most
-- frequent error messages with their counts. What `hq status` prints.
DECLARE
  v_wf record;
BEGIN
  FOR v_wf IN
    SELECT r.workflow_slug, r.raw_table, g.gap AS g
    FROM reference.enrichment_workflow_registry r
    LEFT JOIN reference.coalescing_gap_counts() g ON g.workflow_slug = r.workflow_slug
    ORDER BY r.workflow_slug
  LOOP
    EXECUTE format($sql$
      SELECT count(*), count(*) FILTER (WHERE t.extraction_status = 'extracted'),
             count(*) FILTER (WHERE t.extraction_status = 'failed'),
             count(*) FILTER (WHERE t.extraction_status = 'pending'), max(t.created_at),
             (SELECT coalesce(jsonb_agg(jsonb_build_object('error', e.extraction_error, 'count', e.n) ORDER BY e.n DESC, e.extraction_error), '[]')
              FROM (SELECT f.extraction_error, count(*) AS n FROM %1$I.%2$I f
                    WHERE f.workflow_slug = $1 AND f.extraction_status = 'failed'
                    GROUP BY f.extraction_error ORDER BY n DESC, f.extraction_error LIMIT 3) e)
      FROM %1$I.%2$I t WHERE t.workflow_slug = $1
    $sql$, split_part(v_wf.raw_table, '.', 1), split_part(v_wf.raw_table, '.', 2))
      INTO raw_rows, extracted, failed, pending, last_ingest, top_errors
      USING v_wf.workflow_slug;
    workflow_slug := v_wf.workflow_slug;
    gap := v_wf.g;
    RETURN NEXT;
  END LOOP;
END;
$$;
COMMENT ON FUNCTION api.pipeline_status() IS 'Per workflow: raw rows, extracted, failed (top errors), pending, last ingest, coalescing gap.';
