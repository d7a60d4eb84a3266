CREATE OR REPLACE FUNCTION api.lookup_job_title(p_job_title text)
RETURNS jsonb
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  -- Match one title: {match_status: matched|partial|unmatched, cleaned_title,
  -- job_function, seniority}; 'matched' when function and seniority are both
  -- known, 'partial' when one is.
  SELECT jsonb_build_object(
    'match_status', CASE num_nonnulls(m.job_function, m.seniority) WHEN 2 THEN 'matched' WHEN 1 THEN 'partial' ELSE 'unmatched' END,
    'cleaned_title', m.cleaned_title, 'job_function', m.job_function, 'seniority', m.seniority)
  FROM reference.match_job_title(p_job_title) m;
$$;
COMMENT ON FUNCTION api.lookup_job_title(text) IS 'Match a job title: match_status plus cleaned title, job function, seniority.';
