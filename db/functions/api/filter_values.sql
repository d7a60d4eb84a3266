CREATE OR REPLACE FUNCTION api.filter_values(p_name text)
RETURNS jsonb
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- Canonical values for a dropdown, in sort order: job_functions,
-- seniorities, employee_ranges, revenue_ranges, funding_ranges,
-- company_types, industries, countries. Unknown names raise 22023.
DECLARE
  v_table text := CASE p_name
    WHEN 'job_functions' THEN 'job_functions' WHEN 'seniorities' THEN 'seniorities'
    WHEN 'employee_ranges' THEN 'employee_ranges' WHEN 'revenue_ranges' THEN 'revenue_ranges'
    WHEN 'funding_ranges' THEN 'funding_ranges' WHEN 'company_types' THEN 'company_types'
    WHEN 'industries' THEN 'company_industries' WHEN 'countries' THEN 'countries' END;
  v_values jsonb;
BEGIN
  IF v_table IS NULL THEN
    RAISE EXCEPTION 'unknown filter %', coalesce(quote_literal(p_name), 'NULL')
      USING ERRCODE = '22023',
            HINT = 'known: job_functions, seniorities, employee_ranges, revenue_ranges, funding_ranges, company_types, industries, countries';
  END IF;
  EXECUTE format('SELECT coalesce(jsonb_agg(t.name ORDER BY t.sort_order, t.name), ''[]'') FROM reference.%I t', v_table)
    INTO v_values;
  RETURN v_values;
END;
$$;
COMMENT ON FUNCTION api.filter_values(text) IS 'Canonical values of a filter (job functions, seniorities, ranges, types, industries, countries) in sort order.';
