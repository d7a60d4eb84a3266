CREATE OR REPLACE FUNCTION api.list_api_keys()
RETURNS TABLE (id uuid, scope text, name text, key_prefix text, created_at timestamptz,
               last_used_at timestamptz, revoked_at timestamptz)
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  -- Every key, newest first (admin); never the key or its hash.
  SELECT k.id, k.scope, k.name, k.key_prefix, k.created_at, k.last_used_at, k.revoked_at
  FROM reference.api_keys k
  ORDER BY k.created_at DESC, k.id;
$$;
COMMENT ON FUNCTION api.list_api_keys() IS 'API keys (id, scope, name, printed prefix, created, last used, revoked), newest first; admin only.';
