CREATE OR REPLACE FUNCTION reference.match_employee_range(p_raw text, p_employee_count integer DEFAULT NULL)
RETURNS text
LANGUAGE sql
STABLE PARALLEL SAFE
AS $$
  -- Exact lookup on the normalized raw string (a lookup row with a NULL match
  -- is a deliberate no-match), then parsing ('206', '1K-5K', 'over-10K'),
  -- then the employee count. NULL when nothing fits.
  SELECT CASE
           WHEN l.raw_value IS NOT NULL THEN l.matched_value
           ELSE coalesce(reference.range_for('employee', p_raw),
                         CASE WHEN p_employee_count > 0
                              THEN reference.range_for('employee', p_employee_count::text) END)
         END
  FROM (SELECT 1) AS one
  LEFT JOIN reference.employee_range_lookup l ON l.raw_value = reference.normalize_key(p_raw);
$$;
COMMENT ON FUNCTION reference.match_employee_range(text, integer) IS 'Canonical employee range for a raw size string (lookup, then parse, then employee_count); NULL when nothing fits.';
