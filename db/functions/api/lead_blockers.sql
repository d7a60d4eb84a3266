CREATE OR REPLACE FUNCTION api.lead_blockers()
RETURNS jsonb
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  -- What keeps people out of core.leads: for every golden person who is not
  -- a lead, the set of required fields missing (the same conditions as
  -- core.refresh_leads), counted per set, most frequent first:
  -- [{missing: ["seniority"], people: 120}, ...]. A set of one field is
  -- the cheapest fix: only that field blocks those people.
  WITH m AS (
    SELECT array_remove(ARRAY[
             CASE WHEN p.company_domain IS NULL THEN 'current company' END,
             CASE WHEN p.company_domain IS NOT NULL AND c.name IS NULL THEN 'company name' END,
             CASE WHEN p.company_domain IS NOT NULL AND c.country IS NULL THEN 'company country' END,
             CASE WHEN p.country IS NULL THEN 'person country' END,
             CASE WHEN p.job_function IS NULL THEN 'job function' END,
             CASE WHEN p.seniority IS NULL THEN 'seniority' END], NULL) AS missing
    FROM core.people_full p
    LEFT JOIN core.companies_full c ON c.domain = p.company_domain
  )
  SELECT coalesce(jsonb_agg(jsonb_build_object('missing', to_jsonb(g.missing), 'people', g.n)
                            ORDER BY cardinality(g.missing), g.n DESC, g.missing), '[]')
  FROM (SELECT m.missing, count(*) AS n FROM m WHERE cardinality(m.missing) > 0 GROUP BY m.missing) g;
$$;
COMMENT ON FUNCTION api.lead_blockers() IS 'Dashboard: people who are not leads, counted by the set of required fields they lack (fewest missing first).';
