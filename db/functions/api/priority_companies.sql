CREATE OR REPLACE FUNCTION api.priority_companies(p_limit int DEFAULT 100, p_cursor text DEFAULT NULL)
RETURNS jsonb
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  -- The work list with what HQ knows of each company, keyset-paged by
  -- domain: {data:[{domain, name, linkedin_url, source, loaded_at, in_hq,
  -- golden_fields_present, golden_fields_missing, last_enriched_at,
  -- last_workflow}], next_cursor}.
  WITH page AS (
    SELECT p.* FROM core.priority_companies p
    WHERE p_cursor IS NULL OR p.domain > p_cursor
    ORDER BY p.domain
    LIMIT greatest(1, least(coalesce(p_limit, 100), 1000))
  ), rows AS (
    SELECT p.domain, p.name, p.linkedin_url, p.source, p.loaded_at, f.domain IS NOT NULL AS in_hq,
           coalesce(g.present, '[]') AS present, coalesce(g.missing, '[]') AS missing,
           r.completed_at AS last_enriched_at, r.workflow_slug AS last_workflow
    FROM page p
    LEFT JOIN core.companies_full f ON f.domain = p.domain
    LEFT JOIN LATERAL (
      SELECT jsonb_agg(kv.key ORDER BY kv.key) FILTER (WHERE kv.value <> 'null') AS present,
             jsonb_agg(kv.key ORDER BY kv.key) FILTER (WHERE kv.value = 'null') AS missing
      FROM jsonb_each(to_jsonb(f) - 'domain' - 'sources' - 'updated_at') AS kv
      WHERE f.domain IS NOT NULL) g ON true
    LEFT JOIN LATERAL (
      SELECT er.workflow_slug, er.completed_at FROM reference.enrichment_runs er
      WHERE er.entity_key = p.domain AND er.status = 'completed'
      ORDER BY er.completed_at DESC NULLS LAST LIMIT 1) r ON true
  )
  SELECT jsonb_build_object(
    'data', coalesce(jsonb_agg(jsonb_build_object(
              'domain', x.domain, 'name', x.name, 'linkedin_url', x.linkedin_url, 'source', x.source,
              'loaded_at', x.loaded_at, 'in_hq', x.in_hq, 'golden_fields_present', x.present,
              'golden_fields_missing', CASE WHEN x.in_hq THEN x.missing END,
              'last_enriched_at', x.last_enriched_at, 'last_workflow', x.last_workflow) ORDER BY x.domain), '[]'),
    'next_cursor', CASE WHEN count(*) = greatest(1, least(coalesce(p_limit, 100), 1000)) THEN max(x.domain) END)
  FROM rows x;
$$;
COMMENT ON FUNCTION api.priority_companies(int, text) IS 'The priority work list, keyset-paged by domain, with golden fields present/missing and the last completed enrichment (when, which workflow).';
