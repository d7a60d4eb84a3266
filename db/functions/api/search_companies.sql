CREATE OR REPLACE FUNCTION api.search_companies(p_q text, p_limit integer DEFAULT 20)
RETURNS jsonb
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- Companies whose name or domain looks like p_q, best first: the domain
-- itself (any form core.normalize_domain accepts), then exact name, then
-- names and domains starting with the text, then containing it, then by
-- trigram similarity (pg_trgm, GIN indexes on lower(name) and domain).
-- Similarity is on names only: domains share their suffix's trigrams
-- ('.com'), so a fuzzy domain match finds everything; domains match exactly,
-- by prefix or by substring. One or two characters: exact and prefix only.
-- Shape: {query, data: [{domain, name, country, industry, employee_range,
-- score}]}; score in [0, 1], 1 for an exact match. p_q empty or over 200
-- characters, or p_limit outside 1..100, raise 22023.
DECLARE
  v_q text := lower(btrim(p_q));
  v_like text;
  v_prefix text;
  v_short boolean;  -- one or two characters: no trigram to compare, prefixes only
  v_rows jsonb;
BEGIN
  IF v_q IS NULL OR v_q = '' OR length(v_q) > 200 THEN
    RAISE EXCEPTION 'q must be 1 to 200 characters' USING ERRCODE = '22023', COLUMN = 'q';
  END IF;
  IF p_limit IS NULL OR p_limit < 1 OR p_limit > 100 THEN
    RAISE EXCEPTION 'limit must be between 1 and 100, got %', coalesce(p_limit::text, 'NULL')
      USING ERRCODE = '22023', COLUMN = 'limit';
  END IF;
  v_prefix := replace(replace(replace(v_q, '\', '\\'), '%', '\%'), '_', '\_') || '%';
  v_like := '%' || v_prefix;
  v_short := length(v_q) < 3;
  WITH c AS (
    SELECT f.domain, f.name, f.country, f.industry, f.employee_range,
           CASE WHEN f.domain = core.normalize_domain(p_q) OR lower(f.name) = v_q THEN 1.0
                WHEN v_short THEN 0.5
                ELSE greatest(public.similarity(lower(f.name), v_q), public.word_similarity(v_q, lower(f.name)) * 0.9) END AS score,
           CASE WHEN f.domain = core.normalize_domain(p_q) THEN 0 WHEN lower(f.name) = v_q THEN 1
                WHEN lower(f.name) LIKE v_prefix OR f.domain LIKE v_prefix THEN 2
                WHEN lower(f.name) LIKE v_like OR f.domain LIKE v_like THEN 3 ELSE 4 END AS tier
    FROM core.companies_full f
    WHERE f.domain = core.normalize_domain(p_q)
       OR lower(f.name) LIKE v_prefix OR f.domain LIKE v_prefix
       OR (NOT v_short AND (lower(f.name) LIKE v_like OR f.domain LIKE v_like
                            OR lower(f.name) OPERATOR(public.%) v_q))
  )
  SELECT coalesce(jsonb_agg(jsonb_build_object('domain', s.domain, 'name', s.name, 'country', s.country,
                                               'industry', s.industry, 'employee_range', s.employee_range,
                                               'score', round(s.score::numeric, 3))
                            ORDER BY s.tier, s.score DESC, s.domain), '[]')
    INTO v_rows
  FROM (SELECT * FROM c ORDER BY c.tier, c.score DESC, c.domain LIMIT p_limit) s;
  RETURN jsonb_build_object('query', p_q, 'data', v_rows);
END;
$$;
COMMENT ON FUNCTION api.search_companies(text, integer) IS
  'Company search by name or domain (pg_trgm, ranked: domain, exact name, prefix, substring, similarity): {query, data}.';
