CREATE OR REPLACE FUNCTION core.worklist_companies(p_missing text, p_cursor text, p_limit int)
RETURNS jsonb
LANGUAGE plpgsql
STABLE
SET search_path = pg_catalog, pg_temp
AS $$
-- The rows of api.worklist(entity => 'company'): companies whose missing
-- name or country is the one field keeping their people (counted) out of
-- core.leads; literal partial-index predicates, keyset by domain.
DECLARE
  v_rows jsonb;
BEGIN
  IF p_missing = 'company_name' THEN
    SELECT jsonb_agg(to_jsonb(c) ORDER BY c.domain) INTO v_rows FROM (
      SELECT f.domain, f.name, f.linkedin_url, f.country, w.people_waiting
      FROM core.companies_full f
      CROSS JOIN LATERAL (SELECT count(*) AS people_waiting FROM core.people_full p
                          WHERE p.company_domain = f.domain AND p.country IS NOT NULL
                            AND p.job_function IS NOT NULL AND p.seniority IS NOT NULL) w
      WHERE f.name IS NULL AND f.country IS NOT NULL AND (p_cursor IS NULL OR f.domain > p_cursor) AND w.people_waiting > 0
      ORDER BY f.domain LIMIT p_limit) c;
  ELSIF p_missing = 'company_country' THEN
    SELECT jsonb_agg(to_jsonb(c) ORDER BY c.domain) INTO v_rows FROM (
      SELECT f.domain, f.name, f.linkedin_url, f.country, w.people_waiting
      FROM core.companies_full f
      CROSS JOIN LATERAL (SELECT count(*) AS people_waiting FROM core.people_full p
                          WHERE p.company_domain = f.domain AND p.country IS NOT NULL
                            AND p.job_function IS NOT NULL AND p.seniority IS NOT NULL) w
      WHERE f.country IS NULL AND f.name IS NOT NULL AND (p_cursor IS NULL OR f.domain > p_cursor) AND w.people_waiting > 0
      ORDER BY f.domain LIMIT p_limit) c;
  END IF;
  RETURN coalesce(v_rows, '[]');
END;
$$;
COMMENT ON FUNCTION core.worklist_companies(text, text, int) IS 'Companies whose missing name or country alone keeps their people out of core.leads (api.worklist).';
