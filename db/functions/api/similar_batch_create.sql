CREATE OR REPLACE FUNCTION api.similar_batch_create(
  p_domains text[], p_refetch boolean DEFAULT false, p_page_size int DEFAULT 25)
RETURNS jsonb
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- A similar-companies batch in one transaction: the batch, one item per
-- distinct normalized domain, and one procrastinate job (task
-- hq.similar_fetch, queue similar) per domain that needs fetching. Without
-- p_refetch a domain already fetched is answered from its stored response
-- (done, reused) and a domain another batch is fetching joins that job, so
-- no domain is fetched twice. Input that is not a domain is a failed item
-- with its reason. Returns {batch_id, total, queued, reused, invalid}.
DECLARE
  v_batch uuid;
  v_job_ids bigint[];
  v_out jsonb;
BEGIN
  IF p_domains IS NULL OR cardinality(p_domains) = 0 THEN
    RAISE EXCEPTION 'domains must be a non-empty list' USING ERRCODE = '22023';
  END IF;
  IF cardinality(p_domains) > 10000 THEN
    RAISE EXCEPTION 'at most 10,000 domains per batch, got %', cardinality(p_domains) USING ERRCODE = '22023';
  END IF;
  IF p_page_size IS NULL OR p_page_size NOT BETWEEN 1 AND 100 THEN
    RAISE EXCEPTION 'page_size must be between 1 and 100, got %', p_page_size USING ERRCODE = '22023';
  END IF;

  INSERT INTO raw.company_enrich_similar_batches (refetch, page_size) VALUES (p_refetch, p_page_size)
  RETURNING id INTO v_batch;

  WITH input AS (
    SELECT DISTINCT ON (coalesce(core.normalize_domain(d.v), btrim(d.v)))
           btrim(d.v) AS input, core.normalize_domain(d.v) AS domain
    FROM unnest(p_domains) AS d(v)
    WHERE d.v IS NOT NULL AND btrim(d.v) <> ''
    ORDER BY coalesce(core.normalize_domain(d.v), btrim(d.v)), d.v
  )
  INSERT INTO raw.company_enrich_similar_batch_items AS t (batch_id, domain, input, status, error, raw_id, reused, job_id, finished_at)
  SELECT v_batch, coalesce(i.domain, left(i.input, 300)), i.input,
         CASE WHEN i.domain IS NULL THEN 'failed' WHEN prev.id IS NOT NULL THEN 'done' ELSE 'pending' END,
         CASE WHEN i.domain IS NULL THEN 'not a domain' END,
         prev.id, prev.id IS NOT NULL, other.job_id,
         CASE WHEN i.domain IS NULL OR prev.id IS NOT NULL THEN now() END
  FROM input i
  LEFT JOIN LATERAL (SELECT r.id FROM raw.company_enrich_similar_raw r
                     WHERE NOT p_refetch AND r.domain = i.domain AND r.workflow_slug = 'company-enrich-similar'
                     ORDER BY r.created_at DESC LIMIT 1) prev ON true
  LEFT JOIN LATERAL (SELECT o.job_id FROM raw.company_enrich_similar_batch_items o
                     WHERE NOT p_refetch AND o.domain = i.domain AND o.status = 'pending' AND o.job_id IS NOT NULL
                     LIMIT 1) other ON prev.id IS NULL;

  SELECT procrastinate.procrastinate_defer_jobs_v1(array_agg(
           ROW('similar', 'hq.similar_fetch', 0, NULL, NULL, jsonb_build_object('item_id', t.id), NULL)
             ::procrastinate.procrastinate_job_to_defer_v1 ORDER BY t.id))
    INTO v_job_ids
  FROM raw.company_enrich_similar_batch_items t
  WHERE t.batch_id = v_batch AND t.status = 'pending' AND t.job_id IS NULL;

  UPDATE raw.company_enrich_similar_batch_items t SET job_id = j.id
  FROM procrastinate.procrastinate_jobs j
  WHERE j.id = ANY (v_job_ids) AND t.id = (j.args ->> 'item_id')::bigint;

  UPDATE raw.company_enrich_similar_batches b
     SET total = s.total,
         status = CASE WHEN s.pending = 0 THEN 'completed' ELSE b.status END,
         finished_at = CASE WHEN s.pending = 0 THEN now() END
  FROM (SELECT count(*) AS total, count(*) FILTER (WHERE t.status = 'pending') AS pending
        FROM raw.company_enrich_similar_batch_items t WHERE t.batch_id = v_batch) s
  WHERE b.id = v_batch;

  SELECT jsonb_build_object('batch_id', v_batch, 'total', count(*),
                            'queued', coalesce(cardinality(v_job_ids), 0),
                            'joined', count(*) FILTER (WHERE t.status = 'pending') - coalesce(cardinality(v_job_ids), 0),
                            'reused', count(*) FILTER (WHERE t.reused),
                            'invalid', count(*) FILTER (WHERE t.status = 'failed'))
    INTO v_out
  FROM raw.company_enrich_similar_batch_items t WHERE t.batch_id = v_batch;
  RETURN v_out;
END;
$$;
COMMENT ON FUNCTION api.similar_batch_create(text[], boolean, int) IS
  'Create a similar-companies batch and queue one job per domain to fetch (reusing stored responses unless p_refetch); returns {batch_id, total, queued, joined, reused, invalid}.';
