CREATE OR REPLACE FUNCTION api.job_counts()
RETURNS TABLE (task text, status text, jobs bigint)
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  -- How many jobs per task and status (the summary line of `hq jobs`).
  SELECT j.task_name::text, j.status::text, count(*)
  FROM procrastinate.procrastinate_jobs j
  GROUP BY 1, 2 ORDER BY 1, 2;
$$;
COMMENT ON FUNCTION api.job_counts() IS 'Jobs per task and status.';
