CREATE OR REPLACE FUNCTION api.create_api_key(p_scope text, p_name text DEFAULT NULL, p_client_domain text DEFAULT NULL)
RETURNS text
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- Create a key for one scope (ingest, query, admin); returns the key once.
-- Only sha256(key) is stored. Format: hq_<scope>_<64 hex chars>.
-- p_client_domain binds an ingest or query key to one client's leads.
DECLARE
  v_key text;
  v_client text;
BEGIN
  IF p_scope IS NULL OR p_scope NOT IN ('ingest', 'query', 'admin') THEN
    RAISE EXCEPTION 'invalid scope %: use ingest, query or admin', coalesce(quote_literal(p_scope), 'NULL')
      USING ERRCODE = '22023';
  END IF;
  IF p_client_domain IS NOT NULL THEN
    v_client := core.normalize_domain(p_client_domain);
    IF v_client IS NULL THEN
      RAISE EXCEPTION 'client %: not a domain', quote_literal(p_client_domain) USING ERRCODE = '22023';
    ELSIF p_scope = 'admin' THEN
      RAISE EXCEPTION 'an admin key cannot be bound to a client: use --scope ingest or query' USING ERRCODE = '22023';
    END IF;
  END IF;
  v_key := 'hq_' || p_scope || '_'
           || replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');
  INSERT INTO reference.api_keys (name, scope, key_prefix, key_hash, client_domain)
  VALUES (p_name, p_scope, left(v_key, 12), sha256(convert_to(v_key, 'UTF8')), v_client);
  RETURN v_key;
END;
$$;
COMMENT ON FUNCTION api.create_api_key(text, text, text) IS 'Create an API key with a scope, optionally bound to one client domain; returns the plaintext key once, stores only its sha256.';
