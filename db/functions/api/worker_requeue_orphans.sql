CREATE OR REPLACE FUNCTION api.worker_requeue_orphans()
RETURNS int
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- Pending similar-companies items and relay rows whose job is neither
-- queued nor running (aborted at a forced shutdown, cancelled, or failed
-- without settling its item) get a new job, so a batch or an export always
-- finishes. Rows of a stopped export are left alone. Returns jobs queued.
DECLARE
  v_similar bigint[];
  v_relay bigint[];
BEGIN
  SELECT procrastinate.procrastinate_defer_jobs_v1(array_agg(
           ROW('similar', 'hq.similar_fetch', 0, NULL, NULL, jsonb_build_object('item_id', d.id), NULL)
             ::procrastinate.procrastinate_job_to_defer_v1 ORDER BY d.id))
    INTO v_similar
  FROM (SELECT DISTINCT ON (t.domain) t.id
        FROM raw.company_enrich_similar_batch_items t
        LEFT JOIN procrastinate.procrastinate_jobs j ON j.id = t.job_id
        WHERE t.status = 'pending' AND (j.id IS NULL OR j.status NOT IN ('todo', 'doing'))
        ORDER BY t.domain, t.id) d;
  UPDATE raw.company_enrich_similar_batch_items t SET job_id = j.id
  FROM procrastinate.procrastinate_jobs j
  WHERE j.id = ANY (v_similar) AND t.id = (j.args ->> 'item_id')::bigint;

  SELECT procrastinate.procrastinate_defer_jobs_v1(array_agg(
           ROW('salesnav', 'hq.salesnav_relay', 0, NULL, NULL, jsonb_build_object('row_id', o.id), NULL)
             ::procrastinate.procrastinate_job_to_defer_v1 ORDER BY o.id))
    INTO v_relay
  FROM raw.salesnav_clay_outbox o
  JOIN raw.salesnav_exports e ON e.id = o.export_id AND e.status IN ('queued', 'running')
  LEFT JOIN procrastinate.procrastinate_jobs j ON j.id = o.job_id
  WHERE o.status = 'pending' AND (j.id IS NULL OR j.status NOT IN ('todo', 'doing'));
  UPDATE raw.salesnav_clay_outbox o SET job_id = j.id
  FROM procrastinate.procrastinate_jobs j
  WHERE j.id = ANY (v_relay) AND o.id = (j.args ->> 'row_id')::bigint;

  RETURN coalesce(cardinality(v_similar), 0) + coalesce(cardinality(v_relay), 0);
END;
$$;
COMMENT ON FUNCTION api.worker_requeue_orphans() IS 'Worker start-up sweep: a new job for every pending similar item or relay row left without a queued or running job.';
