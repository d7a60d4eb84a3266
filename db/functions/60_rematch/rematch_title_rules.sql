CREATE OR REPLACE FUNCTION reference.rematch_title_rules(p_patterns text[])
RETURNS integer
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
SET jit = off  -- why: docs/pipeline.md#jit
AS $$
-- Re-match every stored job title not decided by an exact lookup whose
-- title key matches one of p_patterns (the old and new patterns of the
-- changed rules), set-based: each distinct title is matched once. Returns
-- the dimension rows changed.
DECLARE
  v_rows integer;
BEGIN
  WITH d AS (
    SELECT DISTINCT s.raw_title FROM core.person_job_titles s
    WHERE s.raw_title IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM reference.job_title_lookup l WHERE l.raw_title = reference.normalize_key(s.raw_title))
      AND reference.job_title_key(s.raw_title) ~ ANY (p_patterns)
  )
  UPDATE core.person_job_titles t
     SET matched_cleaned_title = m.cleaned_title, matched_job_function = m.job_function,
         matched_seniority = m.seniority, updated_at = now()
    FROM reference.match_job_titles(ARRAY(SELECT d.raw_title FROM d)) m
   WHERE t.raw_title = m.raw_title
     AND (t.matched_cleaned_title, t.matched_job_function, t.matched_seniority)
         IS DISTINCT FROM (m.cleaned_title, m.job_function, m.seniority);
  GET DIAGNOSTICS v_rows = ROW_COUNT;
  RETURN v_rows;
END;
$$;
COMMENT ON FUNCTION reference.rematch_title_rules(text[]) IS
  'Re-match stored titles (not decided by the lookup) that match any of the given rule patterns; returns rows changed.';
