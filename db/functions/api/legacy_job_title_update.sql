CREATE OR REPLACE FUNCTION api.legacy_job_title_update(
  p_latest_title text, p_cleaned_job_title text, p_seniority_level text, p_job_function text)
RETURNS jsonb
LANGUAGE sql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  -- The existing Clay tables' job title update (POST
  -- /run/reference/job-title/update): api.add_job_title_lookup with the
  -- legacy field names. job_function is canonical (any case) or an alias in
  -- reference.job_function_aliases ('Sales Engineering' -> 'Sales'); any
  -- other value raises 22023 naming job_function and the allowed values.
  -- Returns {success, latest_title, cleaned_job_title, seniority_level,
  -- job_function, dimension_rows, golden_rows} (the stored values).
  SELECT jsonb_build_object('success', true, 'latest_title', a ->> 'raw_title',
                            'cleaned_job_title', a -> 'cleaned_title', 'seniority_level', a -> 'seniority',
                            'job_function', a -> 'job_function',
                            'dimension_rows', a -> 'dimension_rows', 'golden_rows', a -> 'golden_rows')
  FROM api.add_job_title_lookup(p_latest_title, p_cleaned_job_title,
                                (core.canonical_values('job_function', ARRAY[p_job_function]))[1],
                                (core.canonical_values('seniority_level', ARRAY[p_seniority_level]))[1]) a;
$$;
COMMENT ON FUNCTION api.legacy_job_title_update(text, text, text, text) IS
  'Deprecated Clay route: add a job title lookup row from legacy fields (job_function canonical or aliased; 22023 otherwise).';
