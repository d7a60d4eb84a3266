CREATE OR REPLACE FUNCTION api.jobs(p_status text DEFAULT NULL, p_task text DEFAULT NULL, p_limit int DEFAULT 50)
RETURNS TABLE (id bigint, task text, queue text, status text, attempts int, args jsonb,
               scheduled_at timestamptz, last_event_at timestamptz, last_error text)
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- The latest jobs (newest first), optionally of one status and task, with
-- the time of their last event and their last recorded error (for `hq jobs`).
BEGIN
  IF p_status IS NOT NULL AND p_status NOT IN ('todo', 'doing', 'succeeded', 'failed', 'cancelled', 'aborted') THEN
    RAISE EXCEPTION 'status must be one of todo, doing, succeeded, failed, cancelled, aborted; got %', p_status
      USING ERRCODE = '22023';
  END IF;
  RETURN QUERY
  SELECT j.id, j.task_name::text, j.queue_name::text, j.status::text, j.attempts, j.args, j.scheduled_at,
         (SELECT max(ev.at) FROM procrastinate.procrastinate_events ev WHERE ev.job_id = j.id),
         (SELECT er.error FROM core.job_errors er WHERE er.job_id = j.id ORDER BY er.id DESC LIMIT 1)
  FROM procrastinate.procrastinate_jobs j
  WHERE (p_status IS NULL OR j.status::text = p_status) AND (p_task IS NULL OR j.task_name = p_task)
  ORDER BY j.id DESC
  LIMIT greatest(1, least(coalesce(p_limit, 50), 1000));
END;
$$;
COMMENT ON FUNCTION api.jobs(text, text, int) IS 'Latest jobs of the queue (newest first) with their last event time and last error; filters by status and task.';
