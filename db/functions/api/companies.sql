CREATE OR REPLACE FUNCTION api.companies(p_filters jsonb DEFAULT '{}', p_limit integer DEFAULT 50, p_cursor text DEFAULT NULL)
RETURNS jsonb
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  -- Golden companies matching the filters (countries, industries,
  -- employee_ranges, funding_ranges, revenue_ranges, company_types,
  -- company_domains), keyset-paginated by domain: {data, next_cursor}.
  SELECT core.query_page('companies', p_filters, NULL, p_limit, p_cursor);
$$;
COMMENT ON FUNCTION api.companies(jsonb, integer, text) IS 'Companies query over core.companies_full: filters, keyset pagination ({data, next_cursor}).';
