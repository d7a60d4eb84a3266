CREATE OR REPLACE FUNCTION core.try_parse_jsonb(p_text text)
RETURNS jsonb
LANGUAGE plpgsql
IMMUTABLE PARALLEL SAFE
AS $$
-- Parse text as JSON; NULL when it is not valid JSON. Used only for payloads
-- delivered as a JSON string that contains the JSON object.
BEGIN
  RETURN p_text::jsonb;
EXCEPTION WHEN invalid_text_representation THEN
  RETURN NULL;
END;
$$;
COMMENT ON FUNCTION core.try_parse_jsonb(text) IS 'Text parsed as jsonb, or NULL when it is not valid JSON.';
