CREATE OR REPLACE FUNCTION api.ingest_salesnav_export(
  p_ingest_batch_id text, p_webhook_url text, p_export_title text, p_export_timestamp text, p_notes text,
  p_rate_per_second numeric DEFAULT 10)
RETURNS jsonb
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- Queue a stored Sales Navigator export (rows loaded into raw.salesnav_scrapes
-- with idempotency keys '<p_ingest_batch_id>:<line>') for delivery to a
-- Clay webhook: the export row, one outbox row per file row (the row as
-- received, idempotency key '<export id>:<line>'), and one procrastinate
-- job per row (task hq.salesnav_relay, queue salesnav), in one
-- transaction. The webhook host was checked against HQ_OUTBOUND_HOSTS by
-- the caller. Returns {id, rows, queued, status}.
DECLARE
  v_id uuid;
  v_job_ids bigint[];
  v_rows int;
BEGIN
  IF p_rate_per_second IS NULL OR p_rate_per_second <= 0 OR p_rate_per_second > 1000 THEN
    RAISE EXCEPTION 'rate_per_second must be between 0 (excluded) and 1000, got %', p_rate_per_second USING ERRCODE = '22023';
  END IF;
  INSERT INTO raw.salesnav_exports (ingest_batch_id, webhook_url, export_title, export_timestamp, notes, rate_per_second)
  VALUES (p_ingest_batch_id, p_webhook_url, p_export_title, p_export_timestamp, p_notes, p_rate_per_second)
  RETURNING id INTO v_id;

  INSERT INTO raw.salesnav_clay_outbox (export_id, row_num, raw_id, payload, idempotency_key)
  -- a row's key is '<batch id>:<line where its record starts>' (the batch id has colons of its own,
  -- 'file:<sha256>'); row_num is the row's position among the file's rows, header not counted
  SELECT v_id, n.row_num, n.id, n.raw_payload, v_id::text || ':' || n.row_num
  FROM (SELECT s.id, s.raw_payload,
               row_number() OVER (ORDER BY substr(s.idempotency_key, length(p_ingest_batch_id) + 2)::int)::int AS row_num
        FROM raw.salesnav_scrapes s
        WHERE s.idempotency_key >= p_ingest_batch_id || ':' AND s.idempotency_key < p_ingest_batch_id || ';'
          AND s.raw_payload IS NOT NULL) n;
  GET DIAGNOSTICS v_rows = ROW_COUNT;

  SELECT procrastinate.procrastinate_defer_jobs_v1(array_agg(
           ROW('salesnav', 'hq.salesnav_relay', 0, NULL, NULL, jsonb_build_object('row_id', o.id), NULL)
             ::procrastinate.procrastinate_job_to_defer_v1 ORDER BY o.row_num))
    INTO v_job_ids
  FROM raw.salesnav_clay_outbox o WHERE o.export_id = v_id;

  UPDATE raw.salesnav_clay_outbox o SET job_id = j.id
  FROM procrastinate.procrastinate_jobs j
  WHERE j.id = ANY (v_job_ids) AND o.id = (j.args ->> 'row_id')::bigint;

  IF v_rows = 0 THEN
    UPDATE raw.salesnav_exports e SET status = 'completed', finished_at = now() WHERE e.id = v_id;
  END IF;
  RETURN jsonb_build_object('id', v_id, 'rows', v_rows, 'queued', coalesce(cardinality(v_job_ids), 0),
                            'status', CASE WHEN v_rows = 0 THEN 'completed' ELSE 'queued' END);
END;
$$;
COMMENT ON FUNCTION api.ingest_salesnav_export(text, text, text, text, text, numeric) IS
  'Queue a stored Sales Navigator export for the Clay relay: export row, outbox rows and one job per row; returns {id, rows, queued, status}.';
