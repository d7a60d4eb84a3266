CREATE OR REPLACE FUNCTION api.worker_similar_store(p_item_id bigint)
RETURNS jsonb
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- Store the provider response kept by api.worker_similar_received, in one
-- transaction: the raw row (workflow
-- company-enrich-similar; its trigger extracts the similar companies and
-- runs them through the pipeline), then the item, and every other pending
-- item of the same domain (other batches that joined this fetch), done.
-- Returns {raw_id, extraction_status, extraction_error, similar}.
DECLARE
  v_item raw.company_enrich_similar_batch_items;
  v_raw raw.company_enrich_similar_raw;
  v_similar int;
BEGIN
  SELECT t.* INTO v_item FROM raw.company_enrich_similar_batch_items t WHERE t.id = p_item_id FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'similar-companies item % does not exist', p_item_id USING ERRCODE = '22023';
  END IF;
  IF v_item.response IS NULL THEN
    RAISE EXCEPTION 'similar-companies item % has no response to store', p_item_id USING ERRCODE = '22023';
  END IF;
  INSERT INTO raw.company_enrich_similar_raw (domain, workflow_slug, raw_payload, batch_id)
  VALUES (v_item.domain, 'company-enrich-similar', v_item.response, v_item.batch_id)
  RETURNING id INTO v_raw.id;
  SELECT r.* INTO v_raw FROM raw.company_enrich_similar_raw r WHERE r.id = v_raw.id;

  UPDATE raw.company_enrich_similar_batch_items t
     SET status = 'done', raw_id = v_raw.id, http_status = v_item.http_status, error = NULL, response = NULL,
         reused = (t.id <> p_item_id), finished_at = now()
   WHERE t.id = p_item_id OR (t.domain = v_item.domain AND t.status = 'pending');
  PERFORM api.worker_similar_settle(v_item.domain, v_item.job_id);

  SELECT count(*) INTO v_similar FROM extracted.company_enrich_similar x WHERE x.raw_id = v_raw.id;
  RETURN jsonb_build_object('raw_id', v_raw.id, 'extraction_status', v_raw.extraction_status,
                            'extraction_error', v_raw.extraction_error, 'similar', v_similar);
END;
$$;
COMMENT ON FUNCTION api.worker_similar_store(bigint) IS 'Worker: store one similar-companies response as a raw row (pipeline in the same transaction) and mark the domain done in every batch waiting for it.';
