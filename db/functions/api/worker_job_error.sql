CREATE OR REPLACE FUNCTION api.worker_job_error(
  p_job_id bigint, p_attempt int, p_error text, p_http_status int DEFAULT NULL, p_retry_in numeric DEFAULT NULL)
RETURNS void
LANGUAGE sql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  -- The error of one failed job attempt (procrastinate keeps attempts, not errors).
  INSERT INTO core.job_errors (job_id, attempt, error, http_status, retry_in_seconds)
  VALUES (p_job_id, p_attempt, left(p_error, 2000), p_http_status, p_retry_in);
$$;
COMMENT ON FUNCTION api.worker_job_error(bigint, int, text, int, numeric) IS 'Record the error of a failed job attempt in core.job_errors.';
