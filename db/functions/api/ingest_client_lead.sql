CREATE OR REPLACE FUNCTION api.ingest_client_lead(p_payload jsonb, p_idempotency_key text DEFAULT NULL)
RETURNS jsonb
LANGUAGE plpgsql
VOLATILE
SECURITY INVOKER  -- row-level security applies to the caller (hq.client_domain)
SET search_path = pg_catalog, pg_temp
AS $$
-- One client lead form submission: stored in raw.client_lead_payloads (its
-- client_domain normalized, so row-level security compares like with like;
-- the trigger makes the client.leads row in this transaction). Returns
-- {raw_id, extraction_status, extraction_error, lead}. A client-bound caller
-- (api.bind_api_key) may only submit for its own client: the INSERT is
-- refused by the table's policy (42501). The same idempotency key twice gives
-- one raw row and the same answer.
DECLARE
  v_id uuid;
  v_out jsonb;
BEGIN
  IF length(p_idempotency_key) > 255 THEN
    RAISE EXCEPTION 'Idempotency-Key is % characters long; at most 255 are accepted', length(p_idempotency_key)
      USING ERRCODE = '22023';
  END IF;
  INSERT INTO raw.client_lead_payloads AS t (client_domain, workflow_slug, raw_payload, idempotency_key)
  VALUES (CASE WHEN jsonb_typeof(p_payload) = 'object'
               THEN client.client_key(p_payload ->> 'client_domain') END,
          'client-leads', p_payload, p_idempotency_key)
  ON CONFLICT (idempotency_key) DO NOTHING
  RETURNING t.id INTO v_id;
  SELECT jsonb_build_object('raw_id', t.id, 'extraction_status', t.extraction_status, 'extraction_error', t.extraction_error,
                            'lead', (SELECT to_jsonb(l) FROM client.leads l WHERE l.raw_id = t.id))
    INTO v_out
  FROM raw.client_lead_payloads t
  WHERE t.id = v_id OR (v_id IS NULL AND t.idempotency_key = p_idempotency_key);
  IF v_out IS NULL THEN
    RAISE EXCEPTION 'Idempotency-Key % was already used for another client''s lead', quote_literal(p_idempotency_key)
      USING ERRCODE = '23505';
  END IF;
  RETURN v_out;
END;
$$;
COMMENT ON FUNCTION api.ingest_client_lead(jsonb, text) IS
  'Client lead ingest (SECURITY INVOKER: row-level security limits a client-bound caller to its client): raw row, lead, status.';
