CREATE OR REPLACE FUNCTION api.revoke_api_key(p_key_id text)
RETURNS integer
LANGUAGE sql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  -- Revoke by id (uuid text) or by the key's printed prefix; returns rows revoked.
  WITH r AS (
    UPDATE reference.api_keys k SET revoked_at = now()
    WHERE k.revoked_at IS NULL
      AND (k.id::text = p_key_id OR k.key_prefix = p_key_id)
    RETURNING 1)
  SELECT count(*)::integer FROM r;
$$;
COMMENT ON FUNCTION api.revoke_api_key(text) IS 'Revoke an API key by id or prefix; returns how many keys were revoked.';
