CREATE OR REPLACE FUNCTION api.legacy_location_lookup(p_location_name text, p_country text DEFAULT NULL)
RETURNS jsonb
LANGUAGE sql
STABLE
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  -- The existing Clay tables' location lookup (POST
  -- /run/people/db/person-location/lookup): api.lookup_location in the
  -- legacy field names, {location_name, match_status boolean, city, state,
  -- country, has_city, has_state, has_country}; match_status is true when
  -- the location matched fully.
  SELECT jsonb_build_object('location_name', p_location_name,
                            'match_status', l ->> 'match_status' = 'matched',
                            'city', l -> 'city', 'state', l -> 'state', 'country', l -> 'country',
                            'has_city', l ->> 'city' IS NOT NULL, 'has_state', l ->> 'state' IS NOT NULL,
                            'has_country', l ->> 'country' IS NOT NULL)
  FROM api.lookup_location(p_location_name, p_country) l;
$$;
COMMENT ON FUNCTION api.legacy_location_lookup(text, text) IS
  'Deprecated Clay route: location lookup in legacy field names (match_status boolean, city, state, country, has_*).';
