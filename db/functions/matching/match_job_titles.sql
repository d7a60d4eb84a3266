CREATE OR REPLACE FUNCTION reference.match_job_titles(p_titles text[])
RETURNS TABLE (raw_title text, cleaned_title text, job_function text, seniority text)
LANGUAGE sql
VOLATILE
AS $$
  -- Set-based match_job_title for many titles: each distinct title is
  -- matched once (lookup join, then the rules per distinct key through
  -- reference.match_title_keys, which remembers their answers: hence
  -- VOLATILE), and the result joined back. Same answers as match_job_title.
  WITH d AS (
    SELECT DISTINCT t AS raw FROM unnest(p_titles) AS t
  ), k AS (
    SELECT d.raw, reference.normalize_key(d.raw) AS key, reference.job_title_key(d.raw) AS tkey FROM d
  ), r AS (
    -- the rules' answers, remembered per key (reference.match_title_keys)
    SELECT * FROM reference.match_title_keys(ARRAY(
      SELECT k.tkey FROM k LEFT JOIN reference.job_title_lookup l ON l.raw_title = k.key
      WHERE l.raw_title IS NULL AND k.tkey IS NOT NULL))
  ), m AS (
    SELECT k.raw,
           coalesce(l.cleaned_title, reference.clean_job_title(k.raw)) AS cleaned_title,
           CASE WHEN l.raw_title IS NOT NULL THEN l.job_function ELSE r.job_function END AS job_function,
           CASE WHEN l.raw_title IS NOT NULL THEN l.seniority ELSE r.seniority END AS seniority
    FROM k
    LEFT JOIN reference.job_title_lookup l ON l.raw_title = k.key
    LEFT JOIN r ON r.title_key = k.tkey
  )
  SELECT t, m.cleaned_title, m.job_function, m.seniority
  FROM unnest(p_titles) WITH ORDINALITY AS u(t, i)
  LEFT JOIN m ON m.raw = u.t  -- hashable; a NULL title gets NULLs either way
  ORDER BY u.i;  -- in the order of p_titles
$$;
COMMENT ON FUNCTION reference.match_job_titles(text[]) IS 'Set-based job title matching: one row per input title, each distinct title matched once.';
