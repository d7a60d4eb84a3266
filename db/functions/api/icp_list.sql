CREATE OR REPLACE FUNCTION core.icp_list(p_criteria jsonb, p_key text)
RETURNS text[]
LANGUAGE sql
IMMUTABLE
AS $$
  -- An ICP criterion as a text array: a JSON array's non-blank strings, a
  -- single string as one element; NULL when missing, null or empty (no filter).
  SELECT NULLIF(ARRAY(
    SELECT btrim(x) FROM jsonb_array_elements_text(
      CASE jsonb_typeof(p_criteria -> p_key) WHEN 'array' THEN p_criteria -> p_key
                                             WHEN 'string' THEN jsonb_build_array(p_criteria -> p_key) ELSE '[]' END) AS x
    WHERE btrim(x) <> ''), '{}');
$$;
COMMENT ON FUNCTION core.icp_list(jsonb, text) IS 'An ICP criterion (JSON array or string) as text[]; NULL when it does not filter.';
