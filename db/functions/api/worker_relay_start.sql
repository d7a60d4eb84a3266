CREATE OR REPLACE FUNCTION api.worker_relay_start(p_row_id bigint)
RETURNS jsonb
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- A worker starts delivering one outbox row: returns {row_id, export_id,
-- status, export_status, webhook_url, rate_per_second, idempotency_key,
-- body, wait_seconds}. Send only when status is 'pending' and export_status
-- is not 'stopped', after wait_seconds: the row's slot at the export's rate
-- (api.worker_slot) is reserved here, in the same round trip. The body is the file row as received plus the export's title,
-- timestamp and notes and the row's idempotency key (Clay sees the body,
-- not the headers).
DECLARE
  v_row raw.salesnav_clay_outbox;
  v_exp raw.salesnav_exports;
  v_wait numeric;
BEGIN
  UPDATE raw.salesnav_clay_outbox o
     SET attempts = o.attempts + CASE WHEN o.status = 'pending' THEN 1 ELSE 0 END
   WHERE o.id = p_row_id
  RETURNING o.* INTO v_row;
  IF NOT FOUND THEN
    RETURN jsonb_build_object('row_id', p_row_id, 'status', 'missing');
  END IF;
  UPDATE raw.salesnav_exports e SET status = 'running'
   WHERE e.id = v_row.export_id AND e.status = 'queued' AND v_row.status = 'pending';
  SELECT e.* INTO v_exp FROM raw.salesnav_exports e WHERE e.id = v_row.export_id;
  IF v_row.status = 'pending' AND v_exp.status <> 'stopped' THEN
    v_wait := api.worker_slot('salesnav-export:' || v_exp.id::text, v_exp.rate_per_second);
  END IF;
  RETURN jsonb_build_object(
    'row_id', v_row.id, 'export_id', v_row.export_id, 'row_num', v_row.row_num, 'status', v_row.status,
    'attempts', v_row.attempts, 'export_status', v_exp.status, 'webhook_url', v_exp.webhook_url,
    'rate_per_second', v_exp.rate_per_second, 'idempotency_key', v_row.idempotency_key, 'wait_seconds', v_wait,
    'body', CASE WHEN jsonb_typeof(v_row.payload) = 'object' THEN v_row.payload ELSE jsonb_build_object('row', v_row.payload) END
            || jsonb_strip_nulls(jsonb_build_object('export_title', v_exp.export_title,
                                                    'export_timestamp', v_exp.export_timestamp, 'notes', v_exp.notes))
            || jsonb_build_object('hq_idempotency_key', v_row.idempotency_key));
END;
$$;
COMMENT ON FUNCTION api.worker_relay_start(bigint) IS 'Worker: claim an attempt at one Clay relay row; returns the webhook, rate, idempotency key and request body.';
