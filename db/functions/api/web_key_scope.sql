CREATE OR REPLACE FUNCTION api.web_key_scope(p_key text DEFAULT NULL, p_key_id uuid DEFAULT NULL)
RETURNS jsonb
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  -- For the dashboard: {id, scope, name} of an active key given either the
  -- key itself (sign-in) or its id (each request of a signed-in session, so
  -- revoking a key ends its sessions); NULL when revoked or unknown, and for
  -- a key bound to one client (it may read only that client's leads, and the
  -- dashboard shows the whole warehouse).
  SELECT jsonb_build_object('id', k.id, 'scope', k.scope, 'name', k.name)
  FROM reference.api_keys k
  WHERE k.revoked_at IS NULL AND k.client_domain IS NULL
    AND (p_key IS NULL OR k.key_hash = sha256(convert_to(p_key, 'UTF8')))
    AND (p_key_id IS NULL OR k.id = p_key_id)
    AND (p_key IS NOT NULL OR p_key_id IS NOT NULL);
$$;
COMMENT ON FUNCTION api.web_key_scope(text, uuid) IS 'Dashboard sign-in and session check: id, scope and name of an active key, by key or by key id.';
