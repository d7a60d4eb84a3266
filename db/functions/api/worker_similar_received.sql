CREATE OR REPLACE FUNCTION api.worker_similar_received(p_item_id bigint, p_http_status int, p_payload jsonb)
RETURNS void
LANGUAGE sql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  -- Keep a provider answer the moment it arrives, in its own short
  -- transaction: the pipeline (api.worker_similar_store) runs afterwards, and
  -- a worker killed in between finds the answer here instead of fetching again.
  UPDATE raw.company_enrich_similar_batch_items t
     SET response = p_payload, http_status = p_http_status
   WHERE t.id = p_item_id AND t.status = 'pending';
$$;
COMMENT ON FUNCTION api.worker_similar_received(bigint, int, jsonb) IS 'Worker: commit a similar-companies answer as soon as it arrives (stored as a raw row by api.worker_similar_store).';
