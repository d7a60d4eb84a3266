CREATE OR REPLACE FUNCTION reference.match_company_type(p_raw text)
RETURNS text
LANGUAGE sql
STABLE PARALLEL SAFE
AS $$
  -- Exact lookup, then the canonical name itself (any case), then keyword
  -- rules (public, private, non-profit, government, education, partnership,
  -- self-employed, sole proprietor). NULL when nothing fits.
  WITH k AS (SELECT reference.normalize_key(p_raw) AS key)
  SELECT CASE
           WHEN l.raw_value IS NOT NULL THEN l.matched_value
           ELSE coalesce(
             (SELECT t.name FROM reference.company_types t WHERE lower(t.name) = k.key),
             CASE
               WHEN k.key ~ '\mpublic(ly)?\M' THEN 'Public Company'
               WHEN k.key ~ '\mprivate(ly)?\M' THEN 'Private Company'
               WHEN k.key ~ '\m(non ?-?profit|not for profit|charity)\M' THEN 'Nonprofit'
               WHEN k.key ~ '\mgovernment\M' THEN 'Government Agency'
               WHEN k.key ~ '\m(education(al)?|university|school)\M' THEN 'Educational Institution'
               WHEN k.key ~ '\mpartnership\M' THEN 'Partnership'
               WHEN k.key ~ '\mself ?-?employed\M' THEN 'Self-Employed'
               WHEN k.key ~ '\m(sole proprietor(ship)?|self ?-?owned)\M' THEN 'Sole Proprietorship'
             END)
         END
  FROM k LEFT JOIN reference.company_type_lookup l ON l.raw_value = k.key;
$$;
COMMENT ON FUNCTION reference.match_company_type(text) IS 'Canonical company type for a raw string (lookup, canonical name, keyword rules); NULL when nothing fits.';
