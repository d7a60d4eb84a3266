CREATE OR REPLACE FUNCTION api.add_job_title_lookup(
  p_raw_title text, p_cleaned_title text, p_job_function text, p_seniority text)
RETURNS jsonb
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- Add or replace a job title lookup row (admin); the rematch trigger
-- re-matches every stored title it affects. Returns the stored row and the
-- rematch log entry's counts. job_function and seniority are put in their
-- canonical spelling first (core.canonical_values: any case, job function
-- aliases); a value that is not canonical raises 22023 naming the field and
-- the allowed values, never a bare foreign-key failure.
DECLARE
  v_row reference.job_title_lookup;
BEGIN
  INSERT INTO reference.job_title_lookup AS l (raw_title, cleaned_title, job_function, seniority)
  VALUES (p_raw_title, p_cleaned_title, (core.canonical_values('job_function', ARRAY[p_job_function]))[1],
          (core.canonical_values('seniority', ARRAY[p_seniority]))[1])
  ON CONFLICT (raw_title) DO UPDATE SET cleaned_title = excluded.cleaned_title,
    job_function = excluded.job_function, seniority = excluded.seniority
  RETURNING l.* INTO v_row;
  RETURN to_jsonb(v_row) || coalesce((SELECT jsonb_build_object('dimension_rows', g.dimension_rows, 'golden_rows', g.golden_rows)
                                      FROM reference.rematch_log g ORDER BY g.id DESC LIMIT 1), '{}');
END;
$$;
COMMENT ON FUNCTION api.add_job_title_lookup(text, text, text, text) IS 'Admin: add/replace a job title lookup row (triggers rematch).';
