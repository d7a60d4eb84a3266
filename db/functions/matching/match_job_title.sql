CREATE OR REPLACE FUNCTION reference.match_job_title(p_raw text)
RETURNS TABLE (cleaned_title text, job_function text, seniority text)
LANGUAGE sql
STABLE PARALLEL SAFE
AS $$
  -- Exact lookup on the normalized title (the lookup row decides all three
  -- fields; a NULL cleaned_title there falls back to clean_job_title), else
  -- the active job_title_rules in priority order on job_title_key(): the
  -- first rule that sets a field wins for that field. Always one row; NULL
  -- fields when nothing fits.
  WITH k AS (SELECT reference.normalize_key(p_raw) AS key, reference.job_title_key(p_raw) AS tkey)
  SELECT coalesce(l.cleaned_title, reference.clean_job_title(p_raw)),
         CASE WHEN l.raw_title IS NOT NULL THEN l.job_function
              ELSE (SELECT r.job_function FROM reference.job_title_rules r
                    WHERE r.is_active AND r.job_function IS NOT NULL AND k.tkey ~ r.pattern
                    ORDER BY r.priority, r.id LIMIT 1) END,
         CASE WHEN l.raw_title IS NOT NULL THEN l.seniority
              ELSE (SELECT r.seniority FROM reference.job_title_rules r
                    WHERE r.is_active AND r.seniority IS NOT NULL AND k.tkey ~ r.pattern
                    ORDER BY r.priority, r.id LIMIT 1) END
  FROM k LEFT JOIN reference.job_title_lookup l ON l.raw_title = k.key;
$$;
COMMENT ON FUNCTION reference.match_job_title(text) IS 'Cleaned title, job function and seniority for a raw title: exact lookup, then ordered regex rules; NULLs when nothing fits.';
