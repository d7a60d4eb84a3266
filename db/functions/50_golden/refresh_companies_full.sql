CREATE OR REPLACE FUNCTION core.refresh_companies_full(p_domains text[])
RETURNS integer
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off  -- why: docs/pipeline.md#jit
AS $$
-- Recompute the golden rows of the given domains, set-based. Per field the
-- winner is the dimension row with a non-NULL matched value and the lowest
-- source priority (as reference.source_rank(field, source): the field's row
-- of reference.source_priority, else '*', else last), ties to the most
-- recently updated.
-- City, state and country win together (field 'location'). Writes only rows
-- that change, then the leads of people at the changed companies; returns
-- how many golden rows were written.
DECLARE
  v_rows integer;
  v_changed text[];
BEGIN
  PERFORM core.lock_companies(p_domains);  -- a writer of these golden rows (a no-op when the batch holds them)
  WITH d AS MATERIALIZED (
    -- joined, not '= ANY (p_domains)': a seq scan tests a 5,000-element
    -- array parameter linearly on every row; a join lets the planner hash
    -- or probe the key indexes
    SELECT c.domain FROM core.companies c JOIN (SELECT DISTINCT u.domain FROM unnest(p_domains) AS u(domain)) u
      ON u.domain = c.domain
  ), cand (domain, field, v, v2, v3, source, updated_at) AS (
    -- every non-NULL matched value of the domains, one row per (domain, field, source)
    -- one probe of a table with two fields gives both
    SELECT t.domain, f.field, f.v, NULL, NULL, t.source, t.updated_at FROM core.company_names t JOIN d ON d.domain = t.domain
    CROSS JOIN LATERAL (VALUES ('name', t.cleaned_name), ('linkedin_url', t.linkedin_url)) AS f(field, v)
    WHERE f.v IS NOT NULL
    UNION ALL
    SELECT t.domain, 'employee_range', t.matched_employee_range, NULL, NULL, t.source, t.updated_at FROM core.company_employee_ranges t JOIN d ON d.domain = t.domain
    WHERE t.matched_employee_range IS NOT NULL
    UNION ALL
    SELECT t.domain, 'company_type', t.matched_type, NULL, NULL, t.source, t.updated_at FROM core.company_types t JOIN d ON d.domain = t.domain
    WHERE t.matched_type IS NOT NULL
    UNION ALL
    SELECT t.domain, 'location', t.matched_city, t.matched_state, t.matched_country, t.source, t.updated_at FROM core.company_locations t JOIN d ON d.domain = t.domain
    WHERE num_nonnulls(t.matched_city, t.matched_state, t.matched_country) > 0
    UNION ALL
    SELECT t.domain, 'industry', t.matched_industry, NULL, NULL, t.source, t.updated_at FROM core.company_industries t JOIN d ON d.domain = t.domain
    WHERE t.matched_industry IS NOT NULL
    UNION ALL
    SELECT t.domain, 'funding_range', t.matched_funding_range, NULL, NULL, t.source, t.updated_at FROM core.company_funding t JOIN d ON d.domain = t.domain
    WHERE t.matched_funding_range IS NOT NULL
    UNION ALL
    SELECT t.domain, 'revenue_range', t.matched_revenue_range, NULL, NULL, t.source, t.updated_at FROM core.company_revenue t JOIN d ON d.domain = t.domain
    WHERE t.matched_revenue_range IS NOT NULL
    UNION ALL
    SELECT t.domain, f.field, f.v, NULL, NULL, t.source, t.updated_at FROM core.company_descriptions t JOIN d ON d.domain = t.domain
    CROSS JOIN LATERAL (VALUES ('description', t.description), ('tagline', t.tagline)) AS f(field, v)
    WHERE f.v IS NOT NULL
  ), best AS (
    -- the winner per (domain, field): reference.source_rank as two hash joins, not a call per row
    SELECT DISTINCT ON (c.domain, c.field) c.*
    FROM cand c
    LEFT JOIN reference.source_priority sf ON sf.field = c.field AND sf.source = c.source
    LEFT JOIN reference.source_priority sa ON sa.field = '*' AND sa.source = c.source
    ORDER BY c.domain, c.field, coalesce(sf.priority, sa.priority, 1073741824), c.updated_at DESC
  ), gv AS (
    SELECT b.domain,
           max(b.v) FILTER (WHERE b.field = 'name') AS name,
           max(b.v) FILTER (WHERE b.field = 'linkedin_url') AS linkedin_url,
           max(b.v) FILTER (WHERE b.field = 'employee_range') AS employee_range,
           max(b.v) FILTER (WHERE b.field = 'company_type') AS company_type,
           max(b.v) FILTER (WHERE b.field = 'location') AS city,
           max(b.v2) FILTER (WHERE b.field = 'location') AS state,
           max(b.v3) FILTER (WHERE b.field = 'location') AS country,
           max(b.v) FILTER (WHERE b.field = 'industry') AS industry,
           max(b.v) FILTER (WHERE b.field = 'funding_range') AS funding_range,
           max(b.v) FILTER (WHERE b.field = 'revenue_range') AS revenue_range,
           max(b.v) FILTER (WHERE b.field = 'description') AS description,
           max(b.v) FILTER (WHERE b.field = 'tagline') AS tagline,
           coalesce(jsonb_object_agg(b.field, b.source) FILTER (WHERE b.field <> 'location'), '{}')
           || jsonb_strip_nulls(jsonb_build_object(
                'city', max(b.source) FILTER (WHERE b.field = 'location' AND b.v IS NOT NULL),
                'state', max(b.source) FILTER (WHERE b.field = 'location' AND b.v2 IS NOT NULL),
                'country', max(b.source) FILTER (WHERE b.field = 'location' AND b.v3 IS NOT NULL))) AS sources
    FROM best b GROUP BY b.domain
  ), w AS (
    INSERT INTO core.companies_full AS g (domain, name, linkedin_url, employee_range, company_type, city, state, country,
                                          industry, funding_range, revenue_range, description, tagline, sources, updated_at)
    SELECT d.domain, gv.name, gv.linkedin_url, gv.employee_range, gv.company_type, gv.city, gv.state, gv.country,
           gv.industry, gv.funding_range, gv.revenue_range, gv.description, gv.tagline, coalesce(gv.sources, '{}'), now()
    FROM d LEFT JOIN gv ON gv.domain = d.domain
    ORDER BY d.domain
    ON CONFLICT (domain) DO UPDATE SET
      name = excluded.name, linkedin_url = excluded.linkedin_url, employee_range = excluded.employee_range,
      company_type = excluded.company_type, city = excluded.city, state = excluded.state, country = excluded.country,
      industry = excluded.industry, funding_range = excluded.funding_range, revenue_range = excluded.revenue_range,
      description = excluded.description, tagline = excluded.tagline, sources = excluded.sources, updated_at = now()
    WHERE (g.name, g.linkedin_url, g.employee_range, g.company_type, g.city, g.state, g.country, g.industry,
           g.funding_range, g.revenue_range, g.description, g.tagline, g.sources)
          IS DISTINCT FROM
          (excluded.name, excluded.linkedin_url, excluded.employee_range, excluded.company_type, excluded.city,
           excluded.state, excluded.country, excluded.industry, excluded.funding_range, excluded.revenue_range,
           excluded.description, excluded.tagline, excluded.sources)
    RETURNING g.domain, g.name, g.linkedin_url
  ), c AS (
    UPDATE core.companies c SET name = w.name, linkedin_url = w.linkedin_url, updated_at = now()
    FROM w WHERE c.domain = w.domain AND (c.name, c.linkedin_url) IS DISTINCT FROM (w.name, w.linkedin_url)
    RETURNING 1
  )
  SELECT count(*), array_agg(w.domain) INTO v_rows, v_changed FROM w;
  IF v_rows > 0 THEN
    -- leads of people working at a company whose golden row changed
    PERFORM core.refresh_leads(ARRAY(SELECT p.linkedin_url FROM core.people_full p JOIN unnest(v_changed) AS u(domain) ON u.domain = p.company_domain));
  END IF;
  RETURN v_rows;
END;
$$;
COMMENT ON FUNCTION core.refresh_companies_full(text[]) IS 'Recompute golden company rows for the given domains by survivorship (reference.source_priority); returns rows written.';
