CREATE OR REPLACE FUNCTION reference.match_values(p_kind text, p_raw text[])
RETURNS TABLE (raw_value text, matched_value text)
LANGUAGE sql
STABLE PARALLEL SAFE
AS $$
  -- Set-based single-value matching: one row per distinct non-NULL raw value
  -- of p_raw, matched once by the reference.match_* function of p_kind
  -- ('employee_range', 'company_type', 'industry', 'funding_range',
  -- 'revenue_range'). Provider values repeat heavily across a batch, so
  -- this is one call per distinct value, not one per row.
  SELECT d.raw,
         CASE p_kind
           WHEN 'employee_range' THEN reference.match_employee_range(d.raw)
           WHEN 'company_type' THEN reference.match_company_type(d.raw)
           WHEN 'industry' THEN reference.match_industry(d.raw)
           WHEN 'funding_range' THEN reference.match_funding_range(d.raw)
           WHEN 'revenue_range' THEN reference.match_revenue_range(d.raw)
         END
  FROM (SELECT DISTINCT u.raw FROM unnest(p_raw) AS u(raw) WHERE u.raw IS NOT NULL) AS d
  WHERE p_kind IN ('employee_range', 'company_type', 'industry', 'funding_range', 'revenue_range');
$$;
COMMENT ON FUNCTION reference.match_values(text, text[]) IS
  'Set-based reference.match_<kind> (employee_range, company_type, industry, funding_range, revenue_range): one row per distinct raw value, each matched once.';
