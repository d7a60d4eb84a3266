CREATE OR REPLACE FUNCTION api.company_detail(p_domain text)
RETURNS jsonb
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  -- One company as a detail page needs it; NULL when the domain (any form
  -- core.normalize_domain accepts) is not a stored company. Shape:
  -- {domain, golden: {field: {value, source}}, dimensions: {dimension:
  -- [{source, wins: [fields], raw..., matched...}]}, customers: [...],
  -- customer_of: [...], investors: [...], people_count, leads_count}.
  -- Every lookup is by the domain's index.
  WITH k AS (
    SELECT c.domain, to_jsonb(f) AS g, coalesce(f.sources, '{}') AS src
    FROM core.companies c LEFT JOIN core.companies_full f ON f.domain = c.domain
    WHERE c.domain = core.normalize_domain(p_domain)
  )
  SELECT jsonb_build_object(
    'domain', k.domain,
    'golden', (SELECT coalesce(jsonb_object_agg(e.key, jsonb_build_object('value', e.value, 'source', k.src ->> e.key)), '{}')
               FROM jsonb_each(coalesce(k.g, '{}') - ARRAY['domain', 'sources', 'updated_at']) e),
    'updated_at', k.g -> 'updated_at',
    'dimensions', jsonb_build_object(
      'name', core.dimension_rows('core.company_names'::regclass, 'domain', k.domain, k.src, ARRAY['name', 'linkedin_url'], 'name'),
      'employee_range', core.dimension_rows('core.company_employee_ranges'::regclass, 'domain', k.domain, k.src, ARRAY['employee_range'], 'employee_range'),
      'company_type', core.dimension_rows('core.company_types'::regclass, 'domain', k.domain, k.src, ARRAY['company_type'], 'company_type'),
      'location', core.dimension_rows('core.company_locations'::regclass, 'domain', k.domain, k.src, ARRAY['city', 'state', 'country'], 'location'),
      'industry', core.dimension_rows('core.company_industries'::regclass, 'domain', k.domain, k.src, ARRAY['industry'], 'industry'),
      'funding_range', core.dimension_rows('core.company_funding'::regclass, 'domain', k.domain, k.src, ARRAY['funding_range'], 'funding_range'),
      'revenue_range', core.dimension_rows('core.company_revenue'::regclass, 'domain', k.domain, k.src, ARRAY['revenue_range'], 'revenue_range'),
      'description', core.dimension_rows('core.company_descriptions'::regclass, 'domain', k.domain, k.src, ARRAY['description', 'tagline'], 'description')),
    'customers', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                           'customer_name', cc.customer_name, 'customer_domain', cc.customer_domain,
                           'case_study_url', cc.case_study_url, 'has_case_study', cc.has_case_study, 'source', cc.source,
                           'match_method', cc.match_method, 'match_score', cc.match_score)
                         ORDER BY cc.customer_name, cc.source), '[]')
                  FROM core.company_customers cc WHERE cc.origin_company_domain = k.domain),
    'customer_of', (SELECT coalesce(jsonb_agg(DISTINCT cc.origin_company_domain), '[]')
                    FROM core.company_customers cc WHERE cc.customer_domain = k.domain),
    'investors', (SELECT coalesce(jsonb_agg(jsonb_build_object('investor_name', v.investor_name,
                           'investor_domain', v.investor_domain, 'source', v.source)
                         ORDER BY v.investor_name, v.source), '[]')
                  FROM core.company_vc_investors v WHERE v.domain = k.domain),
    'people_count', (SELECT count(*) FROM core.people_full p WHERE p.company_domain = k.domain),
    'leads_count', (SELECT count(*) FROM core.leads l WHERE l.company_domain = k.domain))
  FROM k;
$$;
COMMENT ON FUNCTION api.company_detail(text) IS
  'One company: golden fields with winning source, every source''s raw and matched values per dimension, customers, investors, people count; NULL when not found.';
