CREATE OR REPLACE FUNCTION api.authenticate(p_key text, p_rate_per_minute integer DEFAULT NULL)
RETURNS TABLE (key_id uuid, scope text, retry_after double precision, client_domain text)
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- One call per HTTP request, before its body is read: the active key's id
-- and scope (no row when the key is unknown or revoked), its last use
-- (written at most once a minute, so a busy key costs no write per request)
-- and the per-key rate limit. The limit is a GCRA over one minute: up to
-- p_rate_per_minute requests at once, then one every 60/p_rate_per_minute
-- seconds; retry_after is NULL when the request may go on, else the seconds
-- to wait. The state is one row per key in an unlogged table, so every
-- server process and every worker shares the same limit. client_domain is
-- the client a key is bound to (NULL for an unbound key): such a key may only
-- use the client-lead routes, which bind it with api.bind_api_key.
DECLARE
  v_id uuid;
  v_scope text;
  v_step interval;
  v_tat timestamptz;
  v_client text;
BEGIN
  SELECT k.id, k.scope, k.client_domain INTO v_id, v_scope, v_client
  FROM reference.api_keys k
  WHERE k.key_hash = sha256(convert_to(p_key, 'UTF8')) AND k.revoked_at IS NULL;
  IF v_id IS NULL THEN
    RETURN;
  END IF;
  UPDATE reference.api_keys k SET last_used_at = now()
  WHERE k.id = v_id AND (k.last_used_at IS NULL OR k.last_used_at < now() - interval '1 minute');
  IF coalesce(p_rate_per_minute, 0) > 0 THEN
    v_step := interval '1 minute' / p_rate_per_minute;
    INSERT INTO reference.api_key_rate AS r (key_id, tat) VALUES (v_id, clock_timestamp() + v_step)
    ON CONFLICT ON CONSTRAINT api_key_rate_pkey DO UPDATE
      SET tat = greatest(r.tat, clock_timestamp()) + v_step
      WHERE greatest(r.tat, clock_timestamp()) + v_step - clock_timestamp() <= interval '1 minute'
    RETURNING r.tat INTO v_tat;
    IF v_tat IS NULL THEN
      SELECT extract(epoch FROM r.tat + v_step - clock_timestamp() - interval '1 minute')
      INTO retry_after FROM reference.api_key_rate r WHERE r.key_id = v_id;
      retry_after := greatest(retry_after, 0.001);
    END IF;
  END IF;
  key_id := v_id;
  scope := v_scope;
  client_domain := v_client;
  RETURN NEXT;
END;
$$;
COMMENT ON FUNCTION api.authenticate(text, integer) IS
  'Per request: the active key''s id, scope and client binding (no row when unknown/revoked), last use recorded at most once a minute, and the per-key rate limit (retry_after seconds when over it).';
