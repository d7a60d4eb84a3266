CREATE OR REPLACE FUNCTION core.is_salesnav_key(p_url text)
RETURNS boolean
LANGUAGE sql
IMMUTABLE PARALLEL SAFE
AS $$
  -- Whether a stored (already normalized) person key is a Sales Navigator
  -- id rather than a public profile: core.salesnav_id(p_url) IS NOT NULL
  -- for normalized input, as one LIKE that the planner inlines, so the
  -- per-row checks of a batch cost no function call.
  SELECT p_url LIKE 'https://www.linkedin.com/in/ACw%';
$$;
COMMENT ON FUNCTION core.is_salesnav_key(text) IS
  'True when a normalized person key is a Sales Navigator id (/in/ACw...), false for a public profile URL; inlined by the planner.';
