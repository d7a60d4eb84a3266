CREATE OR REPLACE FUNCTION api.leads(p_filters jsonb DEFAULT '{}', p_limit integer DEFAULT 50, p_cursor text DEFAULT NULL)
RETURNS jsonb
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  -- Complete leads matching the filters (job_functions, seniorities,
  -- countries, person_countries, industries, employee_ranges, funding_ranges,
  -- revenue_ranges, company_types, company_domains), keyset-paginated by
  -- linkedin_url: {data, next_cursor}.
  SELECT core.query_page('leads', p_filters, NULL, p_limit, p_cursor);
$$;
COMMENT ON FUNCTION api.leads(jsonb, integer, text) IS 'Leads query: filters, keyset pagination ({data, next_cursor}); rows use core.leads column names.';
