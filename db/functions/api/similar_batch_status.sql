CREATE OR REPLACE FUNCTION api.similar_batch_status(p_batch_id uuid, p_failures int DEFAULT 100)
RETURNS jsonb
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- Progress of a similar-companies batch: {batch_id, status, total, done,
-- failed, pending, cancelled, reused, failures:[{domain, input, error,
-- http_status, attempts}] (first p_failures), similar_companies, rate_per_second
-- (fetches since the batch started), eta_seconds, created_at, started_at,
-- finished_at}. NULL when there is no such batch.
DECLARE
  v_b raw.company_enrich_similar_batches;
  v_out jsonb;
BEGIN
  SELECT b.* INTO v_b FROM raw.company_enrich_similar_batches b WHERE b.id = p_batch_id;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  WITH s AS (
    SELECT count(*) AS total,
           count(*) FILTER (WHERE t.status = 'done') AS done,
           count(*) FILTER (WHERE t.status = 'failed') AS failed,
           count(*) FILTER (WHERE t.status = 'pending') AS pending,
           count(*) FILTER (WHERE t.status = 'cancelled') AS cancelled,
           count(*) FILTER (WHERE t.reused) AS reused,
           count(*) FILTER (WHERE t.status IN ('done', 'failed') AND NOT t.reused AND t.attempts > 0) AS fetched,
           max(t.finished_at) AS last_at
    FROM raw.company_enrich_similar_batch_items t WHERE t.batch_id = p_batch_id
  ), r AS (
    SELECT s.*, CASE WHEN v_b.started_at IS NOT NULL AND s.fetched > 0
                     THEN s.fetched / greatest(extract(epoch FROM coalesce(v_b.finished_at, now()) - v_b.started_at), 0.001) END AS rate
    FROM s
  )
  SELECT jsonb_build_object(
    'batch_id', v_b.id, 'status', v_b.status, 'total', r.total, 'done', r.done, 'failed', r.failed,
    'pending', r.pending, 'cancelled', r.cancelled, 'reused', r.reused, 'refetch', v_b.refetch,
    'failures', (SELECT coalesce(jsonb_agg(jsonb_build_object('domain', f.domain, 'input', f.input, 'error', f.error,
                                                              'http_status', f.http_status, 'attempts', f.attempts)
                                           ORDER BY f.id), '[]')
                 FROM (SELECT t.* FROM raw.company_enrich_similar_batch_items t
                       WHERE t.batch_id = p_batch_id AND t.status = 'failed' ORDER BY t.id LIMIT p_failures) f),
    'similar_companies', (SELECT count(DISTINCT x.similar_domain) FROM raw.company_enrich_similar_batch_items t
                          JOIN extracted.company_enrich_similar x ON x.source_domain = t.domain
                          WHERE t.batch_id = p_batch_id AND t.status = 'done'),
    'rate_per_second', round(r.rate::numeric, 3),
    'eta_seconds', CASE WHEN r.pending = 0 THEN 0 WHEN r.rate > 0 THEN round((r.pending / r.rate)::numeric, 1) END,
    'created_at', v_b.created_at, 'started_at', v_b.started_at, 'finished_at', v_b.finished_at)
  INTO v_out FROM r;
  RETURN v_out;
END;
$$;
COMMENT ON FUNCTION api.similar_batch_status(uuid, int) IS 'Progress of a similar-companies batch: counts, failures with reasons, observed rate and ETA.';
