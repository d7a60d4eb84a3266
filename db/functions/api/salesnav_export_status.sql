CREATE OR REPLACE FUNCTION api.salesnav_export_status(p_id uuid)
RETURNS jsonb
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  -- Relay progress of one export: {id, status, error_message, total, sent,
  -- pending, failed, attempts, rate_per_second, export_title,
  -- export_timestamp, notes, webhook_host, created_at, finished_at,
  -- failures:[{row_num, error, http_status}] (first 20)}. NULL when unknown.
  SELECT jsonb_build_object(
    'id', e.id, 'status', e.status, 'error_message', e.error_message,
    'total', s.total, 'sent', s.sent, 'pending', s.pending, 'failed', s.failed, 'attempts', s.attempts,
    'rate_per_second', e.rate_per_second, 'export_title', e.export_title,
    'export_timestamp', e.export_timestamp, 'notes', e.notes,
    'webhook_host', substring(e.webhook_url FROM '^[a-zA-Z][a-zA-Z0-9+.-]*://(?:[^/@]*@)?([^/:?#]+)'),
    'ingest_batch_id', e.ingest_batch_id, 'created_at', e.created_at, 'finished_at', e.finished_at,
    'failures', (SELECT coalesce(jsonb_agg(jsonb_build_object('row_num', f.row_num, 'error', f.last_error,
                                                              'http_status', f.http_status) ORDER BY f.row_num), '[]')
                 FROM (SELECT o.* FROM raw.salesnav_clay_outbox o
                       WHERE o.export_id = e.id AND o.status = 'failed' ORDER BY o.row_num LIMIT 20) f))
  FROM raw.salesnav_exports e
  CROSS JOIN LATERAL (
    SELECT count(*) AS total, count(*) FILTER (WHERE o.status = 'sent') AS sent,
           count(*) FILTER (WHERE o.status = 'pending') AS pending,
           count(*) FILTER (WHERE o.status = 'failed') AS failed, coalesce(sum(o.attempts), 0) AS attempts
    FROM raw.salesnav_clay_outbox o WHERE o.export_id = e.id) s
  WHERE e.id = p_id;
$$;
COMMENT ON FUNCTION api.salesnav_export_status(uuid) IS 'Clay relay progress of one Sales Navigator export: sent / pending / failed counts, status and the reason it stopped.';
