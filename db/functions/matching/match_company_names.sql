CREATE OR REPLACE FUNCTION core.match_company_names(p_names text[])
RETURNS TABLE (name text, domain text, method text, score numeric)
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off  -- why: docs/pipeline.md#jit
AS $$
#variable_conflict use_column
-- Company names as customers write them -> known companies, set-based, one
-- row per distinct name, first rule that decides wins:
--   domain_in_name  the name is a known company's domain ('monday.com');
--   exact_name      its core.company_name_key equals (spaces aside) a name
--                   key of exactly one company (several: 'ambiguous');
--   domain_label    it equals the registered label of exactly one company's
--                   domain ('Tipalti' -> tipalti.com; several: 'ambiguous');
--   trigram         the most similar company name (pg_trgm) clears
--                   customer_trgm_threshold and leads the second-best company
--                   by customer_trgm_margin (reference.match_settings);
--                   a best candidate that clears the threshold without the
--                   lead is 'ambiguous'.
-- Unmatched names come back with domain NULL (method 'ambiguous' or NULL).
DECLARE
  v_threshold numeric := coalesce((SELECT s.value FROM reference.match_settings s WHERE s.name = 'customer_trgm_threshold'), 0.6);
  v_margin numeric := coalesce((SELECT s.value FROM reference.match_settings s WHERE s.name = 'customer_trgm_margin'), 0.15);
  v_old text := coalesce(current_setting('pg_trgm.similarity_threshold', true), '0.3');
  v_seqscan text := current_setting('enable_seqscan');
BEGIN
  -- candidates down to threshold - margin, so a runner-up inside the margin is seen
  PERFORM set_config('pg_trgm.similarity_threshold', greatest(v_threshold - v_margin, 0.05)::text, true);
  -- the planner costs % like a cheap operator, but a scan computes every
  -- row's trigrams: a per-name sequential scan is orders slower than the GIN
  -- index it estimates as dearer at small table sizes
  PERFORM set_config('enable_seqscan', 'off', true);
  -- every lookup would scan the GIN pending list whole; one bulk flush first
  PERFORM gin_clean_pending_list('core.company_name_keys_trgm_idx'::regclass);
  RETURN QUERY
  WITH n AS MATERIALIZED (
    SELECT DISTINCT u.name, core.company_name_key(u.name) AS key
    FROM unnest(p_names) AS u(name) WHERE NULLIF(btrim(u.name), '') IS NOT NULL
  ), d AS MATERIALIZED (
    SELECT n.name, c.domain FROM n
    JOIN core.companies c ON c.domain = core.normalize_domain(n.name)
    WHERE n.name ~ '^[^\s/@]+\.[A-Za-z]{2,}$'
  ), e AS MATERIALIZED (
    SELECT n.name, k.kind, min(k.domain) AS domain, count(DISTINCT k.domain) AS domains
    FROM n JOIN core.company_name_keys k ON k.name_compact = replace(n.key, ' ', '')
    WHERE NOT EXISTS (SELECT 1 FROM d WHERE d.name = n.name)
    GROUP BY n.name, k.kind
  ), decided AS MATERIALIZED (
    SELECT d.name, d.domain, 'domain_in_name'::text AS method, 1.0::numeric AS score FROM d
    UNION ALL
    (SELECT DISTINCT ON (e.name) e.name, CASE WHEN e.domains = 1 THEN e.domain END,
           CASE WHEN e.domains = 1 THEN CASE e.kind WHEN 'name' THEN 'exact_name' ELSE 'domain_label' END ELSE 'ambiguous' END,
           CASE WHEN e.domains = 1 THEN 1.0 END
     FROM e ORDER BY e.name, e.kind = 'name' DESC)
  ), t AS (
    SELECT n.name, c.domain, c.s, c.rn
    FROM n
    CROSS JOIN LATERAL (
      SELECT x.domain, x.s, row_number() OVER (ORDER BY x.s DESC, x.domain) AS rn
      FROM (SELECT k.domain, max(public.similarity(k.name_key, n.key)) AS s
            FROM core.company_name_keys k
            WHERE k.kind = 'name' AND k.name_key OPERATOR(public.%) n.key
            GROUP BY k.domain) AS x
      ORDER BY x.s DESC, x.domain LIMIT 2) AS c
    WHERE NOT EXISTS (SELECT 1 FROM decided WHERE decided.name = n.name)
  ), tri AS (
    SELECT b.name,
           CASE WHEN b.s - coalesce(r.s, 0) >= v_margin THEN b.domain END AS domain,
           CASE WHEN b.s - coalesce(r.s, 0) >= v_margin THEN 'trigram' ELSE 'ambiguous' END AS method,
           CASE WHEN b.s - coalesce(r.s, 0) >= v_margin THEN round(b.s::numeric, 3) END AS score
    FROM t b LEFT JOIN t r ON r.name = b.name AND r.rn = 2
    WHERE b.rn = 1 AND b.s >= v_threshold
  )
  SELECT n.name, coalesce(decided.domain, tri.domain), coalesce(decided.method, tri.method), coalesce(decided.score, tri.score)
  FROM n
  LEFT JOIN decided ON decided.name = n.name
  LEFT JOIN tri ON tri.name = n.name;
  PERFORM set_config('pg_trgm.similarity_threshold', v_old, true);
  PERFORM set_config('enable_seqscan', v_seqscan, true);
END;
$$;
COMMENT ON FUNCTION core.match_company_names(text[]) IS
  'Customer names -> company domains, set-based: domain in the name, exact normalized name, domain label, then pg_trgm similarity with threshold and margin (reference.match_settings); ambiguous names unmatched.';
