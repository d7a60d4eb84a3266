CREATE OR REPLACE FUNCTION core.snake_case_keys(p_object jsonb)
RETURNS jsonb
LANGUAGE sql
IMMUTABLE PARALLEL SAFE
AS $$
  -- The object with every top-level key in snake_case, the way CSV headers
  -- become raw.salesnav_scrapes columns ('LinkedIn URL (user profile)' ->
  -- 'linkedin_url_user_profile', core.snake_case); NULL or a non-object
  -- gives '{}'.
  SELECT coalesce(jsonb_object_agg(core.snake_case(e.key), e.value), '{}')
  FROM jsonb_each(CASE WHEN jsonb_typeof(p_object) = 'object' THEN p_object ELSE '{}' END) AS e;
$$;
COMMENT ON FUNCTION core.snake_case_keys(jsonb) IS 'Top-level keys of an object in snake_case (CSV header -> column name).';
