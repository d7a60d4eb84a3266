CREATE OR REPLACE FUNCTION api.job(p_id bigint)
RETURNS jsonb
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  -- One job of the queue: {id, task, queue, status, attempts, args,
  -- scheduled_at, events:[{type, at}], errors:[{attempt, error, http_status,
  -- retry_in_seconds, at}]}. NULL when there is no such job.
  SELECT jsonb_build_object(
    'id', j.id, 'task', j.task_name, 'queue', j.queue_name, 'status', j.status, 'attempts', j.attempts,
    'args', j.args, 'scheduled_at', j.scheduled_at, 'worker_id', j.worker_id,
    'events', (SELECT coalesce(jsonb_agg(jsonb_build_object('type', ev.type, 'at', ev.at) ORDER BY ev.id), '[]')
               FROM procrastinate.procrastinate_events ev WHERE ev.job_id = j.id),
    'errors', (SELECT coalesce(jsonb_agg(jsonb_build_object('attempt', er.attempt, 'error', er.error,
                                                            'http_status', er.http_status,
                                                            'retry_in_seconds', er.retry_in_seconds, 'at', er.created_at)
                                         ORDER BY er.id), '[]')
               FROM core.job_errors er WHERE er.job_id = j.id))
  FROM procrastinate.procrastinate_jobs j
  WHERE j.id = p_id;
$$;
COMMENT ON FUNCTION api.job(bigint) IS 'One queued job with its events (procrastinate) and the error of each failed attempt (core.job_errors).';
