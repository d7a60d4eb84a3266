CREATE OR REPLACE FUNCTION core.rematch_customers(p_domains text[], p_reason text)
RETURNS integer
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off  -- why: docs/pipeline.md#jit
AS $$
-- Companies were written or renamed (p_domains): re-key them, then match the
-- unmatched core.company_customers rows that a new key could fit (equal
-- compact key, trigram-similar name key, or the name is the domain), with
-- the full matcher (core.match_company_names), all set-based in the writing
-- transaction. Matched customers of these companies also get the company's
-- LinkedIn URL. One reference.rematch_log row when anything matched.
-- No plan_cache_mode of its own: a webhook plans it for its own few domains
-- (core.process_staged_batch_by_rule's custom plans); a generic plan sized
-- for an array of unknown length scans core.company_customers.
DECLARE
  v_started timestamptz := clock_timestamp();
  v_names text[];
  v_new_domains text[];
  v_new_keys text[];
  v_new_kinds text[];
  v_rows integer := 0;
  v_old text := coalesce(current_setting('pg_trgm.similarity_threshold', true), '0.3');
  v_seqscan text := current_setting('enable_seqscan');
BEGIN
  SELECT array_agg(k.domain), array_agg(k.name_key), array_agg(k.kind) INTO v_new_domains, v_new_keys, v_new_kinds
  FROM core.refresh_company_name_keys(p_domains) AS k;

  -- (no "any unmatched customer at all?" pre-check: where most customers are
  -- unmatched it finds one at once, but where few are it walks the table;
  -- the probes below cost the same few index lookups either way)
  IF v_new_keys IS NOT NULL THEN
    PERFORM set_config('pg_trgm.similarity_threshold',
      greatest(coalesce((SELECT s.value FROM reference.match_settings s WHERE s.name = 'customer_trgm_threshold'), 0.6)
               - coalesce((SELECT s.value FROM reference.match_settings s WHERE s.name = 'customer_trgm_margin'), 0.15), 0.05)::text, true);
    PERFORM gin_clean_pending_list('core.company_customers_unmatched_trgm_idx'::regclass);
    -- index probes, not a scan computing every unmatched name's trigrams (see core.match_company_names)
    PERFORM set_config('enable_seqscan', 'off', true);
    SELECT array_agg(DISTINCT c.customer_name) INTO v_names FROM (
      SELECT c.customer_name FROM unnest(v_new_keys) AS k(name_key)
      JOIN core.company_customers c ON replace(c.customer_name_key, ' ', '') = replace(k.name_key, ' ', '')
      WHERE c.customer_domain IS NULL
      UNION ALL
      SELECT c.customer_name FROM (SELECT DISTINCT d FROM unnest(v_new_domains) AS d) AS k(domain)
      JOIN core.company_customers c ON replace(c.customer_name_key, ' ', '') = replace(k.domain, '.', '')
      WHERE c.customer_domain IS NULL
      UNION ALL
      SELECT c.customer_name FROM unnest(v_new_keys, v_new_kinds) AS k(name_key, kind)
      JOIN core.company_customers c ON c.customer_name_key OPERATOR(public.%) k.name_key
      WHERE c.customer_domain IS NULL AND k.kind = 'name') AS c;
    PERFORM set_config('pg_trgm.similarity_threshold', v_old, true);
    PERFORM set_config('enable_seqscan', v_seqscan, true);
  END IF;

  IF v_names IS NOT NULL THEN
    WITH m AS (
      SELECT m.name, m.domain, m.method, m.score, core.company_name_key(m.name) AS key
      FROM core.match_company_names(v_names) AS m
    ), u AS (
      UPDATE core.company_customers c
      SET customer_domain = m.domain, match_method = m.method, match_score = m.score,
          customer_linkedin_url = coalesce(c.customer_linkedin_url, co.linkedin_url), updated_at = now()
      FROM m LEFT JOIN core.companies co ON co.domain = m.domain
      WHERE replace(c.customer_name_key, ' ', '') = replace(m.key, ' ', '') AND c.customer_name = m.name
        AND c.customer_domain IS NULL
        AND (m.domain IS NOT NULL OR c.match_method IS DISTINCT FROM m.method)
      RETURNING c.customer_name, c.customer_domain)
    SELECT count(*), array_agg(DISTINCT u.customer_name) FILTER (WHERE u.customer_domain IS NOT NULL)
    INTO v_rows, v_names FROM u;
  END IF;

  UPDATE core.company_customers c SET customer_linkedin_url = co.linkedin_url, updated_at = now()
  FROM core.companies co
  WHERE c.customer_domain = ANY (p_domains) AND co.domain = c.customer_domain
    AND c.customer_linkedin_url IS NULL AND co.linkedin_url IS NOT NULL;

  IF v_names IS NOT NULL THEN
    INSERT INTO reference.rematch_log (reference_table, operation, raw_keys, dimension_rows, golden_rows, duration_ms)
    VALUES (p_reason, 'customer_match', v_names, v_rows, 0,
            round((extract(epoch FROM clock_timestamp() - v_started) * 1000)::numeric, 2));
  END IF;
  RETURN v_rows;
END;
$$;
COMMENT ON FUNCTION core.rematch_customers(text[], text) IS
  'Re-match unmatched customer names against companies just written or renamed (set-based, same transaction); logs to reference.rematch_log.';
