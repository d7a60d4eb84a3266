CREATE OR REPLACE FUNCTION reference.match_revenue_range(p_raw text)
RETURNS text
LANGUAGE sql
STABLE PARALLEL SAFE
AS $$
  -- Exact lookup on the normalized raw string (a NULL match is a deliberate
  -- no-match, e.g. 'Funding unknown'), then parsing: the canonical range
  -- holding the upper bound ('$1M - $10M'), or for an open range ('X+',
  -- 'over-X') the range just above X. NULL when nothing fits.
  SELECT CASE WHEN l.raw_value IS NOT NULL THEN l.matched_value
              ELSE reference.range_for('revenue', p_raw) END
  FROM (SELECT 1) AS one
  LEFT JOIN reference.revenue_range_lookup l ON l.raw_value = reference.normalize_key(p_raw);
$$;
COMMENT ON FUNCTION reference.match_revenue_range(text) IS 'Canonical revenue range for a raw string (lookup, then parse by upper bound); NULL when nothing fits.';
