CREATE OR REPLACE FUNCTION core.snake_case(p_text text)
RETURNS text
LANGUAGE sql
IMMUTABLE STRICT PARALLEL SAFE
AS $$
  -- A CSV header as a column name: lower case, every run of other characters
  -- than a-z and 0-9 as one '_', none at either end, a UTF-8 BOM dropped
  -- ('LinkedIn URL (user profile)' -> 'linkedin_url_user_profile'). The one
  -- place this rule lives: core.snake_case_keys and api.ingest_columns use it.
  SELECT btrim(regexp_replace(lower(replace(p_text, chr(65279), '')), '[^a-z0-9]+', '_', 'g'), '_');
$$;
COMMENT ON FUNCTION core.snake_case(text) IS 'CSV header -> column name: lower case, runs of other characters as one underscore, BOM dropped.';
