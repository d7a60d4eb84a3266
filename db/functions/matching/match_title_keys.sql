CREATE OR REPLACE FUNCTION reference.match_title_keys(p_keys text[])
RETURNS TABLE (title_key text, job_function text, seniority text)
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off  -- why: docs/pipeline.md#jit
AS $$
#variable_conflict use_column
-- The title rules' answer for each distinct title key (reference.job_title_key)
-- of p_keys: job function and seniority of the first matching active rule
-- that sets each (priority, then id), NULLs when none matches. A key answered
-- under the current rules version (reference.job_title_rules_state) is read
-- from pg_temp.hq_title_key_matches; the others are matched here and
-- remembered there. Why remembered: each rule is a regular expression, there
-- are more rules than PostgreSQL caches compiled expressions (32), so
-- matching even one title compiled every rule again (docs/benchmarks.md,
-- "Title rules remembered per key"). Why per session: a table shared by all
-- sessions made concurrent loads with the same new titles wait for each
-- other's commit; each pooled session learns the titles it sees.
-- Each rule is tested once against all new keys (rules outer: one compilation
-- per rule per call, whatever the batch size).
DECLARE
  v_version bigint;
BEGIN
  IF to_regclass('pg_temp.hq_title_key_matches') IS NULL THEN
    CREATE TEMP TABLE hq_title_key_matches (
      title_key text PRIMARY KEY, rules_version bigint NOT NULL, job_function text, seniority text);
  END IF;
  -- read before the rules: a rules change committing in between stamps the
  -- answers with the old version, and they are never read
  SELECT s.version INTO v_version FROM reference.job_title_rules_state s;
  RETURN QUERY
  WITH k AS MATERIALIZED (
    SELECT DISTINCT u.k FROM unnest(p_keys) AS u(k) WHERE u.k IS NOT NULL
  ), known AS MATERIALIZED (
    SELECT m.title_key, m.job_function, m.seniority
    FROM k JOIN pg_temp.hq_title_key_matches m ON m.title_key = k.k AND m.rules_version = v_version
  ), missing AS MATERIALIZED (
    SELECT k.k FROM k WHERE NOT EXISTS (SELECT 1 FROM known WHERE known.title_key = k.k)
  ), hits AS MATERIALIZED (
    SELECT x.k, r.priority, r.id, r.job_function, r.seniority
    FROM reference.job_title_rules r
    CROSS JOIN LATERAL (SELECT m.k FROM missing m WHERE m.k ~ r.pattern) AS x
    WHERE r.is_active
  ), fn AS (
    SELECT DISTINCT ON (h.k) h.k, h.job_function FROM hits h
    WHERE h.job_function IS NOT NULL ORDER BY h.k, h.priority, h.id
  ), sn AS (
    SELECT DISTINCT ON (h.k) h.k, h.seniority FROM hits h
    WHERE h.seniority IS NOT NULL ORDER BY h.k, h.priority, h.id
  ), computed AS MATERIALIZED (
    -- one sort per field, not a scan of every hit per key (a bulk batch has thousands)
    SELECT m.k, fn.job_function, sn.seniority
    FROM missing m LEFT JOIN fn ON fn.k = m.k LEFT JOIN sn ON sn.k = m.k
  ), remembered AS (
    INSERT INTO pg_temp.hq_title_key_matches AS t (title_key, rules_version, job_function, seniority)
    SELECT c.k, v_version, c.job_function, c.seniority FROM computed c
    ON CONFLICT (title_key) DO UPDATE
      SET rules_version = excluded.rules_version, job_function = excluded.job_function,
          seniority = excluded.seniority
      WHERE t.rules_version < excluded.rules_version
  )
  SELECT known.title_key, known.job_function, known.seniority FROM known
  UNION ALL
  SELECT c.k, c.job_function, c.seniority FROM computed c;
END;
$$;
COMMENT ON FUNCTION reference.match_title_keys(text[]) IS
  'Job function and seniority from reference.job_title_rules per distinct title key, remembered for the session per rules version (pg_temp.hq_title_key_matches).';
