CREATE OR REPLACE FUNCTION api.worker_similar_settle(p_domain text, p_job_id bigint)
RETURNS void
LANGUAGE sql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  -- Batches whose last pending item was just settled are completed.
  UPDATE raw.company_enrich_similar_batches b
     SET status = 'completed', finished_at = now(), started_at = coalesce(b.started_at, now())
   WHERE b.status IN ('queued', 'running')
     AND b.id IN (SELECT t.batch_id FROM raw.company_enrich_similar_batch_items t
                  WHERE t.domain = p_domain OR t.job_id = p_job_id)
     AND NOT EXISTS (SELECT 1 FROM raw.company_enrich_similar_batch_items p
                     WHERE p.batch_id = b.id AND p.status = 'pending');
$$;
COMMENT ON FUNCTION api.worker_similar_settle(text, bigint) IS 'Complete the batches that have no pending item left after a domain (or a job) was settled.';
