CREATE OR REPLACE FUNCTION api.create_api_key(p_scope text, p_name text DEFAULT NULL)
RETURNS text
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- Create a key for one scope (ingest, query, admin); returns the key once.
-- Only sha256(key) is stored. Format: hq_<scope>_<64 hex chars>.
DECLARE
  v_key text;
BEGIN
  IF p_scope IS NULL OR p_scope NOT IN ('ingest', 'query', 'admin') THEN
    RAISE EXCEPTION 'invalid scope %: use ingest, query or admin', coalesce(quote_literal(p_scope), 'NULL')
      USING ERRCODE = '22023';
  END IF;
  v_key := 'hq_' || p_scope || '_'
           || replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');
  INSERT INTO reference.api_keys (name, scope, key_prefix, key_hash)
  VALUES (p_name, p_scope, left(v_key, 12), sha256(convert_to(v_key, 'UTF8')));
  RETURN v_key;
END;
$$;
COMMENT ON FUNCTION api.create_api_key(text, text) IS 'Create an API key with a scope; returns the plaintext key once, stores only its sha256.';
