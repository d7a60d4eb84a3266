CREATE OR REPLACE FUNCTION api.ingest_summary(p_workflow_slug text, p_batch_id text)
RETURNS jsonb
LANGUAGE plpgsql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- What happened to the rows of one bulk load (idempotency keys
-- '<batch_id>:<line>'): {rows, extracted, failed, skipped, pending,
-- top_errors:[{error, count}]} — so the ingest role can report without
-- reading raw tables.
DECLARE
  v_table text;
  v_out jsonb;
BEGIN
  SELECT r.raw_table INTO v_table FROM reference.enrichment_workflow_registry r WHERE r.workflow_slug = p_workflow_slug;
  IF v_table IS NULL THEN
    RAISE EXCEPTION 'workflow_slug % is not registered', coalesce(quote_literal(p_workflow_slug), 'NULL') USING ERRCODE = '22023';
  END IF;
  EXECUTE format($sql$
    WITH b AS (SELECT t.extraction_status, t.extraction_error FROM %I.%I t
               WHERE t.idempotency_key >= $1 || ':' AND t.idempotency_key < $1 || ';')
    SELECT jsonb_build_object(
      'rows', count(*), 'extracted', count(*) FILTER (WHERE b.extraction_status = 'extracted'),
      'failed', count(*) FILTER (WHERE b.extraction_status = 'failed'),
      'skipped', count(*) FILTER (WHERE b.extraction_status = 'skipped'),
      'pending', count(*) FILTER (WHERE b.extraction_status = 'pending'),
      'top_errors', (SELECT coalesce(jsonb_agg(jsonb_build_object('error', e.err, 'count', e.n) ORDER BY e.n DESC, e.err), '[]')
                     FROM (SELECT b2.extraction_error AS err, count(*) AS n FROM b b2 WHERE b2.extraction_status = 'failed'
                           GROUP BY b2.extraction_error ORDER BY n DESC, b2.extraction_error LIMIT 5) e))
    FROM b
  $sql$, split_part(v_table, '.', 1), split_part(v_table, '.', 2))
    INTO v_out USING p_batch_id;
  RETURN v_out;
END;
$$;
COMMENT ON FUNCTION api.ingest_summary(text, text) IS 'Status counts and top errors of one bulk load (rows keyed <batch_id>:<n>).';
