CREATE OR REPLACE FUNCTION api.worker_relay_sent(p_row_id bigint, p_http_status int)
RETURNS boolean
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- The webhook accepted a row: sent_to_clay_at is set by the first accepted
-- delivery only (a redelivery after a crash leaves it as it was). Returns
-- whether this call marked it. The export completes with its last pending row.
DECLARE
  v_export uuid;
BEGIN
  UPDATE raw.salesnav_clay_outbox o
     SET status = 'sent', sent_to_clay_at = now(), http_status = p_http_status, last_error = NULL
   WHERE o.id = p_row_id AND o.sent_to_clay_at IS NULL
  RETURNING o.export_id INTO v_export;
  IF NOT FOUND THEN
    RETURN false;
  END IF;
  UPDATE raw.salesnav_exports e SET status = 'completed', finished_at = now()
   WHERE e.id = v_export AND e.status IN ('queued', 'running')
     AND NOT EXISTS (SELECT 1 FROM raw.salesnav_clay_outbox o WHERE o.export_id = v_export AND o.status = 'pending');
  RETURN true;
END;
$$;
COMMENT ON FUNCTION api.worker_relay_sent(bigint, int) IS 'Worker: mark a relay row sent_to_clay_at once (first 2xx); completes the export after its last pending row.';
