CREATE OR REPLACE FUNCTION reference.match_job_titles(p_titles text[])
RETURNS TABLE (raw_title text, cleaned_title text, job_function text, seniority text)
LANGUAGE sql
STABLE PARALLEL SAFE
AS $$
  -- Set-based match_job_title for many titles: each distinct title is
  -- matched once (lookup join, then one pass of the rules per distinct key),
  -- and the result joined back. Same answers as match_job_title.
  WITH d AS (
    SELECT DISTINCT t AS raw FROM unnest(p_titles) AS t
  ), k AS (
    SELECT d.raw, reference.normalize_key(d.raw) AS key, reference.job_title_key(d.raw) AS tkey FROM d
  ), keys AS (
    SELECT DISTINCT k.tkey FROM k LEFT JOIN reference.job_title_lookup l ON l.raw_title = k.key
    WHERE l.raw_title IS NULL AND k.tkey IS NOT NULL
  ), hits AS (
    SELECT keys.tkey, r.priority, r.id, r.job_function, r.seniority
    FROM keys JOIN reference.job_title_rules r ON r.is_active AND keys.tkey ~ r.pattern
  ), fn AS (
    SELECT DISTINCT ON (h.tkey) h.tkey, h.job_function FROM hits h
    WHERE h.job_function IS NOT NULL ORDER BY h.tkey, h.priority, h.id
  ), sn AS (
    SELECT DISTINCT ON (h.tkey) h.tkey, h.seniority FROM hits h
    WHERE h.seniority IS NOT NULL ORDER BY h.tkey, h.priority, h.id
  ), m AS (
    SELECT k.raw,
           coalesce(l.cleaned_title, reference.clean_job_title(k.raw)) AS cleaned_title,
           CASE WHEN l.raw_title IS NOT NULL THEN l.job_function ELSE fn.job_function END AS job_function,
           CASE WHEN l.raw_title IS NOT NULL THEN l.seniority ELSE sn.seniority END AS seniority
    FROM k
    LEFT JOIN reference.job_title_lookup l ON l.raw_title = k.key
    LEFT JOIN fn ON fn.tkey = k.tkey
    LEFT JOIN sn ON sn.tkey = k.tkey
  )
  SELECT t, m.cleaned_title, m.job_function, m.seniority
  FROM unnest(p_titles) AS t
  LEFT JOIN m ON m.raw = t;  -- hashable; a NULL title gets NULLs either way
$$;
COMMENT ON FUNCTION reference.match_job_titles(text[]) IS 'Set-based job title matching: one row per input title, each distinct title matched once.';
