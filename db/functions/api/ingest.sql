CREATE OR REPLACE FUNCTION api.ingest(
  p_workflow_slug text, p_payload jsonb, p_key text DEFAULT NULL, p_idempotency_key text DEFAULT NULL)
RETURNS jsonb
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- One webhook delivery: insert the payload into the workflow's raw table
-- (key from p_key, else the registry's payload key; the trigger processes
-- it in this transaction) and return {raw_id, extraction_status,
-- extraction_error}. The same idempotency key twice gives one raw row and
-- the same answer (safe under concurrent retries: unique constraint).
-- Unknown or inactive slugs, and idempotency keys over 255 characters,
-- raise 22023.
DECLARE
  v_wf reference.enrichment_workflow_registry;
  v_out jsonb;
BEGIN
  SELECT r.* INTO v_wf FROM reference.enrichment_workflow_registry r WHERE r.workflow_slug = p_workflow_slug;
  IF NOT FOUND OR NOT v_wf.is_active THEN
    RAISE EXCEPTION 'workflow_slug % is %', coalesce(quote_literal(p_workflow_slug), 'NULL'),
      CASE WHEN NOT FOUND THEN 'not registered' ELSE 'inactive' END
      USING ERRCODE = '22023', HINT = 'Register it in reference.enrichment_workflow_registry, or set is_active = true.';
  END IF;
  IF length(p_idempotency_key) > 255 THEN
    RAISE EXCEPTION 'Idempotency-Key is % characters long; at most 255 are accepted', length(p_idempotency_key)
      USING ERRCODE = '22023';
  END IF;
  EXECUTE format(
    'INSERT INTO %I.%I AS t (%I, workflow_slug, raw_payload, idempotency_key) VALUES ($1, $2, $3, $4)
     ON CONFLICT (idempotency_key) DO NOTHING RETURNING jsonb_build_object(''raw_id'', t.id)',
    split_part(v_wf.raw_table, '.', 1), split_part(v_wf.raw_table, '.', 2), v_wf.key_column)
    INTO v_out
    USING coalesce(NULLIF(btrim(p_key), ''), CASE WHEN jsonb_typeof(p_payload) = 'object' THEN p_payload ->> v_wf.payload_key END),
          p_workflow_slug, p_payload, p_idempotency_key;
  -- status after the trigger ran (or of the earlier delivery with this key);
  -- one key probe either way (an OR of the two keys reads the whole table)
  EXECUTE format(
    'SELECT jsonb_build_object(''raw_id'', t.id, ''extraction_status'', t.extraction_status, ''extraction_error'', t.extraction_error)
     FROM %1$I.%2$I t WHERE t.id = coalesce($1, (SELECT k.id FROM %1$I.%2$I k WHERE k.idempotency_key = $2))',
    split_part(v_wf.raw_table, '.', 1), split_part(v_wf.raw_table, '.', 2))
    INTO v_out USING (v_out ->> 'raw_id')::uuid, p_idempotency_key;
  RETURN v_out;
END;
$$;
COMMENT ON FUNCTION api.ingest(text, jsonb, text, text) IS
  'Webhook ingest: store the payload in its raw table (processed by the trigger) and return raw_id and status; idempotent per idempotency key.';
