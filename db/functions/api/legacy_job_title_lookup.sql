CREATE OR REPLACE FUNCTION api.legacy_job_title_lookup(p_job_title text)
RETURNS jsonb
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  -- The existing Clay tables' job title lookup (POST
  -- /run/people/db/person-job-title/lookup): api.lookup_job_title in the
  -- legacy field names, {job_title, match_status boolean, cleaned_job_title,
  -- seniority_level, job_function}. match_status is true when job function
  -- and seniority are both known (then Clay uses the values), false
  -- otherwise (then Clay enriches and calls /run/reference/job-title/update).
  SELECT jsonb_build_object('job_title', p_job_title,
                            'match_status', l ->> 'match_status' = 'matched',
                            'cleaned_job_title', l -> 'cleaned_title',
                            'seniority_level', l -> 'seniority',
                            'job_function', l -> 'job_function')
  FROM api.lookup_job_title(p_job_title) l;
$$;
COMMENT ON FUNCTION api.legacy_job_title_lookup(text) IS
  'Deprecated Clay route: job title lookup in legacy field names (match_status boolean, cleaned_job_title, seniority_level, job_function).';
