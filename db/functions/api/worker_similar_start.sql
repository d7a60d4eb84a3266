CREATE OR REPLACE FUNCTION api.worker_similar_start(p_item_id bigint, p_rate numeric)
RETURNS jsonb
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- A worker starts fetching one batch item: returns {item_id, domain,
-- page_size, status}; 'received' = answered already, only to be stored;
-- only a 'pending' item is fetched (a done, failed or
-- cancelled one means an earlier attempt, or another batch, already
-- settled it). Counts the attempt, marks the batch running and, for a
-- pending item, reserves its CompanyEnrich slot at p_rate per second
-- (api.worker_slot): wait_seconds before sending.
DECLARE
  v_item raw.company_enrich_similar_batch_items;
  v_page_size int;
  v_wait numeric;
BEGIN
  UPDATE raw.company_enrich_similar_batch_items t
     SET attempts = t.attempts + CASE WHEN t.status = 'pending' THEN 1 ELSE 0 END
   WHERE t.id = p_item_id
  RETURNING t.* INTO v_item;
  IF NOT FOUND THEN
    RETURN jsonb_build_object('item_id', p_item_id, 'status', 'missing');
  END IF;
  UPDATE raw.company_enrich_similar_batches b
     SET status = 'running', started_at = coalesce(b.started_at, now())
   WHERE b.id = v_item.batch_id AND b.status = 'queued' AND v_item.status = 'pending';
  IF v_item.status = 'pending' AND v_item.response IS NULL THEN
    v_wait := api.worker_slot('companyenrich', p_rate);
  END IF;
  SELECT b.page_size INTO v_page_size FROM raw.company_enrich_similar_batches b WHERE b.id = v_item.batch_id;
  RETURN jsonb_build_object('item_id', v_item.id, 'batch_id', v_item.batch_id, 'domain', v_item.domain,
                            'page_size', v_page_size, 'status', CASE WHEN v_item.status = 'pending' AND v_item.response IS NOT NULL THEN 'received' ELSE v_item.status END,
                            'attempts', v_item.attempts,
                            'wait_seconds', v_wait);
END;
$$;
COMMENT ON FUNCTION api.worker_similar_start(bigint, numeric) IS 'Worker: claim an attempt at one similar-companies item and reserve its rate slot; returns its domain, page size, status (fetch only when pending) and the wait.';
