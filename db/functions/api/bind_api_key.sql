CREATE OR REPLACE FUNCTION api.bind_api_key(p_key text, p_scope text)
RETURNS jsonb
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- Verify a key for p_scope (admin grants every scope; client-bound keys
-- included) and set, for the rest of the transaction, the client its
-- queries may see: hq.client_domain = the key's client, or '*' for a key
-- bound to none. Row-level security on client.leads and
-- raw.client_lead_payloads reads that setting. An invalid key sets '' (no
-- client rows) and returns NULL; otherwise {key_id, client_domain}.
DECLARE
  v_id uuid;
  v_client text;
BEGIN
  SELECT k.id, k.client_domain INTO v_id, v_client
  FROM reference.api_keys k
  WHERE k.key_hash = sha256(convert_to(p_key, 'UTF8'))
    AND k.revoked_at IS NULL
    AND (k.scope = p_scope OR k.scope = 'admin');
  IF v_id IS NULL THEN
    PERFORM set_config('hq.client_domain', '', true);
    RETURN NULL;
  END IF;
  PERFORM set_config('hq.client_domain', coalesce(v_client, '*'), true);
  RETURN jsonb_build_object('key_id', v_id, 'client_domain', v_client);
END;
$$;
COMMENT ON FUNCTION api.bind_api_key(text, text) IS 'Verify a key (client-bound or not) and set hq.client_domain for the transaction (its client, or * when unbound): what row-level security on client leads reads.';
