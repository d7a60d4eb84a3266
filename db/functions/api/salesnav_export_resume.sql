CREATE OR REPLACE FUNCTION api.salesnav_export_resume(p_id uuid)
RETURNS jsonb
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- Send an export's unsent rows again once the cause is fixed (a stopped
-- export, or a completed one with failed rows): failed rows go back to
-- pending (their attempts and last error kept), the export is queued again
-- and every pending row without a queued or running job gets one. Rows
-- already sent are never sent again. Returns api.salesnav_export_status;
-- NULL when there is no such export.
DECLARE
  v_job_ids bigint[];
BEGIN
  PERFORM 1 FROM raw.salesnav_exports e WHERE e.id = p_id FOR UPDATE;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  UPDATE raw.salesnav_clay_outbox o SET status = 'pending' WHERE o.export_id = p_id AND o.status = 'failed';
  UPDATE raw.salesnav_exports e
     SET status = CASE WHEN EXISTS (SELECT 1 FROM raw.salesnav_clay_outbox o WHERE o.export_id = p_id AND o.status = 'pending')
                       THEN 'queued' ELSE 'completed' END,
         error_message = NULL, finished_at = CASE WHEN e.status = 'completed' THEN e.finished_at END
   WHERE e.id = p_id AND e.status IN ('stopped', 'completed');

  SELECT procrastinate.procrastinate_defer_jobs_v1(array_agg(
           ROW('salesnav', 'hq.salesnav_relay', 0, NULL, NULL, jsonb_build_object('row_id', o.id), NULL)
             ::procrastinate.procrastinate_job_to_defer_v1 ORDER BY o.row_num))
    INTO v_job_ids
  FROM raw.salesnav_clay_outbox o
  LEFT JOIN procrastinate.procrastinate_jobs j ON j.id = o.job_id
  WHERE o.export_id = p_id AND o.status = 'pending' AND (j.id IS NULL OR j.status NOT IN ('todo', 'doing'));
  UPDATE raw.salesnav_clay_outbox o SET job_id = j.id
  FROM procrastinate.procrastinate_jobs j
  WHERE j.id = ANY (v_job_ids) AND o.id = (j.args ->> 'row_id')::bigint;

  RETURN api.salesnav_export_status(p_id);
END;
$$;
COMMENT ON FUNCTION api.salesnav_export_resume(uuid) IS 'Queue a stopped export''s unsent rows again (failed rows back to pending, a job for each); sent rows stay sent.';
