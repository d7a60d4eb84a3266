CREATE OR REPLACE FUNCTION reference.range_for(p_kind text, p_raw text)
RETURNS text
LANGUAGE sql
STABLE PARALLEL SAFE
AS $$
  -- The canonical range of kind employee|revenue|funding that holds the
  -- parsed target of p_raw: (lo, hi] contains the value; for 'above' the
  -- range holding values just above X (lo <= X < hi); for 'below' the range
  -- holding values just below X (lo < X <= hi). NULL when nothing parses.
  SELECT r.name
  FROM reference.range_target(p_raw) t
  JOIN (SELECT 'employee' AS kind, name, lo, hi FROM reference.employee_ranges
        UNION ALL SELECT 'revenue', name, lo, hi FROM reference.revenue_ranges
        UNION ALL SELECT 'funding', name, lo, hi FROM reference.funding_ranges) r
    ON r.kind = p_kind
   AND CASE t.mode
         WHEN 'above' THEN r.lo <= t.target AND (r.hi IS NULL OR t.target < r.hi)
         ELSE r.lo < t.target AND (r.hi IS NULL OR t.target <= r.hi)
       END
  LIMIT 1;
$$;
COMMENT ON FUNCTION reference.range_for(text, text) IS 'Canonical employee/revenue/funding range for a raw string by parsing (no lookup); NULL when unparseable.';
