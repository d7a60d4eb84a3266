CREATE OR REPLACE FUNCTION api.worker_relay_fail(
  p_row_id bigint, p_error text, p_http_status int DEFAULT NULL, p_final boolean DEFAULT false,
  p_stop boolean DEFAULT false)
RETURNS void
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, procrastinate, pg_temp
AS $$
-- A failed delivery attempt: the row keeps its last error. Final (out of
-- attempts): the row fails. Stop (the webhook refused the row with a 4xx
-- other than 429, which resending cannot change): the row fails, the export
-- stops with the reason, and the queued jobs of its other pending rows are
-- cancelled; those rows stay pending, so nothing is marked that was not sent.
DECLARE
  v_row raw.salesnav_clay_outbox;
BEGIN
  UPDATE raw.salesnav_clay_outbox o
     SET last_error = left(p_error, 1000), http_status = p_http_status,
         status = CASE WHEN p_final OR p_stop THEN 'failed' ELSE o.status END
   WHERE o.id = p_row_id AND o.status = 'pending'
  RETURNING o.* INTO v_row;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  IF p_stop THEN
    UPDATE raw.salesnav_exports e
       SET status = 'stopped', finished_at = now(),
           error_message = format('row %s: %s', v_row.row_num, left(p_error, 500))
     WHERE e.id = v_row.export_id AND e.status IN ('queued', 'running');
    PERFORM procrastinate.procrastinate_cancel_job_v1(o.job_id, false, false)
    FROM raw.salesnav_clay_outbox o
    WHERE o.export_id = v_row.export_id AND o.status = 'pending' AND o.job_id IS NOT NULL;
  ELSIF p_final THEN
    UPDATE raw.salesnav_exports e SET status = 'completed', finished_at = now()
     WHERE e.id = v_row.export_id AND e.status IN ('queued', 'running')
       AND NOT EXISTS (SELECT 1 FROM raw.salesnav_clay_outbox o WHERE o.export_id = v_row.export_id AND o.status = 'pending');
  END IF;
END;
$$;
COMMENT ON FUNCTION api.worker_relay_fail(bigint, text, int, boolean, boolean) IS 'Worker: record a failed relay attempt; final fails the row, stop also stops the export and cancels its queued jobs.';
