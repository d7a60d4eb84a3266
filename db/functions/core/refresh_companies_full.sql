CREATE OR REPLACE FUNCTION core.refresh_companies_full(p_domains text[])
RETURNS integer
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- Recompute the golden rows of the given domains, set-based. Per field the
-- winner is the dimension row with a non-NULL matched value and the lowest
-- reference.source_rank(field, source), ties to the most recently updated.
-- City, state and country win together (field 'location'). Writes only rows
-- that change, then the leads of people at the changed companies; returns
-- how many golden rows were written.
DECLARE
  v_rows integer;
  v_changed text[];
BEGIN
  WITH d AS (
    SELECT DISTINCT c.domain FROM core.companies c WHERE c.domain = ANY (p_domains)
  ), n AS (
    SELECT DISTINCT ON (t.domain) t.domain, t.cleaned_name AS v, t.source FROM core.company_names t
    WHERE t.domain = ANY (p_domains) AND t.cleaned_name IS NOT NULL
    ORDER BY t.domain, reference.source_rank('name', t.source), t.updated_at DESC
  ), li AS (
    SELECT DISTINCT ON (t.domain) t.domain, t.linkedin_url AS v, t.source FROM core.company_names t
    WHERE t.domain = ANY (p_domains) AND t.linkedin_url IS NOT NULL
    ORDER BY t.domain, reference.source_rank('linkedin_url', t.source), t.updated_at DESC
  ), er AS (
    SELECT DISTINCT ON (t.domain) t.domain, t.matched_employee_range AS v, t.source FROM core.company_employee_ranges t
    WHERE t.domain = ANY (p_domains) AND t.matched_employee_range IS NOT NULL
    ORDER BY t.domain, reference.source_rank('employee_range', t.source), t.updated_at DESC
  ), ty AS (
    SELECT DISTINCT ON (t.domain) t.domain, t.matched_type AS v, t.source FROM core.company_types t
    WHERE t.domain = ANY (p_domains) AND t.matched_type IS NOT NULL
    ORDER BY t.domain, reference.source_rank('company_type', t.source), t.updated_at DESC
  ), lo AS (
    SELECT DISTINCT ON (t.domain) t.domain, t.matched_city, t.matched_state, t.matched_country, t.source
    FROM core.company_locations t
    WHERE t.domain = ANY (p_domains) AND num_nonnulls(t.matched_city, t.matched_state, t.matched_country) > 0
    ORDER BY t.domain, reference.source_rank('location', t.source), t.updated_at DESC
  ), ind AS (
    SELECT DISTINCT ON (t.domain) t.domain, t.matched_industry AS v, t.source FROM core.company_industries t
    WHERE t.domain = ANY (p_domains) AND t.matched_industry IS NOT NULL
    ORDER BY t.domain, reference.source_rank('industry', t.source), t.updated_at DESC
  ), fu AS (
    SELECT DISTINCT ON (t.domain) t.domain, t.matched_funding_range AS v, t.source FROM core.company_funding t
    WHERE t.domain = ANY (p_domains) AND t.matched_funding_range IS NOT NULL
    ORDER BY t.domain, reference.source_rank('funding_range', t.source), t.updated_at DESC
  ), re AS (
    SELECT DISTINCT ON (t.domain) t.domain, t.matched_revenue_range AS v, t.source FROM core.company_revenue t
    WHERE t.domain = ANY (p_domains) AND t.matched_revenue_range IS NOT NULL
    ORDER BY t.domain, reference.source_rank('revenue_range', t.source), t.updated_at DESC
  ), de AS (
    SELECT DISTINCT ON (t.domain) t.domain, t.description AS v, t.source FROM core.company_descriptions t
    WHERE t.domain = ANY (p_domains) AND t.description IS NOT NULL
    ORDER BY t.domain, reference.source_rank('description', t.source), t.updated_at DESC
  ), tg AS (
    SELECT DISTINCT ON (t.domain) t.domain, t.tagline AS v, t.source FROM core.company_descriptions t
    WHERE t.domain = ANY (p_domains) AND t.tagline IS NOT NULL
    ORDER BY t.domain, reference.source_rank('tagline', t.source), t.updated_at DESC
  ), w AS (
    INSERT INTO core.companies_full AS g (domain, name, linkedin_url, employee_range, company_type, city, state, country,
                                          industry, funding_range, revenue_range, description, tagline, sources, updated_at)
    SELECT d.domain, n.v, li.v, er.v, ty.v, lo.matched_city, lo.matched_state, lo.matched_country,
           ind.v, fu.v, re.v, de.v, tg.v,
           jsonb_strip_nulls(jsonb_build_object(
             'name', n.source, 'linkedin_url', li.source, 'employee_range', er.source, 'company_type', ty.source,
             'city', CASE WHEN lo.matched_city IS NOT NULL THEN lo.source END,
             'state', CASE WHEN lo.matched_state IS NOT NULL THEN lo.source END,
             'country', CASE WHEN lo.matched_country IS NOT NULL THEN lo.source END,
             'industry', ind.source, 'funding_range', fu.source, 'revenue_range', re.source,
             'description', de.source, 'tagline', tg.source)),
           now()
    FROM d
    LEFT JOIN n ON n.domain = d.domain LEFT JOIN li ON li.domain = d.domain LEFT JOIN er ON er.domain = d.domain
    LEFT JOIN ty ON ty.domain = d.domain LEFT JOIN lo ON lo.domain = d.domain LEFT JOIN ind ON ind.domain = d.domain
    LEFT JOIN fu ON fu.domain = d.domain LEFT JOIN re ON re.domain = d.domain LEFT JOIN de ON de.domain = d.domain
    LEFT JOIN tg ON tg.domain = d.domain
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
    PERFORM core.refresh_leads(ARRAY(SELECT p.linkedin_url FROM core.people_full p WHERE p.company_domain = ANY (v_changed)));
  END IF;
  RETURN v_rows;
END;
$$;
COMMENT ON FUNCTION core.refresh_companies_full(text[]) IS 'Recompute golden company rows for the given domains by survivorship (reference.source_priority); returns rows written.';
