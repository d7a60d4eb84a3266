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
-- The trigram rule runs in two passes, each an index search: the best
-- candidate at customer_trgm_threshold, then, only for names that have one,
-- the runner-up down to (best - margin), names grouped by that bound in
-- steps of 0.05. The rule is that of one search down to threshold - margin
-- (which reads ten times the candidates for every name; docs/benchmarks.md,
-- "Customer names against 250,000 companies"); the lead is computed in
-- numeric, not in the similarities' float4.
DECLARE
  v_threshold numeric := coalesce((SELECT s.value FROM reference.match_settings s WHERE s.name = 'customer_trgm_threshold'), 0.6);
  v_margin numeric := coalesce((SELECT s.value FROM reference.match_settings s WHERE s.name = 'customer_trgm_margin'), 0.15);
  v_old text := coalesce(current_setting('pg_trgm.similarity_threshold', true), '0.3');
  v_seqscan text := current_setting('enable_seqscan');
  v_decided jsonb;  -- {name: [domain, method, score]} of the names decided without trigrams
  v_names text[]; v_keys text[];  -- the others
  v_b_names text[]; v_b_keys text[]; v_b_domains text[]; v_b_s numeric[]; v_b_bounds numeric[];  -- the best candidates
  v_second jsonb := '{}';  -- {name: similarity of the runner-up}
  v_bound numeric;
BEGIN
  -- the planner costs % like a cheap operator, but a scan computes every
  -- row's trigrams: a per-name sequential scan is orders slower than the GIN
  -- index it estimates as dearer at small table sizes
  PERFORM set_config('enable_seqscan', 'off', true);
  -- every lookup would scan the GIN pending list whole; one bulk flush first
  PERFORM gin_clean_pending_list('core.company_name_keys_trgm_idx'::regclass);
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
  )
  SELECT (SELECT coalesce(jsonb_object_agg(x.name, jsonb_build_array(x.domain, x.method, x.score)), '{}') FROM decided x),
         (SELECT array_agg(n.name) FROM n WHERE NOT EXISTS (SELECT 1 FROM decided x WHERE x.name = n.name)),
         (SELECT array_agg(n.key) FROM n WHERE NOT EXISTS (SELECT 1 FROM decided x WHERE x.name = n.name))
    INTO v_decided, v_names, v_keys;

  IF v_names IS NOT NULL THEN
    -- pass 1: the best candidate at the threshold (ties: the smallest domain)
    PERFORM set_config('pg_trgm.similarity_threshold', v_threshold::text, true);
    SELECT array_agg(u.name), array_agg(u.key), array_agg(c.domain), array_agg(c.s::numeric),
           array_agg(floor((c.s::numeric - v_margin) * 20) / 20)
      INTO v_b_names, v_b_keys, v_b_domains, v_b_s, v_b_bounds
    FROM unnest(v_names, v_keys) AS u(name, key)
    CROSS JOIN LATERAL (
      SELECT k.domain, max(public.similarity(k.name_key, u.key)) AS s
      FROM core.company_name_keys k
      WHERE k.kind = 'name' AND k.name_key OPERATOR(public.%) u.key
      GROUP BY k.domain ORDER BY 2 DESC, 1 LIMIT 1) AS c;
    -- pass 2: the runner-up of each best, down to (best - margin) rounded down
    FOR v_bound IN SELECT DISTINCT b FROM unnest(v_b_bounds) AS b LOOP
      PERFORM set_config('pg_trgm.similarity_threshold', greatest(v_bound, 0.05)::text, true);
      SELECT v_second || coalesce(jsonb_object_agg(u.name, c.s), '{}') INTO v_second
      FROM unnest(v_b_names, v_b_keys, v_b_domains, v_b_bounds) AS u(name, key, domain, bound)
      CROSS JOIN LATERAL (
        SELECT max(public.similarity(k.name_key, u.key)) AS s
        FROM core.company_name_keys k
        WHERE k.kind = 'name' AND k.name_key OPERATOR(public.%) u.key AND k.domain <> u.domain
        GROUP BY k.domain ORDER BY 1 DESC LIMIT 1) AS c
      WHERE u.bound = v_bound;
    END LOOP;
  END IF;
  PERFORM set_config('pg_trgm.similarity_threshold', v_old, true);
  PERFORM set_config('enable_seqscan', v_seqscan, true);

  RETURN QUERY
  SELECT x.key, x.value ->> 0, x.value ->> 1, (x.value ->> 2)::numeric FROM jsonb_each(v_decided) AS x
  UNION ALL
  SELECT u.name,
         CASE WHEN m.ok THEN b.domain END,
         CASE WHEN b.name IS NULL THEN NULL WHEN m.ok THEN 'trigram' ELSE 'ambiguous' END,
         CASE WHEN m.ok THEN round(b.s, 3) END
  FROM unnest(v_names) AS u(name)
  LEFT JOIN unnest(v_b_names, v_b_domains, v_b_s) AS b(name, domain, s) ON b.name = u.name
  CROSS JOIN LATERAL (SELECT b.s - coalesce((v_second ->> u.name)::numeric, 0) >= v_margin AS ok) AS m;
END;
$$;
COMMENT ON FUNCTION core.match_company_names(text[]) IS
  'Customer names -> company domains, set-based: domain in the name, exact normalized name, domain label, then pg_trgm similarity with threshold and margin (reference.match_settings); ambiguous names unmatched.';
