CREATE OR REPLACE FUNCTION reference.match_industry(p_raw text)
RETURNS text
LANGUAGE sql
STABLE PARALLEL SAFE
AS $$
  -- Exact lookup, then a LinkedIn V2 industry name written in any case, with
  -- '&' for 'and'. NULL when nothing fits.
  WITH k AS (SELECT reference.normalize_key(p_raw) AS key)
  SELECT CASE
           WHEN l.raw_value IS NOT NULL THEN l.matched_value
           ELSE (SELECT i.name FROM reference.company_industries i
                 WHERE reference.normalize_key(replace(i.name, '&', 'and'))
                       = replace(k.key, '&', 'and')  -- company_industries_key_idx
                 ORDER BY i.sort_order
                 LIMIT 1)
         END
  FROM k LEFT JOIN reference.industry_lookup l ON l.raw_value = k.key;
$$;
COMMENT ON FUNCTION reference.match_industry(text) IS 'LinkedIn V2 industry for a raw string (lookup, then the canonical name in any case); NULL when nothing fits.';
