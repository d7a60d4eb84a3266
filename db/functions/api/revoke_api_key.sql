CREATE OR REPLACE FUNCTION api.revoke_api_key(p_key_id text)
RETURNS integer
LANGUAGE plpgsql
VOLATILE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
-- Revoke one key, named by its id, a unique prefix of its id (at least 4
-- characters, dashes optional), the key itself, or the key's printed prefix
-- when only one key has it. A prefix that fits several keys revokes nothing
-- and raises 22023 listing them. Returns 1, or 0 when no active key fits.
DECLARE
  v_arg text := lower(btrim(p_key_id));
  v_ids uuid[];
BEGIN
  IF v_arg IS NULL OR v_arg = '' THEN
    RAISE EXCEPTION 'give a key id, a unique prefix of one, or the key' USING ERRCODE = '22023';
  END IF;
  SELECT array_agg(k.id ORDER BY k.created_at) INTO v_ids
  FROM reference.api_keys k
  WHERE k.revoked_at IS NULL
    AND (k.key_hash = sha256(convert_to(btrim(p_key_id), 'UTF8'))
         OR (length(replace(v_arg, '-', '')) >= 4
             AND replace(k.id::text, '-', '') LIKE replace(replace(replace(v_arg, '-', ''), '%', ''), '_', '') || '%')
         OR k.key_prefix = btrim(p_key_id));
  IF cardinality(v_ids) > 1 THEN
    RAISE EXCEPTION 'key id prefix % is ambiguous: it fits % active keys (%)', quote_literal(p_key_id),
      cardinality(v_ids), array_to_string(v_ids[1:5], ', ')
      USING ERRCODE = '22023', HINT = 'Give more characters of the id (hq keys list shows them).';
  END IF;
  UPDATE reference.api_keys k SET revoked_at = now() WHERE k.id = ANY (coalesce(v_ids, '{}'));
  RETURN coalesce(cardinality(v_ids), 0);
END;
$$;
COMMENT ON FUNCTION api.revoke_api_key(text) IS 'Revoke the one active key named by id, unique id prefix, the key itself or its printed prefix; raises on an ambiguous prefix; returns keys revoked (0 or 1).';
