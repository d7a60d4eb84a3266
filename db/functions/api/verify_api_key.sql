CREATE OR REPLACE FUNCTION api.verify_api_key(p_key text, p_scope text)
RETURNS uuid
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  -- The id of the active key when it grants p_scope (admin grants every
  -- scope), else NULL. A key bound to a client passes only
  -- api.bind_api_key (the client-lead routes).
  SELECT k.id
  FROM reference.api_keys k
  WHERE k.key_hash = sha256(convert_to(p_key, 'UTF8'))
    AND k.revoked_at IS NULL
    AND (k.scope = p_scope OR k.scope = 'admin')
    AND k.client_domain IS NULL;
$$;
COMMENT ON FUNCTION api.verify_api_key(text, text) IS 'Key id when the key is active, not bound to a client, and grants the scope (admin grants all); NULL otherwise.';
