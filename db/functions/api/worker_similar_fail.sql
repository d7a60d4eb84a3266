CREATE OR REPLACE FUNCTION api.worker_similar_fail(
  p_item_id bigint, p_error text, p_http_status int DEFAULT NULL, p_final boolean DEFAULT false)
RETURNS void
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- A failed attempt at one item: its last error is kept for the progress
-- view; when final (out of attempts, or an answer retrying cannot change),
-- the item and the items of other batches waiting on the same job are failed.
DECLARE
  v_item raw.company_enrich_similar_batch_items;
BEGIN
  UPDATE raw.company_enrich_similar_batch_items t
     SET error = left(p_error, 1000), http_status = p_http_status
   WHERE t.id = p_item_id AND t.status = 'pending'
  RETURNING t.* INTO v_item;
  IF NOT FOUND OR NOT p_final THEN
    RETURN;
  END IF;
  UPDATE raw.company_enrich_similar_batch_items t
     SET status = 'failed', error = left(p_error, 1000), http_status = p_http_status, finished_at = now()
   WHERE t.status = 'pending' AND (t.id = p_item_id OR (v_item.job_id IS NOT NULL AND t.job_id = v_item.job_id));
  PERFORM api.worker_similar_settle(v_item.domain, v_item.job_id);
END;
$$;
COMMENT ON FUNCTION api.worker_similar_fail(bigint, text, int, boolean) IS 'Worker: record a failed fetch attempt; final = the item (and items joined to its job) fail with the reason.';
