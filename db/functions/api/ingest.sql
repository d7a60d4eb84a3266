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
-- extraction_error}.
-- The existing Clay tables send an envelope {<key column>|linkedin_url|
-- company_domain, workflow_slug, raw_payload}: an object with both
-- workflow_slug and raw_payload is unwrapped here (api.ingest_unwrap), so
-- the raw table and its trigger see only the provider's payload.
-- Idempotency: the same key twice gives one raw row and the first answer
-- (safe under concurrent retries: unique constraint); the key reused with a
-- different delivery (digest of slug, key and payload) raises HQI22.
-- An unknown slug raises HQW04 naming the registered ones; an inactive one,
-- and idempotency keys over 255 characters, raise 22023.
DECLARE
  v_wf reference.enrichment_workflow_registry;
  v_env jsonb;
  v_payload jsonb;
  v_key text;
  v_digest bytea;
  v_out jsonb;
BEGIN
  SELECT r.* INTO v_wf FROM reference.enrichment_workflow_registry r WHERE r.workflow_slug = p_workflow_slug;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'workflow_slug % is not registered', coalesce(quote_literal(p_workflow_slug), 'NULL')
      USING ERRCODE = 'HQW04', COLUMN = 'workflow_slug',
            DETAIL = 'registered workflows: ' || (SELECT string_agg(r.workflow_slug, ', ' ORDER BY r.workflow_slug)
                                                  FROM reference.enrichment_workflow_registry r WHERE r.is_active),
            HINT = 'Register it in reference.enrichment_workflow_registry (hq workflows add), or use one of these.';
  ELSIF NOT v_wf.is_active THEN
    RAISE EXCEPTION 'workflow_slug % is inactive', quote_literal(p_workflow_slug)
      USING ERRCODE = '22023', COLUMN = 'workflow_slug',
            HINT = 'Set is_active = true in reference.enrichment_workflow_registry.';
  END IF;
  IF length(p_idempotency_key) > 255 THEN
    RAISE EXCEPTION 'Idempotency-Key is % characters long; at most 255 are accepted', length(p_idempotency_key)
      USING ERRCODE = '22023', COLUMN = 'Idempotency-Key';
  END IF;
  v_env := api.ingest_unwrap(p_workflow_slug, p_payload);
  v_payload := v_env -> 'payload';
  v_key := coalesce(NULLIF(btrim(p_key), ''),
                    NULLIF(btrim(v_env -> 'keys' ->> v_wf.key_column), ''),
                    NULLIF(btrim(v_env -> 'keys' ->> 'linkedin_url'), ''),
                    NULLIF(btrim(v_env -> 'keys' ->> 'company_domain'), ''),
                    CASE WHEN jsonb_typeof(v_payload) = 'object' THEN v_payload ->> v_wf.payload_key END);
  IF p_idempotency_key IS NOT NULL THEN
    v_digest := sha256(convert_to(concat_ws(E'\n', p_workflow_slug, v_key, v_payload::text), 'UTF8'));
  END IF;
  EXECUTE format(
    'INSERT INTO %I.%I AS t (%I, workflow_slug, raw_payload, idempotency_key, idempotency_digest) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (idempotency_key) DO NOTHING RETURNING jsonb_build_object(''raw_id'', t.id)',
    split_part(v_wf.raw_table, '.', 1), split_part(v_wf.raw_table, '.', 2), v_wf.key_column)
    INTO v_out
    USING v_key, p_workflow_slug, v_payload, p_idempotency_key, v_digest;
  -- status after the trigger ran (or of the earlier delivery with this key);
  -- one key probe either way (an OR of the two keys reads the whole table)
  EXECUTE format(
    'SELECT jsonb_build_object(''raw_id'', t.id, ''extraction_status'', t.extraction_status, ''extraction_error'', t.extraction_error,
                               ''reused'', t.idempotency_digest IS DISTINCT FROM $3 AND t.idempotency_digest IS NOT NULL)
     FROM %1$I.%2$I t WHERE t.id = coalesce($1, (SELECT k.id FROM %1$I.%2$I k WHERE k.idempotency_key = $2))',
    split_part(v_wf.raw_table, '.', 1), split_part(v_wf.raw_table, '.', 2))
    INTO v_out USING (v_out ->> 'raw_id')::uuid, p_idempotency_key, v_digest;
  IF (v_out ->> 'reused')::boolean THEN
    RAISE EXCEPTION 'Idempotency-Key % was already used for a different request', quote_literal(p_idempotency_key)
      USING ERRCODE = 'HQI22', COLUMN = 'Idempotency-Key',
            DETAIL = format('first used for raw row %s (%s)', v_out ->> 'raw_id', v_wf.raw_table),
            HINT = 'Send a new Idempotency-Key for a new request; a retry must repeat the same workflow and body.';
  END IF;
  RETURN v_out - 'reused';
END;
$$;
COMMENT ON FUNCTION api.ingest(text, jsonb, text, text) IS
  'Webhook ingest: unwrap a Clay envelope, store the payload in its raw table (processed by the trigger), return raw_id and status; idempotent per idempotency key (HQI22 when reused for another body; HQW04 for an unknown workflow).';
